//! The benchmark's data: the real article from `data/` (through the core's loader, the
//! same as the app's build), and a synthetic corpus of N copies of it, generated here
//! and never written to the repository. `core/benches/scale.rs` builds the same corpus
//! the same way for criterion.

use jinyi_core::model::{Article, Block, Section};
use std::path::Path;

/// The article as the core's loader reads it from `<workspace>/data`.
pub fn load(data_dir: &Path) -> Result<&'static Article, String> {
    let article = jinyi_core::loader::load_dir(data_dir)
        .map_err(|e| format!("cannot load {}: {e}", data_dir.display()))?;
    Ok(Box::leak(Box::new(article)))
}

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

/// `times` copies of the article's sections and blocks, in order, with `-x<k>`
/// appended to every block and section id. Masthead, banner and facets are shared.
pub fn scaled(a: &'static Article, times: usize) -> &'static Article {
    if times <= 1 {
        return a;
    }
    let mut blocks: Vec<Block> = Vec::with_capacity(a.blocks.len() * times);
    let mut sections: Vec<Section> = Vec::with_capacity(a.sections.len() * times);
    for k in 0..times {
        for (si, s) in a.sections.iter().enumerate() {
            let first = u16::try_from(blocks.len()).expect("corpus fits u16 block indexes");
            let section = u16::try_from(sections.len()).expect("corpus fits u16 section indexes");
            blocks.extend(a.section_blocks(si).iter().map(|b| Block {
                id: leak(format!("{}-x{k}", b.id)),
                section,
                ..*b
            }));
            sections.push(Section {
                id: leak(format!("{}-x{k}", s.id)),
                first,
                ..*s
            });
        }
    }
    Box::leak(Box::new(Article {
        sections: Box::leak(sections.into_boxed_slice()),
        blocks: Box::leak(blocks.into_boxed_slice()),
        ..*a
    }))
}
