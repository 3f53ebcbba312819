//! What readers hit when they use it (issue 12): results in sight after a choice, a
//! drawer with a live count, a chart that compares only what compares, English that
//! does not stop halfway, search terms that combine, a former name that still works,
//! names that do not break, star targets a finger can hit, and focus that lands.

use crate::harness::*;
use serde_json::{json, Value};

/// The top of the first shown block and of the count, and the viewport's height.
const IN_VIEW: &str = "const first = Array.from(document.querySelectorAll('[data-block]'))
        .find(e => e.checkVisibility());
    const count = document.querySelector('[data-result-count]');
    const top = (e) => e ? e.getBoundingClientRect().top : null;
    return [top(first), top(count), innerHeight];";

async fn in_view(b: &Browser) -> bool {
    let v = b.js(IN_VIEW, vec![]).await;
    let h = v[2].as_f64().unwrap();
    let seen = |t: &Value| t.as_f64().is_some_and(|t| (0.0..h - 20.0).contains(&t));
    seen(&v[0]) || seen(&v[1])
}

#[tokio::test]
async fn a_choice_deep_in_the_panel_leaves_the_results_in_sight() {
    let b = Browser::start().await;
    b.open("").await;
    // A reader deep in the article, choosing the panel's last value.
    b.js(
        "window.scrollTo(0, document.body.scrollHeight * 0.6);",
        vec![],
    )
    .await;
    b.click_facet("project", "鑫泰特钢").await;
    assert_eq!(b.result_count().await, 1);
    assert!(in_view(&b).await, "{}", b.js(IN_VIEW, vec![]).await);
    b.finish().await;
}

#[tokio::test]
async fn a_pick_in_the_guide_brings_the_results_into_view() {
    let b = Browser::start().await;
    b.open("").await;
    b.click("details[data-guide-panel] > summary").await;
    b.click("button.star-key[data-star='金义湖']").await;
    assert_eq!(b.result_count().await, 3);
    assert!(in_view(&b).await, "{}", b.js(IN_VIEW, vec![]).await);
    // Beside the diagram, the count follows.
    let near = b.visible_texts("[data-guide-count]").await;
    assert!(near.iter().all(|t| t.contains('3')), "{near:?}");
    assert_eq!(
        b.attr("button.star-key[data-star='金义湖']", "aria-pressed")
            .await
            .as_deref(),
        Some("true")
    );
    b.finish().await;
}

#[tokio::test]
async fn on_a_phone_the_drawer_is_a_dialog_with_a_live_count() {
    let b = Browser::chromium_with(&["--window-size=390,800"]).await;
    b.open("").await;
    b.click("[data-drawer-toggle]").await;
    assert_eq!(
        b.attr("[data-panel-box]", "role").await.as_deref(),
        Some("dialog")
    );
    assert_eq!(
        b.attr("[data-panel-box]", "aria-modal").await.as_deref(),
        Some("true")
    );
    b.click_facet("platform", "金义湖").await;
    let done = b.visible_texts(".drawer-done").await;
    assert_eq!(done.len(), 1, "the drawer's foot shows: {done:?}");
    assert!(done[0].contains('3'), "{done:?}");
    // It stays at the foot of the screen while the drawer scrolls.
    let v = b
        .js(
            "const r = document.querySelector('.drawer-foot').getBoundingClientRect(); return [r.bottom, innerHeight];",
            vec![],
        )
        .await;
    assert!(
        (v[0].as_f64().unwrap() - v[1].as_f64().unwrap()).abs() < 2.0,
        "{v}"
    );
    b.click(".drawer-done").await;
    assert_eq!(b.attr("[data-panel-box]", "role").await, None);
    let focused = b
        .js(
            "return document.activeElement.matches('[data-drawer-toggle]');",
            vec![],
        )
        .await;
    assert_eq!(focused, json!(true));
    b.finish().await;
}

/// For each figure row shown: its compare group (or null) and whether its bar shows.
const BARS: &str = "return Array.from(document.querySelectorAll('[data-figure]'))
    .filter(r => !r.closest('[hidden]'))
    .map(r => { const bar = r.querySelector('svg.bar');
        return [r.dataset.figure, bar ? bar.dataset.compare : null,
                !!bar && bar.getAttribute('display') !== 'none']; });";

