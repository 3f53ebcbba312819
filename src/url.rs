//! The browser side of the URL contract: read the query, write it back with
//! `history.pushState`/`replaceState`. Failing history APIs (sandboxed frames, file://)
//! are ignored: the page keeps working, only the address bar stays behind.

use leptos::prelude::window;

/// The current query string, with its `?` (or `""`).
pub fn current_query() -> String {
    window().location().search().unwrap_or_default()
}

/// Sets the query string; `push` adds a history entry, otherwise the current one changes.
pub fn set_query(query: &str, push: bool) {
    if query == current_query() {
        return;
    }
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let url = format!("{path}{query}{hash}");
    let Ok(history) = window().history() else {
        return;
    };
    let state = wasm_bindgen::JsValue::NULL;
    let _ = if push {
        history.push_state_with_url(&state, "", Some(&url))
    } else {
        history.replace_state_with_url(&state, "", Some(&url))
    };
}
