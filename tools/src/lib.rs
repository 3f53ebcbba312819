//! A small std-only static file server for the built site (`dist/`), used by the `serve` bin and the browser tests.
//!
//! What it does, and nothing more:
//! - serves one folder, optionally only under a URL prefix such as `/sub/dir/`
//!   (everything else is a 404), so the site can be proved to work from a sub-path;
//! - percent-decodes the path, ignores the query string, refuses `..` and symlinks
//!   that leave the folder, answers `index.html` for directory paths and redirects
//!   `/dir` to `/dir/` so relative asset URLs resolve;
//! - sets the Content-Type for the site's file kinds, serves a pre-compressed
//!   `file.br` / `file.gz` sibling when the client accepts it (with `Vary`), and sets
//!   `Cache-Control` (`immutable` for content-hashed names, `no-cache` otherwise);
//! - GET and HEAD, HTTP/1.1 keep-alive, one thread per connection.

use std::fmt::Write as _;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream, ToSocketAddrs};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::thread::{self, JoinHandle};
use std::time::Duration;

/// `Cache-Control` for content-hashed file names.
pub const CACHE_IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// `Cache-Control` for everything else (always revalidate).
pub const CACHE_NO_CACHE: &str = "no-cache";

/// Largest request head (request line plus headers) accepted, in bytes.
const MAX_HEAD: u64 = 64 * 1024;
/// How long an idle keep-alive connection is kept open.
const IDLE_TIMEOUT: Duration = Duration::from_secs(30);

/// Start a server for `dir` on `127.0.0.1:0` in a background thread.
///
/// Only URLs under `prefix` (normalised to `/…/`, e.g. `"/sub/dir/"`; `"/"` or `""`
/// serve from the root) are answered. Returns the bound address and the accept
/// thread's handle (the thread runs until the process exits).
pub fn spawn(dir: PathBuf, prefix: &str) -> io::Result<(SocketAddr, JoinHandle<()>)> {
    spawn_on("127.0.0.1:0", dir, prefix)
}

/// Like [`spawn`], on the given address (which must be a loopback address).
pub fn spawn_on(
    addr: impl ToSocketAddrs,
    dir: PathBuf,
    prefix: &str,
) -> io::Result<(SocketAddr, JoinHandle<()>)> {
    let server = Arc::new(Server::new(dir, prefix)?);
    let listener = bind_loopback(addr)?;
    let local = listener.local_addr()?;
    let handle = thread::Builder::new()
        .name(format!("serve-{local}"))
        .spawn(move || server.run(listener))?;
    Ok((local, handle))
}

/// Bind a listener, refusing any address that is not loopback.
pub fn bind_loopback(addr: impl ToSocketAddrs) -> io::Result<TcpListener> {
    let addrs: Vec<SocketAddr> = addr.to_socket_addrs()?.collect();
    if addrs.is_empty() || addrs.iter().any(|a| !a.ip().is_loopback()) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("refusing to serve on a non-loopback address: {addrs:?}"),
        ));
    }
    TcpListener::bind(&addrs[..])
}

/// Normalise a URL prefix to start and end with `/` (`""` and `"/"` give `"/"`).
pub fn normalize_prefix(prefix: &str) -> String {
    let trimmed = prefix.trim_matches('/');
    if trimmed.is_empty() {
        "/".to_string()
    } else {
        format!("/{trimmed}/")
    }
}

/// The Content-Type for a file, from its extension.
pub fn content_type(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "json" | "map" => "application/json",
        "webmanifest" => "application/manifest+json",
        "txt" => "text/plain; charset=utf-8",
        "xml" => "application/xml",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        _ => "application/octet-stream",
    }
}

/// Whether a file name carries a content hash: a `-` followed by exactly 16 hex
/// digits, then the extension (`name-0123456789abcdef.wasm`) or an `_` suffix as
/// wasm-bindgen/trunk write it (`name-0123456789abcdef_bg.wasm`).
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

/// The `Cache-Control` value for a served file name.
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

