//! The Content-Security-Policy of the built pages: nothing from anywhere by default;
//! only the page's own inline scripts, by SHA-256 hash (the glue is inline too); Wasm
//! compilation; styles and the Wasm's download from the site itself; no `unsafe-inline`,
//! no remote origin.

use base64::Engine;
use sha2::{Digest, Sha256};

fn hash(s: &str) -> String {
    format!(
        " 'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(Sha256::digest(s.as_bytes()))
    )
}

/// The policy for inline `scripts` and `styles`; `self_assets` allows the site's own
/// files (the one-file build has none).
pub fn policy(scripts: &[&str], styles: &[&str], self_assets: bool) -> String {
    let hashes = |v: &[&str]| v.iter().map(|s| hash(s)).collect::<String>();
    let own = if self_assets { " 'self'" } else { "" };
    format!(
        "default-src 'none'; script-src{} 'wasm-unsafe-eval'; style-src{own}{}; img-src data:; connect-src{own}; base-uri 'none'; form-action 'none'",
        hashes(scripts),
        hashes(styles),
    )
}

/// `html` with the policy as a meta tag right after `<meta charset>`.
pub fn with_meta(html: &str, policy: &str) -> String {
    html.replacen(
        "<meta charset=\"utf-8\">",
        &format!(
            "<meta charset=\"utf-8\">\n  <meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">"
        ),
        1,
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn strict_and_hashed() {
        let p = super::policy(&["a"], &[], true);
        assert!(p.starts_with("default-src 'none'; script-src 'sha256-"));
        assert!(!p.contains("unsafe-inline"));
    }
}
