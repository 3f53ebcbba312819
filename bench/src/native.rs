//! The core's timings, natively, in the bench binary itself (a plain timing loop, so
//! the table needs no criterion output; `cargo bench -p jinyi-core` runs the same
//! cases under criterion, see `core/benches/scale.rs`).

use jinyi_core::filter;
use jinyi_core::model::{Article, Facet};
use jinyi_core::query::Selection;
use jinyi_core::search::SearchIndex;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// A 2-character query (one IME commit) with many matches.
pub const QUERY_SHORT: &str = "金义";
/// A 6-character query.
pub const QUERY_LONG: &str = "义乌发展经验";
/// A pinyin query by initials (金义湖 and other runs with those initials).
pub const QUERY_PINYIN: &str = "jyh";
/// The facet value clicked in every filter measurement.
pub const PLATFORM: &str = "金义湖";

/// Issue 9's searches as Chinese readers type them (its table, then the other forms it
/// names, then earlier cases), each timed as one keystroke: reported in a table of their own.
pub const SEARCHES: &[&str] = &[
    "changsanjiao",
    "dushiqu",
    "jyh",
    "ywfzjy",
    "jinyh",
    "ganzidangtou",
    "free trade zone",
    "JYH",
    "zmsyq",
    "zobl",
    "zhongoubl",
    "jin y h",
    "jinyihu",
    "jin1 yi4 hu2",
    "lake jinyi",
    "金义",
    "义乌发展经验",
];

/// Timed runs per case (after warm-up runs); the median is reported.
const RUNS: usize = 51;
const WARMUP: usize = 5;

/// Median wall time of `f`, in milliseconds.
fn median_ms(mut f: impl FnMut()) -> f64 {
    for _ in 0..WARMUP {
        f();
    }
    let mut t: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    t.sort();
    t[RUNS / 2].as_secs_f64() * 1e3
}

/// The native medians for one corpus, in milliseconds.
#[derive(Debug, Clone)]
pub struct Core {
    pub blocks: usize,
    pub index_new: f64,
    pub facet_only: f64,
    pub search_short: f64,
    pub search_long: f64,
    pub search_pinyin: f64,
    /// Matching blocks, as a check that the cases do what they say.
    pub matches: [usize; 4],
    /// Per query of [`SEARCHES`]: matching blocks and the median keystroke.
    pub searches: Vec<(usize, f64)>,
}

pub fn selection(a: &Article, platform: Option<&str>, q: &str) -> Selection {
    let mut sel = Selection {
        q: q.to_string(),
        ..Selection::default()
    };
    if let Some(p) = platform {
        let v = a
            .value_index(Facet::Platform, p)
            .expect("the benchmark's platform exists");
        sel.toggle(Facet::Platform, v as u16);
    }
    sel
}

pub fn measure(a: &Article) -> Core {
    let index = SearchIndex::for_article(a);
    let cases = [
        selection(a, Some(PLATFORM), ""),
        selection(a, None, QUERY_SHORT),
        selection(a, None, QUERY_LONG),
        selection(a, None, QUERY_PINYIN),
    ];
    let time = |sel: &Selection| median_ms(|| drop(black_box(filter::apply(a, &index, sel)))); // one state
    Core {
        blocks: a.blocks.len(),
        index_new: median_ms(|| drop(black_box(SearchIndex::for_article(black_box(a))))),
        facet_only: time(&cases[0]),
        search_short: time(&cases[1]),
        search_long: time(&cases[2]),
        search_pinyin: time(&cases[3]),
        matches: cases
            .each_ref()
            .map(|sel| filter::apply(a, &index, sel).count),
        searches: SEARCHES
            .iter()
            .map(|q| {
                let sel = selection(a, None, q);
                (filter::apply(a, &index, &sel).count, time(&sel))
            })
            .collect(),
    }
}
