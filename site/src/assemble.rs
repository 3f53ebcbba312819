//! The site from the app's Wasm: the page shell (`site/shell.html`) receives the rendered
//! page, its inline scripts, wasm-bindgen's glue (inline), the stylesheet (inline), a
//! loader that reports a failed start, and the CSP; the Wasm gets a content-hashed name;
//! the one-file build that opens from `file://` is written beside it. The new site is
//! written in full to a sibling folder and then put in place of the old one, so no
//! reader (or test) ever sees half of it.

use crate::render::Rendered;
use crate::{csp, scripts};
use base64::Engine;
use sha2::{Digest, Sha256};
use std::path::Path;

/// The one-file build's name, beside index.html.
pub const ONE_FILE: &str = "jinyi-explorer-offline.html";

/// The page around the app: doctype, `<html>`, the metas every page has.
const SHELL: &str = include_str!("../shell.html");
/// Where the shell receives the rendered body.
const MOUNT: &str = "<div id=\"app\"></div>";
/// Where it receives the rendered `<title>` and description and the head script.
const HEAD_MARK: &str = "<!--jx:head-->";
/// The stylesheet, inlined.
const STYLE: &str = include_str!("../../style/main.css");
/// What wasm-bindgen (`--target web --out-name jinyi-explorer`) writes.
pub const GLUE: &str = "jinyi-explorer.js";
pub const WASM: &str = "jinyi-explorer_bg.wasm";
/// After the head script: where the loader goes (the one-file build has none there).
const HEAD_SCRIPT_END: &str = "<!--jx-->";

/// Marks the page (`data-fault`, which shows the notice) when the module cannot start
/// (blocked, failed download, old engine) or the Wasm traps later (a panic aborts).
const WATCH: &str = "const jxFault=k=>e=>{const d=document.documentElement.dataset;d.fault=d.fault||k;console.error(e)};\
const jxTrap=e=>e instanceof WebAssembly.RuntimeError&&jxFault(\"crash\")(e);\
addEventListener(\"error\",e=>jxTrap(e.error));addEventListener(\"unhandledrejection\",e=>jxTrap(e.reason));";
/// What the loader does with a failed start.
const ON_FAIL: &str = "jxFault(\"start\")";
/// Browsers without module scripts run this instead of the app.
const NOMODULE: &str = "document.documentElement.dataset.fault=\"old\"";

/// CSS without its comments (the stylesheet's notes are for its readers, not the wire).
pub fn without_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(at) = rest.find("/*") {
        out.push_str(&rest[..at]);
        rest = rest[at + 2..]
            .find("*/")
            .map_or("", |end| &rest[at + 2 + end + 2..]);
    }
    out.push_str(rest);
    out.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn script(js: &str) -> String {
    format!("<script>{js}</script>")
}

/// The Wasm's name in the site: `jinyi-explorer-<16 hex digits of its SHA-256>_bg.wasm`,
/// so a changed Wasm is a new URL (the dev server caches such names for good).
pub fn hashed_wasm_name(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    format!("jinyi-explorer-{hex}_bg.wasm")
}

