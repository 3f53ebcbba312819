//! WebDriver plumbing shared by the bench and the browser tests, on
//! fantoccini: a driver process (chromedriver; geckodriver and WebKitWebDriver take the
//! same `--port=`) on a free loopback port in its own process group, killed with
//! everything it started when dropped, also when the caller panics; a fantoccini session
//! on it over plain HTTP (hyper-util's `HttpConnector`, so no TLS stack is built); and
//! the chromedriver extension commands fantoccini has no method for.

use axum::body::Bytes;
use fantoccini::error::NewSessionError;
use fantoccini::wd::{Capabilities, WebDriverCompatibleCommand};
use fantoccini::{Client, ClientBuilder};
use http_body_util::{BodyExt, Empty};
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use serde_json::Value;
use std::io;
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Chromium's command-line switches for a headless, quiet, reproducible session at
/// 1280 × 900, shared by the bench and the browser tests (each adds its own).
pub const CHROMIUM_SWITCHES: &[&str] = &[
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--disable-extensions",
    "--window-size=1280,900",
];

/// How often a starting driver is asked whether it is ready.
const POLL: Duration = Duration::from_millis(50);
/// How long a process group gets between SIGTERM and SIGKILL.
const TERM_GRACE: Duration = Duration::from_secs(3);

/// A WebDriver server process, in its own process group.
#[derive(Debug)]
pub struct DriverProcess {
    child: Child,
    port: u16,
}

impl DriverProcess {
    /// Start `binary --port=<free port>` and wait (at most `timeout`) until its W3C
    /// `/status` says `ready`. Fails if it exits or does not get ready in time.
    pub async fn start(binary: &str, timeout: Duration) -> io::Result<DriverProcess> {
        DriverProcess::start_command(Command::new(binary), timeout).await
    }

    /// As [`DriverProcess::start`], for a driver behind a launcher (e.g. `xvfb-run -a
    /// WebKitWebDriver`): `--port=<free port>` is appended to `command`'s arguments.
    pub async fn start_command(mut command: Command, timeout: Duration) -> io::Result<Self> {
        let binary = command.get_program().to_string_lossy().into_owned();
        let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
        let child = command
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .map_err(|e| io::Error::new(e.kind(), format!("cannot start {binary}: {e}")))?;
        // From here on, an early return drops (and so kills) the process.
        let mut driver = DriverProcess { child, port };
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(status) = driver.child.try_wait()? {
                return Err(io::Error::other(format!(
                    "{binary} exited early with {status}"
                )));
            }
            if is_ready(port).await {
                return Ok(driver);
            }
            if Instant::now() > deadline {
                return Err(io::Error::new(
                    io::ErrorKind::TimedOut,
                    format!("{binary} was not ready on port {port} after {timeout:?}"),
                ));
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// The loopback port the driver listens on.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The driver's base URL, `http://127.0.0.1:<port>`.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Open a browser session with `capabilities` (fantoccini, plain HTTP).
    pub async fn session(&self, capabilities: Capabilities) -> Result<Client, NewSessionError> {
        ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities)
            .connect(&self.url())
            .await
    }
}

impl Drop for DriverProcess {
    fn drop(&mut self) {
        kill_group(&mut self.child);
    }
}

/// Whether the driver on `port` answers `/status` with `"ready": true`.
async fn is_ready(port: u16) -> bool {
    let client = hyper_util::client::legacy::Client::builder(TokioExecutor::new())
        .build_http::<Empty<Bytes>>();
    let Ok(uri) = format!("http://127.0.0.1:{port}/status").parse() else {
        return false;
    };
    let Ok(res) = client.get(uri).await else {
        return false;
    };
    let Ok(body) = res.into_body().collect().await else {
        return false;
    };
    serde_json::from_slice::<Value>(&body.to_bytes())
        .is_ok_and(|v| v["value"]["ready"] == Value::Bool(true))
}

/// End a child started in its own process group (`process_group(0)`) and everything
/// in that group (a driver's browser): SIGTERM, up to [`TERM_GRACE`] to exit, then
/// SIGKILL, then reap the child.
pub fn kill_group(child: &mut Child) {
    let pgid = child.id() as libc::pid_t;
    // SAFETY: plain syscall on the process group created for this child.
    unsafe {
        libc::kill(-pgid, libc::SIGTERM);
    }
    let deadline = Instant::now() + TERM_GRACE;
    while Instant::now() < deadline {
        if let Ok(Some(_)) = child.try_wait() {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    // SAFETY: as above; also reaches any browser process left in the group.
    unsafe {
        libc::kill(-pgid, libc::SIGKILL);
    }
    let _ = child.wait();
}

/// A chromedriver extension command: POST `session/<id>/<path>` with a JSON body
/// (`goog/cdp/execute` runs a DevTools command, `se/log` reads the browser console).
#[derive(Debug)]
pub struct SessionPost {
    pub path: &'static str,
    pub body: Value,
}

impl WebDriverCompatibleCommand for SessionPost {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/{}",
            session_id.unwrap_or_default(),
            self.path
        ))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (axum::http::Method, Option<String>) {
        (axum::http::Method::POST, Some(self.body.to_string()))
    }
}
