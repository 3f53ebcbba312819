//! Every way of opening the site (issue 3): the one-file build from `file://`, the page
//! with JavaScript off, a Wasm that cannot start, a panic in the app (test-only build in
//! target/dist-faults), the take-over without layout shift, a CSP with zero violations
//! while filtering and searching, and sandboxed frames (opaque origin; history, storage
//! and clipboard APIs that throw).

use crate::harness::*;
use serde_json::{json, Value};
use std::path::PathBuf;

in_every_engine!(one_file_build_works_from_file_url);

/// Chromium serving `dir` under `prefix`, with extra command-line switches.
async fn browser_on(dir: PathBuf, prefix: &str, extra: &[&str]) -> Browser {
    Browser::launch(Engine::Chromium, dir, prefix, extra).await
}

/// JS: collect CSP violations in `window.__csp`.
const WATCH_CSP: &str = "window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));";

/// Collects CSP violations from the very start of every document (Chromium only: CDP).
async fn watch_csp(b: &Browser) {
    b.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": WATCH_CSP }),
    )
    .await;
}

async fn csp_violations(b: &Browser) -> Vec<String> {
    strings(
        b.js("return window.__csp || ['no CSP watcher'];", vec![])
            .await,
    )
}

/// Number of `[data-block]` elements and whether the missing marker is shown.
async fn article_shape(b: &Browser) -> (usize, bool) {
    let v = b
        .js(
            &format!(
                "{JS_VISIBLE} return [document.querySelectorAll('[data-block]').length,
                 Array.from(document.querySelectorAll('[data-missing]')).some(visible)];"
            ),
            vec![],
        )
        .await;
    let blocks = v[0]
        .as_u64()
        .unwrap_or_else(|| panic!("the page's shape could not be read: {v}"));
    (blocks as usize, v[1] == Value::Bool(true))
}

async fn fault_notice_visible(b: &Browser) -> bool {
    b.js(
        &format!("{JS_VISIBLE} const n = document.getElementById('fault-notice'); return !!n && visible(n);"),
        vec![],
    )
    .await
        == Value::Bool(true)
}

/// Journey *the one-file build from `file://`* (every engine): a link's filter, a click,
/// a search with highlight, Back, no CSP violation, no request. Chromium watches for
/// CSP violations from the start of the document (CDP). Firefox and WebKit have no
/// WebDriver way to run a script before the page's own, so there the watch starts when
/// the app is ready and covers the click, the typing and Back; a violation while
/// loading would have stopped the app (no `data-ready`) or shown in the console.
async fn one_file_build_works_from_file_url(engine: Engine) {
    let file = dist_dir().join("jinyi-explorer-offline.html");
    assert!(file.is_file(), "no {}: run `make dist`", file.display());
    let b = Browser::start_in(engine).await;
    if engine.has_cdp() {
        watch_csp(&b).await;
    }
    let url = format!(
        "file://{}?platform=%E9%87%91%E4%B9%89%E6%B9%96",
        file.display()
    );
    b.goto(&url).await;
    b.wait_ready().await;
    if !engine.has_cdp() {
        b.js(&format!("{WATCH_CSP} return true;"), vec![]).await;
    }
    assert_eq!(b.result_count().await, 3, "金义湖 from the file URL");
    b.click_facet("theme", "赶").await;
    assert_eq!(b.result_count().await, 3);
    let pairs = b.query_pairs().await;
    assert!(pairs.contains(&("theme".into(), "赶".into())), "{pairs:?}");
    b.type_search("策源地").await;
    assert_eq!(b.result_count().await, 2);
    let marks = b.visible_texts("mark").await;
    assert!(
        !marks.is_empty() && marks.iter().all(|m| m == "策源地"),
        "{marks:?}"
    );
    b.back().await;
    assert_eq!(b.search_value().await.unwrap_or_default(), "");
    assert_eq!(b.result_count().await, 3);
    assert_eq!(csp_violations(&b).await, Vec::<String>::new());
    // No request left the file: the page has no resource entries at all.
    let resources = b
        .js(
            "return performance.getEntriesByType('resource').map(r => r.name);",
            vec![],
        )
        .await;
    assert_eq!(resources, json!([]), "one-file build fetched something");
    b.finish().await;
}

