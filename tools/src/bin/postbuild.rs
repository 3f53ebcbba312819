//! After `trunk build`: put the pre-rendered article into dist/index.html, replace trunk's
//! loader with one that reports a failed start, add a Content-Security-Policy with hashes
//! for the inline scripts, and write the one-file build that opens from `file://`.
//!
//! Usage: `postbuild [dist]` (default `dist`).

use base64::Engine;
use jinyi_core::text::ZH;
use jinyi_tools::prerender::page_html;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The one-file build's name, beside index.html.
const ONE_FILE: &str = "jinyi-explorer-offline.html";

/// Marks the page (`data-fault`, which shows the notice) when the module cannot start
/// (blocked, failed download, old engine) or the Wasm traps later (a panic aborts).
const WATCH: &str = "const jxFault=k=>e=>{document.documentElement.dataset.fault=k;console.error(e)};\
const jxTrap=e=>e instanceof WebAssembly.RuntimeError&&jxFault(\"crash\")(e);\
addEventListener(\"error\",e=>jxTrap(e.error));addEventListener(\"unhandledrejection\",e=>jxTrap(e.reason));";
/// What the loader does with a failed start.
const ON_FAIL: &str = "jxFault(\"start\")";
/// Browsers without module scripts run this instead of the app.
const NOMODULE: &str = "document.documentElement.dataset.fault=\"old\"";

fn sha256_b64(s: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(Sha256::digest(s.as_bytes()))
}

fn between<'a>(s: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = s.find(start)? + start.len();
    let len = s[from..].find(end)?;
    Some(&s[from..from + len])
}

/// Cuts the element starting with `open` (through `close`) out of `html`.
fn cut(html: &str, open: &str, close: &str) -> Option<(String, String)> {
    let start = html.find(open)?;
    let end = start + html[start..].find(close)? + close.len();
    Some((
        format!("{}{}", &html[..start], &html[end..]),
        html[start..end].to_string(),
    ))
}

fn csp(scripts: &[&str], styles: &[&str], self_assets: bool) -> String {
    let hashes = |v: &[&str]| {
        v.iter()
            .map(|s| format!(" 'sha256-{}'", sha256_b64(s)))
            .collect::<String>()
    };
    let own = if self_assets { " 'self'" } else { "" };
    format!(
        "default-src 'none'; script-src{own}{} 'wasm-unsafe-eval'; style-src{own}{}; img-src data:; connect-src{own}; base-uri 'none'; form-action 'none'",
        hashes(scripts),
        hashes(styles),
    )
}

fn with_csp(html: &str, policy: &str) -> String {
    html.replacen(
        "<meta charset=\"utf-8\">",
        &format!(
            "<meta charset=\"utf-8\">\n  <meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">"
        ),
        1,
    )
}

fn run(dist: &Path) -> Result<(), String> {
    let read = |p: &Path| std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()));
    let index_path = dist.join("index.html");
    let html = read(&index_path)?;
    if html.contains("Content-Security-Policy") {
        return Err("dist/index.html was already post-processed: run trunk build first".into());
    }

    // trunk's inline loader names the glue and the wasm.
    let (html, trunk_loader) = cut(&html, "<script type=\"module\">", "</script>")
        .ok_or("no trunk loader <script type=\"module\"> in dist/index.html")?;
    let js = between(&trunk_loader, "from './", "'").ok_or("loader names no .js")?;
    let wasm = between(&trunk_loader, "module_or_path: './", "'").ok_or("loader names no .wasm")?;

    // The article, pre-rendered, in the app's mount point.
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
    let article = jinyi_core::loader::load_dir(&data).map_err(|e| e.to_string())?;
    let placeholder = "<div id=\"app\"></div>";
    if !html.contains(placeholder) {
        return Err(format!("index.html has no {placeholder}"));
    }
    let html = html.replacen(
        placeholder,
        &format!("<div id=\"app\">{}</div>", page_html(&article, &ZH)),
        1,
    );

    // The wasm preload's `integrity` is ignored by browsers (and warned about): drop it.
    let html = match cut(&html, "<link rel=\"preload\"", ">") {
        Some((rest, link)) => {
            let clean = match (link.find(" integrity=\""), link.find(" as=\"fetch\"")) {
                (Some(a), Some(b)) if a < b => format!("{}{}", &link[..a], &link[b..]),
                _ => link.clone(),
            };
            rest.replacen("</head>", &format!("{clean}</head>"), 1)
        }
        None => html,
    };

    // Multi-file site: loader and nomodule fallback, hashed in the CSP. A dynamic import,
    // so that a glue that cannot load (blocked, opaque-origin sandbox) is caught too.
    let loader = format!(
        "{WATCH}import(\"./{js}\").then(m=>m.default({{module_or_path:\"./{wasm}\"}})).catch({ON_FAIL});"
    );
    let scripts = format!(
        "<script type=\"module\">{loader}</script><script nomodule>{NOMODULE}</script>\n</body>"
    );
    let site = html.replacen("</body>", &scripts, 1);
    let site = with_csp(&site, &csp(&[&loader, NOMODULE], &[], true));
    std::fs::write(&index_path, &site).map_err(|e| e.to_string())?;

    // One file: CSS, glue and wasm inline; no request at all.
    let css_href =
        between(&html, "<link rel=\"stylesheet\" href=\"./", "\"").ok_or("no stylesheet link")?;
    let css = read(&dist.join(css_href))?;
    let (one, _) = cut(&html, "<link rel=\"stylesheet\"", ">").ok_or("no stylesheet link")?;
    let (one, _) = cut(&one, "<link rel=\"modulepreload\"", ">").ok_or("no modulepreload")?;
    let (one, _) = cut(&one, "<link rel=\"preload\"", ">").ok_or("no wasm preload")?;
    let glue = read(&dist.join(js))?;
    let bytes = std::fs::read(dist.join(wasm)).map_err(|e| e.to_string())?;
    let b64 = base64::engine::general_purpose::STANDARD.encode(bytes);
    let inline_loader = format!(
        "{glue}\n{WATCH}__wbg_init({{module_or_path:Uint8Array.from(atob(\"{b64}\"),c=>c.charCodeAt(0))}}).catch({ON_FAIL});"
    );
    let one = one.replacen("</head>", &format!("<style>{css}</style>\n</head>"), 1);
    let one = one.replacen(
        "</body>",
        &format!("<script type=\"module\">{inline_loader}</script><script nomodule>{NOMODULE}</script>\n</body>"),
        1,
    );
    let one = with_csp(&one, &csp(&[&inline_loader, NOMODULE], &[&css], false));
    std::fs::write(dist.join(ONE_FILE), one).map_err(|e| e.to_string())?;
    Ok(())
}

fn main() -> ExitCode {
    let dist = std::env::args()
        .nth(1)
        .map_or_else(|| PathBuf::from("dist"), PathBuf::from);
    match run(&dist) {
        Ok(()) => {
            println!(
                "postbuild: pre-rendered article, CSP and {ONE_FILE} written in {}",
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
