//! The 金义新区 explorer: a Leptos app with the article compiled in (`data`). Its
//! components (`page`) are rendered to HTML at build time (feature `ssr`, by the build
//! step in site/) and hydrated in the browser (wasm32, `start`), where they take over the
//! page they wrote. The reader's state lives in Leptos signals (`reader`); what it shows
//! is computed by the core (`view`); the address follows it (`state`, `browser`).

pub mod browser;
pub mod data;
mod page;
pub mod reader;
pub mod state;
pub mod view;

pub use page::{App, Head};

/// Marks the page as faulty (`data-fault`, which shows the page's notice) and logs why.
pub fn fault(kind: &str, why: &str) {
    web_sys::console::error_1(&wasm_bindgen::JsValue::from_str(why));
    browser::root_flag("data-fault", Some(kind));
}

/// Test builds only (feature `fault-trigger`): panic when the URL asks for it at `when`.
#[cfg(feature = "fault-trigger")]
pub fn debug_panic(when: &str) {
    if browser::query().contains(&["debug-panic=", when].concat()) {
        panic!("debug-panic: a deliberate panic (fault-trigger build)");
    }
}

/// Takes the page over: hydrates it in the state it was rendered in, then moves to the
/// address's state. The page may already show that state (a shared link's filters,
/// applied before the first paint by the page's own step): that step only ever moves the
/// page from the rendered state towards the link's, so whatever the link's state changes
/// is written again, and the rest already agrees. Runs once the document is parsed.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    use leptos::prelude::*;
    use leptos::{ev, view};
    use reader::Reader;
    use state::State;

    #[cfg(feature = "fault-trigger")]
    debug_panic("mount");
    let a = &data::ARTICLE;
    let Some(container) = browser::element("app") else {
        fault("page", "the page has no #app to take over");
        return;
    };
    let reader = Reader::built(a);
    leptos::mount::hydrate_from(container, move || view! { <App reader /> }).forget();

    let langs = browser::languages();
    let mut state = State::from_query(a, &browser::query(), langs.iter().map(String::as_str));
    state.set_target(a, &browser::hash());
    reader.state.set(state);
    reader.href.set(browser::href());

    window_event_listener(ev::popstate, move |_| reader.restore(&browser::query()));
    window_event_listener(ev::hashchange, move |_| reader.set_target(&browser::hash()));
    window_event_listener(ev::keydown, move |e| {
        if e.key() == "Escape" && reader.drawer() {
            reader.set_drawer(false);
        }
    });
    // The updates above run as microtasks, before the next paint; this runs after them.
    set_timeout(
        || {
            for done in ["data-stale", "data-searching", "data-linked"] {
                browser::root_flag(done, None);
            }
            browser::root_flag("data-ready", Some("1"));
            browser::mark("app-interactive");
        },
        std::time::Duration::ZERO,
    );
}