/// Chromium only: JavaScript is turned off by a Chromium switch
/// (`--blink-settings=scriptEnabled=false`).
#[tokio::test]
async fn without_javascript_the_whole_article_is_there() {
    let b = browser_on(
        dist_dir(),
        PREFIX,
        &["--blink-settings=scriptEnabled=false"],
    )
    .await;
    b.goto(&b.base).await;
    let (blocks, missing) = article_shape(&b).await;
    assert_eq!(blocks, FULL_ARTICLE_BLOCKS);
    assert!(missing, "the missing-text marker is shown");
    let texts = b.visible_texts(".fault-notice").await;
    assert!(
        texts.iter().any(|t| t.contains("JavaScript")),
        "a notice says filtering needs JavaScript: {texts:?}"
    );
    let credits = b.visible_texts("figure[data-block] .credit").await;
    assert_eq!(credits.len(), 6, "{credits:?}");
    let h1 = b.visible_texts("h1").await;
    assert_eq!(
        h1,
        vec!["“敢”为人先 “干”字当头 “赶”超跨越 打造增长极 建设新中心"]
    );
    b.finish().await;
}

/// A copy of dist/ whose wasm is broken (and no pre-compressed copy hides that).
fn broken_copy() -> Scratch {
    let to = scratch_dir("broken-dist");
    for entry in std::fs::read_dir(dist_dir()).unwrap() {
        let p = entry.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        if name.ends_with(".br") || name.ends_with(".gz") {
            continue;
        }
        if name.ends_with(".wasm") {
            std::fs::write(to.join(&name), b"\0asm not really").unwrap();
        } else {
            std::fs::copy(&p, to.join(&name)).unwrap();
        }
    }
    to
}

/// Chromium only: the failure must be in the console log from the start (`se/log`).
#[tokio::test]
async fn a_wasm_that_cannot_start_leaves_the_article_and_a_notice() {
    let site = broken_copy();
    let b = browser_on(site.to_path_buf(), PREFIX, &[]).await;
    b.goto(&b.base).await;
    b.wait_for("html[data-fault]").await;
    assert!(fault_notice_visible(&b).await);
    assert_eq!(article_shape(&b).await, (FULL_ARTICLE_BLOCKS, true));
    let errors = b.console_errors().await;
    assert!(!errors.is_empty(), "the failure is logged");
    // The errors are expected here: close without finish()'s console check.
    let _ = b.client.clone().close().await;
}

/// Chromium only: the panic must be in the console log from the start (`se/log`).
#[tokio::test]
async fn a_panic_while_starting_leaves_the_article_and_a_notice() {
    let b = browser_on(faults_dir(), PREFIX, &[]).await;
    b.goto(&format!("{}?debug-panic=mount", b.base)).await;
    b.wait_for("html[data-fault]").await;
    assert!(fault_notice_visible(&b).await);
    assert_eq!(article_shape(&b).await, (FULL_ARTICLE_BLOCKS, true));
    let errors = b.console_errors().await;
    assert!(!errors.is_empty(), "the panic is logged to the console");
    let _ = b.client.clone().close().await;
}

/// Chromium only: reads the panic from the console log (`se/log`).
#[tokio::test]
async fn a_panic_after_a_click_leaves_the_article_and_a_notice() {
    let b = browser_on(faults_dir(), PREFIX, &[]).await;
    b.goto(&format!("{}?debug-panic=click", b.base)).await;
    b.wait_ready().await;
    assert!(
        !fault_notice_visible(&b).await,
        "no notice before the fault"
    );
    b.click_no_settle(&facet_selector("platform", "金义湖"))
        .await;
    b.wait_for("html[data-fault]").await;
    assert!(fault_notice_visible(&b).await);
    assert_eq!(article_shape(&b).await, (FULL_ARTICLE_BLOCKS, true));
    assert!(!b.console_errors().await.is_empty());
    let _ = b.client.clone().close().await;
}

#[tokio::test]
async fn the_release_site_has_no_fault_trigger() {
    let b = browser_on(dist_dir(), PREFIX, &[]).await;
    b.open("?debug-panic=click").await;
    b.click_facet("platform", "金义湖").await;
    assert_eq!(b.result_count().await, 3);
    assert!(!fault_notice_visible(&b).await);
    b.finish().await;
}

