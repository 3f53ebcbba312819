//! Build step: load and validate `data/`, then embed the assembled article as Rust
//! source, so the browser gets the finished article and repeats none of this work:
//! only what the app computes with (`jinyi_core::browser`); the page has the rest,
//! the blocks' texts included (the app reads them from it, checked against their hashes).

use std::path::PathBuf;

fn main() {
    let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets this"));
    let data = root.join("data");
    for f in ["article.txt", "article.toml", "facets.toml", "figures.toml"] {
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
    let mut source =
        jinyi_core::codegen::article_source(&jinyi_core::browser::for_browser(&article));
    let hashes = jinyi_core::browser::text_hashes(&article);
    source.push_str(&format!(
        "/// Each block text's `jinyi_core::browser::text_hash`: the page's texts are checked against them.\npub static TEXT_HASHES: [u32; {}] = {hashes:?};\n",
        hashes.len()
    ));
    std::fs::write(out.join("article_data.rs"), source).expect("write generated article");
}
