//! Faceted filtering: values of one facet combine with OR, facets and the search with AND.
//! Each facet value is counted as "how many blocks would match with it alone in its facet,
//! under every other active filter", so the UI can show counts and disable dead ends.

use crate::model::{Article, Facet};
use crate::query::Selection;
use crate::search::{bound_query, english_matches, merge_hits, prepare, PinyinQuery, SearchIndex};
use std::ops::Range;

/// Why the search matches a block, besides its text containing the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Via {
    /// Characters of the block read as the query in pinyin, by whole readings, initials
    /// or both; holds the letters searched for (the folded query without tones:
    /// `"jinyihu"`, `"jyh"`). The characters' ranges are in `hits` (one per side of a
    /// quotation mark the match stepped over).
    Pinyin(String),
    /// The block is tagged with a value whose English name contains the query, or
    /// whose words the query's words all begin.
    English { facet: Facet, value: u16 },
}

/// Everything the UI needs to render one state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// Per block: does it match every active filter and the search?
    pub matched: Vec<bool>,
    /// Per block: where the search matches (byte ranges; empty without a search):
    /// direct and pinyin matches together, sorted, non-overlapping.
    pub hits: Vec<Vec<Range<usize>>>,
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
}

fn facet_ok(article: &Article, sel: &Selection, block: usize, facet: Facet) -> bool {
    let chosen = sel.chosen(facet);
    chosen.is_empty()
        || article.blocks[block]
            .tags(facet)
            .iter()
            .any(|t| chosen.binary_search(&t.value).is_ok())
}

/// Applies a selection to the article.
pub fn apply(article: &Article, index: &SearchIndex, sel: &Selection) -> Outcome {
    let n = article.blocks.len();
    let q = prepare(&sel.q);
    let pinyin = PinyinQuery::parse(&q);
    // As typed (bounded): the English names are matched word by word too.
    let english = english_matches(article, bound_query(&sel.q).0);
    let mut hits: Vec<Vec<Range<usize>>> = Vec::with_capacity(n);
    let mut via: Vec<Vec<Via>> = Vec::with_capacity(n);
    for b in 0..n {
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
            if article.blocks[b]
                .tags(facet)
                .iter()
                .any(|t| t.value == value)
            {
                why.push(Via::English { facet, value });
            }
        }
        hits.push(h);
        via.push(why);
    }
    let search_ok: Vec<bool> = (0..n)
        .map(|b| q.is_empty() || !hits[b].is_empty() || !via[b].is_empty())
        .collect();
    let ok: Vec<[bool; 3]> = (0..n)
        .map(|b| Facet::ALL.map(|f| facet_ok(article, sel, b, f)))
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
            let others_ok = Facet::ALL.iter().all(|&g| g == f || ok[b][g as usize]);
            if others_ok {
                for t in article.blocks[b].tags(f) {
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
    Outcome {
        count: matched.iter().filter(|&&m| m).count(),
        matched,
        hits,
        via,
        section_counts,
        facet_counts,
    }
}
