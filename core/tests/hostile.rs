//! Hostile input never breaks the core: the URL-state parser and the search/highlight
//! path fed arbitrary Unicode (U+FFFD from unpaired surrogates and invalid
//! percent-encoding, control characters, combining marks, emoji, right-to-left text),
//! very long values (1 MB), thousands of repeated keys. Properties: never panics;
//! parse → serialise → parse is stable; unknown values are reported, not applied;
//! highlighting never changes the text nor cuts inside a UTF-8 character; search work
//! is bounded by `MAX_QUERY_CHARS` (the UI says when it cuts) and linear below it.
//!
//! `fuzz/` runs the same properties under libFuzzer (see fuzz/README.md).

mod common;
use common::*;
use jinyi_core::filter::apply;
use jinyi_core::highlight::{segments, split, Segment};
use jinyi_core::model::{Block, BlockKind, Facet};
use jinyi_core::normalize::fold_query;
use jinyi_core::query::{
    parse, to_query, Ignored, Parsed, Selection, KNOWN_KEYS, MAX_IGNORED_CHARS, MAX_IGNORED_KEPT,
};
use jinyi_core::search::{bound_query, prepare, SearchIndex, MAX_QUERY_CHARS};
use proptest::prelude::*;
use std::ops::Range;
use std::time::{Duration, Instant};

// ---------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------

/// Pieces that break naive text handling, each kept whole (so a generated string mixes
/// them with arbitrary characters).
const NASTY: &[&str] = &[
    // Combining marks, alone and after a base character (incl. a stack of them).
    "\u{301}",
    "e\u{301}",
    "a\u{300}\u{316}\u{33f}\u{35c}",
    "\u{20dd}",
    "金\u{301}",
    // Emoji: plain, skin tone, ZWJ family, flag, keycap, variation selector.
    "😀",
    "👍🏽",
    "👨\u{200d}👩\u{200d}👧",
    "🇨🇳",
    "1\u{fe0f}\u{20e3}",
    "❤\u{fe0f}",
    // Right-to-left text and direction controls.
    "مرحبا",
    "שלום",
    "\u{202e}",
    "\u{200f}",
    "\u{2067}",
    // Control characters, NUL, line and paragraph separators, BOM, replacement char.
    "\0",
    "\u{7}",
    "\u{1b}[31m",
    "\u{7f}",
    "\u{85}",
    "\u{2028}",
    "\u{feff}",
    "\u{fffd}",
    "\r\n",
    "\t",
    // White space the search folds away, full-width forms it folds.
    " ",
    "\u{3000}",
    "\u{a0}",
    "８．１％",
    "ＡＢＣ",
    // Curly quotes (folded) and the article's own text (so matches happen).
    "“",
    "”",
    "‘",
    "金义",
    "金义湖",
    "项目",
    "平台",
    "8.1%",
    "“敢”",
    "两公里",
    "全速推进一批、",
    // URL syntax and broken percent-encoding.
    "%",
    "%E",
    "%ZZ",
    "%ED%A0%80",
    "%F0%9F",
    "%C0%AF",
    "%FF",
    "%00",
    "%25",
    "+",
    "&",
    "=",
    "?",
    "#",
    ";",
    // Markup.
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
];

/// Arbitrary text mixed with the pieces above.
fn hostile_text(max_parts: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            3 => proptest::sample::select(NASTY).prop_map(str::to_string),
            2 => any::<char>().prop_map(String::from),
            1 => "\\PC{1,8}",
        ],
        0..max_parts,
    )
    .prop_map(|parts| parts.concat())
}

/// A key for a URL entry: the real ones, near misses, and anything.
fn any_key() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(KNOWN_KEYS.to_vec()).prop_map(str::to_string),
        1 => proptest::sample::select(vec!["", "Theme", "q ", " q", "lang2", "THEME", "x"])
            .prop_map(str::to_string),
        1 => hostile_text(3),
    ]
}

/// A value: a real facet name (so some entries apply), or hostile text.
fn any_value() -> impl Strategy<Value = String> {
    let a = article();
    let names: Vec<String> = Facet::ALL
        .iter()
        .flat_map(|&f| (0..a.facet_len(f)).map(move |i| a.value_name(f, i).to_string()))
        .chain(["en", "zh", " en ", "金义湖 ", "1", "0", "both"].map(String::from))
        .collect();
    prop_oneof![
        2 => proptest::sample::select(names),
        3 => hostile_text(6),
    ]
}

