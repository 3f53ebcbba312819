//! `make bench`: one table of sizes and timings, every figure measured in this run.
//!
//! 1. The core natively (release build, median of 51 timed runs) on the real article
//!    and on a synthetic corpus of 100 copies of it (generated here, never saved).
//! 2. A bench site in a temp folder: a copy of `dist/` (the app, page (a)) plus pages
//!    rendered from the core's data: (b) `static.html`, the article as HTML with no
//!    script, and (c) `plain.html`, the same plus the hand-written `baseline.js`; and
//!    both again over the 100× corpus. Every html/js/wasm/css file gets `.gz`/`.br`
//!    siblings made in-process, and the dev server (`jinyi_devserver::spawn`, the
//!    one `make serve` runs) serves the folder on loopback with content negotiation.
//! 3. Headless Chromium through chromedriver (fantoccini, `chromium.rs`): repeated first
//!    visits of every page (cache disabled, interleaved), see `browser.rs`.
//! 4. Lighthouse (npm, `node_modules/.bin/lighthouse`) on the same server: the app's
//!    default page and the page filtered by one platform, 3 runs each (`lighthouse.rs`).
//!    If it cannot run, the bench fails.
//! 5. Transfer sizes of every file a first visit fetched (as the browser listed them).
//!
//! Prints the tables (markdown) to stdout and writes them to `<workspace>/BENCHMARKS.md`.
//! Options: `--runs N` (visits per page, default 7), `--out FILE`, `--no-write`,
//! `--lighthouse-only` (only step 4 on a copy of `dist/`; prints its table, writes nothing).
//! Environment: `DIST_DIR`, `CHROMEDRIVER`, `CHROMIUM` as for the browser tests,
//! `LIGHTHOUSE` (its binary).

mod browser;
mod chromium;
mod corpus;
mod lighthouse;
mod native;
mod pages;
mod report;
mod sizes;

use browser::{Spec, Visit};
use chromium::Chromium;
use jinyi_core::model::Article;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The synthetic corpus is this many copies of the article.
pub const SCALE: usize = 100;
/// First visits per page that are not counted (process start-up, font loading).
const WARMUP_VISITS: usize = 1;
/// Counted visits per page under each throttle.
const THROTTLED_RUNS: usize = 5;

/// Chromium's switches beyond the shared ones: the page language the app picks for its
/// interface (so it matches the Chinese comparison pages).
const CHROME_EXTRA_ARGS: &[&str] = &["--lang=zh-CN"];

struct Options {
    runs: usize,
    out: Option<PathBuf>,
    lighthouse_only: bool,
}

fn workspace_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("bench/ has a parent")
        .to_path_buf()
}

fn env_or(var: &str, default: &str) -> String {
    std::env::var(var)
        .ok()
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| default.to_string())
}

fn parse_args() -> Result<Options, String> {
    let mut opts = Options {
        runs: 7,
        out: Some(workspace_dir().join("BENCHMARKS.md")),
        lighthouse_only: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--runs" => {
                opts.runs = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .filter(|&n| n > 0)
                    .ok_or("--runs needs a positive number")?;
            }
            "--out" => opts.out = Some(args.next().ok_or("--out needs a file")?.into()),
            "--no-write" => opts.out = None,
            "--lighthouse-only" => opts.lighthouse_only = true,
            "-h" | "--help" => {
                println!("usage: bench [--runs N] [--out FILE | --no-write] [--lighthouse-only]");
                std::process::exit(0);
            }
            other => return Err(format!("unknown argument {other:?} (try --help)")),
        }
    }
    Ok(opts)
}

/// The bench site's folder, removed on drop.
struct Site(PathBuf);

impl Drop for Site {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Copy `from` into `to`, leaving out pre-compressed siblings (they are remade).
fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let name = entry.file_name();
        let text = name.to_string_lossy();
        let ty = entry.file_type()?;
        if ty.is_dir() {
            copy_tree(&entry.path(), &to.join(&name))?;
        } else if ty.is_file() && !text.ends_with(".br") && !text.ends_with(".gz") {
            std::fs::copy(entry.path(), to.join(&name))?;
        }
    }
    Ok(())
}

fn compress_tree(dir: &Path) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            compress_tree(&path)?;
        } else if sizes::compressible(&entry.file_name().to_string_lossy()) {
            sizes::write_siblings(&path)?;
        }
    }
    Ok(())
}

