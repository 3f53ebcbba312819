//! Quote it, link it, see it (issue 11): paragraph links that land and mark their
//! paragraph (also when the filters leave it out), a citation on the clipboard in either
//! language, the shown paragraphs as Markdown, the article map, and the dialog that
//! takes over when the clipboard cannot.

use crate::harness::*;
use serde_json::{json, Value};

/// A block's words, from the core (the oracle the page must match).
fn words(id: &str) -> &'static str {
    article().blocks.iter().find(|b| b.id == id).expect(id).text
}

/// Whether the element with `id` is in the viewport, and whether it is the `:target`.
async fn landed(b: &Browser, id: &str) -> (bool, bool) {
    let v = b
        .js(
            "const e = document.getElementById(arguments[0]); const r = e.getBoundingClientRect();
             return [r.top >= -2 && r.top < innerHeight, e.matches(':target')];",
            vec![json!(id)],
        )
        .await;
    (v[0] == json!(true), v[1] == json!(true))
}

#[tokio::test]
async fn a_paragraph_link_lands_on_its_paragraph_and_marks_it() {
    let b = Browser::start().await;
    for link in [
        "#surpass-3",
        "?platform=%E9%87%91%E4%B9%89%E6%B9%96#surpass-3",
    ] {
        b.open(link).await;
        assert_eq!(landed(&b, "surpass-3").await, (true, true), "{link}");
        assert!(b.visible_texts("[data-target-notice]").await.is_empty());
    }
    // Every paragraph has a real link to itself.
    let links = b
        .js(
            "return Array.from(document.querySelectorAll('[data-permalink]')).map(a => a.getAttribute('href') === '#' + a.dataset.permalink).filter(Boolean).length;",
            vec![],
        )
        .await;
    assert_eq!(links, json!(FULL_ARTICLE_BLOCKS));
    b.finish().await;
}

#[tokio::test]
async fn a_link_to_a_paragraph_the_filters_leave_out_says_so() {
    let b = Browser::start().await;
    b.open("?platform=%E9%87%91%E4%B9%89%E6%B9%96#do-4").await;
    assert_eq!(b.result_count().await, 3);
    let notice = b.visible_texts("[data-target-notice]").await;
    assert_eq!(notice.len(), 1, "{notice:?}");
    b.click("[data-show-target]").await;
    assert!(landed(&b, "do-4").await.0);
    assert_eq!(b.attr("#do-4", "data-target").await.as_deref(), Some(""));
    let focused = b.js("return document.activeElement.id;", vec![]).await;
    assert_eq!(focused, json!("do-4"));
    assert!(b.visible_texts("[data-target-notice]").await.is_empty());
    b.finish().await;
}

/// Reads what a click on `css` put on the clipboard (granted by `grant_clipboard`).
/// The "copied" note shows for a moment only: an observer records that it showed, so
/// a slow poll on a busy machine cannot miss it (and a note left from the last copy
/// cannot pass for this one's).
pub(crate) async fn clipboard_after_click(b: &Browser, css: &str) -> String {
    b.js(
        "window.__jxCopied = false;
         const note = document.querySelector('[data-copied]');
         note.hidden = true; // the last copy's note may still show
         new MutationObserver(() => { if (!note.hidden) window.__jxCopied = true; })
             .observe(note, { attributes: true, attributeFilter: ['hidden'] });
         return true;",
        vec![],
    )
    .await;
    b.click(css).await;
    b.wait_js(
        "the copied note to show",
        "return window.__jxCopied === true;",
        vec![],
    )
    .await;
    let v = b
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1]; navigator.clipboard.readText().then(done, e => done('ERROR ' + e));",
            vec![],
        )
        .await
        .expect("read the clipboard");
    v.as_str().unwrap_or_default().to_string()
}

pub(crate) async fn grant_clipboard(b: &Browser) {
    b.cdp(
        "Browser.grantPermissions",
        json!({ "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"] }),
    )
    .await;
}

#[tokio::test]
async fn a_citation_goes_to_the_clipboard_in_the_interfaces_style() {
    let b = Browser::start().await;
    grant_clipboard(&b).await;
    b.open("?read=zh").await;
    let headline = b.visible_texts("h1").await[0].clone();
    b.open("?platform=%E9%87%91%E4%B9%89%E6%B9%96&lang=zh")
        .await;
    let zh = clipboard_after_click(&b, "[data-cite='surpass-3']").await;
    // The paragraph's stable link: none of the reader's filters or interface language.
    let url = format!("{}#surpass-3", b.base);
    assert_eq!(
        zh,
        format!(
            "{}\n——叶梦婷 徐贤飞《{headline}》，{url}",
            words("surpass-3")
        )
    );
    // A photo caption is cited as one, with its credit.
    b.open("?lang=zh").await;
    let caption = clipboard_after_click(&b, "[data-cite='lead-photo']").await;
    let (text, source) = caption.split_once('\n').unwrap();
    assert!(text.ends_with("胡赣昌 摄"), "{text}");
    assert_eq!(
        source,
        format!(
            "——叶梦婷 徐贤飞《{headline}》图片说明，{}#lead-photo",
            b.base
        )
    );
    // English: our source line; the article's words stay as they are. A missing passage
    // stays a visible marker.
    // (Read as the Chinese: reading English adds our translation, `reading.rs`.)
    b.open("?lang=en&read=zh").await;
    let en = clipboard_after_click(&b, "[data-cite='surpass-5']").await;
    let (text, source) = en.split_once('\n').unwrap();
    assert!(
        text.contains("通过“全速推进一批、[text missing from the source]“两公里彩妆产业带”"),
        "{text}"
    );
    // English nests the headline's quotation marks as single ones: no “““.
    let title = headline.replace('“', "‘").replace('”', "’");
    assert_eq!(
        source,
        format!("— Ye Mengting, Xu Xianfei, “{title}”, {}#surpass-5", b.base)
    );
    assert!(!source.contains("““"), "{source}");
    // A paragraph's own link goes to the clipboard too, as stable as the citation's.
    let link = clipboard_after_click(&b, "[data-permalink='do-4']").await;
    assert_eq!(link, format!("{}#do-4", b.base));
    b.finish().await;
}

