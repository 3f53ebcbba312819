//! The comparison pages, made from the built page itself (`dist/index.html`), so they
//! show the same markup, words and stylesheet as the app: (b) the page with every script
//! (and the Wasm preloads) taken out, and (c) the same plus the hand-written
//! `baseline.js`. Their 100× versions put the site's own rendering of the 100× corpus
//! (`jinyi_site::render::render`, the app's components, as the build uses them) in place of the article.

use jinyi_core::model::Article;

/// Removes every element that starts with `open` (through `close`) from `html`.
fn without(html: &str, open: &str, close: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(open) {
        out.push_str(&rest[..at]);
        match rest[at..].find(close) {
            Some(end) => rest = &rest[at + end + close.len()..],
            None => {
                rest = "";
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The built page with no script at all (and nothing that would fetch the Wasm); with
/// `script_src`, a deferred `<script src>` instead. Its CSP goes too (it allows only the
/// app's own inline scripts).
pub fn from_built(index_html: &str, title: &str, script_src: Option<&str>) -> String {
    let html = without(index_html, "<script", "</script>");
    let html = without(&html, "<meta http-equiv=\"Content-Security-Policy\"", ">");
    let html = without(&html, "<link rel=\"modulepreload\"", ">");
    let html = without(&html, "<link rel=\"preload\"", ">");
    let html = match (html.find("<title"), html.find("</title>")) {
        (Some(a), Some(b)) => format!("{}<title>{title}{}", &html[..a], &html[b..]),
        _ => html,
    };
    match script_src {
        Some(src) => html.replacen(
            "</head>",
            &format!("<script src=\"{src}\" defer></script>\n</head>"),
            1,
        ),
        None => html,
    }
}

/// The built page with `big`'s rendering in place of `real`'s (the page must be this
/// build's: its body is `real`'s rendering, as postbuild wrote it).
pub fn scaled(index_html: &str, real: Article, big: Article) -> Result<String, String> {
    let leak = |a: Article| -> &'static Article { Box::leak(Box::new(a)) };
    let body = jinyi_site::render::render(leak(real)).body;
    if !index_html.contains(&body) {
        return Err(
            "dist/index.html does not hold this checkout's rendered page: run `make dist`".into(),
        );
    }
    Ok(index_html.replacen(&body, &jinyi_site::render::render(leak(big)).body, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_and_wasm_preloads_go_the_rest_stays() {
        let page = "<head><meta http-equiv=\"Content-Security-Policy\" content=\"x\"><title>x</title><link rel=\"modulepreload\" href=\"a.js\"><link rel=\"preload\" href=\"a.wasm\" as=\"fetch\"><script>1</script></head><body><p>t</p><script type=\"module\">2</script><script nomodule>3</script></body>";
        assert_eq!(
            from_built(page, "T", None),
            "<head><title>T</title></head><body><p>t</p></body>"
        );
        assert!(from_built(page, "T", Some("./b.js"))
            .contains("<script src=\"./b.js\" defer></script>\n</head>"));
    }
}
