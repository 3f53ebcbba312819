//! Search in English: our translation of each block, the English names of platforms
//! and projects, and our English labels of the key figures. A query matches **whole
//! words**, case- and width-blind, each word with its regular inflections (`train`
//! finds “trains” and “trained”, never “training”; `industries` finds “industry”).
//! In a name or a label every word of the query must stand, in any order (`lake jinyi`
//! finds “Jinyi Lake”); in the translation, as a phrase (`free trade zone` finds “Pilot
//! Free Trade Zone”, not three words strewn over a paragraph). A query of one word may
//! also run whole words together (`jinyilake`, `freetrade`).
//!
//! `filter::apply` turns a name's or a label's match into matches of the blocks tagged
//! with it (without highlights), and a match in the translation into highlights there.

use crate::model::{Article, Facet};
use crate::normalize::{fold_char, fold_query};
use std::ops::Range;

/// A query needs at least this many characters (white space aside) to match English,
/// so that one or two letters do not match half the text.
pub const MIN_ENGLISH_CHARS: usize = 3;

/// The words of a text, folded, with their byte ranges: runs of ASCII letters and
/// digits (after folding width and case), cut at anything else and at each of `cuts`
/// (where the source lacks a passage, so that no word runs across it).
fn words_at(s: &str, cuts: &[u32]) -> Vec<(Range<usize>, String)> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut start = 0;
    for (at, c) in s.char_indices() {
        if cuts.contains(&(at as u32)) && !word.is_empty() {
            out.push((start..at, std::mem::take(&mut word)));
        }
        match fold_char(c) {
            Some(f) if f.is_ascii_alphanumeric() => {
                if word.is_empty() {
                    start = at;
                }
                word.push(f);
            }
            _ => {
                if !word.is_empty() {
                    out.push((start..at, std::mem::take(&mut word)));
                }
            }
        }
    }
    if !word.is_empty() {
        out.push((start..s.len(), word));
    }
    out
}

/// The words of a text, folded.
fn words(s: &str) -> Vec<String> {
    words_at(s, &[]).into_iter().map(|(_, w)| w).collect()
}

/// What a word may be an inflection of: itself, and the base its regular endings
/// give (plural and third person `-s`/`-es`/`-ies`, past `-ed`/`-d`/`-ied`, with a
/// doubled consonant undone). Not `-ing`: “training” is not “train”. Words of three
/// letters or fewer, and endings that are no inflection (`-ss`, `-us`, `-is`), stay
/// as they are.
fn bases(w: &str) -> Vec<String> {
    let mut out = vec![w.to_string()];
    if w.len() <= 3 || !w.bytes().all(|b| b.is_ascii_lowercase()) {
        return out;
    }
    let cut = |n: usize| w[..w.len() - n].to_string();
    if let Some(stem) = w.strip_suffix("ies").or_else(|| w.strip_suffix("ied")) {
        out.push([stem, "y"].concat());
    }
    if w.ends_with('s') && !(w.ends_with("ss") || w.ends_with("us") || w.ends_with("is")) {
        out.push(cut(1));
        if w.ends_with("es") {
            out.push(cut(2));
        }
    }
    if w.ends_with("ed") {
        out.push(cut(1));
        let stem = cut(2);
        let b = stem.as_bytes();
        if b.len() >= 3 && b[b.len() - 1] == b[b.len() - 2] && !b"aeiou".contains(&b[b.len() - 1]) {
            out.push(stem[..stem.len() - 1].to_string());
        }
        out.push(stem);
    }
    out.retain(|b| b.len() >= 3);
    out
}

/// Whether a query word and a text word are the same word, inflections aside.
fn same_word(query: &[String], text: &str) -> bool {
    query[0] == text || bases(text).iter().any(|b| query.contains(b))
}

/// A text folded for `EnglishQuery::may_match`: lowercase ASCII letters and digits,
/// everything else a space (`spaced`), and the same without the spaces (`joined`).
#[derive(Debug, Clone, Default)]
pub struct Folded {
    spaced: String,
    joined: String,
}

impl Folded {
    pub fn new(text: &str) -> Folded {
        let spaced: String = text
            .chars()
            .map(|c| match fold_char(c) {
                Some(f) if f.is_ascii_alphanumeric() => f,
                _ => ' ',
            })
            .collect();
        let joined = spaced.chars().filter(|&c| c != ' ').collect();
        Folded { spaced, joined }
    }
}

