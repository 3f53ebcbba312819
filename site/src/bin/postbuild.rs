//! The site from the app's Wasm: render the page with the app's Leptos components (the
//! article compiled into them), put it with its scripts, the glue and the CSP into
//! `index.html` beside the content-hashed Wasm, and write the one-file build.
//!
//! Usage: `postbuild STAGE DIST`: STAGE holds wasm-bindgen's output (`jinyi-explorer.js`,
//! `jinyi-explorer_bg.wasm`, after wasm-opt); DIST is replaced by the new site
//! (scripts/build.sh runs the whole build).

use jinyi_site::assemble::{run, ONE_FILE};
use jinyi_site::render::render;
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let [stage, dist] = &args[..] else {
        eprintln!("usage: postbuild STAGE DIST (see scripts/build.sh)");
        return ExitCode::FAILURE;
    };
    match run(stage, dist, &render(&jinyi_explorer::data::ARTICLE)) {
        Ok(()) => {
            println!(
                "postbuild: page rendered, CSP and {ONE_FILE} written in {}",
                dist.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("postbuild: {e}");
            ExitCode::FAILURE
        }
    }
}
