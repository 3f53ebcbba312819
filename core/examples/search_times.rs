//! Times issue 9's searches (pinyin by readings, initials and mixes; English names by
//! words) over 100 copies of the article, natively, the way `make bench` times a
//! keystroke: one `filter::apply` per run, with the index the app builds
//! (`SearchIndex::for_article`, pinyin included), median of 51 runs after 5 warm-ups.
//! Also prints the size of the embedded readings table.
//!
//! `cargo run --release --example search_times -p jinyi-core [-- TABLE_FILE]` (with a
//! file name, the table's generated Rust source is written there, e.g. for `brotli`).

use jinyi_core::filter::apply;
use jinyi_core::query::Selection;
use jinyi_core::search::SearchIndex;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// The table, then the other forms it names, then the earlier cases.
const QUERIES: &[&str] = &[
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

fn median_ms(mut f: impl FnMut()) -> f64 {
    for _ in 0..5 {
        f();
    }
    let mut t: Vec<Duration> = (0..51)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    t.sort();
    t[25].as_secs_f64() * 1e3
}

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
    let real: &'static _ = Box::leak(Box::new(
        jinyi_core::loader::load_dir(&dir).unwrap_or_else(|e| panic!("{e}")),
    ));
    let mut table = String::new();
    jinyi_core::codegen::pinyin_table(&mut table, real.pinyin);
    println!(
        "readings table: {} syllable groups, {} bytes of generated source",
        real.pinyin.entries().count(),
        table.len()
    );
    if let Some(path) = std::env::args().nth(1) {
        std::fs::write(&path, &table).expect("write the table");
    }
    let a = jinyi_core::loader::corpus::repeated(real, 100);
    let t = Instant::now();
    let index = SearchIndex::for_article(a);
    println!(
        "{} blocks; SearchIndex::for_article: {:.2} ms (once)",
        a.blocks.len(),
        t.elapsed().as_secs_f64() * 1e3
    );
    println!("| query | blocks (1×) | matching blocks (100×) | ms per keystroke (100×) |");
    println!("|---|---|---|---|");
    for q in QUERIES {
        let sel = Selection {
            q: q.to_string(),
            ..Selection::default()
        };
        let count = apply(a, &index, &sel).count;
        let ms = median_ms(|| drop(black_box(apply(a, &index, black_box(&sel)))));
        println!("| `{q}` | {} | {count} | {ms:.3} |", count / 100);
    }
}
