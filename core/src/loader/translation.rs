//! `translation.toml`: our English for everything the reader sees (masthead, banner,
//! section headings, blocks, photo credits), checked against the assembled article:
//! every piece has its English, no entry names a piece the article does not have, none
//! is empty, and a block with a missing passage marks it (`MISSING_EN`) where the
//! source lacks it, once per passage.

use super::{
    check_text, did_you_mean, err, leak, leak_vec, parse_toml, LoadError, MISSING_EN,
    STRUCTURE_FILE, TRANSLATION_FILE,
};
use crate::model::*;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TranslationFile {
    masthead: MastheadEn,
    #[serde(default)]
    banner: BannerEn,
    #[serde(default)]
    heading: BTreeMap<String, String>,
    #[serde(default)]
    block: BTreeMap<String, String>,
    #[serde(default)]
    credit: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MastheadEn {
    kicker: String,
    headline: String,
    byline: String,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct BannerEn {
    #[serde(default)]
    lines: Vec<String>,
}

/// Reads and checks `translation.toml` against the article (its blocks, sections and
/// banner, as article.toml assembles them).
pub(super) fn load_translation(text: &str, a: &Article) -> Result<Translation, LoadError> {
    let file: TranslationFile = parse_toml(TRANSLATION_FILE, text)?;
    let m = &file.masthead;
    for (field, v) in [
        ("kicker", &m.kicker),
        ("headline", &m.headline),
        ("byline", &m.byline),
    ] {
        plain(&format!("[masthead] {field}"), field, v)?;
    }
    Ok(Translation {
        kicker: leak(m.kicker.clone()),
        headline: leak(m.headline.clone()),
        byline: leak(m.byline.clone()),
        banner: banner(&file.banner.lines, a)?,
        headings: headings(&file.heading, a)?,
        blocks: blocks(&file, a)?,
    })
}

fn banner(lines: &[String], a: &Article) -> Result<&'static [&'static str], LoadError> {
    if lines.len() != a.banner.len() {
        return err(
            TRANSLATION_FILE,
            "[banner] lines",
            format!(
                "{} English lines for the banner's {} lines",
                lines.len(),
                a.banner.len()
            ),
            format!("give one English line per banner line of {STRUCTURE_FILE}, in order"),
        );
    }
    let mut out = Vec::new();
    for (k, l) in lines.iter().enumerate() {
        plain(&format!("[banner] lines[{k}]"), "lines", l)?;
        out.push(leak(l.clone()));
    }
    Ok(leak_vec(out))
}

fn headings(
    file: &BTreeMap<String, String>,
    a: &Article,
) -> Result<&'static [&'static str], LoadError> {
    for (id, v) in file {
        let place = format!("[heading] {id}");
        let Some(s) = a.sections.iter().find(|s| s.id == id) else {
            return err(
                TRANSLATION_FILE,
                place,
                format!("no section has the id \"{id}\""),
                format!(
                    "key headings by the section ids of {STRUCTURE_FILE}{}",
                    did_you_mean(id, a.sections.iter().map(|s| s.id))
                ),
            );
        };
        if s.heading.is_none() {
            return err(
                TRANSLATION_FILE,
                place,
                format!("section \"{id}\" has no heading in {STRUCTURE_FILE}"),
                "remove the entry: only sections with a heading get one",
            );
        }
        plain(&place, id, v)?;
    }
    let mut out = Vec::new();
    for s in a.sections {
        match (&s.heading, file.get(s.id)) {
            (None, _) => out.push(""),
            (Some(_), Some(v)) => out.push(leak(v.clone())),
            (Some(h), None) => {
                return err(
                    TRANSLATION_FILE,
                    format!("[heading] {}", s.id),
                    format!("section \"{}\" has no English heading", s.id),
                    format!(
                        "add `{} = \"…\"` under [heading], the English of \"{}\"",
                        s.id, h.text
                    ),
                )
            }
        }
    }
    Ok(leak_vec(out))
}

