//! The article, assembled and validated at build time (see build.rs), embedded as a
//! static without the blocks' texts: the page holds them, and `load_texts` reads them
//! from it on the first search, checked against the hashes the build recorded.

use jinyi_core::browser::with_texts;
use jinyi_core::model::*;
use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/article_data.rs"));

static FULL: OnceLock<&'static Article> = OnceLock::new();

/// The article: with its blocks' texts once they have been read, else without (enough
/// for everything but the search and its highlights).
pub fn article() -> &'static Article {
    FULL.get().copied().unwrap_or(&ARTICLE)
}

/// Takes the blocks' texts from `read` (the page), once; `false` when they are not the
/// ones this app was built with.
pub fn load_texts(read: impl FnOnce() -> Vec<String>) -> bool {
    if FULL.get().is_some() {
        return true;
    }
    match with_texts(&ARTICLE, read(), &TEXT_HASHES) {
        Some(full) => {
            // Another caller may have set them first (the native tests run in threads):
            // those passed the same check.
            let _ = FULL.set(Box::leak(Box::new(full)));
            true
        }
        None => false,
    }
}
