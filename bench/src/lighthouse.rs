//! Lighthouse (npm `lighthouse`, pinned in `package.json`) on the bench server: the app's
//! default page and the page filtered by one platform, a few runs each, interleaved.
//! Lighthouse's defaults otherwise: mobile form factor, simulated throttling. It drives
//! Debian's Chromium (`CHROME_PATH`) and never downloads a browser. Each run's JSON
//! report (stdout, into a temp file) is read with serde_json into a [`Run`].

use crate::native::PLATFORM;
use jinyi_devserver::webdriver::kill_group;
use serde_json::Value;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Runs per page.
pub const RUNS: usize = 3;
/// The categories run, in the report's order.
const CATEGORIES: &str = "performance,accessibility,best-practices,seo";
/// The categories whose failing audits are listed.
const AUDITED: [&str; 3] = ["accessibility", "best-practices", "seo"];
/// Longest wall-clock time one run may take (Lighthouse's own page-load timeout is 45 s;
/// the rest is Chromium's start and the audits on a busy machine).
const RUN_TIMEOUT: Duration = Duration::from_secs(300);
/// How often a running Lighthouse is polled.
const POLL: Duration = Duration::from_millis(200);

/// One run's figures. Scores are Lighthouse's, 0–1 (`None`: the category has no score).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Run {
    pub performance: Option<f64>,
    pub accessibility: Option<f64>,
    pub best_practices: Option<f64>,
    pub seo: Option<f64>,
    /// Total Blocking Time (simulated), ms.
    pub tbt: Option<f64>,
    /// The longest task of the `long-tasks` audit (simulated, so on the throttled CPU;
    /// it lists tasks of 50 ms and more). `None`: no such audit or no long task.
    pub longest_task: Option<f64>,
    /// The longest top-level task of `main-thread-tasks` (observed, unthrottled).
    pub longest_observed: Option<f64>,
    /// Ids of the failing audits of `AUDITED` (binary or numeric, score below 1).
    pub failing: Vec<String>,
    /// Lighthouse's warnings about the run (`runWarnings`).
    pub warnings: Vec<String>,
    /// Lighthouse's measure of the machine's speed (`environment.benchmarkIndex`).
    pub benchmark_index: Option<f64>,
}

/// One page under test and its runs.
#[derive(Debug, Clone)]
pub struct Page {
    /// How the report names it.
    pub label: String,
    /// Its query on the bench server (`""` or `?platform=…`).
    pub query: String,
    pub runs: Vec<Run>,
}

/// Everything Lighthouse measured.
#[derive(Debug, Clone)]
pub struct Report {
    /// `lighthouseVersion`.
    pub version: String,
    /// The Chromium Lighthouse drove (`environment.hostUserAgent`'s product).
    pub browser: String,
    /// Simulated throttling as run: `(rtt ms, throughput kbit/s, CPU slowdown)`.
    pub throttling: (f64, f64, f64),
    /// The Chromium switches it was started with.
    pub chrome_flags: String,
    pub pages: Vec<Page>,
}

/// `s` percent-encoded for a URL query value (every byte but the unreserved ones).
pub fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn num(v: &Value) -> Option<f64> {
    v.as_f64()
}

/// The largest `duration` among an audit's `details.items`.
fn longest(audits: &Value, id: &str) -> Option<f64> {
    audits[id]["details"]["items"]
        .as_array()?
        .iter()
        .filter_map(|i| num(&i["duration"]))
        .reduce(f64::max)
}

/// One run's figures from a Lighthouse JSON report (the LHR); an error if Lighthouse
/// says the run failed (`runtimeError`) or the text is not a report.
pub fn parse(json: &str) -> Result<Run, String> {
    let lhr: Value =
        serde_json::from_str(json).map_err(|e| format!("not a Lighthouse JSON report: {e}"))?;
    if !lhr["categories"].is_object() || !lhr["audits"].is_object() {
        return Err("not a Lighthouse JSON report (no categories or audits)".into());
    }
    if let Some(err) = lhr.get("runtimeError").filter(|e| !e.is_null()) {
        return Err(format!(
            "Lighthouse could not measure the page: {} ({})",
            err["message"].as_str().unwrap_or("?"),
            err["code"].as_str().unwrap_or("?")
        ));
    }
    let cats = &lhr["categories"];
    let audits = &lhr["audits"];
    let mut failing: Vec<String> = Vec::new();
    for cat in AUDITED {
        for r in cats[cat]["auditRefs"].as_array().into_iter().flatten() {
            let Some(id) = r["id"].as_str() else { continue };
            let a = &audits[id];
            let scored = matches!(a["scoreDisplayMode"].as_str(), Some("binary" | "numeric"));
            if scored
                && num(&a["score"]).is_some_and(|s| s < 1.0)
                && !failing.iter().any(|f| f == id)
            {
                failing.push(id.to_string());
            }
        }
    }
    Ok(Run {
        performance: num(&cats["performance"]["score"]),
        accessibility: num(&cats["accessibility"]["score"]),
        best_practices: num(&cats["best-practices"]["score"]),
        seo: num(&cats["seo"]["score"]),
        tbt: num(&audits["total-blocking-time"]["numericValue"]),
        longest_task: longest(audits, "long-tasks"),
        longest_observed: longest(audits, "main-thread-tasks"),
        failing,
        warnings: lhr["runWarnings"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|w| Some(w.as_str()?.split_whitespace().collect::<Vec<_>>().join(" ")))
            .collect(),
        benchmark_index: num(&lhr["environment"]["benchmarkIndex"]),
    })
}

