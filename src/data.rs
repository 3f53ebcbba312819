//! The article, assembled and validated at build time (see build.rs), embedded as a static.

use jinyi_core::model::*;

include!(concat!(env!("OUT_DIR"), "/article_data.rs"));