#[tokio::test]
async fn the_shown_paragraphs_export_as_markdown() {
    let b = Browser::start().await;
    b.open("?platform=%E9%87%91%E4%B9%89%E6%B9%96&lang=zh")
        .await;
    let kept = b.block_ids().await;
    assert_eq!(kept.len(), 3);
    b.click("[data-export]").await;
    let md = b.copy_text().await;
    let url = format!("{}?platform=%E9%87%91%E4%B9%89%E6%B9%96&lang=zh", b.base);
    assert!(md.starts_with("# “敢”为人先"), "{md}");
    assert!(md.lines().next().unwrap().ends_with("（摘录）"), "{md}");
    assert!(md.contains(&format!("》，{url}\n")), "{md}");
    assert!(md.contains("金义湖"), "the active filter is named: {md}");
    assert!(
        md.contains("当前筛选：金义湖"),
        "full-width punctuation: {md}"
    );
    let links: Vec<&str> = md
        .lines()
        .filter_map(|l| l.strip_prefix(&format!("<{}#", b.base)))
        .map(|l| l.trim_end_matches('>'))
        .collect();
    assert_eq!(links, kept, "{md}");
    for id in &kept {
        assert!(md.contains(&format!("\n{}\n", words(id))), "{id} verbatim");
    }
    let file = b.attr("[data-download]", "download").await;
    assert_eq!(file.as_deref(), Some("金义新区-金义湖.md"));
    let open = b
        .js(
            "return document.querySelector('[data-copy-dialog]').open;",
            vec![],
        )
        .await;
    assert_eq!(open, json!(true));
    b.click("[data-copy-close]").await;
    let open = b
        .js(
            "return document.querySelector('[data-copy-dialog]').open;",
            vec![],
        )
        .await;
    assert_eq!(open, json!(false));
    b.finish().await;
}

#[tokio::test]
async fn the_article_map_marks_what_the_filters_keep() {
    let b = Browser::start().await;
    for query in [
        "",
        "?platform=%E9%87%91%E4%B9%89%E6%B9%96",
        "?theme=%E5%B9%B2&q=%E9%A1%B9%E7%9B%AE",
        "?q=uuuu",
    ] {
        b.open(query).await;
        let map = b
            .js(
                "const links = Array.from(document.querySelectorAll('[data-minimap] a'));
                 return [links.length, links.filter(a => a.hasAttribute('data-hit')).length,
                         links.every(a => a.getAttribute('href') === '#' + a.dataset.map && a.title.length > 0)];",
                vec![],
            )
            .await;
        assert_eq!(map[0], json!(FULL_ARTICLE_BLOCKS), "{query}");
        assert_eq!(map[1], json!(b.result_count().await), "{query}");
        assert_eq!(map[2], json!(true), "{query}: links to their blocks, named");
    }
    b.finish().await;
}

#[tokio::test]
async fn without_a_clipboard_the_citation_opens_selected_in_a_dialog() {
    let site = framed_copy("allow-scripts allow-same-origin", "lang=zh");
    let b = Browser::launch(Engine::Chromium, site.to_path_buf(), PREFIX, &[]).await;
    b.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": "Object.defineProperty(navigator, 'clipboard', { get() { throw new DOMException('blocked', 'SecurityError'); } });" }),
    )
    .await;
    b.client
        .goto(&format!("{}frame.html", b.base))
        .await
        .expect("goto the frame");
    b.client.enter_frame(0).await.expect("enter the frame");
    b.wait_for("html[data-ready]").await;
    b.js(
        "document.querySelector(\"[data-cite='do-4']\").click();",
        vec![],
    )
    .await;
    b.wait_js(
        "the copy dialog",
        "return document.querySelector('[data-copy-dialog]').open;",
        vec![],
    )
    .await;
    let v: Value = b
        .js(
            "const t = document.querySelector('[data-copy-text]');
             return [t.value, t.selectionStart, t.selectionEnd, document.activeElement === t];",
            vec![],
        )
        .await;
    let text = v[0].as_str().unwrap();
    assert!(
        text.contains("180天") && text.contains("——叶梦婷 徐贤飞《"),
        "{text}"
    );
    assert_eq!(v[1], json!(0));
    assert_eq!(
        v[2].as_u64().unwrap() as usize,
        text.encode_utf16().count(),
        "all selected"
    );
    assert_eq!(v[3], json!(true));
    b.finish().await;
}
