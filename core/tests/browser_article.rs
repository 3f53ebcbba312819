//! The app in the browser computes with less than the build has: the article without
//! what only the page displays (`browser::for_browser`), and no search index until the
//! first search (`search::searches`). Both must give the same results, reasons included.

mod common;
use common::article;
use jinyi_core::browser::{for_browser, text_hashes, with_texts};
use jinyi_core::explain::{chosen_values, search_route, Words};
use jinyi_core::filter::apply;
use jinyi_core::model::Article;
use jinyi_core::model::Facet;
use jinyi_core::query::Selection;
use jinyi_core::search::{searches, SearchIndex};
use jinyi_core::text::Lang;
use proptest::prelude::*;

/// What the app computes with: the slim article, its texts read back from the page.
fn in_the_browser(full: &Article) -> Article {
    let texts = full.blocks.iter().map(|b| b.text.to_string()).collect();
    with_texts(&for_browser(full), texts, &text_hashes(full)).expect("the page's texts")
}

fn any_selection() -> impl Strategy<Value = Selection> {
    let a = article();
    let vals = |f: Facet| proptest::collection::btree_set(0..a.facet_len(f) as u16, 0..4);
    (
        vals(Facet::Theme),
        vals(Facet::Platform),
        vals(Facet::Project),
        prop_oneof![
            Just(String::new()),
            Just("  ".to_string()),
            "[金义新区项目湖发展 ８.1%]{0,4}",
            "(jinyihu|jyh|Jinyi Lake|free trade zone|changsanjiao|dushiqu|GDP|signing|investment|人才 金义湖|人才 jinyihu)",
        ],
    )
        .prop_map(|(t, p, j, q)| Selection {
            values: [
                t.into_iter().collect(),
                p.into_iter().collect(),
                j.into_iter().collect(),
            ],
            q,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn the_browsers_article_filters_searches_and_explains_the_same(sel in any_selection()) {
        let full = article();
        let slim = in_the_browser(full);
        let o_full = apply(full, &SearchIndex::for_article(full), &sel);
        let o_slim = apply(&slim, &SearchIndex::for_article(&slim), &sel);
        prop_assert_eq!(&o_full, &o_slim);
        for lang in [Lang::Zh, Lang::En] {
            let w = Words::of(lang);
            for b in 0..full.blocks.len() {
                prop_assert_eq!(chosen_values(full, b, &sel, &w), chosen_values(&slim, b, &sel, &w));
                prop_assert_eq!(search_route(full, &o_full, b, &w), search_route(&slim, &o_slim, b, &w));
            }
        }
    }

    #[test]
    fn without_a_search_no_index_is_needed(sel in any_selection()) {
        let a = article();
        prop_assume!(!searches(&sel.q));
        let with = apply(a, &SearchIndex::for_article(a), &sel);
        let without = apply(a, &SearchIndex::new(&[]), &sel);
        prop_assert_eq!(with, without);
    }
}

#[test]
fn the_browsers_article_leaves_out_only_what_the_page_shows() {
    let full = article();
    let slim = for_browser(full);
    assert_eq!(slim.blocks.len(), full.blocks.len());
    assert!(slim
        .blocks
        .iter()
        .zip(full.blocks)
        .all(|(s, f)| s.text.is_empty() && s.id == f.id));
    assert!(slim
        .themes
        .iter()
        .all(|t| t.definition.is_empty() && !t.definition_en.is_empty()));
    assert!(slim
        .figures
        .iter()
        .all(|f| f.label.is_empty() && !f.label_en.is_empty()));
    assert!(slim.banner.is_empty());
    assert!(slim.platforms.iter().all(|p| p.facts.is_empty()));
}

#[test]
fn texts_that_are_not_the_builds_are_refused() {
    let full = article();
    let slim = for_browser(full);
    let mut texts: Vec<String> = full.blocks.iter().map(|b| b.text.to_string()).collect();
    assert!(with_texts(&slim, texts.clone(), &text_hashes(full)).is_some());
    texts[3].push('。');
    assert!(with_texts(&slim, texts.clone(), &text_hashes(full)).is_none());
    texts.pop();
    assert!(with_texts(&slim, texts, &text_hashes(full)).is_none());
}
