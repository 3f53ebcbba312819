//! The benchmark's table (markdown), with the machine it ran on, the budgets'
//! verdicts and footnotes saying how each figure was measured. `render` puts together
//! the table's parts (`tables`: sizes, first visit, throttled, interactions, scale), the
//! Lighthouse table below it (`lighthouse`) and the text around them (`notes`).

mod lighthouse;
mod machine;
mod notes;
mod tables;

pub use machine::{loadavg, Machine};

use crate::browser::{median, Fetched, Latency, Visit};
use crate::native::Core;
use crate::sizes::Sizes;
use std::fmt::Write;
use std::time::Duration;

/// Budget: everything a first visit fetches, brotli, in bytes (75 kB, 1 kB = 1000 B).
const BUDGET_BROTLI: usize = 75_000;
/// The stretch goal for the same.
const STRETCH_BROTLI: usize = 65_000;
/// Budget: the Wasm alone, brotli, in bytes.
const BUDGET_WASM_BROTLI: usize = 50_000;
/// Budget: an interaction at most this times the plain-JS page's.
const BUDGET_INTERACTION_RATIO: f64 = 1.25;
/// Budget: at 4× CPU, the app interactive at most this times the plain-JS page's load end.
const BUDGET_THROTTLED_RATIO: f64 = 1.3;
/// Budget: the app's FCP at most this times the static page's.
const BUDGET_FCP_RATIO: f64 = 1.2;
/// Budget: one frame at 60 Hz, in ms.
const BUDGET_FRAME_MS: f64 = 16.7;

/// Page indexes in `Input::visits` / `Input::files`.
const APP: usize = 0;
const STATIC: usize = 1;
const PLAIN: usize = 2;
const STATIC_BIG: usize = 3;
const PLAIN_BIG: usize = 4;

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
    /// The generated source of the search's readings table (the Wasm embeds it).
    pub readings: crate::sizes::Sizes,
    /// Per page (app, static, plain, static 100×, plain 100×): the counted visits.
    pub visits: Vec<Vec<Visit>>,
    /// Per throttle (`browser::THROTTLES`), per page (app, static, plain): the visits.
    pub throttled: Vec<Vec<Vec<Visit>>>,
    /// Per page: the files its first counted visit fetched.
    pub files: Vec<Vec<File>>,
    /// Lighthouse's runs on the app's pages.
    pub lighthouse: crate::lighthouse::Report,
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

/// A cell with an interaction's total and its parts.
fn lat_cell(s: Split) -> String {
    format!(
        "{} (script {} · style+layout {} · paint {})",
        ms(s.total),
        ms(s.script),
        ms(s.layout),
        ms(s.paint)
    )
}

/// The medians over one set of visits per page (full speed, or one throttle).
struct Pages<'a>(&'a [Vec<Visit>]);

impl Pages<'_> {
    fn med(&self, page: usize, f: impl Fn(&Visit) -> Option<f64>) -> f64 {
        median(self.0[page].iter().filter_map(f).collect())
    }

    fn fcp(&self, p: usize) -> f64 {
        self.med(p, |v| Some(v.fcp))
    }

    fn dcl(&self, p: usize) -> f64 {
        self.med(p, |v| Some(v.dcl))
    }

    fn interactive(&self, p: usize) -> f64 {
        self.med(p, |v| v.interactive)
    }

    fn cls(&self, p: usize) -> f64 {
        self.med(p, |v| Some(v.cls))
    }

    /// The filter clicks (on and off) of every visit of page `p`.
    fn clicks(&self, p: usize) -> Split {
        split(
            &self.0[p]
                .iter()
                .flat_map(|v| v.filter.iter().copied())
                .collect::<Vec<_>>(),
        )
    }

    /// The search keystrokes of every visit of page `p`.
    fn keys(&self, p: usize) -> Split {
        split(
            &self.0[p]
                .iter()
                .flat_map(|v| v.search.iter().copied())
                .collect::<Vec<_>>(),
        )
    }
}

/// The markdown table being written, and the budgets' verdicts met on the way.
struct Table {
    text: String,
    verdicts: Vec<(String, bool)>,
}

impl Table {
    fn row(&mut self, cells: &[&str]) {
        let _ = writeln!(self.text, "| {} |", cells.join(" | "));
    }

    fn verdict(&mut self, what: impl Into<String>, ok: bool) {
        self.verdicts.push((what.into(), ok));
    }
}

pub fn render(input: &Input) -> String {
    let mut t = Table {
        text: String::new(),
        verdicts: Vec::new(),
    };
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
    tables::sizes(&mut t, input);
    tables::first_visit(&mut t, input);
    tables::throttled(&mut t, input);
    tables::interactions(&mut t, input);
    tables::scale(&mut t, input);
    let lighthouse = lighthouse::table(&mut t, &input.lighthouse);
    notes::document(input, t, &lighthouse)
}

/// The Lighthouse table alone, with its note (`bench --lighthouse-only`).
pub fn render_lighthouse(lh: &crate::lighthouse::Report) -> String {
    let mut t = Table {
        text: String::new(),
        verdicts: Vec::new(),
    };
    let text = lighthouse::table(&mut t, lh);
    format!("{text}\n{}\n", lighthouse::note(lh))
}
