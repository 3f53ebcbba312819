//! Filtering, facet counts, search and the URL state, on the real article.

mod common;
use common::{article, ids};
use jinyi_core::filter::{alone_in_group, apply};
use jinyi_core::model::Facet;
use jinyi_core::query::{parse, to_query, Selection};
use jinyi_core::search::{prepare, SearchIndex, MAX_QUERY_CHARS};

fn index() -> SearchIndex {
    SearchIndex::for_article(article())
}

fn select(q: &str) -> Selection {
    let p = parse(article(), q);
    assert!(p.ignored.is_empty(), "{q}: {:?}", p.ignored);
    p.selection
}

fn result_ids(q: &str) -> Vec<&'static str> {
    let out = apply(article(), &index(), &select(q));
    let a = article();
    (0..a.blocks.len())
        .filter(|&b| out.matched[b])
        .map(|b| a.blocks[b].id)
        .collect()
}

#[test]
fn no_filter_shows_every_block() {
    let out = apply(article(), &index(), &Selection::default());
    assert_eq!(out.count, 31);
    assert_eq!(out.section_counts, vec![2, 8, 10, 11]);
}

#[test]
fn a_platform_finds_blocks_naming_it_or_its_parts() {
    assert_eq!(
        result_ids("platform=金义湖"),
        ids(|b| b.text.contains("金义湖"))
    );
    assert_eq!(
        result_ids("platform=金义湖"),
        vec!["surpass-2", "surpass-3", "surpass-photo-3"]
    );
}

#[test]
fn values_of_one_facet_combine_with_or() {
    let both = result_ids("platform=金义湖&platform=卡点通");
    assert_eq!(
        both,
        vec!["do-1", "surpass-2", "surpass-3", "surpass-photo-3"]
    );
}

#[test]
fn facets_and_search_combine_with_and() {
    assert_eq!(result_ids("theme=干&platform=胡思零碳产业园"), vec!["do-5"]);
    assert_eq!(result_ids("theme=营商环境&q=项目"), vec!["do-4"]);
    assert_eq!(result_ids("theme=赶&project=润马光能"), Vec::<&str>::new());
}

/// Issue 17: groups shown apart narrow as they look. 敢 gives 10 paragraphs; 敢 with 人才
/// gives those of them about talent (it gave 13, more than 敢 alone, when all themes
/// combined with OR); two spirits or two topics still widen.
#[test]
fn spirits_and_topics_narrow_each_other() {
    let dare = result_ids("theme=敢");
    let talent = result_ids("theme=人才");
    let both = result_ids("theme=敢&theme=人才");
    assert!(!both.is_empty() && both.len() < dare.len(), "{both:?}");
    assert!(both.iter().all(|b| dare.contains(b) && talent.contains(b)));
    let two_spirits = result_ids("theme=敢&theme=干");
    assert!(two_spirits.len() > dare.len());
    let two_topics = result_ids("theme=人才&theme=营商环境");
    assert!(two_topics.len() > talent.len());
}

#[test]
fn the_lead_belongs_to_every_spirit() {
    for s in ["敢", "干", "赶"] {
        let r = result_ids(&format!("theme={s}"));
        assert!(r.starts_with(&["lead", "lead-photo"]), "{s}");
    }
}

#[test]
fn facet_counts_are_what_choosing_the_value_would_give() {
    let a = article();
    let idx = index();
    for base in [
        "",
        "theme=干",
        "platform=金义湖",
        "q=金义新区",
        "theme=人才&q=发展",
        "theme=敢&theme=人才",
        "project=润马光能",
    ] {
        let sel = select(base);
        let out = apply(a, &idx, &sel);
        for f in Facet::ALL {
            for v in 0..a.facet_len(f) {
                // Counting a value = the result of choosing only it in its group (spirits
                // and topics are both themes, but separate groups).
                let alone = alone_in_group(a, &sel, f, v);
                let expect = apply(a, &idx, &alone).count;
                assert_eq!(
                    out.facet_counts[f as usize][v],
                    expect,
                    "{base}: {}={}",
                    f.key(),
                    a.value_name(f, v)
                );
            }
        }
    }
}

