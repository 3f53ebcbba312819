//! Nothing lost, nothing invented: the assembled article uses every non-blank source line
//! exactly once, in the reviewed reading order, and holds no character the source lacks.

mod common;
use common::{article, data_dir, source};
use jinyi_core::model::BlockKind;

#[test]
fn the_project_copy_is_the_received_source_verbatim() {
    let shared = data_dir().join("../../shared/seed/article.txt");
    // The shared seed is beside the checkout on the team's machines and in CI.
    let seed = std::fs::read(&shared).expect("../shared/seed/article.txt is beside the checkout");
    assert_eq!(seed, std::fs::read(data_dir().join("article.txt")).unwrap());
}

#[test]
fn every_non_blank_line_is_used_exactly_once() {
    let src = source();
    let non_blank: Vec<u32> = src
        .split('\n')
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, _)| i as u32 + 1)
        .collect();
    let mut used = article().lines_in_reading_order();
    used.sort_unstable();
    assert_eq!(used, non_blank);
}

#[test]
fn reading_order_is_the_reviewed_one() {
    // Column continuations: 25→39, 33→47, 45→53, 51→59; captions where they stand.
    let expected: Vec<u32> = vec![
        3, 5, 7, 9, 11, 13, 15, // masthead, lead, aerial photo, banner
        17, 19, 21, 23, 25, 39, 37, 41, 43, 45, 53, // “敢”为人先
        27, 29, 31, 33, 47, 49, 51, 59, 57, 61, 63, 65, 67, // “干”字当头
        69, 71, 73, 75, 77, 79, 81, 83, 85, 87, 89, 93, 97, // “赶”超发展
    ];
    assert_eq!(article().lines_in_reading_order(), expected);
}

#[test]
fn every_character_comes_from_the_source_and_reaches_the_reader_once() {
    let a = article();
    let src = source();
    let lines: Vec<&str> = src.split('\n').collect();
    let line = |n: u32| lines[n as usize - 1];
    let m = &a.masthead;
    let mut shown = String::new();
    let mut expected = String::new();
    for t in [m.kicker, m.headline, m.byline] {
        assert_eq!(t.text, line(t.line));
        shown.push_str(t.text);
    }
    for (i, sec) in a.sections.iter().enumerate() {
        if i == a.banner_before as usize {
            for t in a.banner {
                assert_eq!(t.text, line(t.line));
                shown.push_str(t.text);
            }
        }
        if let Some(h) = sec.heading {
            assert_eq!(h.text, line(h.line));
            shown.push_str(h.text);
        }
        for b in a.section_blocks(i) {
            // The block's text is exactly its lines joined, nothing between them.
            let joined: String = b.pieces.iter().map(|p| line(p.line)).collect();
            assert_eq!(b.text, joined, "block {}", b.id);
            for p in b.pieces {
                assert_eq!(
                    &b.text[p.start as usize..(p.start + p.len) as usize],
                    line(p.line)
                );
            }
            // A caption and its credit are one line split in two, nothing dropped.
            let (caption, credit) = b.caption_and_credit();
            assert_eq!(format!("{caption}{credit}"), b.text);
            shown.push_str(b.text);
        }
    }
    for n in a.lines_in_reading_order() {
        expected.push_str(line(n));
    }
    assert_eq!(shown, expected);
    // And as multisets of characters, the shown text is the non-blank source.
    let mut a_chars: Vec<char> = shown.chars().filter(|c| !c.is_whitespace()).collect();
    let mut s_chars: Vec<char> = src.chars().filter(|c| !c.is_whitespace()).collect();
    a_chars.sort_unstable();
    s_chars.sort_unstable();
    assert_eq!(a_chars, s_chars);
}

#[test]
fn every_join_reads_as_one_sentence() {
    // Where the page cut a paragraph, the first part stops mid-sentence and the second
    // part does not start a new one.
    for b in article().blocks {
        for w in b.pieces.windows(2) {
            let at = w[1].start as usize;
            if b.gaps.contains(&(at as u32)) {
                continue;
            }
            let before = b.text[..at].chars().last().unwrap();
            let after = b.text[at..].chars().next().unwrap();
            assert!(
                !"。！？…”".contains(before),
                "{}: join after '{before}'",
                b.id
            );
            assert!(!"“‘".contains(after), "{}: join before '{after}'", b.id);
            assert!(!after.is_whitespace(), "{}", b.id);
        }
    }
}

#[test]
fn the_missing_passage_is_marked_not_glued() {
    let a = article();
    let gapped: Vec<_> = a.blocks.iter().filter(|b| !b.gaps.is_empty()).collect();
    assert_eq!(gapped.len(), 1);
    let b = gapped[0];
    assert_eq!(b.id, "surpass-5");
    let at = b.gaps[0] as usize;
    assert!(b.text[..at].ends_with("通过“全速推进一批、"));
    assert!(b.text[at..].starts_with("“两公里彩妆产业带”全面成势……"));
}

#[test]
fn figures_carry_their_credits() {
    let credits: Vec<(&str, &str)> = article()
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Figure { .. }))
        .map(|b| (b.id, b.caption_and_credit().1))
        .collect();
    assert_eq!(
        credits,
        vec![
            ("lead-photo", "胡赣昌 摄"),
            ("dare-photo", "金东区委宣传部供图"),
            ("do-photo", "时补法 摄"),
            ("surpass-photo-1", "胡赣昌 摄"),
            ("surpass-photo-2", "杨梅清 摄"),
            ("surpass-photo-3", "胡赣昌 摄"),
        ]
    );
}

#[test]
fn the_generated_source_embeds_exactly_the_loaded_article() {
    let src = jinyi_core::codegen::article_source(article());
    for b in article().blocks {
        assert!(src.contains(&format!("{:?}", b.text)), "{}", b.id);
    }
    assert!(src.starts_with("// @generated"));
}