/// The report's facts about the run itself (version, browser, throttling).
fn describe(json: &str, chrome_flags: &str) -> Report {
    let lhr: Value = serde_json::from_str(json).unwrap_or_default();
    let t = &lhr["configSettings"]["throttling"];
    let browser = lhr["environment"]["hostUserAgent"]
        .as_str()
        .and_then(|ua| ua.split_whitespace().find(|p| p.contains("Chrome/")))
        .unwrap_or("?")
        .to_string();
    Report {
        version: lhr["lighthouseVersion"].as_str().unwrap_or("?").to_string(),
        browser,
        throttling: (
            num(&t["rttMs"]).unwrap_or(f64::NAN),
            num(&t["throughputKbps"]).unwrap_or(f64::NAN),
            num(&t["cpuSlowdownMultiplier"]).unwrap_or(f64::NAN),
        ),
        chrome_flags: chrome_flags.to_string(),
        pages: Vec::new(),
    }
}

/// A running Lighthouse in its own process group (with the Chromium it started),
/// ended on drop; and the files its output goes to, removed on drop.
struct Running {
    child: Option<Child>,
    out: PathBuf,
    err: PathBuf,
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            kill_group(&mut child);
        }
        let _ = std::fs::remove_file(&self.out);
        let _ = std::fs::remove_file(&self.err);
    }
}

/// One Lighthouse run on `url`: the JSON report's text.
async fn run_once(
    lighthouse: &Path,
    chromium: &str,
    flags: &str,
    url: &str,
) -> Result<String, String> {
    let tmp = std::env::temp_dir();
    let stem = format!("jinyi-bench-lighthouse-{}", std::process::id());
    let mut running = Running {
        child: None,
        out: tmp.join(format!("{stem}.json")),
        err: tmp.join(format!("{stem}.log")),
    };
    let file = |p: &Path| std::fs::File::create(p).map_err(|e| format!("{}: {e}", p.display()));
    let child = Command::new(lighthouse)
        .arg(url)
        .args(["--quiet", "--output=json", "--output-path=stdout"])
        .arg(format!("--only-categories={CATEGORIES}"))
        .arg(format!("--chrome-flags={flags}"))
        .env("CHROME_PATH", chromium)
        .stdin(Stdio::null())
        .stdout(file(&running.out)?)
        .stderr(file(&running.err)?)
        .process_group(0)
        .spawn()
        .map_err(|e| {
            format!(
                "cannot start Lighthouse ({}): {e}; run scripts/setup.sh (npm ci) or set LIGHTHOUSE",
                lighthouse.display()
            )
        })?;
    let child = running.child.insert(child);
    let deadline = Instant::now() + RUN_TIMEOUT;
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            break status;
        }
        if Instant::now() > deadline {
            return Err(format!(
                "Lighthouse on {url} took more than {RUN_TIMEOUT:?}"
            ));
        }
        tokio::time::sleep(POLL).await;
    };
    running.child = None;
    let log = std::fs::read_to_string(&running.err).unwrap_or_default();
    if !status.success() {
        let tail: Vec<&str> = log.lines().rev().take(15).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        return Err(format!(
            "Lighthouse on {url} failed ({status}):\n{}",
            tail.join("\n")
        ));
    }
    std::fs::read_to_string(&running.out)
        .map_err(|e| format!("reading Lighthouse's report {}: {e}", running.out.display()))
}

