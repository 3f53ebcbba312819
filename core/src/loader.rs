//! Reads the data files (`article.txt`, `article.toml`, `facets.toml`, `figures.toml`),
//! checks them strictly and assembles the article in reading order with its facet
//! memberships, key figures, the pinyin of its characters and each platform's facts.
//! Every mistake is reported with the file, the place and the fix; nothing half-valid
//! comes out. Used at build time (build.rs) and by native tests, never in the browser.

use crate::model::*;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::Path;

pub mod corpus;
mod figures;
mod readings;

/// The structure file's name, as used in messages.
pub const STRUCTURE_FILE: &str = "article.toml";
/// The facets file's name, as used in messages.
pub const FACETS_FILE: &str = "facets.toml";
/// The key figures file's name, as used in messages.
pub const FIGURES_FILE: &str = "figures.toml";
/// The marker for a passage the source lacks, in a block's `lines`.
pub const MISSING: &str = "missing";

/// A mistake in the data: which file, where in it, what is wrong and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub file: String,
    pub place: String,
    pub message: String,
    pub fix: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}: {}\n  fix: {}",
            self.file, self.place, self.message, self.fix
        )
    }
}

impl std::error::Error for LoadError {}

fn err<T>(
    file: &str,
    place: impl Into<String>,
    message: impl Into<String>,
    fix: impl Into<String>,
) -> Result<T, LoadError> {
    Err(LoadError {
        file: file.to_string(),
        place: place.into(),
        message: message.into(),
        fix: fix.into(),
    })
}

