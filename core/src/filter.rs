//! Faceted filtering in the panel's four groups, spirits, topics, platforms and projects
//! (spirits and topics are both `theme` values, told apart by their kind): values of one
//! group combine with OR ("any of"), the groups and the search with AND. Each value is
//! counted as "how many blocks would match with it alone in its group, under every other
//! active filter", so the UI can show counts and disable dead ends.
//!
//! The search is the whole query first (spaces ignored: `金义 湖` finds 金义湖). When that
//! finds nothing and the query has several space-separated terms (`人才 金义湖`), the
//! blocks that match every term (each by text, pinyin or English) are shown instead, and
//! `Outcome::terms` says so. When nothing is left at all, `Outcome::suggestions` names
//! the facet values whose names hold a term.

use crate::model::{Article, Facet, ThemeKind};
use crate::query::Selection;
use crate::search::{
    bound_query, english_matches, merge_hits, prepare, EnglishQuery, PinyinQuery, SearchIndex,
};
use std::ops::Range;

/// Why the search matches a block, besides its text containing the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Via {
    /// Characters of the block read as the query in pinyin, by whole readings, initials
    /// or both; holds the letters searched for (the folded query without tones:
    /// `"jinyihu"`, `"jyh"`). The characters' ranges are in `hits` (one per side of a
    /// quotation mark the match stepped over).
    Pinyin(String),
    /// The block is tagged with a platform or project whose English name matches the
    /// query (`search::english`).
    English { facet: Facet, value: u16 },
    /// The block states a key figure whose English label (ours) matches the query.
    Label { figure: u16 },
    /// Our English translation of the block matches the query, its Chinese does not;
    /// the words are in `hits_en`.
    Translation,
}

/// Everything the UI needs to render one state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// Per block: does it match every active filter and the search?
    pub matched: Vec<bool>,
    /// Per block: where the search matches (byte ranges; empty without a search):
    /// direct and pinyin matches together, sorted, non-overlapping.
    pub hits: Vec<Vec<Range<usize>>>,
    /// Per block: the words of our English translation the search matches (byte ranges
    /// in `BlockEn::text`; empty without a search or without a translation).
    pub hits_en: Vec<Vec<Range<usize>>>,
    /// Per block: why the search matches it besides its text (pinyin first, then
    /// English names in facet and data order); empty when the text alone matches or
    /// without a search. Like `hits`, computed for every block, whatever the facets.
    pub via: Vec<Vec<Via>>,
    /// Number of matching blocks.
    pub count: usize,
    /// Matching blocks per section.
    pub section_counts: Vec<usize>,
    /// Per facet (`Facet as usize`), per value: blocks it would give (see module doc).
    pub facet_counts: [Vec<usize>; 3],
    /// The search's terms when the whole query found nothing and the blocks matching
    /// every term are shown instead; empty otherwise.
    pub terms: Vec<String>,
    /// When nothing matches a search: unchosen facet values whose name (Chinese, or
    /// English by the English-name rules) holds one of its terms.
    pub suggestions: Vec<(Facet, u16)>,
}

/// Per block: where `query` matches (direct and pinyin hits), why besides its text, and
/// where in the translation.
type Found = (
    Vec<Vec<Range<usize>>>,
    Vec<Vec<Via>>,
    Vec<Vec<Range<usize>>>,
);

fn found_any(f: &Found, b: usize) -> bool {
    !f.0[b].is_empty() || !f.1[b].is_empty() || !f.2[b].is_empty()
}

