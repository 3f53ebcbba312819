//! What the page shows for a state, as plain values: which rows and sections show, the
//! counts, pressed buttons, chips, notices, the reasons beside each block and which key
//! figures are left. Pure (the core computes; this only arranges): the app keeps it as a
//! memo of the reader's state, the components read their part of it, and the
//! arrangement is tested natively.

use crate::state::State;
use jinyi_core::explain::{active_filters, reasons, search_route, value_words, Reason, Words};
use jinyi_core::filter::{apply, Outcome};
use jinyi_core::model::{Article, Facet};
use jinyi_core::search::{searches, SearchIndex, MAX_QUERY_CHARS};
use jinyi_core::text::Lang;
use std::sync::OnceLock;

/// The index a state needs: `full` (built on first use) for a search, else an empty one,
/// so a page opened without a search starts without building it.
pub fn index_for<'a>(full: impl FnOnce() -> &'a SearchIndex, q: &str) -> &'a SearchIndex {
    static NONE: OnceLock<SearchIndex> = OnceLock::new();
    if searches(q) {
        full()
    } else {
        NONE.get_or_init(|| SearchIndex::new(&[]))
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

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowView {
    /// Shown: it matches, or the whole article is shown in context.
    pub shown: bool,
    pub matched: bool,
    /// Why it matches the chosen values, a line each (none: the lines are hidden).
    pub why: Vec<Reason>,
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
    pub figures: FiguresView,
}

/// Key figures follow the results: a row per figure of a shown block, and bars only where
/// two figures of one comparison are left to compare.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FiguresView {
    /// Per figure: its block is in the results.
    pub shown: Vec<bool>,
    /// Per figure: its bar is drawn.
    pub bar: Vec<bool>,
    /// No figure is left.
    pub none: bool,
    /// Figures are left, but no two to compare.
    pub nocompare: bool,
}

impl FiguresView {
    fn of(a: &Article, matched: &[bool]) -> FiguresView {
        let shown: Vec<bool> = a
            .figures
            .iter()
            .map(|f| matched[f.block as usize])
            .collect();
        // How many shown figures each figure's comparison still has.
        let left = |compare: &str| {
            a.figures
                .iter()
                .zip(&shown)
                .filter(|(g, &on)| on && g.compare == compare)
                .count()
        };
        let bar: Vec<bool> = a
            .figures
            .iter()
            .zip(&shown)
            .map(|(f, &on)| on && !f.compare.is_empty() && left(f.compare) >= 2)
            .collect();
        let none = !shown.iter().any(|&s| s);
        FiguresView {
            nocompare: !none && !bar.iter().any(|&b| b),
            shown,
            bar,
            none,
        }
    }
}

impl View {
    /// The view of `state`; `index` is asked for the search index only when the state
    /// searches.
    pub fn of<'a>(a: &Article, index: impl FnOnce() -> &'a SearchIndex, state: &State) -> View {
        let sel = &state.sel;
        let t = &Words::of(state.lang);
        let outcome = apply(a, index_for(index, &sel.q), sel);
        let context = state.context;
        let rows = (0..a.blocks.len())
            .map(|b| {
                let matched = outcome.matched[b];
                RowView {
                    shown: matched || context,
                    matched,
                    why: if matched {
                        reasons(a, b, sel, t)
                    } else {
                        Vec::new()
                    },
                    via: if matched {
                        search_route(a, &outcome, b, t)
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
            (0..a.facet_len(f))
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
            notice.push(["… (+", &num(more), ")"].concat());
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
            print: active_filters(a, sel, t),
            typed: sel.q.clone(),
            terms: outcome.terms.join(" · "),
            suggestions: outcome
                .suggestions
                .iter()
                .map(|&(f, v)| value_words(a, f, v as usize, t))
                .collect::<Vec<String>>()
                .join(" · "),
            q,
            lang: state.lang,
            context,
            drawer: state.drawer,
            target_hidden: state
                .target
                .is_some_and(|b| !(outcome.matched[b] || context)),
            figures: FiguresView::of(a, &outcome.matched),
            outcome,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::data::ARTICLE;

    fn index() -> &'static SearchIndex {
        static INDEX: OnceLock<SearchIndex> = OnceLock::new();
        INDEX.get_or_init(|| SearchIndex::for_article(&ARTICLE))
    }

    fn view(query: &str) -> View {
        View::of(
            &ARTICLE,
            index,
            &State::from_query(&ARTICLE, query, ["zh-CN"]),
        )
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
            .map(|b| ARTICLE.blocks[b].id)
            .collect();
        assert_eq!(shown.len(), 3, "{shown:?}");
        assert!(v
            .rows
            .iter()
            .filter(|r| r.shown)
            .all(|r| r.why[0].named == "金义湖"));
        assert!(!v.banner && v.any && v.chosen == 1);
        let p = ARTICLE.value_index(Facet::Platform, "金义湖").unwrap();
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
        let mut s = State::from_query(&ARTICLE, "?q=%E9%A1%B9%E7%9B%AE", ["zh"]);
        s.context = true;
        let v = View::of(&ARTICLE, index, &s);
        assert!(v.rows.iter().all(|r| r.shown));
        assert!(v.rows.iter().any(|r| !r.matched));
        assert!(v.rows.iter().any(|r| r.matched));
        assert!(!v.empty && v.banner);
    }

    #[test]
    fn numbers_as_text() {
        for n in [0, 7, 10, 31, 3100, usize::MAX] {
            assert_eq!(num(n), n.to_string());
        }
    }

    #[test]
    fn figures_follow_the_results_and_bars_need_two() {
        let all = view("");
        assert!(all.figures.shown.iter().all(|&s| s) && !all.figures.none);
        assert!(all.figures.bar.iter().any(|&b| b));
        let none = view("?q=zzzzqqq");
        assert!(none.figures.none && !none.figures.nocompare);
        assert!(none.figures.bar.iter().all(|&b| !b));
    }
}