#[tokio::test]
async fn the_chart_draws_bars_only_between_comparable_figures() {
    let b = Browser::start().await;
    for query in ["", "?theme=%E8%B5%B6", "?theme=%E5%B9%B2"] {
        b.open(query).await;
        let rows = b.js(BARS, vec![]).await;
        let rows = rows.as_array().unwrap();
        let drawn: Vec<&Value> = rows.iter().filter(|r| r[2] == json!(true)).collect();
        for r in &drawn {
            let group = r[1].as_str().expect("a drawn bar belongs to a comparison");
            let mates = drawn
                .iter()
                .filter(|s| s[1].as_str() == Some(group))
                .count();
            assert!(mates >= 2, "{query}: {r} is drawn alone");
        }
        let none_comparable = rows.iter().all(|r| r[2] != json!(true));
        let note = !b.visible_texts("[data-figures-nocompare]").await.is_empty()
            || b.js(
                "return !document.querySelector('[data-figures-nocompare]').hidden;",
                vec![],
            )
            .await
                == json!(true);
        assert_eq!(
            note,
            none_comparable && !rows.is_empty(),
            "{query}: {rows:?}"
        );
        if query.is_empty() {
            // 8.1% GDP growth and 180 days are numbers, not bars.
            for f in ["8.1%", "180天", "10亿", "40多家"] {
                let r = rows.iter().find(|r| r[0] == json!(f)).unwrap();
                assert_eq!(r[1], Value::Null, "{f} is compared with nothing");
            }
            assert_eq!(drawn.len(), 4, "227/236 trains and 44.5%/51% growth");
        }
    }
    b.finish().await;
}

#[tokio::test]
async fn english_does_not_stop_halfway() {
    let b = Browser::start().await;
    b.open("?lang=en").await;
    // Every figure value carries our English rendering beside it where that says more
    // than the value ("180天" → "180 days"; "8.1%" needs none), on a line of its own.
    let a = article();
    let rows = b
        .js(
            "document.querySelector('details[data-key-figures]').open = true;
             return Array.from(document.querySelectorAll('.figure-row')).map(r => {
                 const en = r.querySelector('.figure-en');
                 return [r.dataset.figure, en ? en.textContent : null,
                         r.querySelector('.figure-link').innerText.split('\\n').map(l => l.trim())];
             });",
            vec![],
        )
        .await;
    let rows = rows.as_array().expect("figure rows");
    assert_eq!(rows.len(), a.figures.len());
    for f in a.figures {
        let row = rows
            .iter()
            .find(|r| r[0] == json!(f.text))
            .unwrap_or_else(|| panic!("no row for {}", f.text));
        let want = (f.text_en != f.text).then_some(f.text_en);
        assert_eq!(row[1].as_str(), want, "{}", f.text);
        let lines = strings(row[2].clone());
        assert!(
            lines.iter().any(|l| l == f.text),
            "{}: the value stands apart: {lines:?}",
            f.text
        );
        if let Some(en) = want {
            assert!(
                lines.iter().any(|l| l == en),
                "{}: its rendering stands apart: {lines:?}",
                f.text
            );
        }
    }
    // Chips and reasons name the value in English too; the tab title is English.
    b.open("?lang=en&platform=%E9%87%91%E4%B9%89%E6%B9%96")
        .await;
    let chips = b.visible_texts("[data-chip]").await;
    assert!(chips.iter().any(|c| c.contains("Jinyi Lake")), "{chips:?}");
    let why = b.visible_texts(".why").await;
    assert!(why.iter().all(|w| w.contains("Jinyi Lake")), "{why:?}");
    let title = b.js("return document.title;", vec![]).await;
    assert!(
        title
            .as_str()
            .unwrap()
            .contains("Jinyi New Area report explorer"),
        "{title}"
    );
    // Singular and plural, paragraphs not blocks.
    b.js(
        "document.querySelector('details[data-guide-panel]').open = true;",
        vec![],
    )
    .await;
    let meta = b
        .visible_texts("[data-guide='自贸试验区'] .guide-meta")
        .await;
    let text = b
        .js(
            "return document.querySelector(\"[data-guide='自贸试验区'] .guide-meta\").innerText;",
            vec![],
        )
        .await;
    assert!(
        text.as_str().unwrap().contains("1 paragraph")
            && !text.as_str().unwrap().contains("paragraphs"),
        "{text} {meta:?}"
    );
    // Search finds English: GDP → the 8.1% paragraph, through our translation.
    b.open("?lang=en&q=GDP").await;
    assert_eq!(b.block_ids().await, ["surpass-7"]);
    let via = b.visible_texts(".why.via").await;
    assert_eq!(via, ["match in our translation"]);
    assert_eq!(b.visible_texts("[data-block-en] mark").await, ["GDP"]);
    b.finish().await;
}

