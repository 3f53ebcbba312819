//! The second reader trial (issue 17), as a reader sees it: groups that narrow as they
//! look, counts in the right number, full-width punctuation in Chinese, a guide that
//! names what each entry is and says "ours" once, context mode that marks the matches
//! and is shared by link, an article map with a heading, a legend and one tab stop,
//! a guide pick on a phone that shows the count with the results, reasons of one line
//! with the block's word marked, a key figure marked where it lands. (Citations:
//! `quoting.rs`; key figures apart: `usability.rs`.)

use crate::harness::*;
use serde_json::json;

#[tokio::test]
async fn a_spirit_and_a_topic_narrow_each_other_and_each_group_says_any_of() {
    let b = Browser::start().await;
    b.open("?lang=en").await;
    // Every group names how its values combine: spirits, topics, platforms, projects.
    let notes = b.visible_texts(".any-of").await;
    assert_eq!(notes, vec!["any of these"; 4], "{notes:?}");
    b.click_facet("theme", "敢").await;
    let dare = b.block_ids().await;
    b.click_facet("theme", "人才").await;
    let both = b.block_ids().await;
    assert_eq!(both, core_blocks("theme=敢&theme=人才"));
    assert!(
        !both.is_empty() && both.len() < dare.len(),
        "敢 + 人才 narrows 敢: {both:?} of {dare:?}"
    );
    // Within a group, values widen: a second spirit adds paragraphs.
    b.click_facet("theme", "干").await;
    assert!(b.block_ids().await.len() >= both.len());
    // A shared link paints the same before the app and after it (first_paint.rs checks
    // many links frame by frame; this one is the trial's).
    b.open("?theme=%E6%95%A2&theme=%E4%BA%BA%E6%89%8D").await;
    assert_eq!(b.block_ids().await, core_blocks("theme=敢&theme=人才"));
    b.finish().await;
}

#[tokio::test]
async fn counts_are_singular_for_one_and_chinese_punctuation_is_full_width() {
    let b = Browser::start().await;
    b.open("?lang=en&platform=%E8%87%AA%E8%B4%B8%E8%AF%95%E9%AA%8C%E5%8C%BA")
        .await;
    assert_eq!(b.result_count().await, 1);
    // "n / 31 paragraphs" follows the 31; the guide's count follows the n.
    b.js(
        "document.querySelector('details[data-guide-panel]').open = true; return true;",
        vec![],
    )
    .await;
    let counts = b.visible_texts("[data-guide-count]").await;
    assert_eq!(counts, ["Showing 1 paragraph"]);
    b.open("?lang=zh&q=%E7%8F%AD%E5%88%97").await;
    let chip = b.visible_texts("[data-chip-facet='q']").await;
    assert!(chip.iter().any(|c| c.starts_with("搜索：班列")), "{chip:?}");
    b.finish().await;
}

#[tokio::test]
async fn the_guide_names_what_each_entry_is_and_says_ours_once() {
    let a = article();
    let b = Browser::start().await;
    b.open("?lang=zh").await;
    b.js(
        "document.querySelector('details[data-guide-panel]').open = true; return true;",
        vec![],
    )
    .await;
    let kinds = b.visible_texts("[data-guide] .guide-kind").await;
    assert_eq!(kinds.len(), a.platforms.len());
    for (p, k) in a.platforms.iter().zip(&kinds) {
        assert_eq!(k, p.kind, "{}", p.name);
    }
    let app = b.visible_texts("[data-guide='卡点通'] .guide-kind").await;
    assert_eq!(app, ["应用"]);
    let guide = b
        .js(
            "return document.querySelector('details[data-guide-panel]').innerText;",
            vec![],
        )
        .await;
    let guide = guide.as_str().unwrap_or_default();
    assert_eq!(guide.matches("本页所加").count(), 1, "{guide}");
    assert!(!guide.contains("浏览器"), "{guide}");
    b.finish().await;
}

#[tokio::test]
async fn context_mode_marks_the_matched_paragraphs() {
    let b = Browser::start().await;
    b.open("?platform=%E9%87%91%E4%B9%89%E6%B9%96").await;
    b.click("[data-context-toggle]").await;
    assert_eq!(b.block_ids().await.len(), FULL_ARTICLE_BLOCKS);
    let marks = b
        .js(
            "return Array.from(document.querySelectorAll('[data-block]')).map(e =>
                 [e.dataset.match, getComputedStyle(e).boxShadow !== 'none']);",
            vec![],
        )
        .await;
    let marks = marks.as_array().expect("blocks");
    assert!(
        marks
            .iter()
            .all(|m| (m[0] == json!("1")) == (m[1] == json!(true))),
        "only the matches carry the mark: {marks:?}"
    );
    assert_eq!(
        marks.iter().filter(|m| m[0] == json!("1")).count(),
        core_blocks("platform=金义湖").len()
    );
    // It is part of the shareable state: the address keeps it, a link paints in it.
    assert!(b
        .query_pairs()
        .await
        .contains(&("context".into(), "1".into())));
    let link = b.current_url().await.to_string();
    b.goto(&link).await;
    b.wait_ready().await;
    assert_eq!(b.block_ids().await.len(), FULL_ARTICLE_BLOCKS);
    let checked = b
        .js(
            "return document.querySelector('[data-context-toggle]').checked;",
            vec![],
        )
        .await;
    assert_eq!(checked, json!(true));
    b.click("[data-context-toggle]").await;
    assert!(!b.query_pairs().await.iter().any(|(k, _)| k == "context"));
    assert_eq!(b.block_ids().await, core_blocks("platform=金义湖"));
    b.finish().await;
}