fn blocks(file: &TranslationFile, a: &Article) -> Result<&'static [BlockEn], LoadError> {
    // Names first: an entry for a block that does not exist (or a credit for a block
    // that is no figure) is reported before a block without its English.
    for (table, entries) in [("block", &file.block), ("credit", &file.credit)] {
        for id in entries.keys() {
            let place = format!("[{table}] {id}");
            let Some(b) = a.blocks.iter().find(|b| b.id == id) else {
                return err(
                    TRANSLATION_FILE,
                    place,
                    format!("no block has the id \"{id}\""),
                    format!(
                        "key entries by the block ids of {STRUCTURE_FILE}{}",
                        did_you_mean(id, a.blocks.iter().map(|b| b.id))
                    ),
                );
            };
            if table == "credit" && !matches!(b.kind, BlockKind::Figure { .. }) {
                return err(
                    TRANSLATION_FILE,
                    place,
                    format!("block \"{id}\" is not a photo caption: it has no credit"),
                    "remove the entry (only figures have a credit)",
                );
            }
        }
    }
    let mut out = Vec::new();
    for b in a.blocks {
        let place = format!("[block] {}", b.id);
        let Some(text) = file.block.get(b.id) else {
            return err(
                TRANSLATION_FILE,
                place,
                format!("block \"{}\" has no English", b.id),
                format!(
                    "add `{} = \"…\"` under [block], the English of \"{}…\"",
                    b.id,
                    b.text.chars().take(16).collect::<String>()
                ),
            );
        };
        check_text(TRANSLATION_FILE, &place, b.id, text)?;
        let (text, gaps) = with_gaps(&place, text, b.gaps.len())?;
        let credit = match b.kind {
            BlockKind::Figure { .. } => {
                let place = format!("[credit] {}", b.id);
                let Some(c) = file.credit.get(b.id) else {
                    return err(
                        TRANSLATION_FILE,
                        place,
                        format!("photo caption \"{}\" has no English credit", b.id),
                        format!(
                            "add `{} = \"Photo: …\"` under [credit], the English of \"{}\"",
                            b.id,
                            b.caption_and_credit().1
                        ),
                    );
                };
                plain(&place, b.id, c)?;
                leak(c.clone())
            }
            _ => "",
        };
        out.push(BlockEn {
            text: leak(text),
            credit,
            gaps: leak_vec(gaps),
        });
    }
    Ok(leak_vec(out))
}

/// A non-empty entry without a missing-passage marker (only blocks may have one).
fn plain(place: &str, field: &str, v: &str) -> Result<(), LoadError> {
    check_text(TRANSLATION_FILE, place, field, v)?;
    with_gaps(place, v, 0).map(|_| ())
}

/// `text` without its `MISSING_EN` markers and where they stood; there must be exactly
/// `expected` of them (one per missing passage of the Chinese), each inside the text,
/// and no other square brackets (so a lookalike such as `[...]` is caught).
fn with_gaps(place: &str, text: &str, expected: usize) -> Result<(String, Vec<u32>), LoadError> {
    let found = text.matches(MISSING_EN).count();
    if found != expected {
        let (message, fix) = if expected == 0 {
            (
                format!("the missing-passage marker {MISSING_EN} stands where the source is complete"),
                format!(
                    "remove {MISSING_EN}: it marks only the passages {STRUCTURE_FILE} marks \"missing\""
                ),
            )
        } else {
            (
                format!(
                    "the source lacks {expected} passage(s) here ({STRUCTURE_FILE} marks \"missing\") \
                     but the English has {found} marker(s) {MISSING_EN}"
                ),
                format!(
                    "write {MISSING_EN} (exactly these three characters) once where the \
                     Chinese breaks off, at the same place in the English"
                ),
            )
        };
        return err(TRANSLATION_FILE, place, message, fix);
    }
    let mut out = String::new();
    let mut gaps = Vec::new();
    for (k, part) in text.split(MISSING_EN).enumerate() {
        if k > 0 {
            gaps.push(out.len() as u32);
        }
        out.push_str(part);
    }
    if out.contains(['[', ']']) {
        return err(
            TRANSLATION_FILE,
            place,
            "square brackets other than the missing-passage marker",
            format!(
                "write a missing passage as {MISSING_EN} (one character …, not three dots), \
                 and use no other square brackets"
            ),
        );
    }
    if gaps.iter().any(|&g| {
        let g = g as usize;
        out[..g].trim().is_empty() || out[g..].trim().is_empty()
    }) {
        return err(
            TRANSLATION_FILE,
            place,
            format!("the marker {MISSING_EN} stands at an end of the text"),
            "put it where the Chinese breaks off, between the English before and after the gap",
        );
    }
    Ok((out, gaps))
}
