//! Headless-Chromium tests of the built explorer (`dist/`, served under `/sub/dir/` by the in-process server) through chromedriver.
//!
//! Run with `cargo test -p jinyi-tools --test browser` after `make dist`.
//! Environment: `DIST_DIR` (default `<workspace>/dist`), `CHROMEDRIVER`
//! (default `/usr/bin/chromedriver`), `CHROMIUM` (default `/usr/bin/chromium`).
//!
//! Each test starts its own server thread, chromedriver process (own port) and
//! Chromium profile, so tests can run in parallel. Expected block sets are derived
//! from the text the page itself shows in its unfiltered view, not hard-coded.

use std::collections::BTreeSet;
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
const FULL_ARTICLE_BLOCKS: usize = 31;
/// Every test but one serves the site from this sub-path.
const PREFIX: &str = "/sub/dir/";
/// Longest wait for the app or for a state change.
const TIMEOUT: Duration = Duration::from_secs(20);
/// A state counts as settled when this many consecutive polls agree.
const STABLE_POLLS: usize = 3;
const POLL: Duration = Duration::from_millis(100);

// ---------------------------------------------------------------------------
// Harness
// ---------------------------------------------------------------------------

fn workspace_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tools/ has a parent")
        .to_path_buf()
}

/// The built site: `$DIST_DIR` or `<workspace>/dist`. Fails (never skips) when it is not built.
fn dist_dir() -> PathBuf {
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

fn env_or(var: &str, default: &str) -> String {
    std::env::var(var)
        .ok()
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| default.to_string())
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free loopback port")
        .port()
}

