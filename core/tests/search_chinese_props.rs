//! Properties of the pinyin search (issue 9), on generated queries and texts: initials
//! match wherever whole syllables do; the matcher agrees with a brute-force statement
//! of the rule (`common::pinyin_matches`) and its hits are sound; and its time is
//! linear in the text and in the query, even on the worst inputs (`aaaa…` against a
//! run of characters read `an`, 200 initials against a run of 义), where every query
//! position is live at every character.

mod common;
use common::*;
use jinyi_core::filter::{apply, Via};
use jinyi_core::query::Selection;
use jinyi_core::search::{prepare, PinyinQuery, SearchIndex, MAX_QUERY_CHARS};
use proptest::prelude::*;
use proptest::sample::Index;
use std::time::{Duration, Instant};

/// Every syllable of the table.
fn syllables() -> Vec<&'static str> {
    article().pinyin.entries().map(|(s, _)| s).collect()
}

/// Two to five whole syllables: read off a run of a real block (one reading picked
/// per character, so that block surely matches), or any syllables of the table.
fn whole_syllables() -> impl Strategy<Value = Vec<&'static str>> {
    prop_oneof![
        (
            any::<Index>(),
            any::<Index>(),
            2..6usize,
            any::<[Index; 5]>()
        )
            .prop_filter_map("a run long enough", |(block, start, len, picks)| {
                let a = article();
                let runs = pinyin_runs(&a.blocks[block.index(a.blocks.len())]);
                let long: Vec<&Vec<char>> = runs.iter().filter(|r| r.len() >= len).collect();
                if long.is_empty() {
                    return None;
                }
                let run = long[start.index(long.len())];
                let s = start.index(run.len() - len + 1);
                Some(
                    run[s..s + len]
                        .iter()
                        .zip(picks)
                        .map(|(&c, p)| readings(c)[p.index(readings(c).len())])
                        .collect(),
                )
            }),
        proptest::collection::vec(proptest::sample::select(syllables()), 2..5),
    ]
}

/// The initial of a syllable: its first letter, or with `two` its `zh`/`ch`/`sh`.
fn initial(s: &str, two: bool) -> &str {
    if two && ["zh", "ch", "sh"].iter().any(|i| s.starts_with(i)) {
        &s[..2]
    } else {
        &s[..1]
    }
}

/// Does a run of the block's characters read exactly `syl`, one syllable a character?
/// (The matcher may also find the letters of `syl.concat()` cut another way, e.g.
/// `shuixiao` as 社(s)会(hui)消(xiao): there the initials of `syl` need not match.)
fn spells(block: &jinyi_core::model::Block, syl: &[&str]) -> bool {
    pinyin_runs(block).iter().any(|run| {
        run.windows(syl.len())
            .any(|w| w.iter().zip(syl).all(|(&c, s)| readings(c).contains(s)))
    })
}

fn pinyin_matched(b: usize, letters: &str) -> bool {
    let p = PinyinQuery::parse(letters).expect("letters");
    !index().find_pinyin(b, &p).is_empty()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// The property: every block whose characters read two or more whole
    /// syllables is found by them, by their initials (one letter, or zh/ch/sh) and by
    /// any mix of the two.
    #[test]
    fn initials_match_wherever_whole_syllables_do(
        syl in whole_syllables(),
        two in any::<bool>(),
        mix in any::<[bool; 5]>(),
    ) {
        let a = article();
        let whole = syl.concat();
        let initials: String = syl.iter().map(|s| initial(s, two)).collect();
        let mixed: String = syl.iter().zip(mix).map(|(s, w)| if w { s } else { initial(s, two) }).collect();
        let out = apply(a, index(), &Selection { q: initials.clone(), ..Selection::default() });
        for (b, block) in a.blocks.iter().enumerate() {
            if spells(block, &syl) {
                prop_assert!(pinyin_matched(b, &whole), "{} spells {} but is not found", block.id, whole);
                prop_assert!(pinyin_matched(b, &initials), "{} by {} but not {}", block.id, whole, initials);
                prop_assert!(pinyin_matched(b, &mixed), "{} by {} but not {}", block.id, whole, mixed);
                prop_assert!(out.matched[b] && out.via[b].contains(&Via::Pinyin(initials.clone())));
            }
        }
    }

    /// On the real blocks: a block matches by pinyin exactly when the brute force says
    /// some run of its characters spells the query, and its hits are sound.
    #[test]
    fn the_matcher_agrees_with_the_rule_on_the_article(
        syl in whole_syllables(),
        picks in any::<[u8; 5]>(),
        letters in "[a-z]{2,5}",
        which in 0..3u8,
    ) {
        let q: String = match which {
            0 => syl.iter().zip(picks).map(|(s, p)| match p % 3 {
                0 => *s,
                1 => initial(s, false),
                _ => initial(s, true),
            }).collect(),
            1 => letters,
            _ => syl.concat(),
        };
        let p = PinyinQuery::parse(&q).unwrap();
        for (b, block) in article().blocks.iter().enumerate() {
            let hits = index().find_pinyin(b, &p);
            prop_assert_eq!(!hits.is_empty(), pinyin_matches(block, &q), "{} in {}", q, block.id);
            let sound = check_pinyin_hits(block.text, &cuts(block), &hits, &q);
            prop_assert!(sound.is_ok(), "{}", sound.unwrap_err());
        }
    }

    /// On any text of the article's characters, quotation marks, punctuation, spaces and
    /// Latin letters, with a gap and a credit anywhere: the same.
    #[test]
    fn the_matcher_agrees_with_the_rule_on_any_text(
        text in "[金义湖长三角都市区中欧班列综合干字当头“”‘’《》「」，。、 a]{1,30}",
        gap in any::<Index>(),
        credit in proptest::option::of(any::<Index>()),
        q in "(jin|j|yi|y|hu|h|chang|zhang|ch|zh|c|z|san|s|sh|du|dou|d|shi|qu|q|ou|o|ban|b|lie|l|gan|g|zi|dang|tou|t|an|a|he){1,5}",
    ) {
        let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        let g = bounds[gap.index(bounds.len())] as u32;
        let gaps: Vec<u32> = if g > 0 && (g as usize) < text.len() { vec![g] } else { vec![] };
        let credit_at = credit.map(|c| bounds[c.index(bounds.len())] as u32);
        let b = leak_block(&text, &gaps, credit_at);
        let idx = SearchIndex::with_pinyin(std::slice::from_ref(&b), article().pinyin);
        if let Some(p) = PinyinQuery::parse(&q) {
            let hits = idx.find_pinyin(0, &p);
            prop_assert_eq!(!hits.is_empty(), pinyin_matches(&b, &q), "{:?} in {:?}", q, text);
            let sound = check_pinyin_hits(&text, &cuts(&b), &hits, &q);
            prop_assert!(sound.is_ok(), "{:?} in {:?}: {}", q, text, sound.unwrap_err());
        }
    }
}