/// What every form of a word begins with: what its bases have in common, without a
/// final `e` or `y` (`industries` → `industr`, which “industry” begins with too;
/// `try` → `tr`, for “tried”).
fn stem(bases: &[String]) -> &str {
    let first = bases.first().map_or("", String::as_str);
    let common = bases.iter().fold(first.len(), |n, b| {
        first
            .bytes()
            .zip(b.bytes())
            .take(n)
            .take_while(|(x, y)| x == y)
            .count()
    });
    let prefix = &first[..common];
    prefix.strip_suffix(['e', 'y']).unwrap_or(prefix)
}

/// A query as the English rules read it.
#[derive(Debug, Clone)]
pub struct EnglishQuery {
    /// Per query word, its bases (the word itself first).
    words: Vec<Vec<String>>,
    /// The query's letters and digits run together (for `jinyilake`), when it is one
    /// word.
    joined: Option<String>,
}

impl EnglishQuery {
    /// `None` when the query is too short to match English.
    pub fn new(query: &str) -> Option<Self> {
        if fold_query(query).chars().count() < MIN_ENGLISH_CHARS {
            return None;
        }
        let w = words(query);
        if w.is_empty() {
            return None;
        }
        let joined = (w.len() == 1).then(|| w[0].clone());
        Some(EnglishQuery {
            words: w.iter().map(|w| bases(w)).collect(),
            joined,
        })
    }

    /// Where in `text` the query matches: the byte ranges of every word that is one of
    /// the query's (or of whole words that run together as the query), sorted; empty
    /// unless every query word is there. `cuts`: byte offsets no word runs across.
    pub fn find(&self, text: &str, cuts: &[u32]) -> Vec<Range<usize>> {
        let tw = words_at(text, cuts);
        let mut out: Vec<Range<usize>> = Vec::new();
        let mut found = vec![false; self.words.len()];
        for (r, w) in &tw {
            for (i, q) in self.words.iter().enumerate() {
                if same_word(q, w) {
                    found[i] = true;
                    out.push(r.clone());
                    break;
                }
            }
        }
        if let (Some(joined), false) = (&self.joined, found[0]) {
            // Whole words run together: `jinyilake` = “Jinyi Lake”.
            for i in 0..tw.len() {
                let mut run = String::new();
                for (j, (_, w)) in tw.iter().enumerate().skip(i) {
                    run.push_str(w);
                    if !joined.starts_with(run.as_str()) {
                        break;
                    }
                    if run.len() == joined.len() {
                        out.push(tw[i].0.start..tw[j].0.end);
                        found[0] = true;
                        break;
                    }
                }
            }
        }
        if found.iter().all(|&f| f) {
            out
        } else {
            Vec::new()
        }
    }

    /// Where in `text` the query stands as a phrase: its words one after the other, in
    /// order (each with its inflections), or run together; byte ranges from the first
    /// word to the last, sorted. For running text (our translation), where words of a
    /// query scattered over a paragraph would mean nothing. `cuts`: as for `find`.
    pub fn find_phrase(&self, text: &str, cuts: &[u32]) -> Vec<Range<usize>> {
        let tw = words_at(text, cuts);
        let n = self.words.len();
        let mut out: Vec<Range<usize>> = Vec::new();
        let mut i = 0;
        while i + n <= tw.len() {
            if (0..n).all(|k| same_word(&self.words[k], &tw[i + k].1)) {
                out.push(tw[i].0.start..tw[i + n - 1].0.end);
                i += n;
            } else {
                i += 1;
            }
        }
        if out.is_empty() && self.joined.is_some() {
            return self.find(text, cuts);
        }
        out
    }

    /// False when `text` (folded) cannot hold a match: a word of the query whose stem
    /// does not stand at the start of a word of the text, and, for one word, nor the
    /// word run together. True does not mean it matches (`find_phrase` decides).
    pub fn may_match(&self, text: &Folded) -> bool {
        let begins_a_word = |stem: &str| {
            text.spaced
                .match_indices(stem)
                .any(|(at, _)| at == 0 || text.spaced.as_bytes()[at - 1] == b' ')
        };
        self.words.iter().all(|w| begins_a_word(stem(w)))
            || self
                .joined
                .as_deref()
                .is_some_and(|j| text.joined.contains(j))
    }

    /// Whether the query matches `text` (see `find`).
    pub fn matches(&self, text: &str) -> bool {
        !self.find(text, &[]).is_empty()
    }
}

/// The facet values whose English name matches `query` (as typed), facet by facet, in
/// data order.
pub fn english_matches(article: &Article, query: &str) -> Vec<(Facet, u16)> {
    EnglishQuery::new(query).map_or_else(Vec::new, |q| q.names_in(article))
}

