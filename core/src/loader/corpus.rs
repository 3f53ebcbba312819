//! A synthetic corpus for measuring the core at scale: N copies of a loaded article's
//! sections and blocks, made in memory (never written anywhere). Used by the criterion
//! benchmarks and by `make bench`.

use super::{leak, leak_vec};
use crate::model::{Article, Block, Section, Translation};

/// `times` copies of the article's sections and blocks, in order, with `-x<k>` appended
/// to every block and section id, and their English with them. Masthead, banner, facets
/// and figures are shared.
pub fn repeated(a: &'static Article, times: usize) -> &'static Article {
    if times <= 1 {
        return a;
    }
    let mut blocks: Vec<Block> = Vec::with_capacity(a.blocks.len() * times);
    let mut sections: Vec<Section> = Vec::with_capacity(a.sections.len() * times);
    let t = &a.translation;
    let (mut blocks_en, mut headings) = (Vec::new(), Vec::new());
    for k in 0..times {
        blocks_en.extend_from_slice(t.blocks);
        headings.extend_from_slice(t.headings);
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
        sections: leak_vec(sections),
        blocks: leak_vec(blocks),
        translation: Translation {
            blocks: leak_vec(blocks_en),
            headings: leak_vec(headings),
            ..*t
        },
        ..*a
    }))
}
