//! Which blocks each facet value holds, with the words that put it there: a block has
//! the spirits of its section; a topic's blocks contain one of its keywords (or are
//! listed in `include`, and not in `exclude`); a platform's or project's blocks name it
//! or an alias, and a platform also holds the blocks of its parts. A value that holds no
//! block is a mistake in the data.

use super::facets::FacetsFile;
use super::structure::Reading;
use super::{did_you_mean, err, leak, leak_vec, LoadError, FACETS_FILE, STRUCTURE_FILE};
use crate::model::*;

/// Tags `r`'s blocks with their themes, platforms and projects.
pub(super) fn tag(
    f: &FacetsFile,
    r: &mut Reading,
    platforms: &[Platform],
    projects: &[Project],
) -> Result<(), LoadError> {
    let Reading {
        blocks,
        sections,
        block_spirits,
        block_ids,
        ..
    } = r;
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
        blocks,
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
        blocks,
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
    Ok(())
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
