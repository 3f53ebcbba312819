//! The in-browser measurements: for each page, repeated first visits (cache disabled
//! through the DevTools protocol, `about:blank` between visits, one long-lived tab and
//! profile), each giving first contentful paint, the `app-interactive` mark, load CLS,
//! the list of fetched files, and the latency from a filter click and from a search
//! keystroke to the next painted frame.

use crate::chromium::Chromium;
use crate::native::{PLATFORM, QUERY_SHORT};
use serde_json::{json, Value};
use std::time::Duration;

const LOAD_TIMEOUT: Duration = Duration::from_secs(30);

/// One page under test.
pub struct Spec {
    /// Path on the bench server, e.g. `index.html`.
    pub path: String,
    /// Sets `data-ready` and the `app-interactive` mark (app and plain-JS pages).
    pub scripted: bool,
}

/// An interaction's timings, in ms from the dispatch of the event, which happens at
/// the start of a frame.
#[derive(Debug, Clone, Copy)]
pub struct Latency {
    /// The handlers and the microtasks they queued (the app's reactive effects) have run.
    pub script: f64,
    /// The frame's style and layout are done too.
    pub layout: f64,
    /// The frame's paint is done too: the updated DOM is painted.
    pub paint: f64,
}

/// One file the first visit fetched, as the Resource Timing API saw it.
#[derive(Debug, Clone)]
pub struct Fetched {
    /// URL path relative to the bench site's root (e.g. `main-….css`).
    pub name: String,
    /// Bytes on the wire for the body (after content coding).
    pub encoded: u64,
    /// Bytes on the wire including headers (0 would mean: from a cache).
    pub transfer: u64,
}

/// One visit.
#[derive(Debug, Clone)]
pub struct Visit {
    /// `domContentLoadedEventEnd` of the navigation.
    pub dcl: f64,
    pub fcp: f64,
    pub interactive: Option<f64>,
    pub cls: f64,
    pub fetched: Vec<Fetched>,
    pub filter: Vec<Latency>,
    pub search: Vec<Latency>,
    /// `data-result-count` after the filter click and after the search keystroke.
    pub counts: Option<(String, String)>,
}

/// Resolves after the next frame and a short quiet period.
const JS_IDLE: &str = "const done = arguments[arguments.length - 1];
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, arguments[0])));";

/// Load CLS: layout shifts without recent input, summed (buffered entries since navigation).
const JS_CLS: &str = "const done = arguments[arguments.length - 1];
    let cls = 0;
    const add = (list) => { for (const e of list) if (!e.hadRecentInput) cls += e.value; };
    const po = new PerformanceObserver((l) => add(l.getEntries()));
    po.observe({ type: 'layout-shift', buffered: true });
    setTimeout(() => { add(po.takeRecords()); po.disconnect(); done(cls); }, 50);";

/// At the start of a frame (in a `requestAnimationFrame` callback): dispatch a click
/// (`arguments[1] === null`) or set the value and dispatch `input`. A second callback
/// of the same frame runs once the first one's microtasks (the app's reactive effects)
/// are done; a `ResizeObserver` first fires after that frame's style and layout; a task
/// posted from the first callback runs after the frame's paint.
const JS_INTERACT: &str = "const [sel, value, done] = arguments;
    const el = document.querySelector(sel);
    if (!el) { done({ error: 'no element ' + sel }); return; }
    let t0 = 0, t1 = 0, t2 = 0;
    requestAnimationFrame(() => {
      t0 = performance.now();
      if (value === null) el.click();
      else { el.value = value; el.dispatchEvent(new Event('input', { bubbles: true })); }
      setTimeout(() => {
        const t3 = performance.now();
        const rc = document.querySelector('[data-result-count]');
        done([t1 - t0, t2 - t0, t3 - t0, rc ? rc.getAttribute('data-result-count') : null]);
      }, 0);
    });
    requestAnimationFrame(() => {
      t1 = performance.now();
      const ro = new ResizeObserver(() => { t2 = performance.now(); ro.disconnect(); });
      ro.observe(document.documentElement);
    });";

const JS_FETCHED: &str = "return performance.getEntriesByType('navigation')
    .concat(performance.getEntriesByType('resource'))
    .map(e => [e.name, e.encodedBodySize, e.transferSize]);";

fn num(v: &Value, what: &str) -> Result<f64, String> {
    v.as_f64()
        .ok_or_else(|| format!("{what}: expected a number, got {v}"))
}

/// Prepare the tab: the HTTP cache off for every later navigation.
pub async fn disable_cache(s: &Chromium) -> Result<(), String> {
    s.cdp("Network.enable", json!({})).await?;
    s.cdp("Network.setCacheDisabled", json!({ "cacheDisabled": true }))
        .await?;
    Ok(())
}

/// A slower device: the CPU slowed down, and optionally a slow network.
pub struct Throttle {
    pub label: &'static str,
    pub cpu: f64,
    /// Latency (ms) and download speed (bit/s); upload is half the download.
    pub network: Option<(f64, f64)>,
}

