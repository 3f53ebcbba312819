//! Accessibility of the built explorer (issue 4), in headless Chromium through chromedriver:
//!
//! - **axe-core** (`node_modules/axe-core/axe.min.js`, pinned in `package.json`) injected
//!   with WebDriver's Execute Script and run as `axe.run(document, {resultTypes:
//!   ['violations']})`, which must find zero violations in every state: default, filtered,
//!   search with highlights, empty, in context, English, dark mode, the phone layout with
//!   the filters drawer open, and the platform guide / key figures `<details>` opened.
//!   The page's CSP (`script-src` by hash, no `unsafe-inline`) does not apply to
//!   WebDriver scripts: chromedriver evaluates them through DevTools. The tests check
//!   that (no `securitypolicyviolation` event, `axe` defined) rather than bypassing CSP.
//! - A **keyboard-only** path with WebDriver key actions: skip link first, language
//!   switch, search box (typing, Escape), facet buttons toggled with Enter and Space,
//!   focus always visible.
//! - The **phone layout** at 320 and 375 CSS px: no horizontal scroll, filters behind the
//!   drawer toggle, a facet chosen in the drawer filters the article, Escape closes it.
//!
//! Run with `cargo test -p jinyi-tools --test browser -- a11y::` after `make dist`.

mod axe;
mod keyboard;
mod phone;

use crate::harness::*;

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use serde_json::{json, Value};

/// A Chinese-speaking reader. Headless Chromium ignores `--lang` for `navigator.languages`
/// (it stays `en-US`); `--accept-lang` is what sets it.
const ZH: &[&str] = &["--lang=zh-CN", "--accept-lang=zh-CN,zh"];

/// The platform guide and key figures panels (present once the app renders them).
const DETAILS: &str = "details[data-guide-panel], details[data-key-figures]";

/// Open every platform guide / key figures `<details>` there is; how many there were.
async fn open_details(b: &Browser) -> usize {
    let n = b
        .js(
            "const d = Array.from(document.querySelectorAll(arguments[0]));
             window.__jxToggles = d.filter(e => !e.open).length;
             d.forEach(e => {
                 if (e.open) return;
                 e.addEventListener('toggle', () => { window.__jxToggles--; }, { once: true });
                 e.open = true;
             });
             return d.length;",
            vec![json!(DETAILS)],
        )
        .await
        .as_u64()
        .unwrap_or(0) as usize;
    if n == 0 {
        println!("note: no `{DETAILS}` in the page yet: audited without them");
    }
    // Each panel opened tells the app by a `toggle` event, queued as its own task.
    b.wait_js(
        "a toggle event from each panel opened",
        "return window.__jxToggles === 0;",
        vec![],
    )
    .await;
    b.settle().await;
    n
}

/// Emulate a phone screen of `width`×`height` CSS px (scale 1, touch-style viewport).
async fn phone(b: &Browser, width: u32, height: u32) {
    b.cdp(
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": true }),
    )
    .await;
}

async fn dark(b: &Browser) {
    b.cdp(
        "Emulation.setEmulatedMedia",
        json!({ "features": [{ "name": "prefers-color-scheme", "value": "dark" }] }),
    )
    .await;
}

/// Press and release one key, as a keyboard would (WebDriver key actions).
pub(crate) async fn press(b: &Browser, key: Key) {
    let k: char = key.into();
    let keys = KeyActions::new("keyboard".to_string())
        .then(KeyAction::Down { value: k })
        .then(KeyAction::Up { value: k });
    b.client
        .perform_actions(keys)
        .await
        .unwrap_or_else(|e| panic!("pressing {key:?}: {e}"));
    b.client.release_actions().await.expect("release keys");
}

/// What has focus: `tag#id.class[data-facet=…][data-value=…]`-ish, for messages and checks.
async fn focused(b: &Browser) -> Value {
    b.js(
        "const e = document.activeElement;
         if (!e || e === document.body) return { desc: 'body' };
         const s = getComputedStyle(e);
         const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)
             || (s.boxShadow && s.boxShadow !== 'none');
         return {
           desc: e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
               + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
               + (e.dataset.facet ? '[' + e.dataset.facet + '=' + e.dataset.value + ']' : '')
               + (e.dataset.readChoice ? '[read=' + e.dataset.readChoice + ']' : ''),
           tag: e.tagName.toLowerCase(),
           id: e.id,
           cls: typeof e.className === 'string' ? e.className : '',
           facet: e.dataset.facet || null,
           value: e.dataset.value || null,
           pressed: e.getAttribute('aria-pressed'),
           lang: e.hasAttribute('data-lang-switch'),
           read: e.dataset.readChoice || null,
           ring: ring,
           outline: s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor,
           shadow: s.boxShadow,
         };",
        vec![],
    )
    .await
}

/// The focused element must show a focus indicator.
fn assert_ring(f: &Value) {
    assert_eq!(
        f["ring"],
        json!(true),
        "{} has focus but no visible focus indicator (outline {}, box-shadow {})",
        f["desc"],
        f["outline"],
        f["shadow"]
    );
}

/// Waits until the phone drawer's toggle says it is open (`true`) or closed.
async fn drawer_is(b: &Browser, open: bool) {
    let what = if open { "drawer open" } else { "drawer closed" };
    b.wait_js(
        what,
        "return document.querySelector('.drawer-toggle').getAttribute('aria-expanded') === String(arguments[0]);",
        vec![json!(open)],
    )
    .await;
}

async fn is_visible(b: &Browser, css: &str) -> bool {
    b.js(
        &format!("{JS_VISIBLE} const e = document.querySelector(arguments[0]); return !!e && visible(e);"),
        vec![json!(css)],
    )
    .await
        == json!(true)
}

/// `[scrollWidth, innerWidth]` of the page.
async fn widths(b: &Browser) -> (u64, u64) {
    let v = b
        .js(
            "return [document.documentElement.scrollWidth, window.innerWidth];",
            vec![],
        )
        .await;
    (v[0].as_u64().unwrap_or(0), v[1].as_u64().unwrap_or(0))
}

async fn assert_no_horizontal_scroll(b: &Browser, state: &str) {
    let (scroll, inner) = widths(b).await;
    if scroll > inner {
        let wide = b
            .js(
                "const w = window.innerWidth;
                 return Array.from(document.querySelectorAll('body *'))
                   .filter(e => e.getBoundingClientRect().right > w + 0.5)
                   .slice(0, 8).map(e => e.tagName.toLowerCase() + '.' + e.className
                     + ' right=' + Math.round(e.getBoundingClientRect().right));",
                vec![],
            )
            .await;
        panic!("[{state}] horizontal scroll: scrollWidth {scroll} > innerWidth {inner}; too wide: {wide}");
    }
}
