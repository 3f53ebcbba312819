//! The harness shared by the headless-Chromium tests (`browser.rs`, `xss.rs`): the
//! in-process static server serving `dist/` under a sub-path, a chromedriver child
//! process per test (own port, own Chromium profile, cleaned up on drop, also when a
//! test panics), a fantoccini client, console-error capture, and helpers that read the
//! page through its public `data-*` test markup.
//!
//! Environment: `DIST_DIR` (default `<workspace>/dist`), `CHROMEDRIVER`
//! (default `/usr/bin/chromedriver`), `CHROMIUM` (default `/usr/bin/chromium`).
// Each test binary uses a different part of the harness.
#![allow(dead_code)]
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use fantoccini::wd::{Capabilities, WebDriverCompatibleCommand};
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};

/// Number of blocks (paragraphs and captions) in the whole article.
pub const FULL_ARTICLE_BLOCKS: usize = 31;
/// Every test but one serves the site from this sub-path.
pub const PREFIX: &str = "/sub/dir/";
/// Longest wait for the app or for a state change.
pub const TIMEOUT: Duration = Duration::from_secs(20);
/// A state counts as settled when this many consecutive polls agree.
pub const STABLE_POLLS: usize = 3;
pub const POLL: Duration = Duration::from_millis(100);

// ---------------------------------------------------------------------------
// Harness
// ---------------------------------------------------------------------------

pub fn workspace_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tools/ has a parent")
        .to_path_buf()
}

/// The built site: `$DIST_DIR` or `<workspace>/dist`. Fails (never skips) when it is not built.
pub fn dist_dir() -> PathBuf {
    let dir = std::env::var_os("DIST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_dir().join("dist"));
    assert!(
        dir.join("index.html").is_file(),
        "{} does not exist: the site is not built; run `make dist` first (or set DIST_DIR)",
        dir.join("index.html").display()
    );
    dir
}

pub fn env_or(var: &str, default: &str) -> String {
    std::env::var(var)
        .ok()
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| default.to_string())
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free loopback port")
        .port()
}

pub fn scratch_dir(what: &str) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "jinyi-browser-{what}-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create scratch dir");
    dir
}

/// One blocking HTTP/1.1 request to chromedriver (for readiness and cleanup,
/// which must work outside async code, e.g. in `Drop`).
pub fn raw_http(port: u16, method: &str, path: &str) -> Option<String> {
    let addr = ("127.0.0.1", port);
    let mut s = TcpStream::connect(addr).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
    s.set_write_timeout(Some(Duration::from_secs(10))).ok()?;
    let req = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    );
    s.write_all(req.as_bytes()).ok()?;
    // chromedriver keeps the connection open: stop after Content-Length bytes.
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buf[..end]).to_ascii_lowercase();
            let len = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse::<usize>().ok());
            if let Some(len) = len {
                if buf.len() >= end + 4 + len {
                    break;
                }
            }
        }
        match s.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
            Err(_) if !buf.is_empty() => break,
            Err(_) => return None,
        }
    }
    Some(String::from_utf8_lossy(&buf).into_owned())
}

/// A chromedriver child process (in its own process group), its port and the
/// Chromium profile dir. Dropping it ends the session, the process group and
/// removes the profile, also when a test panics.
pub struct Driver {
    pub child: Child,
    pub port: u16,
    pub profile: PathBuf,
    pub session: Option<String>,
}

