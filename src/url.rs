//! The browser side of the URL contract: read the query, write it back with
//! `history.pushState`/`replaceState`. Failing history APIs (sandboxed frames, file://)
//! are ignored: the page keeps working, only the address bar stays behind.

use crate::state::UrlWrite;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The current query string, with its `?` (or `""`).
pub fn current_query() -> String {
    window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The current `#fragment`, with its `#` (or `""`).
pub fn current_hash() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Writes the query; `push` adds a history entry, otherwise the current one changes.
pub fn write(w: &UrlWrite) {
    if w.query == current_query() {
        return;
    }
    let Some(win) = window() else {
        return;
    };
    let location = win.location();
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let url = [path.as_str(), w.query.as_str(), hash.as_str()].concat();
    let Ok(history) = win.history() else {
        return;
    };
    let state = wasm_bindgen::JsValue::NULL;
    let _ = if w.push {
        history.push_state_with_url(&state, "", Some(&url))
    } else {
        history.replace_state_with_url(&state, "", Some(&url))
    };
}
