//! axe-core, injected through WebDriver, finds no violation in any state.

use super::*;

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

/// Chromium only: CSP watched from each document's start (CDP) and a Chinese-speaking
/// browser set by Chromium switches.
#[tokio::test]
async fn axe_finds_no_violation_in_the_chinese_views() {
    let b = Browser::chromium_with(ZH).await;
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
    b.open_query(&[("read", "both"), ("theme", "人才")]).await;
    audit
        .check(&b, "read=both & theme=人才 (side by side)")
        .await;
    b.open_query(&[("read", "en"), ("q", "talent")]).await;
    audit.check(&b, "read=en & q=talent").await;
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

/// Chromium only: CSP watched from each document's start (CDP).
#[tokio::test]
async fn axe_finds_no_violation_in_english() {
    let b = Browser::chromium_with(ZH).await;
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
    // Each way of reading (issue 18): both (the English interface's default, above),
    // our English alone with its highlights, and the Chinese.
    b.open_query(&[("lang", "en"), ("read", "en"), ("q", "talent")])
        .await;
    assert!(!b.visible_texts("[data-block-en] mark").await.is_empty());
    audit.check(&b, "lang=en & read=en & q=talent").await;
    b.open_query(&[("lang", "en"), ("read", "zh")]).await;
    audit.check(&b, "lang=en & read=zh").await;
    audit.assert_clean();
    b.finish().await;
}

/// Chromium only: the phone screen is emulated (CDP `Emulation.setDeviceMetricsOverride`).
#[tokio::test]
async fn axe_finds_no_violation_on_a_phone_with_the_drawer_open() {
    let b = Browser::chromium_with(ZH).await;
    phone(&b, 375, 740).await;
    let mut audit = Audit::new();
    b.open("").await;
    assert_eq!(widths(&b).await.1, 375, "phone viewport not applied");
    audit.check(&b, "phone 375, drawer closed").await;
    b.click_no_settle(".drawer-toggle").await;
    drawer_is(&b, true).await;
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

/// Chromium only: dark mode and the phone screen are emulated (CDP `Emulation.*`).
#[tokio::test]
async fn axe_finds_no_violation_in_dark_mode() {
    let b = Browser::chromium_with(ZH).await;
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
    drawer_is(&b, true).await;
    b.click_facet("theme", "干").await;
    audit
        .check(&b, "dark, phone 375, drawer open, theme=干")
        .await;
    audit.assert_clean();
    b.finish().await;
}
