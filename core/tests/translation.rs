//! Our English translation (`data/translation.toml`): every piece of the article has
//! it, the loader refuses a file that does not (naming the file, the entry and the fix),
//! and it is tidy. Whether it is faithful where a machine can check (numbers, names,
//! recurring terms) is `translation_faithful.rs`.

mod common;
use common::{article, data_dir, english_pieces as pieces};
use jinyi_core::loader::{
    load_all, LoadError, FACETS_FILE, FIGURES_FILE, MISSING_EN, STRUCTURE_FILE, TRANSLATION_FILE,
};
use jinyi_core::model::BlockKind;

fn read(name: &str) -> String {
    std::fs::read_to_string(data_dir().join(name)).unwrap()
}

// ---------- complete ----------

#[test]
fn every_piece_has_its_english() {
    let a = article();
    let t = &a.translation;
    assert_eq!(t.blocks.len(), a.blocks.len());
    assert_eq!(t.headings.len(), a.sections.len());
    assert_eq!(t.banner.len(), a.banner.len());
    for (i, b) in a.blocks.iter().enumerate() {
        let en = a.block_en(i).unwrap();
        assert!(!en.text.trim().is_empty(), "{}", b.id);
        let figure = matches!(b.kind, BlockKind::Figure { .. });
        assert_eq!(!en.credit.is_empty(), figure, "{}: credit", b.id);
        assert_eq!(en.gaps.len(), b.gaps.len(), "{}: gaps", b.id);
    }
    for (s, h) in a.sections.iter().zip(t.headings) {
        assert_eq!(s.heading.is_some(), !h.is_empty(), "{}", s.id);
    }
    for (place, _, en) in pieces() {
        assert!(!en.trim().is_empty(), "{place}");
    }
}

#[test]
fn the_missing_passage_is_marked_where_the_source_breaks_off() {
    let a = article();
    let gapped: Vec<&str> = a
        .blocks
        .iter()
        .filter(|b| !b.gaps.is_empty())
        .map(|b| b.id)
        .collect();
    assert_eq!(gapped, ["surpass-5"]);
    let i = a.blocks.iter().position(|b| b.id == "surpass-5").unwrap();
    let (zh, en) = (&a.blocks[i], a.block_en(i).unwrap());
    let (zh_at, en_at) = (zh.gaps[0] as usize, en.gaps[0] as usize);
    assert!(zh.text[..zh_at].ends_with("通过“全速推进一批、"));
    assert!(zh.text[zh_at..].starts_with("“两公里彩妆产业带”"));
    assert!(en.text[..en_at].ends_with("through “pushing ahead one batch at full speed, "));
    assert!(en.text[en_at..].starts_with(" the “Two-kilometre Cosmetics Industry Belt”"));
    assert!(
        !en.text.contains(MISSING_EN),
        "the marker is taken out of the text"
    );
}

#[test]
fn the_english_is_tidy() {
    for (place, zh, en) in pieces() {
        assert_eq!(en.trim(), en, "{place}: spaces at an end");
        assert!(!en.contains('"'), "{place}: straight double quote");
        assert_eq!(
            en.matches('(').count(),
            en.matches(')').count(),
            "{place}: (…)"
        );
        let outside: String = en
            .split('(')
            .map(|p| p.split_once(')').map_or(p, |x| x.1))
            .collect();
        // Quotation marks where the Chinese has them, no more, no fewer (a truncated
        // quotation stays open in both).
        for q in ['“', '”', '‘', '’'] {
            let n = |s: &str| s.matches(q).count();
            assert_eq!(n(&outside), n(zh), "{place}: {q} in {outside}");
        }
        // Chinese only as a name in brackets; never Chinese punctuation.
        assert!(
            !outside
                .chars()
                .any(|c| ('\u{3000}'..='\u{9fff}').contains(&c)
                    || ('\u{ff00}'..='\u{ffef}').contains(&c)),
            "{place}: Chinese outside brackets: {outside}"
        );
    }
    let a = article();
    for (b, en) in a.blocks.iter().zip(a.translation.blocks) {
        // Two spaces only around a missing passage ("speed, […] the" → "speed,  the").
        for (at, _) in en.text.match_indices("  ") {
            assert!(en.gaps.contains(&(at as u32 + 1)), "{}: double space", b.id);
        }
    }
}

