//! The table's parts, top to bottom: transfer sizes, first visit, throttled visits,
//! interactions, and the core at scale. Each writes its rows and records the verdicts
//! of the budgets it checks.

use super::{
    kb, lat_cell, ms, verdict, Input, Pages, Table, APP, BUDGET_BROTLI, BUDGET_FCP_RATIO,
    BUDGET_FRAME_MS, BUDGET_INTERACTION_RATIO, BUDGET_THROTTLED_RATIO, BUDGET_WASM_BROTLI, PLAIN,
    PLAIN_BIG, STATIC, STATIC_BIG, STRETCH_BROTLI,
};
use crate::browser::THROTTLES;
use crate::native::{Core, PLATFORM, QUERY_LONG, QUERY_PINYIN, QUERY_SHORT};
use crate::sizes::Sizes;
use crate::SCALE;

/// The kind of a fetched file, by its extension (one row of the sizes per kind).
fn kind(name: &str) -> &'static str {
    match name.rsplit('.').next().unwrap_or_default() {
        "html" => "document",
        "css" => "stylesheet",
        "js" => "script",
        "wasm" => "wasm",
        _ => "other",
    }
}

/// Every file a first visit fetched, by kind, raw / gzip / brotli; the totals against
/// the size budget; and what actually crossed the wire.
pub(super) fn sizes(t: &mut Table, input: &Input) {
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
        // The Wasm has a budget of its own.
        let wasm_br: usize = input.files[APP]
            .iter()
            .filter(|f| kind(&f.fetched.name) == "wasm")
            .map(|f| f.sizes.brotli)
            .sum();
        let (budget, result) = if k == "wasm" {
            let ok = wasm_br <= BUDGET_WASM_BROTLI;
            t.verdict("Wasm ≤ 50 kB brotli", ok);
            ("(a) ≤ 50 kB br", verdict(ok))
        } else {
            ("", "")
        };
        t.row(&[
            area,
            &format!("{k}: raw / gzip / br (kB)"),
            &cells[0],
            &cells[1],
            &cells[2],
            budget,
            result,
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
    t.verdict("transfer ≤ 75 kB brotli", size_ok);
    t.verdict(
        "stretch: transfer ≤ 65 kB brotli",
        totals[APP].brotli <= STRETCH_BROTLI,
    );
    t.row(&[
        "",
        "**total** raw / gzip / br (kB)",
        &total_cell(&totals[APP]),
        &total_cell(&totals[STATIC]),
        &total_cell(&totals[PLAIN]),
        "(a) ≤ 75 kB br (stretch ≤ 65)",
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
}

/// First contentful paint (against the static page's), document parsed, interactive, CLS.
pub(super) fn first_visit(t: &mut Table, input: &Input) {
    let v = Pages(&input.visits);
    let fcp_limit = v.fcp(STATIC) * BUDGET_FCP_RATIO;
    let fcp_ok = v.fcp(APP) <= fcp_limit;
    t.verdict("app FCP ≤ 1.2 × static FCP", fcp_ok);
    t.row(&[
        &format!("First visit² (median of {})", input.runs),
        "first contentful paint",
        &ms(v.fcp(APP)),
        &ms(v.fcp(STATIC)),
        &ms(v.fcp(PLAIN)),
        &format!("(a) ≤ 1.2 × (b) = {}", ms(fcp_limit)),
        verdict(fcp_ok),
    ]);
    t.row(&[
        "",
        "document parsed (`DOMContentLoaded` end)",
        &ms(v.dcl(APP)),
        &ms(v.dcl(STATIC)),
        &ms(v.dcl(PLAIN)),
        "",
        "",
    ]);
    t.row(&[
        "",
        "interactive (`app-interactive` mark)",
        &ms(v.interactive(APP)),
        "n/a (no script)",
        &ms(v.interactive(PLAIN)),
        "",
        "",
    ]);
    t.row(&[
        "",
        "CLS (load, no input)",
        &format!("{:.4}", v.cls(APP)),
        &format!("{:.4}", v.cls(STATIC)),
        &format!("{:.4}", v.cls(PLAIN)),
        "",
        "",
    ]);
}

/// Per throttle: FCP, interactive (against the plain-JS page's, CPU throttle only) and
/// the filter click.
pub(super) fn throttled(t: &mut Table, input: &Input) {
    for (th, visits) in THROTTLES.iter().zip(&input.throttled) {
        let v = Pages(visits);
        let area = format!("Throttled⁶: {} (median of {})", th.label, visits[APP].len());
        t.row(&[
            &area,
            "first contentful paint",
            &ms(v.fcp(APP)),
            &ms(v.fcp(STATIC)),
            &ms(v.fcp(PLAIN)),
            "",
            "",
        ]);
        let (app, plain) = (v.interactive(APP), v.interactive(PLAIN));
        let limit = plain * BUDGET_THROTTLED_RATIO;
        let (budget, result) = if th.network.is_none() {
            let ok = app <= limit;
            t.verdict(format!("interactive at {} ≤ 1.3 × plain JS", th.label), ok);
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
            &format!("{} ({:.2}× (c))", ms(app), app / plain),
            "n/a (no script)",
            &ms(plain),
            &budget,
            &result,
        ]);
        t.row(&[
            "",
            "filter click → next paint",
            &ms(v.clicks(APP).total),
            "n/a (no script)",
            &ms(v.clicks(PLAIN).total),
            "",
            "",
        ]);
    }
}

/// The filter click and the search keystroke, against one frame and the plain-JS page.
pub(super) fn interactions(t: &mut Table, input: &Input) {
    let v = Pages(&input.visits);
    let first = QUERY_SHORT.chars().next().unwrap_or_default();
    let rows = [
        (
            format!("filter click ({PLATFORM}, on and off) → next paint"),
            v.clicks(APP),
            v.clicks(PLAIN),
            "filter click",
        ),
        (
            format!("search keystroke (“{first}” → “{QUERY_SHORT}”) → next paint"),
            v.keys(APP),
            v.keys(PLAIN),
            "search keystroke",
        ),
    ];
    for (what, app, plain, key) in rows {
        let frame = app.total <= BUDGET_FRAME_MS;
        let vs = app.total <= BUDGET_INTERACTION_RATIO * plain.total;
        t.verdict(format!("{key} ≤ 16.7 ms"), frame);
        t.verdict(format!("{key} ≤ 1.25 × plain JS"), vs);
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
            "(a) ≤ 16.7 ms and ≤ 1.25 × (c)",
            &format!("{} / {}", verdict(frame), verdict(vs)),
        ]);
    }
}

/// The core natively at 1× and 100×, and the browser figures of the 100× comparison pages.
pub(super) fn scale(t: &mut Table, input: &Input) {
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
        t,
        &format!("Scale {SCALE}× ({} blocks)⁴", big.blocks),
        "core, native: `SearchIndex::for_article` (with the readings)".into(),
        |c| c.index_new,
        "",
        "",
    );
    let key_ok = big.search_short <= BUDGET_FRAME_MS;
    t.verdict("core search keystroke at 100× ≤ 16 ms", key_ok);
    core_row(
        t,
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
        t,
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
        t,
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
        t,
        "",
        format!(
            "core, native: facet only, platform {PLATFORM} ({} blocks match)",
            big.matches[0]
        ),
        |c| c.facet_only,
        "",
        "",
    );
    let v = Pages(&input.visits);
    let not_measured = "not measured⁵";
    t.row(&[
        "",
        "browser: first contentful paint",
        not_measured,
        &ms(v.fcp(STATIC_BIG)),
        &ms(v.fcp(PLAIN_BIG)),
        "",
        "",
    ]);
    t.row(&[
        "",
        "browser: interactive",
        not_measured,
        "n/a",
        &ms(v.interactive(PLAIN_BIG)),
        "",
        "",
    ]);
    t.row(&[
        "",
        "browser: filter click → next paint",
        not_measured,
        "n/a",
        &lat_cell(v.clicks(PLAIN_BIG)),
        "report",
        "",
    ]);
    t.row(&[
        "",
        "browser: search keystroke → next paint",
        not_measured,
        "n/a",
        &lat_cell(v.keys(PLAIN_BIG)),
        "report",
        "",
    ]);
}
