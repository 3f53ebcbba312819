//! The explorer itself: the built site (`dist/`) served under `/sub/dir/` (and at the
//! root), its facets and search, counts, URL state, chips, the empty state and the
//! context view. The reader journeys among them (open, pick a platform, search with
//! highlight, Back/Forward, a shared link) run in every engine; the others in Chromium.

use crate::harness::*;

use std::collections::BTreeSet;

use serde_json::{json, Value};

in_every_engine!(
    loads_at_sub_path_with_the_full_article,
    platform_click_shows_exactly_the_blocks_naming_it,
    search_highlights_the_query,
    url_round_trip_reload_and_back,
    topic_from_the_url_matches_the_click,
    unknown_url_values_give_a_notice_and_known_ones_apply,
);

/// Every asset reference in index.html must be relative, or the site breaks under a sub-path.
#[test]
fn index_html_asset_urls_are_relative() {
    let path = dist_dir().join("index.html");
    let html = std::fs::read_to_string(&path).expect("read index.html");
    let mut bad = Vec::new();
    for pat in [
        "src=\"/", "href=\"/", "src='/", "href='/", "src=/", "href=/",
    ] {
        for (i, _) in html.match_indices(pat) {
            bad.push(html[i..].chars().take(80).collect::<String>());
        }
    }
    // Quoted absolute paths to assets inside inline scripts (`import … from '/app.js'`).
    for quote in ['"', '\''] {
        for chunk in html.split(quote).skip(1).step_by(2) {
            let asset = [".js", ".wasm", ".css", ".png", ".svg", ".ico", ".json"]
                .iter()
                .any(|ext| chunk.contains(ext));
            if chunk.starts_with('/') && asset && !chunk.contains('\n') {
                bad.push(chunk.to_string());
            }
        }
    }
    assert!(
        bad.is_empty(),
        "{} has absolute asset URLs:\n{}",
        path.display(),
        bad.join("\n")
    );
}

/// Journey *open the page* (every engine): the whole article under a sub-path, its
/// sections, nothing chosen, the Wasm sent compressed, nothing fetched from elsewhere.
async fn loads_at_sub_path_with_the_full_article(engine: Engine) {
    let b = Browser::start_in(engine).await;
    b.open("").await;
    let ids = b.block_ids().await;
    assert_eq!(ids.len(), FULL_ARTICLE_BLOCKS, "blocks shown: {ids:?}");
    assert_eq!(b.result_count().await, FULL_ARTICLE_BLOCKS);
    let unique: BTreeSet<_> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "duplicate block ids: {ids:?}");
    assert_eq!(
        b.attr("[data-result-count]", "aria-live").await.as_deref(),
        Some("polite")
    );
    let sections = strings(
        b.js(
            "return Array.from(document.querySelectorAll('[data-section]')).map(s => s.getAttribute('data-section'));",
            vec![],
        )
        .await,
    );
    assert_eq!(sections, ["lead", "dare", "do", "surpass"]);
    b.assert_sections_consistent().await;
    assert!(b.visible_texts("[data-empty]").await.is_empty());
    assert!(b.visible_texts("[data-chip]").await.is_empty());
    assert!(b.visible_texts("[data-notice]").await.is_empty());
    assert!(b.pressed().await.is_empty());
    assert!(!b.facets().await.is_empty(), "no facet buttons");
    // With pre-compressed siblings in dist/ (`make dist`), the wasm travels compressed.
    let wasm = std::fs::read_dir(dist_dir())
        .expect("read dist/")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .find(|n| n.ends_with(".wasm"))
        .expect("a .wasm file in dist/");
    let dist = dist_dir();
    if dist.join(format!("{wasm}.br")).is_file() || dist.join(format!("{wasm}.gz")).is_file() {
        let sizes = b
            .js(
                "const e = performance.getEntriesByType('resource')
                    .find(e => e.name.endsWith(arguments[0]));
                 return e ? [e.encodedBodySize, e.decodedBodySize] : null;",
                vec![json!(wasm)],
            )
            .await;
        let (enc, dec) = (sizes[0].as_u64(), sizes[1].as_u64());
        assert!(
            matches!((enc, dec), (Some(e), Some(d)) if e > 0 && e < d),
            "{wasm} was not served compressed (encoded/decoded sizes {sizes})"
        );
    }
    // Everything the page fetched came from under the sub-path.
    let resources = strings(
        b.js(
            "return performance.getEntriesByType('resource').map(e => e.name)
                .concat([location.href]);",
            vec![],
        )
        .await,
    );
    for r in &resources {
        assert!(
            r.starts_with(&b.base) || r.starts_with("data:") || r.starts_with("blob:"),
            "{r} was fetched from outside {}",
            b.base
        );
    }
    b.finish().await;
}

