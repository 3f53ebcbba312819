//! After `trunk build`: render the page with its Leptos components, put it into
//! `dist/index.html` with its scripts and CSP, and write the one-file build.
//!
//! Usage: `postbuild [dist]` (default `dist`).

use jinyi_site::assemble::{run, ONE_FILE};
use jinyi_site::page::render;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let dist = std::env::args()
        .nth(1)
        .map_or_else(|| PathBuf::from("dist"), PathBuf::from);
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
    let result = jinyi_core::loader::load_dir(&data)
        .map_err(|e| format!("error in data/{e}"))
        .and_then(|article| run(&dist, &render(article)));
    match result {
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
