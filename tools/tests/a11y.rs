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
//! Run with `cargo test -p jinyi-tools --test a11y` after `make dist`.

mod common;
use common::*;

use std::time::Duration;

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use serde_json::{json, Value};

/// A Chinese-speaking reader. Headless Chromium ignores `--lang` for `navigator.languages`
/// (it stays `en-US`); `--accept-lang` is what sets it.
const ZH: &[&str] = &["--lang=zh-CN", "--accept-lang=zh-CN,zh"];

/// The platform guide and key figures panels (present once the app renders them).
const DETAILS: &str = "details[data-guide-panel], details[data-key-figures]";

// ---------------------------------------------------------------------------
// axe-core
// ---------------------------------------------------------------------------

fn axe_source() -> String {
    let path = workspace_dir().join("node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}: axe-core is not installed; run `make setup-browser` (or `npm ci`)",
            path.display()
        )
    })
}

/// Record CSP violations from the start of every document (to show that injecting axe
/// through WebDriver is not blocked by, and does not trip, the page's policy).
async fn watch_csp(b: &Browser) {
    b.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": "window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));" }),
    )
    .await;
}

/// Inject axe-core into the current document unless it is there already.
async fn inject_axe(b: &Browser, src: &str) {
    if b.js("return typeof window.axe;", vec![]).await == json!("object") {
        return;
    }
    let kind = b
        .js(&format!("{src}\n;return typeof window.axe;"), vec![])
        .await;
    assert_eq!(kind, json!("object"), "axe-core did not load into the page");
    let csp = b
        .js(
            "const m = document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]');
             return [m ? m.content : null, window.__csp || null];",
            vec![],
        )
        .await;
    assert!(
        csp[0].as_str().is_some_and(|c| c.contains("script-src")),
        "the page has no CSP meta tag: {csp}"
    );
    if let Some(v) = csp[1].as_array() {
        assert!(v.is_empty(), "CSP violations around axe: {v:?}");
    }
}

/// Run axe on the whole document; one readable line per violation and node.
async fn axe_violations(b: &Browser, src: &str) -> Vec<String> {
    inject_axe(b, src).await;
    let v = b
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { resultTypes: ['violations'] }).then(
               r => done(r.violations.map(v => ({
                 id: v.id, impact: v.impact, help: v.help, url: v.helpUrl,
                 nodes: v.nodes.map(n => ({ html: n.html, target: n.target, why: n.failureSummary })),
               }))),
               e => done({ error: String(e && e.stack || e) }));",
            vec![],
        )
        .await
        .unwrap_or_else(|e| panic!("axe.run: {e}"));
    if let Some(err) = v.get("error") {
        panic!("axe.run failed: {err}");
    }
    if let Some(after) = b
        .js("return window.__csp || null;", vec![])
        .await
        .as_array()
    {
        assert!(after.is_empty(), "CSP violations while axe ran: {after:?}");
    }
    let mut out = Vec::new();
    for viol in v.as_array().expect("an array of violations") {
        let s = |k: &str| viol[k].as_str().unwrap_or_default().to_string();
        out.push(format!(
            "{} ({}): {} <{}>",
            s("id"),
            s("impact"),
            s("help"),
            s("url")
        ));
        for n in viol["nodes"].as_array().into_iter().flatten() {
            out.push(format!(
                "    {}  {}\n      {}",
                n["target"],
                n["html"].as_str().unwrap_or_default(),
                n["why"]
                    .as_str()
                    .unwrap_or_default()
                    .replace('\n', "\n      ")
            ));
        }
    }
    out
}

/// Axe results of several states of one browser, reported together.
struct Audit {
    src: String,
    failures: Vec<String>,
}

impl Audit {
    fn new() -> Audit {
        Audit {
            src: axe_source(),
            failures: Vec::new(),
        }
    }

    /// Audit the page as it is now, under the name `state`.
    async fn check(&mut self, b: &Browser, state: &str) {
        let found = axe_violations(b, &self.src).await;
        let ids: Vec<&str> = found
            .iter()
            .filter(|l| !l.starts_with(' '))
            .map(|l| l.split(' ').next().unwrap_or_default())
            .collect();
        println!("axe [{state}]: {} violation(s) {ids:?}", ids.len());
        if !found.is_empty() {
            self.failures.push(format!(
                "[{state}] at {}\n{}",
                b.current_url().await,
                found.join("\n")
            ));
        }
    }

    fn assert_clean(self) {
        assert!(
            self.failures.is_empty(),
            "axe-core found violations:\n\n{}",
            self.failures.join("\n\n")
        );
    }
}

/// Open every platform guide / key figures `<details>` there is; how many there were.
async fn open_details(b: &Browser) -> usize {
    let n = b
        .js(
            "const d = Array.from(document.querySelectorAll(arguments[0]));
             d.forEach(e => { e.open = true; });
             return d.length;",
            vec![json!(DETAILS)],
        )
        .await
        .as_u64()
        .unwrap_or(0) as usize;
    if n == 0 {
        println!("note: no `{DETAILS}` in the page yet: audited without them");
    }
    // Let the app react to the toggle (lazy content, counts).
    tokio::time::sleep(Duration::from_millis(300)).await;
    b.settle().await;
    n
}