/// Writes the site into `dist` from wasm-bindgen's output in `stage` (the glue and the
/// optimised Wasm) and the rendered page: `index.html`, the hashed Wasm and the one-file
/// build. `dist` is replaced as a whole once the new site is complete.
pub fn run(stage: &Path, dist: &Path, page: &Rendered) -> Result<(), String> {
    let read = |p: &Path| std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()));
    let glue = read(&stage.join(GLUE))?;
    let bytes = std::fs::read(stage.join(WASM))
        .map_err(|e| format!("{}: {e}", stage.join(WASM).display()))?;
    let wasm = hashed_wasm_name(&bytes);

    // The page: head words and the head script (before the body is parsed), then the
    // body. A parser-blocking script after a stylesheet would wait for it, so the
    // style comes last in the head.
    let head_js = scripts::head()?;
    let apply_js = scripts::apply()?;
    let share_js = scripts::share()?;
    for mark in [HEAD_MARK, MOUNT] {
        if SHELL.matches(mark).count() != 1 {
            return Err(format!("site/shell.html must hold {mark} once"));
        }
    }
    let html = SHELL.replacen(
        HEAD_MARK,
        &format!("{}\n  {}{HEAD_SCRIPT_END}", page.head, script(&head_js)),
        1,
    );
    // The app hydrates from its container's first child: nothing may come before it.
    let html = html.replacen(
        MOUNT,
        &format!(
            "<div id=\"app\">{}</div>\n{}{}",
            page.body,
            script(&apply_js),
            script(&share_js)
        ),
        1,
    );
    // The stylesheet inline (without its comments): the page paints with no other
    // request, and the style is hashed in the CSP like the scripts.
    let css = without_comments(STYLE);
    let html = html.replacen("</head>", &format!("<style>{css}</style>\n</head>"), 1);

    // The loader carries the glue inline and starts the Wasm as soon as it can (its
    // download began with the preload); `run` waits for the complete document. A failed
    // start (blocked, broken, opaque-origin sandbox) marks the page; browsers without
    // modules run the nomodule fallback. Every inline script is hashed in the CSP.
    // Minified as one module with the glue, so that the names it calls stay in step;
    // `JX_WASM` (a free name, never renamed) stands for where the Wasm comes from.
    let loader = scripts::minify(
        &format!(
            "{glue}\n{WATCH}const jxDom=new Promise(r=>document.readyState===\"loading\"?addEventListener(\"DOMContentLoaded\",()=>r()):r());\
__wbg_init({{module_or_path:JX_WASM}}).then(()=>jxDom).then(()=>run()).catch({ON_FAIL});"
        ),
        true,
    )?;
    if loader.matches("JX_WASM").count() != 1 {
        return Err("the minified loader lost its JX_WASM placeholder".into());
    }
    let loader = |wasm_source: &str| loader.replacen("JX_WASM", wasm_source, 1);
    let nomodule = format!("<script nomodule>{NOMODULE}</script>\n</body>");
    let inline = [
        head_js.as_str(),
        apply_js.as_str(),
        share_js.as_str(),
        NOMODULE,
    ];

    // Multi-file site: the loader is an async module in <head>, so the Wasm compiles
    // while the page is parsed; the preload starts its download at once.
    let site_loader = loader(&format!("\"./{wasm}\""));
    let site = html
        .replacen(
            HEAD_SCRIPT_END,
            &format!("<script type=\"module\" async>{site_loader}</script>"),
            1,
        )
        .replacen(
            "<style>",
            &format!(
                "<link rel=\"preload\" href=\"./{wasm}\" crossorigin=\"anonymous\" as=\"fetch\" type=\"application/wasm\"><style>"
            ),
            1,
        )
        .replacen("</body>", &nomodule, 1);
    let site = csp::with_meta(
        &site,
        &csp::policy(
            &[&inline[..], &[site_loader.as_str()]].concat(),
            &[&css],
            true,
        ),
    );

    // One file: CSS, glue and Wasm inline; no request at all. The loader runs once the
    // page is parsed (the inline Wasm is large).
    let one = html.replacen(HEAD_SCRIPT_END, "", 1);
    let b64 = base64::engine::general_purpose::STANDARD.encode(&bytes);
    let inline_loader = loader(&format!(
        "Uint8Array.from(atob(\"{b64}\"),c=>c.charCodeAt(0))"
    ));
    let one = one.replacen(
        "</body>",
        &format!("<script type=\"module\">{inline_loader}</script>{nomodule}"),
        1,
    );
    let one = csp::with_meta(
        &one,
        &csp::policy(
            &[&inline[..], &[inline_loader.as_str()]].concat(),
            &[&css],
            false,
        ),
    );

    let files = [
        ("index.html", site.into_bytes()),
        (wasm.as_str(), bytes),
        (ONE_FILE, one.into_bytes()),
    ];
    replace_dir(dist, &files)
}

/// Writes `files` into a new folder beside `dist`, then puts it in place of `dist`.
fn replace_dir(dist: &Path, files: &[(&str, Vec<u8>)]) -> Result<(), String> {
    let io = |what: &str, p: &Path, e: std::io::Error| format!("{what} {}: {e}", p.display());
    let name = dist
        .file_name()
        .ok_or_else(|| format!("{} names no folder", dist.display()))?
        .to_string_lossy();
    let new = dist.with_file_name(format!(".{name}.new"));
    let old = dist.with_file_name(format!(".{name}.old"));
    for p in [&new, &old] {
        if p.exists() {
            std::fs::remove_dir_all(p).map_err(|e| io("remove", p, e))?;
        }
    }
    std::fs::create_dir_all(&new).map_err(|e| io("create", &new, e))?;
    for (file, bytes) in files {
        let p = new.join(file);
        std::fs::write(&p, bytes).map_err(|e| io("write", &p, e))?;
    }
    if dist.exists() {
        std::fs::rename(dist, &old).map_err(|e| io("move aside", dist, e))?;
    }
    std::fs::rename(&new, dist).map_err(|e| io("put in place", dist, e))?;
    if old.exists() {
        std::fs::remove_dir_all(&old).map_err(|e| io("remove", &old, e))?;
    }
    Ok(())
}