#[tokio::test]
async fn loads_at_root() {
    let b = Browser::launch(Engine::Chromium, dist_dir(), "/", &[]).await;
    b.open("").await;
    assert_eq!(b.block_ids().await.len(), FULL_ARTICLE_BLOCKS);
    assert_eq!(b.result_count().await, FULL_ARTICLE_BLOCKS);
    b.finish().await;
}

/// Journey *pick a platform* (every engine): exactly the blocks naming it, its count,
/// the URL.
async fn platform_click_shows_exactly_the_blocks_naming_it(engine: Engine) {
    let b = Browser::start_in(engine).await;
    let texts = default_texts(&b).await;
    let expected = containing(&texts, "金义湖");
    assert!(!expected.is_empty());
    let f = b.facets().await;
    let button = f
        .iter()
        .find(|f| f.facet == "platform" && f.value == "金义湖")
        .expect("a platform button for 金义湖");
    assert_eq!(button.count, Some(expected.len()), "data-count of 金义湖");

    b.click_facet("platform", "金义湖").await;
    assert_eq!(b.block_ids().await, expected);
    assert_eq!(b.result_count().await, expected.len());
    b.assert_sections_consistent().await;
    assert_eq!(b.query_pairs().await, pairs(&[("platform", "金义湖")]));
    let raw = b
        .current_url()
        .await
        .query()
        .unwrap_or_default()
        .to_string();
    assert!(
        raw.contains("platform=%E9%87%91%E4%B9%89%E6%B9%96"),
        "query is not percent-encoded UTF-8: {raw}"
    );
    b.finish().await;
}

#[tokio::test]
async fn theme_and_platform_combine_as_intersection() {
    let b = Browser::start().await;
    let texts = default_texts(&b).await;

    b.click_facet("theme", "干").await;
    let theme: Vec<String> = b.block_ids().await;
    assert!(!theme.is_empty() && theme.len() < FULL_ARTICLE_BLOCKS);

    b.open("").await;
    b.click_facet("platform", "胡思零碳产业园").await;
    let platform = b.block_ids().await;
    assert_eq!(platform, containing(&texts, "胡思零碳产业园"));

    b.click_facet("theme", "干").await;
    let both = b.block_ids().await;
    let expected: Vec<String> = platform
        .iter()
        .filter(|id| theme.contains(id))
        .cloned()
        .collect();
    assert!(!expected.is_empty(), "干 ∩ 胡思零碳产业园 is empty");
    assert_eq!(both, expected, "theme 干 + platform 胡思零碳产业园");
    assert_eq!(b.result_count().await, expected.len());
    assert_eq!(
        b.query_pairs().await,
        pairs(&[("platform", "胡思零碳产业园"), ("theme", "干")])
    );
    assert_eq!(
        b.pressed().await,
        pairs(&[("platform", "胡思零碳产业园"), ("theme", "干")])
    );
    assert_eq!(b.visible_texts("[data-chip]").await.len(), 2);
    b.assert_sections_consistent().await;
    b.finish().await;
}

/// Journey *a shared link* (every engine): a link with a theme shows what clicking it
/// shows.
async fn topic_from_the_url_matches_the_click(engine: Engine) {
    let b = Browser::start_in(engine).await;
    let texts = default_texts(&b).await;
    let count = b
        .facets()
        .await
        .into_iter()
        .find(|f| f.facet == "theme" && f.value == "营商环境")
        .expect("a theme button for 营商环境")
        .count;
    b.click_facet("theme", "营商环境").await;
    let clicked = b.block_ids().await;

    b.open_query(&[("theme", "营商环境")]).await;
    let from_url = b.block_ids().await;
    assert_eq!(from_url, clicked, "?theme=营商环境 vs clicking it");
    assert_eq!(Some(from_url.len()), count, "data-count of 营商环境");
    assert_eq!(b.pressed().await, pairs(&[("theme", "营商环境")]));
    for id in containing(&texts, "营商环境") {
        assert!(
            from_url.contains(&id),
            "{id} names 营商环境 but is not shown"
        );
    }
    assert!(b.visible_texts("[data-notice]").await.is_empty());
    b.assert_sections_consistent().await;
    b.finish().await;
}

