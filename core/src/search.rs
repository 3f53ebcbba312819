//! Substring search over the blocks: no dictionary, works on Chinese as on Latin text,
//! blind to width, case and spacing (see `normalize`). Matches never span a gap where
//! the source lacks text.
//!
//! Two more ways a query can match, for readers who do not type Chinese:
//! - **pinyin**: a query of Latin letters (tone marks and tone digits ignored, `ü` = `v`)
//!   matches a run of Chinese characters whose readings (`Article::pinyin`) spell it,
//!   from the start of a syllable to the end of one (`jinyihu`, `jin1 yi4 hu2` and
//!   `Jīnyì Hú` find 金义湖; `nyi` finds nothing). The hits are the characters' own byte
//!   ranges, so highlighting is the same as for a direct match;
//! - **English names**: a query of at least `MIN_ENGLISH_CHARS` characters inside the
//!   English name of a theme, platform or project matches every block tagged with it
//!   (`english_matches`; `filter::apply` turns it into matches without highlights).

use crate::model::{Article, Block, BlockKind, Facet};
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

/// Folded text of every block, built once; with each block's pinyin when built by
/// `for_article` or `with_pinyin`.
#[derive(Debug, Clone)]
pub struct SearchIndex {
    folded: Vec<Folded>,
    gaps: Vec<&'static [u32]>,
    /// Per block (empty when built by `new`: then nothing matches by pinyin).
    pinyin: Vec<PinyinText>,
}

/// One block's characters as toneless pinyin: `text` is their syllables one after the
/// other, each run of characters with a reading ended by `SEP` (any other character, a
/// gap or the start of a credit ends a run), so a match of letters never spans one.
#[derive(Debug, Clone, Default)]
struct PinyinText {
    text: String,
    /// Byte offset in `text` of each syllable (increasing).
    starts: Vec<u32>,
    /// Byte offset in the block's text of each syllable's character.
    origin: Vec<u32>,
    /// The block's text (for the length of a character).
    block: &'static str,
}

/// Ends a run of syllables in `PinyinText::text` (never part of a pinyin query).
const SEP: u8 = b' ';

impl PinyinText {
    fn new(b: &Block, table: &Readings) -> Self {
        // Chinese characters take 3 bytes each: about this many syllables.
        let about = b.text.len() / 3;
        let mut p = PinyinText {
            text: String::with_capacity(b.text.len()),
            starts: Vec::with_capacity(about),
            origin: Vec::with_capacity(about),
            block: b.text,
        };
        let credit_at = match b.kind {
            BlockKind::Figure { credit_at } => Some(credit_at as usize),
            _ => None,
        };
        let end_run = |p: &mut PinyinText| {
            if !p.text.is_empty() && !p.text.ends_with(SEP as char) {
                p.text.push(SEP as char);
            }
        };
        let mut gaps = b.gaps.iter().map(|&g| g as usize).peekable();
        for (at, c) in b.text.char_indices() {
            while gaps.next_if(|&g| g <= at).is_some() {
                end_run(&mut p);
            }
            if credit_at == Some(at) {
                end_run(&mut p);
            }
            match table.get(c) {
                Some(py) => {
                    p.starts.push(p.text.len() as u32);
                    p.origin.push(at as u32);
                    p.text.push_str(py);
                }
                None => end_run(&mut p),
            }
        }
        p
    }
}

/// A table of readings (sorted by character) with a direct index over the span of its
/// characters, so looking a character up costs one array access while indexing.
struct Readings<'t> {
    table: &'t [(char, &'t str)],
    /// `first` = the table's first character; `slot[c - first]` = 1 + its index, or 0.
    first: u32,
    slot: Vec<u16>,
}

impl<'t> Readings<'t> {
    /// The largest span of characters indexed directly (CJK Unified Ideographs and
    /// Extension A fit); a wider table is searched by bisection.
    const MAX_SPAN: u32 = 1 << 16;

