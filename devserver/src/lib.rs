//! The dev server: serves a built site (`dist/`) on loopback, for `make serve`, the
//! bench and the browser tests.
//!
//! The HTTP work is done by well-kept crates, not here: hyper (through axum) speaks
//! HTTP/1.1 with keep-alive, and tower-http's `ServeDir` percent-decodes the path,
//! refuses `..`, answers `index.html` for a directory and redirects `/dir` to `/dir/`
//! (so relative asset URLs resolve), sets the MIME type (`application/wasm` included),
//! picks a pre-compressed `file.br` / `file.gz` sibling by `Accept-Encoding` (with
//! `Vary`), and answers GET and HEAD only. This crate adds what the site's checks need
//! on top:
//! - the URL prefix: the folder is served only under a prefix such as `/sub/dir/`
//!   (everything else is a 404, and `/sub/dir` redirects to `/sub/dir/`), so the tests
//!   can prove that the site works from a sub-path;
//! - confinement: no file outside the folder, also not through a symlink (`confined`),
//!   which `ServeDir` alone would follow;
//! - the README's cache headers (`immutable` for content-hashed names, `no-cache`
//!   otherwise), `charset=utf-8` on text types and `nosniff` (`headers`);
//! - loopback only, and a server that runs on its own thread and runtime, so sync code
//!   (the bench, `serve`) and async tests (inside their own tokio runtime) start it alike.
//!
//! With the `webdriver` feature it also holds the WebDriver process and session helpers
//! the bench uses (`webdriver`).

mod confined;
mod headers;
#[cfg(feature = "webdriver")]
pub mod webdriver;

pub use headers::{cache_control, is_hashed_name, CACHE_IMMUTABLE, CACHE_NO_CACHE};

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Router;
use std::future::IntoFuture;
use std::io;
use std::net::{SocketAddr, TcpListener, ToSocketAddrs};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;
use tower::ServiceExt;
use tower_http::services::ServeDir;

/// How long a stopping server lets unfinished file reads run before it gives up on them.
const SHUTDOWN_GRACE: Duration = Duration::from_millis(500);

/// Start a server for `dir` on `127.0.0.1:<free port>`, answering only under `prefix`
/// (normalised by [`normalize_prefix`]). Returns the bound address and a [`Handle`]
/// that stops the server when dropped: keep it as long as the server is needed.
pub fn spawn(dir: PathBuf, prefix: &str) -> io::Result<(SocketAddr, Handle)> {
    Server::new(dir, prefix)?.spawn("127.0.0.1:0")
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

/// Bind a listener, refusing any address that is not loopback: the dev server serves
/// whatever folder it is given, so it must not be reachable from other machines.
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

/// One served folder under one URL prefix, not yet listening.
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

    /// Log one line per request to stderr (the `serve` binary does, tests do not).
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

    /// The server as an axum router (what [`Server::spawn`] serves).
    pub fn router(&self) -> Router {
        // ServeDir sees paths with the prefix taken off; its own `/dir` → `/dir/`
        // redirects must put it back.
        let files = ServeDir::with_backend(&self.root, confined::Confined::new(&self.root))
            .precompressed_br()
            .precompressed_gzip()
            .redirect_path_prefix(self.prefix.trim_end_matches('/'));
        let site = Arc::new(Site {
            files,
            prefix: self.prefix.clone(),
            log: self.log,
        });
        Router::new().fallback(respond).with_state(site)
    }

    /// Listen on `addr` (loopback only) and serve on a thread of its own, with its own
    /// single-threaded tokio runtime: the caller may be plain sync code or an async test
    /// inside another runtime.
    pub fn spawn(self, addr: impl ToSocketAddrs) -> io::Result<(SocketAddr, Handle)> {
        let listener = bind_loopback(addr)?;
        listener.set_nonblocking(true)?;
        let local = listener.local_addr()?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        let listener = {
            let _inside = runtime.enter();
            tokio::net::TcpListener::from_std(listener)?
        };
        runtime.spawn(axum::serve(listener, self.router()).into_future());
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::Builder::new()
            .name(format!("devserver-{local}"))
            .spawn(move || {
                // Serve until the handle is dropped (its sender goes), then cancel
                // every connection task with the runtime.
                let _ = runtime.block_on(stopped);
                runtime.shutdown_timeout(SHUTDOWN_GRACE);
            })?;
        Ok((
            local,
            Handle {
                stop: Some(stop),
                thread: Some(thread),
            },
        ))
    }
}

/// A running server. Dropping it stops the server and waits for its thread.
#[derive(Debug)]
pub struct Handle {
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Handle {
    /// Block until the server's thread ends, which it does not on its own: for the
    /// `serve` binary, which runs until it is killed.
    pub fn wait(mut self) {
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Handle {
    fn drop(&mut self) {
        drop(self.stop.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// What every request needs: the file service and the prefix it lives under.
struct Site {
    files: ServeDir<tower_http::services::fs::DefaultServeDirFallback, confined::Confined>,
    prefix: String,
    log: bool,
}

/// The one handler: prefix, then `ServeDir`, then the headers `ServeDir` does not set.
async fn respond(State(site): State<Arc<Site>>, req: Request) -> Response {
    let method = req.method().clone();
    let target = req.uri().to_string();
    let name = headers::file_name(req.uri().path()).to_string();
    let mut res = match site.under_prefix(req) {
        Ok(req) => match site.files.clone().oneshot(req).await {
            Ok(res) => res.into_response(),
            Err(never) => match never {},
        },
        Err(Outside::Slashless(to)) => Redirect::temporary(&to).into_response(),
        Err(Outside::NotFound) => StatusCode::NOT_FOUND.into_response(),
    };
    headers::finish(&mut res, &name);
    if site.log {
        let coding = res
            .headers()
            .get(axum::http::header::CONTENT_ENCODING)
            .and_then(|v| v.to_str().ok())
            .map(|c| format!(" ({c})"))
            .unwrap_or_default();
        eprintln!("{method} {target} -> {}{coding}", res.status().as_u16());
    }
    res
}

/// A request the prefix does not let through to the files.
enum Outside {
    /// The prefix without its trailing slash: redirect to it (here, the query kept).
    Slashless(String),
    /// Not under the prefix.
    NotFound,
}

impl Site {
    /// The request as `ServeDir` should see it (the prefix taken off the path), or why
    /// not: outside the prefix (404), or the prefix without its slash, which redirects
    /// as `ServeDir` does for directories (307, query kept).
    fn under_prefix(&self, mut req: Request) -> Result<Request, Outside> {
        if self.prefix == "/" {
            return Ok(req);
        }
        let query = req
            .uri()
            .query()
            .map(|q| format!("?{q}"))
            .unwrap_or_default();
        let path = req.uri().path();
        if path == self.prefix.trim_end_matches('/') {
            return Err(Outside::Slashless(format!("{}{query}", self.prefix)));
        }
        let rest = path
            .strip_prefix(self.prefix.as_str())
            .ok_or(Outside::NotFound)?;
        // A suffix of a valid origin-form target is one too.
        *req.uri_mut() = format!("/{rest}{query}")
            .parse()
            .map_err(|_| Outside::NotFound)?;
        Ok(req)
    }
}