/// Journey *type a search with highlight* (every engine): the matching blocks, every
/// occurrence marked, the URL.
async fn search_highlights_the_query(engine: Engine) {
    let b = Browser::start_in(engine).await;
    let texts = default_texts(&b).await;
    let q = "金义湖";
    let expected = containing(&texts, q);
    let occurrences: usize = texts.iter().map(|(_, t)| t.matches(q).count()).sum();

    b.type_search(q).await;
    assert_eq!(b.block_ids().await, expected);
    assert_eq!(b.result_count().await, expected.len());
    let marks = b.visible_texts("[data-block] mark").await;
    assert!(
        marks.iter().all(|m| m == q),
        "highlights other than {q:?}: {marks:?}"
    );
    assert_eq!(marks.len(), occurrences, "every occurrence is highlighted");
    let unmarked = strings(
        b.js(
            &format!(
                "{JS_VISIBLE}
                return Array.from(document.querySelectorAll('[data-block]')).filter(visible)
                    .filter(e => !e.querySelector('mark')).map(e => e.getAttribute('data-block'));"
            ),
            vec![],
        )
        .await,
    );
    assert!(
        unmarked.is_empty(),
        "matching blocks without a highlight: {unmarked:?}"
    );
    assert_eq!(b.query_pairs().await, pairs(&[("q", q)]));
    b.assert_sections_consistent().await;
    b.finish().await;
}

#[tokio::test]
async fn search_ignores_width_and_spaces() {
    let b = Browser::start().await;
    let texts = default_texts(&b).await;
    let expected = containing(&texts, "8.1%");
    assert!(!expected.is_empty(), "the article has 8.1%");
    for q in ["８．１％", "8. 1%"] {
        b.open("").await;
        b.type_search(q).await;
        assert_eq!(b.block_ids().await, expected, "search {q:?}");
        assert_eq!(b.result_count().await, expected.len(), "search {q:?}");
        let marks = b.visible_texts("[data-block] mark").await;
        assert!(!marks.is_empty(), "search {q:?}: nothing highlighted");
        for m in &marks {
            let squeezed: String = m.chars().filter(|c| !c.is_whitespace()).collect();
            assert_eq!(squeezed, "8.1%", "search {q:?}: highlight {m:?}");
        }
    }
    b.finish().await;
}

#[tokio::test]
async fn facet_counts_match_the_results_of_clicking() {
    let b = Browser::start().await;
    b.open("").await;
    let all = b.facets().await;
    let facets: BTreeSet<_> = all.iter().map(|f| f.facet.as_str()).collect();
    assert_eq!(
        facets,
        BTreeSet::from(["platform", "project", "theme"]),
        "facet kinds"
    );
    for want in [
        ("theme", "敢"),
        ("theme", "干"),
        ("theme", "赶"),
        ("theme", "营商环境"),
        ("platform", "金义湖"),
        ("platform", "自贸试验区"),
        ("platform", "中欧班列"),
        ("project", "润马光能"),
        ("project", "华创新能源商用车"),
        ("project", "鑫泰特钢"),
    ] {
        assert!(
            all.iter()
                .any(|f| (f.facet.as_str(), f.value.as_str()) == want),
            "no button for {want:?}"
        );
    }
    for f in all.iter().filter(|f| !f.disabled) {
        let count = f
            .count
            .unwrap_or_else(|| panic!("{}={} has no numeric data-count", f.facet, f.value));
        b.click_facet(&f.facet, &f.value).await;
        let ids = b.block_ids().await;
        assert_eq!(
            ids.len(),
            count,
            "{}={}: data-count vs blocks shown after clicking",
            f.facet,
            f.value
        );
        assert_eq!(b.result_count().await, count, "{}={}", f.facet, f.value);
        b.click_facet(&f.facet, &f.value).await;
        assert_eq!(b.result_count().await, FULL_ARTICLE_BLOCKS);
    }
    b.finish().await;
}