/// A query string as a browser could hand it over: entries encoded properly, raw
/// (unencoded, so `&`/`=`/`%` in them are syntax), or plain garbage.
fn hostile_query() -> impl Strategy<Value = String> {
    let entry = (any_key(), any_value(), 0..3u8).prop_map(|(k, v, how)| match how {
        0 => form_urlencoded::Serializer::new(String::new())
            .append_pair(&k, &v)
            .finish(),
        1 => format!("{k}={v}"),
        _ => format!(
            "{}={}",
            k,
            v.bytes()
                .map(|b| format!("%{b:02X}"))
                .collect::<String>()
                .replace("%25", "%")
        ),
    });
    prop_oneof![
        4 => (proptest::option::of(Just("?")), proptest::collection::vec(entry, 0..12))
            .prop_map(|(q, e)| format!("{}{}", q.unwrap_or(""), e.join("&"))),
        1 => hostile_text(20),
    ]
}

// ---------------------------------------------------------------------------
// Checks shared by the properties
// ---------------------------------------------------------------------------

/// What `parse` promises about any input, and stability through `to_query`.
fn check_parsed(query: &str, p: &Parsed) -> Result<(), TestCaseError> {
    let a = article();
    prop_assert!(p.ignored.len() <= MAX_IGNORED_KEPT);
    prop_assert!(p.ignored.len() <= p.ignored_count);
    for i in &p.ignored {
        prop_assert!(i.key.chars().count() <= MAX_IGNORED_CHARS + 1);
        prop_assert!(i.value.chars().count() <= MAX_IGNORED_CHARS + 1);
    }
    for f in Facet::ALL {
        let v = p.selection.chosen(f);
        prop_assert!(v.windows(2).all(|w| w[0] < w[1]), "{:?}: {:?}", f, v);
        prop_assert!(v.iter().all(|&x| (x as usize) < a.facet_len(f)));
    }
    prop_assert_eq!(p.selection.q.trim(), &p.selection.q);
    if let Some(lang) = &p.lang {
        prop_assert!(!lang.is_empty() && lang.trim() == lang);
    }
    let s = to_query(a, &p.selection, p.lang.as_deref());
    let p2 = parse(a, &s);
    prop_assert_eq!(&p2.selection, &p.selection, "{:?} -> {:?}", query, s);
    prop_assert_eq!(&p2.lang, &p.lang, "{:?} -> {:?}", query, s);
    prop_assert_eq!(
        p2.ignored_count,
        0,
        "{:?} -> {:?}: {:?}",
        query,
        s,
        p2.ignored
    );
    prop_assert_eq!(to_query(a, &p2.selection, p2.lang.as_deref()), s);
    Ok(())
}

fn shorten(s: &str) -> String {
    match s.char_indices().nth(MAX_IGNORED_CHARS) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s.to_string(),
    }
}