/// Chromium only: the phone screen is emulated over CDP.
#[tokio::test]
async fn the_article_map_says_what_it_is_and_is_one_tab_stop() {
    let b = Browser::start().await;
    b.open("?lang=en&platform=%E9%87%91%E4%B9%89%E6%B9%96")
        .await;
    let title = b.visible_texts("#minimap-title").await;
    assert_eq!(title, ["Article map"]);
    let legend = b.visible_texts("[data-minimap-legend]").await;
    assert!(legend[0].contains("paragraphs that match"), "{legend:?}");
    // One tab stop; the arrow keys move within, and the stop follows.
    let stops = b
        .js(
            "return Array.from(document.querySelectorAll('[data-map]')).filter(a => a.tabIndex === 0).length;",
            vec![],
        )
        .await;
    assert_eq!(stops, json!(1));
    let first = article().blocks[0].id;
    b.js(
        &format!("document.getElementById('map-{first}').focus(); return true;"),
        vec![],
    )
    .await;
    crate::a11y::press(&b, fantoccini::key::Key::Right).await;
    let second = article().blocks[1].id;
    b.wait_js(
        "the second map link to take focus",
        "return document.activeElement && document.activeElement.dataset.map === arguments[0]
            && document.activeElement.tabIndex === 0;",
        vec![json!(second)],
    )
    .await;
    // On a phone every square and every paragraph link is a 24×24 px target at least.
    b.cdp(
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": true }),
    )
    .await;
    b.frames(2).await;
    let small = b
        .js(
            "return Array.from(document.querySelectorAll('[data-map], .block-row:not([hidden]) .block-tools > *'))
                 .map(e => e.getBoundingClientRect())
                 .filter(r => r.width > 0 && (r.width < 24 || r.height < 24))
                 .map(r => r.width + '×' + r.height);",
            vec![],
        )
        .await;
    assert_eq!(small, json!([]), "targets below 24×24 px");
    b.finish().await;
}

/// Chromium only: the phone screen is emulated over CDP.
#[tokio::test]
async fn on_a_phone_a_guide_pick_shows_the_count_and_chips_with_the_first_result() {
    let b = Browser::start().await;
    b.cdp(
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": true }),
    )
    .await;
    b.open("?lang=zh").await;
    b.js(
        "document.querySelector('details[data-guide-panel]').open = true; return true;",
        vec![],
    )
    .await;
    b.click("[data-guide-link='金义湖']").await;
    assert_eq!(b.block_ids().await, core_blocks("platform=金义湖"));
    let first = core_blocks("platform=金义湖")[0].clone();
    b.wait_js(
        "the count, the chip and the first result in view together",
        "const inView = (e) => { const r = e.getBoundingClientRect();
             return r.top >= 0 && r.top < innerHeight && r.height > 0; };
         return inView(document.querySelector('[data-result-count]'))
             && inView(document.querySelector('[data-chip-value=\"金义湖\"]'))
             && inView(document.getElementById(arguments[0]));",
        vec![json!(first)],
    )
    .await;
    b.finish().await;
}

#[tokio::test]
async fn reasons_are_a_short_line_each_with_the_word_marked_and_figures_land_marked() {
    let a = article();
    let b = Browser::start().await;
    // 人才 and 营商环境: blocks with the name itself, with another word of their own
    // (研发团队), and put there by the editors.
    b.open("?lang=zh&theme=%E4%BA%BA%E6%89%8D&theme=%E8%90%A5%E5%95%86%E7%8E%AF%E5%A2%83")
        .await;
    let reasons = b
        .js(
            "return Array.from(document.querySelectorAll('.block-row:not([hidden]) .reason')).map(e =>
                 [e.closest('.block-row').querySelector('[data-block]').dataset.block, e.textContent,
                  (e.querySelector('mark') || {}).textContent || '', e.getClientRects().length]);",
            vec![],
        )
        .await;
    let reasons = reasons.as_array().expect("reasons");
    assert!(!reasons.is_empty());
    for r in reasons {
        let block = a.blocks.iter().find(|x| x.id == r[0]).unwrap();
        let (text, word) = (r[1].as_str().unwrap(), r[2].as_str().unwrap());
        assert_eq!(r[3], json!(1), "one line: {text}");
        assert!(!text.contains('←'), "{text}");
        if !word.is_empty() {
            assert!(text.contains("——提到"), "{text}");
            assert!(block.text.contains(word), "{word} is the block's own word");
        }
    }
    assert!(
        reasons.iter().any(|r| r[2] != json!("")),
        "some reason names its word: {reasons:?}"
    );
    // A key figure followed to its paragraph: the number is marked there.
    b.open("?lang=zh").await;
    b.js(
        "document.querySelector('details[data-key-figures]').open = true; return true;",
        vec![],
    )
    .await;
    b.click("[data-figure='8.1%'] a").await;
    let marked = b
        .js(
            "return Array.from(document.querySelectorAll('[data-block=\"surpass-7\"] mark')).map(m => m.textContent);",
            vec![],
        )
        .await;
    assert_eq!(marked, json!(["8.1%"]));
    b.finish().await;
}
