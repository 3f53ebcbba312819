//! Search beyond Chinese characters, on the real article: pinyin (tone marks, tone
//! digits, spaces and case ignored; never from inside a syllable) and the English
//! names of the facet values; with why each block matched (`Outcome::via`). Issue 9's
//! rules (polyphones, initials, quotation marks, English words) are in
//! `search_chinese.rs`.

mod common;
use common::*;
use jinyi_core::filter::{alone_in_group, apply, Via};
use jinyi_core::model::{Block, Facet};
use jinyi_core::query::{parse, Selection};
use jinyi_core::search::{english_matches, prepare, PinyinQuery, SearchIndex};
use proptest::prelude::*;
use std::ops::Range;

fn search(q: &str) -> jinyi_core::filter::Outcome {
    let sel = Selection {
        q: q.to_string(),
        ..Selection::default()
    };
    apply(article(), index(), &sel)
}

fn matched_ids(q: &str) -> Vec<&'static str> {
    let out = search(q);
    let a = article();
    (0..a.blocks.len())
        .filter(|&b| out.matched[b])
        .map(|b| a.blocks[b].id)
        .collect()
}

fn texts(text: &str, hits: &[Range<usize>]) -> Vec<String> {
    hits.iter().map(|r| text[r.clone()].to_string()).collect()
}

// ---------- pinyin ----------

#[test]
fn four_ways_of_typing_jinyihu_find_exactly_the_blocks_with_jinyihu() {
    let a = article();
    let expected = ids(|b| b.text.contains("金义湖"));
    assert_eq!(expected.len(), 3);
    for q in [
        "jinyihu",
        "jin yi hu",
        "Jīnyì Hú",
        "jin1yi4hu2",
        "ＪＩＮ ＹＩ ＨＵ",
        "jin'yi'hu",
    ] {
        assert_eq!(matched_ids(q), expected, "{q}");
        let out = search(q);
        for (b, block) in a.blocks.iter().enumerate() {
            if !out.matched[b] {
                continue;
            }
            assert_eq!(out.via[b], vec![Via::Pinyin("jinyihu".into())], "{q}");
            assert!(!out.hits[b].is_empty());
            for t in texts(block.text, &out.hits[b]) {
                assert_eq!(t, "金义湖", "{q} in {}", block.id);
            }
        }
    }
}

#[test]
fn part_of_a_syllable_finds_nothing_by_pinyin() {
    let a = article();
    // (`jinyih` and `nyi` did once; now they are whole syllables and initials: 金义湖,
    // 年一. See search_chinese.rs.)
    for q in ["in", "inyi", "inyihu", "nyihu", "iny"] {
        let p = PinyinQuery::parse(&prepare(q)).expect("letters only");
        for b in 0..a.blocks.len() {
            assert!(
                index().find_pinyin(b, &p).is_empty(),
                "{q} in {}",
                a.blocks[b].id
            );
        }
        let out = search(q);
        assert!(
            out.via
                .iter()
                .flatten()
                .all(|v| !matches!(v, Via::Pinyin(_))),
            "{q}"
        );
    }
    // `in` matches nothing at all; `inyi` only through our English names (Jinyi …) and
    // labels (the “Jinyi New Area speed” of 10亿).
    assert!(matched_ids("in").is_empty());
    let out = search("inyi");
    for b in 0..a.blocks.len() {
        assert!(out.hits[b].is_empty());
        assert_eq!(
            out.matched[b],
            out.via[b]
                .iter()
                .any(|v| matches!(v, Via::English { .. } | Via::Label { .. }))
        );
    }
}

