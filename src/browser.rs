//! What the app asks of the browser where Leptos has no means: the address (read it,
//! write it with `history.pushState`/`replaceState`), the browser's languages, the
//! `<html>` element's language and flags, the document's title, and scrolling and
//! focus. Failing history APIs (sandboxed frames, file://) are ignored: the page keeps
//! working, only the address bar stays behind.

use crate::state::UrlWrite;
use web_sys::{Element, HtmlElement};

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The current query string, with its `?` (or `""`).
pub fn query() -> String {
    window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The current `#fragment`, with its `#` (or `""`).
pub fn hash() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The page's whole address.
pub fn href() -> String {
    window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// The browser's preferred languages, most preferred first.
pub fn languages() -> Vec<String> {
    let Some(nav) = window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    let mut out: Vec<String> = nav
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    out.extend(nav.language());
    out
}

/// Writes the query; `push` adds a history entry, otherwise the current one changes.
pub fn write(w: &UrlWrite) {
    if w.query == query() {
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

/// The root element (`<html>`): outside the app, which starts inside `<body>`.
fn root() -> Option<Element> {
    window()?.document()?.document_element()
}

/// Sets or removes a flag of `<html>` (`data-ready`, `data-fault`…): the page's
/// stylesheet and scripts read them. Only a change is written: a write to the root
/// element can make the browser restyle the whole document.
pub fn root_flag(name: &str, value: Option<&str>) {
    if let Some(html) = root() {
        if html.get_attribute(name).as_deref() == value {
            return;
        }
        let _ = match value {
            Some(v) => html.set_attribute(name, v),
            None => html.remove_attribute(name),
        };
    }
}

/// The document's title.
pub fn set_title(title: &str) {
    if let Some(doc) = window().and_then(|w| w.document()) {
        doc.set_title(title);
    }
}

/// A block by its id (paragraph links name blocks by id), to scroll to or focus.
pub fn element(id: &str) -> Option<HtmlElement> {
    use wasm_bindgen::JsCast;
    window()?
        .document()?
        .get_element_by_id(id)?
        .dyn_into::<HtmlElement>()
        .ok()
}

/// Whether the screen is narrow (a phone: the stylesheet's one-column layout, 52rem,
/// where the status line does not stay in view).
pub fn narrow() -> bool {
    window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w <= 52.0 * 16.0)
}

/// Scrolls `el` to the top of the viewport unless its top is already in view.
pub fn bring_into_view(el: &Element) {
    let top = el.get_bounding_client_rect().top();
    let height = window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    if top < 0.0 || top > height - 48.0 {
        el.scroll_into_view_with_bool(true);
    }
}

/// Marks the page `performance.mark(name)` (the bench reads it).
pub fn mark(name: &str) {
    if let Some(perf) = window().and_then(|w| w.performance()) {
        let _ = perf.mark(name);
    }
}
