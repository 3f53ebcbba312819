//! The benchmark's data: the real article from `data/` (through the core's loader, the
//! same as the app's build), and a synthetic corpus of N copies of it, made by the core
//! (`loader::corpus`, shared with `core/benches/scale.rs`) and never written anywhere.

use jinyi_core::model::Article;
use std::path::Path;

/// The article as the core's loader reads it from `<workspace>/data`.
pub fn load(data_dir: &Path) -> Result<&'static Article, String> {
    let article = jinyi_core::loader::load_dir(data_dir)
        .map_err(|e| format!("cannot load {}: {e}", data_dir.display()))?;
    Ok(Box::leak(Box::new(article)))
}

/// `times` copies of the article (see `jinyi_core::loader::corpus::repeated`).
pub fn scaled(a: &'static Article, times: usize) -> &'static Article {
    jinyi_core::loader::corpus::repeated(a, times)
}