// ---------- The files' shapes ----------

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StructureFile {
    source: String,
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FacetsFile {
    spirit: Vec<SpiritDef>,
    topic: Vec<TopicDef>,
    group: Vec<GroupDef>,
    platform: Vec<PlatformDef>,
    #[serde(default)]
    project: Vec<ProjectDef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SpiritDef {
    name: String,
    en: String,
    definition: String,
    definition_en: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TopicDef {
    name: String,
    en: String,
    definition: String,
    definition_en: String,
    keywords: Vec<String>,
    #[serde(default)]
    include: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupDef {
    id: String,
    name: String,
    en: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlatformDef {
    name: String,
    en: String,
    group: String,
    #[serde(default)]
    aliases: Vec<String>,
    part_of: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProjectDef {
    name: String,
    en: String,
    #[serde(default)]
    aliases: Vec<String>,
}

// ---------- Helpers ----------

fn leak(s: impl Into<String>) -> &'static str {
    Box::leak(s.into().into_boxed_str())
}

fn leak_vec<T>(v: Vec<T>) -> &'static [T] {
    Box::leak(v.into_boxed_slice())
}

fn parse_toml<T: for<'de> Deserialize<'de>>(file: &str, text: &str) -> Result<T, LoadError> {
    toml::from_str(text).or_else(|e| {
        let place = match e.span() {
            Some(span) => {
                let line = text[..span.start.min(text.len())].matches('\n').count() + 1;
                format!("line {line}")
            }
            None => "file".to_string(),
        };
        err(file, place, e.message().to_string(), toml_fix(e.message()))
    })
}

/// The fix for a TOML/shape error, from serde's message.
fn toml_fix(message: &str) -> String {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (name, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let allowed: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        let list: Vec<String> = allowed.iter().map(|k| format!("`{k}`")).collect();
        return format!(
            "rename or remove `{name}`: the keys allowed here are {}{}",
            list.join(", "),
            did_you_mean(name, allowed.iter().copied())
        );
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let name = rest.split('`').next().unwrap_or(rest);
        return format!(
            "add `{name} = …` here (the comment at the top of the file shows the format)"
        );
    }
    "correct the TOML (see the comment at the top of the file for the format)".to_string()
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

fn check_id(file: &str, place: &str, id: &str) -> Result<(), LoadError> {
    let ok = !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if ok {
        Ok(())
    } else {
        err(
            file,
            place,
            format!("id \"{id}\" is not a plain id"),
            "use lowercase ASCII letters, digits and '-' (ids are public: data-block)",
        )
    }
}

/// `" (did you mean \"…\"?)"` when one of `known` is a small typo away from `name`.
fn did_you_mean<'a>(name: &str, known: impl IntoIterator<Item = &'a str>) -> String {
    fn distance(a: &str, b: &str) -> usize {
        let b: Vec<char> = b.chars().collect();
        let mut row: Vec<usize> = (0..=b.len()).collect();
        for (i, ca) in a.chars().enumerate() {
            let mut diag = row[0];
            row[0] = i + 1;
            for (j, &cb) in b.iter().enumerate() {
                let next = (diag + usize::from(ca != cb))
                    .min(row[j] + 1)
                    .min(row[j + 1] + 1);
                diag = row[j + 1];
                row[j + 1] = next;
            }
        }
        row[b.len()]
    }
    known
        .into_iter()
        .map(|k| (distance(name, k), k))
        .filter(|&(d, _)| d <= 2)
        .min()
        .map_or_else(String::new, |(_, k)| format!(" (did you mean \"{k}\"?)"))
}

fn check_text(file: &str, place: &str, field: &str, value: &str) -> Result<(), LoadError> {
    if value.trim().is_empty() {
        return err(
            file,
            place,
            format!("`{field}` is empty"),
            format!("give `{field}` a value"),
        );
    }
    Ok(())
}

// ---------- Assembly ----------

/// Loads the article from a data folder holding article.txt, article.toml, facets.toml
/// and figures.toml.
pub fn load_dir(dir: &Path) -> Result<Article, LoadError> {
    let read = |name: &str| {
        std::fs::read_to_string(dir.join(name)).or_else(|e| {
            err(
                name,
                dir.display().to_string(),
                format!("cannot read the file: {e}"),
                "make sure the data folder holds article.txt, article.toml, facets.toml \
                 and figures.toml",
            )
        })
    };
    let structure = read(STRUCTURE_FILE)?;
    let facets = read(FACETS_FILE)?;
    let figures = read(FIGURES_FILE)?;
    let parsed: StructureFile = parse_toml(STRUCTURE_FILE, &structure)?;
    let source = read(&parsed.source)?;
    load_all(&structure, &facets, &figures, &source)
}

/// Loads the article from the four files' contents (what `load_dir` does).
pub fn load_all(
    structure: &str,
    facets: &str,
    figures: &str,
    source: &str,
) -> Result<Article, LoadError> {
    let mut article = load(structure, facets, source)?;
    article.figures = leak_vec(figures::load_figures(figures, article.blocks)?);
    Ok(article)
}

/// Loads the article from the structure, facets and source files' contents, without
/// key figures (as if figures.toml listed none).
pub fn load(structure: &str, facets: &str, source: &str) -> Result<Article, LoadError> {
    let s: StructureFile = parse_toml(STRUCTURE_FILE, structure)?;
    let f: FacetsFile = parse_toml(FACETS_FILE, facets)?;
    let mut lines = Lines::new(source);

    // Themes: spirits first (in file order), then topics.
    let mut themes = Vec::new();
    let mut names = BTreeSet::new();
    for (i, sp) in f.spirit.iter().enumerate() {
        let place = format!("[[spirit]] #{} ({})", i + 1, sp.name);
        for (field, v) in [
            ("name", &sp.name),
            ("en", &sp.en),
            ("definition", &sp.definition),
        ] {
            check_text(FACETS_FILE, &place, field, v)?;
        }
        if !names.insert(sp.name.clone()) {
            return err(
                FACETS_FILE,
                place,
                format!("theme \"{}\" is defined twice", sp.name),
                "remove the duplicate",
            );
        }
        themes.push(Theme {
            name: leak(sp.name.clone()),
            kind: ThemeKind::Spirit,
            en: leak(sp.en.clone()),
            definition: leak(sp.definition.clone()),
            definition_en: leak(sp.definition_en.clone()),
        });
    }
    for (i, t) in f.topic.iter().enumerate() {
        let place = format!("[[topic]] #{} ({})", i + 1, t.name);
        for (field, v) in [
            ("name", &t.name),
            ("en", &t.en),
            ("definition", &t.definition),
        ] {
            check_text(FACETS_FILE, &place, field, v)?;
        }
        if !names.insert(t.name.clone()) {
            return err(
                FACETS_FILE,
                place,
                format!("theme \"{}\" is defined twice", t.name),
                "remove the duplicate",
            );
        }
        if t.keywords.is_empty() && t.include.is_empty() {
            return err(
                FACETS_FILE,
                place,
                "the topic has no keywords and no include list",
                "add keywords quoted from the article",
            );
        }
        themes.push(Theme {
            name: leak(t.name.clone()),
            kind: ThemeKind::Topic,
            en: leak(t.en.clone()),
            definition: leak(t.definition.clone()),
            definition_en: leak(t.definition_en.clone()),
        });
    }
    let spirit_index = |name: &str| f.spirit.iter().position(|s| s.name == name);

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
                        format!(
                            "use one of: {}",
                            f.spirit
                                .iter()
                                .map(|s| s.name.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
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

    // Platform groups, platforms and projects.
    let mut groups = Vec::new();
    for (i, g) in f.group.iter().enumerate() {
        let place = format!("[[group]] #{} ({})", i + 1, g.id);
        check_id(FACETS_FILE, &place, &g.id)?;
        check_text(FACETS_FILE, &place, "name", &g.name)?;
        check_text(FACETS_FILE, &place, "en", &g.en)?;
        if f.group[..i].iter().any(|x| x.id == g.id) {
            return err(
                FACETS_FILE,
                place,
                format!("group id \"{}\" is used twice", g.id),
                "give each group its own id",
            );
        }
        groups.push(PlatformGroup {
            id: leak(g.id.clone()),
            name: leak(g.name.clone()),
            en: leak(g.en.clone()),
        });
    }
    let mut platforms = Vec::new();
    for (i, p) in f.platform.iter().enumerate() {
        let place = format!("[[platform]] #{} ({})", i + 1, p.name);
        check_text(FACETS_FILE, &place, "name", &p.name)?;
        check_text(FACETS_FILE, &place, "en", &p.en)?;
        if f.platform[..i].iter().any(|x| x.name == p.name) {
            return err(
                FACETS_FILE,
                place,
                format!("platform \"{}\" is defined twice", p.name),
                "remove the duplicate",
            );
        }
        let Some(group) = f.group.iter().position(|g| g.id == p.group) else {
            return err(
                FACETS_FILE,
                format!("{place} group"),
                format!("no [[group]] has the id \"{}\"", p.group),
                format!(
                    "use one of: {}",
                    f.group
                        .iter()
                        .map(|g| g.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            );
        };
        let part_of = match &p.part_of {
            None => None,
            Some(parent) => match f.platform.iter().position(|x| &x.name == parent) {
                Some(j) if j != i => Some(j as u16),
                _ => {
                    return err(
                        FACETS_FILE,
                        format!("{place} part_of"),
                        format!("\"{parent}\" is not another platform"),
                        format!(
                            "name another [[platform]] by its `name`{}",
                            did_you_mean(
                                parent,
                                f.platform
                                    .iter()
                                    .filter(|x| x.name != p.name)
                                    .map(|x| x.name.as_str())
                            )
                        ),
                    )
                }
            },
        };
        platforms.push(Platform {
            name: leak(p.name.clone()),
            en: leak(p.en.clone()),
            group: group as u16,
            aliases: leak_vec(p.aliases.iter().map(|a| leak(a.clone())).collect()),
            part_of,
            // Filled in with the article's readings and sentences, below.
            pinyin: "",
            facts: &[],
        });
    }
    let mut projects = Vec::new();
    for (i, p) in f.project.iter().enumerate() {
        let place = format!("[[project]] #{} ({})", i + 1, p.name);
        check_text(FACETS_FILE, &place, "name", &p.name)?;
        check_text(FACETS_FILE, &place, "en", &p.en)?;
        if f.project[..i].iter().any(|x| x.name == p.name) {
            return err(
                FACETS_FILE,
                place,
                format!("project \"{}\" is defined twice", p.name),
                "remove the duplicate",
            );
        }
        projects.push(Project {
            name: leak(p.name.clone()),
            en: leak(p.en.clone()),
            aliases: leak_vec(p.aliases.iter().map(|a| leak(a.clone())).collect()),
        });
    }

    // Memberships.
    let mut theme_tags: Vec<Vec<Tag>> = vec![Vec::new(); blocks.len()];
    for (bi, spirits) in block_spirits.iter().enumerate() {
        let why = sections[blocks[bi].section as usize]
            .heading
            .map_or("", |h| h.text);
        for &sp in spirits {
            theme_tags[bi].push(Tag { value: sp, why });
        }
    }
    for (ti, t) in f.topic.iter().enumerate() {
        let value = (f.spirit.len() + ti) as u16;
        let place = format!("[[topic]] #{} ({})", ti + 1, t.name);
        for (list, ids) in [("include", &t.include), ("exclude", &t.exclude)] {
            for id in ids {
                if !block_ids.contains(id) {
                    return err(
                        FACETS_FILE,
                        format!("{place} {list}"),
                        format!("no block has the id \"{id}\""),
                        format!(
                            "use the id of a block in {STRUCTURE_FILE}{}",
                            did_you_mean(id, block_ids.iter().map(String::as_str))
                        ),
                    );
                }
            }
        }
        for kw in &t.keywords {
            if kw.is_empty() || !blocks.iter().any(|b| b.text.contains(kw.as_str())) {
                return err(
                    FACETS_FILE,
                    format!("{place} keywords"),
                    format!("the keyword \"{kw}\" does not occur in the article"),
                    "quote keywords from the article's text",
                );
            }
        }
        let mut members = 0;
        for (bi, b) in blocks.iter().enumerate() {
            if t.exclude.iter().any(|x| x == b.id) {
                continue;
            }
            let why = t
                .keywords
                .iter()
                .find(|k| b.text.contains(k.as_str()))
                .map(|k| leak(k.clone()));
            let why = match why {
                Some(k) => Some(k),
                None if t.include.iter().any(|x| x == b.id) => Some(""),
                None => None,
            };
            if let Some(why) = why {
                theme_tags[bi].push(Tag { value, why });
                members += 1;
            }
        }
        if members == 0 {
            return err(
                FACETS_FILE,
                place,
                "the topic holds no block",
                "check its keywords and exclude list",
            );
        }
    }
    let platform_tags = tag_by_names(
        &blocks,
        platforms
            .iter()
            .map(|p| names_of(p.name, p.aliases))
            .collect(),
        "platform",
    )?;
    // A platform also holds the blocks of its parts.
    let platform_tags: Vec<Vec<Tag>> = platform_tags
        .into_iter()
        .map(|mut tags| {
            let mut i = 0;
            while i < tags.len() {
                if let Some(parent) = platforms[tags[i].value as usize].part_of {
                    if !tags.iter().any(|t| t.value == parent) {
                        let why = tags[i].why;
                        tags.push(Tag { value: parent, why });
                    }
                }
                i += 1;
            }
            tags.sort_by_key(|t| t.value);
            tags
        })
        .collect();
    let project_tags = tag_by_names(
        &blocks,
        projects
            .iter()
            .map(|p| names_of(p.name, p.aliases))
            .collect(),
        "project",
    )?;

    for (bi, b) in blocks.iter_mut().enumerate() {
        b.themes = leak_vec(std::mem::take(&mut theme_tags[bi]));
        b.platforms = leak_vec(platform_tags[bi].clone());
        b.projects = leak_vec(project_tags[bi].clone());
    }

    let mut article = Article {
        masthead,
        banner: leak_vec(banner),
        banner_before: banner_before as u16,
        sections: leak_vec(sections),
        blocks: leak_vec(blocks),
        themes: leak_vec(themes),
        platform_groups: leak_vec(groups),
        platforms: leak_vec(platforms),
        projects: leak_vec(projects),
        pinyin: PinyinTable::default(),
        figures: &[],
    };
    readings::add_readings(&mut article);
    Ok(article)
}

fn names_of(name: &'static str, aliases: &'static [&'static str]) -> Vec<&'static str> {
    std::iter::once(name)
        .chain(aliases.iter().copied())
        .collect()
}

/// Tags each block with every value one of whose names occurs in its text; each value
/// must occur somewhere (a name the article never uses is a mistake in the data).
fn tag_by_names(
    blocks: &[Block],
    values: Vec<Vec<&'static str>>,
    kind: &str,
) -> Result<Vec<Vec<Tag>>, LoadError> {
    let mut tags = vec![Vec::new(); blocks.len()];
    for (vi, names) in values.iter().enumerate() {
        let mut found = false;
        for (bi, b) in blocks.iter().enumerate() {
            if let Some(&why) = names.iter().find(|n| b.text.contains(**n)) {
                tags[bi].push(Tag {
                    value: vi as u16,
                    why,
                });
                found = true;
            }
        }
        if !found {
            return err(
                FACETS_FILE,
                format!("[[{kind}]] #{} ({})", vi + 1, names[0]),
                format!("neither the name nor an alias of this {kind} occurs in the article"),
                "use the name as the article writes it, or add the article's wording as an alias",
            );
        }
    }
    Ok(tags)
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
