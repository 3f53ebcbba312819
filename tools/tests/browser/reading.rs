//! Reading the article in English too (issue 18), as a reader does it, in every engine:
//! the three ways to read by click and by link, kept by Back/Forward; an English search
//! that finds paragraphs through our translation only, highlighted there; citations and
//! the export as read; print in the chosen way. (First frame: `first_paint.rs`; axe in
//! each way: `a11y/axe.rs`.)

use crate::harness::*;
use crate::quoting::{clipboard_after_click, grant_clipboard};
use serde_json::json;

/// What the reader sees of the article: the Chinese blocks and the English ones on
/// screen (ids), the page's `data-read` and the pressed choice.
async fn reading(b: &Browser) -> (Vec<String>, Vec<String>, String, String) {
    let v = b
        .js(
            &format!(
                "{JS_VISIBLE}
                const ids = (css, key) => Array.from(document.querySelectorAll(css)).filter(visible)
                    .map(e => e.getAttribute(key));
                const pressed = document.querySelector('[data-read-choice][aria-pressed=\"true\"]');
                return [ids('[data-block]', 'data-block'), ids('[data-block-en]', 'data-block-en'),
                        document.documentElement.dataset.read || '',
                        pressed ? pressed.dataset.readChoice : ''];"
            ),
            vec![],
        )
        .await;
    (
        strings(v[0].clone()),
        strings(v[1].clone()),
        v[2].as_str().unwrap_or_default().to_string(),
        v[3].as_str().unwrap_or_default().to_string(),
    )
}

/// The text of what `css` selects on screen (the text itself: WebKit gives no `innerText` for a
/// section that `content-visibility` has not laid out yet).
async fn marked(b: &Browser, css: &str) -> Vec<String> {
    let script = format!(
        "{JS_VISIBLE}
        return Array.from(document.querySelectorAll(arguments[0])).filter(visible)
            .map(e => e.textContent);"
    );
    strings(b.js(&script, vec![json!(css)]).await)
}

in_every_engine!(each_way_to_read_by_click_and_by_link);

async fn each_way_to_read_by_click_and_by_link(engine: Engine) {
    let all = core_blocks("");
    let b = Browser::start_in(engine).await;
    // The Chinese interface reads the Chinese; the English one both.
    b.open("?lang=zh").await;
    assert_eq!(
        reading(&b).await,
        (all.clone(), vec![], "zh".into(), "zh".into()),
        "[{engine}]"
    );
    b.open("?lang=en").await;
    assert_eq!(
        reading(&b).await,
        (all.clone(), all.clone(), "both".into(), "both".into()),
        "[{engine}]"
    );
    // By click: the address keeps it, with no new history entry.
    b.open("?lang=zh").await;
    let entries = b.js("return history.length;", vec![]).await;
    b.click("[data-read-choice='en']").await;
    assert_eq!(
        reading(&b).await,
        (vec![], all.clone(), "en".into(), "en".into()),
        "[{engine}]"
    );
    assert!(
        b.query_pairs()
            .await
            .contains(&("read".into(), "en".into())),
        "[{engine}]"
    );
    assert_eq!(
        b.js("return history.length;", vec![]).await,
        entries,
        "[{engine}]"
    );
    b.click("[data-read-choice='both']").await;
    assert_eq!(reading(&b).await.2, "both", "[{engine}]");
    // Our translation is labelled as ours while it shows, and only then.
    assert_eq!(
        b.visible_texts("[data-translation-note]").await.len(),
        1,
        "[{engine}]"
    );
    // Back and Forward keep the way of reading: a filter, then Back.
    b.click_facet("theme", "人才").await;
    b.back().await;
    b.wait_ready().await;
    assert_eq!(reading(&b).await.2, "both", "[{engine}]");
    assert_eq!(b.result_count().await, FULL_ARTICLE_BLOCKS, "[{engine}]");
    b.click("[data-read-choice='zh']").await;
    assert!(
        b.visible_texts("[data-translation-note]").await.is_empty(),
        "[{engine}]"
    );
    // By link, filtered: the English of exactly the kept blocks.
    b.open("?read=en&theme=%E4%BA%BA%E6%89%8D&lang=zh").await;
    let talent = core_blocks("theme=人才");
    assert_eq!(
        reading(&b).await,
        (vec![], talent.clone(), "en".into(), "en".into()),
        "[{engine}]"
    );
    // The interface stays Chinese; each text says its language.
    assert_eq!(
        b.js("return document.documentElement.lang;", vec![]).await,
        json!("zh-CN")
    );
    let langs = b
        .js(
            "return Array.from(document.querySelectorAll('[data-block-en]')).every(e => e.lang === 'en')
                && Array.from(document.querySelectorAll('[data-block]')).every(e => e.lang === 'zh-CN');",
            vec![],
        )
        .await;
    assert_eq!(langs, json!(true), "[{engine}]");
    // An unknown way is reported, and the default used.
    b.open("?read=klingon&lang=zh").await;
    assert_eq!(reading(&b).await.2, "zh", "[{engine}]");
    assert!(
        !b.visible_texts("[data-notice]").await.is_empty(),
        "[{engine}]"
    );
    b.finish().await;
}

