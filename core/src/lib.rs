//! The pure core of the 金义新区 explorer: the article model, its reading-order assembly
//! from the data files, filtering, search and highlighting. No web dependency: everything
//! here is tested natively, and the Leptos UI is a thin layer over it.

pub mod chart;
pub mod explain;
pub mod filter;
pub mod highlight;
pub mod model;
pub mod normalize;
pub mod query;
pub mod quote;
pub mod search;
pub mod text;

#[cfg(feature = "loader")]
pub mod codegen;
#[cfg(feature = "loader")]
pub mod loader;
