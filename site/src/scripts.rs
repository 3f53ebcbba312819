//! The page's own small scripts, inline so that they run before the first paint (their
//! hashes go into the CSP): `head.js` chooses the interface language and holds back a
//! shared link's results, `apply.js` applies the link's filters (site/js/). `compact`
//! drops whole-line comments and indentation from them and from wasm-bindgen's glue,
//! which the page also carries inline; nothing else is changed.

/// Chooses the language; defines `jx.lang`, which the app calls to switch it.
pub fn head() -> String {
    compact(include_str!("../js/head.js"))
}

/// Applies a shared link's filters before the results are painted.
pub fn apply() -> String {
    compact(include_str!("../js/apply.js"))
}

/// `js` without its whole-line comments (`// …`, and `/* … */` blocks that start a line),
/// blank lines and indentation.
pub fn compact(js: &str) -> String {
    let mut out = Vec::new();
    let mut in_block = false;
    for line in js.lines().map(str::trim) {
        if in_block || line.starts_with("/*") {
            in_block = !line.ends_with("*/");
        } else if !line.is_empty() && !line.starts_with("//") {
            out.push(line);
        }
    }
    out.join("\n")
}

#[cfg(test)]
mod tests {
    #[test]
    fn comments_and_indentation_go_code_stays() {
        assert_eq!(
            super::compact("// note\n  const a = 1;\n\n  f(a); // kept\n"),
            "const a = 1;\nf(a); // kept"
        );
        assert_eq!(
            super::compact(
                "/**\n * doc\n */\nexport function f() {\n  /* one */\n  return 2 * 3;\n}"
            ),
            "export function f() {\nreturn 2 * 3;\n}"
        );
    }
}
