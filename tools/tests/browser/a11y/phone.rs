//! The phone layout: no horizontal scroll, the filters drawer, keyboard focus in it.

use super::*;

/// Chromium only: the phone screens are emulated (CDP `Emulation.setDeviceMetricsOverride`).
#[tokio::test]
async fn phone_layout_has_no_horizontal_scroll_and_a_filters_drawer() {
    let b = Browser::chromium_with(ZH).await;
    for width in [320u32, 375] {
        phone(&b, width, 740).await;
        b.open("").await;
        let state = format!("{width}px");
        assert_eq!(widths(&b).await.1, u64::from(width), "viewport not applied");
        assert_no_horizontal_scroll(&b, &format!("{state}, default")).await;

        // Filters are behind the toggle.
        assert!(
            is_visible(&b, ".drawer-toggle").await,
            "[{state}] no drawer toggle"
        );
        assert_eq!(
            b.attr(".drawer-toggle", "aria-expanded").await.as_deref(),
            Some("false")
        );
        assert!(
            !is_visible(&b, "#panel").await,
            "[{state}] filters shown before the toggle"
        );
        assert!(
            !is_visible(&b, "#search").await,
            "[{state}] search shown before the toggle"
        );

        // Open the drawer, choose a facet: the article is filtered.
        b.click_no_settle(".drawer-toggle").await;
        drawer_is(&b, true).await;
        assert!(
            is_visible(&b, "#panel").await,
            "[{state}] #panel hidden after the toggle"
        );
        assert!(
            is_visible(&b, "#search").await,
            "[{state}] no search box in the drawer"
        );
        assert_no_horizontal_scroll(&b, &format!("{state}, drawer open")).await;
        b.click_facet("platform", "金义湖").await;
        let n = b.result_count().await;
        assert!(
            n > 0 && n < FULL_ARTICLE_BLOCKS,
            "[{state}] {n} results after 金义湖"
        );
        assert_eq!(b.query_pairs().await, pairs(&[("platform", "金义湖")]));
        b.assert_sections_consistent().await;

        // Escape (focus is on the facet button in the drawer) closes it.
        press(&b, Key::Escape).await;
        drawer_is(&b, false).await;
        assert!(
            !is_visible(&b, "#panel").await,
            "[{state}] drawer still shown after Escape"
        );
        assert_eq!(
            b.result_count().await,
            n,
            "closing the drawer changed the results"
        );
        assert_no_horizontal_scroll(&b, &format!("{state}, filtered")).await;

        // Guide and key figures, opened, fit too; so do search highlights.
        b.open_query(&[("q", "金义湖")]).await;
        open_details(&b).await;
        assert_no_horizontal_scroll(&b, &format!("{state}, q=金义湖, details open")).await;
    }
    b.finish().await;
}

/// JS: where keyboard focus is, relative to the filters drawer.
const WHERE_FOCUS: &str = "const e = document.activeElement;
    if (!e || e === document.body) return 'body';
    const p = document.getElementById('panel');
    return e.classList.contains('drawer-toggle') ? 'toggle'
         : (p && p.contains(e)) ? 'panel' : 'outside: ' + e.tagName.toLowerCase() + '.' + e.className;";

/// Wait (the app may move focus after it re-renders) until focus is at `want`.
async fn wait_focus(b: &Browser, want: &str, what: &str) {
    let deadline = std::time::Instant::now() + TIMEOUT;
    loop {
        let at = b.js(WHERE_FOCUS, vec![]).await;
        if at == json!(want) {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "{what}: focus is at {at}, not {want}"
        );
        tokio::time::sleep(POLL).await;
    }
}

/// The drawer covers the page (`position: fixed; inset: 0`), so keyboard focus must go
/// into it when it opens, must not wander to controls hidden under it, and must come
/// back to the toggle when it closes (Escape or the close button), not fall to `<body>`.
///
/// Chromium only: the phone screen is emulated (CDP `Emulation.setDeviceMetricsOverride`).
#[tokio::test]
async fn phone_drawer_moves_keyboard_focus_in_and_back() {
    let b = Browser::chromium_with(ZH).await;
    phone(&b, 375, 740).await;
    b.open("").await;
    // Open with the keyboard: focus goes into the drawer.
    let mut stops = 0;
    while focused(&b).await["cls"].as_str() != Some("drawer-toggle") {
        press(&b, Key::Tab).await;
        stops += 1;
        assert!(stops < 10, "Tab never reached the drawer toggle");
    }
    press(&b, Key::Enter).await;
    drawer_is(&b, true).await;
    wait_focus(
        &b,
        "panel",
        "opening the drawer with the keyboard (the toggle is now under it)",
    )
    .await;

    // Tab through the whole drawer and beyond: focus never lands under it.
    let controls = b
        .js(
            "return document.querySelectorAll('#panel button:not([disabled]), #panel input').length;",
            vec![],
        )
        .await
        .as_u64()
        .unwrap_or(0);
    for _ in 0..controls + 2 {
        press(&b, Key::Tab).await;
        let at = b.js(WHERE_FOCUS, vec![]).await;
        assert!(
            at == json!("panel") || at == json!("body"),
            "with the drawer open, Tab moved focus under it: {at}"
        );
    }

    // Escape closes it and focus returns to the toggle.
    b.js("document.getElementById('search').focus();", vec![])
        .await;
    press(&b, Key::Escape).await;
    drawer_is(&b, false).await;
    wait_focus(&b, "toggle", "after Escape closed the drawer").await;

    // So does the close button.
    b.click_no_settle(".drawer-toggle").await;
    drawer_is(&b, true).await;
    b.click_no_settle(".drawer-close").await;
    drawer_is(&b, false).await;
    wait_focus(&b, "toggle", "after the close button closed the drawer").await;
    b.finish().await;
}