#[test]
fn a_query_needs_two_letters_and_nothing_but_pinyin() {
    assert_eq!(PinyinQuery::parse("j"), None);
    assert_eq!(PinyinQuery::parse("j1"), None);
    assert_eq!(PinyinQuery::parse(""), None);
    assert_eq!(PinyinQuery::parse("8.1%"), None);
    assert_eq!(PinyinQuery::parse("金yi"), None);
    assert_eq!(PinyinQuery::parse("jin-yi"), None);
    let as_str = |q: &str| PinyinQuery::parse(&prepare(q)).map(|p| p.as_str().to_string());
    assert_eq!(as_str("Xiàolǜ").as_deref(), Some("xiaolv"));
    assert_eq!(as_str("xiao4lü4").as_deref(), Some("xiaolv"));
    assert_eq!(as_str("XIAO LV").as_deref(), Some("xiaolv"));
    // Decomposed marks: i + combining macron, u + combining diaeresis.
    assert_eq!(as_str("ji\u{304}n lu\u{308}").as_deref(), Some("jinlv"));
}

#[test]
fn u_umlaut_and_v_are_the_same() {
    // 率 reads lǜ (效率: xiàolǜ).
    let expected = ids(|b| b.text.contains("效率"));
    assert!(!expected.is_empty());
    for q in ["xiaolv", "xiàolǜ", "xiao4lü4", "XiaoLü"] {
        assert_eq!(matched_ids(q), expected, "{q}");
    }
}

#[test]
fn pinyin_hits_cover_chinese_characters_only_and_spell_the_query() {
    let a = article();
    for q in [
        "jinyi",
        "yi",
        "xinqu",
        "de",
        "jinyixinqu",
        "fazhan",
        "xiangmu",
        "ban lie",
    ] {
        let p = PinyinQuery::parse(&prepare(q)).unwrap();
        let mut found = 0;
        for (b, block) in a.blocks.iter().enumerate() {
            let hits = index().find_pinyin(b, &p);
            if let Err(e) = check_pinyin_hits(block.text, &cuts(block), &hits, p.as_str()) {
                panic!("{q} in {}: {e}", block.id);
            }
            found += hits.len();
        }
        assert!(found > 0, "{q} found nothing");
    }
}

#[test]
fn a_pinyin_match_never_spans_punctuation_a_gap_or_a_credit() {
    let table = article().pinyin;
    let find = |b: &Block, q: &str| {
        let idx = SearchIndex::with_pinyin(std::slice::from_ref(b), table);
        let hits = idx.find_pinyin(0, &PinyinQuery::parse(q).unwrap());
        texts(b.text, &hits)
    };
    let b = leak_block("金义，湖", &[], None);
    assert!(find(&b, "jinyihu").is_empty());
    assert_eq!(find(&b, "jinyi"), vec!["金义"]);
    assert_eq!(find(&b, "hu"), vec!["湖"]);
    // A space is stepped over (issue 9; it once stopped the match), not highlighted.
    let b = leak_block("金义 湖a金义湖", &[], None);
    assert_eq!(find(&b, "jinyihu"), vec!["金义", "湖", "金义湖"]);
    // A gap between 义 and 湖 (byte 6).
    let b = leak_block("金义湖", &[6], None);
    assert!(find(&b, "jinyihu").is_empty());
    assert_eq!(find(&b, "jinyi"), vec!["金义"]);
    // A credit starting right after the caption's last character.
    let b = leak_block("金义湖金义", &[], Some(9));
    assert_eq!(find(&b, "jinyi"), vec!["金义", "金义"]);
    assert!(find(&b, "hujin").is_empty());
    // Without a table (`SearchIndex::new`) nothing matches by pinyin.
    let idx = SearchIndex::new(std::slice::from_ref(&b));
    assert!(idx
        .find_pinyin(0, &PinyinQuery::parse("jinyi").unwrap())
        .is_empty());
}