// ---------- time: linear, no backtracking ----------

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

/// 8 times the input takes about 8 times as long (a quadratic path would take 64):
/// checked with a factor of 3 of slack and a small floor, as in hostile.rs.
fn assert_linear(what: &str, small: Duration, large: Duration) {
    let limit = small * 8 * 3 + Duration::from_millis(20);
    assert!(
        large <= limit,
        "{what}: 8× the input took {large:?} vs {small:?} (limit {limit:?}): not linear"
    );
}

/// Worst cases: every query position stays live at every character, because each
/// character can be read as each letter of the query (干 reads `an` too, so `aaaa…`
/// is its initials; 义 is `y` and `yi`).
const WORST: [(&str, &str); 4] = [("干", "a"), ("义", "y"), ("义", "yi"), ("干", "gan")];

#[test]
fn pinyin_time_is_linear_in_the_text_on_the_worst_inputs() {
    for (c, unit) in WORST {
        let q = PinyinQuery::parse(&prepare(&unit.repeat(MAX_QUERY_CHARS))).unwrap();
        let make = |n: usize| leak_block(&c.repeat(n), &[], None);
        let (small, large) = (make(1_000), make(8_000));
        let idx_small = SearchIndex::with_pinyin(std::slice::from_ref(&small), article().pinyin);
        let idx_large = SearchIndex::with_pinyin(std::slice::from_ref(&large), article().pinyin);
        // It does match: 200 letters of `a` are 200 characters read `an` by initials.
        assert!(!idx_small.find_pinyin(0, &q).is_empty(), "{c} {unit}");
        let (t1, t8) = best_of_each(
            5,
            || drop(std::hint::black_box(idx_small.find_pinyin(0, &q))),
            || drop(std::hint::black_box(idx_large.find_pinyin(0, &q))),
        );
        assert_linear(&format!("{unit}… over {c}…"), t1, t8);
    }
}

#[test]
fn pinyin_time_is_linear_in_the_query_on_the_worst_inputs() {
    for (c, unit) in WORST {
        let b = leak_block(&c.repeat(4_000), &[], None);
        let idx = SearchIndex::with_pinyin(std::slice::from_ref(&b), article().pinyin);
        let q = |chars: usize| {
            let letters: String = unit.chars().cycle().take(chars).collect();
            PinyinQuery::parse(&letters).unwrap()
        };
        let (q1, q8) = (q(MAX_QUERY_CHARS / 8), q(MAX_QUERY_CHARS));
        let (t1, t8) = best_of_each(
            5,
            || drop(std::hint::black_box(idx.find_pinyin(0, &q1))),
            || drop(std::hint::black_box(idx.find_pinyin(0, &q8))),
        );
        assert_linear(&format!("{unit}… over {c}…, query"), t1, t8);
    }
}

#[test]
fn pinyin_search_of_the_article_is_linear_in_the_query_and_bounded() {
    let a = jinyi_core::loader::corpus::repeated(article(), 10);
    let idx = SearchIndex::for_article(a);
    let run = |q: &str| {
        let sel = Selection {
            q: q.to_string(),
            ..Selection::default()
        };
        drop(std::hint::black_box(apply(a, &idx, &sel)));
    };
    // `aaaa…`, 200 initials, initials and syllables that match often.
    for unit in ["a", "y", "jyh", "yi", "zh", "jinyh", "de"] {
        let q = |chars: usize| unit.chars().cycle().take(chars).collect::<String>();
        let (q1, q8) = (q(MAX_QUERY_CHARS / 8), q(MAX_QUERY_CHARS));
        let (t1, t8) = best_of_each(5, || run(&q1), || run(&q8));
        assert_linear(&format!("search {unit:?}"), t1, t8);
        // Past the bound the time stops growing.
        let huge = q(1 << 20);
        let (t8, t_huge) = best_of_each(3, || run(&q8), || run(&huge));
        assert!(
            t_huge <= t8 * 3 + Duration::from_millis(20),
            "{unit:?}: 1 MB took {t_huge:?} vs {t8:?}"
        );
    }
}