/// Searches every block for `query` (as typed).
fn search(article: &Article, index: &SearchIndex, query: &str) -> Found {
    let n = article.blocks.len();
    let q = prepare(query);
    let pinyin = PinyinQuery::parse(&q);
    // As typed (bounded): English is matched word by word too.
    let typed = bound_query(query).0;
    // Names of platforms and projects only: a theme's blocks are the editors' choice,
    // and its English name (`Talent`) is a word the translation has where the Chinese
    // has the theme's word (人才), so both find the same blocks.
    let words = EnglishQuery::new(typed);
    let english: Vec<(Facet, u16)> = words
        .as_ref()
        .map_or_else(Vec::new, |w| w.names_in(article))
        .into_iter()
        .filter(|&(f, _)| f != Facet::Theme)
        .collect();
    let labels = words
        .as_ref()
        .map_or_else(Vec::new, |w| w.labels_in(article));
    let mut hits: Vec<Vec<Range<usize>>> = Vec::with_capacity(n);
    let mut via: Vec<Vec<Via>> = Vec::with_capacity(n);
    let mut hits_en: Vec<Vec<Range<usize>>> = Vec::with_capacity(n);
    for b in 0..n {
        let block = &article.blocks[b];
        let mut why = Vec::new();
        let mut h = index.find(b, &q);
        if let Some(p) = &pinyin {
            let by_pinyin = index.find_pinyin(b, p);
            if !by_pinyin.is_empty() {
                why.push(Via::Pinyin(p.as_str().to_string()));
                h = merge_hits(h, by_pinyin);
            }
        }
        for &(facet, value) in &english {
            if block.tags(facet).iter().any(|t| t.value == value) {
                why.push(Via::English { facet, value });
            }
        }
        for &figure in &labels {
            if article.figures[figure as usize].block as usize == b {
                why.push(Via::Label { figure });
            }
        }
        let en = match (&words, article.block_en(b)) {
            (Some(w), Some(t)) => index.find_english(b, w, t.text, t.gaps),
            _ => Vec::new(),
        };
        if !en.is_empty() {
            // The translation's highlighted words say it: a name or label is no news.
            why.retain(|v| matches!(v, Via::Pinyin(_)));
            if h.is_empty() {
                why.push(Via::Translation);
            }
        }
        hits.push(h);
        via.push(why);
        hits_en.push(en);
    }
    (hits, via, hits_en)
}

/// The blocks that match every one of `terms` (each searched on its own), with all
/// their hits and reasons.
fn search_all_terms(article: &Article, index: &SearchIndex, terms: &[&str]) -> Found {
    let each: Vec<Found> = terms.iter().map(|t| search(article, index, t)).collect();
    let n = article.blocks.len();
    let mut out: Found = (
        vec![Vec::new(); n],
        vec![Vec::new(); n],
        vec![Vec::new(); n],
    );
    for b in (0..n).filter(|&b| each.iter().all(|f| found_any(f, b))) {
        for f in &each {
            out.0[b] = merge_hits(std::mem::take(&mut out.0[b]), f.0[b].clone());
            out.2[b] = merge_hits(std::mem::take(&mut out.2[b]), f.2[b].clone());
            for v in &f.1[b] {
                if !out.1[b].contains(v) {
                    out.1[b].push(v.clone());
                }
            }
        }
    }
    out
}

/// Unchosen facet values whose name holds one of `terms`.
fn suggestions(article: &Article, sel: &Selection, terms: &[&str]) -> Vec<(Facet, u16)> {
    let mut out = Vec::new();
    for facet in Facet::ALL {
        for v in 0..article.facet_len(facet) {
            let name = prepare(article.value_name(facet, v));
            let named = terms.iter().any(|t| {
                let t = prepare(t);
                !t.is_empty() && name.contains(&t)
            }) || terms
                .iter()
                .any(|t| english_matches(article, t).contains(&(facet, v as u16)));
            if named && !sel.is_chosen(facet, v as u16) {
                out.push((facet, v as u16));
            }
        }
    }
    out
}

/// The panel's groups: values of one combine with OR, the groups with AND.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    Spirit,
    Topic,
    Platform,
    Project,
}

impl Group {
    pub const ALL: [Group; 4] = [Group::Spirit, Group::Topic, Group::Platform, Group::Project];

