//! Issue 12: search terms that combine, and English that finds what the English interface
//! shows (our labels of the key figures, our definitions of the themes).

mod common;
use common::article;
use jinyi_core::explain::{search_route, Words};
use jinyi_core::filter::{apply, Outcome, Via};
use jinyi_core::model::Facet;
use jinyi_core::query::Selection;
use jinyi_core::search::SearchIndex;
use jinyi_core::text::Lang;

fn run(q: &str, platform: Option<&str>) -> Outcome {
    let a = article();
    let mut sel = Selection {
        q: q.into(),
        ..Selection::default()
    };
    if let Some(p) = platform {
        sel.toggle(
            Facet::Platform,
            a.value_index(Facet::Platform, p).unwrap() as u16,
        );
    }
    apply(a, &SearchIndex::for_article(a), &sel)
}

fn ids(o: &Outcome) -> Vec<&'static str> {
    let a = article();
    (0..a.blocks.len())
        .filter(|&b| o.matched[b])
        .map(|b| a.blocks[b].id)
        .collect()
}

fn marked(o: &Outcome, b: usize) -> Vec<&'static str> {
    let text = article().blocks[b].text;
    o.hits[b].iter().map(|r| &text[r.clone()]).collect()
}

#[test]
fn terms_that_do_not_stand_together_combine() {
    let facets = ids(&run("", Some("金义湖")));
    let talent: Vec<&str> = {
        let a = article();
        let v = a.value_index(Facet::Theme, "人才").unwrap() as u16;
        facets
            .iter()
            .copied()
            .filter(|id| {
                let b = a.blocks.iter().find(|b| b.id == *id).unwrap();
                b.themes.iter().any(|t| t.value == v)
            })
            .collect()
    };
    assert_eq!(talent.len(), 2, "the two filters give 2 paragraphs");
    for q in ["人才 金义湖", "金义湖 人才", "人才 jinyihu", "人才　金义湖"] {
        let o = run(q, None);
        assert_eq!(o.terms.len(), 2, "{q}: by terms");
        let got = ids(&o);
        assert_eq!(got.len(), 2, "{q}: {got:?}");
        for b in (0..o.matched.len()).filter(|&b| o.matched[b]) {
            let m = marked(&o, b);
            assert!(m.contains(&"人才"), "{q}: {m:?}");
            assert!(m.iter().any(|s| "金义湖".contains(s)), "{q}: {m:?}");
        }
    }
    // The whole query first: spaces are ignored when it matches as a whole.
    let o = run("金义 湖", None);
    assert!(o.terms.is_empty());
    assert_eq!(ids(&o).len(), ids(&run("金义湖", None)).len());
    // One word is never split.
    assert!(run("金义湖人才", None).terms.is_empty());
}

#[test]
fn nothing_found_suggests_the_values_a_term_names() {
    let a = article();
    let o = run("金义湖 uuuu", None);
    assert_eq!(o.count, 0);
    let named: Vec<&str> = o
        .suggestions
        .iter()
        .map(|&(f, v)| a.value_name(f, v as usize))
        .collect();
    assert!(named.contains(&"金义湖"), "{named:?}");
    assert!(named.contains(&"金义湖科技创新策源地"), "{named:?}");
    // By English name too, and never a value already chosen.
    let o = run("lake uuuu", Some("金义湖"));
    let named: Vec<&str> = o
        .suggestions
        .iter()
        .map(|&(f, v)| a.value_name(f, v as usize))
        .collect();
    assert!(!named.contains(&"金义湖"), "{named:?}");
    assert!(
        run("金义湖", None).suggestions.is_empty(),
        "only when nothing is found"
    );
}

#[test]
fn english_finds_our_translation_and_labels_never_definitions() {
    let a = article();
    let at = |id: &str| a.blocks.iter().position(|b| b.id == id).unwrap();
    // A label names a figure the translation words otherwise: the label says why.
    let o = run("growth", None);
    let b = at("surpass-photo-2");
    assert!(ids(&o).contains(&"surpass-photo-2"), "{:?}", ids(&o));
    assert!(matches!(o.via[b][..], [Via::Label { .. }, ..]));
    let why = search_route(a, &o, b, &Words::of(Lang::En));
    assert!(why.starts_with("English label match "), "{why}");
    // Where the translation has the word, it is highlighted there and says so.
    let o = run("GDP", None);
    assert_eq!(ids(&o), ["surpass-7"]);
    let b = at("surpass-7");
    assert_eq!(o.via[b], vec![Via::Translation]);
    assert_eq!(
        search_route(a, &o, b, &Words::of(Lang::En)),
        "match in our translation"
    );
    assert_eq!(search_route(a, &o, b, &Words::of(Lang::Zh)), "本页英译匹配");
    // Not the definitions: “training” in 人才's is not `train`, and `talent` finds
    // what 人才 finds.
    assert_eq!(ids(&run("train", None)), ["surpass-photo-2"]);
    assert_eq!(ids(&run("talent", None)), ids(&run("人才", None)));
}

/// Terms combine only when the whole query finds nothing, and then every block shown
/// matches each term on its own (also for odd input the fuzzer found: `jin y!h`).
#[test]
fn combined_terms_show_only_blocks_that_every_term_finds() {
    for q in ["人才 金义湖", "人才 jinyihu", "jin y!h", "gdp 金义湖"] {
        let out = run(q, None);
        if out.terms.is_empty() {
            continue;
        }
        for t in &out.terms {
            let alone = run(t, None);
            for b in 0..out.matched.len() {
                assert!(
                    !out.matched[b] || alone.matched[b],
                    "{q}: block {b} without {t}"
                );
            }
        }
    }
    assert_eq!(run("jin y!h", None).terms, vec!["jin", "y!h"]);
}

/// An English word and its Chinese find the same blocks where our translation is
/// faithful (issue 18): the translation, not our definitions, answers an English query.
#[test]
fn english_words_find_what_their_chinese_finds() {
    for (zh, en) in [
        ("人才", "talent"),
        ("零碳", "zero-carbon"),
        ("金义湖", "Jinyi Lake"),
        ("自贸试验区", "Pilot Free Trade Zone"),
        ("营商环境", "business environment"),
        ("新质生产力", "new quality productive forces"),
        ("班列", "trains"),
        ("中欧班列", "China–Europe Railway Express"),
    ] {
        assert_eq!(ids(&run(en, None)), ids(&run(zh, None)), "{en} / {zh}");
    }
}

/// The index's quick test before reading a block's English never rules out a match: for
/// words of our translation as queries (and inflected), what the index finds is what
/// reading every block's words finds.
#[test]
fn the_quick_english_test_loses_no_match() {
    use jinyi_core::search::EnglishQuery;
    let a = article();
    let index = SearchIndex::for_article(a);
    let mut queries: Vec<String> = Vec::new();
    for b in a.translation.blocks.iter().take(6) {
        for w in b.text.split(|c: char| !c.is_ascii_alphanumeric()) {
            if w.len() >= 3 {
                queries.extend([w.to_string(), format!("{w}s"), format!("{w}ed")]);
            }
        }
    }
    queries.sort();
    queries.dedup();
    for q in &queries {
        let Some(eq) = EnglishQuery::new(q) else {
            continue;
        };
        for (i, en) in a.translation.blocks.iter().enumerate() {
            assert_eq!(
                index.find_english(i, &eq, en.text, en.gaps),
                eq.find_phrase(en.text, en.gaps),
                "{q} in block {i}"
            );
        }
    }
}
