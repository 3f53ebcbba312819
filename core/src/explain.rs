//! Why a block is in the results, in the reader's words: the facet values it was chosen
//! by (with the keyword or alias that put it there), and how the search found it when
//! not by its own characters (pinyin, an English name).

use crate::filter::{Outcome, Via};
use crate::model::{Article, Facet};
use crate::query::Selection;
use crate::text::Text;

/// The chosen facet values that hold `block`, each with its reason
/// (`金义湖 ← 金义湖科技创新策源地`), joined by ` · `; empty when none is chosen.
pub fn chosen_values(article: &Article, block: usize, sel: &Selection, t: &Text) -> String {
    let b = &article.blocks[block];
    let mut out: Vec<String> = Vec::new();
    for f in Facet::ALL {
        for tag in b.tags(f).iter().filter(|tag| sel.is_chosen(f, tag.value)) {
            let name = article.value_name(f, tag.value as usize);
            out.push(match tag.why {
                "" => format!("{name} ({})", t.chosen_by_editor),
                w if w == name => name.to_string(),
                w => format!("{name} ← {w}"),
            });
        }
    }
    out.join(" · ")
}

/// How the search found `block` besides its characters (`拼音匹配 jinyihu → 金、义、湖`,
/// `英文名称匹配 Jinyi Lake → 金义湖`), joined by ` · `; empty when it did not.
pub fn search_route(article: &Article, outcome: &Outcome, block: usize, t: &Text) -> String {
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
                format!("{} {q} → {}", t.via_pinyin, chars.join("、"))
            }
            Via::English { facet, value } => format!(
                "{} {} → {}",
                t.via_english,
                article.value_en(*facet, *value as usize),
                article.value_name(*facet, *value as usize)
            ),
        })
        .collect::<Vec<String>>()
        .join(" · ")
}

/// The active filters in words, for the printed page (`金义湖 · 搜索: 项目`), or the
/// text table's "no filter".
pub fn active_filters(article: &Article, sel: &Selection, t: &Text) -> String {
    let mut words: Vec<String> = Facet::ALL
        .iter()
        .flat_map(|&f| {
            sel.chosen(f)
                .iter()
                .map(move |&v| article.value_name(f, v as usize).to_string())
        })
        .collect();
    let q = sel.q.trim();
    if !q.is_empty() {
        words.push(format!("{}: {q}", t.search));
    }
    if words.is_empty() {
        t.no_filters.to_string()
    } else {
        words.join(" · ")
    }
}
