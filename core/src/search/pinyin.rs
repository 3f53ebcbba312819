//! Pinyin search, the way Chinese readers type: a query of Latin letters matches a run
//! of consecutive Chinese characters when each of them, in order, contributes one of
//! its readings whole or just that reading's initial, and together they spell the
//! query. So `jinyihu`, `jyh`, `jinyh` and `jin y h` all find 金义湖.
//!
//! - **Readings**: every reading of a polyphone counts (`Article::pinyin`), so
//!   `changsanjiao` and `zhangsanjiao` both find 长三角. Tones never count.
//! - **Initials**: a reading's first letter, or for `zh`/`ch`/`sh` those two letters
//!   (`zobl`, `zhobl` and `zhongoubl` all find 中欧班列). A match of a single
//!   character must use a whole reading: `zh` alone finds nothing, `jy` finds 金义.
//! - **Stepping over**: quotation marks, title and corner brackets and white space
//!   (`steps_over`) inside a phrase do not stop a match (`ganzidangtou` finds
//!   “干”字当头) and are not highlighted; any other character does (`jinhua` does not
//!   find 今，华), as do a missing passage and the start of a figure's credit.
//!
//! The scan is one pass over a block's characters with the set of query positions
//! that some choice of readings reaches there (an NFA over query position ×
//! character): at most one state per query position, so the work is linear in the
//! text and at worst proportional to text × query, with no backtracking. Matches are
//! taken as they end (earliest end first, and for that end the latest start, so each
//! is as short as it can be), never overlapping; each is returned as the byte ranges
//! of its characters, split wherever it stepped over something.

use crate::model::{Block, BlockKind, PinyinTable};
use std::ops::Range;

/// A query needs at least this many letters to match by pinyin.
pub const MIN_PINYIN_LETTERS: usize = 2;

/// A folded query read as pinyin: only its letters, toneless, `ü` written `v`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PinyinQuery {
    letters: String,
}