    fn new(table: &'t [(char, &'t str)]) -> Self {
        let mut r = Readings {
            table,
            first: 0,
            slot: Vec::new(),
        };
        if let (Some(&(lo, _)), Some(&(hi, _))) = (table.first(), table.last()) {
            let span = (hi as u32).saturating_sub(lo as u32) + 1;
            if span <= Self::MAX_SPAN && table.len() < usize::from(u16::MAX) {
                r.first = lo as u32;
                r.slot = vec![0; span as usize];
                for (i, &(c, py)) in table.iter().enumerate() {
                    let at = (c as u32).wrapping_sub(r.first) as usize;
                    if let (Some(s), true) = (r.slot.get_mut(at), usable(py)) {
                        *s = i as u16 + 1;
                    }
                }
            }
        }
        r
    }

    /// The toneless reading of `c`; only plain lowercase ASCII letters count (anything
    /// else in the table is ignored).
    fn get(&self, c: char) -> Option<&'t str> {
        if c.is_ascii() {
            return None;
        }
        if self.slot.is_empty() {
            let i = self.table.binary_search_by_key(&c, |&(ch, _)| ch).ok()?;
            let py = self.table[i].1;
            return usable(py).then_some(py);
        }
        let s = *self
            .slot
            .get((c as u32).wrapping_sub(self.first) as usize)?;
        Some(self.table[usize::from(s).checked_sub(1)?].1)
    }
}

/// Whether a reading can be searched: plain lowercase ASCII letters.
fn usable(py: &str) -> bool {
    !py.is_empty() && py.bytes().all(|b| b.is_ascii_lowercase())
}

/// A query needs at least this many letters to match by pinyin.
pub const MIN_PINYIN_LETTERS: usize = 2;
/// A query needs at least this many characters to match an English name.
pub const MIN_ENGLISH_CHARS: usize = 3;

/// A folded query read as pinyin: only its letters, toneless, `ü` written `v`; with the
/// table for a linear (Knuth–Morris–Pratt) scan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PinyinQuery {
    letters: String,
    /// `fail[i]`: length of the longest proper prefix of `letters[..=i]` that is also
    /// its suffix.
    fail: Vec<usize>,
}

impl PinyinQuery {
    /// Reads a folded query (`prepare` / `fold_query`) as pinyin: Latin letters, tone
    /// marks (ā á ǎ à…), tone digits 1–5, `ü`/`v`, apostrophes between syllables.
    /// `None` when it holds anything else or fewer than `MIN_PINYIN_LETTERS` letters.
    pub fn parse(folded_query: &str) -> Option<Self> {
        let mut letters = String::new();
        for c in folded_query.chars().flat_map(char::to_lowercase) {
            let l = match c {
                'a'..='z' => c,
                'ā' | 'á' | 'ǎ' | 'à' => 'a',
                'ē' | 'é' | 'ě' | 'è' | 'ê' | 'ế' | 'ề' => 'e',
                'ī' | 'í' | 'ǐ' | 'ì' => 'i',
                'ō' | 'ó' | 'ǒ' | 'ò' => 'o',
                'ū' | 'ú' | 'ǔ' | 'ù' => 'u',
                'ü' | 'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' => 'v',
                'ń' | 'ň' | 'ǹ' => 'n',
                'ḿ' => 'm',
                // Tone digits, and the apostrophe of xi'an.
                '1'..='5' | '\'' => continue,
                // A decomposed ü (u + combining diaeresis).
                '\u{308}' if letters.ends_with('u') => {
                    letters.pop();
                    'v'
                }
                // Decomposed tone marks.
                '\u{300}'..='\u{36f}' => continue,
                _ => return None,
            };
            letters.push(l);
        }
        if letters.len() < MIN_PINYIN_LETTERS {
            return None;
        }
        let p = letters.as_bytes();
        let mut fail = vec![0; p.len()];
        let mut k = 0;
        for i in 1..p.len() {
            while k > 0 && p[i] != p[k] {
                k = fail[k - 1];
            }
            if p[i] == p[k] {
                k += 1;
            }
            fail[i] = k;
        }
        Some(PinyinQuery { letters, fail })
    }

