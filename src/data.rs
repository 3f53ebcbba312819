//! The article, assembled and validated at build time (see build.rs) from `data/`, and
//! compiled in as a Rust static: every block's text, the masthead, banner, definitions,
//! platform facts, figures and readings. The page is rendered from it at build time and
//! the browser app renders and searches from the same static: nothing is read back from
//! the page.

use jinyi_core::model::*;

include!(concat!(env!("OUT_DIR"), "/article_data.rs"));