in_every_engine!(an_english_search_finds_paragraphs_through_our_translation);

async fn an_english_search_finds_paragraphs_through_our_translation(engine: Engine) {
    let b = Browser::start_in(engine).await;
    b.open("?lang=en&read=both&q=talent").await;
    // The same paragraphs as its Chinese, 人才: the translation, not our definitions.
    assert_eq!(b.block_ids().await, core_blocks("q=人才"), "[{engine}]");
    let marks = marked(&b, "[data-block-en] mark").await;
    assert!(
        !marks.is_empty(),
        "[{engine}] nothing marked in the English"
    );
    assert!(
        marks.iter().all(|m| m.eq_ignore_ascii_case("talent")),
        "[{engine}] {marks:?}"
    );
    assert!(
        marked(&b, "[data-block] mark").await.is_empty(),
        "[{engine}]"
    );
    let via = marked(&b, "[data-via]").await;
    assert!(
        !via.is_empty() && via.iter().all(|v| v.contains("match in our translation")),
        "[{engine}] {via:?}"
    );
    // Whole words with their inflections: `train` finds “trains”, never “training”.
    b.open("?lang=en&read=en&q=train").await;
    assert_eq!(b.result_count().await, 1, "[{engine}]");
    assert_eq!(
        marked(&b, "[data-block-en] mark").await,
        ["trains", "trains"],
        "[{engine}]"
    );
    // Typed: the same, and the Chinese interface says it in Chinese.
    b.open("?lang=zh&read=both").await;
    b.type_search("zero-carbon").await;
    assert_eq!(b.block_ids().await, core_blocks("q=零碳"), "[{engine}]");
    let via = marked(&b, "[data-via]").await;
    assert!(
        via.iter().all(|v| v.contains("本页英译匹配")),
        "[{engine}] {via:?}"
    );
    b.finish().await;
}

/// Chromium only: the clipboard is granted and print is emulated over CDP.
#[tokio::test]
async fn citations_exports_and_print_follow_the_way_of_reading() {
    let b = Browser::start().await;
    grant_clipboard(&b).await;
    let a = article();
    let i = a.blocks.iter().position(|x| x.id == "dare-1").unwrap();
    let en = a.block_en(i).unwrap().text;
    // Both: the original, then our English labelled as ours, then the source line.
    b.open("?lang=en&read=both").await;
    let cited = clipboard_after_click(&b, "[data-cite='dare-1']").await;
    let lines: Vec<&str> = cited.lines().collect();
    assert_eq!(lines.len(), 3, "{cited}");
    assert_eq!(lines[0], a.blocks[i].text);
    assert_eq!(lines[1], format!("Our translation: {en}"));
    assert!(lines[2].starts_with("— Ye Mengting, Xu Xianfei"), "{cited}");
    // Chinese only: the original alone, as before.
    b.open("?lang=zh&read=zh").await;
    assert_eq!(
        clipboard_after_click(&b, "[data-cite='dare-1']")
            .await
            .lines()
            .count(),
        2
    );
    // The export in English: the headings and paragraphs in our English, said to be ours.
    b.open("?lang=en&read=en&theme=%E4%BA%BA%E6%89%8D").await;
    b.click("[data-export]").await;
    let md = b.copy_text().await;
    assert!(
        md.contains("The English is our translation, not the newspaper's."),
        "{md}"
    );
    assert!(md.contains(&format!("\n{en}\n")), "{md}");
    assert!(md.contains("## “Dare” to go first\n"), "{md}");
    assert!(!md.contains(a.blocks[i].text), "{md}");
    b.click("[data-copy-close]").await;
    // Print shows the way chosen.
    b.cdp("Emulation.setEmulatedMedia", json!({ "media": "print" }))
        .await;
    let (zh, en_shown, _, _) = reading(&b).await;
    assert!(
        zh.is_empty() && en_shown == core_blocks("theme=人才"),
        "{zh:?} {en_shown:?}"
    );
    b.finish().await;
}
