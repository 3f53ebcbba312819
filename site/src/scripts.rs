//! The page's own small scripts, inline so that they run before the first paint (their
//! hashes go into the CSP): `head.js` chooses the interface language and holds back a
//! shared link's results, `apply.js` applies the link's filters (site/js/). Comment
//! lines and indentation are dropped; nothing else is changed.

/// Chooses the language; defines `jx.lang`, which the app calls to switch it.
pub fn head() -> String {
    compact(include_str!("../js/head.js"))
}

/// Applies a shared link's filters before the results are painted.
pub fn apply() -> String {
    compact(include_str!("../js/apply.js"))
}

fn compact(js: &str) -> String {
    js.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    #[test]
    fn comments_and_indentation_go_code_stays() {
        assert_eq!(
            super::compact("// note\n  const a = 1;\n\n  f(a); // kept\n"),
            "const a = 1;\nf(a); // kept"
        );
    }
}