#[test]
fn identical_credits_read_the_same() {
    let a = article();
    let mut seen: Vec<(&str, &str)> = Vec::new();
    for (b, en) in a.blocks.iter().zip(a.translation.blocks) {
        let credit = b.caption_and_credit().1;
        if credit.is_empty() {
            continue;
        }
        assert!(en.credit.starts_with("Photo"), "{}: {}", b.id, en.credit);
        if credit.ends_with('摄') {
            assert!(
                en.credit.starts_with("Photo: "),
                "{}: a photographer's credit",
                b.id
            );
        }
        match seen.iter().find(|(zh, _)| *zh == credit) {
            Some((_, first)) => assert_eq!(*first, en.credit, "{}", b.id),
            None => seen.push((credit, en.credit)),
        }
    }
}

#[test]
fn the_generated_source_embeds_the_english() {
    let a = article();
    let src = jinyi_core::codegen::article_source(a);
    for en in a.translation.blocks {
        assert!(src.contains(&format!("text:{:?}", en.text)), "{}", en.text);
    }
    for h in a.translation.headings.iter().chain(a.translation.banner) {
        assert!(src.contains(&format!("{h:?}")), "{h}");
    }
    assert!(src.contains(&format!("headline:{:?}", a.translation.headline)));
}

// ---------- refused when broken ----------

/// The loader's error for translation.toml with `from` (unique) replaced by `to`.
fn broken(from: &str, to: &str) -> LoadError {
    let text = read(TRANSLATION_FILE);
    assert_eq!(text.matches(from).count(), 1, "anchor {from:?}");
    let text = text.replacen(from, to, 1);
    load_all(
        &read(STRUCTURE_FILE),
        &read(FACETS_FILE),
        &read(FIGURES_FILE),
        &text,
        &read("article.txt"),
    )
    .map(|_| ())
    .expect_err(&format!("{from:?} → {to:?} loaded without an error"))
}

#[track_caller]
fn check(e: &LoadError, place: &str, message: &[&str], fix: &[&str]) {
    assert_eq!(e.file, TRANSLATION_FILE, "{e}");
    assert!(e.to_string().starts_with("translation.toml: "), "{e}");
    assert!(e.place.contains(place), "place should name {place:?}: {e}");
    for m in message {
        assert!(e.message.contains(m), "message should say {m:?}: {e}");
    }
    assert!(e.fix.trim().len() >= 10, "no real fix: {e}");
    for f in fix {
        assert!(e.fix.contains(f), "fix should say {f:?}: {e}");
    }
}

/// The whole line of translation.toml that starts with `key = `.
fn entry(key: &str) -> String {
    let text = read(TRANSLATION_FILE);
    let line = text
        .lines()
        .find(|l| l.starts_with(&format!("{key} = ")))
        .unwrap();
    format!("{line}\n")
}

#[test]
fn a_block_without_english_is_refused() {
    let e = broken(&entry("dare-3"), "");
    check(
        &e,
        "[block] dare-3",
        &["\"dare-3\"", "no English"],
        &["add `dare-3 = ", "[block]"],
    );
    let e = broken(&entry("surpass-photo-2"), "");
    check(
        &e,
        "[block] surpass-photo-2",
        &["\"surpass-photo-2\""],
        &["add `surpass-photo-2 = "],
    );
}

#[test]
fn an_unknown_block_is_refused() {
    let e = broken("\ndare-3 = ", "\ndare-33 = ");
    check(
        &e,
        "[block] dare-33",
        &["no block has the id \"dare-33\""],
        &["did you mean \"dare-3\""],
    );
    let e = broken("\ndo-photo = \"Photo", "\ndo-foto = \"Photo");
    check(
        &e,
        "[credit] do-foto",
        &["\"do-foto\""],
        &["did you mean \"do-photo\""],
    );
}

