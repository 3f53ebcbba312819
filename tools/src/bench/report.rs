//! The benchmark's one table (markdown), with the machine it ran on, the budgets'
//! verdicts and footnotes saying how each figure was measured.

use crate::browser::{median, Fetched, Latency, Visit};
use crate::native::{Core, PLATFORM, QUERY_LONG, QUERY_PINYIN, QUERY_SHORT};
use crate::sizes::Sizes;
use crate::webdriver::Session;
use crate::{SCALE, WARMUP_VISITS as WARMUP};
use std::fmt::Write;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Budget: everything a first visit fetches, brotli, in bytes (60 kB, 1 kB = 1000 B).
const BUDGET_BROTLI: usize = 60_000;
/// The stretch goal for the same.
const STRETCH_BROTLI: usize = 50_000;
/// Budget: at 4× CPU, the app interactive at most this times the plain-JS page's load end.
const BUDGET_THROTTLED_RATIO: f64 = 1.3;
/// Budget: the app's FCP at most this times the static page's.
const BUDGET_FCP_RATIO: f64 = 1.2;
/// Budget: one frame at 60 Hz, in ms.
const BUDGET_FRAME_MS: f64 = 16.0;

/// Page indexes in `Input::visits` / `Input::files`.
const APP: usize = 0;
const STATIC: usize = 1;
const PLAIN: usize = 2;
const STATIC_BIG: usize = 3;
const PLAIN_BIG: usize = 4;

/// Where the figures were measured.
pub struct Machine {
    pub cpu: String,
    pub cores: usize,
    pub memory: String,
    pub os: String,
    pub chromium: String,
    pub chromedriver: String,
    pub rustc: String,
    pub date: String,
    /// 1-minute load average at the start and at the end of the run.
    pub load: (String, String),
}

/// The 1-minute load average (`/proc/loadavg`).
pub fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "?".into())
}

fn first_line_value(file: &str, key: &str) -> Option<String> {
    std::fs::read_to_string(file).ok()?.lines().find_map(|l| {
        let (k, v) = l.split_once([':', '='])?;
        (k.trim() == key).then(|| v.trim().trim_matches('"').to_string())
    })
}

/// `YYYY-MM-DD HH:MM UTC` from the system clock.
fn utc_now() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs()) as i64;
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02} UTC",
        rem / 3600,
        rem % 3600 / 60
    )
}

impl Machine {
    pub fn describe(session: &Session, load_at_start: String) -> Machine {
        let memory = first_line_value("/proc/meminfo", "MemTotal")
            .and_then(|v| v.split_whitespace().next()?.parse::<f64>().ok())
            .map_or("?".into(), |kib| {
                format!("{:.0} GiB RAM", kib / 1024.0 / 1024.0)
            });
        let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default();
        let rustc = std::process::Command::new(std::env::var("RUSTC").unwrap_or("rustc".into()))
            .arg("-V")
            .output()
            .ok()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "rustc ?".into());
        Machine {
            cpu: first_line_value("/proc/cpuinfo", "model name").unwrap_or_else(|| "?".into()),
            cores: std::thread::available_parallelism().map_or(0, |n| n.get()),
            memory,
            os: format!(
                "{}, Linux {}",
                first_line_value("/etc/os-release", "PRETTY_NAME").unwrap_or_else(|| "?".into()),
                kernel.trim()
            ),
            chromium: session.browser_version.clone(),
            chromedriver: session.driver_version.clone(),
            rustc,
            date: utc_now(),
            load: (load_at_start, loadavg()),
        }
    }
}

/// A fetched file and its sizes.
pub struct File {
    pub fetched: Fetched,
    pub sizes: Sizes,
}

/// Everything the table shows.
pub struct Input {
    pub machine: Machine,
    pub runs: usize,
    /// The core natively: the article, then the 100× corpus.
    pub core: [Core; 2],
    /// Per page (app, static, plain, static 100×, plain 100×): the counted visits.
    pub visits: Vec<Vec<Visit>>,
    /// Per throttle (`browser::THROTTLES`), per page (app, static, plain): the visits.
    pub throttled: Vec<Vec<Vec<Visit>>>,
    /// Per page: the files its first counted visit fetched.
    pub files: Vec<Vec<File>>,
    pub elapsed: Duration,
}

