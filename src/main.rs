//! The explorer in the browser. The page is already there, rendered at build time by
//! the Leptos components in site/ (with a shared link's filters applied before the first
//! paint by the page's own script); this app adopts it, reads the state from the URL and
//! keeps the page in step with the reader. A panic marks the page as faulty, which
//! shows a notice; the article stays readable.

mod app;
mod data;
mod dom;
mod events;
mod marks;
mod page;
mod render;
mod state;
mod url;
mod view;

use wasm_bindgen::JsValue;

/// Talc instead of std's dlmalloc: the same job in fewer bytes of Wasm.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Marks the page as faulty (`data-fault`, which shows the page's notice) and logs why.
fn fault(kind: &str, why: &str) {
    web_sys::console::error_1(&JsValue::from_str(why));
    dom::set_attr(&dom::root(), "data-fault", kind);
}

/// Test builds only (feature `fault-trigger`): panic when the URL asks for it at `when`.
#[cfg(feature = "fault-trigger")]
pub fn debug_panic(when: &str) {
    if url::current_query().contains(&["debug-panic=", when].concat()) {
        panic!("debug-panic: a deliberate panic (fault-trigger build)");
    }
}

/// Runs when the module is instantiated, which the page's loader starts while the page
/// is still being parsed: only the panic hook, the page is not complete yet.
fn main() {
    // The message without the formatting machinery (the size build aborts at once and
    // the page's loader reports the trap instead).
    std::panic::set_hook(Box::new(|info| {
        let why = info.payload().downcast_ref::<&str>().copied();
        fault("panic", why.unwrap_or("panic"));
    }));
}

/// Takes over the page; the loader calls it once the document is parsed.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn run() {
    #[cfg(feature = "fault-trigger")]
    debug_panic("mount");
    match page::Page::adopt() {
        Some(page) => {
            app::start(page);
            events::install();
            if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
                let _ = perf.mark("app-interactive");
            }
        }
        None => fault("page", "the page is not the one this app was built with"),
    }
}
