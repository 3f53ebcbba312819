//! The keyboard-only path: skip link, language switch, search box, facet buttons.

use super::*;

/// Chromium only: a Chinese-speaking browser is set by Chromium switches
/// (`--accept-lang`).
#[tokio::test]
async fn keyboard_only_path_skip_link_language_search_facets() {
    let b = Browser::chromium_with(ZH).await;
    b.open("").await;
    assert_eq!(
        b.attr("[data-result-count]", "aria-live").await.as_deref(),
        Some("polite"),
        "the result count is not a polite live region"
    );

    // 1. The skip link is the first stop, and it is visible when focused.
    press(&b, Key::Tab).await;
    let f = focused(&b).await;
    assert_eq!(f["tag"], json!("a"), "first Tab stop is {}", f["desc"]);
    assert!(
        f["cls"].as_str().unwrap_or_default().contains("skip"),
        "first Tab stop is {}, not the skip link",
        f["desc"]
    );
    assert_ring(&f);
    let on_screen = b
        .js(
            "const r = document.activeElement.getBoundingClientRect();
             return r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.width > 0;",
            vec![],
        )
        .await;
    assert_eq!(
        on_screen,
        json!(true),
        "the focused skip link is off-screen"
    );

    // Then the other skip links (to the key figures, to the guide), each visible too.
    for _ in 0..2 {
        press(&b, Key::Tab).await;
        let f = focused(&b).await;
        assert!(
            f["cls"].as_str().unwrap_or_default().contains("skip"),
            "{} is not a skip link",
            f["desc"]
        );
        assert_ring(&f);
    }

    // 2. The language switch.
    press(&b, Key::Tab).await;
    let f = focused(&b).await;
    assert_eq!(
        f["lang"],
        json!(true),
        "second Tab stop is {}, not the language switch",
        f["desc"]
    );
    assert_ring(&f);

    // 3. The search box: only the three ways to read and the guide / key-figures
    //    summaries may come in between.
    let mut path = Vec::new();
    loop {
        press(&b, Key::Tab).await;
        let f = focused(&b).await;
        assert_ring(&f);
        if f["id"] == json!("search") {
            break;
        }
        path.push(f["desc"].as_str().unwrap_or_default().to_string());
        let read = f["read"].is_string();
        assert!(
            (f["tag"] == json!("summary") || read) && path.len() <= 5,
            "Tab from the language switch to the search box passes {path:?}"
        );
    }
    println!("Tab stops between the language switch and the search box: {path:?}");
    b.client
        .active_element()
        .await
        .expect("active element")
        .send_keys("金义湖")
        .await
        .expect("typing into the search box");
    b.wait_search("金义湖").await;
    assert_eq!(
        b.query_pairs().await,
        pairs(&[("q", "金义湖")]),
        "URL after typing"
    );
    let n = b.result_count().await;
    assert!(n > 0 && n < FULL_ARTICLE_BLOCKS, "{n} results for 金义湖");
    assert!(
        b.js("return document.querySelectorAll('mark').length;", vec![])
            .await
            .as_u64()
            .unwrap_or(0)
            > 0,
        "no highlights"
    );

    // 4. Escape clears it (focus stays in the box).
    press(&b, Key::Escape).await;
    b.wait_search("").await;
    assert_eq!(b.query_pairs().await, pairs(&[]), "URL after Escape");
    assert_eq!(b.result_count().await, FULL_ARTICLE_BLOCKS);
    assert_eq!(focused(&b).await["id"], json!("search"));

    // 5. Tab to the first facet button; Enter toggles it.
    press(&b, Key::Tab).await;
    let f = focused(&b).await;
    assert!(
        f["facet"].is_string(),
        "Tab after the search box reaches {}, not a facet button",
        f["desc"]
    );
    assert_ring(&f);
    assert_eq!(f["pressed"], json!("false"));
    let first = f["value"].as_str().unwrap_or_default().to_string();
    press(&b, Key::Enter).await;
    focused_pressed(&b, "true").await;
    let f = focused(&b).await;
    assert_eq!(f["value"], json!(first), "focus moved after Enter");
    assert_eq!(f["pressed"], json!("true"), "Enter did not press {first}");
    assert_ring(&f);
    let after_enter = b.result_count().await;
    assert!(
        after_enter < FULL_ARTICLE_BLOCKS,
        "count did not change after pressing {first}"
    );
    assert!(b
        .query_pairs()
        .await
        .contains(&("theme".to_string(), first.clone())));

    // 6. Tab to the next (enabled) facet; Space toggles it (OR within the facet: more results).
    press(&b, Key::Tab).await;
    let f = focused(&b).await;
    assert!(f["facet"].is_string(), "second facet stop is {}", f["desc"]);
    assert_ring(&f);
    let second = f["value"].as_str().unwrap_or_default().to_string();
    press(&b, Key::Space).await;
    focused_pressed(&b, "true").await;
    let f = focused(&b).await;
    assert_eq!(f["pressed"], json!("true"), "Space did not press {second}");
    assert_ne!(
        b.result_count().await,
        after_enter,
        "count did not change after pressing {second}"
    );
    // Space again releases it.
    press(&b, Key::Space).await;
    focused_pressed(&b, "false").await;
    assert_eq!(b.result_count().await, after_enter);

    // 7. From a fresh load, the skip link moves focus to the results.
    b.open("").await;
    press(&b, Key::Tab).await;
    press(&b, Key::Enter).await;
    b.wait_js(
        "focus on #results after the skip link",
        "return document.activeElement && document.activeElement.id === 'results';",
        vec![],
    )
    .await;
    assert_eq!(
        b.current_url().await.path(),
        url::Url::parse(&b.base).unwrap().path(),
        "the skip link left the page"
    );
    b.finish().await;
}

/// Waits until the focused button's `aria-pressed` is `want` (the key reached the app),
/// then for the page to settle.
async fn focused_pressed(b: &Browser, want: &str) {
    b.wait_js(
        &format!("the focused button to be aria-pressed={want}"),
        "const e = document.activeElement;
         return !!e && e.getAttribute('aria-pressed') === arguments[0];",
        vec![json!(want)],
    )
    .await;
    b.settle().await;
}
