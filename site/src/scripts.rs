//! The page's own small scripts, inline so that they run before the first paint (their
//! hashes go into the CSP): `head.js` chooses the interface language and holds back a
//! shared link's results, `apply.js` applies the link's filters, `share.js` copies and
//! exports (site/js/). They, and wasm-bindgen's glue, which the page also carries
//! inline, go through terser (npm, pinned in package.json, installed by
//! scripts/setup.sh) before they are hashed.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// Chooses the language; defines `jx.lang`, which the app calls to switch it.
pub fn head() -> Result<String, String> {
    minify(include_str!("../js/head.js"), false)
}

/// Applies a shared link's filters before the results are painted.
pub fn apply() -> Result<String, String> {
    minify(include_str!("../js/apply.js"), false)
}

/// Copies a paragraph's link or citation, exports the shown paragraphs.
pub fn share() -> Result<String, String> {
    minify(include_str!("../js/share.js"), false)
}

/// `js` compressed and with short local names (terser); `module` for an ES module.
pub fn minify(js: &str, module: bool) -> Result<String, String> {
    let terser = Path::new(env!("CARGO_MANIFEST_DIR")).join("../node_modules/.bin/terser");
    let mut args = vec!["--compress", "--mangle"];
    if module {
        args.push("--module");
    }
    let mut child = Command::new(&terser)
        .args(&args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            format!(
                "cannot run {}: {e} (run scripts/setup.sh, which installs it with npm ci)",
                terser.display()
            )
        })?;
    let mut stdin = child.stdin.take().ok_or("terser's stdin")?;
    let input = js.to_string();
    // Write from another thread: terser may fill its stdout before reading all its stdin.
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    writer
        .join()
        .map_err(|_| "writing to terser".to_string())?
        .map_err(|e| e.to_string())?;
    if !out.status.success() {
        return Err(format!(
            "terser failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    String::from_utf8(out.stdout).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_page_scripts_minify_and_keep_their_global() {
        for js in [super::head(), super::apply(), super::share()] {
            let js = js.expect("terser (npm ci) is installed");
            assert!(!js.is_empty() && !js.contains("\n  "), "{js}");
        }
        assert!(super::head().unwrap().contains("window.jx"));
        let m = super::minify(
            "export function run() { const value = 1; return value + 1; }",
            true,
        )
        .unwrap();
        assert!(m.contains("export function run"), "{m}");
    }
}
