//! Search by the English names of the facet values (themes, platforms, projects): a
//! query matches a value when, case-, width- and space-blind, it stands inside the
//! value's English name (`jinyilake`, `Free Trade`), or when every word of it begins a
//! word of the name, in any order (`free trade zone` finds “Pilot Free Trade Zone”,
//! `lake jinyi` finds “Jinyi Lake”). `filter::apply` turns a value's match into
//! matches of the blocks tagged with it, without highlights.
//!
//! The same rules match our English labels of the key figures (`GDP`, `signing` → the
//! blocks that state those figures) and our English definitions of the themes
//! (`investment` → the blocks of 项目建设), for readers who search the English interface
//! in English.

use crate::model::{Article, Facet};
use crate::normalize::{fold_char, fold_query};

/// A query needs at least this many characters (white space aside) to match an
/// English name, so that one or two letters do not match half the names.
pub const MIN_ENGLISH_CHARS: usize = 3;

/// Folds an English name or query for comparing: as `fold_query`, plus every dash
/// written `-` (`China–Europe` = `china-europe`).
fn fold_english(s: &str) -> String {
    fold_query(s).chars().map(dash).collect()
}

fn dash(c: char) -> char {
    match c {
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        _ => c,
    }
}

/// The words of a name or query, folded: runs of letters and digits, cut at white
/// space, dashes and any other punctuation (`China–Europe Railway Express (Jindong
/// platform)` → `china`, `europe`, `railway`, `express`, `jindong`, `platform`).
fn words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in s.chars() {
        match fold_char(c) {
            // English names are ASCII; other letters cut words (and no Unicode tables).
            Some(f) if f.is_ascii_alphanumeric() => word.push(f),
            _ => {
                if !word.is_empty() {
                    out.push(std::mem::take(&mut word));
                }
            }
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// The facet values whose English name matches `query` (as typed, or already
/// folded: then only the first rule can apply, its spaces being gone), when the query
/// has at least `MIN_ENGLISH_CHARS` characters besides white space; facet by facet,
/// in data order. See the module doc for the two rules.
pub fn english_matches(article: &Article, query: &str) -> Vec<(Facet, u16)> {
    let Some(q) = EnglishQuery::new(query) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for facet in Facet::ALL {
        for v in 0..article.facet_len(facet) {
            if q.matches(article.value_en(facet, v)) {
                out.push((facet, v as u16));
            }
        }
    }
    out
}

/// The key figures whose English label matches `query`, and the themes whose English
/// definition does (by the rules of `english_matches`), in data order.
pub fn english_label_matches(article: &Article, query: &str) -> (Vec<u16>, Vec<u16>) {
    let Some(q) = EnglishQuery::new(query) else {
        return (Vec::new(), Vec::new());
    };
    let figures = (0..article.figures.len())
        .filter(|&i| q.matches(article.figures[i].label_en))
        .map(|i| i as u16)
        .collect();
    let themes = (0..article.themes.len())
        .filter(|&i| q.matches(article.themes[i].definition_en))
        .map(|i| i as u16)
        .collect();
    (figures, themes)
}

/// A query as the English rules read it: folded whole, and as words.
struct EnglishQuery {
    folded: String,
    words: Vec<String>,
}

impl EnglishQuery {
    /// `None` when the query is too short to match English text.
    fn new(query: &str) -> Option<Self> {
        let folded = fold_english(query);
        (folded.chars().count() >= MIN_ENGLISH_CHARS).then(|| EnglishQuery {
            folded,
            words: words(query),
        })
    }

    /// Inside the text (blind to case, width, space and dashes), or every query word
    /// begins a word of the text.
    fn matches(&self, text: &str) -> bool {
        if text.is_empty() {
            return false;
        }
        let inside = fold_english(text).contains(&self.folded);
        inside
            || !self.words.is_empty() && {
                let text_words = words(text);
                self.words
                    .iter()
                    .all(|w| text_words.iter().any(|t| t.starts_with(w.as_str())))
            }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_cut_at_space_dashes_and_punctuation() {
        assert_eq!(
            words("China–Europe Railway Express (Jindong platform)"),
            ["china", "europe", "railway", "express", "jindong", "platform"]
        );
        assert_eq!(words("  FREE　ｔｒａｄｅ zone "), ["free", "trade", "zone"]);
        assert_eq!(words("Officials' conduct"), ["officials", "conduct"]);
        assert!(words(" - ").is_empty());
    }
}
