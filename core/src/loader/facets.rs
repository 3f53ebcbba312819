//! `facets.toml`: the themes (the spirits, then the topics), the platform groups, the
//! platforms and the projects, each checked (names, English names, a platform's kind,
//! ids, no duplicates, references that resolve). Which blocks each one holds is
//! `membership`'s work.

use super::{check_id, check_text, did_you_mean, err, leak, leak_vec, LoadError, FACETS_FILE};
use crate::model::*;
use serde::Deserialize;
use std::collections::BTreeSet;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FacetsFile {
    pub(super) spirit: Vec<SpiritDef>,
    pub(super) topic: Vec<TopicDef>,
    pub(super) group: Vec<GroupDef>,
    pub(super) platform: Vec<PlatformDef>,
    #[serde(default)]
    pub(super) project: Vec<ProjectDef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct SpiritDef {
    pub(super) name: String,
    pub(super) en: String,
    pub(super) definition: String,
    pub(super) definition_en: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct TopicDef {
    pub(super) name: String,
    pub(super) en: String,
    pub(super) definition: String,
    pub(super) definition_en: String,
    pub(super) keywords: Vec<String>,
    #[serde(default)]
    pub(super) include: Vec<String>,
    #[serde(default)]
    pub(super) exclude: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct GroupDef {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) en: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PlatformDef {
    pub(super) name: String,
    pub(super) en: String,
    pub(super) kind: String,
    pub(super) kind_en: String,
    pub(super) group: String,
    #[serde(default)]
    pub(super) aliases: Vec<String>,
    pub(super) part_of: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ProjectDef {
    pub(super) name: String,
    pub(super) en: String,
    #[serde(default)]
    pub(super) aliases: Vec<String>,
}

/// The themes: spirits first (in file order), then topics.
pub(super) fn themes(f: &FacetsFile) -> Result<Vec<Theme>, LoadError> {
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
    Ok(themes)
}

/// The platform groups, in file order.
pub(super) fn groups(f: &FacetsFile) -> Result<Vec<PlatformGroup>, LoadError> {
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
    Ok(groups)
}

/// The platforms, in file order (their pinyin and facts come later, from the article).
pub(super) fn platforms(f: &FacetsFile) -> Result<Vec<Platform>, LoadError> {
    let mut platforms = Vec::new();
    for (i, p) in f.platform.iter().enumerate() {
        let place = format!("[[platform]] #{} ({})", i + 1, p.name);
        for (field, v) in [
            ("name", &p.name),
            ("en", &p.en),
            ("kind", &p.kind),
            ("kind_en", &p.kind_en),
        ] {
            check_text(FACETS_FILE, &place, field, v)?;
        }
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
            kind: leak(p.kind.clone()),
            kind_en: leak(p.kind_en.clone()),
            group: group as u16,
            aliases: leak_vec(p.aliases.iter().map(|a| leak(a.clone())).collect()),
            part_of,
            // Filled in by `readings`, from the assembled article.
            pinyin: "",
            facts: &[],
        });
    }
    Ok(platforms)
}

/// The projects, in file order.
pub(super) fn projects(f: &FacetsFile) -> Result<Vec<Project>, LoadError> {
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

    Ok(projects)
}
