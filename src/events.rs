//! What the reader does, turned into state changes: one listener per kind of event on
//! the document (the page's controls are found by their `data-*` hooks), and Back/Forward.

use crate::app::{reveal, show_target, update, with_state};
use crate::data::ARTICLE;
use crate::dom::{attr, find_doc};
use crate::state::Change;
use crate::url::current_query;
use jinyi_core::model::Facet;
use jinyi_core::text::Lang;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlElement, HtmlInputElement, KeyboardEvent};

fn facet_of(key: &str) -> Option<Facet> {
    Facet::ALL.into_iter().find(|f| f.key() == key)
}

/// Toggles facet value `name` (a click: a new history entry).
fn toggle(facet: Facet, name: Option<String>) {
    let Some(v) = name.and_then(|n| ARTICLE.value_index(facet, &n)) else {
        return;
    };
    update(|s| Some(s.change(Change::Click, |sel| sel.toggle(facet, v as u16))));
}

fn focus(css: &str) {
    if let Some(el) = find_doc(css).and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Opens or closes the filters drawer; focus goes into it, or back to its button.
fn drawer(open: bool) {
    update(|s| {
        s.drawer = open;
        None
    });
    focus(if open {
        "#search"
    } else {
        "[data-drawer-toggle]"
    });
}

fn on_click(ev: Event) {
    let Some(target) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    let hit = |css: &str| target.closest(css).ok().flatten();
    if let Some(b) = hit("button[data-facet]") {
        if let Some(f) = attr(&b, "data-facet").and_then(|k| facet_of(&k)) {
            toggle(f, attr(&b, "data-value"));
        }
    } else if let Some(chip) =
        hit("[data-chip-remove]").and_then(|b| b.closest("[data-chip]").ok().flatten())
    {
        match attr(&chip, "data-chip-facet").as_deref() {
            Some("q") => update(|s| Some(s.change(Change::Click, |sel| sel.q.clear()))),
            Some(key) => {
                if let Some(f) = facet_of(key) {
                    toggle(f, attr(&chip, "data-chip-value"));
                }
            }
            None => {}
        }
        focus("#results");
    } else if hit("[data-show-target]").is_some() {
        show_target();
    } else if hit("[data-clear-all]").is_some() {
        update(|s| Some(s.change(Change::Click, |sel| *sel = Default::default())));
        focus("#results");
    } else if hit("[data-dismiss]").is_some() {
        update(|s| {
            s.ignored = Default::default();
            None
        });
    } else if hit("[data-lang-switch]").is_some() {
        update(|s| {
            let other = if s.lang == Lang::Zh {
                Lang::En
            } else {
                Lang::Zh
            };
            Some(s.set_lang(other))
        });
    } else if hit("[data-drawer-toggle]").is_some() {
        drawer(!with_state(|s| s.drawer).unwrap_or(false));
    } else if hit("[data-drawer-close]").is_some() {
        drawer(false);
    } else if let Some(star) = hit("[data-star]") {
        toggle(Facet::Platform, attr(&star, "data-star"));
        reveal();
    } else if let Some(link) = hit("a[data-guide-link]") {
        ev.prevent_default();
        toggle(Facet::Platform, attr(&link, "data-guide-link"));
        reveal();
    }
}

fn on_input(ev: Event) {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
    else {
        return;
    };
    if input.id() == "search" {
        let q = input.value();
        update(|s| Some(s.change(Change::Typing, |sel| sel.q = q)));
    }
}

fn on_change(ev: Event) {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
    else {
        return;
    };
    if input.has_attribute("data-context-toggle") {
        let on = input.checked();
        update(|s| {
            s.context = on;
            None
        });
        // In the whole article, the first match is where reading starts.
        if on {
            reveal();
        }
    }
}

fn on_keydown(ev: Event) {
    let (Some(key), Some(target)) = (
        ev.dyn_ref::<KeyboardEvent>().map(KeyboardEvent::key),
        ev.target().and_then(|t| t.dyn_into::<Element>().ok()),
    ) else {
        return;
    };
    let typed = with_state(|s| !s.sel.q.is_empty()).unwrap_or(false);
    if key == "Escape" && target.id() == "search" && typed {
        ev.prevent_default();
        update(|s| Some(s.change(Change::Click, |sel| sel.q.clear())));
    }
    if key == "Escape" && with_state(|s| s.drawer).unwrap_or(false) {
        drawer(false);
    }
}

fn listen(target: &web_sys::EventTarget, kind: &str, f: fn(Event)) {
    let cb = Closure::<dyn FnMut(Event)>::new(f);
    let _ = target.add_event_listener_with_callback(kind, cb.as_ref().unchecked_ref());
    cb.forget();
}

/// Listens to the reader from now on.
#[inline(never)]
pub fn install() {
    let Some(win) = web_sys::window() else {
        return;
    };
    if let Some(doc) = win.document() {
        listen(&doc, "click", on_click);
        listen(&doc, "input", on_input);
        listen(&doc, "change", on_change);
        listen(&doc, "keydown", on_keydown);
    }
    listen(&win, "hashchange", |_| {
        let hash = crate::url::current_hash();
        update(|s| {
            s.set_target(&hash);
            None
        });
    });
    listen(&win, "popstate", |_| {
        let q = current_query();
        update(|s| {
            s.restore(&q);
            None
        });
    });
}