#[test]
fn pinyin_and_direct_hits_are_merged_in_order() {
    let b = leak_block("jinyi 金义 JinYi", &[], None);
    let blocks: &'static [Block] = Box::leak(vec![b].into_boxed_slice());
    let idx = SearchIndex::with_pinyin(blocks, article().pinyin);
    let a = jinyi_core::model::Article {
        blocks,
        sections: Box::leak(
            vec![jinyi_core::model::Section {
                first: 0,
                len: 1,
                ..article().sections[0]
            }]
            .into_boxed_slice(),
        ),
        ..*article()
    };
    let out = apply(
        &a,
        &idx,
        &Selection {
            q: "JINYI".into(),
            ..Selection::default()
        },
    );
    assert_eq!(texts(b.text, &out.hits[0]), vec!["jinyi", "金义", "JinYi"]);
    assert_eq!(out.via[0], vec![Via::Pinyin("jinyi".into())]);
}

#[test]
fn direct_search_is_unchanged() {
    // `find` is the direct search alone: a Latin query finds no Chinese text there.
    let a = article();
    let q = prepare("jinyihu");
    for b in 0..a.blocks.len() {
        assert!(index().find(b, &q).is_empty());
    }
    let q = prepare("金义湖");
    let out = search("金义湖");
    for (b, block) in a.blocks.iter().enumerate() {
        assert_eq!(out.hits[b], index().find(b, &q), "{}", block.id);
        assert!(out.via[b].is_empty());
    }
}

// ---------- English names ----------

#[test]
fn english_names_find_the_tagged_blocks() {
    let a = article();
    let lake = platform("金义湖");
    let hub = platform("金义湖科技创新策源地");
    let expected = ids(|b| b.platforms.iter().any(|t| t.value == lake));
    assert_eq!(expected, vec!["surpass-2", "surpass-3", "surpass-photo-3"]);
    // Our translation names it: its words are highlighted there, and that says why.
    for q in ["Jinyi Lake", "jinyilake", "JINYI  LAKE", "lake", "Lake"] {
        assert_eq!(matched_ids(q), expected, "{q}");
        let out = search(q);
        for b in (0..a.blocks.len()).filter(|&b| out.matched[b]) {
            assert_eq!(out.via[b], vec![Via::Translation], "{q}");
            assert!(out.hits[b].is_empty() && !out.hits_en[b].is_empty(), "{q}");
        }
    }
    // Words in another order are no phrase of the translation: the names match.
    let q = "lake Jinyi";
    assert_eq!(matched_ids(q), expected, "{q}");
    let out = search(q);
    for (b, block) in a.blocks.iter().enumerate() {
        if !out.matched[b] {
            continue;
        }
        let mut want = vec![Via::English {
            facet: Facet::Platform,
            value: lake,
        }];
        if block.platforms.iter().any(|t| t.value == hub) {
            want.push(Via::English {
                facet: Facet::Platform,
                value: hub,
            });
        }
        assert_eq!(out.via[b], want, "{q} in {}", block.id);
        assert!(out.hits[b].is_empty(), "no highlight for a name match");
    }
}

#[test]
fn english_matches_need_three_characters() {
    let a = article();
    assert!(english_matches(a, &prepare("la")).is_empty());
    // Whole words: three letters that begin one are not it.
    assert!(english_matches(a, &prepare("lak")).is_empty());
    assert_eq!(
        english_matches(a, &prepare("lake")),
        vec![
            (Facet::Platform, platform("金义湖")),
            (Facet::Platform, platform("金义湖科技创新策源地"))
        ]
    );
    // Themes and projects too; dashes fold (China–Europe is written with an en dash).
    let runma = a.value_index(Facet::Project, "润马光能").unwrap() as u16;
    assert_eq!(
        english_matches(a, &prepare("runma solar")),
        vec![(Facet::Project, runma)]
    );
    let talent = a.value_index(Facet::Theme, "人才").unwrap() as u16;
    assert_eq!(
        english_matches(a, &prepare("TALENT")),
        vec![(Facet::Theme, talent)]
    );
    assert_eq!(
        english_matches(a, &prepare("china-europe")),
        vec![(Facet::Platform, platform("中欧班列"))]
    );
}