/// Percent-decode a URL path into UTF-8 (`+` stays `+`). `None` for a malformed
/// escape or bytes that are not UTF-8.
pub fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            let hi = (hex[0] as char).to_digit(16)?;
            let lo = (hex[1] as char).to_digit(16)?;
            out.push((hi * 16 + lo) as u8);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The quality the client gives `coding` in an `Accept-Encoding` header (0 = not acceptable).
pub fn accept_quality(accept_encoding: &str, coding: &str) -> f32 {
    let mut star = None;
    for item in accept_encoding.split(',') {
        let mut parts = item.split(';');
        let name = parts.next().unwrap_or("").trim();
        let mut q = 1.0f32;
        for param in parts {
            if let Some((k, v)) = param.split_once('=') {
                if k.trim().eq_ignore_ascii_case("q") {
                    q = v.trim().parse().unwrap_or(0.0);
                }
            }
        }
        if name.eq_ignore_ascii_case(coding) {
            return q;
        }
        if name == "*" {
            star = Some(q);
        }
    }
    star.unwrap_or(0.0)
}

/// A parsed HTTP request head.
#[derive(Debug, Clone, Default)]
pub struct Request {
    /// `GET`, `HEAD`, …
    pub method: String,
    /// The request target as sent (`/sub/dir/?theme=%E9%87%91`).
    pub target: String,
    /// `HTTP/1.1` or `HTTP/1.0`.
    pub version: String,
    /// Header names as sent; look them up with [`Request::header`].
    pub headers: Vec<(String, String)>,
}

impl Request {
    /// A `GET` for `target` with the given headers (for tests and tools).
    pub fn get(target: &str, headers: &[(&str, &str)]) -> Self {
        Request {
            method: "GET".into(),
            target: target.into(),
            version: "HTTP/1.1".into(),
            headers: headers
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        }
    }

    /// The first value of a header, case-insensitively.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn keep_alive(&self) -> bool {
        let conn = self.header("connection").unwrap_or("").to_ascii_lowercase();
        if self.version == "HTTP/1.0" {
            conn.contains("keep-alive")
        } else {
            !conn.contains("close")
        }
    }
}

/// A response ready to be written.
#[derive(Debug, Clone)]
pub struct Response {
    /// Status code.
    pub status: u16,
    /// Headers other than `Content-Length` and `Connection`.
    pub headers: Vec<(&'static str, String)>,
    /// The body (also used for `Content-Length` of a HEAD answer).
    pub body: Vec<u8>,
}

impl Response {
    fn text(status: u16, msg: &str) -> Self {
        Response {
            status,
            headers: vec![
                ("Content-Type", "text/plain; charset=utf-8".into()),
                ("Cache-Control", CACHE_NO_CACHE.into()),
            ],
            body: format!("{status} {msg}\n").into_bytes(),
        }
    }

    fn redirect(location: String) -> Self {
        let mut r = Response::text(301, "Moved Permanently");
        r.headers.push(("Location", location));
        r
    }

    /// The first value of a header, case-insensitively.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn write_to(&self, w: &mut impl Write, head_only: bool, keep_alive: bool) -> io::Result<()> {
        let mut head = format!("HTTP/1.1 {} {}\r\n", self.status, reason(self.status));
        for (k, v) in &self.headers {
            let _ = write!(head, "{k}: {v}\r\n");
        }
        let _ = write!(head, "Content-Length: {}\r\n", self.body.len());
        head.push_str("X-Content-Type-Options: nosniff\r\n");
        head.push_str(if keep_alive {
            "Connection: keep-alive\r\n\r\n"
        } else {
            "Connection: close\r\n\r\n"
        });
        w.write_all(head.as_bytes())?;
        if !head_only {
            w.write_all(&self.body)?;
        }
        w.flush()
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        _ => "Error",
    }
}

/// One served folder under one URL prefix.
#[derive(Debug, Clone)]
pub struct Server {
    root: PathBuf,
    prefix: String,
    log: bool,
}

