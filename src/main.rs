//! Entry point: build the explorer beside the pre-rendered article, then swap it in
//! in one step (no blank frame, no layout jump), and mark the page as ready. A panic
//! anywhere marks the page as faulty, which shows a notice; the article stays readable.

mod app;
mod block;
mod data;
mod figures;
mod filters;
mod guide;
mod results;
mod state;
mod url;

/// The interface strings live in the core, shared with the build-time pre-render.
use jinyi_core::text;

use leptos::prelude::document;
use leptos::wasm_bindgen::JsCast;

/// On a panic: log it, and show the page's fault notice (index.html) via `data-fault`.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-fault", "panic");
        }
    }));
}

/// Test builds only (feature `fault-trigger`): panic when the URL asks for it at `when`.
#[cfg(feature = "fault-trigger")]
fn debug_panic(when: &str) {
    if url::current_query().contains(&format!("debug-panic={when}")) {
        panic!("debug-panic={when}: a deliberate panic (fault-trigger build)");
    }
}

fn main() {
    install_panic_hook();
    #[cfg(feature = "fault-trigger")]
    debug_panic("mount");
    let doc = document();
    let Ok(live) = doc.create_element("div") else {
        return;
    };
    // Build off-screen first: if building fails, the pre-rendered article stays.
    leptos::mount::mount_to(live.clone().unchecked_into(), app::App).forget();
    match doc.get_element_by_id("app") {
        Some(pre) => {
            let _ = pre.replace_with_with_node_1(&live);
        }
        None => {
            if let Some(body) = doc.body() {
                let _ = body.append_child(&live);
            }
        }
    }
    live.set_id("app");
    if let Some(root) = doc.document_element() {
        let _ = root.set_attribute("data-ready", "1");
    }
    if let Some(perf) = leptos::prelude::window().performance() {
        let _ = perf.mark("app-interactive");
    }
}
