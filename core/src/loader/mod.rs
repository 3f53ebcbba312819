//! Reads the data files (`article.txt`, `article.toml`, `facets.toml`, `figures.toml`,
//! `translation.toml`), checks them strictly and assembles the article in reading order
//! with its facet memberships, key figures, the pinyin of its characters, each platform's
//! facts and our English translation.
//! Every mistake is reported with the file, the place and the fix; nothing half-valid
//! comes out. Used at build time (build.rs) and by native tests, never in the browser.
//!
//! By what it loads: `structure` (article.toml over article.txt: reading order),
//! `facets` (facets.toml: themes, groups, platforms, projects), `membership` (which blocks
//! each value holds), `figures` (figures.toml), `readings` (pinyin and platform facts,
//! derived), `translation` (translation.toml), `error` (the one error type and the shared
//! checks). `load` runs them in a
//! fixed order, so data with several mistakes always reports the same one first.

use crate::model::*;
use std::path::Path;

pub mod corpus;
mod error;
mod facets;
mod figures;
mod membership;
mod readings;
mod structure;
mod translation;

pub use error::LoadError;
use error::{check_id, check_text, did_you_mean, err, parse_toml};
use facets::FacetsFile;
use structure::StructureFile;

/// The structure file's name, as used in messages.
pub const STRUCTURE_FILE: &str = "article.toml";
/// The facets file's name, as used in messages.
pub const FACETS_FILE: &str = "facets.toml";
/// The key figures file's name, as used in messages.
pub const FIGURES_FILE: &str = "figures.toml";
/// The translation file's name, as used in messages.
pub const TRANSLATION_FILE: &str = "translation.toml";
/// The marker for a passage the source lacks, in a block's `lines`.
pub const MISSING: &str = "missing";
/// The marker for a passage the source lacks, in a block's English (translation.toml).
pub const MISSING_EN: &str = "[…]";

fn leak(s: impl Into<String>) -> &'static str {
    Box::leak(s.into().into_boxed_str())
}

fn leak_vec<T>(v: Vec<T>) -> &'static [T] {
    Box::leak(v.into_boxed_slice())
}

/// Loads the article from a data folder holding article.txt, article.toml, facets.toml,
/// figures.toml and translation.toml.
pub fn load_dir(dir: &Path) -> Result<Article, LoadError> {
    let read = |name: &str| {
        std::fs::read_to_string(dir.join(name)).or_else(|e| {
            err(
                name,
                dir.display().to_string(),
                format!("cannot read the file: {e}"),
                "make sure the data folder holds article.txt, article.toml, facets.toml, \
                 figures.toml and translation.toml",
            )
        })
    };
    let structure = read(STRUCTURE_FILE)?;
    let facets = read(FACETS_FILE)?;
    let figures = read(FIGURES_FILE)?;
    let translation = read(TRANSLATION_FILE)?;
    let parsed: StructureFile = parse_toml(STRUCTURE_FILE, &structure)?;
    let source = read(&parsed.source)?;
    load_all(&structure, &facets, &figures, &translation, &source)
}

/// Loads the article from the five files' contents (what `load_dir` does).
pub fn load_all(
    structure: &str,
    facets: &str,
    figures: &str,
    translation: &str,
    source: &str,
) -> Result<Article, LoadError> {
    let mut article = load(structure, facets, source)?;
    article.figures = leak_vec(figures::load_figures(figures, article.blocks)?);
    article.translation = translation::load_translation(translation, &article)?;
    Ok(article)
}

/// Loads the article from the structure, facets and source files' contents, without
/// key figures (as if figures.toml listed none) and without its translation.
pub fn load(structure: &str, facets: &str, source: &str) -> Result<Article, LoadError> {
    let s: StructureFile = parse_toml(STRUCTURE_FILE, structure)?;
    let f: FacetsFile = parse_toml(FACETS_FILE, facets)?;
    // In this order (tests pin which mistake is reported first).
    let themes = facets::themes(&f)?;
    let spirits: Vec<&str> = f.spirit.iter().map(|sp| sp.name.as_str()).collect();
    let mut reading = structure::read(&s, &spirits, source)?;
    let groups = facets::groups(&f)?;
    let platforms = facets::platforms(&f)?;
    let projects = facets::projects(&f)?;
    membership::tag(&f, &mut reading, &platforms, &projects)?;

    let mut article = Article {
        masthead: reading.masthead,
        banner: leak_vec(reading.banner),
        banner_before: reading.banner_before as u16,
        sections: leak_vec(reading.sections),
        blocks: leak_vec(reading.blocks),
        themes: leak_vec(themes),
        platform_groups: leak_vec(groups),
        platforms: leak_vec(platforms),
        projects: leak_vec(projects),
        pinyin: PinyinTable::default(),
        figures: &[],
        translation: Translation::default(),
    };
    readings::add_readings(&mut article);
    Ok(article)
}