#[test]
fn facet_counts_hold_for_pinyin_and_english_searches() {
    let a = article();
    for base in [
        "q=jinyihu",
        "q=lake",
        "q=yi",
        "q=talent&theme=干",
        "q=fazhan&platform=金义湖",
        "q=jyh",
        "q=free+trade+zone",
        "q=changsanjiao&theme=干",
    ] {
        let sel = parse(a, base).selection;
        let out = apply(a, index(), &sel);
        assert_eq!(out.section_counts.iter().sum::<usize>(), out.count);
        for f in Facet::ALL {
            for v in 0..a.facet_len(f) {
                let alone = alone_in_group(a, &sel, f, v);
                assert_eq!(
                    out.facet_counts[f as usize][v],
                    apply(a, index(), &alone).count,
                    "{base}: {}={}",
                    f.key(),
                    a.value_name(f, v)
                );
            }
        }
    }
}

#[test]
fn without_a_search_nothing_is_explained() {
    let out = search("");
    assert!(out.via.iter().all(Vec::is_empty));
    assert_eq!(out.via.len(), article().blocks.len());
}

// ---------- properties ----------

/// Queries that look like pinyin (letters, tone marks and digits, spaces, apostrophes)
/// or like anything at all.
fn any_query() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ1-5 ']{0,16}",
        "((jin|yi|hu|xin|qu|fa|zhan|de|xiang|mu|ban|lie|a|n|g)[ 1-4]?){0,6}",
        "\\PC{0,12}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn pinyin_search_never_panics_and_its_hits_are_sound(q in any_query()) {
        let a = article();
        let out = search(&q);
        let pinyin = PinyinQuery::parse(&prepare(&q));
        for (b, block) in a.blocks.iter().enumerate() {
            let hits = &out.hits[b];
            let mut prev = 0;
            for r in hits {
                prop_assert!(r.start >= prev && r.start < r.end && r.end <= block.text.len());
                prop_assert!(block.text.is_char_boundary(r.start) && block.text.is_char_boundary(r.end));
                prop_assert!(!block.gaps.iter().any(|&g| r.start < g as usize && (g as usize) < r.end));
                prev = r.end;
            }
            // (When the whole query finds nothing, its terms are searched one by one:
            // then the whole query's pinyin says nothing about the results.)
            if let (Some(p), true) = (&pinyin, out.terms.is_empty()) {
                let by_pinyin = index().find_pinyin(b, p);
                let sound = check_pinyin_hits(block.text, &cuts(block), &by_pinyin, p.as_str());
                prop_assert!(sound.is_ok(), "{}", sound.unwrap_err());
                for r in by_pinyin {
                    prop_assert!(hits.iter().any(|h| h.start <= r.start && r.end <= h.end));
                }
            }
            if out.terms.is_empty() {
                prop_assert_eq!(
                    out.via[b].iter().any(|v| matches!(v, Via::Pinyin(_))),
                    pinyin.as_ref().is_some_and(|p| !index().find_pinyin(b, p).is_empty())
                );
            }
        }
    }

    #[test]
    fn pinyin_search_on_any_text_never_panics(
        text in "[金义湖新区，。a-z \\PC]{0,24}",
        gap in any::<proptest::sample::Index>(),
        q in any_query(),
    ) {
        let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        let g = bounds[gap.index(bounds.len())] as u32;
        let gaps: Vec<u32> = if g > 0 && (g as usize) < text.len() { vec![g] } else { vec![] };
        let b = leak_block(&text, &gaps, None);
        let idx = SearchIndex::with_pinyin(std::slice::from_ref(&b), article().pinyin);
        if let Some(p) = PinyinQuery::parse(&prepare(&q)) {
            let hits = idx.find_pinyin(0, &p);
            let sound = check_pinyin_hits(&text, &gaps, &hits, p.as_str());
            prop_assert!(sound.is_ok(), "{}", sound.unwrap_err());
        }
    }
}