impl Server {
    /// A server for `dir` (which must be an existing directory) under `prefix`.
    pub fn new(dir: impl Into<PathBuf>, prefix: &str) -> io::Result<Self> {
        let dir = dir.into();
        let root = dir.canonicalize().map_err(|e| {
            io::Error::new(e.kind(), format!("cannot serve {}: {e}", dir.display()))
        })?;
        if !root.is_dir() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("cannot serve {}: not a directory", dir.display()),
            ));
        }
        Ok(Server {
            root,
            prefix: normalize_prefix(prefix),
            log: false,
        })
    }

    /// Log one line per request to stderr.
    pub fn with_logging(mut self, log: bool) -> Self {
        self.log = log;
        self
    }

    /// The canonical folder being served.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The normalised URL prefix (`/` or `/…/`).
    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    /// Accept connections forever, one thread per connection.
    pub fn run(self: Arc<Self>, listener: TcpListener) {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            let server = Arc::clone(&self);
            let _ = thread::Builder::new()
                .name("serve-conn".into())
                .spawn(move || {
                    let _ = server.handle_connection(stream);
                });
        }
    }

    fn handle_connection(&self, stream: TcpStream) -> io::Result<()> {
        stream.set_read_timeout(Some(IDLE_TIMEOUT))?;
        let _ = stream.set_nodelay(true);
        let mut reader = BufReader::new(stream.try_clone()?);
        let mut writer = stream;
        loop {
            let req = match read_request(&mut reader) {
                Ok(Some(req)) => req,
                Ok(None) => return Ok(()),
                Err(e) if e.kind() == io::ErrorKind::InvalidData => {
                    let _ = Response::text(400, "Bad Request").write_to(&mut writer, false, false);
                    return Ok(());
                }
                Err(e) => return Err(e),
            };
            // Discard a request body, if any; a chunked one ends the connection.
            let chunked = req.header("transfer-encoding").is_some();
            let len: u64 = req
                .header("content-length")
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or(0);
            if len > 0 {
                io::copy(&mut reader.by_ref().take(len), &mut io::sink())?;
            }
            let keep_alive = req.keep_alive() && !chunked;
            let resp = self.respond(&req);
            if self.log {
                eprintln!(
                    "{} {} -> {}{}",
                    req.method,
                    req.target,
                    resp.status,
                    resp.header("content-encoding")
                        .map(|e| format!(" ({e})"))
                        .unwrap_or_default()
                );
            }
            resp.write_to(&mut writer, req.method == "HEAD", keep_alive)?;
            if !keep_alive {
                return Ok(());
            }
        }
    }

    /// Answer one request (no I/O besides reading the served files).
    pub fn respond(&self, req: &Request) -> Response {
        if req.method != "GET" && req.method != "HEAD" {
            let mut r = Response::text(405, "Method Not Allowed");
            r.headers.push(("Allow", "GET, HEAD".into()));
            return r;
        }
        // Origin-form only; drop the fragment and the query.
        let target = req.target.split('#').next().unwrap_or("");
        let (raw_path, query) = match target.split_once('?') {
            Some((p, q)) => (p, Some(q)),
            None => (target, None),
        };
        if !raw_path.starts_with('/') {
            return Response::text(400, "Bad Request");
        }
        let Some(path) = percent_decode(raw_path) else {
            return Response::text(400, "Bad Request");
        };
        if path.contains('\0') || path.contains('\\') {
            return Response::text(403, "Forbidden");
        }
        let with_query = |p: &str| match query {
            Some(q) => format!("{p}?{q}"),
            None => p.to_string(),
        };
        // `/sub/dir` -> `/sub/dir/`, so the page's relative URLs resolve under the prefix.
        if self.prefix != "/" && path == self.prefix[..self.prefix.len() - 1] {
            return Response::redirect(with_query(&format!("{raw_path}/")));
        }
        let Some(rest) = path.strip_prefix(self.prefix.as_str()) else {
            return Response::text(404, "Not Found");
        };
        let mut file = self.root.clone();
        for seg in rest.split('/') {
            match seg {
                "" | "." => {}
                ".." => return Response::text(403, "Forbidden"),
                s => file.push(s),
            }
        }
        if file.is_dir() {
            if !path.ends_with('/') {
                return Response::redirect(with_query(&format!("{raw_path}/")));
            }
            file.push("index.html");
        }
        let Ok(canon) = file.canonicalize() else {
            return Response::text(404, "Not Found");
        };
        if !canon.starts_with(&self.root) {
            return Response::text(403, "Forbidden");
        }
        if !canon.is_file() {
            return Response::text(404, "Not Found");
        }
        self.file_response(&canon, req.header("accept-encoding").unwrap_or(""))
    }

    fn file_response(&self, file: &Path, accept_encoding: &str) -> Response {
        let name = file
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        let mut headers = vec![
            ("Content-Type", content_type(file).to_string()),
            ("Cache-Control", cache_control(&name).to_string()),
        ];
        // Pre-compressed siblings: the best acceptable one wins (br on a tie).
        let mut any_sibling = false;
        let mut best: Option<(f32, &'static str, PathBuf)> = None;
        for (coding, ext) in [("br", "br"), ("gzip", "gz")] {
            let sibling = file.with_file_name(format!("{name}.{ext}"));
            let ok = sibling
                .canonicalize()
                .map(|c| c.starts_with(&self.root) && c.is_file())
                .unwrap_or(false);
            if !ok {
                continue;
            }
            any_sibling = true;
            let q = accept_quality(accept_encoding, coding);
            if q > 0.0 && best.as_ref().is_none_or(|(bq, _, _)| q > *bq) {
                best = Some((q, coding, sibling));
            }
        }
        if any_sibling {
            headers.push(("Vary", "Accept-Encoding".into()));
        }
        let (body_path, encoding) = match best {
            Some((_, coding, sibling)) => (sibling, Some(coding)),
            None => (file.to_path_buf(), None),
        };
        match std::fs::read(&body_path) {
            Ok(body) => {
                if let Some(coding) = encoding {
                    headers.push(("Content-Encoding", coding.into()));
                }
                Response {
                    status: 200,
                    headers,
                    body,
                }
            }
            Err(_) => Response::text(404, "Not Found"),
        }
    }
}