/// What `find` promises for one block: sorted, non-overlapping, char-aligned ranges
/// that cross no gap and whose folded text is the folded query; and what highlighting
/// promises: the runs and segments put the text back together unchanged.
fn check_block(b: &Block, folded: &str, hits: &[Range<usize>]) -> Result<(), TestCaseError> {
    let t = b.text;
    let mut prev = 0;
    for r in hits {
        prop_assert!(r.start < r.end && r.end <= t.len(), "{:?} in {:?}", r, t);
        prop_assert!(r.start >= prev, "overlap at {:?}", r);
        prop_assert!(t.is_char_boundary(r.start) && t.is_char_boundary(r.end));
        prop_assert!(!b
            .gaps
            .iter()
            .any(|&g| r.start < g as usize && (g as usize) < r.end));
        prop_assert_eq!(fold_query(&t[r.clone()]), folded);
        prev = r.end;
    }
    let runs = split(t, hits);
    prop_assert_eq!(runs.iter().map(|r| r.0).collect::<String>(), t);
    let marked: Vec<&str> = runs.iter().filter(|r| r.1).map(|r| r.0).collect();
    let expected: Vec<&str> = hits.iter().map(|r| &t[r.clone()]).collect();
    prop_assert_eq!(marked, expected);

    let segs = segments(b, hits);
    let credit_at = match b.kind {
        BlockKind::Figure { credit_at } => Some(credit_at as usize),
        _ => None,
    };
    let mut at = 0;
    let mut gaps_seen = Vec::new();
    for s in &segs {
        match *s {
            Segment::Missing => gaps_seen.push(at),
            Segment::Text { text, mark, credit } => {
                prop_assert!(!text.is_empty());
                prop_assert_eq!(&t[at..at + text.len()], text);
                let end = at + text.len();
                // A run never crosses a gap or the credit boundary…
                prop_assert!(!b
                    .gaps
                    .iter()
                    .any(|&g| at < g as usize && (g as usize) < end));
                if let Some(c) = credit_at {
                    prop_assert!(!(at < c && c < end));
                    prop_assert_eq!(credit, at >= c);
                } else {
                    prop_assert!(!credit);
                }
                // …and is marked exactly when it lies inside a match.
                prop_assert_eq!(mark, hits.iter().any(|r| r.start <= at && end <= r.end));
                at = end;
            }
        }
    }
    prop_assert_eq!(at, t.len());
    let gaps: Vec<usize> = b.gaps.iter().map(|&g| g as usize).collect();
    prop_assert_eq!(gaps_seen, gaps);
    Ok(())
}

