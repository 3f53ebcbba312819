//! The article as the browser app needs it. The page already shows every word (it was
//! rendered at build time); the app only filters, searches and explains. So the copy
//! embedded in the WebAssembly keeps what those read: the blocks' gaps, kinds and facet
//! memberships (with their reasons), the values' names and English names, the themes'
//! English definitions and the figures' English labels (the search reads them), the
//! sections' extents and headings, the headline and byline (quotations cite them) and
//! the readings. What only the page displays — Chinese definitions and labels, platform
//! facts and spelled pinyin, section English names, the kicker, the banner and the
//! source-line pieces — is left out, and so are the blocks' texts:
//! the page holds them, and the app reads them from it on the first search
//! (`with_texts`), each checked against the hash the build recorded (`text_hash`), so a
//! page that is not this build's is refused rather than searched.
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
            ..a.masthead
        },
        banner: &[],
        banner_before: a.banner_before,
        sections: leak(
            a.sections
                .iter()
                .map(|s| Section { en: "", ..*s })
                .collect(),
        ),
        blocks: leak(
            a.blocks
                .iter()
                .map(|b| Block {
                    pieces: &[],
                    text: "",
                    ..*b
                })
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

/// A block text's fingerprint (32-bit FNV-1a of its UTF-8 bytes).
pub fn text_hash(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// Every block's `text_hash`, in reading order.
pub fn text_hashes(a: &Article) -> Vec<u32> {
    a.blocks.iter().map(|b| text_hash(b.text)).collect()
}

/// `slim` (an article `for_browser`) with its blocks' texts back, `texts[i]` for block
/// `i`; `None` unless every text has the hash the build recorded in `hashes`.
pub fn with_texts(slim: &Article, texts: Vec<String>, hashes: &[u32]) -> Option<Article> {
    let ok = texts.len() == slim.blocks.len()
        && hashes.len() == texts.len()
        && texts.iter().zip(hashes).all(|(t, &h)| text_hash(t) == h);
    ok.then(|| Article {
        blocks: leak(
            slim.blocks
                .iter()
                .zip(texts)
                .map(|(b, t)| Block {
                    text: Box::leak(t.into_boxed_str()),
                    ..*b
                })
                .collect(),
        ),
        ..*slim
    })
}