/// The key figures whose English label matches `query`, in data order.
pub fn english_label_matches(article: &Article, query: &str) -> Vec<u16> {
    EnglishQuery::new(query).map_or_else(Vec::new, |q| q.labels_in(article))
}

impl EnglishQuery {
    /// The facet values whose English name matches, facet by facet, in data order.
    pub fn names_in(&self, article: &Article) -> Vec<(Facet, u16)> {
        let mut out = Vec::new();
        for facet in Facet::ALL {
            for v in 0..article.facet_len(facet) {
                if self.matches(article.value_en(facet, v)) {
                    out.push((facet, v as u16));
                }
            }
        }
        out
    }

    /// The key figures whose English label matches, in data order.
    pub fn labels_in(&self, article: &Article) -> Vec<u16> {
        (0..article.figures.len())
            .filter(|&i| self.matches(article.figures[i].label_en))
            .map(|i| i as u16)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_cut_at_space_dashes_punctuation_and_gaps() {
        assert_eq!(
            words("China–Europe Railway Express (Jindong platform)"),
            ["china", "europe", "railway", "express", "jindong", "platform"]
        );
        assert_eq!(words("  FREE　ｔｒａｄｅ zone "), ["free", "trade", "zone"]);
        assert_eq!(words("Officials' conduct"), ["officials", "conduct"]);
        assert!(words(" - ").is_empty());
        let cut: Vec<String> = words_at("foobar", &[3]).into_iter().map(|w| w.1).collect();
        assert_eq!(cut, ["foo", "bar"]);
    }

    fn finds(q: &str, text: &str) -> Vec<String> {
        let q = EnglishQuery::new(q).unwrap();
        q.find(text, &[])
            .into_iter()
            .map(|r| text[r].to_string())
            .collect()
    }

    #[test]
    fn whole_words_with_their_inflections_never_other_words() {
        assert_eq!(finds("train", "227 trains ran; training began"), ["trains"]);
        assert_eq!(finds("trains", "one train"), ["train"]);
        assert!(finds("train", "training").is_empty());
        assert!(finds("rail", "railway").is_empty());
        assert_eq!(finds("industry", "new industries"), ["industries"]);
        assert_eq!(finds("plan", "it was planned"), ["planned"]);
        assert_eq!(finds("trade", "goods traded"), ["traded"]);
        assert_eq!(finds("business", "business"), ["business"]);
        assert!(finds("busines", "business").is_empty());
    }

    #[test]
    fn every_word_in_any_order_or_run_together() {
        assert_eq!(finds("lake jinyi", "Jinyi Lake"), ["Jinyi", "Lake"]);
        assert!(finds("free lake", "Pilot Free Trade Zone").is_empty());
        assert_eq!(finds("jinyilake", "the Jinyi Lake area"), ["Jinyi Lake"]);
        assert_eq!(
            finds("zero-carbon", "a zero-carbon park"),
            ["zero", "carbon"]
        );
        assert!(EnglishQuery::new("fr").is_none());
        let q = EnglishQuery::new("free trade zones").unwrap();
        let text = "toll-free, Trade City, Bonded Zone; the Pilot Free Trade Zone";
        let at: Vec<&str> = q
            .find_phrase(text, &[])
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(at, ["Free Trade Zone"]);
        let q = EnglishQuery::new("jinyilake").unwrap();
        assert_eq!(q.find_phrase("at Jinyi Lake", &[]), vec![(3..13)]);
    }

    #[test]
    fn the_quick_test_never_rules_out_a_match() {
        let texts = [
            "227 trains ran; training began",
            "new industries, planned and traded; it tried, and tries",
            "the Pilot Free Trade Zone at Jinyi Lake",
        ];
        for q in [
            "train",
            "trains",
            "industry",
            "plan",
            "trade",
            "jinyilake",
            "free trade zone",
            "lake",
            "zone",
            "jyh",
            "industries",
            "try",
            "tried",
        ] {
            let q = EnglishQuery::new(q).unwrap();
            for t in texts {
                if !q.find_phrase(t, &[]).is_empty() {
                    assert!(q.may_match(&Folded::new(t)), "{q:?} in {t}");
                }
            }
        }
        let jyh = EnglishQuery::new("jyh").unwrap();
        assert!(texts.iter().all(|t| !jyh.may_match(&Folded::new(t))));
        assert!(EnglishQuery::new(" - - ").is_none());
    }
}