impl PinyinQuery {
    /// Reads a folded query (`prepare` / `fold_query`) as pinyin: Latin letters, tone
    /// marks (ā á ǎ à…), tone digits 1–5, `ü`/`v`, apostrophes between syllables.
    /// `None` when it holds anything else or fewer than `MIN_PINYIN_LETTERS` letters.
    pub fn parse(folded_query: &str) -> Option<Self> {
        let mut letters = String::new();
        // Capitals spelled out (no Unicode case tables): the folded query is already
        // lowercase ASCII, but toned capitals (`Jīnyì Hú` has none; `Ā` may come) are not.
        for c in folded_query.chars() {
            let l = match c {
                'a'..='z' => c,
                'A'..='Z' => c.to_ascii_lowercase(),
                'ā' | 'á' | 'ǎ' | 'à' | 'Ā' | 'Á' | 'Ǎ' | 'À' => 'a',
                'ē' | 'é' | 'ě' | 'è' | 'ê' | 'ế' | 'ề' | 'Ē' | 'É' | 'Ě' | 'È' | 'Ê' | 'Ế'
                | 'Ề' => 'e',
                'ī' | 'í' | 'ǐ' | 'ì' | 'Ī' | 'Í' | 'Ǐ' | 'Ì' => 'i',
                'ō' | 'ó' | 'ǒ' | 'ò' | 'Ō' | 'Ó' | 'Ǒ' | 'Ò' => 'o',
                'ū' | 'ú' | 'ǔ' | 'ù' | 'Ū' | 'Ú' | 'Ǔ' | 'Ù' => 'u',
                'ü' | 'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' | 'Ü' | 'Ǖ' | 'Ǘ' | 'Ǚ' | 'Ǜ' => 'v',
                'ń' | 'ň' | 'ǹ' | 'Ń' | 'Ň' | 'Ǹ' => 'n',
                'ḿ' | 'Ḿ' => 'm',
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
        (letters.len() >= MIN_PINYIN_LETTERS).then_some(PinyinQuery { letters })
    }

    /// The letters searched for (`"jinyihu"`, `"jyh"`).
    pub fn as_str(&self) -> &str {
        &self.letters
    }
}

/// Whether a match may step over `c` inside a phrase: quotation marks (curly and
/// straight), title and corner brackets, white space. Sentence punctuation (，。、；：
/// ！？…), parentheses and everything else without a reading end a match.
pub fn steps_over(c: char) -> bool {
    matches!(
        c,
        '“' | '”'
            | '‘'
            | '’'
            | '"'
            | '\''
            | '《'
            | '》'
            | '〈'
            | '〉'
            | '「'
            | '」'
            | '『'
            | '』'
    ) || c.is_whitespace()
}

/// Whether a reading can be searched: plain lowercase ASCII letters.
fn usable(py: &str) -> bool {
    !py.is_empty() && py.bytes().all(|b| b.is_ascii_lowercase())
}

/// The bit of a lowercase letter in `Lookup::firsts`.
fn bit(letter: u8) -> u32 {
    1 << (letter.wrapping_sub(b'a') & 31)
}

/// A character of a block a match steps over (`steps_over`).
const SKIP: u16 = u16::MAX - 1;
/// Where a match must stop: a character without a reading, a gap, a credit's start.
const BREAK: u16 = u16::MAX;

/// `Article::pinyin` turned into lookups, once per index: each character with a
/// reading has an id (its rank in code point order), found by one array access.
#[derive(Debug, Clone, Default)]
pub(super) struct Lookup {
    /// The characters, sorted; a character's id is its index.
    chars: Vec<char>,
    /// Every character's readings one after the other (each character's in
    /// alphabetical order): those of id `i` are `readings[at[i]..at[i + 1]]`.
    readings: Vec<&'static str>,
    at: Vec<u32>,
    /// Per id: `bit(l)` set for each first letter `l` of its readings, so a character
    /// that cannot continue a match is passed over with one test.
    firsts: Vec<u32>,
    /// `slot[c - first]` = 1 + the id of `c`, or 0 (when the characters span at most
    /// `MAX_SPAN` code points; otherwise `chars` is bisected).
    first: u32,
    slot: Vec<u16>,
}

impl Lookup {
    /// The largest span of characters indexed directly (CJK Unified Ideographs and
    /// Extension A fit).
    const MAX_SPAN: u32 = 1 << 16;

    /// Unusable syllables (anything but lowercase ASCII letters) are left out, and so
    /// are characters past the first `SKIP` (ids must stay below it).
    pub(super) fn new(table: PinyinTable) -> Self {
        let mut pairs: Vec<(char, &'static str)> = table
            .entries()
            .filter(|&(py, _)| usable(py))
            .flat_map(|(py, chars)| chars.chars().map(move |c| (c, py)))
            .filter(|&(c, _)| !c.is_ascii())
            .collect();
        pairs.sort_unstable();
        pairs.dedup();
        let mut l = Lookup::default();
        for (c, py) in pairs {
            if l.chars.last() != Some(&c) {
                if l.chars.len() >= usize::from(SKIP) {
                    break;
                }
                l.chars.push(c);
                l.at.push(l.readings.len() as u32);
                l.firsts.push(0);
            }
            l.readings.push(py);
            if let Some(f) = l.firsts.last_mut() {
                *f |= bit(py.as_bytes()[0]);
            }
        }
        l.at.push(l.readings.len() as u32);
        if let (Some(&lo), Some(&hi)) = (l.chars.first(), l.chars.last()) {
            let span = hi as u32 - lo as u32 + 1;
            if span <= Self::MAX_SPAN {
                l.first = lo as u32;
                l.slot = vec![0; span as usize];
                for (id, &c) in l.chars.iter().enumerate() {
                    l.slot[(c as u32 - l.first) as usize] = id as u16 + 1;
                }
            }
        }
        l
    }

    /// The id of `c`, if it has a reading.
    fn id(&self, c: char) -> Option<u16> {
        if c.is_ascii() {
            return None;
        }
        if self.slot.is_empty() {
            return self.chars.binary_search(&c).ok().map(|i| i as u16);
        }
        let s = *self
            .slot
            .get((c as u32).wrapping_sub(self.first) as usize)?;
        s.checked_sub(1)
    }

    fn readings(&self, id: u16) -> &[&'static str] {
        let id = usize::from(id);
        &self.readings[self.at[id] as usize..self.at[id + 1] as usize]
    }
}

/// One block as the pinyin search sees it: per character, in text order, its id in the
/// `Lookup`, or `SKIP` / `BREAK`; runs of those are folded into one (a `BREAK` wins).
#[derive(Debug, Clone, Default)]
pub(super) struct Units {
    ids: Vec<u16>,
    /// Per unit: `Lookup::firsts` of its character (0 for `SKIP` and `BREAK`), side by
    /// side so the scan passes over characters that cannot start a match quickly.
    firsts: Vec<u32>,
    /// Byte offset in the block's text of each unit's (first) character.
    at: Vec<u32>,
    /// The block's text (for the length of a character).
    text: &'static str,
}

impl Units {
    pub(super) fn new(b: &Block, lookup: &Lookup) -> Self {
        // Chinese characters take 3 bytes each: about this many units.
        let about = b.text.len() / 3;
        let mut u = Units {
            ids: Vec::with_capacity(about),
            firsts: Vec::with_capacity(about),
            at: Vec::with_capacity(about),
            text: b.text,
        };
        let credit_at = match b.kind {
            BlockKind::Figure { credit_at } => Some(credit_at as usize),
            _ => None,
        };
        let mut gaps = b.gaps.iter().map(|&g| g as usize).peekable();
        for (at, c) in b.text.char_indices() {
            while gaps.next_if(|&g| g <= at).is_some() {
                u.push(BREAK, at, lookup);
            }
            if credit_at == Some(at) {
                u.push(BREAK, at, lookup);
            }
            let id = match lookup.id(c) {
                Some(id) => id,
                None if steps_over(c) => SKIP,
                None => BREAK,
            };
            u.push(id, at, lookup);
        }
        u
    }

    fn push(&mut self, id: u16, at: usize, lookup: &Lookup) {
        if id >= SKIP {
            match self.ids.last_mut() {
                // Nothing to stop or step over before the first character.
                None => return,
                Some(last) if *last >= SKIP => {
                    *last = (*last).max(id);
                    return;
                }
                Some(_) => {}
            }
        }
        self.ids.push(id);
        self.at.push(at as u32);
        self.firsts
            .push(lookup.firsts.get(usize::from(id)).copied().unwrap_or(0));
    }

    /// Byte ranges of the characters of every match of `q` (see the module doc):
    /// sorted, non-overlapping; a match that stepped over something is several ranges.
    pub(super) fn find(&self, lookup: &Lookup, q: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let q = q.as_bytes();
        let m = q.len();
        if m == 0 || lookup.chars.is_empty() {
            return out;
        }
        // (letters of `q` spelt so far, unit where that match starts); at most one per
        // number of letters, keeping the latest start.
        let mut states: Vec<(usize, usize)> = Vec::new();
        let mut next: Vec<(usize, usize)> = Vec::new();
        // `index[k]`: where state `k` stands in `next`, or `usize::MAX` (allocated at
        // the first character that can start a match).
        let mut index = Vec::new();
        let can_start = bit(q[0]);
        let mut i = 0;
        while i < self.ids.len() {
            if states.is_empty() {
                // Straight to the next character that can start a match.
                match self.firsts[i..].iter().position(|&f| f & can_start != 0) {
                    Some(d) => i += d,
                    None => break,
                }
                if index.is_empty() {
                    index = vec![usize::MAX; m];
                }
            }
            let (u, id, firsts) = (i, self.ids[i], self.firsts[i]);
            i += 1;
            match id {
                SKIP => continue,
                BREAK => {
                    states.clear();
                    continue;
                }
                _ => {}
            }
            let readings = lookup.readings(id);
            // The start of the shortest match ending on this character.
            let mut ends: Option<usize> = None;
            for (k, start) in states.iter().copied().chain([(0, u)]) {
                let letter = q[k];
                if firsts & bit(letter) == 0 {
                    continue;
                }
                let mut reach = |to: usize, by_initial: bool| {
                    if to == m {
                        // One character alone matches by a whole reading only.
                        if !(by_initial && k == 0) {
                            ends = ends.max(Some(start));
                        }
                    } else if index[to] == usize::MAX {
                        index[to] = next.len();
                        next.push((to, start));
                    } else {
                        let s = &mut next[index[to]].1;
                        *s = (*s).max(start);
                    }
                };
                for r in readings.iter().map(|r| r.as_bytes()) {
                    if r[0] != letter {
                        continue;
                    }
                    if r.len() > 1 && q[k..].starts_with(r) {
                        reach(k + r.len(), false);
                    }
                    reach(k + 1, r.len() > 1);
                    let zh = matches!(r[0], b'z' | b'c' | b's') && r.get(1) == Some(&b'h');
                    if zh && q.get(k + 1) == Some(&b'h') {
                        reach(k + 2, true);
                    }
                }
            }
            for &(k, _) in &next {
                index[k] = usize::MAX;
            }
            if let Some(start) = ends {
                self.ranges(start, u, &mut out);
                next.clear();
            }
            std::mem::swap(&mut states, &mut next);
            next.clear();
        }
        out
    }

    /// Appends the byte ranges of the characters of units `first..=last`: one range per
    /// run of characters with nothing stepped over between them.
    fn ranges(&self, first: usize, last: usize, out: &mut Vec<Range<usize>>) {
        let mut run: Option<Range<usize>> = None;
        for u in first..=last {
            if self.ids[u] >= SKIP {
                out.extend(run.take());
                continue;
            }
            let at = self.at[u] as usize;
            let len = self.text[at..].chars().next().map_or(0, char::len_utf8);
            match &mut run {
                Some(r) => r.end = at + len,
                None => run = Some(at..at + len),
            }
        }
        out.extend(run);
    }
}