    /// The letters searched for (`"jinyihu"`).
    pub fn as_str(&self) -> &str {
        &self.letters
    }
}

impl SearchIndex {
    /// Direct search only (no pinyin): for blocks that are not an article's.
    pub fn new(blocks: &[Block]) -> Self {
        SearchIndex {
            folded: blocks.iter().map(|b| fold(b.text)).collect(),
            gaps: blocks.iter().map(|b| b.gaps).collect(),
            pinyin: Vec::new(),
        }
    }

    /// Direct and pinyin search over an article's blocks (what the app uses).
    pub fn for_article(article: &Article) -> Self {
        Self::with_pinyin(article.blocks, article.pinyin)
    }

    /// Direct and pinyin search, with the readings in `table` (sorted by character).
    pub fn with_pinyin(blocks: &[Block], table: &[(char, &str)]) -> Self {
        let readings = Readings::new(table);
        SearchIndex {
            pinyin: blocks
                .iter()
                .map(|b| PinyinText::new(b, &readings))
                .collect(),
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

    /// Byte ranges in block `block`'s original text of the runs of Chinese characters
    /// whose readings spell `query`, each from a syllable's start to a syllable's end,
    /// never across another character, a gap or a credit; sorted, non-overlapping
    /// (leftmost first). Linear in the block's length plus the query's.
    pub fn find_pinyin(&self, block: usize, query: &PinyinQuery) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let Some(p) = self.pinyin.get(block) else {
            return out;
        };
        let (t, pat) = (p.text.as_bytes(), query.letters.as_bytes());
        let m = pat.len();
        let starts = &p.starts;
        // Both only move forward: matches are found in increasing order of position.
        let mut first = 0; // first syllable starting at or after the match
        let mut before_end = 0; // number of syllables starting before the match's end
        let mut free_from = 0; // end of the last match taken
        let mut k = 0;
        for (i, &c) in t.iter().enumerate() {
            while k > 0 && pat[k] != c {
                k = query.fail[k - 1];
            }
            if pat[k] == c {
                k += 1;
            }
            if k < m {
                continue;
            }
            k = query.fail[m - 1];
            let (s, e) = (i + 1 - m, i + 1);
            if s < free_from {
                continue;
            }
            while first < starts.len() && (starts[first] as usize) < s {
                first += 1;
            }
            if first == starts.len() || starts[first] as usize != s {
                continue;
            }
            while before_end < starts.len() && (starts[before_end] as usize) < e {
                before_end += 1;
            }
            let ends_syllable = e == t.len()
                || t[e] == SEP
                || starts.get(before_end).is_some_and(|&x| x as usize == e);
            if !ends_syllable {
                continue;
            }
            let last = p.origin[before_end - 1] as usize;
            let last_len = p.block[last..].chars().next().map_or(0, char::len_utf8);
            out.push(p.origin[first] as usize..last + last_len);
            free_from = e;
        }
        out
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

/// Folds an English name or query for `english_matches`: as `fold_query`, plus every
/// dash written `-` (`China–Europe` = `china-europe`).
fn fold_english(s: &str) -> String {
    fold_query(s)
        .chars()
        .map(|c| match c {
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            _ => c,
        })
        .collect()
}

/// The facet values whose English name (`en`) contains the folded query, case- and
/// space-blind, when it has at least `MIN_ENGLISH_CHARS` characters; facet by facet,
/// in data order.
pub fn english_matches(article: &Article, folded_query: &str) -> Vec<(Facet, u16)> {
    let q = fold_english(folded_query);
    if q.chars().count() < MIN_ENGLISH_CHARS {
        return Vec::new();
    }
    let mut out = Vec::new();
    for facet in Facet::ALL {
        for v in 0..article.facet_len(facet) {
            if fold_english(article.value_en(facet, v)).contains(&q) {
                out.push((facet, v as u16));
            }
        }
    }
    out
}

/// Convenience: fold a raw query for `SearchIndex::find`.
pub fn prepare(query: &str) -> String {
    fold_query(bound_query(query).0)
}
