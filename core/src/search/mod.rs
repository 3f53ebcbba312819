//! Substring search over the blocks: no dictionary, works on Chinese as on Latin text,
//! blind to width, case and spacing (see `normalize`). Matches never span a gap where
//! the source lacks text.
//!
//! Two more ways a query can match, for readers who do not type Chinese:
//! - **pinyin** (`pinyin`): a query of Latin letters (tones ignored) matches a run of
//!   Chinese characters that spells it with any of their readings, each whole or by
//!   its initial (`jinyihu`, `jin1 yi4 hu2`, `jyh`, `jinyh` find 金义湖;
//!   `changsanjiao` finds 长三角), stepping over quotation marks inside a phrase but
//!   not over sentence punctuation. The hits are the characters' own byte ranges, so
//!   highlighting is the same as for a direct match;
//! - **English** (`english`): whole words, with their inflections, in our translation
//!   of each block (highlighted there), the English names of platforms and projects and
//!   our labels of the key figures (matching the blocks tagged with them, without
//!   highlights).

mod english;
mod pinyin;

pub use english::{english_label_matches, english_matches, EnglishQuery, MIN_ENGLISH_CHARS};
pub use pinyin::{steps_over, PinyinQuery, MIN_PINYIN_LETTERS};

use crate::model::{Article, Block, PinyinTable};
use crate::normalize::{fold, fold_query, Folded};
use pinyin::{Lookup, Units};
use std::ops::Range;

/// The longest query the search accepts, in characters; the UI says so when it cuts.
pub const MAX_QUERY_CHARS: usize = 200;

/// Cuts a query to `MAX_QUERY_CHARS` characters; returns whether it cut.
pub fn bound_query(query: &str) -> (&str, bool) {
    match query.char_indices().nth(MAX_QUERY_CHARS) {
        Some((at, _)) => (&query[..at], true),
        None => (query, false),
    }
}

/// Folded text of every block, built once; with each block's characters for pinyin
/// search when built by `for_article` or `with_pinyin`.
#[derive(Debug, Clone)]
pub struct SearchIndex {
    folded: Vec<Folded>,
    gaps: Vec<&'static [u32]>,
    /// Per block (empty when built by `new`: then nothing matches by pinyin).
    pinyin: Vec<Units>,
    /// The readings table as lookups (empty when built by `new`).
    lookup: Lookup,
    /// Per block, our English folded for a quick first test (`english::Folded`; empty
    /// when built without an article's translation).
    english: Vec<english::Folded>,
}

/// Whether `query` searches at all: only a query that folds to something does. Without
/// one, `filter::apply` reads no block's text, and an index of no blocks
/// (`SearchIndex::new(&[])`) serves as well as the article's (the app builds the
/// article's on the first search).
pub fn searches(query: &str) -> bool {
    !prepare(query).is_empty()
}

impl SearchIndex {
    /// Direct search only (no pinyin): for blocks that are not an article's.
    pub fn new(blocks: &[Block]) -> Self {
        SearchIndex {
            folded: blocks.iter().map(|b| fold(b.text)).collect(),
            gaps: blocks.iter().map(|b| b.gaps).collect(),
            pinyin: Vec::new(),
            lookup: Lookup::default(),
            english: Vec::new(),
        }
    }

    /// Direct and pinyin search over an article's blocks (what the app uses).
    pub fn for_article(article: &Article) -> Self {
        SearchIndex {
            english: article
                .translation
                .blocks
                .iter()
                .map(|b| english::Folded::new(b.text))
                .collect(),
            ..Self::with_pinyin(article.blocks, article.pinyin)
        }
    }

    /// Where in block `block`'s English (`text`, its `gaps`) the query stands as a
    /// phrase (`EnglishQuery::find_phrase`), after a quick test on the folded text that
    /// rules out most blocks without reading their words.
    pub fn find_english(
        &self,
        block: usize,
        query: &EnglishQuery,
        text: &str,
        gaps: &[u32],
    ) -> Vec<Range<usize>> {
        match self.english.get(block) {
            Some(f) if !query.may_match(f) => Vec::new(),
            _ => query.find_phrase(text, gaps),
        }
    }

    /// Direct and pinyin search, with the readings in `table`.
    pub fn with_pinyin(blocks: &[Block], table: PinyinTable) -> Self {
        let lookup = Lookup::new(table);
        SearchIndex {
            pinyin: blocks.iter().map(|b| Units::new(b, &lookup)).collect(),
            lookup,
            ..Self::new(blocks)
        }
    }

    /// Number of blocks indexed.
    pub fn len(&self) -> usize {
        self.folded.len()
    }

    pub fn is_empty(&self) -> bool {
        self.folded.is_empty()
    }

    /// Byte ranges in block `block`'s original text where `folded_query` (already passed
    /// through `fold_query`) occurs; non-overlapping, left to right. Empty query: none.
    pub fn find(&self, block: usize, folded_query: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        if folded_query.is_empty() {
            return out;
        }
        let f = &self.folded[block];
        let gaps = self.gaps[block];
        let mut from = 0;
        while let Some(pos) = f.text[from..].find(folded_query) {
            let start_b = from + pos;
            let end_b = start_b + folded_query.len();
            // Folded byte offsets back to folded char indexes.
            let first = f.offsets.partition_point(|&o| (o as usize) < start_b);
            let last = f.offsets.partition_point(|&o| (o as usize) < end_b) - 1;
            let range = f.origin[first].0 as usize..f.origin[last].1 as usize;
            let straddles_gap = gaps
                .iter()
                .any(|&g| range.start < g as usize && (g as usize) < range.end);
            if straddles_gap {
                // Try again from the next character.
                from = start_b + f.text[start_b..].chars().next().map_or(1, char::len_utf8);
            } else {
                out.push(range);
                from = end_b;
            }
        }
        out
    }

    /// Whether block `block` contains the folded query.
    pub fn matches(&self, block: usize, folded_query: &str) -> bool {
        folded_query.is_empty() || !self.find(block, folded_query).is_empty()
    }

    /// Byte ranges in block `block`'s original text of the Chinese characters that
    /// spell `query` in pinyin (see `pinyin`'s module doc): never across a character
    /// that is neither Chinese nor stepped over, a gap or a credit; sorted,
    /// non-overlapping; a match that steps over quotation marks gives one range per
    /// side. Linear in the block's length (at worst times the query's).
    pub fn find_pinyin(&self, block: usize, query: &PinyinQuery) -> Vec<Range<usize>> {
        match self.pinyin.get(block) {
            Some(units) => units.find(&self.lookup, query.as_str()),
            None => Vec::new(),
        }
    }
}

/// The union of two sorted lists of non-overlapping ranges: sorted, overlapping ones
/// merged (touching ones stay apart, each its own highlight).
pub fn merge_hits(a: Vec<Range<usize>>, b: Vec<Range<usize>>) -> Vec<Range<usize>> {
    if b.is_empty() {
        return a;
    }
    if a.is_empty() {
        return b;
    }
    let mut all = a;
    all.extend(b);
    all.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(all.len());
    for r in all {
        match out.last_mut() {
            Some(last) if r.start < last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// Convenience: fold a raw query for `SearchIndex::find`.
pub fn prepare(query: &str) -> String {
    fold_query(bound_query(query).0)
}
