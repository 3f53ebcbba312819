//! The reader's state in Leptos's reactive system: one signal holds the state (selection,
//! language, context view, drawer, a paragraph link's target), a memo turns it into the
//! `View` through the core, and the components read their part of that memo. Every
//! change goes through the methods here, which also write the address (`url.rs`).

use crate::state::{Change, State, UrlWrite};
use crate::view::{RowView, ValueView, View};
use jinyi_core::model::{Article, Facet};
use jinyi_core::query::{Read, Selection};
use jinyi_core::search::SearchIndex;
use jinyi_core::text::{Lang, Text};
use leptos::html;
use leptos::prelude::*;
use std::sync::OnceLock;

#[derive(Clone, Copy)]
pub struct Reader {
    pub article: &'static Article,
    pub state: RwSignal<State>,
    /// What the page shows for `state` (the core computes it).
    pub view: Memo<View>,
    /// Parts of `view` that many nodes read: a block's row, a facet value (per facet),
    /// the count. Nodes subscribe to these rather than all to `view`: a memo passes a
    /// change on only when its part changed, and no one memo has hundreds of
    /// subscribers (each re-run re-subscribes, at a cost that grows with their number).
    pub rows: &'static [Memo<RowView>],
    pub values: &'static [Vec<Memo<ValueView>>],
    pub count: Memo<usize>,
    pub lang: Memo<Lang>,
    pub read: Memo<Read>,
    /// The page's address, shown on the printed page.
    pub href: RwSignal<String>,
    /// The block a paragraph link named, marked when shown in the whole article.
    pub marked: RwSignal<Option<usize>>,
    /// The key figure the reader followed to its paragraph, its number marked there.
    pub figure: RwSignal<Option<usize>>,
    /// Where focus goes after a choice, and the status line (results into view).
    pub results: NodeRef<html::Main>,
    pub status: NodeRef<html::Div>,
    pub search: NodeRef<html::Input>,
    pub drawer_toggle: NodeRef<html::Button>,
}

impl Reader {
    /// A reader of `article` in `state`.
    pub fn new(article: &'static Article, state: State) -> Reader {
        // The search index, built on the first search.
        let index: &'static OnceLock<SearchIndex> = Box::leak(Box::new(OnceLock::new()));
        let state = RwSignal::new(state);
        let full = move || index.get_or_init(|| SearchIndex::for_article(article));
        let view = Memo::new(move |_| state.with(|s| View::of(article, full, s)));
        let rows = (0..article.blocks.len())
            .map(|b| Memo::new(move |_| view.with(|v| v.rows[b].clone())))
            .collect::<Vec<_>>();
        let values = Facet::ALL
            .iter()
            .map(|&f| {
                (0..article.facet_len(f))
                    .map(|i| Memo::new(move |_| view.with(|v| v.values[f as usize][i])))
                    .collect()
            })
            .collect::<Vec<_>>();
        Reader {
            article,
            state,
            view,
            rows: Box::leak(rows.into_boxed_slice()),
            values: Box::leak(values.into_boxed_slice()),
            count: Memo::new(move |_| view.with(|v| v.outcome.count)),
            lang: Memo::new(move |_| state.with(|s| s.lang)),
            read: Memo::new(move |_| state.with(|s| s.read())),
            href: RwSignal::new(String::new()),
            marked: RwSignal::new(None),
            figure: RwSignal::new(None),
            results: NodeRef::new(),
            status: NodeRef::new(),
            search: NodeRef::new(),
            drawer_toggle: NodeRef::new(),
        }
    }

    /// The state the build renders: the whole article, nothing chosen, Chinese.
    pub fn built(article: &'static Article) -> Reader {
        Reader::new(article, State::from_query(article, "", ["zh"]))
    }