#[tokio::test]
async fn facets_that_would_give_nothing_are_disabled() {
    let b = Browser::start().await;
    let check = |state: &'static str, facets: Vec<Facet>| {
        for f in facets.iter().filter(|f| !f.pressed) {
            assert_eq!(
                f.disabled,
                f.count == Some(0),
                "{state}: {}={} data-count={:?} disabled={}",
                f.facet,
                f.value,
                f.count,
                f.disabled
            );
        }
        facets
    };
    b.open("").await;
    let unfiltered = check("unfiltered", b.facets().await);
    assert!(
        unfiltered.iter().all(|f| !f.disabled),
        "every value occurs in the article"
    );
    b.click_facet("platform", "金义湖").await;
    let filtered = check("platform 金义湖", b.facets().await);
    let disabled: Vec<_> = filtered.iter().filter(|f| f.disabled).collect();
    assert!(
        disabled.iter().any(|f| f.facet == "project"),
        "with 金义湖 chosen, no project button is disabled: {filtered:?}"
    );
    // A disabled button is inert.
    let d = disabled[0].selector();
    let before = b.block_ids().await;
    b.js(
        "document.querySelector(arguments[0]).click();",
        vec![json!(d)],
    )
    .await;
    b.settle().await;
    assert_eq!(b.block_ids().await, before, "clicking disabled {d}");
    b.open_query(&[("q", "金义湖")]).await;
    check("search 金义湖", b.facets().await);
    b.finish().await;
}

/// Journey *Back/Forward* (every engine): each click a history entry, Back and Forward
/// restore blocks, buttons and URL; reload and the URL opened again restore the search.
async fn url_round_trip_reload_and_back(engine: Engine) {
    let b = Browser::start_in(engine).await;
    b.open("").await;
    let all = b.block_ids().await;

    b.click_facet("theme", "赶").await;
    let s1 = b.block_ids().await;
    let u1 = b.current_url().await;
    assert_eq!(b.query_pairs().await, pairs(&[("theme", "赶")]));

    b.click_facet("platform", "金义湖").await;
    let s2 = b.block_ids().await;
    assert_eq!(
        b.query_pairs().await,
        pairs(&[("platform", "金义湖"), ("theme", "赶")])
    );
    assert_ne!(s1, s2);

    b.back().await;
    assert_eq!(b.current_url().await, u1, "Back restores the URL");
    assert_eq!(b.block_ids().await, s1, "Back restores the blocks");
    assert_eq!(b.pressed().await, pairs(&[("theme", "赶")]));

    b.back().await;
    assert_eq!(b.block_ids().await, all, "Back to the unfiltered view");
    assert!(b.pressed().await.is_empty());

    b.forward().await;
    assert_eq!(b.block_ids().await, s1, "Forward");

    b.click_facet("platform", "金义湖").await;
    b.type_search("平台").await;
    let s3 = b.block_ids().await;
    let u3 = b.current_url().await;
    assert_eq!(
        b.query_pairs().await,
        pairs(&[("platform", "金义湖"), ("q", "平台"), ("theme", "赶")])
    );
    let pressed = b.pressed().await;

    b.reload().await;
    assert_eq!(b.block_ids().await, s3, "reload restores the blocks");
    assert_eq!(b.pressed().await, pressed);
    assert_eq!(b.search_value().await.as_deref(), Some("平台"));

    b.open("").await;
    b.goto(u3.as_str()).await;
    b.wait_ready().await;
    assert_eq!(
        b.block_ids().await,
        s3,
        "opening the URL restores the blocks"
    );
    assert_eq!(b.search_value().await.as_deref(), Some("平台"));
    b.finish().await;
}

/// Journey *a shared link* with a value the page does not know (every engine): a
/// notice names it, the known one applies.
async fn unknown_url_values_give_a_notice_and_known_ones_apply(engine: Engine) {
    let b = Browser::start_in(engine).await;
    let texts = default_texts(&b).await;
    b.open_query(&[("theme", "nope"), ("platform", "金义湖")])
        .await;
    let notices = b.visible_texts("[data-notice]").await;
    assert!(
        notices.iter().any(|n| n.contains("nope")),
        "no visible [data-notice] naming `nope`: {notices:?}"
    );
    assert_eq!(b.block_ids().await, containing(&texts, "金义湖"));
    assert_eq!(b.pressed().await, pairs(&[("platform", "金义湖")]));
    b.finish().await;
}

