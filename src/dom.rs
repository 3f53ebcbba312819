//! Thin helpers over web-sys for the few things the app does to the page: find its
//! elements by their `data-*` hooks, and change an attribute, a flag or a text.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

pub fn document() -> Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a page with a document")
}

/// The root element (`<html>`).
pub fn root() -> Element {
    document().document_element().expect("<html>")
}

/// The first element matching `css` under `at`.
pub fn find(at: &Element, css: &str) -> Option<Element> {
    at.query_selector(css).ok().flatten()
}

/// The first element of the document matching `css`.
pub fn find_doc(css: &str) -> Option<Element> {
    document().query_selector(css).ok().flatten()
}

/// Every element matching `css` under `at` (the document when `None`), in document order.
pub fn all(at: Option<&Element>, css: &str) -> Vec<Element> {
    let list = match at {
        Some(el) => el.query_selector_all(css),
        None => document().query_selector_all(css),
    };
    let Ok(list) = list else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

pub fn attr(el: &Element, name: &str) -> Option<String> {
    el.get_attribute(name)
}

pub fn set_attr(el: &Element, name: &str, value: &str) {
    let _ = el.set_attribute(name, value);
}

/// Sets or removes a boolean attribute (`hidden`, `disabled`, `inert`, `data-*` flags).
pub fn flag(el: &Element, name: &str, on: bool) {
    let _ = if on {
        el.set_attribute(name, "")
    } else {
        el.remove_attribute(name)
    };
}

/// Shows or hides an HTML element (its `hidden` property: no string crosses to JS).
pub fn show(el: &Element, on: bool) {
    el.unchecked_ref::<web_sys::HtmlElement>().set_hidden(!on);
}

pub fn set_text(el: &Element, text: &str) {
    el.set_text_content(Some(text));
}

pub fn set_class(el: &Element, class: &str, on: bool) {
    let _ = el.class_list().toggle_with_force(class, on);
}

/// Scrolls `el` to the top of the viewport unless its top is already in view.
pub fn bring_into_view(el: &Element) {
    let top = el.get_bounding_client_rect().top();
    let height = web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    if top < 0.0 || top > height - 48.0 {
        el.scroll_into_view_with_bool(true);
    }
}

/// A number as text, without the formatting machinery.
pub fn num(n: usize) -> String {
    let mut s = String::new();
    let mut n = n;
    loop {
        s.insert(0, char::from(b'0' + (n % 10) as u8));
        n /= 10;
        if n == 0 {
            return s;
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn numbers_as_text() {
        for n in [0, 7, 10, 31, 3100, usize::MAX] {
            assert_eq!(super::num(n), n.to_string());
        }
    }
}
