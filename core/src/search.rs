//! Substring search over the blocks: no dictionary, works on Chinese as on Latin text,
//! blind to width, case and spacing (see `normalize`). Matches never span a gap where
//! the source lacks text.

use crate::model::Block;
use crate::normalize::{fold, fold_query, Folded};
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

/// Folded text of every block, built once.
#[derive(Debug, Clone)]
pub struct SearchIndex {
    folded: Vec<Folded>,
    gaps: Vec<&'static [u32]>,
}

impl SearchIndex {
    pub fn new(blocks: &[Block]) -> Self {
        SearchIndex {
            folded: blocks.iter().map(|b| fold(b.text)).collect(),
            gaps: blocks.iter().map(|b| b.gaps).collect(),
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
}

/// Convenience: fold a raw query for `SearchIndex::find`.
pub fn prepare(query: &str) -> String {
    fold_query(bound_query(query).0)
}