#[tokio::test]
async fn chips_remove_one_filter_and_clear_all() {
    let b = Browser::start().await;
    b.open("").await;
    let all = b.block_ids().await;
    b.open_query(&[("theme", "干")]).await;
    let theme_only = b.block_ids().await;

    b.open_query(&[("theme", "干"), ("platform", "胡思零碳产业园")])
        .await;
    let chips = b.visible_texts("[data-chip]").await;
    assert_eq!(chips.len(), 2, "chips: {chips:?}");
    b.remove_chip("胡思零碳产业园").await;
    let chips = b.visible_texts("[data-chip]").await;
    assert_eq!(chips.len(), 1, "after removing 胡思零碳产业园: {chips:?}");
    assert!(!chips[0].contains("胡思零碳产业园"), "{chips:?}");
    assert_eq!(b.block_ids().await, theme_only);
    assert_eq!(b.query_pairs().await, pairs(&[("theme", "干")]));

    b.click_facet("project", "润马光能").await;
    b.type_search("金义").await;
    let chips = b.visible_texts("[data-chip]").await;
    assert_eq!(chips.len(), 3, "theme, project and search chips: {chips:?}");
    b.click("[data-clear-all]").await;
    assert!(b.visible_texts("[data-chip]").await.is_empty());
    assert_eq!(b.block_ids().await, all);
    assert_eq!(b.result_count().await, FULL_ARTICLE_BLOCKS);
    assert!(
        b.query_pairs().await.is_empty(),
        "{}",
        b.current_url().await
    );
    assert!(b.pressed().await.is_empty());
    assert_eq!(b.search_value().await.as_deref(), Some(""));
    b.finish().await;
}

#[tokio::test]
async fn missing_text_marker_is_visible() {
    let b = Browser::start().await;
    b.open("").await;
    let found = b
        .js(
            &format!(
                "{JS_VISIBLE}
                return Array.from(document.querySelectorAll('[data-missing]')).map(e => {{
                    const block = e.closest('[data-block], [data-block-en]');
                    return [block ? block.id : null, e.textContent, visible(e)];
                }});"
            ),
            vec![],
        )
        .await;
    let found = found.as_array().expect("array");
    assert!(!found.is_empty(), "no [data-missing] marker");
    for m in found {
        assert!(m[0].is_string(), "marker outside any block: {m}");
        assert_eq!(m[2], Value::Bool(true), "marker not visible: {m}");
        let text = m[1].as_str().unwrap_or_default();
        assert!(
            ["缺", "missing", "Missing", "漏", "不全"]
                .iter()
                .any(|w| text.contains(w)),
            "marker text does not say text is missing: {text:?}"
        );
    }
    b.finish().await;
}

#[tokio::test]
async fn empty_state_when_nothing_matches() {
    let b = Browser::start().await;
    b.open_query(&[("q", "uuuu")]).await;
    assert_eq!(b.result_count().await, 0);
    assert!(b.block_ids().await.is_empty());
    let empty = b.visible_texts("[data-empty]").await;
    assert_eq!(empty.len(), 1, "a visible [data-empty]: {empty:?}");
    assert!(!empty[0].trim().is_empty());
    b.assert_sections_consistent().await;
    assert_eq!(b.search_value().await.as_deref(), Some("uuuu"));
    b.finish().await;
}

#[tokio::test]
async fn context_view_keeps_every_block_and_marks_matches() {
    let b = Browser::start().await;
    let texts = default_texts(&b).await;
    let all = ids_of(&texts);
    let matching = containing(&texts, "金义湖");
    b.open_query(&[("platform", "金义湖")]).await;
    assert_eq!(b.block_ids().await, matching);
    b.click("[data-context-toggle]").await;
    assert_eq!(b.block_ids().await, all, "context view shows every block");
    let marked = |v: &str| {
        format!(
            "return Array.from(document.querySelectorAll('[data-block][data-match=\"{v}\"]'))
                .map(e => e.getAttribute('data-block'));"
        )
    };
    let yes = strings(b.js(&marked("1"), vec![]).await);
    let no = strings(b.js(&marked("0"), vec![]).await);
    assert_eq!(yes, matching, "data-match=1");
    let rest: Vec<String> = all
        .iter()
        .filter(|id| !matching.contains(id))
        .cloned()
        .collect();
    assert_eq!(no, rest, "data-match=0");
    assert_eq!(b.result_count().await, matching.len());
    b.finish().await;
}