impl Driver {
    pub fn start() -> Driver {
        let binary = env_or("CHROMEDRIVER", "/usr/bin/chromedriver");
        let mut last_error = String::new();
        for _attempt in 0..3 {
            let port = free_port();
            let mut child = Command::new(&binary)
                .arg(format!("--port={port}"))
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .process_group(0)
                .spawn()
                .unwrap_or_else(|e| panic!("cannot start {binary}: {e} (set CHROMEDRIVER)"));
            let deadline = Instant::now() + TIMEOUT;
            while Instant::now() < deadline {
                if let Ok(Some(status)) = child.try_wait() {
                    last_error = format!("{binary} exited early with {status}");
                    break;
                }
                if let Some(reply) = raw_http(port, "GET", "/status") {
                    if reply.contains("\"ready\":true") || reply.contains("\"ready\": true") {
                        return Driver {
                            child,
                            port,
                            profile: scratch_dir("profile"),
                            session: None,
                        };
                    }
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            if last_error.is_empty() {
                last_error = format!("{binary} did not answer /status on port {port}");
            }
            kill_group(&mut child);
        }
        panic!("chromedriver would not start: {last_error}");
    }
}

pub fn kill_group(child: &mut Child) {
    let pgid = child.id() as libc::pid_t;
    // SAFETY: plain syscall on the process group we created for this child.
    unsafe {
        libc::kill(-pgid, libc::SIGTERM);
    }
    let deadline = Instant::now() + Duration::from_secs(3);
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

impl Drop for Driver {
    fn drop(&mut self) {
        // Ask chromedriver to quit Chromium (which may not share its process group).
        if let Some(id) = self.session.take() {
            let _ = raw_http(self.port, "DELETE", &format!("/session/{id}"));
        }
        kill_group(&mut self.child);
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// A chromedriver extension command: POST `session/<id>/<path>` with a JSON body
/// (`se/log` reads the browser console, `goog/cdp/execute` runs a DevTools command).
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

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.body.to_string()))
    }
}

/// A facet button as rendered.
#[derive(Debug, Clone, PartialEq)]
pub struct Facet {
    pub facet: String,
    pub value: String,
    pub pressed: bool,
    pub disabled: bool,
    pub count: Option<usize>,
}

impl Facet {
    pub fn selector(&self) -> String {
        facet_selector(&self.facet, &self.value)
    }
}

pub fn facet_selector(facet: &str, value: &str) -> String {
    format!(r#"button[data-facet="{facet}"][data-value="{value}"]"#)
}

/// JS: is an element rendered (in the DOM, not `display:none`/`visibility:hidden`, not inside a hidden ancestor)?
pub const JS_VISIBLE: &str = "const visible = (e) => e.checkVisibility \
    ? e.checkVisibility({ visibilityProperty: true }) \
    : !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length);";

/// A browser on the served site. Field order matters: the client goes before the driver.
pub struct Browser {
    pub client: Client,
    /// `http://127.0.0.1:<port><prefix>`
    pub base: String,
    /// Console entries read so far (reading the log clears it on chromedriver's side).
    pub logs: Mutex<Vec<Value>>,
    pub driver: Driver,
    /// The static server; dropping it stops the server, so it lives as long as the browser.
    pub server: jinyi_devserver::Handle,
}

impl Browser {
    /// Server under [`PREFIX`], chromedriver, Chromium.
    pub async fn start() -> Browser {
        Browser::start_at(PREFIX).await
    }

    pub async fn start_at(prefix: &str) -> Browser {
        Browser::start_with(prefix, &[]).await
    }

    /// As [`Browser::start_at`], with extra Chromium command-line switches.
    pub async fn start_with(prefix: &str, extra_args: &[&str]) -> Browser {
        Browser::start_serving(dist_dir(), prefix, extra_args).await
    }

    /// A browser on the site in `dir` (a built site or a test's modified copy of one).
    pub async fn start_serving(dir: PathBuf, prefix: &str, extra_args: &[&str]) -> Browser {
        let (addr, server) = jinyi_devserver::spawn(dir, prefix).expect("start static server");
        let base = format!("http://{addr}{}", jinyi_devserver::normalize_prefix(prefix));
        let mut driver = Driver::start();
        let chromium = env_or("CHROMIUM", "/usr/bin/chromium");
        let mut args = vec![
            "--headless=new".to_string(),
            "--no-sandbox".to_string(),
            "--disable-gpu".to_string(),
            "--disable-quic".to_string(),
            "--no-first-run".to_string(),
            "--disable-background-networking".to_string(),
            "--disable-component-update".to_string(),
            "--disable-sync".to_string(),
            "--disable-dev-shm-usage".to_string(),
            "--window-size=1280,900".to_string(),
            format!("--user-data-dir={}", driver.profile.display()),
        ];
        args.extend(extra_args.iter().map(|a| a.to_string()));
        let mut caps = Capabilities::new();
        caps.insert(
            "goog:chromeOptions".into(),
            json!({ "binary": chromium, "args": args }),
        );
        caps.insert("goog:loggingPrefs".into(), json!({ "browser": "ALL" }));
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", driver.port))
            .await
            .unwrap_or_else(|e| panic!("cannot open a Chromium session ({chromium}): {e}"));
        driver.session = client.session_id().await.ok().flatten();
        Browser {
            client,
            base,
            logs: Mutex::new(Vec::new()),
            driver,
            server,
        }
    }

    /// Run one Chrome DevTools Protocol command (e.g. a script for every new document).
    pub async fn cdp(&self, cmd: &str, params: Value) -> Value {
        self.client
            .issue_cmd(SessionPost {
                path: "goog/cdp/execute",
                body: json!({ "cmd": cmd, "params": params }),
            })
            .await
            .unwrap_or_else(|e| panic!("CDP {cmd}: {e}"))
    }

    /// Check the console and close the session (call at the end of every test).
    pub async fn finish(mut self) {
        let errors = self.console_errors().await;
        assert!(
            errors.is_empty(),
            "console errors (SEVERE):\n{}",
            errors.join("\n")
        );
        self.driver.session = None;
        let _ = self.client.clone().close().await;
    }

    /// Navigate to `<base><path_and_query>` (e.g. `""` or `"?theme=%E5%B9%B2"`) and wait for the app.
    pub async fn open(&self, path_and_query: &str) {
        let url = format!("{}{}", self.base, path_and_query.trim_start_matches('/'));
        self.client
            .goto(&url)
            .await
            .unwrap_or_else(|e| panic!("goto {url}: {e}"));
        self.wait_ready().await;
    }

    /// Open with query pairs, percent-encoding the values as UTF-8.
    pub async fn open_query(&self, pairs: &[(&str, &str)]) {
        let query = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs)
            .finish();
        self.open(&format!("?{query}")).await;
    }

    pub async fn wait_ready(&self) {
        self.wait_for("html[data-ready]").await;
        self.settle().await;
    }

    /// Wait until an element matching `css` exists.
    pub async fn wait_for(&self, css: &str) -> fantoccini::elements::Element {
        match self
            .client
            .wait()
            .at_most(TIMEOUT)
            .every(POLL)
            .for_element(Locator::Css(css))
            .await
        {
            Ok(e) => e,
            Err(e) => {
                let url = self.current_url().await;
                let errors = self.console_errors().await;
                panic!(
                    "no `{css}` after {TIMEOUT:?} at {url}: {e}\nconsole errors:\n{}",
                    errors.join("\n")
                )
            }
        }
    }

    /// Run a script (`return …`) with arguments.
    pub async fn js(&self, script: &str, args: Vec<Value>) -> Value {
        self.client
            .execute(script, args)
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Poll a script until it returns `true`.
    pub async fn wait_js(&self, what: &str, script: &str, args: Vec<Value>) {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if self.js(script, args.clone()).await == Value::Bool(true) {
                return;
            }
            if Instant::now() > deadline {
                panic!(
                    "timed out waiting for {what} at {}",
                    self.current_url().await
                );
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Wait until URL, result count, rendered blocks and highlights stop changing.
    pub async fn settle(&self) {
        let script = format!(
            "{JS_VISIBLE}
            const rc = document.querySelector('[data-result-count]');
            return [location.href,
                    rc ? rc.getAttribute('data-result-count') : '',
                    Array.from(document.querySelectorAll('[data-block]')).filter(visible)
                        .map(e => e.dataset.block + ':' + e.getAttribute('data-match')).join(','),
                    document.querySelectorAll('mark').length,
                    document.querySelectorAll('[data-chip]').length].join('|');"
        );
        let deadline = Instant::now() + TIMEOUT;
        let mut last = Value::Null;
        let mut same = 0;
        while same < STABLE_POLLS {
            let now = self.js(&script, vec![]).await;
            if now == last {
                same += 1;
            } else {
                same = 0;
                last = now;
            }
            if Instant::now() > deadline {
                panic!("the page did not settle within {TIMEOUT:?}: {last}");
            }
            tokio::time::sleep(POLL).await;
        }
    }

    pub async fn current_url(&self) -> url::Url {
        self.client.current_url().await.expect("current url")
    }

    /// The decoded query pairs of the current URL, sorted.
    pub async fn query_pairs(&self) -> Vec<(String, String)> {
        let mut pairs: Vec<(String, String)> = self
            .current_url()
            .await
            .query_pairs()
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        pairs.sort();
        pairs
    }

    /// The `data-block` ids of all displayed blocks, in DOM order.
    pub async fn block_ids(&self) -> Vec<String> {
        let script = format!(
            "{JS_VISIBLE}
            return Array.from(document.querySelectorAll('[data-block]')).filter(visible)
                .map(e => e.getAttribute('data-block'));"
        );
        strings(self.js(&script, vec![]).await)
    }

    /// `(id, textContent)` of every displayed block, in DOM order.
    pub async fn block_texts(&self) -> Vec<(String, String)> {
        let script = format!(
            "{JS_VISIBLE}
            return Array.from(document.querySelectorAll('[data-block]')).filter(visible)
                .map(e => [e.getAttribute('data-block'), e.textContent]);"
        );
        let v = self.js(&script, vec![]).await;
        v.as_array()
            .expect("array")
            .iter()
            .map(|pair| {
                (
                    pair[0].as_str().unwrap_or_default().to_string(),
                    pair[1].as_str().unwrap_or_default().to_string(),
                )
            })
            .collect()
    }

    /// The `data-result-count` attribute, parsed.
    pub async fn result_count(&self) -> usize {
        let v = self
            .js(
                "const e = document.querySelector('[data-result-count]');
                 return e ? e.getAttribute('data-result-count') : null;",
                vec![],
            )
            .await;
        let s = v.as_str().expect("a [data-result-count] element");
        s.trim()
            .parse()
            .unwrap_or_else(|_| panic!("data-result-count={s:?} is not a number"))
    }

    /// Scroll an element to the middle of the viewport and click it (a real WebDriver click).
    pub async fn click(&self, css: &str) {
        self.click_no_settle(css).await;
        self.settle().await;
    }

    pub async fn click_no_settle(&self, css: &str) {
        let el = self.wait_for(css).await;
        self.js(
            "document.querySelector(arguments[0]).scrollIntoView({block: 'center', inline: 'center'});",
            vec![json!(css)],
        )
        .await;
        el.click()
            .await
            .unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    /// Click a facet button and wait for its `aria-pressed` to flip.
    pub async fn click_facet(&self, facet: &str, value: &str) {
        let sel = facet_selector(facet, value);
        self.wait_for(&sel).await;
        assert_eq!(
            self.attr(&sel, "disabled").await,
            None,
            "{sel} is disabled at {}",
            self.current_url().await
        );
        let before = self.attr(&sel, "aria-pressed").await;
        let want = if before.as_deref() == Some("true") {
            "false"
        } else {
            "true"
        };
        self.click_no_settle(&sel).await;
        self.wait_js(
            &format!("{sel} aria-pressed={want}"),
            "const e = document.querySelector(arguments[0]);
             return !!e && e.getAttribute('aria-pressed') === arguments[1];",
            vec![json!(sel), json!(want)],
        )
        .await;
        self.settle().await;
    }

    /// Type into the search box (appending to what is there).
    pub async fn type_search(&self, text: &str) {
        let input = self.wait_for("#search").await;
        input
            .send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("typing {text:?}: {e}"));
        self.settle().await;
    }

    pub async fn attr(&self, css: &str, name: &str) -> Option<String> {
        self.js(
            "const e = document.querySelector(arguments[0]);
             return e ? e.getAttribute(arguments[1]) : null;",
            vec![json!(css), json!(name)],
        )
        .await
        .as_str()
        .map(str::to_string)
    }

    /// The search box's current value.
    pub async fn search_value(&self) -> Option<String> {
        self.js(
            "const e = document.querySelector('#search'); return e ? e.value : null;",
            vec![],
        )
        .await
        .as_str()
        .map(str::to_string)
    }

    /// Click the remove button of the (first) chip whose text contains `text`.
    pub async fn remove_chip(&self, text: &str) {
        let chips = self
            .client
            .find_all(Locator::Css("[data-chip]"))
            .await
            .expect("find chips");
        for chip in chips {
            if chip.text().await.unwrap_or_default().contains(text) {
                let button = chip
                    .find(Locator::Css("button"))
                    .await
                    .unwrap_or_else(|e| panic!("chip {text:?} has no button: {e}"));
                button
                    .click()
                    .await
                    .unwrap_or_else(|e| panic!("click chip {text:?}: {e}"));
                self.settle().await;
                return;
            }
        }
        panic!("no chip names {text:?}");
    }

    /// All facet buttons, in DOM order.
    pub async fn facets(&self) -> Vec<Facet> {
        let v = self
            .js(
                "return Array.from(document.querySelectorAll('button[data-facet]')).map(b => ({
                    facet: b.getAttribute('data-facet'),
                    value: b.getAttribute('data-value'),
                    pressed: b.getAttribute('aria-pressed') === 'true',
                    disabled: b.hasAttribute('disabled'),
                    count: b.getAttribute('data-count'),
                 }));",
                vec![],
            )
            .await;
        v.as_array()
            .expect("array")
            .iter()
            .map(|f| Facet {
                facet: f["facet"].as_str().unwrap_or_default().to_string(),
                value: f["value"].as_str().unwrap_or_default().to_string(),
                pressed: f["pressed"].as_bool().unwrap_or(false),
                disabled: f["disabled"].as_bool().unwrap_or(false),
                count: f["count"].as_str().and_then(|c| c.trim().parse().ok()),
            })
            .collect()
    }

    pub async fn pressed(&self) -> Vec<(String, String)> {
        let mut p: Vec<_> = self
            .facets()
            .await
            .into_iter()
            .filter(|f| f.pressed)
            .map(|f| (f.facet, f.value))
            .collect();
        p.sort();
        p
    }

    /// Text of the displayed elements matching `css`.
    /// (The rendered text: interface words come in both languages, one of them hidden.)
    pub async fn visible_texts(&self, css: &str) -> Vec<String> {
        let script = format!(
            "{JS_VISIBLE}
            return Array.from(document.querySelectorAll(arguments[0])).filter(visible)
                .map(e => e.innerText);"
        );
        strings(self.js(&script, vec![json!(css)]).await)
    }

    /// Console messages logged at SEVERE since the session started.
    pub async fn console_errors(&self) -> Vec<String> {
        let fresh = self
            .client
            .issue_cmd(SessionPost {
                path: "se/log",
                body: json!({ "type": "browser" }),
            })
            .await
            .unwrap_or_else(|e| panic!("reading the browser log: {e}"));
        let entries = match fresh {
            Value::Array(a) => a,
            Value::Object(mut o) => match o.remove("value") {
                Some(Value::Array(a)) => a,
                _ => Vec::new(),
            },
            _ => Vec::new(),
        };
        let mut logs = self.logs.lock().unwrap();
        logs.extend(entries);
        logs.iter()
            .filter(|e| e["level"].as_str() == Some("SEVERE"))
            .map(|e| e["message"].as_str().unwrap_or_default().to_string())
            .collect()
    }

    /// Check that each rendered section's `data-section-count` is the number of
    /// blocks it shows, that no empty section is shown, and that they add up to the
    /// result count.
    pub async fn assert_sections_consistent(&self) {
        let script = format!(
            "{JS_VISIBLE}
            return Array.from(document.querySelectorAll('[data-section]')).filter(visible).map(s => [
                s.getAttribute('data-section'),
                s.getAttribute('data-section-count'),
                Array.from(s.querySelectorAll('[data-block]')).filter(visible).length]);"
        );
        let v = self.js(&script, vec![]).await;
        let mut total = 0;
        for s in v.as_array().expect("array") {
            let id = s[0].as_str().unwrap_or_default();
            let count: usize = s[1]
                .as_str()
                .and_then(|c| c.trim().parse().ok())
                .unwrap_or_else(|| panic!("section {id}: bad data-section-count {}", s[1]));
            let shown = s[2].as_u64().unwrap_or_default() as usize;
            assert_eq!(
                count, shown,
                "section {id}: data-section-count vs blocks shown"
            );
            assert!(shown > 0, "section {id} is shown with no matching block");
            total += shown;
        }
        assert_eq!(
            total,
            self.result_count().await,
            "blocks in sections vs result count"
        );
    }
}

pub fn strings(v: Value) -> Vec<String> {
    v.as_array()
        .unwrap_or_else(|| panic!("expected an array, got {v}"))
        .iter()
        .map(|s| s.as_str().unwrap_or_default().to_string())
        .collect()
}

/// Ids of the blocks whose text contains `needle`, in order.
pub fn containing(texts: &[(String, String)], needle: &str) -> Vec<String> {
    texts
        .iter()
        .filter(|(_, t)| t.contains(needle))
        .map(|(id, _)| id.clone())
        .collect()
}

pub fn ids_of(texts: &[(String, String)]) -> Vec<String> {
    texts.iter().map(|(id, _)| id.clone()).collect()
}

/// Open the unfiltered view and read every block's text (the oracle for the other checks).
pub async fn default_texts(b: &Browser) -> Vec<(String, String)> {
    b.open("").await;
    let texts = b.block_texts().await;
    assert_eq!(
        texts.len(),
        FULL_ARTICLE_BLOCKS,
        "blocks in the unfiltered view"
    );
    texts
}

pub fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut v: Vec<_> = p
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    v.sort();
    v
}
