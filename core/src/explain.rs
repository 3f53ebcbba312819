//! Why a block is in the results, in the reader's words: the facet values it was chosen
//! by (with the keyword or alias that put it there), and how the search found it when
//! not by its own characters (pinyin, an English name).

use crate::filter::{Outcome, Via};
use crate::model::{Article, Facet};
use crate::query::Selection;
use crate::text::{Lang, Text};

/// The interface words the explanations use, in one language. Built by `Words::of`, so a
/// program that explains (the Wasm app) carries these few words, not the whole table.
#[derive(Debug, Clone, Copy)]
pub struct Words {
    pub chosen_by_editor: &'static str,
    pub mentions: &'static str,
    pub via_pinyin: &'static str,
    pub via_english: &'static str,
    pub via_label: &'static str,
    pub via_translation: &'static str,
    pub search_for: &'static str,
    pub no_filters: &'static str,
    /// The English interface: values are named in both languages.
    pub english: bool,
}

impl Words {
    #[inline(always)]
    pub fn of(lang: Lang) -> Words {
        let pick = |t: &'static Text| Words {
            chosen_by_editor: t.chosen_by_editor,
            mentions: t.mentions,
            via_pinyin: t.via_pinyin,
            via_english: t.via_english,
            via_label: t.via_label,
            via_translation: t.via_translation,
            search_for: t.search_for,
            no_filters: t.no_filters,
            english: lang == Lang::En,
        };
        match lang {
            Lang::Zh => pick(&crate::text::ZH),
            Lang::En => pick(&crate::text::EN),
        }
    }
}

/// A value's name for the reader: the canonical (Chinese) one, with the English one
/// after it in the English interface (`金义湖 (Jinyi Lake)`).
pub fn value_words(article: &Article, facet: Facet, value: usize, t: &Words) -> String {
    let name = article.value_name(facet, value);
    if t.english {
        [name, " (", article.value_en(facet, value), ")"].concat()
    } else {
        name.to_string()
    }
}

/// Why a chosen value holds a block, in one short line: the value in the reader's
/// words and the word of the block that put it there (`人才——提到研发团队`, the word
/// highlighted on the page), or that the editors did (`营商环境（编者归类）`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    pub named: String,
    /// After `named`: `——提到` / ` — mentions ` before a word, the editors' note, or "".
    pub joint: &'static str,
    /// The block's own word (verbatim in its text), or "".
    pub word: &'static str,
}

impl Reason {
    /// The line as text.
    pub fn text(&self) -> String {
        [self.named.as_str(), self.joint, self.word].concat()
    }
}

/// The chosen facet values that hold `block`, each with its reason, in facet and data
/// order; empty when none is chosen. A value named in the block by its own name needs no
/// word; one the block's section names (a spirit) is not said to be in the block.
pub fn reasons(article: &Article, block: usize, sel: &Selection, t: &Words) -> Vec<Reason> {
    let b = &article.blocks[block];
    let mut out = Vec::new();
    for f in Facet::ALL {
        for tag in b.tags(f).iter().filter(|tag| sel.is_chosen(f, tag.value)) {
            let name = article.value_name(f, tag.value as usize);
            let named = value_words(article, f, tag.value as usize, t);
            let (joint, word) = match tag.why {
                "" => (t.chosen_by_editor, ""),
                w if w == name || !b.text.contains(w) => ("", ""),
                w => (t.mentions, w),
            };
            out.push(Reason { named, joint, word });
        }
    }
    out
}

/// `reasons` as text, joined by ` · ` (`人才——提到研发团队 · 金义湖`).
pub fn chosen_values(article: &Article, block: usize, sel: &Selection, t: &Words) -> String {
    let lines: Vec<String> = reasons(article, block, sel, t)
        .iter()
        .map(Reason::text)
        .collect();
    lines.join(" · ")
}

/// How the search found `block` besides its characters (`拼音匹配 jinyihu → 金、义、湖`,
/// `英文名称匹配 Jinyi Lake → 金义湖`), joined by ` · `; empty when it did not.
pub fn search_route(article: &Article, outcome: &Outcome, block: usize, t: &Words) -> String {
    let text = article.blocks[block].text;
    outcome.via[block]
        .iter()
        .map(|v| match v {
            Via::Pinyin(q) => {
                let mut chars: Vec<&str> = outcome.hits[block]
                    .iter()
                    .map(|r| &text[r.clone()])
                    .collect();
                chars.dedup();
                [t.via_pinyin, " ", q, " → ", &chars.join("、")].concat()
            }
            Via::English { facet, value } => [
                t.via_english,
                " ",
                article.value_en(*facet, *value as usize),
                " → ",
                article.value_name(*facet, *value as usize),
            ]
            .concat(),
            Via::Label { figure } => {
                let f = &article.figures[*figure as usize];
                [t.via_label, " ", f.label_en, " → ", f.text].concat()
            }
            Via::Translation => t.via_translation.to_string(),
        })
        .collect::<Vec<String>>()
        .join(" · ")
}

/// The active filters in words, for the printed page (`金义湖 · 搜索：项目`), or the
/// text table's "no filter".
pub fn active_filters(article: &Article, sel: &Selection, t: &Words) -> String {
    let mut words: Vec<String> = Facet::ALL
        .iter()
        .flat_map(|&f| {
            sel.chosen(f)
                .iter()
                .map(move |&v| value_words(article, f, v as usize, t))
        })
        .collect();
    let q = sel.q.trim();
    if !q.is_empty() {
        words.push([t.search_for, q].concat());
    }
    if words.is_empty() {
        t.no_filters.to_string()
    } else {
        words.join(" · ")
    }
}
