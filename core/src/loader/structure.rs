//! `article.toml` over `article.txt`: the masthead, the banner and the sections with
//! their blocks, in reading order. Every non-blank source line must be used exactly
//! once (`Lines`), so nothing of the source is lost or doubled; a paragraph may join
//! lines across the page's columns and mark a passage the source lacks.

use super::{
    check_id, check_text, err, leak, leak_vec, LoadError, FACETS_FILE, MISSING, STRUCTURE_FILE,
};
use crate::model::*;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct StructureFile {
    /// The source text's file name, beside this file.
    pub(super) source: String,
    masthead: MastheadDef,
    banner: BannerDef,
    section: Vec<SectionDef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MastheadDef {
    kicker: i64,
    headline: i64,
    byline: i64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BannerDef {
    lines: Vec<i64>,
    before: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SectionDef {
    id: String,
    en: String,
    heading: Option<i64>,
    spirits: Vec<String>,
    #[serde(default)]
    blocks: Vec<BlockDef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BlockDef {
    id: String,
    #[serde(default)]
    intro: bool,
    lines: Option<Vec<toml::Value>>,
    figure: Option<i64>,
    credit: Option<String>,
}

/// The source lines and which of them are used where.
struct Lines<'a> {
    lines: Vec<&'a str>,
    used: BTreeMap<u32, String>,
}

impl<'a> Lines<'a> {
    fn new(source: &'a str) -> Self {
        Lines {
            lines: source
                .split('\n')
                .map(|l| l.trim_end_matches('\r'))
                .collect(),
            used: BTreeMap::new(),
        }
    }

    /// Takes line `n` for `place`; it must exist, not be blank and not be taken yet.
    fn take(&mut self, n: i64, place: &str) -> Result<SourceText, LoadError> {
        let count = self.lines.len();
        let Some(text) = usize::try_from(n)
            .ok()
            .filter(|&n| n >= 1 && n <= count)
            .map(|n| self.lines[n - 1])
        else {
            return err(
                STRUCTURE_FILE,
                place,
                format!("line {n} does not exist: the source has lines 1 to {count}"),
                "use a line number of article.txt as your editor shows it",
            );
        };
        if text.trim().is_empty() {
            return err(
                STRUCTURE_FILE,
                place,
                format!("line {n} of the source is blank"),
                "refer only to lines with text",
            );
        }
        let n = n as u32;
        if let Some(first) = self.used.get(&n) {
            return err(
                STRUCTURE_FILE,
                place,
                format!("line {n} is used twice (first by {first})"),
                "use each source line exactly once: remove one of the two uses",
            );
        }
        self.used.insert(n, place.to_string());
        Ok(SourceText {
            line: n,
            text: leak(text),
        })
    }

    /// Fails on the first non-blank line nobody used, naming the uses around it.
    fn check_all_used(&self) -> Result<(), LoadError> {
        for (i, text) in self.lines.iter().enumerate() {
            let n = i as u32 + 1;
            if !text.trim().is_empty() && !self.used.contains_key(&n) {
                let start: String = text.chars().take(20).collect();
                let near = |e: Option<(&u32, &String)>, side: &str| {
                    e.map(|(l, place)| format!("{side} line {l} ({place})"))
                };
                let around: Vec<String> = [
                    near(self.used.range(..n).next_back(), "after"),
                    near(self.used.range(n + 1..).next(), "before"),
                ]
                .into_iter()
                .flatten()
                .collect();
                return err(
                    STRUCTURE_FILE,
                    format!("source line {n}"),
                    format!("source line {n} (\"{start}…\") is never used"),
                    format!(
                        "add {n} to the `lines` of the block it belongs to, in reading order \
                         (every character of the source must reach the reader); in the \
                         source it stands {}",
                        around.join(" and ")
                    ),
                );
            }
        }
        Ok(())
    }
}

/// The article's text in reading order, as `article.toml` arranges the source lines.
pub(super) struct Reading {
    pub(super) masthead: Masthead,
    pub(super) banner: Vec<SourceText>,
    /// The index of the section the banner stands before.
    pub(super) banner_before: usize,
    pub(super) sections: Vec<Section>,
    pub(super) blocks: Vec<Block>,
    /// Per block, the spirits of its section (its first theme tags).
    pub(super) block_spirits: Vec<Vec<u16>>,
    pub(super) block_ids: BTreeSet<String>,
}

/// Reads `source` in the order `s` gives; `spirit_names` are the spirits' names from
/// facets.toml, which each section must name its own from.
pub(super) fn read(
    s: &StructureFile,
    spirit_names: &[&str],
    source: &str,
) -> Result<Reading, LoadError> {
    let mut lines = Lines::new(source);
    let spirit_index = |name: &str| spirit_names.iter().position(|s| *s == name);

    // Masthead and banner.
    let masthead = Masthead {
        kicker: lines.take(s.masthead.kicker, "[masthead] kicker")?,
        headline: lines.take(s.masthead.headline, "[masthead] headline")?,
        byline: lines.take(s.masthead.byline, "[masthead] byline")?,
    };
    // The banner is read in its place in reading order, below.
    let Some(banner_before) = s.section.iter().position(|x| x.id == s.banner.before) else {
        return err(
            STRUCTURE_FILE,
            "[banner] before",
            format!("no section has the id \"{}\"", s.banner.before),
            "name the id of the section the banner stands before",
        );
    };
    let mut banner = Vec::new();

    // Sections and blocks, in reading order.
    let mut sections = Vec::new();
    let mut blocks: Vec<Block> = Vec::new();
    let mut block_spirits: Vec<Vec<u16>> = Vec::new();
    let mut section_ids = BTreeSet::new();
    let mut block_ids = BTreeSet::new();
    for (si, sec) in s.section.iter().enumerate() {
        let place = format!("[[section]] #{} ({})", si + 1, sec.id);
        check_id(STRUCTURE_FILE, &place, &sec.id)?;
        check_text(STRUCTURE_FILE, &place, "en", &sec.en)?;
        if !section_ids.insert(sec.id.clone()) {
            return err(
                STRUCTURE_FILE,
                place,
                format!("section id \"{}\" is used twice", sec.id),
                "give each section its own id",
            );
        }
        if si == banner_before {
            for (k, &n) in s.banner.lines.iter().enumerate() {
                banner.push(lines.take(n, &format!("[banner] lines[{k}]"))?);
            }
        }
        let heading = match sec.heading {
            Some(n) => Some(lines.take(n, &format!("{place} heading"))?),
            None => None,
        };
        if sec.spirits.is_empty() {
            return err(
                STRUCTURE_FILE,
                place,
                "`spirits` is empty",
                "name the spirit(s) of the section: 敢, 干 or 赶",
            );
        }
        let mut spirits = Vec::new();
        for sp in &sec.spirits {
            match spirit_index(sp) {
                Some(i) => spirits.push(i as u16),
                None => {
                    return err(
                        STRUCTURE_FILE,
                        format!("{place} spirits"),
                        format!("\"{sp}\" is not a spirit defined in {FACETS_FILE}"),
                        format!("use one of: {}", spirit_names.join(", ")),
                    )
                }
            }
        }
        if sec.blocks.is_empty() {
            return err(
                STRUCTURE_FILE,
                place,
                "the section has no blocks",
                "add its blocks or remove the section",
            );
        }
        let first = blocks.len() as u16;
        for (bi, b) in sec.blocks.iter().enumerate() {
            let place = format!("section \"{}\", block #{} ({})", sec.id, bi + 1, b.id);
            check_id(STRUCTURE_FILE, &place, &b.id)?;
            if !block_ids.insert(b.id.clone()) {
                return err(
                    STRUCTURE_FILE,
                    place,
                    format!("block id \"{}\" is used twice", b.id),
                    "give each block its own id",
                );
            }
            let block = assemble_block(&mut lines, b, &place, sections.len() as u16)?;
            blocks.push(block);
            block_spirits.push(spirits.clone());
        }
        sections.push(Section {
            id: leak(sec.id.clone()),
            heading,
            spirits: leak_vec(spirits),
            en: leak(sec.en.clone()),
            first,
            len: sec.blocks.len() as u16,
        });
    }
    lines.check_all_used()?;
    Ok(Reading {
        masthead,
        banner,
        banner_before,
        sections,
        blocks,
        block_spirits,
        block_ids,
    })
}

fn assemble_block(
    lines: &mut Lines,
    b: &BlockDef,
    place: &str,
    section: u16,
) -> Result<Block, LoadError> {
    match (&b.lines, b.figure) {
        (Some(_), Some(_)) | (None, None) => err(
            STRUCTURE_FILE,
            place,
            "a block needs either `lines` (a paragraph) or `figure` (a caption), not both or neither",
            "write `lines = [n, …]` or `figure = n, credit = \"…\"`",
        ),
        (None, Some(n)) => {
            if b.intro {
                return err(STRUCTURE_FILE, place, "a figure cannot be an intro", "remove `intro = true`");
            }
            let line = lines.take(n, &format!("{place} figure"))?;
            let credit = b.credit.as_deref().unwrap_or("");
            if credit.trim().is_empty() {
                return err(STRUCTURE_FILE, place, "a figure needs its `credit` (the …摄 or …供图 that ends the caption)", "add `credit = \"…\"` copied from the end of the line");
            }
            let Some(caption) = line.text.strip_suffix(credit) else {
                return err(
                    STRUCTURE_FILE,
                    place,
                    format!("the credit \"{credit}\" is not how line {} ends", line.line),
                    "copy the credit exactly from the end of the caption line",
                );
            };
            if caption.trim().is_empty() {
                return err(STRUCTURE_FILE, place, "the caption is empty once the credit is taken off", "check `credit`: it should be only the photographer's credit");
            }
            Ok(Block {
                id: leak(b.id.clone()),
                section,
                kind: BlockKind::Figure { credit_at: caption.len() as u32 },
                text: line.text,
                pieces: leak_vec(vec![Piece { line: line.line, start: 0, len: line.text.len() as u32 }]),
                gaps: &[],
                themes: &[],
                platforms: &[],
                projects: &[],
            })
        }
        (Some(refs), None) => {
            if b.credit.is_some() {
                return err(STRUCTURE_FILE, place, "`credit` belongs to figures only", "remove `credit` or make the block a `figure`");
            }
            let mut text = String::new();
            let mut pieces = Vec::new();
            let mut gaps = Vec::new();
            let mut last_was_line = false;
            for (k, r) in refs.iter().enumerate() {
                let here = format!("{place} lines[{k}]");
                match r {
                    toml::Value::Integer(n) => {
                        let line = lines.take(*n, &here)?;
                        pieces.push(Piece { line: line.line, start: text.len() as u32, len: line.text.len() as u32 });
                        text.push_str(line.text);
                        last_was_line = true;
                    }
                    toml::Value::String(m) if m == MISSING => {
                        if !last_was_line || k + 1 == refs.len() {
                            return err(
                                STRUCTURE_FILE,
                                here,
                                "a \"missing\" marker must stand between two lines of the same block",
                                "put it between the line where the text breaks off and the line where it resumes",
                            );
                        }
                        gaps.push(text.len() as u32);
                        last_was_line = false;
                    }
                    other => {
                        return err(
                            STRUCTURE_FILE,
                            here,
                            format!("{other} is neither a line number nor \"{MISSING}\""),
                            format!("write a line number, or \"{MISSING}\" where the source lacks text"),
                        )
                    }
                }
            }
            if pieces.is_empty() {
                return err(STRUCTURE_FILE, place, "the block is empty", "give it at least one line, or remove it");
            }
            Ok(Block {
                id: leak(b.id.clone()),
                section,
                kind: if b.intro { BlockKind::Intro } else { BlockKind::Paragraph },
                text: leak(text),
                pieces: leak_vec(pieces),
                gaps: leak_vec(gaps),
                themes: &[],
                platforms: &[],
                projects: &[],
            })
        }
    }
}