#[test]
fn search_ignores_width_case_and_spacing() {
    for q in ["8.1%", "８．１％", "8. 1 %", " 8.1% "] {
        assert_eq!(
            result_ids(&format!("q={}", urlencode(q))),
            vec!["surpass-7"],
            "{q}"
        );
    }
    // Full-width comma in the text, half-width in the query.
    assert_eq!(
        result_ids(&format!("q={}", urlencode("金义新区,西接市区"))),
        vec!["lead"]
    );
}

#[test]
fn search_finds_text_across_a_column_join_but_not_across_a_gap() {
    // "营商环" + "境" were cut by the page.
    assert!(result_ids("q=营商环境优化").contains(&"do-2"));
    assert!(result_ids(&format!("q={}", urlencode("一批、“两公里"))).is_empty());
}

#[test]
fn search_hits_point_at_the_query_text() {
    let a = article();
    let idx = index();
    let q = prepare("金义湖");
    for (b, block) in a.blocks.iter().enumerate() {
        for r in idx.find(b, &q) {
            assert_eq!(&block.text[r], "金义湖");
        }
    }
}

#[test]
fn a_query_longer_than_the_bound_is_cut() {
    let long = "金".repeat(MAX_QUERY_CHARS + 50);
    assert_eq!(prepare(&long).chars().count(), MAX_QUERY_CHARS);
}

#[test]
fn url_state_round_trips_canonically() {
    let a = article();
    let sel = select("platform=金义湖&theme=营商环境&q=项目&theme=敢");
    let q = to_query(a, &sel, None);
    // Canonical order: facets in order, values in data order.
    assert_eq!(
        q,
        format!(
            "?theme={}&theme={}&platform={}&q={}",
            urlencode("敢"),
            urlencode("营商环境"),
            urlencode("金义湖"),
            urlencode("项目")
        )
    );
    assert_eq!(parse(a, &q).selection, sel);
    assert_eq!(to_query(a, &Selection::default(), None), "");
}

#[test]
fn unknown_values_are_reported_not_applied() {
    let p = parse(
        article(),
        "?theme=nope&platform=%E9%87%91%E4%B9%89%E6%B9%96&utm=x&platform=%FF",
    );
    assert_eq!(p.selection, select("platform=金义湖"));
    let ignored: Vec<(&str, &str)> = p
        .ignored
        .iter()
        .map(|i| (i.key.as_str(), i.value.as_str()))
        .collect();
    assert_eq!(
        ignored,
        vec![("theme", "nope"), ("utm", "x"), ("platform", "\u{FFFD}")]
    );
}

#[test]
fn repeated_values_count_once() {
    let sel = select("platform=金义湖&platform=金义湖");
    assert_eq!(sel.chosen(Facet::Platform).len(), 1);
}

fn urlencode(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// Issue 12: the platform's canonical name is now the source's own 金华南海铁路班列; links
/// made with the former 南海铁路班列 (an alias) give the same state, with no notice, and
/// are written back with the canonical name.
#[test]
fn a_former_name_in_a_link_still_works() {
    let a = article();
    let old = parse(
        a,
        "?platform=%E5%8D%97%E6%B5%B7%E9%93%81%E8%B7%AF%E7%8F%AD%E5%88%97",
    );
    let new = parse(
        a,
        "?platform=%E9%87%91%E5%8D%8E%E5%8D%97%E6%B5%B7%E9%93%81%E8%B7%AF%E7%8F%AD%E5%88%97",
    );
    assert_eq!(old.ignored_count, 0, "{:?}", old.ignored);
    assert_eq!(old.selection, new.selection);
    assert_eq!(old.selection.chosen(Facet::Platform).len(), 1);
    assert_eq!(
        to_query(a, &old.selection, None),
        "?platform=%E9%87%91%E5%8D%8E%E5%8D%97%E6%B5%B7%E9%93%81%E8%B7%AF%E7%8F%AD%E5%88%97"
    );
    // Any alias names its value (浙江中欧班列金东平台 → 中欧班列).
    let alias = parse(a, "?platform=浙江中欧班列金东平台");
    assert_eq!(alias.ignored_count, 0);
    assert_eq!(
        a.value_name(
            Facet::Platform,
            alias.selection.chosen(Facet::Platform)[0] as usize
        ),
        "中欧班列"
    );
}