/// Chromium only: CSP violations are watched from each document's start (CDP
/// `Page.addScriptToEvaluateOnNewDocument`).
#[tokio::test]
async fn csp_is_strict_and_never_violated() {
    let html = std::fs::read_to_string(dist_dir().join("index.html")).unwrap();
    let csp = html
        .split("http-equiv=\"Content-Security-Policy\" content=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("a CSP meta tag");
    assert!(csp.contains("default-src 'none'"), "{csp}");
    assert!(csp.contains("'wasm-unsafe-eval'"), "{csp}");
    assert!(
        !csp.contains("unsafe-inline") && !csp.contains("http"),
        "{csp}"
    );
    let b = browser_on(dist_dir(), PREFIX, &[]).await;
    watch_csp(&b).await;
    b.open("").await;
    b.click_facet("theme", "干").await;
    b.click_facet("platform", "胡思零碳产业园").await;
    b.click_facet("platform", "胡思零碳产业园").await;
    b.type_search("项目").await;
    b.click("[data-context-toggle]").await;
    b.click("[data-clear-all]").await;
    b.back().await;
    assert_eq!(csp_violations(&b).await, Vec::<String>::new());
    b.finish().await;
}

/// Chromium only: layout shifts are observed from the document's start (CDP
/// `Page.addScriptToEvaluateOnNewDocument`; Firefox and WebKit have no `layout-shift`
/// entries anyway).
#[tokio::test]
async fn the_take_over_does_not_shift_the_layout() {
    let b = browser_on(
        dist_dir(),
        PREFIX,
        &["--lang=zh-CN", "--accept-lang=zh-CN,zh"],
    )
    .await;
    b.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": "window.__cls = 0; new PerformanceObserver(l => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; }).observe({ type: 'layout-shift', buffered: true });" }),
    )
    .await;
    b.open("").await;
    // Two frames painted after the app took over.
    b.frames(2).await;
    let cls = b.js("return window.__cls;", vec![]).await.as_f64().unwrap();
    assert!(cls < 0.01, "cumulative layout shift {cls}");
    b.finish().await;
}

/// Waits until the framed page is ready or marked faulty; returns which.
async fn ready_or_fault(b: &Browser) -> String {
    for _ in 0..200 {
        let v = b
            .js(
                "const h = document.documentElement; return h.dataset.ready ? 'ready' : (h.dataset.fault ? 'fault:' + h.dataset.fault : '');",
                vec![],
            )
            .await;
        if let Some(s) = v.as_str().filter(|s| !s.is_empty()) {
            return s.to_string();
        }
        tokio::time::sleep(POLL).await;
    }
    panic!("the framed page neither started nor reported a fault");
}

#[tokio::test]
async fn in_an_opaque_sandbox_the_article_stays_readable_with_a_notice() {
    // Without allow-same-origin the frame's origin is opaque: its module fetches are
    // cross-origin and fail, so the app cannot start. The reader keeps the article.
    let site = framed_copy("allow-scripts", "platform=%E9%87%91%E4%B9%89%E6%B9%96");
    let b = browser_on(site.to_path_buf(), PREFIX, &[]).await;
    b.goto(&format!("{}frame.html", b.base)).await;
    b.client.enter_frame(0).await.expect("enter the frame");
    let state = ready_or_fault(&b).await;
    assert_eq!(state, "fault:start");
    assert!(fault_notice_visible(&b).await);
    // The page step applied the link (金义湖: 3 blocks); the notice links to the whole article.
    assert_eq!(b.block_ids().await.len(), 3);
    b.click("[data-to-whole]").await;
    b.wait_for("html[data-fault]").await;
    assert_eq!(article_shape(&b).await, (FULL_ARTICLE_BLOCKS, true));
    assert_eq!(b.block_ids().await.len(), FULL_ARTICLE_BLOCKS);
    let _ = b.client.clone().close().await;
}

/// Chromium only: the APIs are broken before the page's scripts run (CDP
/// `Page.addScriptToEvaluateOnNewDocument`).
#[tokio::test]
async fn when_history_and_storage_throw_filtering_still_works() {
    // A sandboxed frame of the same origin whose history and storage APIs throw, as in
    // private modes and locked-down embeds: the state just stays out of the address bar.
    let site = framed_copy(
        "allow-scripts allow-same-origin",
        "platform=%E9%87%91%E4%B9%89%E6%B9%96",
    );
    let b = browser_on(site.to_path_buf(), PREFIX, &[]).await;
    b.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": "const no = () => { throw new DOMException('blocked', 'SecurityError'); };\
            History.prototype.pushState = no; History.prototype.replaceState = no;\
            Object.defineProperty(window, 'localStorage', { get: no });\
            Object.defineProperty(window, 'sessionStorage', { get: no });\
            if (navigator.clipboard) Object.defineProperty(navigator, 'clipboard', { get: no });" }),
    )
    .await;
    b.goto(&format!("{}frame.html", b.base)).await;
    b.client.enter_frame(0).await.expect("enter the frame");
    assert_eq!(ready_or_fault(&b).await, "ready");
    assert_eq!(b.result_count().await, 3, "the URL state still applies");
    b.click_facet("platform", "卡点通").await;
    assert_eq!(b.result_count().await, 4);
    b.type_search("卡点通").await;
    assert_eq!(b.result_count().await, 1);
    assert!(!fault_notice_visible(&b).await);
    b.finish().await;
}
