//! The site build step of the 金义新区 explorer, run after the Wasm build (`postbuild`, scripts/build.sh): the page
//! rendered by the app's own Leptos components (`render`), the page's inline scripts
//! (`scripts`), the Content-Security-Policy (`csp`) and the assembly of
//! `dist/index.html` and of the one-file build (`assemble`).

pub mod assemble;
pub mod csp;
pub mod render;
pub mod scripts;