#[tokio::test]
async fn search_terms_combine_and_a_whole_query_still_comes_first() {
    let b = Browser::start().await;
    b.open_query(&[("q", "人才 金义湖")]).await;
    assert_eq!(b.result_count().await, 2);
    let note = b.visible_texts("[data-search-note]").await;
    assert!(
        note.len() == 1 && note[0].contains("人才") && note[0].contains("金义湖"),
        "{note:?}"
    );
    let marks = b.visible_texts("mark").await;
    assert!(
        marks.iter().any(|m| m == "人才") && marks.iter().any(|m| m == "金义湖"),
        "{marks:?}"
    );
    b.open_query(&[("q", "金义 湖")]).await;
    assert_eq!(b.result_count().await, 3);
    assert!(b.visible_texts("[data-search-note]").await.is_empty());
    // Nothing at all: the values a term names are offered, and choosing one filters.
    b.open_query(&[("q", "金义湖 uuuu")]).await;
    assert_eq!(b.result_count().await, 0);
    let offered = b.visible_texts("[data-suggest]").await;
    assert!(
        offered.len() == 1 && offered[0].contains("金义湖"),
        "{offered:?}"
    );
    let marked = b
        .js(
            "return Array.from(document.querySelectorAll('button[data-suggested]')).map(e => e.dataset.value);",
            vec![],
        )
        .await;
    assert!(strings(marked).contains(&"金义湖".to_string()));
    b.finish().await;
}

#[tokio::test]
async fn a_former_platform_name_in_a_link_still_works() {
    let b = Browser::start().await;
    b.open_query(&[("platform", "南海铁路班列")]).await;
    let old = b.block_ids().await;
    assert!(
        b.visible_texts("[data-notice]").await.is_empty(),
        "no notice"
    );
    b.open_query(&[("platform", "金华南海铁路班列")]).await;
    assert_eq!(b.block_ids().await, old);
    assert_eq!(old, ["surpass-photo-2"]);
    b.finish().await;
}

#[tokio::test]
async fn names_stay_whole_targets_are_big_and_focus_lands() {
    for width in [320, 1280] {
        let b = Browser::chromium_with(&[&format!("--window-size={width},900")]).await;
        b.open_query(&[("platform", "中欧班列"), ("platform", "江岭高新智造区")])
            .await;
        // A chip's Chinese name is on one line.
        let lines = b
            .js(
                "return Array.from(document.querySelectorAll('[data-chip] .chip-name')).filter(e => e.checkVisibility()).map(e => e.getClientRects().length);",
                vec![],
            )
            .await;
        assert_eq!(lines, json!([1, 1]), "at {width}px");
        // Every star answers a 24 × 24 px target.
        let sizes = b
            .js(
                "document.querySelector('details[data-guide-panel]').open = true;
                 return Array.from(document.querySelectorAll('.star .target')).map(c => { const r = c.getBoundingClientRect(); return Math.min(r.width, r.height); });",
                vec![],
            )
            .await;
        let sizes: Vec<f64> = sizes
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_f64().unwrap())
            .collect();
        assert_eq!(sizes.len(), 7);
        assert!(sizes.iter().all(|&s| s >= 24.0), "at {width}px: {sizes:?}");
        // After the last chip goes, focus lands on the results, not on <body>.
        if width == 1280 {
            b.remove_chip("中欧班列").await;
            b.remove_chip("江岭高新智造区").await;
            let focus = b.js("return document.activeElement.id;", vec![]).await;
            assert_eq!(focus, json!("results"));
            // A figure's link takes focus to its paragraph.
            b.js(
                "document.querySelector('details[data-key-figures]').open = true;",
                vec![],
            )
            .await;
            b.click("[data-figure='8.1%'] a").await;
            let focus = b.js("return document.activeElement.dataset.block || document.activeElement.tagName;", vec![]).await;
            assert_eq!(focus, json!("surpass-7"));
        }
        b.finish().await;
    }
}
