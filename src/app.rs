//! The running app: the adopted page, the reader's state and the view last written to
//! the page. Every change goes through `update`, which writes the URL and the difference.

use crate::dom::{flag, root};
use crate::page::Page;
use crate::render::render;
use crate::state::{State, UrlWrite};
use crate::url;
use crate::view::View;
use jinyi_core::search::searches;
use jinyi_core::text::Lang;
use std::cell::RefCell;
use wasm_bindgen::JsCast;

struct App {
    page: Page,
    state: State,
    shown: View,
}

thread_local! {
    static APP: RefCell<Option<App>> = const { RefCell::new(None) };
}

/// The browser's preferred languages, most preferred first.
fn browser_languages() -> Vec<String> {
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else {
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

/// A search needs the blocks' texts: read them from the page the first time.
fn texts_for(page: &Page, state: &State) {
    if searches(&state.sel.q) && !crate::data::load_texts(|| page.texts()) {
        crate::fault("page", "the page's text differs from the article");
    }
}

/// Takes over `page`: reads the state from the URL and shows it.
#[inline(never)]
pub fn start(page: Page) {
    let langs = browser_languages();
    let mut state = State::from_query(&url::current_query(), langs.iter().map(String::as_str));
    state.set_target(&url::current_hash());
    let html = root();
    // The page shows the default state in the language the page step chose, unless it
    // applied a shared link (`data-stale`): then everything is written once.
    let base = (!html.has_attribute("data-stale")).then(|| {
        let mut s = State::from_query("", std::iter::empty());
        s.lang = match html.get_attribute("data-ui").as_deref() {
            Some("en") => Lang::En,
            _ => Lang::Zh,
        };
        let mut v = View::of(&s);
        // The page holds the print line in both languages; the app writes it in one.
        v.print.clear();
        v
    });
    texts_for(&page, &state);
    let shown = View::of(&state);
    render(&page, base.as_ref(), &shown);
    for done in ["data-stale", "data-searching", "data-linked"] {
        flag(&html, done, false);
    }
    print_url(&page);
    crate::dom::set_attr(&html, "data-ready", "1");
    APP.with(|app| *app.borrow_mut() = Some(App { page, state, shown }));
}

/// Changes the state with `f`, writes the URL it returns, then the page.
pub fn update(f: impl FnOnce(&mut State) -> Option<UrlWrite>) {
    APP.with(|app| {
        let mut app = app.borrow_mut();
        let Some(app) = app.as_mut() else {
            return;
        };
        #[cfg(feature = "fault-trigger")]
        crate::debug_panic("click");
        if let Some(w) = f(&mut app.state) {
            url::write(&w);
            print_url(&app.page);
        }
        texts_for(&app.page, &app.state);
        let next = View::of(&app.state);
        render(&app.page, Some(&app.shown), &next);
        app.shown = next;
    });
}

/// Brings the results into view when they are out of it: the first shown block, else
/// the status line with the count. (A choice in the panel needs none: on a wide screen
/// the status line stays at the top of the viewport, see style/main.css.)
pub fn reveal() {
    APP.with(|app| {
        let app = app.borrow();
        let Some(app) = app.as_ref() else {
            return;
        };
        match app.shown.rows.iter().position(|r| r.matched) {
            Some(b) => crate::dom::bring_into_view(&app.page.rows[b].block),
            None => crate::dom::bring_into_view(&app.page.status),
        }
    });
}

/// A paragraph link to a block the filters leave out: show it in the whole article,
/// there, marked and focused.
pub fn show_target() {
    let Some(b) = with_state(|s| s.target).flatten() else {
        return;
    };
    update(|s| {
        s.context = true;
        None
    });
    APP.with(|app| {
        let app = app.borrow();
        let Some(block) = app.as_ref().map(|a| &a.page.rows[b].block) else {
            return;
        };
        crate::dom::set_attr(block, "data-target", "");
        block.scroll_into_view_with_bool(true);
        if let Some(el) = block.dyn_ref::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    });
}

/// Shows the page's address (with its state) on the printed page.
fn print_url(page: &Page) {
    let href = web_sys::window().and_then(|w| w.location().href().ok());
    crate::dom::set_text(&page.print_url, &href.unwrap_or_default());
}

/// Reads the state (for event handlers that decide from it).
pub fn with_state<T>(f: impl FnOnce(&State) -> T) -> Option<T> {
    APP.with(|app| app.borrow().as_ref().map(|a| f(&a.state)))
}
