//! The Lighthouse table, below the main one: per page, each run's scores, Total Blocking
//! Time, longest task and failing audits, then the budgets' verdicts for that page. Also
//! note 7, how Lighthouse ran.

use super::{ms, verdict, Table};
use crate::lighthouse::{Page, Report, Run, RUNS};
use std::fmt::Write;

/// Budget: every category's score, in every run (Lighthouse's 0–100).
const BUDGET_SCORE: u32 = 100;
/// Budget: Total Blocking Time in every run, ms.
const BUDGET_TBT_MS: f64 = 50.0;

/// A score as Lighthouse shows it: 0–100, rounded.
fn points(score: Option<f64>) -> Option<u32> {
    score.map(|s| (s * 100.0).round() as u32)
}

fn score_cell(score: Option<f64>) -> String {
    points(score).map_or("—".into(), |p| p.to_string())
}

/// The budgets, each with the figure it reads from a run and whether that passes.
type Check = (&'static str, String, fn(&Run) -> bool);

fn checks() -> [Check; 5] {
    let score = || format!("{BUDGET_SCORE}");
    [
        ("performance", score(), |r| {
            points(r.performance) == Some(BUDGET_SCORE)
        }),
        ("TBT", format!("≤ {BUDGET_TBT_MS:.0} ms"), |r| {
            r.tbt.is_some_and(|t| t <= BUDGET_TBT_MS)
        }),
        ("accessibility", score(), |r| {
            points(r.accessibility) == Some(BUDGET_SCORE)
        }),
        ("best practices", score(), |r| {
            points(r.best_practices) == Some(BUDGET_SCORE)
        }),
        ("SEO", score(), |r| points(r.seo) == Some(BUDGET_SCORE)),
    ]
}

/// How many of `page`'s runs pass `ok`, as a table cell with the verdict.
fn budget_cell(page: &Page, budget: &str, ok: fn(&Run) -> bool) -> (String, bool) {
    let passed = page.runs.iter().filter(|r| ok(r)).count();
    let all = passed == page.runs.len() && passed == RUNS;
    (
        format!(
            "{budget}: {} ({passed} of {})",
            verdict(all),
            page.runs.len()
        ),
        all,
    )
}

fn task_cell(r: &Run) -> String {
    let sim = r.longest_task.map_or("none ≥ 50 ms".into(), ms);
    match r.longest_observed {
        Some(o) => format!("{sim} (observed {})", ms(o)),
        None => sim,
    }
}

fn failing_cell(r: &Run) -> String {
    if r.failing.is_empty() {
        "none".into()
    } else {
        r.failing
            .iter()
            .map(|id| format!("`{id}`"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The table (markdown, with its heading line); records the budgets' verdicts in `t`
/// (one per budget, over every run of both pages).
pub(super) fn table(t: &mut Table, lh: &Report) -> String {
    let mut o = String::new();
    let indexes: Vec<f64> = lh
        .pages
        .iter()
        .flat_map(|p| &p.runs)
        .filter_map(|r| r.benchmark_index)
        .collect();
    let range = match (
        indexes.iter().copied().reduce(f64::min),
        indexes.iter().copied().reduce(f64::max),
    ) {
        (Some(lo), Some(hi)) => format!("; Lighthouse's benchmark index {lo:.0}–{hi:.0}"),
        _ => String::new(),
    };
    let _ = writeln!(
        o,
        "**Lighthouse⁷** {} (mobile, simulated throttling; {}), {RUNS} runs per page{range}:\n",
        lh.version, lh.browser
    );
    let row = |o: &mut String, cells: &[&str]| {
        let _ = writeln!(o, "| {} |", cells.join(" | "));
    };
    row(
        &mut o,
        &[
            "Page",
            "Run",
            "Performance",
            "Total Blocking Time",
            "Longest task (simulated; observed)",
            "Accessibility",
            "Best Practices",
            "SEO",
            "Failing audits",
        ],
    );
    row(&mut o, &["---"; 9]);
    let checks = checks();
    let mut all_ok = [true; 5];
    for page in &lh.pages {
        let name = if page.query.is_empty() {
            format!("{} (`/`)", page.label)
        } else {
            format!("{} (`/{}`)", page.label, page.query)
        };
        for (i, r) in page.runs.iter().enumerate() {
            row(
                &mut o,
                &[
                    if i == 0 { &name } else { "" },
                    &(i + 1).to_string(),
                    &score_cell(r.performance),
                    &r.tbt.map_or("—".into(), ms),
                    &task_cell(r),
                    &score_cell(r.accessibility),
                    &score_cell(r.best_practices),
                    &score_cell(r.seo),
                    &failing_cell(r),
                ],
            );
        }
        let cells: Vec<String> = checks
            .iter()
            .zip(&mut all_ok)
            .map(|((_, budget, ok), all)| {
                let (cell, pass) = budget_cell(page, budget, *ok);
                *all &= pass;
                cell
            })
            .collect();
        row(
            &mut o,
            &[
                "",
                "budget, each run",
                &cells[0],
                &cells[1],
                "",
                &cells[2],
                &cells[3],
                &cells[4],
                "",
            ],
        );
    }
    for ((what, budget, _), ok) in checks.iter().zip(all_ok) {
        t.verdict(format!("Lighthouse {what} {budget} (every run)"), ok);
    }
    let warnings: Vec<&String> = lh
        .pages
        .iter()
        .flat_map(|p| p.runs.iter().flat_map(|r| &r.warnings))
        .collect();
    if !warnings.is_empty() {
        let mut uniq: Vec<&String> = Vec::new();
        for w in warnings {
            if !uniq.contains(&w) {
                uniq.push(w);
            }
        }
        let _ = writeln!(
            o,
            "\nLighthouse's warnings: {}",
            uniq.iter()
                .map(|w| format!("“{w}”"))
                .collect::<Vec<_>>()
                .join("; ")
        );
    }
    o
}

/// Note 7: how Lighthouse ran and what the columns are.
pub(super) fn note(lh: &Report) -> String {
    let (rtt, kbps, cpu) = lh.throttling;
    format!(
        "7. Lighthouse {} from npm (`node_modules/.bin/lighthouse`, pinned in `package.json`), \
         its defaults: mobile form factor and simulated throttling ({rtt:.0} ms RTT, \
         {:.1} Mbit/s, {cpu:.0}× CPU slowdown, computed from an unthrottled load), categories \
         performance, accessibility, best-practices and seo, JSON output read with serde_json \
         (`bench/src/lighthouse.rs`). It starts Debian's Chromium (`CHROME_PATH`) with \
         `{}` and a fresh profile per run, on the same bench server as above (brotli \
         siblings); pages interleaved. Scores are Lighthouse's 0–100 (rounded as its report \
         shows them). Longest task: the longest of the `long-tasks` audit (simulated, on the \
         slowed CPU; it lists tasks of 50 ms and more), and in parentheses the longest top-level \
         task of `main-thread-tasks` as observed, unthrottled. Failing audits: those of the \
         accessibility, best-practices and seo categories scored binary or numeric with a \
         score below 1.",
        lh.version,
        kbps / 1000.0,
        lh.chrome_flags
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(perf: f64, tbt: f64) -> Run {
        Run {
            performance: Some(perf),
            accessibility: Some(1.0),
            best_practices: Some(1.0),
            seo: Some(0.9),
            tbt: Some(tbt),
            longest_task: None,
            longest_observed: Some(40.0),
            failing: vec!["crawlable-anchors".into()],
            ..Run::default()
        }
    }

    #[test]
    fn table_rows_and_verdicts() {
        let lh = Report {
            version: "12.2.3".into(),
            browser: "HeadlessChrome/148".into(),
            throttling: (150.0, 1638.4, 4.0),
            chrome_flags: "--headless=new".into(),
            pages: vec![Page {
                label: "default".into(),
                query: String::new(),
                runs: vec![run(0.996, 20.0), run(1.0, 30.0), run(0.99, 60.0)],
            }],
        };
        let mut t = Table {
            text: String::new(),
            verdicts: Vec::new(),
        };
        let text = table(&mut t, &lh);
        assert!(text.contains("| default (`/`) | 1 | 100 | 20.0 ms | none ≥ 50 ms (observed 40.0 ms) | 100 | 100 | 90 | `crawlable-anchors` |"));
        assert!(text.contains("100: **FAIL** (2 of 3)"));
        assert!(text.contains("≤ 50 ms: **FAIL** (2 of 3)"));
        let ok: Vec<bool> = t.verdicts.iter().map(|v| v.1).collect();
        assert_eq!(ok, [false, false, true, true, false]);
        assert!(note(&lh).contains("1.6 Mbit/s"));
    }
}
