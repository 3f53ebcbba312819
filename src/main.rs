//! Entry point: mount the explorer and mark the page as ready (for tests and timing).

mod app;
mod block;
mod data;
mod filters;
mod results;
mod state;
mod text;
mod url;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
    let window = leptos::prelude::window();
    if let Some(root) = window.document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("data-ready", "1");
    }
    if let Some(perf) = window.performance() {
        let _ = perf.mark("app-interactive");
    }
}
