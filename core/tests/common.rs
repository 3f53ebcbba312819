//! Shared by the core's integration tests: the project's real data, loaded once.

use jinyi_core::model::Article;
use std::path::PathBuf;
use std::sync::OnceLock;

pub fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../data")
}

pub fn article() -> &'static Article {
    static A: OnceLock<Article> = OnceLock::new();
    A.get_or_init(|| jinyi_core::loader::load_dir(&data_dir()).unwrap_or_else(|e| panic!("{e}")))
}

#[allow(dead_code)]
pub fn source() -> String {
    std::fs::read_to_string(data_dir().join("article.txt")).unwrap()
}

/// Ids of the blocks for which `pred` holds, in reading order.
#[allow(dead_code)]
pub fn ids(pred: impl Fn(&jinyi_core::model::Block) -> bool) -> Vec<&'static str> {
    article()
        .blocks
        .iter()
        .filter(|b| pred(b))
        .map(|b| b.id)
        .collect()
}
