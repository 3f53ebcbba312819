//! Shared by the fuzz targets: the real article (loaded once from `../data` through the
//! core's loader) and the checks each target runs on one input. The checks are the same
//! properties `core/tests/hostile.rs` tests with proptest: never panic, URL state stable
//! through parse → serialise → parse, highlighting lossless and on char boundaries.

use jinyi_core::filter::apply;
use jinyi_core::highlight::{segments, split, Segment};
use jinyi_core::model::Facet;
use jinyi_core::normalize::fold_query;
use jinyi_core::query::{parse, to_query, Selection, MAX_IGNORED_CHARS, MAX_IGNORED_KEPT};
use jinyi_core::search::{bound_query, merge_hits, prepare, PinyinQuery, MAX_QUERY_CHARS};

// The real article, its search index and the pinyin rule stated on its own (readings,
// `spells`, `check_pinyin_hits`, `cuts`): the same oracle the core's tests use.
#[path = "../../core/tests/common/mod.rs"]
mod oracle;
pub use oracle::{article, index};
use oracle::{check_pinyin_hits, cuts};

/// URL state: parsing never panics, reports what it ignores within its bounds, and
/// parse → `to_query` → parse gives back the same state with nothing ignored.
pub fn check_url(query: &str) {
    let a = article();
    let p = parse(a, query);
    assert!(p.ignored.len() <= MAX_IGNORED_KEPT);
    assert!(p.ignored.len() <= p.ignored_count);
    for i in &p.ignored {
        assert!(i.key.chars().count() <= MAX_IGNORED_CHARS + 1);
        assert!(i.value.chars().count() <= MAX_IGNORED_CHARS + 1);
    }
    for f in Facet::ALL {
        let v = p.selection.chosen(f);
        assert!(
            v.windows(2).all(|w| w[0] < w[1]),
            "{f:?} values not sorted/unique"
        );
        assert!(v.iter().all(|&x| (x as usize) < a.facet_len(f)));
    }
    assert_eq!(p.selection.q, p.selection.q.trim());
    if let Some(lang) = &p.lang {
        assert!(!lang.is_empty() && lang == lang.trim());
    }
    let s = to_query(a, &p.selection, p.lang.as_deref());
    let p2 = parse(a, &s);
    assert_eq!(p2.selection, p.selection, "selection changed through {s:?}");
    assert_eq!(p2.lang, p.lang, "lang changed through {s:?}");
    assert_eq!(p2.ignored_count, 0, "{s:?} ignores {:?}", p2.ignored);
    assert_eq!(to_query(a, &p2.selection, p2.lang.as_deref()), s);
}

/// Search and highlight: the query is bounded, every direct match is a char-aligned
/// range whose folded text is the folded query and that crosses no gap, the pinyin
/// hits are sound (`check_pinyin_hits`: characters that spell the query by readings
/// and initials, never a quotation mark, a gap or a credit inside), and the
/// highlighted runs and segments put every block's text back together unchanged.
pub fn check_search(query: &str) {
    let a = article();
    let idx = index();
    let (bounded, cut) = bound_query(query);
    assert!(query.starts_with(bounded));
    assert_eq!(cut, query.chars().count() > MAX_QUERY_CHARS);
    let q = prepare(query);
    assert_eq!(q, fold_query(bounded));
    let pinyin = PinyinQuery::parse(&q);
    let mut hits_all = Vec::with_capacity(a.blocks.len());
    for (bi, b) in a.blocks.iter().enumerate() {
        let by_pinyin = pinyin
            .as_ref()
            .map_or_else(Vec::new, |p| idx.find_pinyin(bi, p));
        if let Some(p) = &pinyin {
            check_pinyin_hits(b.text, &cuts(b), &by_pinyin, p.as_str())
                .unwrap_or_else(|e| panic!("{}: {e}", b.id));
        }
        let hits = idx.find(bi, &q);
        let mut prev_end = 0;
        for r in &hits {
            assert!(
                r.start < r.end && r.end <= b.text.len(),
                "{r:?} in {}",
                b.id
            );
            assert!(r.start >= prev_end, "overlapping matches in {}", b.id);
            assert!(b.text.is_char_boundary(r.start) && b.text.is_char_boundary(r.end));
            assert!(!b
                .gaps
                .iter()
                .any(|&g| r.start < g as usize && (g as usize) < r.end));
            assert_eq!(fold_query(&b.text[r.clone()]), q);
            prev_end = r.end;
        }
        let runs = split(b.text, &hits);
        assert_eq!(runs.iter().map(|r| r.0).collect::<String>(), b.text);
        let marked: Vec<&str> = runs.iter().filter(|r| r.1).map(|r| r.0).collect();
        let expected: Vec<&str> = hits.iter().map(|r| &b.text[r.clone()]).collect();
        assert_eq!(marked, expected);
        let segs = segments(b, &hits);
        let mut text = String::new();
        let mut missing = 0;
        for s in &segs {
            match s {
                Segment::Text { text: t, .. } => text.push_str(t),
                Segment::Missing => missing += 1,
            }
        }
        assert_eq!(text, b.text);
        assert_eq!(missing, b.gaps.len());
        hits_all.push(merge_hits(hits, by_pinyin));
    }
    let sel = Selection {
        q: query.to_string(),
        ..Default::default()
    };
    let out = apply(a, idx, &sel);
    if out.terms.is_empty() {
        assert_eq!(out.hits, hits_all);
    } else {
        // The whole query found nothing, so its space-separated terms combine: every
        // block shown matches each term searched on its own.
        assert!(
            hits_all.iter().all(Vec::is_empty),
            "terms used though the query matched"
        );
        assert!(out.terms.len() >= 2);
        for t in &out.terms {
            let alone = apply(
                a,
                idx,
                &Selection {
                    q: t.clone(),
                    ..Default::default()
                },
            );
            for (b, m) in out.matched.iter().enumerate() {
                assert!(!m || alone.matched[b], "block {b} shown without term {t:?}");
            }
        }
    }
    assert_eq!(out.count, out.matched.iter().filter(|&&m| m).count());
    for ((m, h), via) in out.matched.iter().zip(&out.hits).zip(&out.via) {
        assert_eq!(*m, q.is_empty() || !h.is_empty() || !via.is_empty());
    }
}