fn kb(bytes: usize) -> String {
    let k = bytes as f64 / 1000.0;
    if k < 10.0 {
        format!("{k:.2}")
    } else {
        format!("{k:.1}")
    }
}

fn ms(v: f64) -> String {
    if v.is_nan() {
        "—".into()
    } else if v < 1.0 {
        format!("{v:.3} ms")
    } else if v < 10.0 {
        format!("{v:.2} ms")
    } else {
        format!("{v:.1} ms")
    }
}

fn verdict(ok: bool) -> &'static str {
    if ok {
        "**PASS**"
    } else {
        "**FAIL**"
    }
}

fn kind(name: &str) -> &'static str {
    match name.rsplit('.').next().unwrap_or_default() {
        "html" => "document",
        "css" => "stylesheet",
        "js" => "script",
        "wasm" => "wasm",
        _ => "other",
    }
}

/// Medians of some interactions: the whole frame, and each part on its own.
#[derive(Debug, Clone, Copy)]
struct Split {
    total: f64,
    script: f64,
    layout: f64,
    paint: f64,
}

fn split(samples: &[Latency]) -> Split {
    let m = |f: fn(&Latency) -> f64| median(samples.iter().map(f).collect());
    Split {
        total: m(|l| l.paint),
        script: m(|l| l.script),
        layout: m(|l| l.layout - l.script),
        paint: m(|l| l.paint - l.layout),
    }
}

struct Table(String);

impl Table {
    fn row(&mut self, cells: &[&str]) {
        let _ = writeln!(self.0, "| {} |", cells.join(" | "));
    }
}

