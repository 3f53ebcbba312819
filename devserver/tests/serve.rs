//! The dev server over loopback, as a browser meets it: what is served and with which
//! headers, and above all what is not (`..`, odd escapes, symlinks leaving the folder,
//! URLs outside the prefix). The HTTP work is the libraries'; these tests pin the
//! behaviour the site, the bench and the browser tests rely on.

use axum::body::Bytes;
use axum::http::{HeaderMap, Method, Request};
use http_body_util::{BodyExt, Empty};
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use jinyi_devserver::{normalize_prefix, spawn, Server, CACHE_IMMUTABLE, CACHE_NO_CACHE};
use std::fs;
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A scratch folder removed on drop.
struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// `<scratch>/site` (served) with a fixture site, and beside it what must never be
/// served: `<scratch>/secret.txt` and `<scratch>/outside/`, with symlinks to them (and
/// one harmless symlink inside the site).
fn fixture() -> (Scratch, PathBuf) {
    static N: AtomicUsize = AtomicUsize::new(0);
    let base = std::env::temp_dir().join(format!(
        "jinyi-devserver-test-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = fs::remove_dir_all(&base);
    let site = base.join("site");
    fs::create_dir_all(site.join("sub")).unwrap();
    fs::create_dir_all(site.join("金义")).unwrap();
    fs::create_dir_all(base.join("outside")).unwrap();
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
        ("leak.txt", b"plain leak"),
        ("金义/新区.txt", "你好".as_bytes()),
        ("blob.bin", b"bin"),
    ];
    for (name, body) in files {
        fs::write(site.join(name), body).unwrap();
    }
    fs::write(base.join("secret.txt"), b"SECRET").unwrap();
    fs::write(base.join("outside/index.html"), b"SECRET index").unwrap();
    fs::write(base.join("outside/s.txt"), b"SECRET s").unwrap();
    let link = |to: PathBuf, at: &str| std::os::unix::fs::symlink(to, site.join(at)).unwrap();
    link(base.join("secret.txt"), "escape.txt");
    link(base.join("outside"), "out");
    link(base.join("secret.txt"), "leak.txt.br");
    link(site.join("t.txt"), "alias.txt");
    (Scratch(base), site)
}

struct Reply {
    status: u16,
    headers: HeaderMap,
    body: Vec<u8>,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

/// One request with `target` sent exactly as written (hyper does not normalise it).
async fn request(addr: SocketAddr, method: &str, target: &str, extra: &[(&str, &str)]) -> Reply {
    let client = Client::builder(TokioExecutor::new()).build_http::<Empty<Bytes>>();
    let mut req = Request::builder()
        .method(Method::from_bytes(method.as_bytes()).unwrap())
        .uri(format!("http://{addr}{target}"));
    for (k, v) in extra {
        req = req.header(*k, *v);
    }
    let res = client
        .request(req.body(Empty::new()).unwrap())
        .await
        .unwrap_or_else(|e| panic!("{method} {target}: {e}"));
    let status = res.status().as_u16();
    let headers = res.headers().clone();
    let body = res.into_body().collect().await.unwrap().to_bytes().to_vec();
    Reply {
        status,
        headers,
        body,
    }
}

async fn get(addr: SocketAddr, target: &str) -> Reply {
    request(addr, "GET", target, &[]).await
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn prefix_is_normalised() {
    assert_eq!(normalize_prefix(""), "/");
    assert_eq!(normalize_prefix("/"), "/");
    assert_eq!(normalize_prefix("sub/dir"), "/sub/dir/");
    assert_eq!(normalize_prefix("/sub/dir"), "/sub/dir/");
    assert_eq!(normalize_prefix("/sub/dir/"), "/sub/dir/");
}

#[tokio::test]
async fn mime_types_over_http() {
    let (_scratch, site) = fixture();
    let (addr, _server) = spawn(site, "/").unwrap();
    for (path, ty) in [
        ("/index.html", "text/html; charset=utf-8"),
        ("/app-0123456789abcdef.js", "text/javascript; charset=utf-8"),
        ("/app-0123456789abcdef_bg.wasm", "application/wasm"),
        ("/style.css", "text/css; charset=utf-8"),
        ("/icon.svg", "image/svg+xml"),
        ("/p.png", "image/png"),
        ("/d.json", "application/json"),
        ("/t.txt", "text/plain; charset=utf-8"),
        ("/blob.bin", "application/octet-stream"),
    ] {
        let r = get(addr, path).await;
        assert_eq!(r.status, 200, "{path}");
        assert_eq!(r.header("content-type"), Some(ty), "{path}");
        assert_eq!(r.header("content-encoding"), None, "{path}");
        assert_eq!(
            r.header("x-content-type-options"),
            Some("nosniff"),
            "{path}"
        );
    }
}

#[tokio::test]
async fn index_queries_redirects_and_404() {
    let (_scratch, site) = fixture();
    let (addr, _server) = spawn(site, "").unwrap();
    let r = get(addr, "/").await;
    assert_eq!(r.status, 200);
    assert_eq!(r.body, b"<!doctype html><title>root</title>");
    assert_eq!(r.header("cache-control"), Some(CACHE_NO_CACHE));
    let r = get(addr, "/?theme=%E9%87%91&q=a+b").await;
    assert_eq!(r.status, 200);
    assert_eq!(r.body, b"<!doctype html><title>root</title>");
    assert_eq!(get(addr, "/index.html?x=1").await.status, 200);
    let r = get(addr, "/sub/").await;
    assert_eq!(r.body, b"<!doctype html><title>sub</title>");
    let r = get(addr, "/sub?q=1").await;
    assert_eq!(r.status, 307);
    assert_eq!(r.header("location"), Some("/sub/?q=1"));
    assert_eq!(get(addr, "/nope.js").await.status, 404);
    assert_eq!(get(addr, "/sub/nope/").await.status, 404);
    assert_eq!(get(addr, "/alias.txt").await.body, b"text", "a link inside");
    assert_eq!(request(addr, "POST", "/", &[]).await.status, 405);
    let head = request(addr, "HEAD", "/t.txt", &[]).await;
    assert_eq!(head.status, 200);
    assert_eq!(head.header("content-length"), Some("4"));
    assert!(head.body.is_empty());
}

#[tokio::test]
async fn odd_percent_encodings() {
    let (_scratch, site) = fixture();
    let (addr, _server) = spawn(site, "/").unwrap();
    let r = get(addr, "/%E9%87%91%E4%B9%89/%E6%96%B0%E5%8C%BA.txt").await;
    assert_eq!(r.status, 200);
    assert_eq!(r.body, "你好".as_bytes());
    let r = get(addr, "/%E9%87%91%E4%B9%89?q=1").await;
    assert_eq!(r.status, 307);
    assert_eq!(r.header("location"), Some("/%E9%87%91%E4%B9%89/?q=1"));
    assert_eq!(
        get(addr, "/%74.txt").await.body,
        b"text",
        "an escaped ASCII letter"
    );
    for target in [
        "/%zz",
        "/%e9",
        "/%4",
        "/t%00.txt",
        "/t.txt%00",
        "/%C0%AE%C0%AE/secret.txt",
    ] {
        let r = get(addr, target).await;
        assert!(r.status == 400 || r.status == 404, "{target}: {}", r.status);
    }
}

#[tokio::test]
async fn traversal_and_escaping_links_are_refused() {
    let (_scratch, site) = fixture();
    let (addr, _server) = spawn(site, "/").unwrap();
    for target in [
        "/../secret.txt",
        "/sub/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/sub/%2E%2E/%2E%2E/secret.txt",
        "/..%2fsecret.txt",
        "/..%5csecret.txt",
        "/%2F..%2F..%2Fsecret.txt",
        "//../secret.txt",
        "/escape.txt",
        "/out/",
        "/out/s.txt",
        "/out",
    ] {
        let r = get(addr, target).await;
        assert!(
            r.status == 400 || r.status == 403 || r.status == 404,
            "{target}: {}",
            r.status
        );
        assert!(!contains(&r.body, b"SECRET"), "{target}");
    }
    // A pre-compressed sibling that links outside is not used: the plain file is.
    let r = request(addr, "GET", "/leak.txt", &[("Accept-Encoding", "br")]).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.body, b"plain leak");
    assert_eq!(r.header("content-encoding"), None);
    // `.` segments and doubled slashes stay inside the folder.
    assert_eq!(get(addr, "/./sub/.//index.html").await.status, 200);
}

#[tokio::test]
async fn prefix_limits_what_is_served() {
    let (_scratch, site) = fixture();
    let (addr, _server) = spawn(site, "/sub/dir/").unwrap();
    let r = get(addr, "/sub/dir/").await;
    assert_eq!(r.status, 200);
    assert_eq!(r.body, b"<!doctype html><title>root</title>");
    assert_eq!(get(addr, "/sub/dir/?theme=%E5%B9%B2").await.status, 200);
    assert_eq!(get(addr, "/sub/dir/t.txt").await.body, b"text");
    assert_eq!(
        get(addr, "/sub/dir/sub/").await.body,
        b"<!doctype html><title>sub</title>"
    );
    let r = get(addr, "/sub/dir?platform=x").await;
    assert_eq!(r.status, 307);
    assert_eq!(r.header("location"), Some("/sub/dir/?platform=x"));
    // A folder below the prefix redirects with the prefix kept.
    let r = get(addr, "/sub/dir/sub?q=1").await;
    assert_eq!(r.status, 307);
    assert_eq!(r.header("location"), Some("/sub/dir/sub/?q=1"));
    for outside in [
        "/",
        "/index.html",
        "/t.txt",
        "/sub/",
        "/sub/di/t.txt",
        "/sub/dirt.txt",
    ] {
        assert_eq!(get(addr, outside).await.status, 404, "{outside}");
    }
    for escape in [
        "/sub/dir/../dir/t.txt",
        "/sub/dir/../../secret.txt",
        "/sub/dir/escape.txt",
    ] {
        let r = get(addr, escape).await;
        assert!(r.status == 403 || r.status == 404, "{escape}: {}", r.status);
    }
}

#[tokio::test]
async fn precompressed_negotiation_and_cache_headers() {
    let (_scratch, site) = fixture();
    let (addr, _server) = spawn(site, "/").unwrap();
    let wasm = "/app-0123456789abcdef_bg.wasm";
    let with = |coding: &'static str| [("Accept-Encoding", coding)];

    let r = request(addr, "GET", wasm, &with("gzip, deflate, br")).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.body, b"BROTLI");
    assert_eq!(r.header("content-encoding"), Some("br"));
    assert_eq!(r.header("content-type"), Some("application/wasm"));
    assert_eq!(r.header("vary"), Some("accept-encoding"));
    assert_eq!(r.header("cache-control"), Some(CACHE_IMMUTABLE));

    let r = request(addr, "GET", wasm, &with("gzip")).await;
    assert_eq!(r.body, b"GZIP");
    assert_eq!(r.header("content-encoding"), Some("gzip"));

    let r = request(addr, "GET", wasm, &with("br;q=0.2, gzip;q=0.9")).await;
    assert_eq!(r.header("content-encoding"), Some("gzip"));

    let r = request(addr, "GET", wasm, &with("br;q=0, gzip;q=0")).await;
    assert_eq!(r.body, b"\0asm plain");
    assert_eq!(r.header("content-encoding"), None);
    assert_eq!(r.header("vary"), Some("accept-encoding"));

    let r = get(addr, wasm).await;
    assert_eq!(r.body, b"\0asm plain");
    assert_eq!(r.header("content-encoding"), None);

    // Only a .gz sibling: br is asked for but not available.
    let r = request(addr, "GET", "/app-0123456789abcdef.js", &with("br")).await;
    assert_eq!(r.body, b"export default 1;");
    assert_eq!(r.header("content-encoding"), None);
    assert_eq!(r.header("cache-control"), Some(CACHE_IMMUTABLE));

    // A missing hashed name is not cached for good.
    let r = get(addr, "/gone-0123456789abcdef.js").await;
    assert_eq!(r.status, 404);
    assert_eq!(r.header("cache-control"), Some(CACHE_NO_CACHE));
    assert_eq!(
        get(addr, "/t.txt").await.header("cache-control"),
        Some(CACHE_NO_CACHE)
    );
}

#[tokio::test]
async fn idle_connections_do_not_block_other_clients() {
    let (_scratch, site) = fixture();
    let (addr, _server) = spawn(site, "/").unwrap();
    let _idle: Vec<TcpStream> = (0..4).map(|_| TcpStream::connect(addr).unwrap()).collect();
    let clients: Vec<_> = (0..8)
        .map(|i| {
            tokio::spawn(async move {
                let path = if i % 2 == 0 { "/t.txt" } else { "/style.css" };
                get(addr, path).await.status
            })
        })
        .collect();
    for c in clients {
        assert_eq!(c.await.unwrap(), 200);
    }
}

#[tokio::test]
async fn dropping_the_handle_stops_the_server() {
    let (_scratch, site) = fixture();
    let (addr, server) = spawn(site, "/").unwrap();
    assert_eq!(get(addr, "/t.txt").await.status, 200);
    drop(server);
    assert!(
        TcpStream::connect(addr).is_err(),
        "still listening on {addr}"
    );
}

#[test]
fn starts_from_plain_sync_code() {
    let (_scratch, site) = fixture();
    let (addr, _server) = spawn(site, "/sub/dir").unwrap();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let r = runtime.block_on(get(addr, "/sub/dir/t.txt"));
    assert_eq!(r.body, b"text");
}

#[test]
fn non_loopback_and_non_folders_are_refused() {
    let (_scratch, site) = fixture();
    let server = Server::new(site.clone(), "/").unwrap();
    assert!(server.spawn("0.0.0.0:0").is_err());
    assert!(Server::new(site.join("t.txt"), "/").is_err());
    assert!(Server::new(site.join("missing"), "/").is_err());
}
