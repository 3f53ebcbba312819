//! Criterion benchmarks of the core at scale: the real article (1×) and a synthetic
//! corpus of 100 copies of it (100×, built here from the real one, never saved):
//! `SearchIndex::new` (direct search only) and `SearchIndex::for_article` (with pinyin),
//! `filter::apply` for a 2-character and a 6-character search, pinyin searches (whole
//! syllables, a polyphone's other reading, initials, a mix), English words, and a
//! facet-only `filter::apply`. Run with `cargo bench -p jinyi-core`; `make bench`
//! measures the direct-search and facet cases in its own binary
//! (tools/src/bench/native.rs), and `cargo run --release --example search_times -p
//! jinyi-core` the pinyin and English ones with a plain timing loop.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use jinyi_core::filter;
use jinyi_core::model::{Article, Facet};
use jinyi_core::query::Selection;
use jinyi_core::search::SearchIndex;
use std::hint::black_box;
use std::path::Path;

/// The article from `data/`.
fn article() -> &'static Article {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
    let a = jinyi_core::loader::load_dir(&dir).expect("the data loads");
    Box::leak(Box::new(a))
}

fn selection(a: &Article, platform: Option<&str>, q: &str) -> Selection {
    let mut sel = Selection {
        q: q.to_string(),
        ..Selection::default()
    };
    if let Some(p) = platform {
        let v = a.value_index(Facet::Platform, p).expect("platform exists");
        sel.toggle(Facet::Platform, v as u16);
    }
    sel
}

fn scale(c: &mut Criterion) {
    let real = article();
    for (label, a) in [
        ("1x", real),
        ("100x", jinyi_core::loader::corpus::repeated(real, 100)),
    ] {
        let index = SearchIndex::for_article(a);
        c.bench_with_input(BenchmarkId::new("index_new", label), a, |b, a| {
            b.iter(|| SearchIndex::new(black_box(a.blocks)))
        });
        c.bench_with_input(BenchmarkId::new("index_for_article", label), a, |b, a| {
            b.iter(|| SearchIndex::for_article(black_box(a)))
        });
        for (name, sel) in [
            ("search_2char", selection(a, None, "金义")),
            ("search_6char", selection(a, None, "义乌发展经验")),
            ("search_pinyin", selection(a, None, "jin yi hu")),
            // Issue 9: a polyphone's other reading, initials, a mix, English words.
            ("search_polyphone", selection(a, None, "changsanjiao")),
            ("search_initials", selection(a, None, "jyh")),
            ("search_mixed", selection(a, None, "jinyh")),
            (
                "search_english_words",
                selection(a, None, "free trade zone"),
            ),
            ("facet_only", selection(a, Some("金义湖"), "")),
        ] {
            c.bench_with_input(BenchmarkId::new(name, label), &sel, |b, sel| {
                b.iter(|| filter::apply(a, &index, black_box(sel)))
            });
        }
    }
}

criterion_group!(benches, scale);
criterion_main!(benches);