    /// The interface words of the reader's language.
    pub fn t(self) -> &'static Text {
        self.lang.get().text()
    }

    /// Reads a part of the view (the caller re-runs when the view changes).
    pub fn with<T>(self, f: impl FnOnce(&View) -> T) -> T {
        self.view.with(f)
    }

    /// A facet value's part of the view.
    pub fn value(self, facet: Facet, value: usize) -> ValueView {
        self.values[facet as usize][value].get()
    }

    /// Reads a part of the view without tracking it (event handlers).
    pub fn with_untracked<T>(self, f: impl FnOnce(&View) -> T) -> T {
        self.view.with_untracked(f)
    }

    /// Changes the state with `f`, then writes the address it returns.
    fn update(self, f: impl FnOnce(&mut State) -> Option<UrlWrite>) {
        #[cfg(feature = "fault-trigger")]
        crate::debug_panic("click");
        let write = self.state.try_update(f).flatten();
        if let Some(w) = write {
            crate::browser::write(&w);
            self.href.set(crate::browser::href());
        }
    }

    fn change(self, how: Change, f: impl FnOnce(&mut Selection)) {
        let a = self.article;
        self.update(|s| Some(s.change(a, how, f)));
    }

    /// Toggles a facet value (a click: a new history entry).
    pub fn toggle(self, facet: Facet, value: usize) {
        self.change(Change::Click, |sel| sel.toggle(facet, value as u16));
    }

    /// The search box's text, as typed.
    pub fn type_query(self, q: String) {
        self.change(Change::Typing, |sel| sel.q = q);
    }

    pub fn clear_query(self) {
        self.change(Change::Click, |sel| sel.q.clear());
    }

    pub fn clear_all(self) {
        self.change(Change::Click, |sel| *sel = Selection::default());
    }

    pub fn switch_lang(self) {
        let a = self.article;
        self.update(|s| {
            let other = if s.lang == Lang::Zh {
                Lang::En
            } else {
                Lang::Zh
            };
            Some(s.set_lang(a, other))
        });
    }

    pub fn set_read(self, read: Read) {
        let a = self.article;
        self.update(|s| Some(s.set_read(a, read)));
    }

    pub fn set_context(self, on: bool) {
        let a = self.article;
        self.update(|s| Some(s.set_context(a, on)));
    }

    pub fn dismiss_notice(self) {
        self.update(|s| {
            s.ignored = Default::default();
            None
        });
    }

    /// Opens or closes the filters drawer; focus goes into it, or back to its button.
    pub fn set_drawer(self, open: bool) {
        self.update(|s| {
            s.drawer = open;
            None
        });
        after_render(move || {
            if open {
                focus(self.search.get_untracked());
            } else {
                focus(self.drawer_toggle.get_untracked());
            }
        });
    }

    pub fn drawer(self) -> bool {
        self.state.with_untracked(|s| s.drawer)
    }

    /// Focus on the results (after a chip or "clear all" removed what was focused).
    pub fn focus_results(self) {
        after_render(move || focus(self.results.get_untracked()));
    }

    /// Back/Forward: the state of the address's query, adding no history entry.
    pub fn restore(self, query: &str) {
        let a = self.article;
        self.update(|s| {
            s.restore(a, query);
            None
        });
        self.href.set(crate::browser::href());
    }

    /// The address's `#fragment` changed.
    pub fn set_target(self, hash: &str) {
        let a = self.article;
        self.update(|s| {
            s.set_target(a, hash);
            None
        });
    }

    /// A paragraph link to a block the filters leave out: show it in the whole article,
    /// there, marked and focused.
    pub fn show_target(self) {
        let Some(b) = self.state.with_untracked(|s| s.target) else {
            return;
        };
        self.set_context(true);
        self.marked.set(Some(b));
        // Read in English only, the paragraph is its English (the Chinese is folded away).
        let id = self.article.blocks[b].id;
        let id = match self.read.get_untracked() {
            Read::En => [id, "-en"].concat(),
            _ => id.to_string(),
        };
        after_render(move || {
            if let Some(el) = crate::browser::element(&id) {
                el.scroll_into_view_with_bool(true);
                let _ = el.focus();
            }
        });
    }

    /// Brings the status line (the count and chips) to the top of the view.
    pub fn reveal_status(self) {
        after_render(move || {
            if let Some(el) = self.status.get_untracked() {
                el.scroll_into_view_with_bool(true);
            }
        });
    }

    /// Brings the results into view when they are out of it: the first shown block, else
    /// the status line with the count.
    pub fn reveal(self) {
        after_render(move || {
            let first = self
                .view
                .with_untracked(|v| v.rows.iter().position(|r| r.matched));
            match first.and_then(|b| crate::browser::element(self.article.blocks[b].id)) {
                Some(el) => crate::browser::bring_into_view(&el),
                None => {
                    if let Some(el) = self.status.get_untracked() {
                        crate::browser::bring_into_view(&el);
                    }
                }
            }
        });
    }
}

/// Runs `f` once Leptos has written the last change to the page: the render effects it
/// woke run as tasks of the same queue, before this one (for what measures the page,
/// scrolls or moves focus: a hidden or inert element takes no focus).
fn after_render(f: impl FnOnce() + 'static) {
    leptos::task::spawn_local(async move { f() });
}

/// Focus (Leptos has no means for it: the element's own method).
fn focus<E: AsRef<web_sys::HtmlElement>>(el: Option<E>) {
    if let Some(el) = el {
        let _ = el.as_ref().focus();
    }
}
