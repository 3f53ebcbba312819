//! The text around the table: the run and the machine above it; below it the Lighthouse
//! table, the budgets' verdicts, what dominates the interaction figures, and the numbered
//! notes on how each figure is measured (the tables' superscripts).

use super::{
    kb, ms, verdict, Input, Pages, Split, Table, APP, BUDGET_FRAME_MS, PLAIN, PLAIN_BIG, STATIC,
};
use crate::native::{PLATFORM, QUERY_SHORT, SEARCHES};
use crate::{SCALE, WARMUP_VISITS as WARMUP};
use std::fmt::Write;

/// The whole document, with the finished table `t` and the Lighthouse table in their places.
pub(super) fn document(input: &Input, t: Table, lighthouse: &str) -> String {
    let m = &input.machine;
    let visits = &input.visits;
    let v = Pages(visits);
    let [one, big] = &input.core;
    let verdicts = t.verdicts;
    let mut o = String::new();
    let _ = writeln!(o, "# Benchmarks\n");
    let _ = writeln!(
        o,
        "Latest `make bench` ({}, {:.0} s in all). Every figure below comes from that one run.\n",
        m.date,
        input.elapsed.as_secs_f64()
    );
    // The load average says how far to trust the timings on a shared machine.
    let busy = [&m.load.0, &m.load.1]
        .iter()
        .any(|l| l.parse::<f64>().is_ok_and(|l| l > m.cores as f64));
    let load_note = if busy {
        "above the core count: other work competed for the CPU and the timings are slower \
         and noisier than on an idle machine"
    } else {
        "at most the core count: the run had the CPU largely to itself"
    };
    let _ = writeln!(
        o,
        "**Machine:** {} core(s) of {}, {}; {}; 1-minute load average {} at the start and \
         {} at the end of the run ({load_note}). **Browser:** headless \
         Chromium {} (chromedriver {}), over loopback. **Native:** {}, the workspace's release \
         profile (opt-level \"z\", fat LTO: set in Cargo.toml for the wasm's size, so native figures are not opt-level 3).\n",
        m.cores, m.cpu, m.memory, m.os, m.load.0, m.load.1, m.chromium, m.chromedriver, m.rustc
    );
    o.push_str(&t.text);
    let _ = write!(o, "\n{lighthouse}");
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

    // Issue 9's searches, one keystroke each.
    let _ = writeln!(
        o,
        "**Chinese search, one keystroke each** (core, native, `filter::apply` with the app's \
         index, median of the timed runs; budget ≤ 16 ms at {SCALE}×):\n"
    );
    let _ = writeln!(
        o,
        "| query | blocks (1×) | blocks ({SCALE}×) | ms (1×) | ms ({SCALE}×) |\n|---|---|---|---|---|"
    );
    for (i, q) in SEARCHES.iter().enumerate() {
        let (n1, t1) = one.searches[i];
        let (nb, tb) = big.searches[i];
        let _ = writeln!(o, "| `{q}` | {n1} | {nb} | {} | {} |", ms(t1), ms(tb));
    }
    let slowest = big.searches.iter().map(|s| s.1).fold(0.0, f64::max);
    let _ = writeln!(
        o,
        "\nSlowest at {SCALE}×: {} ({}). The readings table (every reading of each \
         character the article uses) is {} kB raw / {} kB brotli of generated source.\n",
        ms(slowest),
        verdict(slowest <= BUDGET_FRAME_MS),
        kb(input.readings.raw),
        kb(input.readings.brotli)
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
        part(v.clicks(APP)),
        part(v.keys(APP)),
        ms(one.facet_only),
        ms(one.search_short)
    );
    let _ = writeln!(
        o,
        "- (c) plain JS: filter click {}; search keystroke {}.",
        part(v.clicks(PLAIN)),
        part(v.keys(PLAIN))
    );
    let _ = writeln!(
        o,
        "- (c) plain JS at {SCALE}×: filter click {}; search keystroke {}. The core needs {} natively for that keystroke at {SCALE}×.",
        part(v.clicks(PLAIN_BIG)),
        part(v.keys(PLAIN_BIG)),
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
         `bench/src/baseline.js`, a small hand-written plain-JS filter (baseline only, \
         never shipped): same markup, words and stylesheet (`bench/src/pages.rs`)."
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
        ms(v.fcp(STATIC) - v.dcl(STATIC))
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
    let _ = writeln!(o, "{}", super::lighthouse::note(&input.lighthouse));
    o
}