/// Turns a fragment of the text into what a reader might type for it: full-width
/// letters and digits, upper case, spaces thrown in.
fn retype(fragment: &str, how: u8) -> String {
    fragment
        .chars()
        .enumerate()
        .flat_map(|(i, c)| {
            let c = match how % 3 {
                1 if c.is_ascii_graphic() => char::from_u32(c as u32 + 0xFEE0).unwrap_or(c),
                2 => c.to_ascii_uppercase(),
                _ => c,
            };
            let space = (how & 4 != 0 && i % 2 == 1).then_some('\u{3000}');
            space.into_iter().chain([c])
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Any query string: no panic, bounded report, stable through serialising.
    #[test]
    fn url_parse_never_panics_and_round_trips(query in hostile_query()) {
        let p = parse(article(), &query);
        check_parsed(&query, &p)?;
    }

    /// Facet values are applied only when they name a real value; everything else
    /// (unknown values, unknown keys, a second `q` or `lang`) is reported, in URL order.
    #[test]
    fn unknown_values_are_reported_not_applied(
        entries in proptest::collection::vec((any_key(), any_value()), 0..16)
    ) {
        let a = article();
        let query = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(&entries)
            .finish();
        let p = parse(a, &query);
        let mut want = Selection::default();
        let mut lang: Option<String> = None;
        let mut read: Option<String> = None;
        let mut context = false;
        let mut ignored = Vec::new();
        for (k, v) in &entries {
            let v = v.trim();
            let facet = Facet::ALL.into_iter().find(|f| f.key() == k);
            match (facet, k.as_str()) {
                (Some(f), _) => match a.value_index(f, v) {
                    Some(i) => {
                        if !want.is_chosen(f, i as u16) {
                            want.toggle(f, i as u16);
                        }
                    }
                    None => ignored.push((k.as_str(), v)),
                },
                (None, "q") if want.q.is_empty() => want.q = v.to_string(),
                (None, "lang") if lang.is_none() => {
                    if !v.is_empty() {
                        lang = Some(v.to_string());
                    }
                }
                (None, "context") => match v {
                    "1" => context = true,
                    "0" | "" => {}
                    _ => ignored.push((k.as_str(), v)),
                },
                (None, "read") if read.is_none() => {
                    if !v.is_empty() {
                        read = Some(v.to_string());
                    }
                }
                (None, "q" | "lang" | "read") => {
                    if !v.is_empty() {
                        ignored.push((k.as_str(), v));
                    }
                }
                (None, _) => {
                    if !(k.is_empty() && v.is_empty()) {
                        ignored.push((k.as_str(), v));
                    }
                }
            }
        }
        prop_assert_eq!(&p.selection, &want);
        prop_assert_eq!(&p.lang, &lang);
        prop_assert_eq!(&p.read, &read);
        prop_assert_eq!(p.context, context);
        prop_assert_eq!(p.ignored_count, ignored.len());
        let kept: Vec<Ignored> = ignored
            .iter()
            .take(MAX_IGNORED_KEPT)
            .map(|(k, v)| Ignored { key: shorten(k), value: shorten(v) })
            .collect();
        prop_assert_eq!(&p.ignored, &kept);
        check_parsed(&query, &p)?;
    }

    /// Any typed search over the real article: matches are sound, highlighting lossless.
    #[test]
    fn search_and_highlight_any_query(q in hostile_text(12)) {
        let a = article();
        let folded = prepare(&q);
        for (bi, b) in a.blocks.iter().enumerate() {
            check_block(b, &folded, &index().find(bi, &folded))?;
        }
    }

    /// Queries cut from the article's own text (retyped: full-width, upper case, spaced,
    /// wrapped in hostile text) find their block unless they would cross a gap.
    #[test]
    fn fragments_of_the_article_are_found(
        block in 0..31usize,
        start in 0..400usize,
        len in 1..12usize,
        how in 0..8u8,
        noise in proptest::option::of(hostile_text(2)),
    ) {
        let a = article();
        let b = &a.blocks[block % a.blocks.len()];
        let bounds: Vec<usize> = b.text.char_indices().map(|(i, _)| i).chain([b.text.len()]).collect();
        let si = start % (bounds.len() - 1);
        let (s, e) = (bounds[si], bounds[(si + len).min(bounds.len() - 1)]);
        let q = retype(&b.text[s..e], how);
        let folded = prepare(&q);
        let hits = index().find(block % a.blocks.len(), &folded);
        check_block(b, &folded, &hits)?;
        let crosses_gap = b.gaps.iter().any(|&g| s < g as usize && (g as usize) < e);
        if !folded.is_empty() && !crosses_gap {
            prop_assert!(!hits.is_empty(), "{:?} not found in {}", q, b.id);
        }
        if let Some(noise) = noise {
            // Wrapped in noise: still sound (found or not).
            let folded = prepare(&format!("{noise}{q}{noise}"));
            for (bi, b) in a.blocks.iter().enumerate() {
                check_block(b, &folded, &index().find(bi, &folded))?;
            }
        }
    }

    /// Synthetic blocks of hostile text with gaps and a credit anywhere on char
    /// boundaries: highlighting never splits a character, never loses text or a gap.
    #[test]
    fn highlight_never_splits_a_character(
        text in hostile_text(16).prop_filter("non-empty", |t| !t.is_empty()),
        gap_picks in proptest::collection::vec(any::<proptest::sample::Index>(), 0..3),
        credit in proptest::option::of(any::<proptest::sample::Index>()),
        q_start in any::<proptest::sample::Index>(),
        q_len in 0..6usize,
        how in 0..8u8,
        extra in proptest::option::of(hostile_text(3)),
    ) {
        let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        // Gaps stand strictly inside the text (as the loader guarantees).
        let mut gaps: Vec<u32> = gap_picks.iter().map(|i| bounds[i.index(bounds.len())] as u32)
            .filter(|&g| g > 0 && (g as usize) < text.len()).collect();
        gaps.sort_unstable();
        gaps.dedup();
        let credit_at = credit.map(|i| bounds[i.index(bounds.len())] as u32);
        let qs = q_start.index(bounds.len());
        let fragment = &text[bounds[qs]..bounds[(qs + q_len).min(bounds.len() - 1)]];
        let q = match extra {
            Some(x) => format!("{x}{}", retype(fragment, how)),
            None => retype(fragment, how),
        };
        let b = leak_block(&text, &gaps, credit_at);
        let idx = SearchIndex::new(std::slice::from_ref(&b));
        let folded = prepare(&q);
        check_block(&b, &folded, &idx.find(0, &folded))?;
        // Also any char-aligned ranges at all, unsorted and overlapping.
        let ranges: Vec<Range<usize>> = gap_picks.iter().zip(gap_picks.iter().rev())
            .map(|(x, y)| bounds[x.index(bounds.len())]..bounds[y.index(bounds.len())])
            .collect();
        let runs = split(b.text, &ranges);
        prop_assert_eq!(runs.iter().map(|r| r.0).collect::<String>(), b.text);
        let segs = segments(&b, &ranges);
        let joined: String = segs.iter().map(|s| match s {
            Segment::Text { text, .. } => *text,
            Segment::Missing => "",
        }).collect();
        prop_assert_eq!(joined, b.text);
    }

    /// The search never looks at more than `MAX_QUERY_CHARS` characters of a query.
    #[test]
    fn query_is_bounded(q in hostile_text(120), pad in 0..400usize) {
        let long = format!("{q}{}", "金".repeat(pad));
        let (cut, was_cut) = bound_query(&long);
        prop_assert!(long.starts_with(cut));
        prop_assert_eq!(was_cut, long.chars().count() > MAX_QUERY_CHARS);
        prop_assert_eq!(cut.chars().count(), long.chars().count().min(MAX_QUERY_CHARS));
        prop_assert_eq!(prepare(&long), fold_query(cut));
        prop_assert!(prepare(&long).chars().count() <= MAX_QUERY_CHARS);
    }
}

// ---------------------------------------------------------------------------
// Very long values, thousands of keys, and the time they take
// ---------------------------------------------------------------------------

const MB: usize = 1 << 20;

/// About `bytes` of hostile text (whole pieces, so always valid UTF-8).
fn long_text(bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 64);
    let mut i = 0;
    while s.len() < bytes {
        s.push_str(NASTY[i % NASTY.len()]);
        s.push_str("金义湖");
        i += 7;
    }
    s
}

fn encode(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

#[test]
fn one_megabyte_values() {
    let a = article();
    let big = long_text(MB);
    let enc = encode(&big);
    assert!(enc.len() >= MB);

    // A 1 MB search: kept as given (trimmed), searched only up to the bound.
    let p = parse(a, &format!("?q={enc}&theme=%E5%B9%B2"));
    assert_eq!(p.selection.q, big.trim());
    assert_eq!(p.selection.chosen(Facet::Theme).len(), 1);
    assert_eq!(p.ignored_count, 0);
    check_parsed("1 MB q", &p).unwrap();
    assert!(prepare(&p.selection.q).chars().count() <= MAX_QUERY_CHARS);
    let out = apply(a, index(), &p.selection);
    assert_eq!(out.matched.len(), a.blocks.len());

    // A 1 MB unknown value and a 1 MB unknown key: reported, cut for the notice.
    for query in [
        format!("theme={enc}"),
        format!("platform={enc}"),
        format!("{enc}=1"),
    ] {
        let p = parse(a, &query);
        assert_eq!(p.ignored_count, 1, "{}", &query[..40]);
        let i = &p.ignored[0];
        assert!(i.key.chars().count() <= MAX_IGNORED_CHARS + 1);
        assert!(i.value.chars().count() <= MAX_IGNORED_CHARS + 1);
        assert!(p.selection.is_empty());
        check_parsed("1 MB entry", &p).unwrap();
    }

    // 1 MB of broken percent-encoding and of raw syntax characters.
    for junk in [
        "%".repeat(MB),
        "%E9%87".repeat(MB / 6),
        "%ED%A0%80".repeat(MB / 9),
        "&=".repeat(MB / 2),
        "q=%".repeat(MB / 3),
        "\u{301}".repeat(MB / 2),
        "\0".repeat(MB),
    ] {
        let p = parse(a, &junk);
        check_parsed("1 MB junk", &p).unwrap();
        let q = prepare(&junk);
        for (bi, b) in a.blocks.iter().enumerate() {
            check_block(b, &q, &index().find(bi, &q)).unwrap();
        }
    }
}

#[test]
fn thousands_of_repeated_keys() {
    let a = article();
    let n = 5_000;
    let rep = |entry: &str| vec![entry; n].join("&");

    let p = parse(a, &rep("theme=%E5%B9%B2"));
    assert_eq!(p.selection.chosen(Facet::Theme).len(), 1);
    assert_eq!(p.ignored_count, 0);

    let p = parse(a, &rep("theme=nope"));
    assert!(p.selection.is_empty());
    assert_eq!(p.ignored_count, n);
    assert_eq!(p.ignored.len(), MAX_IGNORED_KEPT);

    let p = parse(a, &rep("q=%E9%87%91"));
    assert_eq!(p.selection.q, "金");
    assert_eq!(p.ignored_count, n - 1, "every further q is reported");

    let p = parse(a, &rep("lang=en"));
    assert_eq!(p.lang.as_deref(), Some("en"));
    assert_eq!(p.ignored_count, n - 1, "every further lang is reported");

    // Every value of every facet, many times over, plus noise.
    let mut all = Vec::new();
    for f in Facet::ALL {
        for i in 0..a.facet_len(f) {
            all.push(format!("{}={}", f.key(), encode(a.value_name(f, i))));
        }
    }
    let every = all.join("&");
    let query = vec![every.as_str(); 200].join("&x=1&&=&");
    let p = parse(a, &query);
    for f in Facet::ALL {
        assert_eq!(p.selection.chosen(f).len(), a.facet_len(f));
    }
    assert_eq!(p.ignored_count, 199, "one x=1 between each copy");
    check_parsed("every value", &p).unwrap();

    let p = parse(a, &"&".repeat(100_000));
    assert_eq!(p, Parsed::default());
}

/// The least of several timings of `f` and of `g`, taken in turns, so that a busy
/// machine slows both alike (the least is the least disturbed).
fn best_of_each(runs: usize, mut f: impl FnMut(), mut g: impl FnMut()) -> (Duration, Duration) {
    let time = |h: &mut dyn FnMut()| {
        let t = Instant::now();
        h();
        t.elapsed()
    };
    (0..runs)
        .map(|_| (time(&mut f), time(&mut g)))
        .fold((Duration::MAX, Duration::MAX), |(a, b), (x, y)| {
            (a.min(x), b.min(y))
        })
}

/// Growing the input 8 times grows the time about 8 times (a quadratic path would
/// grow it 64 times): checked with a factor of 3 of slack and a small floor, on the
/// best of several runs, so a loaded machine does not make it flaky.
fn assert_linear(what: &str, small: Duration, large: Duration) {
    let limit = small * 8 * 3 + Duration::from_millis(20);
    assert!(
        large <= limit,
        "{what}: 8× the input took {large:?} vs {small:?} (limit {limit:?}): not linear"
    );
}

#[test]
fn url_parsing_time_is_linear_in_the_input() {
    let a = article();
    let make = |n: usize| {
        let mut parts = Vec::with_capacity(n);
        for i in 0..n {
            parts.push(match i % 4 {
                0 => "theme=%E5%B9%B2".to_string(),
                1 => format!("platform=nope{i}"),
                2 => "q=%E9%87%91%E4%B9%89".to_string(),
                _ => format!("k{i}=%ED%A0%80"),
            });
        }
        parts.join("&")
    };
    let (small, large) = (make(4_000), make(32_000));
    let (t1, t8) = best_of_each(
        5,
        || {
            std::hint::black_box(parse(a, &small));
        },
        || {
            std::hint::black_box(parse(a, &large));
        },
    );
    assert_linear("parse", t1, t8);
}

#[test]
fn search_time_is_linear_in_the_query_and_bounded() {
    let a = article();
    let idx = index();
    // Queries that almost match everywhere (the worst case for a naive search): the
    // article's commonest characters, and a near miss of a real phrase; for pinyin,
    // `aaaa…`, 200 initials, and initials that match often (search_chinese_props.rs
    // has the worst texts for them).
    let run = |q: &str| {
        let sel = Selection {
            q: q.to_string(),
            ..Default::default()
        };
        std::hint::black_box(apply(a, idx, &sel));
    };
    for unit in ["金义", "的", "金义新区金义新区x", "a", "y", "jyh", "zhy"] {
        let q = |chars: usize| unit.chars().cycle().take(chars).collect::<String>();
        let (q1, q8) = (q(MAX_QUERY_CHARS / 8), q(MAX_QUERY_CHARS));
        let (t1, t8) = best_of_each(5, || run(&q1), || run(&q8));
        assert_linear(&format!("search {unit:?}"), t1, t8);
        // Past the bound the time stops growing: 1 MB costs what 200 characters cost.
        let huge = q(MB);
        let (t8, t_huge) = best_of_each(3, || run(&q8), || run(&huge));
        let limit = t8 * 3 + Duration::from_millis(20);
        assert!(
            t_huge <= limit,
            "search {unit:?}: a 1 MB query took {t_huge:?} vs {t8:?} for {MAX_QUERY_CHARS} chars"
        );
    }
}
