//! The article as the browser app needs it. The page already shows every word (it was
//! rendered at build time); the app only filters, searches and explains. So the copy
//! embedded in the WebAssembly keeps what those read: the blocks' text, gaps, kinds and
//! facet memberships (with their reasons), the values' names and English names, the
//! themes' English definitions and the figures' English labels (the search reads them),
//! the sections' extents and the readings. What only the page displays — Chinese
//! definitions and labels, platform facts and spelled pinyin, section English names, the
//! masthead, the banner and the source-line pieces — is left out.
//!
//! `core/tests/browser_article.rs` checks that filtering, search and reasons give the
//! same results on both copies.

use crate::model::*;

fn leak<T>(v: Vec<T>) -> &'static [T] {
    Box::leak(v.into_boxed_slice())
}

const NO_TEXT: SourceText = SourceText { line: 0, text: "" };

/// `a` without what only the page displays (see the module doc).
pub fn for_browser(a: &Article) -> Article {
    Article {
        masthead: Masthead {
            kicker: NO_TEXT,
            headline: NO_TEXT,
            byline: NO_TEXT,
        },
        banner: &[],
        banner_before: a.banner_before,
        sections: leak(
            a.sections
                .iter()
                .map(|s| Section {
                    heading: None,
                    en: "",
                    ..*s
                })
                .collect(),
        ),
        blocks: leak(
            a.blocks
                .iter()
                .map(|b| Block { pieces: &[], ..*b })
                .collect(),
        ),
        themes: leak(
            a.themes
                .iter()
                .map(|t| Theme {
                    definition: "",
                    ..*t
                })
                .collect(),
        ),
        platform_groups: a.platform_groups,
        platforms: leak(
            a.platforms
                .iter()
                .map(|p| Platform {
                    pinyin: "",
                    facts: &[],
                    ..*p
                })
                .collect(),
        ),
        projects: a.projects,
        pinyin: a.pinyin,
        figures: leak(
            a.figures
                .iter()
                .map(|f| KeyFigure {
                    label: "",
                    text_en: "",
                    ..*f
                })
                .collect(),
        ),
    }
}