    /// The group a facet value is shown in.
    pub fn of(article: &Article, facet: Facet, value: usize) -> Group {
        match facet {
            Facet::Theme => match article.themes[value].kind {
                ThemeKind::Spirit => Group::Spirit,
                ThemeKind::Topic => Group::Topic,
            },
            Facet::Platform => Group::Platform,
            Facet::Project => Group::Project,
        }
    }

    /// The facet whose values the group holds.
    pub fn facet(self) -> Facet {
        match self {
            Group::Spirit | Group::Topic => Facet::Theme,
            Group::Platform => Facet::Platform,
            Group::Project => Facet::Project,
        }
    }
}

/// `sel` with `value` as the only choice of its group: what a value's count counts.
pub fn alone_in_group(article: &Article, sel: &Selection, facet: Facet, value: usize) -> Selection {
    let group = Group::of(article, facet, value);
    let mut out = sel.clone();
    let mut values: Vec<u16> = sel
        .chosen(facet)
        .iter()
        .copied()
        .filter(|&c| Group::of(article, facet, c as usize) != group)
        .chain([value as u16])
        .collect();
    values.sort_unstable();
    out.values[facet as usize] = values;
    out
}

/// Does the block pass the group: nothing chosen in it, or a tag of any chosen value?
fn group_ok(article: &Article, sel: &Selection, block: usize, group: Group) -> bool {
    let facet = group.facet();
    let mut chosen = sel
        .chosen(facet)
        .iter()
        .filter(|&&v| Group::of(article, facet, v as usize) == group)
        .peekable();
    if chosen.peek().is_none() {
        return true;
    }
    let tags = article.blocks[block].tags(facet);
    chosen.any(|&v| tags.iter().any(|t| t.value == v))
}

/// Applies a selection to the article.
pub fn apply(article: &Article, index: &SearchIndex, sel: &Selection) -> Outcome {
    let n = article.blocks.len();
    let q = prepare(&sel.q);
    let mut found = search(article, index, &sel.q);
    let terms: Vec<&str> = bound_query(&sel.q).0.split_whitespace().collect();
    let mut by_terms = Vec::new();
    if !q.is_empty() && terms.len() >= 2 && !(0..n).any(|b| found_any(&found, b)) {
        found = search_all_terms(article, index, &terms);
        by_terms = terms.iter().map(|t| t.to_string()).collect();
    }
    let search_ok: Vec<bool> = (0..n)
        .map(|b| q.is_empty() || found_any(&found, b))
        .collect();
    let (hits, via, hits_en) = found;
    let ok: Vec<[bool; 4]> = (0..n)
        .map(|b| Group::ALL.map(|g| group_ok(article, sel, b, g)))
        .collect();
    let matched: Vec<bool> = (0..n)
        .map(|b| search_ok[b] && ok[b].iter().all(|&x| x))
        .collect();

    let mut facet_counts = Facet::ALL.map(|f| vec![0usize; article.facet_len(f)]);
    for b in 0..n {
        if !search_ok[b] {
            continue;
        }
        for f in Facet::ALL {
            for t in article.blocks[b].tags(f) {
                let own = Group::of(article, f, t.value as usize);
                if Group::ALL.iter().all(|&g| g == own || ok[b][g as usize]) {
                    facet_counts[f as usize][t.value as usize] += 1;
                }
            }
        }
    }

    let section_counts = (0..article.sections.len())
        .map(|s| {
            let sec = &article.sections[s];
            let range = sec.first as usize..(sec.first + sec.len) as usize;
            matched[range].iter().filter(|&&m| m).count()
        })
        .collect();
    let count = matched.iter().filter(|&&m| m).count();
    Outcome {
        suggestions: if count == 0 && !q.is_empty() {
            suggestions(article, sel, &terms)
        } else {
            Vec::new()
        },
        count,
        matched,
        hits,
        hits_en,
        via,
        section_counts,
        facet_counts,
        terms: by_terms,
    }
}
