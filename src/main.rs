//! The explorer in the browser: the Wasm module the page's loader instantiates. `main`
//! runs at instantiation (the page is still being parsed): only the panic hook. The
//! loader calls `run` once the document is parsed, which hydrates the page (lib.rs).

/// Talc instead of std's dlmalloc: the same job in fewer bytes of Wasm.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    // A panic marks the page as faulty (its notice shows; the article stays readable).
    // The message without the formatting machinery (the size build aborts at once and
    // the page's loader reports the trap instead).
    std::panic::set_hook(Box::new(|info| {
        let why = info.payload().downcast_ref::<&str>().copied();
        jinyi_explorer::fault("panic", why.unwrap_or("panic"));
    }));
}

/// Takes over the page; the loader calls it once the document is parsed.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn run() {
    #[cfg(target_arch = "wasm32")]
    jinyi_explorer::start();
}