/// Builds the bench site: a copy of `dist/` and the comparison pages made from its page.
fn build_site(dist: &Path, real: Article, big: Article) -> Result<Site, String> {
    let dir = std::env::temp_dir().join(format!("jinyi-bench-site-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let site = Site(dir);
    let io = |e: std::io::Error| format!("building the bench site in {}: {e}", site.0.display());
    copy_tree(dist, &site.0).map_err(io)?;
    let index = std::fs::read_to_string(site.0.join("index.html")).map_err(io)?;
    let index_big = pages::scaled(&index, real, big)?;
    let pages = [
        ("static.html", &index, None, "static HTML, no script"),
        ("plain.html", &index, Some("./baseline.js"), "plain JS"),
        (
            "static-100x.html",
            &index_big,
            None,
            "static HTML, no script, 100×",
        ),
        (
            "plain-100x.html",
            &index_big,
            Some("./baseline.js"),
            "plain JS, 100×",
        ),
    ];
    for (name, page, script, what) in pages {
        let title = format!("Benchmark baseline ({what}) — 金义新区");
        std::fs::write(site.0.join(name), pages::from_built(page, &title, script)).map_err(io)?;
    }
    std::fs::write(site.0.join("baseline.js"), include_str!("baseline.js")).map_err(io)?;
    compress_tree(&site.0).map_err(io)?;
    Ok(site)
}

/// Visits every page of `specs` `rounds` times, interleaved, after `WARMUP_VISITS`
/// uncounted rounds; returns the counted visits per page.
async fn visit_all(
    session: &Chromium,
    base: &str,
    specs: &[Spec],
    rounds: usize,
    label: &str,
) -> Result<Vec<Vec<Visit>>, String> {
    let mut visits: Vec<Vec<Visit>> = vec![Vec::new(); specs.len()];
    for round in 0..WARMUP_VISITS + rounds {
        eprintln!(
            "bench: {label} visits, round {}/{}{}",
            round + 1,
            WARMUP_VISITS + rounds,
            if round < WARMUP_VISITS {
                " (warm-up, not counted)"
            } else {
                ""
            }
        );
        // Interleave the pages, starting each round with a different one.
        for k in 0..specs.len() {
            let i = (round + k) % specs.len();
            let v = browser::visit(session, base, &specs[i]).await?;
            if round >= WARMUP_VISITS {
                visits[i].push(v);
            }
        }
    }
    Ok(visits)
}

/// Every page's first visits at full speed, then the real article's three pages under
/// each throttle: `(visits, throttled)` as `report::Input` holds them.
async fn in_browser(
    session: &Chromium,
    base: &str,
    runs: usize,
) -> Result<(Vec<Vec<Visit>>, Vec<Vec<Vec<Visit>>>), String> {
    browser::disable_cache(session).await?;
    let specs = [
        ("", true),
        ("static.html", false),
        ("plain.html", true),
        ("static-100x.html", false),
        ("plain-100x.html", true),
    ]
    .map(|(path, scripted)| Spec {
        path: path.to_string(),
        scripted,
    });
    let visits = visit_all(session, base, &specs, runs, "first").await?;
    // The same three pages of the real article on a slower machine, then also on a slow
    // network (the CPU and network emulation of the DevTools protocol).
    let mut throttled = Vec::new();
    for t in &browser::THROTTLES {
        browser::throttle(session, Some(t)).await?;
        throttled.push(visit_all(session, base, &specs[..3], THROTTLED_RUNS, t.label).await?);
    }
    browser::throttle(session, None).await?;
    Ok((visits, throttled))
}

/// Lighthouse's runs on the bench server at `base` (`LIGHTHOUSE`, else the workspace's
/// `node_modules/.bin/lighthouse`; Chromium from `CHROMIUM`).
async fn run_lighthouse(ws: &Path, base: &str) -> Result<lighthouse::Report, String> {
    let binary = std::env::var_os("LIGHTHOUSE")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| ws.join("node_modules/.bin/lighthouse"));
    if !binary.is_file() {
        return Err(format!(
            "Lighthouse not found at {}: run scripts/setup.sh (npm ci) or set LIGHTHOUSE",
            binary.display()
        ));
    }
    let chromium = env_or("CHROMIUM", "/usr/bin/chromium");
    lighthouse::measure(&binary, &chromium, CHROME_EXTRA_ARGS, base)
        .await
        .map_err(|e| format!("Lighthouse failed: {e}"))
}

/// `--lighthouse-only`: a copy of `dist/` (with its `.gz`/`.br` siblings) served as in
/// the whole run, Lighthouse on it, its table printed.
async fn lighthouse_only(ws: &Path, dist: &Path) -> Result<(), String> {
    let dir = std::env::temp_dir().join(format!("jinyi-bench-lh-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let site = Site(dir);
    let io = |e: std::io::Error| format!("copying {} to {}: {e}", dist.display(), site.0.display());
    copy_tree(dist, &site.0).map_err(io)?;
    compress_tree(&site.0).map_err(io)?;
    let (addr, _server) = jinyi_devserver::spawn(site.0.clone(), "/")
        .map_err(|e| format!("cannot start the bench server: {e}"))?;
    let lh = run_lighthouse(ws, &format!("http://{addr}/")).await?;
    println!("{}", report::render_lighthouse(&lh));
    Ok(())
}

async fn run() -> Result<(), String> {
    let opts = parse_args()?;
    let started = Instant::now();
    let load_at_start = report::loadavg();
    let ws = workspace_dir();
    let dist = std::env::var_os("DIST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| ws.join("dist"));
    if !dist.join("index.html").is_file() {
        return Err(format!(
            "{} does not exist: build the site first (`make dist`) or set DIST_DIR",
            dist.join("index.html").display()
        ));
    }
    if opts.lighthouse_only {
        return lighthouse_only(&ws, &dist).await;
    }

    eprintln!("bench: core, natively …");
    let real = corpus::load(&ws.join("data"))?;
    let big = corpus::scaled(real, SCALE);
    let core = [native::measure(real), native::measure(big)];
    let mut readings = String::new();
    jinyi_core::codegen::pinyin_table(&mut readings, real.pinyin);
    let readings = sizes::measure(readings.as_bytes());

    eprintln!("bench: bench site and server …");
    let site = build_site(&dist, *real, *big)?;
    let (addr, _server) = jinyi_devserver::spawn(site.0.clone(), "/")
        .map_err(|e| format!("cannot start the bench server: {e}"))?;
    let base = format!("http://{addr}/");

    eprintln!("bench: Chromium …");
    let session = Chromium::start(
        &env_or("CHROMEDRIVER", "/usr/bin/chromedriver"),
        &env_or("CHROMIUM", "/usr/bin/chromium"),
        CHROME_EXTRA_ARGS,
    )
    .await?;
    // The session is closed (Chromium quits) whether or not the visits went well.
    let measured = in_browser(&session, &base, opts.runs).await;
    let machine = report::Machine::describe(&session, load_at_start);
    session.close().await;
    let (visits, throttled) = measured?;

    eprintln!("bench: Lighthouse …");
    let lighthouse = run_lighthouse(&ws, &base).await?;

    eprintln!("bench: sizes …");
    let mut fetched = Vec::new();
    for v in &visits {
        let files = v.first().map(|v| v.fetched.clone()).unwrap_or_default();
        let mut out = Vec::new();
        for f in files {
            let data = std::fs::read(site.0.join(&f.name))
                .map_err(|e| format!("reading fetched file {}: {e}", f.name))?;
            out.push(report::File {
                sizes: sizes::measure(&data),
                fetched: f,
            });
        }
        fetched.push(out);
    }

    let text = report::render(&report::Input {
        machine,
        runs: opts.runs,
        core,
        readings,
        visits,
        throttled,
        files: fetched,
        lighthouse,
        elapsed: started.elapsed(),
    });
    println!("{text}");
    if let Some(out) = opts.out {
        std::fs::write(&out, &text).map_err(|e| format!("writing {}: {e}", out.display()))?;
        eprintln!("bench: wrote {}", out.display());
    }
    Ok(())
}

// One thread is enough: the bench does one thing at a time, and the server runs on
// its own thread.
#[tokio::main(flavor = "current_thread")]
async fn main() {
    if let Err(e) = run().await {
        eprintln!("bench: {e}");
        std::process::exit(1);
    }
}