// ---------------------------------------------------------------------------
// Viewport, colour scheme, keys
// ---------------------------------------------------------------------------

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
async fn press(b: &Browser, key: Key) {
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
               + (e.dataset.facet ? '[' + e.dataset.facet + '=' + e.dataset.value + ']' : ''),
           tag: e.tagName.toLowerCase(),
           id: e.id,
           cls: typeof e.className === 'string' ? e.className : '',
           facet: e.dataset.facet || null,
           value: e.dataset.value || null,
           pressed: e.getAttribute('aria-pressed'),
           lang: e.hasAttribute('data-lang-switch'),
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

// ---------------------------------------------------------------------------
// axe tests
// ---------------------------------------------------------------------------

#[tokio::test]
async fn axe_finds_no_violation_in_the_chinese_views() {
    let b = Browser::start_with(PREFIX, ZH).await;
    watch_csp(&b).await;
    let mut audit = Audit::new();
    b.open("").await;
    assert_eq!(
        b.js("return document.documentElement.lang;", vec![]).await,
        json!("zh-CN"),
        "the interface is not in Chinese"
    );
    audit.check(&b, "default").await;
    if open_details(&b).await > 0 {
        audit.check(&b, "default, guide + key figures open").await;
    }
    b.open_query(&[("theme", "干"), ("platform", "胡思零碳产业园")])
        .await;
    assert!(b.result_count().await < FULL_ARTICLE_BLOCKS);
    audit.check(&b, "theme=干 & platform=胡思零碳产业园").await;
    b.click("[data-context-toggle]").await;
    audit.check(&b, "same, in context (unmatched dimmed)").await;
    b.open_query(&[("q", "金义湖")]).await;
    let marks = b
        .js("return document.querySelectorAll('mark').length;", vec![])
        .await;
    assert!(
        marks.as_u64().unwrap_or(0) > 0,
        "no highlights for q=金义湖"
    );
    audit.check(&b, "q=金义湖 (highlights)").await;
    if open_details(&b).await > 0 {
        audit.check(&b, "q=金义湖, guide + key figures open").await;
    }
    b.open_query(&[("q", "uuuu")]).await;
    assert!(
        !b.visible_texts("[data-empty]").await.is_empty(),
        "no empty state"
    );
    audit.check(&b, "q=uuuu (empty state)").await;
    b.open_query(&[("theme", "营商环境"), ("nope", "1")]).await;
    assert!(
        !b.visible_texts("[data-notice]").await.is_empty(),
        "no notice"
    );
    audit.check(&b, "ignored-URL notice").await;
    audit.assert_clean();
    b.finish().await;
}

#[tokio::test]
async fn axe_finds_no_violation_in_english() {
    let b = Browser::start_with(PREFIX, ZH).await;
    watch_csp(&b).await;
    let mut audit = Audit::new();
    b.open_query(&[("lang", "en")]).await;
    assert_eq!(
        b.js("return document.documentElement.lang;", vec![]).await,
        json!("en")
    );
    audit.check(&b, "lang=en").await;
    if open_details(&b).await > 0 {
        audit.check(&b, "lang=en, guide + key figures open").await;
    }
    b.open_query(&[("lang", "en"), ("theme", "干"), ("q", "项目")])
        .await;
    audit.check(&b, "lang=en & theme=干 & q=项目").await;
    b.open_query(&[("lang", "en"), ("q", "uuuu")]).await;
    audit.check(&b, "lang=en & q=uuuu (empty state)").await;
    audit.assert_clean();
    b.finish().await;
}

#[tokio::test]
async fn axe_finds_no_violation_on_a_phone_with_the_drawer_open() {
    let b = Browser::start_with(PREFIX, ZH).await;
    phone(&b, 375, 740).await;
    let mut audit = Audit::new();
    b.open("").await;
    assert_eq!(widths(&b).await.1, 375, "phone viewport not applied");
    audit.check(&b, "phone 375, drawer closed").await;
    b.click_no_settle(".drawer-toggle").await;
    b.wait_js(
        "drawer open",
        "return document.querySelector('.drawer-toggle').getAttribute('aria-expanded') === 'true';",
        vec![],
    )
    .await;
    assert!(
        is_visible(&b, "#panel").await,
        "#panel hidden after the toggle"
    );
    audit.check(&b, "phone 375, drawer open").await;
    b.click_facet("theme", "干").await;
    audit.check(&b, "phone 375, drawer open, theme=干").await;
    b.open("").await;
    if open_details(&b).await > 0 {
        audit.check(&b, "phone 375, guide + key figures open").await;
    }
    audit.assert_clean();
    b.finish().await;
}

#[tokio::test]
async fn axe_finds_no_violation_in_dark_mode() {
    let b = Browser::start_with(PREFIX, ZH).await;
    dark(&b).await;
    let mut audit = Audit::new();
    b.open("").await;
    assert_eq!(
        b.js(
            "return matchMedia('(prefers-color-scheme: dark)').matches;",
            vec![]
        )
        .await,
        json!(true),
        "dark mode not emulated"
    );
    audit.check(&b, "dark, default").await;
    if open_details(&b).await > 0 {
        audit.check(&b, "dark, guide + key figures open").await;
    }
    b.open_query(&[
        ("theme", "干"),
        ("platform", "胡思零碳产业园"),
        ("q", "项目"),
    ])
    .await;
    audit.check(&b, "dark, theme=干 & platform & q=项目").await;
    b.click("[data-context-toggle]").await;
    audit.check(&b, "dark, same in context").await;
    b.open_query(&[("q", "金义湖")]).await;
    audit.check(&b, "dark, q=金义湖 (highlights)").await;
    b.open_query(&[("q", "uuuu"), ("nope", "1")]).await;
    audit.check(&b, "dark, empty state + notice").await;
    b.open_query(&[("lang", "en")]).await;
    audit.check(&b, "dark, lang=en").await;
    phone(&b, 375, 740).await;
    b.open("").await;
    b.click_no_settle(".drawer-toggle").await;
    b.wait_js(
        "drawer open",
        "return document.querySelector('.drawer-toggle').getAttribute('aria-expanded') === 'true';",
        vec![],
    )
    .await;
    b.click_facet("theme", "干").await;
    audit
        .check(&b, "dark, phone 375, drawer open, theme=干")
        .await;
    audit.assert_clean();
    b.finish().await;
}

// ---------------------------------------------------------------------------
// Keyboard only
// ---------------------------------------------------------------------------

#[tokio::test]
async fn keyboard_only_path_skip_link_language_search_facets() {
    let b = Browser::start_with(PREFIX, ZH).await;
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

    // 3. The search box: only the guide / key-figures summaries may come in between.
    let mut path = Vec::new();
    loop {
        press(&b, Key::Tab).await;
        let f = focused(&b).await;
        assert_ring(&f);
        if f["id"] == json!("search") {
            break;
        }
        path.push(f["desc"].as_str().unwrap_or_default().to_string());
        assert!(
            f["tag"] == json!("summary") && path.len() <= 2,
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
    b.settle().await;
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
    b.settle().await;
    assert_eq!(b.search_value().await.as_deref(), Some(""));
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
    b.settle().await;
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
    b.settle().await;
    let f = focused(&b).await;
    assert_eq!(f["pressed"], json!("true"), "Space did not press {second}");
    assert_ne!(
        b.result_count().await,
        after_enter,
        "count did not change after pressing {second}"
    );
    // Space again releases it.
    press(&b, Key::Space).await;
    b.settle().await;
    assert_eq!(focused(&b).await["pressed"], json!("false"));
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

// ---------------------------------------------------------------------------
// Phone layout
// ---------------------------------------------------------------------------

#[tokio::test]
async fn phone_layout_has_no_horizontal_scroll_and_a_filters_drawer() {
    let b = Browser::start_with(PREFIX, ZH).await;
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
        b.wait_js(
            "drawer open",
            "return document.querySelector('.drawer-toggle').getAttribute('aria-expanded') === 'true';",
            vec![],
        )
        .await;
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
        b.wait_js(
            "drawer closed",
            "return document.querySelector('.drawer-toggle').getAttribute('aria-expanded') === 'false';",
            vec![],
        )
        .await;
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

/// Wait (up to 2 s: the app may move focus after it re-renders) until focus is at `want`.
async fn wait_focus(b: &Browser, want: &str, what: &str) {
    let deadline = std::time::Instant::now() + Duration::from_secs(2);
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
#[tokio::test]
async fn phone_drawer_moves_keyboard_focus_in_and_back() {
    let b = Browser::start_with(PREFIX, ZH).await;
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
    b.wait_js(
        "drawer open",
        "return document.querySelector('.drawer-toggle').getAttribute('aria-expanded') === 'true';",
        vec![],
    )
    .await;
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
    b.wait_js(
        "drawer closed",
        "return document.querySelector('.drawer-toggle').getAttribute('aria-expanded') === 'false';",
        vec![],
    )
    .await;
    wait_focus(&b, "toggle", "after Escape closed the drawer").await;

    // So does the close button.
    b.click_no_settle(".drawer-toggle").await;
    b.wait_js(
        "drawer open",
        "return document.querySelector('.drawer-toggle').getAttribute('aria-expanded') === 'true';",
        vec![],
    )
    .await;
    b.click_no_settle(".drawer-close").await;
    b.wait_js(
        "drawer closed",
        "return document.querySelector('.drawer-toggle').getAttribute('aria-expanded') === 'false';",
        vec![],
    )
    .await;
    wait_focus(&b, "toggle", "after the close button closed the drawer").await;
    b.finish().await;
}