/// `RUNS` runs of each page on the bench server at `base` (`http://…/`), pages
/// interleaved. `lighthouse` is its binary, `chromium` the browser it must use; `extra`
/// are Chromium switches beyond headless and no sandbox.
pub async fn measure(
    lighthouse: &Path,
    chromium: &str,
    extra: &[&str],
    base: &str,
) -> Result<Report, String> {
    if !Path::new(chromium).is_file() {
        return Err(format!(
            "Chromium not found at {chromium} (Lighthouse must use it; set CHROMIUM)"
        ));
    }
    let flags = ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage"]
        .iter()
        .chain(extra)
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    let mut pages = vec![
        Page {
            label: "default".into(),
            query: String::new(),
            runs: Vec::new(),
        },
        Page {
            label: format!("platform {PLATFORM}"),
            query: format!("?platform={}", encode(PLATFORM)),
            runs: Vec::new(),
        },
    ];
    let mut report = None;
    for round in 0..RUNS {
        for page in &mut pages {
            eprintln!(
                "bench: Lighthouse, {} page, run {}/{RUNS}",
                page.label,
                round + 1
            );
            let url = format!("{base}{}", page.query);
            let json = run_once(lighthouse, chromium, &flags, &url).await?;
            let run = parse(&json).map_err(|e| format!("Lighthouse on {url}: {e}"))?;
            report.get_or_insert_with(|| describe(&json, &flags));
            page.runs.push(run);
        }
    }
    let mut report = report.ok_or("Lighthouse made no run")?;
    report.pages = pages;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tiny hand-made report with the parts `parse` reads.
    const SAMPLE: &str = r#"{
      "lighthouseVersion": "12.2.3",
      "runWarnings": ["The page loaded too slowly."],
      "environment": { "benchmarkIndex": 1950,
        "hostUserAgent": "Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/148.0.0.0 Safari/537.36" },
      "configSettings": { "throttling": { "rttMs": 150, "throughputKbps": 1638.4, "cpuSlowdownMultiplier": 4 } },
      "categories": {
        "performance": { "score": 0.83, "auditRefs": [{ "id": "total-blocking-time" }] },
        "accessibility": { "score": 0.96, "auditRefs": [{ "id": "target-size" }, { "id": "image-alt" }, { "id": "manual-check" }] },
        "best-practices": { "score": 1, "auditRefs": [{ "id": "errors-in-console" }, { "id": "not-applicable" }] },
        "seo": { "score": 0.9, "auditRefs": [{ "id": "crawlable-anchors" }, { "id": "target-size" }] }
      },
      "audits": {
        "total-blocking-time": { "score": 0.2, "scoreDisplayMode": "numeric", "numericValue": 453.5 },
        "long-tasks": { "score": 1, "scoreDisplayMode": "informative",
          "details": { "items": [{ "duration": 250 }, { "duration": 217 }] } },
        "main-thread-tasks": { "score": 1, "scoreDisplayMode": "informative",
          "details": { "items": [{ "duration": 21.1 }, { "duration": 108.4 }, { "duration": 62.7 }] } },
        "target-size": { "score": 0, "scoreDisplayMode": "binary" },
        "image-alt": { "score": 1, "scoreDisplayMode": "binary" },
        "manual-check": { "score": 0, "scoreDisplayMode": "manual" },
        "errors-in-console": { "score": 1, "scoreDisplayMode": "binary" },
        "not-applicable": { "score": null, "scoreDisplayMode": "notApplicable" },
        "crawlable-anchors": { "score": 0, "scoreDisplayMode": "binary" }
      }
    }"#;

    #[test]
    fn parses_a_report() {
        let run = parse(SAMPLE).unwrap();
        assert_eq!(run.performance, Some(0.83));
        assert_eq!(run.accessibility, Some(0.96));
        assert_eq!(run.best_practices, Some(1.0));
        assert_eq!(run.seo, Some(0.9));
        assert_eq!(run.tbt, Some(453.5));
        assert_eq!(run.longest_task, Some(250.0));
        assert_eq!(run.longest_observed, Some(108.4));
        // Manual and not-applicable audits are not failures; an audit in two
        // categories is listed once.
        assert_eq!(run.failing, ["target-size", "crawlable-anchors"]);
        assert_eq!(run.warnings, ["The page loaded too slowly."]);
        assert_eq!(run.benchmark_index, Some(1950.0));
        let r = describe(SAMPLE, "--headless=new");
        assert_eq!(r.version, "12.2.3");
        assert_eq!(r.browser, "HeadlessChrome/148.0.0.0");
        assert_eq!(r.throttling, (150.0, 1638.4, 4.0));
    }

    #[test]
    fn no_long_tasks_and_failed_runs() {
        let quiet = SAMPLE.replace(r#"[{ "duration": 250 }, { "duration": 217 }]"#, "[]");
        assert_eq!(parse(&quiet).unwrap().longest_task, None);
        let failed = SAMPLE.replacen(
            "\"runWarnings\"",
            r#""runtimeError": { "code": "NO_FCP", "message": "No paint" }, "runWarnings""#,
            1,
        );
        assert!(parse(&failed).unwrap_err().contains("NO_FCP"));
        assert!(parse("{}").is_err());
        assert!(parse("not json").is_err());
    }

    #[test]
    fn encodes_the_platform() {
        assert_eq!(encode("金义湖"), "%E9%87%91%E4%B9%89%E6%B9%96");
        assert_eq!(encode("a-b_c.d~e f"), "a-b_c.d~e%20f");
    }
}