#[test]
fn an_empty_entry_is_refused() {
    let e = broken(&entry("do-3"), "do-3 = \"  \"\n");
    check(&e, "[block] do-3", &["`do-3` is empty"], &["`do-3`"]);
    let e = broken("do-photo = \"Photo: Shi Bufa\"", "do-photo = \"\"");
    check(&e, "[credit] do-photo", &["is empty"], &[]);
    let e = broken(&entry("dare"), "dare = \"\"\n");
    check(&e, "[heading] dare", &["is empty"], &[]);
    let e = broken(&entry("byline"), "byline = \" \"\n");
    check(&e, "[masthead] byline", &["is empty"], &[]);
}

#[test]
fn a_missing_passage_needs_its_marker_and_only_there() {
    let e = broken("full speed, […] the", "full speed, the");
    check(
        &e,
        "[block] surpass-5",
        &["lacks 1 passage", "0 marker"],
        &["[…]", "same place"],
    );
    let e = broken("full speed, […] the", "full speed, [...] the");
    check(
        &e,
        "[block] surpass-5",
        &["0 marker"],
        &["exactly these three characters"],
    );
    let e = broken("full speed, […] the", "full speed, […] […] the");
    check(&e, "[block] surpass-5", &["2 marker"], &[]);
    let e = broken("has fully taken shape…\"", "has fully taken shape… […]\"");
    check(&e, "[block] surpass-5", &["2 marker"], &[]);
    // A complete block, a credit or a heading never has one.
    let e = broken("regional development.\"", "regional development. […]\"");
    check(
        &e,
        "[block] do-3",
        &["where the source is complete"],
        &["remove […]"],
    );
    let e = broken("Photo: Shi Bufa", "Photo: […]");
    check(
        &e,
        "[credit] do-photo",
        &["where the source is complete"],
        &[],
    );
    // A lookalike beside the real marker, and a marker at an end.
    let e = broken(
        "In recent years, Jinyi New Area has always",
        "In recent years [...], Jinyi New Area has always",
    );
    check(&e, "[block] surpass-5", &["square brackets"], &["[…]"]);
    let e = broken(&entry("surpass-5"), "surpass-5 = \"In recent years […]\"\n");
    check(&e, "[block] surpass-5", &["at an end"], &[]);
}

#[test]
fn credits_belong_to_photo_captions() {
    let e = broken("do-photo = \"Photo: Shi Bufa\"\n", "");
    check(
        &e,
        "[credit] do-photo",
        &["\"do-photo\"", "no English credit"],
        &["add `do-photo = \"Photo: "],
    );
    let e = broken("[credit]\n", "[credit]\ndo-3 = \"Photo: nobody\"\n");
    check(&e, "[credit] do-3", &["not a photo caption"], &["remove"]);
}

#[test]
fn headings_banner_and_masthead_are_checked() {
    let e = broken(&entry("surpass"), "");
    check(
        &e,
        "[heading] surpass",
        &["\"surpass\"", "no English heading"],
        &["add `surpass = "],
    );
    let e = broken("\ndo = \"", "\ndoo = \"");
    check(
        &e,
        "[heading] doo",
        &["no section has the id"],
        &["did you mean \"do\""],
    );
    let e = broken("[heading]\n", "[heading]\nlead = \"Lead\"\n");
    check(&e, "[heading] lead", &["has no heading"], &["remove"]);
    let e = broken("  \"Build an international hub city\",\n", "");
    check(
        &e,
        "[banner] lines",
        &["1 English lines for the banner's 2"],
        &["one English line"],
    );
    let e = broken(&entry("kicker"), "");
    assert_eq!(e.file, TRANSLATION_FILE, "{e}");
    assert!(e.fix.contains("`kicker"), "{e}");
    let e = broken("[block]\n", "[blocks]\n");
    assert_eq!(e.file, TRANSLATION_FILE, "{e}");
    assert!(e.place.starts_with("line "), "{e}");
}
