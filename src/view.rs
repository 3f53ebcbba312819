//! What the page shows for a state, as plain values: which rows and sections show, the
//! counts, pressed buttons, chips, notices and the reasons beside each block. Pure (the
//! core computes; this only arranges), so `render.rs` can write the difference between
//! two views to the page and the arrangement is tested natively.

use crate::data::article;
use crate::state::State;
use jinyi_core::explain::{active_filters, chosen_values, search_route, value_words, Words};
use jinyi_core::filter::{apply, Outcome};
use jinyi_core::model::Facet;
use jinyi_core::search::{searches, SearchIndex, MAX_QUERY_CHARS};
use jinyi_core::text::Lang;
use std::sync::OnceLock;

/// The search index over the article's texts, built on first use (after
/// `data::load_texts`).
pub fn index() -> &'static SearchIndex {
    static INDEX: OnceLock<SearchIndex> = OnceLock::new();
    INDEX.get_or_init(|| SearchIndex::for_article(article()))
}

/// The index a state needs: the article's for a search, else none (so a page opened
/// without a search starts without building it; `app` builds it once idle).
fn index_for(q: &str) -> &'static SearchIndex {
    static NONE: OnceLock<SearchIndex> = OnceLock::new();
    if searches(q) {
        index()
    } else {
        NONE.get_or_init(|| SearchIndex::new(&[]))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowView {
    /// Shown: it matches, or the whole article is shown in context.
    pub shown: bool,
    pub matched: bool,
    /// Why it matches the chosen values (empty: the line is hidden).
    pub why: String,
    /// How the search found it besides its characters (empty: hidden).
    pub via: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ValueView {
    pub count: usize,
    pub pressed: bool,
    pub disabled: bool,
    /// Offered in the empty state (a term of a search that found nothing names it).
    pub suggested: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct View {
    pub outcome: Outcome,
    pub lang: Lang,
    pub context: bool,
    pub rows: Vec<RowView>,
    /// Per section: shown, and its count of matching blocks.
    pub sections: Vec<(bool, usize)>,
    /// Per facet, per value (a value's chip shows when it is pressed).
    pub values: [Vec<ValueView>; 3],
    /// The search as a chip (trimmed; empty: no chip).
    pub q: String,
    /// The search box's text.
    pub typed: String,
    /// The terms the results hold when the whole search found nothing (` · `-joined;
    /// empty: the whole search, or none).
    pub terms: String,
    /// The facet values a search that found nothing names, in words (` · `-joined).
    pub suggestions: String,
    /// Anything chosen (then "clear all" shows).
    pub any: bool,
    pub chosen: usize,
    pub banner: bool,
    pub empty: bool,
    /// The notice's items (empty: no notice).
    pub notice: Vec<String>,
    pub search_cut: bool,
    pub print: String,
    pub drawer: bool,
    /// A paragraph link names a block the filters leave out.
    pub target_hidden: bool,
}

impl View {
    pub fn of(state: &State) -> View {
        let sel = &state.sel;
        let t = &Words::of(state.lang);
        let outcome = apply(article(), index_for(&sel.q), sel);
        let context = state.context;
        let rows = (0..article().blocks.len())
            .map(|b| {
                let matched = outcome.matched[b];
                RowView {
                    shown: matched || context,
                    matched,
                    why: if matched {
                        chosen_values(article(), b, sel, t)
                    } else {
                        String::new()
                    },
                    via: if matched {
                        search_route(article(), &outcome, b, t)
                    } else {
                        String::new()
                    },
                }
            })
            .collect();
        let sections = outcome
            .section_counts
            .iter()
            .map(|&n| (context || n > 0, n))
            .collect();
        let values = Facet::ALL.map(|f| {
            (0..article().facet_len(f))
                .map(|v| {
                    let count = outcome.facet_counts[f as usize][v];
                    let pressed = sel.is_chosen(f, v as u16);
                    ValueView {
                        count,
                        pressed,
                        disabled: count == 0 && !pressed,
                        suggested: outcome.suggestions.contains(&(f, v as u16)),
                    }
                })
                .collect()
        });
        let q = sel.q.trim().to_string();
        let chosen = sel.values.iter().map(Vec::len).sum::<usize>() + usize::from(!q.is_empty());
        let mut notice: Vec<String> = state
            .ignored
            .entries
            .iter()
            .map(|i| [i.key.as_str(), "=", i.value.as_str()].concat())
            .collect();
        let more = state.ignored.total.saturating_sub(notice.len());
        if more > 0 {
            notice.push(["… (+", &crate::dom::num(more), ")"].concat());
        }
        View {
            rows,
            sections,
            values,
            any: !sel.is_empty(),
            chosen,
            banner: context || sel.is_empty(),
            empty: !context && outcome.count == 0,
            notice,
            search_cut: sel.q.chars().count() > MAX_QUERY_CHARS,
            print: active_filters(article(), sel, t),
            typed: sel.q.clone(),
            terms: outcome.terms.join(" · "),
            suggestions: outcome
                .suggestions
                .iter()
                .map(|&(f, v)| value_words(article(), f, v as usize, t))
                .collect::<Vec<String>>()
                .join(" · "),
            q,
            lang: state.lang,
            context,
            drawer: state.drawer,
            target_hidden: state
                .target
                .is_some_and(|b| !(outcome.matched[b] || context)),
            outcome,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The blocks' texts, as the app reads them from the page on the first search.
    fn with_texts() {
        let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let full = jinyi_core::loader::load_dir(&data).expect("data/ loads");
        assert!(crate::data::load_texts(|| full
            .blocks
            .iter()
            .map(|b| b.text.to_string())
            .collect()));
    }

    fn view(query: &str) -> View {
        with_texts();
        View::of(&State::from_query(query, ["zh-CN"]))
    }

    #[test]
    fn the_default_view_is_the_whole_article() {
        let v = view("");
        assert!(v
            .rows
            .iter()
            .all(|r| r.shown && r.matched && r.why.is_empty()));
        assert!(v.banner && !v.empty && !v.any && v.notice.is_empty());
        assert_eq!(v.chosen, 0);
    }

    #[test]
    fn a_platform_link_shows_its_blocks_with_reasons() {
        let v = view("?platform=%E9%87%91%E4%B9%89%E6%B9%96");
        let shown: Vec<&str> = (0..v.rows.len())
            .filter(|&b| v.rows[b].shown)
            .map(|b| article().blocks[b].id)
            .collect();
        assert_eq!(shown.len(), 3, "{shown:?}");
        assert!(v
            .rows
            .iter()
            .filter(|r| r.shown)
            .all(|r| r.why.starts_with("金义湖")));
        assert!(!v.banner && v.any && v.chosen == 1);
        let p = article().value_index(Facet::Platform, "金义湖").unwrap();
        assert!(v.values[Facet::Platform as usize][p].pressed);
    }

    #[test]
    fn unknown_link_parts_are_listed_and_counted() {
        let q: String = (0..12).map(|i| format!("&x{i}=1")).collect();
        let v = view(&q);
        assert_eq!(v.notice.len(), jinyi_core::query::MAX_IGNORED_KEPT + 1);
        assert_eq!(v.notice.last().unwrap(), "… (+4)");
    }

    #[test]
    fn in_context_every_block_shows_and_only_matches_are_marked() {
        with_texts();
        let mut s = State::from_query("?q=%E9%A1%B9%E7%9B%AE", ["zh"]);
        s.context = true;
        let v = View::of(&s);
        assert!(v.rows.iter().all(|r| r.shown));
        assert!(v.rows.iter().any(|r| !r.matched));
        assert!(v.rows.iter().any(|r| r.matched));
        assert!(!v.empty && v.banner);
    }
}
