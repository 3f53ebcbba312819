//! Build step: load and validate `data/`, then compile the assembled article in as Rust
//! source (`jinyi_core::codegen`), the texts included, so the app — rendered at build time
//! and hydrated in the browser — works from one copy and repeats none of this work.

use std::path::PathBuf;

fn main() {
    let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets this"));
    let data = root.join("data");
    for f in [
        "article.txt",
        "article.toml",
        "facets.toml",
        "figures.toml",
        "translation.toml",
    ] {
        println!("cargo:rerun-if-changed=data/{f}");
    }
    let article = match jinyi_core::loader::load_dir(&data) {
        Ok(a) => a,
        Err(e) => {
            // Cargo shows this; the build stops before anything half-valid is embedded.
            eprintln!("error in data/{e}");
            std::process::exit(1);
        }
    };
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets this"));
    let source = jinyi_core::codegen::article_source(&article);
    std::fs::write(out.join("article_data.rs"), source).expect("write generated article");
}
