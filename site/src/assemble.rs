//! After `trunk build`: the rendered page goes into `dist/index.html` with its inline
//! scripts, a loader that reports a failed start, and the CSP; then the one-file build
//! that opens from `file://` is written beside it.

use crate::render::Rendered;
use crate::{csp, scripts};
use base64::Engine;
use std::path::Path;

/// The one-file build's name, beside index.html.
pub const ONE_FILE: &str = "jinyi-explorer-offline.html";

/// Where trunk's page receives the rendered body.
const MOUNT: &str = "<div id=\"app\"></div>";
/// Where it receives the rendered `<title>` and description.
const HEAD_MARK: &str = "<title>";
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

/// Writes `dist/index.html` and the one-file build from trunk's output and the page.
pub fn run(dist: &Path, page: &Rendered) -> Result<(), String> {
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

    // The page: head words, the head script (before the body is parsed), the body.
    // In place of trunk's `<title>`, before the stylesheet: a parser-blocking script
    // after a stylesheet would wait for it.
    let head_js = scripts::head()?;
    let apply_js = scripts::apply()?;
    let share_js = scripts::share()?;
    let at = html.find(HEAD_MARK).ok_or("index.html has no <title>")?;
    let (html, _) = cut(&html, HEAD_MARK, "</title>").ok_or("index.html has no </title>")?;
    let html = format!(
        "{}{}\n  {}{HEAD_SCRIPT_END}{}",
        &html[..at],
        page.head,
        script(&head_js),
        &html[at..]
    );
    if !html.contains(MOUNT) {
        return Err(format!("index.html has no {MOUNT}"));
    }
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

    // The loader carries the glue inline and starts the Wasm as soon as it can (its
    // download began with the preload); `run` waits for the complete document. A failed
    // start (blocked, broken, opaque-origin sandbox) marks the page; browsers without
    // modules run the nomodule fallback. Every inline script is hashed in the CSP.
    // Minified as one module with the glue, so that the names it calls stay in step;
    // `JX_WASM` (a free name, never renamed) stands for where the Wasm comes from.
    let loader = scripts::minify(
        &format!(
            "{}\n{WATCH}const jxDom=new Promise(r=>document.readyState===\"loading\"?addEventListener(\"DOMContentLoaded\",()=>r()):r());\
__wbg_init({{module_or_path:JX_WASM}}).then(()=>jxDom).then(()=>run()).catch({ON_FAIL});",
            read(&dist.join(js))?
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

    // The stylesheet inline too (without its comments): the page paints with no other
    // request, and the style is hashed in the CSP like the scripts.
    let css_href =
        between(&html, "<link rel=\"stylesheet\" href=\"./", "\"").ok_or("no stylesheet link")?;
    let css_file = dist.join(css_href);
    let css = without_comments(&read(&css_file)?);
    let (html, _) = cut(&html, "<link rel=\"stylesheet\"", ">").ok_or("no stylesheet link")?;
    let html = html.replacen("</head>", &format!("<style>{css}</style>\n</head>"), 1);

    // Multi-file site: the loader is an async module in <head>, so the Wasm compiles while
    // the page is parsed (the glue no longer needs a request of its own).
    let site_loader = loader(&format!("\"./{wasm}\""));
    let (site, _) = cut(&html, "<link rel=\"modulepreload\"", ">").ok_or("no modulepreload")?;
    let site = site.replacen(
        HEAD_SCRIPT_END,
        &format!("<script type=\"module\" async>{site_loader}</script>"),
        1,
    );
    let site = site.replacen("</body>", &nomodule, 1);
    let site = csp::with_meta(
        &site,
        &csp::policy(
            &[&inline[..], &[site_loader.as_str()]].concat(),
            &[&css],
            true,
        ),
    );
    std::fs::write(&index_path, &site).map_err(|e| e.to_string())?;

    // One file: CSS, glue and wasm inline; no request at all. The loader runs once the
    // page is parsed (the inline Wasm is large).
    let one = html.replacen(HEAD_SCRIPT_END, "", 1);
    let (one, _) = cut(&one, "<link rel=\"modulepreload\"", ">").ok_or("no modulepreload")?;
    let (one, _) = cut(&one, "<link rel=\"preload\"", ">").ok_or("no wasm preload")?;
    let bytes = std::fs::read(dist.join(wasm)).map_err(|e| e.to_string())?;
    let b64 = base64::engine::general_purpose::STANDARD.encode(bytes);
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
    std::fs::write(dist.join(ONE_FILE), one).map_err(|e| e.to_string())?;
    // Both pages carry the glue and the style inline: their own files are not needed.
    for file in [dist.join(js), css_file] {
        std::fs::remove_file(&file).map_err(|e| format!("{}: {e}", file.display()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn css_comments_go_rules_stay() {
        let css = "/* a */\n.x { color: red; } /* b\n c */\n\n.y{content:\"/\"}\n";
        assert_eq!(
            super::without_comments(css),
            ".x { color: red; }\n.y{content:\"/\"}"
        );
    }
}