pub fn render(input: &Input) -> String {
    let m = &input.machine;
    let visits = &input.visits;
    let med = |page: usize, f: &dyn Fn(&Visit) -> Option<f64>| {
        median(visits[page].iter().filter_map(f).collect())
    };
    let fcp = |p: usize| med(p, &|v| Some(v.fcp));
    let dcl = |p: usize| med(p, &|v| Some(v.dcl));
    let interactive = |p: usize| med(p, &|v| v.interactive);
    let cls = |p: usize| med(p, &|v| Some(v.cls));
    let clicks = |p: usize| {
        split(
            &visits[p]
                .iter()
                .flat_map(|v| v.filter.iter().copied())
                .collect::<Vec<_>>(),
        )
    };
    let keys = |p: usize| {
        split(
            &visits[p]
                .iter()
                .flat_map(|v| v.search.iter().copied())
                .collect::<Vec<_>>(),
        )
    };
    let lat_cell = |s: Split| {
        format!(
            "{} (script {} · style+layout {} · paint {})",
            ms(s.total),
            ms(s.script),
            ms(s.layout),
            ms(s.paint)
        )
    };

    let mut t = Table(String::new());
    t.row(&[
        "Area",
        "Measure",
        "(a) app",
        "(b) static HTML",
        "(c) plain JS",
        "Budget",
        "Result",
    ]);
    t.row(&["---"; 7]);

    // --- Transfer sizes ---------------------------------------------------------
    let mut verdicts: Vec<(String, bool)> = Vec::new();
    for k in ["document", "stylesheet", "script", "wasm", "other"] {
        let cells: Vec<String> = (APP..=PLAIN)
            .map(|p| {
                let files: Vec<String> = input.files[p]
                    .iter()
                    .filter(|f| kind(&f.fetched.name) == k)
                    .map(|f| {
                        format!(
                            "`{}` {} / {} / {}",
                            f.fetched.name,
                            kb(f.sizes.raw),
                            kb(f.sizes.gzip),
                            kb(f.sizes.brotli)
                        )
                    })
                    .collect();
                if files.is_empty() {
                    "—".into()
                } else {
                    files.join("<br>")
                }
            })
            .collect();
        if cells.iter().all(|c| c == "—") {
            continue;
        }
        let area = if k == "document" {
            "Transfer, first visit¹"
        } else {
            ""
        };
        t.row(&[
            area,
            &format!("{k}: raw / gzip / br (kB)"),
            &cells[0],
            &cells[1],
            &cells[2],
            "",
            "",
        ]);
    }
    let totals: Vec<Sizes> = (APP..=PLAIN)
        .map(|p| {
            input.files[p]
                .iter()
                .fold(Sizes::default(), |acc, f| acc + f.sizes)
        })
        .collect();
    let total_cell = |s: &Sizes| {
        format!(
            "**{} / {} / {}** ({} B br)",
            kb(s.raw),
            kb(s.gzip),
            kb(s.brotli),
            s.brotli
        )
    };
    let size_ok = totals[APP].brotli <= BUDGET_BROTLI;
    verdicts.push(("transfer ≤ 60 kB brotli".into(), size_ok));
    verdicts.push((
        "stretch: transfer ≤ 50 kB brotli".into(),
        totals[APP].brotli <= STRETCH_BROTLI,
    ));
    t.row(&[
        "",
        "**total** raw / gzip / br (kB)",
        &total_cell(&totals[APP]),
        &total_cell(&totals[STATIC]),
        &total_cell(&totals[PLAIN]),
        "(a) ≤ 60 kB br (stretch ≤ 50)",
        verdict(size_ok),
    ]);
    let served: Vec<String> = (APP..=PLAIN)
        .map(|p| {
            let n: u64 = input.files[p].iter().map(|f| f.fetched.encoded).sum();
            format!("{} kB", kb(n as usize))
        })
        .collect();
    t.row(&[
        "",
        "as served (body bytes on the wire, Resource Timing)",
        &served[0],
        &served[1],
        &served[2],
        "",
        "",
    ]);

    // --- First visit ----------------------------------------------------------------
    let fcp_limit = fcp(STATIC) * BUDGET_FCP_RATIO;
    let fcp_ok = fcp(APP) <= fcp_limit;
    verdicts.push(("app FCP ≤ 1.2 × static FCP".into(), fcp_ok));
    t.row(&[
        &format!("First visit² (median of {})", input.runs),
        "first contentful paint",
        &ms(fcp(APP)),
        &ms(fcp(STATIC)),
        &ms(fcp(PLAIN)),
        &format!("(a) ≤ 1.2 × (b) = {}", ms(fcp_limit)),
        verdict(fcp_ok),
    ]);
    t.row(&[
        "",
        "document parsed (`DOMContentLoaded` end)",
        &ms(dcl(APP)),
        &ms(dcl(STATIC)),
        &ms(dcl(PLAIN)),
        "",
        "",
    ]);
    t.row(&[
        "",
        "interactive (`app-interactive` mark)",
        &ms(interactive(APP)),
        "n/a (no script)",
        &ms(interactive(PLAIN)),
        "",
        "",
    ]);
    t.row(&[
        "",
        "CLS (load, no input)",
        &format!("{:.4}", cls(APP)),
        &format!("{:.4}", cls(STATIC)),
        &format!("{:.4}", cls(PLAIN)),
        "",
        "",
    ]);

    // --- Throttled --------------------------------------------------------------------
    for (th, visits) in crate::browser::THROTTLES.iter().zip(&input.throttled) {
        let med = |page: usize, f: &dyn Fn(&Visit) -> Option<f64>| {
            median(visits[page].iter().filter_map(f).collect())
        };
        let fcp = |p: usize| med(p, &|v| Some(v.fcp));
        let inter = |p: usize| med(p, &|v| v.interactive);
        let click = |p: usize| {
            let all: Vec<Latency> = visits[p]
                .iter()
                .flat_map(|v| v.filter.iter().copied())
                .collect();
            split(&all).total
        };
        let area = format!("Throttled⁶: {} (median of {})", th.label, visits[APP].len());
        t.row(&[
            &area,
            "first contentful paint",
            &ms(fcp(APP)),
            &ms(fcp(STATIC)),
            &ms(fcp(PLAIN)),
            "",
            "",
        ]);
        let limit = inter(PLAIN) * BUDGET_THROTTLED_RATIO;
        let (budget, result) = if th.network.is_none() {
            let ok = inter(APP) <= limit;
            verdicts.push((format!("interactive at {} ≤ 1.3 × plain JS", th.label), ok));
            (
                format!("(a) ≤ 1.3 × (c) = {}", ms(limit)),
                verdict(ok).to_string(),
            )
        } else {
            (String::new(), String::new())
        };
        t.row(&[
            "",
            "interactive (app: `app-interactive`; plain JS: its load end)",
            &format!("{} ({:.2}× (c))", ms(inter(APP)), inter(APP) / inter(PLAIN)),
            "n/a (no script)",
            &ms(inter(PLAIN)),
            &budget,
            &result,
        ]);
        t.row(&[
            "",
            "filter click → next paint",
            &ms(click(APP)),
            "n/a (no script)",
            &ms(click(PLAIN)),
            "",
            "",
        ]);
    }

    // --- Interactions -----------------------------------------------------------------
    for (what, lat, key) in [
        (
            format!("filter click ({PLATFORM}, on and off) → next paint"),
            &clicks as &dyn Fn(usize) -> Split,
            "filter click",
        ),
        (
            format!(
                "search keystroke (“{}” → “{QUERY_SHORT}”) → next paint",
                { QUERY_SHORT.chars().next().unwrap_or_default() }
            ),
            &keys,
            "search keystroke",
        ),
    ] {
        let (app, plain) = (lat(APP), lat(PLAIN));
        let frame = app.total <= BUDGET_FRAME_MS;
        let vs = app.total <= plain.total;
        verdicts.push((format!("{key} ≤ 16 ms"), frame));
        verdicts.push((format!("{key} no worse than plain JS"), vs));
        t.row(&[
            if key == "filter click" {
                "Interaction³ (median)"
            } else {
                ""
            },
            &what,
            &lat_cell(app),
            "n/a (no script)",
            &lat_cell(plain),
            "(a) ≤ 16 ms and ≤ (c)",
            &format!("{} / {}", verdict(frame), verdict(vs)),
        ]);
    }

    // --- Scale ------------------------------------------------------------------------
    let [one, big] = &input.core;
    let core_row =
        |t: &mut Table, area: &str, what: String, f: fn(&Core) -> f64, budget: &str, res: &str| {
            t.row(&[
                area,
                &what,
                &format!("{} (1×: {})", ms(f(big)), ms(f(one))),
                "—",
                "—",
                budget,
                res,
            ]);
        };
    core_row(
        &mut t,
        &format!("Scale {SCALE}× ({} blocks)⁴", big.blocks),
        "core, native: `SearchIndex::for_article` (with the readings)".into(),
        |c| c.index_new,
        "",
        "",
    );
    let key_ok = big.search_short <= BUDGET_FRAME_MS;
    verdicts.push(("core search keystroke at 100× ≤ 16 ms".into(), key_ok));
    core_row(
        &mut t,
        "",
        format!(
            "core, native: search keystroke “{QUERY_SHORT}” (`filter::apply`; {} blocks match)",
            big.matches[1]
        ),
        |c| c.search_short,
        "≤ 16 ms at 100×",
        verdict(key_ok),
    );
    core_row(
        &mut t,
        "",
        format!(
            "core, native: search “{QUERY_LONG}” ({} blocks match)",
            big.matches[2]
        ),
        |c| c.search_long,
        "",
        "",
    );
    core_row(
        &mut t,
        "",
        format!(
            "core, native: pinyin by initials “{QUERY_PINYIN}” ({} blocks match)",
            big.matches[3]
        ),
        |c| c.search_pinyin,
        "",
        "",
    );
    core_row(
        &mut t,
        "",
        format!(
            "core, native: facet only, platform {PLATFORM} ({} blocks match)",
            big.matches[0]
        ),
        |c| c.facet_only,
        "",
        "",
    );
    let not_measured = "not measured⁵";
    t.row(&[
        "",
        "browser: first contentful paint",
        not_measured,
        &ms(fcp(STATIC_BIG)),
        &ms(fcp(PLAIN_BIG)),
        "",
        "",
    ]);
    t.row(&[
        "",
        "browser: interactive",
        not_measured,
        "n/a",
        &ms(interactive(PLAIN_BIG)),
        "",
        "",
    ]);
    t.row(&[
        "",
        "browser: filter click → next paint",
        not_measured,
        "n/a",
        &lat_cell(clicks(PLAIN_BIG)),
        "report",
        "",
    ]);
    t.row(&[
        "",
        "browser: search keystroke → next paint",
        not_measured,
        "n/a",
        &lat_cell(keys(PLAIN_BIG)),
        "report",
        "",
    ]);

    // --- The document ---------------------------------------------------------------------
    let mut o = String::new();
    let _ = writeln!(o, "# Benchmarks\n");
    let _ = writeln!(
        o,
        "Latest `make bench` ({}, {:.0} s in all). Every figure below comes from that one run.\n",
        m.date,
        input.elapsed.as_secs_f64()
    );
    let _ = writeln!(
        o,
        "**Machine:** {} core(s) of {}, {}; {}; 1-minute load average {} at the start and \
         {} at the end of the run (above the core count, other work competed for the CPU and \
         the timings are slower and noisier than on an idle machine). **Browser:** headless \
         Chromium {} (chromedriver {}), over loopback. **Native:** {}, the workspace's release \
         profile (opt-level \"z\", fat LTO: set in Cargo.toml for the wasm's size, so native figures are not opt-level 3).\n",
        m.cores, m.cpu, m.memory, m.os, m.load.0, m.load.1, m.chromium, m.chromedriver, m.rustc
    );
    o.push_str(&t.0);
    let passed = verdicts.iter().filter(|v| v.1).count();
    let _ = writeln!(
        o,
        "\n**Budgets:** {passed} of {} pass. {}\n",
        verdicts.len(),
        verdicts
            .iter()
            .map(|(what, ok)| format!("{what}: {}", if *ok { "PASS" } else { "FAIL" }))
            .collect::<Vec<_>>()
            .join("; ")
    );

    // What dominates the browser figures.
    let part = |s: Split| {
        let parts = [
            ("script", s.script),
            ("style+layout", s.layout),
            ("paint", s.paint),
        ];
        let (name, v) = parts
            .iter()
            .copied()
            .fold(("", f64::MIN), |a, b| if b.1 > a.1 { b } else { a });
        format!(
            "{} — largest part: {name} ({:.0}%)",
            ms(s.total),
            100.0 * v / s.total.max(1e-9)
        )
    };
    let _ = writeln!(
        o,
        "**What dominates the interaction figures** (medians of each part of the frame):\n"
    );
    let _ = writeln!(
        o,
        "- (a) app: filter click {}; search keystroke {}. The core's `filter::apply` for \
         these states takes {} / {} natively; the rest of the app's script time is the diff \
         of the view, the DOM calls through the JS glue and the URL write.",
        part(clicks(APP)),
        part(keys(APP)),
        ms(one.facet_only),
        ms(one.search_short)
    );
    let _ = writeln!(
        o,
        "- (c) plain JS: filter click {}; search keystroke {}.",
        part(clicks(PLAIN)),
        part(keys(PLAIN))
    );
    let _ = writeln!(
        o,
        "- (c) plain JS at {SCALE}×: filter click {}; search keystroke {}. The core needs {} natively for that keystroke at {SCALE}×.",
        part(clicks(PLAIN_BIG)),
        part(keys(PLAIN_BIG)),
        ms(big.search_short)
    );
    let counts = |p: usize| {
        visits[p]
            .first()
            .and_then(|v| v.counts.clone())
            .unwrap_or_else(|| ("?".into(), "?".into()))
    };
    let (ac, pc, bc) = (counts(APP), counts(PLAIN), counts(PLAIN_BIG));
    let _ = writeln!(
        o,
        "- Same work check (`data-result-count` after the click / after the keystroke): app {} / {}, plain JS {} / {}, plain JS {SCALE}× {} / {}.\n",
        ac.0, ac.1, pc.0, pc.1, bc.0, bc.1
    );
    let cached: usize = visits
        .iter()
        .flatten()
        .flat_map(|v| &v.fetched)
        .filter(|f| f.transfer == 0)
        .count();

    let _ = writeln!(o, "**How it is measured**\n");
    let _ = writeln!(
        o,
        "1. Every file the first visit fetched, as the page's own Resource Timing lists it \
         (`navigation` + `resource` entries), read back from the served folder and compressed \
         in-process: gzip level 9 (`flate2`), brotli quality 11 / window 22 (`brotli`). \
         1 kB = 1000 B. \"As served\" is what actually crossed loopback (the server picks the \
         `.br` sibling). Page (a) is a copy of `dist/`; (b) is the built page itself with its \
         scripts and Wasm preloads taken out, and (c) the same plus \
         `tools/src/bench/baseline.js`, a small hand-written plain-JS filter (baseline only, \
         never shipped): same markup, words and stylesheet (`tools/src/bench/pages.rs`)."
    );
    let _ = writeln!(
        o,
        "2. One headless Chromium tab and profile for the whole run, HTTP cache disabled through \
         the DevTools protocol (`Network.setCacheDisabled`), `about:blank` before each visit; \
         {} counted visit(s) per page after {WARMUP} warm-up round, pages interleaved. \
         {cached} of all fetches came from a cache (0 expected). \
         FCP: the `first-contentful-paint` paint entry, which Chromium stamps with the frame's \
         presentation time; headless software compositing puts that well after the document \
         is parsed even with no script at all ((b): {} from `DOMContentLoaded` to FCP), for \
         every page alike. All three documents are the same page the build rendered. \
         Interactive: the `app-interactive` `performance.mark` (the app sets it once it has \
         adopted the page and applied the URL; `baseline.js` at its end). CLS: sum of `layout-shift` entries \
         without recent input (buffered observer), read 300 ms after the page is ready, before \
         any interaction. Window 1280×900, `--lang=zh-CN` (so the app picks its Chinese \
         interface, as on (b) and (c)).",
        input.runs,
        ms(fcp(STATIC) - dcl(STATIC))
    );
    let _ = writeln!(
        o,
        "3. In the page, at the start of a frame (inside a `requestAnimationFrame` callback): \
         `t0 = performance.now()`, then `click()` on \
         `button[data-facet=platform][data-value={PLATFORM}]` (once on, once off per visit), or \
         the search box's value set and an `input` event dispatched (one keystroke per visit, \
         “{}” → “{QUERY_SHORT}”). *Script* ends where a second callback of the same frame \
         runs (the handlers and the microtasks they queued are done); *style+layout* ends where a `ResizeObserver` fires in that frame; \
         *paint* ends where a `setTimeout(0)` posted from the first callback runs, i.e. after \
         the frame's main-thread work (rasterising and compositing on other threads are not \
         included). The figure is therefore the main-thread work from the event to the \
         updated DOM being painted. Each part's median is taken on its own, so the parts need \
         not add up to the total's median. A real input arrives at a random time and first waits \
         for the next frame (0–16.7 ms at 60 Hz), which is not counted. Chromium runs with \
         its normal 60 Hz frame clock.",
        QUERY_SHORT.chars().next().unwrap_or_default()
    );
    let _ = writeln!(
        o,
        "4. The synthetic corpus is {SCALE} copies of the article's sections and blocks (ids \
         suffixed), generated by the bench at run time, never checked in. Native: median of 51 \
         timed runs after 5 warm-ups, in the bench binary; the same cases run under criterion \
         with `cargo bench -p jinyi-core` (`core/benches/scale.rs`). A keystroke is one \
         `filter::apply` with the new query (search with pinyin, per-block matches, facet \
         counts), which is what the app runs per keystroke before rendering."
    );
    let _ = writeln!(
        o,
        "5. The app embeds the one real article in its wasm at build time, so a {SCALE}× app \
         would need a special build; its {SCALE}× browser figures are not measured. What they \
         would be made of is measured: the core's keystroke at {SCALE}× ({} natively; wasm is \
         slower, not measured here) plus at least the DOM work the plain-JS {SCALE}× page shows \
         for {} blocks (style+layout dominate there).",
        ms(big.search_short),
        big.blocks
    );
    let _ = writeln!(
        o,
        "6. The same tab with the DevTools protocol's emulation: `Emulation.setCPUThrottlingRate` \
         4 (a phone's CPU), then also `Network.emulateNetworkConditions` with 150 ms latency and \
         1.6 Mbit/s down (a slow mobile network); pages (a), (b) and (c) of the real article, \
         {} counted visit(s) each after a warm-up round, cache disabled as above.",
        input.throttled.first().map_or(0, |v| v[APP].len())
    );
    o
}