/// The throttled runs: a slower CPU alone, then a phone on a slow network.
pub const THROTTLES: [Throttle; 2] = [
    Throttle {
        label: "4× CPU",
        cpu: 4.0,
        network: None,
    },
    Throttle {
        label: "4× CPU, 150 ms, 1.6 Mbit/s",
        cpu: 4.0,
        network: Some((150.0, 1_600_000.0)),
    },
];

/// Emulates `t` in the tab from now on (`None`: full speed again).
pub async fn throttle(s: &Chromium, t: Option<&Throttle>) -> Result<(), String> {
    s.cdp(
        "Emulation.setCPUThrottlingRate",
        json!({ "rate": t.map_or(1.0, |t| t.cpu) }),
    )
    .await?;
    let (latency, down) = t.and_then(|t| t.network).unwrap_or((0.0, -1.0));
    s.cdp(
        "Network.emulateNetworkConditions",
        json!({ "offline": false, "latency": latency,
                "downloadThroughput": if down > 0.0 { down / 8.0 } else { -1.0 },
                "uploadThroughput": if down > 0.0 { down / 16.0 } else { -1.0 } }),
    )
    .await?;
    Ok(())
}

async fn idle(s: &Chromium, ms: u32) -> Result<(), String> {
    s.exec_async(JS_IDLE, vec![json!(ms)]).await.map(drop)
}

async fn interact(
    s: &Chromium,
    sel: &str,
    value: Option<&str>,
) -> Result<(Latency, String), String> {
    let v = s
        .exec_async(JS_INTERACT, vec![json!(sel), json!(value)])
        .await?;
    if let Some(e) = v.get("error") {
        return Err(format!("interaction: {e}"));
    }
    Ok((
        Latency {
            script: num(&v[0], "script time")?,
            layout: num(&v[1], "layout time")?,
            paint: num(&v[2], "paint time")?,
        },
        v[3].as_str().unwrap_or("?").to_string(),
    ))
}

/// One first visit of `base` + `spec.path`, with the interactions when the page is scripted.
pub async fn visit(s: &Chromium, base: &str, spec: &Spec) -> Result<Visit, String> {
    s.goto("about:blank").await?;
    let url = format!("{base}{}", spec.path);
    s.goto(&url).await?;
    if spec.scripted {
        s.wait_for(
            &format!("data-ready on {url}"),
            "return document.documentElement.hasAttribute('data-ready');",
            LOAD_TIMEOUT,
        )
        .await?;
    }
    let fcp = s
        .wait_for(
            &format!("first-contentful-paint on {url}"),
            "const e = performance.getEntriesByName('first-contentful-paint')[0];
         return e ? e.startTime : null;",
            LOAD_TIMEOUT,
        )
        .await?;
    let fcp = num(&fcp, "FCP")?;
    idle(s, 300).await?;
    let cls = num(&s.exec_async(JS_CLS, vec![]).await?, "CLS")?;
    let interactive = s
        .exec(
            "const m = performance.getEntriesByName('app-interactive')[0];
             return m ? m.startTime : null;",
            vec![],
        )
        .await?
        .as_f64();
    let origin = base.trim_end_matches('/');
    let fetched = s
        .exec(JS_FETCHED, vec![])
        .await?
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .filter_map(|e| {
            let url = e[0].as_str()?;
            let path = url.strip_prefix(origin)?.split(['?', '#']).next()?;
            let path = path.trim_start_matches('/');
            Some(Fetched {
                name: if path.is_empty() { "index.html" } else { path }.to_string(),
                encoded: e[1].as_u64().unwrap_or(0),
                transfer: e[2].as_u64().unwrap_or(0),
            })
        })
        .collect();

    let dcl = s
        .exec(
            "const n = performance.getEntriesByType('navigation')[0];
             return n ? n.domContentLoadedEventEnd : null;",
            vec![],
        )
        .await?
        .as_f64()
        .unwrap_or(f64::NAN);
    let mut visit = Visit {
        dcl,
        fcp,
        interactive,
        cls,
        fetched,
        filter: Vec::new(),
        search: Vec::new(),
        counts: None,
    };
    if spec.scripted {
        let button = format!(r#"button[data-facet="platform"][data-value="{PLATFORM}"]"#);
        let first: String = QUERY_SHORT.chars().take(1).collect();
        idle(s, 50).await?;
        let (on, after_click) = interact(s, &button, None).await?;
        idle(s, 50).await?;
        let (off, _) = interact(s, &button, None).await?;
        idle(s, 50).await?;
        interact(s, "#search", Some(&first)).await?;
        idle(s, 50).await?;
        let (key, after_key) = interact(s, "#search", Some(QUERY_SHORT)).await?;
        idle(s, 50).await?;
        interact(s, "#search", Some("")).await?;
        visit.filter = vec![on, off];
        visit.search = vec![key];
        visit.counts = Some((after_click, after_key));
    }
    Ok(visit)
}

/// The median (mean of the middle two for an even count); `NaN` when empty.
pub fn median(mut v: Vec<f64>) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}
