//! After `trunk build`: render the page with the app's Leptos components (the article
//! compiled into them), put it into `dist/index.html` with its scripts and CSP, and
//! write the one-file build.
//!
//! Usage: `postbuild [dist]` (default `dist`).

use jinyi_site::assemble::{run, ONE_FILE};
use jinyi_site::render::render;
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let dist = std::env::args()
        .nth(1)
        .map_or_else(|| PathBuf::from("dist"), PathBuf::from);
    let result = run(&dist, &render(&jinyi_explorer::data::ARTICLE));
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