fn scratch_dir(what: &str) -> PathBuf {
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
fn raw_http(port: u16, method: &str, path: &str) -> Option<String> {
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
struct Driver {
    child: Child,
    port: u16,
    profile: PathBuf,
    session: Option<String>,
}

impl Driver {
    fn start() -> Driver {
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

fn kill_group(child: &mut Child) {
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

/// chromedriver's legacy log endpoint: the browser console since the last read.
#[derive(Debug)]
struct BrowserLog;

impl WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/se/log",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({ "type": "browser" }).to_string()),
        )
    }
}

/// A facet button as rendered.
#[derive(Debug, Clone, PartialEq)]
struct Facet {
    facet: String,
    value: String,
    pressed: bool,
    disabled: bool,
    count: Option<usize>,
}

impl Facet {
    fn selector(&self) -> String {
        facet_selector(&self.facet, &self.value)
    }
}

fn facet_selector(facet: &str, value: &str) -> String {
    format!(r#"button[data-facet="{facet}"][data-value="{value}"]"#)
}

/// JS: is an element rendered (in the DOM, not `display:none`/`visibility:hidden`, not inside a hidden ancestor)?
const JS_VISIBLE: &str = "const visible = (e) => e.checkVisibility \
    ? e.checkVisibility({ visibilityProperty: true }) \
    : !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length);";

/// A browser on the served site. Field order matters: the client goes before the driver.
struct Browser {
    client: Client,
    /// `http://127.0.0.1:<port><prefix>`
    base: String,
    /// Console entries read so far (reading the log clears it on chromedriver's side).
    logs: Mutex<Vec<Value>>,
    driver: Driver,
}

impl Browser {
    /// Server under [`PREFIX`], chromedriver, Chromium.
    async fn start() -> Browser {
        Browser::start_at(PREFIX).await
    }

    async fn start_at(prefix: &str) -> Browser {
        let dist = dist_dir();
        let (addr, _server) = jinyi_tools::spawn(dist, prefix).expect("start static server");
        let base = format!("http://{addr}{}", jinyi_tools::normalize_prefix(prefix));
        let mut driver = Driver::start();
        let chromium = env_or("CHROMIUM", "/usr/bin/chromium");
        let mut caps = Capabilities::new();
        caps.insert(
            "goog:chromeOptions".into(),
            json!({
                "binary": chromium,
                "args": [
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-dev-shm-usage",
                    "--window-size=1280,900",
                    format!("--user-data-dir={}", driver.profile.display()),
                ],
            }),
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
        }
    }

    /// Check the console and close the session (call at the end of every test).
    async fn finish(mut self) {
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
    async fn open(&self, path_and_query: &str) {
        let url = format!("{}{}", self.base, path_and_query.trim_start_matches('/'));
        self.client
            .goto(&url)
            .await
            .unwrap_or_else(|e| panic!("goto {url}: {e}"));
        self.wait_ready().await;
    }

    /// Open with query pairs, percent-encoding the values as UTF-8.
    async fn open_query(&self, pairs: &[(&str, &str)]) {
        let query = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs)
            .finish();
        self.open(&format!("?{query}")).await;
    }

    async fn wait_ready(&self) {
        self.wait_for("html[data-ready]").await;
        self.settle().await;
    }

    /// Wait until an element matching `css` exists.
    async fn wait_for(&self, css: &str) -> fantoccini::elements::Element {
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
    async fn js(&self, script: &str, args: Vec<Value>) -> Value {
        self.client
            .execute(script, args)
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Poll a script until it returns `true`.
    async fn wait_js(&self, what: &str, script: &str, args: Vec<Value>) {
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
    async fn settle(&self) {
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

    async fn current_url(&self) -> url::Url {
        self.client.current_url().await.expect("current url")
    }

    /// The decoded query pairs of the current URL, sorted.
    async fn query_pairs(&self) -> Vec<(String, String)> {
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
    async fn block_ids(&self) -> Vec<String> {
        let script = format!(
            "{JS_VISIBLE}
            return Array.from(document.querySelectorAll('[data-block]')).filter(visible)
                .map(e => e.getAttribute('data-block'));"
        );
        strings(self.js(&script, vec![]).await)
    }

    /// `(id, textContent)` of every displayed block, in DOM order.
    async fn block_texts(&self) -> Vec<(String, String)> {
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
    async fn result_count(&self) -> usize {
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
    async fn click(&self, css: &str) {
        self.click_no_settle(css).await;
        self.settle().await;
    }

    async fn click_no_settle(&self, css: &str) {
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
    async fn click_facet(&self, facet: &str, value: &str) {
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
    async fn type_search(&self, text: &str) {
        let input = self.wait_for("#search").await;
        input
            .send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("typing {text:?}: {e}"));
        self.settle().await;
    }

    async fn attr(&self, css: &str, name: &str) -> Option<String> {
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
    async fn search_value(&self) -> Option<String> {
        self.js(
            "const e = document.querySelector('#search'); return e ? e.value : null;",
            vec![],
        )
        .await
        .as_str()
        .map(str::to_string)
    }

    /// Click the remove button of the (first) chip whose text contains `text`.
    async fn remove_chip(&self, text: &str) {
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
    async fn facets(&self) -> Vec<Facet> {
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

    async fn pressed(&self) -> Vec<(String, String)> {
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
    async fn visible_texts(&self, css: &str) -> Vec<String> {
        let script = format!(
            "{JS_VISIBLE}
            return Array.from(document.querySelectorAll(arguments[0])).filter(visible)
                .map(e => e.textContent);"
        );
        strings(self.js(&script, vec![json!(css)]).await)
    }

    /// Console messages logged at SEVERE since the session started.
    async fn console_errors(&self) -> Vec<String> {
        let fresh = self
            .client
            .issue_cmd(BrowserLog)
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
    async fn assert_sections_consistent(&self) {
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

fn strings(v: Value) -> Vec<String> {
    v.as_array()
        .unwrap_or_else(|| panic!("expected an array, got {v}"))
        .iter()
        .map(|s| s.as_str().unwrap_or_default().to_string())
        .collect()
}

/// Ids of the blocks whose text contains `needle`, in order.
fn containing(texts: &[(String, String)], needle: &str) -> Vec<String> {
    texts
        .iter()
        .filter(|(_, t)| t.contains(needle))
        .map(|(id, _)| id.clone())
        .collect()
}

fn ids_of(texts: &[(String, String)]) -> Vec<String> {
    texts.iter().map(|(id, _)| id.clone()).collect()
}

/// Open the unfiltered view and read every block's text (the oracle for the other checks).
async fn default_texts(b: &Browser) -> Vec<(String, String)> {
    b.open("").await;
    let texts = b.block_texts().await;
    assert_eq!(
        texts.len(),
        FULL_ARTICLE_BLOCKS,
        "blocks in the unfiltered view"
    );
    texts
}

fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut v: Vec<_> = p
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    v.sort();
    v
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

/// Every asset reference in index.html must be relative, or the site breaks under a sub-path.
#[test]
fn index_html_asset_urls_are_relative() {
    let path = dist_dir().join("index.html");
    let html = std::fs::read_to_string(&path).expect("read index.html");
    let mut bad = Vec::new();
    for pat in [
        "src=\"/", "href=\"/", "src='/", "href='/", "src=/", "href=/",
    ] {
        for (i, _) in html.match_indices(pat) {
            bad.push(html[i..].chars().take(80).collect::<String>());
        }
    }
    // Quoted absolute paths to assets inside inline scripts (`import … from '/app.js'`).
    for quote in ['"', '\''] {
        for chunk in html.split(quote).skip(1).step_by(2) {
            let asset = [".js", ".wasm", ".css", ".png", ".svg", ".ico", ".json"]
                .iter()
                .any(|ext| chunk.contains(ext));
            if chunk.starts_with('/') && asset && !chunk.contains('\n') {
                bad.push(chunk.to_string());
            }
        }
    }
    assert!(
        bad.is_empty(),
        "{} has absolute asset URLs:\n{}",
        path.display(),
        bad.join("\n")
    );
}

#[tokio::test]
async fn loads_at_sub_path_with_the_full_article() {
    let b = Browser::start().await;
    b.open("").await;
    let ids = b.block_ids().await;
    assert_eq!(ids.len(), FULL_ARTICLE_BLOCKS, "blocks shown: {ids:?}");
    assert_eq!(b.result_count().await, FULL_ARTICLE_BLOCKS);
    let unique: BTreeSet<_> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "duplicate block ids: {ids:?}");
    assert_eq!(
        b.attr("[data-result-count]", "aria-live").await.as_deref(),
        Some("polite")
    );
    let sections = strings(
        b.js(
            "return Array.from(document.querySelectorAll('[data-section]')).map(s => s.getAttribute('data-section'));",
            vec![],
        )
        .await,
    );
    assert_eq!(sections, ["lead", "dare", "do", "surpass"]);
    b.assert_sections_consistent().await;
    assert!(b.visible_texts("[data-empty]").await.is_empty());
    assert!(b.visible_texts("[data-chip]").await.is_empty());
    assert!(b.visible_texts("[data-notice]").await.is_empty());
    assert!(b.pressed().await.is_empty());
    assert!(!b.facets().await.is_empty(), "no facet buttons");
    // With pre-compressed siblings in dist/ (`make dist`), the wasm travels compressed.
    let wasm = std::fs::read_dir(dist_dir())
        .expect("read dist/")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .find(|n| n.ends_with(".wasm"))
        .expect("a .wasm file in dist/");
    let dist = dist_dir();
    if dist.join(format!("{wasm}.br")).is_file() || dist.join(format!("{wasm}.gz")).is_file() {
        let sizes = b
            .js(
                "const e = performance.getEntriesByType('resource')
                    .find(e => e.name.endsWith(arguments[0]));
                 return e ? [e.encodedBodySize, e.decodedBodySize] : null;",
                vec![json!(wasm)],
            )
            .await;
        let (enc, dec) = (sizes[0].as_u64(), sizes[1].as_u64());
        assert!(
            matches!((enc, dec), (Some(e), Some(d)) if e > 0 && e < d),
            "{wasm} was not served compressed (encoded/decoded sizes {sizes})"
        );
    }
    // Everything the page fetched came from under the sub-path.
    let resources = strings(
        b.js(
            "return performance.getEntriesByType('resource').map(e => e.name)
                .concat([location.href]);",
            vec![],
        )
        .await,
    );
    for r in &resources {
        assert!(
            r.starts_with(&b.base) || r.starts_with("data:") || r.starts_with("blob:"),
            "{r} was fetched from outside {}",
            b.base
        );
    }
    b.finish().await;
}

#[tokio::test]
async fn loads_at_root() {
    let b = Browser::start_at("/").await;
    b.open("").await;
    assert_eq!(b.block_ids().await.len(), FULL_ARTICLE_BLOCKS);
    assert_eq!(b.result_count().await, FULL_ARTICLE_BLOCKS);
    b.finish().await;
}

#[tokio::test]
async fn platform_click_shows_exactly_the_blocks_naming_it() {
    let b = Browser::start().await;
    let texts = default_texts(&b).await;
    let expected = containing(&texts, "金义湖");
    assert!(!expected.is_empty());
    let f = b.facets().await;
    let button = f
        .iter()
        .find(|f| f.facet == "platform" && f.value == "金义湖")
        .expect("a platform button for 金义湖");
    assert_eq!(button.count, Some(expected.len()), "data-count of 金义湖");

    b.click_facet("platform", "金义湖").await;
    assert_eq!(b.block_ids().await, expected);
    assert_eq!(b.result_count().await, expected.len());
    b.assert_sections_consistent().await;
    assert_eq!(b.query_pairs().await, pairs(&[("platform", "金义湖")]));
    let raw = b
        .current_url()
        .await
        .query()
        .unwrap_or_default()
        .to_string();
    assert!(
        raw.contains("platform=%E9%87%91%E4%B9%89%E6%B9%96"),
        "query is not percent-encoded UTF-8: {raw}"
    );
    b.finish().await;
}

#[tokio::test]
async fn theme_and_platform_combine_as_intersection() {
    let b = Browser::start().await;
    let texts = default_texts(&b).await;

    b.click_facet("theme", "干").await;
    let theme: Vec<String> = b.block_ids().await;
    assert!(!theme.is_empty() && theme.len() < FULL_ARTICLE_BLOCKS);

    b.open("").await;
    b.click_facet("platform", "胡思零碳产业园").await;
    let platform = b.block_ids().await;
    assert_eq!(platform, containing(&texts, "胡思零碳产业园"));

    b.click_facet("theme", "干").await;
    let both = b.block_ids().await;
    let expected: Vec<String> = platform
        .iter()
        .filter(|id| theme.contains(id))
        .cloned()
        .collect();
    assert!(!expected.is_empty(), "干 ∩ 胡思零碳产业园 is empty");
    assert_eq!(both, expected, "theme 干 + platform 胡思零碳产业园");
    assert_eq!(b.result_count().await, expected.len());
    assert_eq!(
        b.query_pairs().await,
        pairs(&[("platform", "胡思零碳产业园"), ("theme", "干")])
    );
    assert_eq!(
        b.pressed().await,
        pairs(&[("platform", "胡思零碳产业园"), ("theme", "干")])
    );
    assert_eq!(b.visible_texts("[data-chip]").await.len(), 2);
    b.assert_sections_consistent().await;
    b.finish().await;
}

#[tokio::test]
async fn topic_from_the_url_matches_the_click() {
    let b = Browser::start().await;
    let texts = default_texts(&b).await;
    let count = b
        .facets()
        .await
        .into_iter()
        .find(|f| f.facet == "theme" && f.value == "营商环境")
        .expect("a theme button for 营商环境")
        .count;
    b.click_facet("theme", "营商环境").await;
    let clicked = b.block_ids().await;

    b.open_query(&[("theme", "营商环境")]).await;
    let from_url = b.block_ids().await;
    assert_eq!(from_url, clicked, "?theme=营商环境 vs clicking it");
    assert_eq!(Some(from_url.len()), count, "data-count of 营商环境");
    assert_eq!(b.pressed().await, pairs(&[("theme", "营商环境")]));
    for id in containing(&texts, "营商环境") {
        assert!(
            from_url.contains(&id),
            "{id} names 营商环境 but is not shown"
        );
    }
    assert!(b.visible_texts("[data-notice]").await.is_empty());
    b.assert_sections_consistent().await;
    b.finish().await;
}

#[tokio::test]
async fn search_highlights_the_query() {
    let b = Browser::start().await;
    let texts = default_texts(&b).await;
    let q = "金义湖";
    let expected = containing(&texts, q);
    let occurrences: usize = texts.iter().map(|(_, t)| t.matches(q).count()).sum();

    b.type_search(q).await;
    assert_eq!(b.block_ids().await, expected);
    assert_eq!(b.result_count().await, expected.len());
    let marks = b.visible_texts("[data-block] mark").await;
    assert!(
        marks.iter().all(|m| m == q),
        "highlights other than {q:?}: {marks:?}"
    );
    assert_eq!(marks.len(), occurrences, "every occurrence is highlighted");
    let unmarked = strings(
        b.js(
            &format!(
                "{JS_VISIBLE}
                return Array.from(document.querySelectorAll('[data-block]')).filter(visible)
                    .filter(e => !e.querySelector('mark')).map(e => e.getAttribute('data-block'));"
            ),
            vec![],
        )
        .await,
    );
    assert!(
        unmarked.is_empty(),
        "matching blocks without a highlight: {unmarked:?}"
    );
    assert_eq!(b.query_pairs().await, pairs(&[("q", q)]));
    b.assert_sections_consistent().await;
    b.finish().await;
}

#[tokio::test]
async fn search_ignores_width_and_spaces() {
    let b = Browser::start().await;
    let texts = default_texts(&b).await;
    let expected = containing(&texts, "8.1%");
    assert!(!expected.is_empty(), "the article has 8.1%");
    for q in ["８．１％", "8. 1%"] {
        b.open("").await;
        b.type_search(q).await;
        assert_eq!(b.block_ids().await, expected, "search {q:?}");
        assert_eq!(b.result_count().await, expected.len(), "search {q:?}");
        let marks = b.visible_texts("[data-block] mark").await;
        assert!(!marks.is_empty(), "search {q:?}: nothing highlighted");
        for m in &marks {
            let squeezed: String = m.chars().filter(|c| !c.is_whitespace()).collect();
            assert_eq!(squeezed, "8.1%", "search {q:?}: highlight {m:?}");
        }
    }
    b.finish().await;
}

#[tokio::test]
async fn facet_counts_match_the_results_of_clicking() {
    let b = Browser::start().await;
    b.open("").await;
    let all = b.facets().await;
    let facets: BTreeSet<_> = all.iter().map(|f| f.facet.as_str()).collect();
    assert_eq!(
        facets,
        BTreeSet::from(["platform", "project", "theme"]),
        "facet kinds"
    );
    for want in [
        ("theme", "敢"),
        ("theme", "干"),
        ("theme", "赶"),
        ("theme", "营商环境"),
        ("platform", "金义湖"),
        ("platform", "自贸试验区"),
        ("platform", "中欧班列"),
        ("project", "润马光能"),
        ("project", "华创新能源商用车"),
        ("project", "鑫泰特钢"),
    ] {
        assert!(
            all.iter()
                .any(|f| (f.facet.as_str(), f.value.as_str()) == want),
            "no button for {want:?}"
        );
    }
    for f in all.iter().filter(|f| !f.disabled) {
        let count = f
            .count
            .unwrap_or_else(|| panic!("{}={} has no numeric data-count", f.facet, f.value));
        b.click_facet(&f.facet, &f.value).await;
        let ids = b.block_ids().await;
        assert_eq!(
            ids.len(),
            count,
            "{}={}: data-count vs blocks shown after clicking",
            f.facet,
            f.value
        );
        assert_eq!(b.result_count().await, count, "{}={}", f.facet, f.value);
        b.click_facet(&f.facet, &f.value).await;
        assert_eq!(b.result_count().await, FULL_ARTICLE_BLOCKS);
    }
    b.finish().await;
}

#[tokio::test]
async fn facets_that_would_give_nothing_are_disabled() {
    let b = Browser::start().await;
    let check = |state: &'static str, facets: Vec<Facet>| {
        for f in facets.iter().filter(|f| !f.pressed) {
            assert_eq!(
                f.disabled,
                f.count == Some(0),
                "{state}: {}={} data-count={:?} disabled={}",
                f.facet,
                f.value,
                f.count,
                f.disabled
            );
        }
        facets
    };
    b.open("").await;
    let unfiltered = check("unfiltered", b.facets().await);
    assert!(
        unfiltered.iter().all(|f| !f.disabled),
        "every value occurs in the article"
    );
    b.click_facet("platform", "金义湖").await;
    let filtered = check("platform 金义湖", b.facets().await);
    let disabled: Vec<_> = filtered.iter().filter(|f| f.disabled).collect();
    assert!(
        disabled.iter().any(|f| f.facet == "project"),
        "with 金义湖 chosen, no project button is disabled: {filtered:?}"
    );
    // A disabled button is inert.
    let d = disabled[0].selector();
    let before = b.block_ids().await;
    b.js(
        "document.querySelector(arguments[0]).click();",
        vec![json!(d)],
    )
    .await;
    b.settle().await;
    assert_eq!(b.block_ids().await, before, "clicking disabled {d}");
    b.open_query(&[("q", "金义湖")]).await;
    check("search 金义湖", b.facets().await);
    b.finish().await;
}

#[tokio::test]
async fn url_round_trip_reload_and_back() {
    let b = Browser::start().await;
    b.open("").await;
    let all = b.block_ids().await;

    b.click_facet("theme", "赶").await;
    let s1 = b.block_ids().await;
    let u1 = b.current_url().await;
    assert_eq!(b.query_pairs().await, pairs(&[("theme", "赶")]));

    b.click_facet("platform", "金义湖").await;
    let s2 = b.block_ids().await;
    assert_eq!(
        b.query_pairs().await,
        pairs(&[("platform", "金义湖"), ("theme", "赶")])
    );
    assert_ne!(s1, s2);

    b.client.back().await.expect("back");
    b.settle().await;
    assert_eq!(b.current_url().await, u1, "Back restores the URL");
    assert_eq!(b.block_ids().await, s1, "Back restores the blocks");
    assert_eq!(b.pressed().await, pairs(&[("theme", "赶")]));

    b.client.back().await.expect("back");
    b.settle().await;
    assert_eq!(b.block_ids().await, all, "Back to the unfiltered view");
    assert!(b.pressed().await.is_empty());

    b.client.forward().await.expect("forward");
    b.settle().await;
    assert_eq!(b.block_ids().await, s1, "Forward");

    b.click_facet("platform", "金义湖").await;
    b.type_search("平台").await;
    let s3 = b.block_ids().await;
    let u3 = b.current_url().await;
    assert_eq!(
        b.query_pairs().await,
        pairs(&[("platform", "金义湖"), ("q", "平台"), ("theme", "赶")])
    );
    let pressed = b.pressed().await;

    b.client.refresh().await.expect("reload");
    b.wait_ready().await;
    assert_eq!(b.block_ids().await, s3, "reload restores the blocks");
    assert_eq!(b.pressed().await, pressed);
    assert_eq!(b.search_value().await.as_deref(), Some("平台"));

    b.open("").await;
    b.client.goto(u3.as_str()).await.expect("goto");
    b.wait_ready().await;
    assert_eq!(
        b.block_ids().await,
        s3,
        "opening the URL restores the blocks"
    );
    assert_eq!(b.search_value().await.as_deref(), Some("平台"));
    b.finish().await;
}

#[tokio::test]
async fn unknown_url_values_give_a_notice_and_known_ones_apply() {
    let b = Browser::start().await;
    let texts = default_texts(&b).await;
    b.open_query(&[("theme", "nope"), ("platform", "金义湖")])
        .await;
    let notices = b.visible_texts("[data-notice]").await;
    assert!(
        notices.iter().any(|n| n.contains("nope")),
        "no visible [data-notice] naming `nope`: {notices:?}"
    );
    assert_eq!(b.block_ids().await, containing(&texts, "金义湖"));
    assert_eq!(b.pressed().await, pairs(&[("platform", "金义湖")]));
    b.finish().await;
}

#[tokio::test]
async fn chips_remove_one_filter_and_clear_all() {
    let b = Browser::start().await;
    b.open("").await;
    let all = b.block_ids().await;
    b.open_query(&[("theme", "干")]).await;
    let theme_only = b.block_ids().await;

    b.open_query(&[("theme", "干"), ("platform", "胡思零碳产业园")])
        .await;
    let chips = b.visible_texts("[data-chip]").await;
    assert_eq!(chips.len(), 2, "chips: {chips:?}");
    b.remove_chip("胡思零碳产业园").await;
    let chips = b.visible_texts("[data-chip]").await;
    assert_eq!(chips.len(), 1, "after removing 胡思零碳产业园: {chips:?}");
    assert!(!chips[0].contains("胡思零碳产业园"), "{chips:?}");
    assert_eq!(b.block_ids().await, theme_only);
    assert_eq!(b.query_pairs().await, pairs(&[("theme", "干")]));

    b.click_facet("project", "润马光能").await;
    b.type_search("金义").await;
    let chips = b.visible_texts("[data-chip]").await;
    assert_eq!(chips.len(), 3, "theme, project and search chips: {chips:?}");
    b.click("[data-clear-all]").await;
    assert!(b.visible_texts("[data-chip]").await.is_empty());
    assert_eq!(b.block_ids().await, all);
    assert_eq!(b.result_count().await, FULL_ARTICLE_BLOCKS);
    assert!(
        b.query_pairs().await.is_empty(),
        "{}",
        b.current_url().await
    );
    assert!(b.pressed().await.is_empty());
    assert_eq!(b.search_value().await.as_deref(), Some(""));
    b.finish().await;
}

#[tokio::test]
async fn missing_text_marker_is_visible() {
    let b = Browser::start().await;
    b.open("").await;
    let found = b
        .js(
            &format!(
                "{JS_VISIBLE}
                return Array.from(document.querySelectorAll('[data-missing]')).map(e => {{
                    const block = e.closest('[data-block]');
                    return [block ? block.getAttribute('data-block') : null, e.textContent, visible(e)];
                }});"
            ),
            vec![],
        )
        .await;
    let found = found.as_array().expect("array");
    assert!(!found.is_empty(), "no [data-missing] marker");
    for m in found {
        assert!(m[0].is_string(), "marker outside any block: {m}");
        assert_eq!(m[2], Value::Bool(true), "marker not visible: {m}");
        let text = m[1].as_str().unwrap_or_default();
        assert!(
            ["缺", "missing", "Missing", "漏", "不全"]
                .iter()
                .any(|w| text.contains(w)),
            "marker text does not say text is missing: {text:?}"
        );
    }
    b.finish().await;
}

#[tokio::test]
async fn empty_state_when_nothing_matches() {
    let b = Browser::start().await;
    b.open_query(&[("q", "zzzz")]).await;
    assert_eq!(b.result_count().await, 0);
    assert!(b.block_ids().await.is_empty());
    let empty = b.visible_texts("[data-empty]").await;
    assert_eq!(empty.len(), 1, "a visible [data-empty]: {empty:?}");
    assert!(!empty[0].trim().is_empty());
    b.assert_sections_consistent().await;
    assert_eq!(b.search_value().await.as_deref(), Some("zzzz"));
    b.finish().await;
}

#[tokio::test]
async fn context_view_keeps_every_block_and_marks_matches() {
    let b = Browser::start().await;
    let texts = default_texts(&b).await;
    let all = ids_of(&texts);
    let matching = containing(&texts, "金义湖");
    b.open_query(&[("platform", "金义湖")]).await;
    assert_eq!(b.block_ids().await, matching);
    b.click("[data-context-toggle]").await;
    assert_eq!(b.block_ids().await, all, "context view shows every block");
    let marked = |v: &str| {
        format!(
            "return Array.from(document.querySelectorAll('[data-block][data-match=\"{v}\"]'))
                .map(e => e.getAttribute('data-block'));"
        )
    };
    let yes = strings(b.js(&marked("1"), vec![]).await);
    let no = strings(b.js(&marked("0"), vec![]).await);
    assert_eq!(yes, matching, "data-match=1");
    let rest: Vec<String> = all
        .iter()
        .filter(|id| !matching.contains(id))
        .cloned()
        .collect();
    assert_eq!(no, rest, "data-match=0");
    assert_eq!(b.result_count().await, matching.len());
    b.finish().await;
}