/// Read one request head; `Ok(None)` on a clean end of stream before any byte.
fn read_request(reader: &mut BufReader<TcpStream>) -> io::Result<Option<Request>> {
    let bad = |msg: &str| io::Error::new(io::ErrorKind::InvalidData, msg.to_string());
    let mut limited = reader.by_ref().take(MAX_HEAD);
    let mut line = Vec::new();
    // Skip stray empty lines before the request line (RFC 9112 §2.2).
    let request_line = loop {
        line.clear();
        if limited.read_until(b'\n', &mut line)? == 0 {
            return Ok(None);
        }
        let text = String::from_utf8_lossy(&line).trim_end().to_string();
        if !text.is_empty() {
            break text;
        }
    };
    let mut parts = request_line.split_whitespace();
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(bad("malformed request line"));
    };
    if !version.starts_with("HTTP/1.") {
        return Err(bad("unsupported HTTP version"));
    }
    let mut headers = Vec::new();
    loop {
        line.clear();
        if limited.read_until(b'\n', &mut line)? == 0 {
            return Err(bad("truncated request head"));
        }
        let text = String::from_utf8_lossy(&line).trim_end().to_string();
        if text.is_empty() {
            break;
        }
        let Some((k, v)) = text.split_once(':') else {
            return Err(bad("malformed header"));
        };
        headers.push((k.trim().to_string(), v.trim().to_string()));
    }
    Ok(Some(Request {
        method: method.to_string(),
        target: target.to_string(),
        version: version.to_string(),
        headers,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// A scratch folder removed on drop.
    struct Scratch(PathBuf);

    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    /// `<scratch>/site` (served) with a fixture site, and `<scratch>/secret.txt` beside it.
    fn fixture() -> (Scratch, PathBuf) {
        static N: AtomicUsize = AtomicUsize::new(0);
        let base = std::env::temp_dir().join(format!(
            "jinyi-serve-test-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = fs::remove_dir_all(&base);
        let site = base.join("site");
        fs::create_dir_all(site.join("sub")).unwrap();
        fs::create_dir_all(site.join("金义")).unwrap();
        let files: &[(&str, &[u8])] = &[
            ("index.html", b"<!doctype html><title>root</title>"),
            ("sub/index.html", b"<!doctype html><title>sub</title>"),
            ("app-0123456789abcdef_bg.wasm", b"\0asm plain"),
            ("app-0123456789abcdef_bg.wasm.br", b"BROTLI"),
            ("app-0123456789abcdef_bg.wasm.gz", b"GZIP"),
            ("app-0123456789abcdef.js", b"export default 1;"),
            ("app-0123456789abcdef.js.gz", b"GZIPJS"),
            ("style.css", b"body{}"),
            ("icon.svg", b"<svg/>"),
            ("p.png", b"\x89PNG"),
            ("d.json", b"{}"),
            ("t.txt", b"text"),
            ("金义/新区.txt", "你好".as_bytes()),
            ("blob.bin", b"bin"),
        ];
        for (name, body) in files {
            fs::write(site.join(name), body).unwrap();
        }
        fs::write(base.join("secret.txt"), b"SECRET").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(base.join("secret.txt"), site.join("escape.txt")).unwrap();
        (Scratch(base), site)
    }

    struct Reply {
        status: u16,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
    }

    impl Reply {
        fn header(&self, name: &str) -> Option<&str> {
            self.headers
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.as_str())
        }
    }

    fn parse_reply(raw: &[u8]) -> Reply {
        let split = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("response head");
        let head = String::from_utf8(raw[..split].to_vec()).unwrap();
        let mut lines = head.split("\r\n");
        let status = lines.next().unwrap().split(' ').nth(1).unwrap();
        let headers = lines
            .map(|l| {
                let (k, v) = l.split_once(':').unwrap();
                (k.trim().to_string(), v.trim().to_string())
            })
            .collect();
        Reply {
            status: status.parse().unwrap(),
            headers,
            body: raw[split + 4..].to_vec(),
        }
    }

    /// One raw HTTP/1.1 request over loopback (`Connection: close`).
    fn request(addr: SocketAddr, method: &str, target: &str, extra: &[(&str, &str)]) -> Reply {
        let mut s = TcpStream::connect(addr).unwrap();
        let mut req =
            format!("{method} {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
        for (k, v) in extra {
            req.push_str(&format!("{k}: {v}\r\n"));
        }
        req.push_str("\r\n");
        s.write_all(req.as_bytes()).unwrap();
        let mut raw = Vec::new();
        s.read_to_end(&mut raw).unwrap();
        parse_reply(&raw)
    }

    fn get(addr: SocketAddr, target: &str) -> Reply {
        request(addr, "GET", target, &[])
    }

    #[test]
    fn prefix_is_normalised() {
        assert_eq!(normalize_prefix(""), "/");
        assert_eq!(normalize_prefix("/"), "/");
        assert_eq!(normalize_prefix("sub/dir"), "/sub/dir/");
        assert_eq!(normalize_prefix("/sub/dir"), "/sub/dir/");
        assert_eq!(normalize_prefix("/sub/dir/"), "/sub/dir/");
    }

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
    fn percent_decoding() {
        assert_eq!(percent_decode("/%E9%87%91").as_deref(), Some("/金"));
        assert_eq!(percent_decode("/a%20b+c").as_deref(), Some("/a b+c"));
        assert_eq!(percent_decode("/%2e%2E").as_deref(), Some("/.."));
        assert_eq!(percent_decode("/%zz"), None);
        assert_eq!(percent_decode("/%e9"), None, "not UTF-8");
        assert_eq!(percent_decode("/%4"), None, "truncated escape");
    }

    #[test]
    fn accept_encoding_qualities() {
        assert_eq!(accept_quality("gzip, deflate, br, zstd", "br"), 1.0);
        assert_eq!(accept_quality("gzip;q=0.5, br;q=0", "br"), 0.0);
        assert_eq!(accept_quality("gzip;q=0.5, br;q=0", "gzip"), 0.5);
        assert_eq!(accept_quality("*", "br"), 1.0);
        assert_eq!(accept_quality("", "br"), 0.0);
        assert_eq!(accept_quality("BR", "br"), 1.0);
    }

    #[test]
    fn mime_types_over_http() {
        let (_scratch, site) = fixture();
        let (addr, _) = spawn(site, "/").unwrap();
        for (path, ty) in [
            ("/index.html", "text/html; charset=utf-8"),
            ("/app-0123456789abcdef.js", "text/javascript"),
            ("/app-0123456789abcdef_bg.wasm", "application/wasm"),
            ("/style.css", "text/css"),
            ("/icon.svg", "image/svg+xml"),
            ("/p.png", "image/png"),
            ("/d.json", "application/json"),
            ("/t.txt", "text/plain"),
            ("/blob.bin", "application/octet-stream"),
        ] {
            let r = get(addr, path);
            assert_eq!(r.status, 200, "{path}");
            let got = r.header("content-type").unwrap();
            assert!(got.starts_with(ty), "{path}: {got}");
            assert_eq!(r.header("content-encoding"), None, "{path}");
        }
    }

    #[test]
    fn index_queries_redirects_and_404() {
        let (_scratch, site) = fixture();
        let (addr, _) = spawn(site, "").unwrap();
        let r = get(addr, "/");
        assert_eq!(r.status, 200);
        assert_eq!(r.body, b"<!doctype html><title>root</title>");
        assert_eq!(r.header("cache-control"), Some(CACHE_NO_CACHE));
        let r = get(addr, "/?theme=%E9%87%91&q=a+b#frag");
        assert_eq!(r.status, 200);
        assert_eq!(r.body, b"<!doctype html><title>root</title>");
        let r = get(addr, "/index.html?x=1");
        assert_eq!(r.status, 200);
        let r = get(addr, "/sub/");
        assert_eq!(r.body, b"<!doctype html><title>sub</title>");
        let r = get(addr, "/sub?q=1");
        assert_eq!(r.status, 301);
        assert_eq!(r.header("location"), Some("/sub/?q=1"));
        assert_eq!(get(addr, "/nope.js").status, 404);
        assert_eq!(get(addr, "/sub/nope/").status, 404);
        assert_eq!(
            get(addr, "/%E9%87%91%E4%B9%89/%E6%96%B0%E5%8C%BA.txt").body,
            "你好".as_bytes()
        );
        assert_eq!(get(addr, "/%E9%87%91%E4%B9%89").status, 301);
        assert_eq!(get(addr, "/%zz").status, 400);
        assert_eq!(request(addr, "POST", "/", &[]).status, 405);
        let head = request(addr, "HEAD", "/t.txt", &[]);
        assert_eq!(head.status, 200);
        assert_eq!(head.header("content-length"), Some("4"));
        assert!(head.body.is_empty());
    }

    #[test]
    fn traversal_is_refused() {
        let (_scratch, site) = fixture();
        let (addr, _) = spawn(site, "/").unwrap();
        for target in [
            "/../secret.txt",
            "/sub/../../secret.txt",
            "/%2e%2e/secret.txt",
            "/sub/%2E%2E/%2E%2E/secret.txt",
            "/..%2fsecret.txt",
            "/..%5csecret.txt",
            "/escape.txt",
        ] {
            let r = get(addr, target);
            assert!(r.status == 403 || r.status == 404, "{target}: {}", r.status);
            assert!(!r.body.windows(6).any(|w| w == b"SECRET"), "{target}");
        }
        // `.` segments and doubled slashes stay inside the folder.
        assert_eq!(get(addr, "/./sub/.//index.html").status, 200);
    }

    #[test]
    fn prefix_limits_what_is_served() {
        let (_scratch, site) = fixture();
        let (addr, _) = spawn(site, "/sub/dir/").unwrap();
        let r = get(addr, "/sub/dir/");
        assert_eq!(r.status, 200);
        assert_eq!(r.body, b"<!doctype html><title>root</title>");
        assert_eq!(get(addr, "/sub/dir/?theme=%E5%B9%B2").status, 200);
        assert_eq!(get(addr, "/sub/dir/t.txt").body, b"text");
        assert_eq!(
            get(addr, "/sub/dir/sub/").body,
            b"<!doctype html><title>sub</title>"
        );
        let r = get(addr, "/sub/dir?platform=x");
        assert_eq!(r.status, 301);
        assert_eq!(r.header("location"), Some("/sub/dir/?platform=x"));
        for outside in [
            "/",
            "/index.html",
            "/t.txt",
            "/sub/",
            "/sub/di/t.txt",
            "/sub/dirt.txt",
        ] {
            assert_eq!(get(addr, outside).status, 404, "{outside}");
        }
        assert_eq!(get(addr, "/sub/dir/../dir/t.txt").status, 403);
    }

    #[test]
    fn precompressed_negotiation() {
        let (_scratch, site) = fixture();
        let (addr, _) = spawn(site, "/").unwrap();
        let wasm = "/app-0123456789abcdef_bg.wasm";

        let r = request(
            addr,
            "GET",
            wasm,
            &[("Accept-Encoding", "gzip, deflate, br")],
        );
        assert_eq!(r.status, 200);
        assert_eq!(r.body, b"BROTLI");
        assert_eq!(r.header("content-encoding"), Some("br"));
        assert_eq!(r.header("content-type"), Some("application/wasm"));
        assert_eq!(r.header("vary"), Some("Accept-Encoding"));
        assert_eq!(r.header("cache-control"), Some(CACHE_IMMUTABLE));

        let r = request(addr, "GET", wasm, &[("Accept-Encoding", "gzip")]);
        assert_eq!(r.body, b"GZIP");
        assert_eq!(r.header("content-encoding"), Some("gzip"));

        let r = request(
            addr,
            "GET",
            wasm,
            &[("Accept-Encoding", "br;q=0.2, gzip;q=0.9")],
        );
        assert_eq!(r.header("content-encoding"), Some("gzip"));

        let r = request(
            addr,
            "GET",
            wasm,
            &[("Accept-Encoding", "br;q=0, gzip;q=0")],
        );
        assert_eq!(r.body, b"\0asm plain");
        assert_eq!(r.header("content-encoding"), None);
        assert_eq!(r.header("vary"), Some("Accept-Encoding"));

        let r = get(addr, wasm);
        assert_eq!(r.body, b"\0asm plain");
        assert_eq!(r.header("content-encoding"), None);

        // Only a .gz sibling: br is asked for but not available.
        let r = request(
            addr,
            "GET",
            "/app-0123456789abcdef.js",
            &[("Accept-Encoding", "br")],
        );
        assert_eq!(r.body, b"export default 1;");
        assert_eq!(r.header("content-encoding"), None);
        assert_eq!(r.header("vary"), Some("Accept-Encoding"));

        // No sibling at all: no Vary.
        let r = request(addr, "GET", "/t.txt", &[("Accept-Encoding", "br")]);
        assert_eq!(r.header("content-encoding"), None);
        assert_eq!(r.header("vary"), None);
    }

    #[test]
    fn keep_alive_and_parallel_clients() {
        let (_scratch, site) = fixture();
        let (addr, _) = spawn(site, "/").unwrap();
        // Two requests on one connection.
        let mut s = TcpStream::connect(addr).unwrap();
        s.write_all(b"GET /t.txt HTTP/1.1\r\nHost: x\r\n\r\nGET /d.json HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            .unwrap();
        let mut raw = Vec::new();
        s.read_to_end(&mut raw).unwrap();
        let text = String::from_utf8_lossy(&raw);
        assert_eq!(text.matches("HTTP/1.1 200 OK").count(), 2, "{text}");
        assert!(text.contains("Connection: keep-alive"));
        assert!(text.ends_with("{}"));

        // Idle keep-alive connections do not block other clients.
        let _idle: Vec<TcpStream> = (0..4).map(|_| TcpStream::connect(addr).unwrap()).collect();
        let workers: Vec<_> = (0..8)
            .map(|i| {
                thread::spawn(move || {
                    let path = if i % 2 == 0 { "/t.txt" } else { "/style.css" };
                    get(addr, path).status
                })
            })
            .collect();
        for w in workers {
            assert_eq!(w.join().unwrap(), 200);
        }
    }

    #[test]
    fn non_loopback_is_refused() {
        let (_scratch, site) = fixture();
        assert!(spawn_on("0.0.0.0:0", site.clone(), "/").is_err());
        assert!(Server::new(site.join("t.txt"), "/").is_err());
        assert!(Server::new(site.join("missing"), "/").is_err());
    }
}
