//! The response headers `ServeDir` leaves to us: `Cache-Control` by file name (the
//! README's rule: content-hashed names are `immutable`, everything else revalidates),
//! `charset=utf-8` on text types (the site's text is UTF-8; `ServeDir` sends the bare
//! type), and `X-Content-Type-Options: nosniff`.

use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE, X_CONTENT_TYPE_OPTIONS};
use axum::http::HeaderValue;
use axum::response::Response;

/// `Cache-Control` for content-hashed file names.
pub const CACHE_IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// `Cache-Control` for everything else (always revalidate).
pub const CACHE_NO_CACHE: &str = "no-cache";

/// Whether a file name carries a content hash: a `-` followed by exactly 16 hex
/// digits, then the extension (`name-0123456789abcdef.wasm`) or an `_` suffix as
/// the site build writes it (`name-0123456789abcdef_bg.wasm`).
pub fn is_hashed_name(name: &str) -> bool {
    let b = name.as_bytes();
    (0..b.len()).any(|i| {
        b[i] == b'-'
            && i + 17 < b.len()
            && b[i + 1..i + 17].iter().all(u8::is_ascii_hexdigit)
            && (b[i + 17] == b'.' || b[i + 17] == b'_')
            && name[i + 17..].contains('.')
    })
}

/// The `Cache-Control` value for a served file name. Pages are never `immutable`, even
/// with a hash in the name: a shared link must always reach the current build.
pub fn cache_control(name: &str) -> &'static str {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".html") || lower.ends_with(".htm") {
        CACHE_NO_CACHE
    } else if is_hashed_name(name) {
        CACHE_IMMUTABLE
    } else {
        CACHE_NO_CACHE
    }
}

/// The file name a URL path asks for: its last segment, or `index.html` for a directory.
pub(crate) fn file_name(path: &str) -> &str {
    match path.rsplit('/').next() {
        Some("") | None => "index.html",
        Some(last) => last,
    }
}

/// Add the headers to a response for the file `name`. Only a successful answer may be
/// cached for good: an error or a redirect for a hashed name must not stick.
pub(crate) fn finish(res: &mut Response, name: &str) {
    let ok = res.status().is_success() || res.status().as_u16() == 304;
    let cache = if ok {
        cache_control(name)
    } else {
        CACHE_NO_CACHE
    };
    let headers = res.headers_mut();
    headers.insert(CACHE_CONTROL, HeaderValue::from_static(cache));
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    let text_without_charset = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .filter(|t| t.starts_with("text/") && !t.contains("charset"))
        .map(|t| format!("{t}; charset=utf-8"));
    if let Some(typed) = text_without_charset.and_then(|t| HeaderValue::try_from(t).ok()) {
        headers.insert(CONTENT_TYPE, typed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names_and_cache_control() {
        assert!(is_hashed_name("name-0123456789abcdef.wasm"));
        assert!(is_hashed_name("jinyi-explorer-0123456789ABCDEF_bg.wasm"));
        assert!(is_hashed_name("style-fedcba9876543210.css"));
        assert!(
            !is_hashed_name("name-0123456789abcde.wasm"),
            "15 hex digits"
        );
        assert!(
            !is_hashed_name("name-0123456789abcdef0.wasm"),
            "17 hex digits"
        );
        assert!(!is_hashed_name("name-0123456789abcdeg.wasm"), "not hex");
        assert!(!is_hashed_name("name-0123456789abcdef"), "no extension");
        assert!(!is_hashed_name("index.html"));
        assert_eq!(cache_control("name-0123456789abcdef.wasm"), CACHE_IMMUTABLE);
        assert_eq!(cache_control("index.html"), CACHE_NO_CACHE);
        assert_eq!(cache_control("page-0123456789abcdef.html"), CACHE_NO_CACHE);
        assert_eq!(cache_control("robots.txt"), CACHE_NO_CACHE);
    }

    #[test]
    fn file_names_of_paths() {
        assert_eq!(file_name("/"), "index.html");
        assert_eq!(file_name("/sub/"), "index.html");
        assert_eq!(
            file_name("/sub/app-0123456789abcdef.js"),
            "app-0123456789abcdef.js"
        );
        assert_eq!(file_name("/sub"), "sub");
    }
}
