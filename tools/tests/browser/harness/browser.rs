//! A browser session on the served site: start, navigate, wait, run scripts, finish.
//! What the page shows is read in `page.rs`; Chromium's extras are in `chromium.rs`.

use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Instant;

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};

use super::driver::Driver;
use super::{dist_dir, Engine, JS_VISIBLE, POLL, PREFIX, STABLE_POLLS, TIMEOUT};

/// A browser on the served site. Field order matters: the client goes before the driver.
pub struct Browser {
    pub client: Client,
    pub engine: Engine,
    /// `http://127.0.0.1:<port><prefix>`
    pub base: String,
    /// Console errors read so far (reading them clears them on the browser's side).
    pub(super) errors: Mutex<Vec<String>>,
    pub(super) driver: Driver,
    /// The static server; dropping it stops the server, so it lives as long as the session.
    _server: jinyi_devserver::Handle,
}

impl Browser {
    /// Chromium on `dist/` under [`PREFIX`].
    pub async fn start() -> Browser {
        Browser::start_in(Engine::Chromium).await
    }

    /// `engine` on `dist/` under [`PREFIX`].
    pub async fn start_in(engine: Engine) -> Browser {
        Browser::launch(engine, dist_dir(), PREFIX, &[]).await
    }

    /// Chromium on `dist/` under [`PREFIX`], with extra command-line switches.
    pub async fn chromium_with(switches: &[&str]) -> Browser {
        Browser::launch(Engine::Chromium, dist_dir(), PREFIX, switches).await
    }

    /// `engine` on the site in `dir` (a built site or a test's modified copy of one),
    /// served under `prefix`; `switches` are Chromium command-line switches.
    pub async fn launch(engine: Engine, dir: PathBuf, prefix: &str, switches: &[&str]) -> Browser {
        assert!(
            dir.join("index.html").is_file(),
            "{} has no index.html: run `make dist dist-faults` first",
            dir.display()
        );
        let (addr, server) = jinyi_devserver::spawn(dir, prefix).expect("start static server");
        let base = format!("http://{addr}{}", jinyi_devserver::normalize_prefix(prefix));
        let driver = Driver::start(engine);
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(engine.capabilities(&driver.scratch, switches))
            .connect(&format!("http://127.0.0.1:{}", driver.port))
            .await
            .unwrap_or_else(|e| {
                panic!(
                    "[{engine}] cannot open a session ({}): {e}\n{}",
                    engine.browser_binary(),
                    driver.log()
                )
            });
        if engine != Engine::Chromium {
            client
                .set_window_size(1280, 900)
                .await
                .unwrap_or_else(|e| panic!("[{engine}] window size: {e}"));
        }
        Browser {
            client,
            engine,
            base,
            errors: Mutex::new(Vec::new()),
            driver,
            _server: server,
        }
    }

    /// Check the console and the app, and close the session (call at the end of every
    /// test whose page must be clean).
    pub async fn finish(self) {
        let errors = self.console_errors().await;
        assert!(
            errors.is_empty(),
            "[{}] console errors:\n{}",
            self.engine,
            errors.join("\n")
        );
        let fault = self
            .js(
                "return document.documentElement.getAttribute('data-fault');",
                vec![],
            )
            .await;
        assert_eq!(
            fault,
            Value::Null,
            "[{}] the app reported a fault",
            self.engine
        );
        let _ = self.client.clone().close().await;
    }

    /// Go to `url` and wait until the browser shows that document, loaded (the errors
    /// the last document recorded are kept first). Only a change of the `#fragment`
    /// keeps the document; then the wait is for the new address.
    pub async fn goto(&self, url: &str) {
        if let Err(e) = self.try_goto(url).await {
            panic!("[{}] {e}", self.engine);
        }
    }

    /// [`Self::goto`], with a failed navigation or wait as an error to report.
    pub async fn try_goto(&self, url: &str) -> Result<(), String> {
        self.keep_page_errors().await;
        let here = self.current_url().await;
        let same_document = url::Url::parse(url).is_ok_and(|to| {
            to.fragment().is_some() && {
                let (mut a, mut b) = (here.clone(), to.clone());
                a.set_fragment(None);
                b.set_fragment(None);
                a == b
            }
        });
        if !same_document {
            self.mark_document().await;
        }
        self.client
            .goto(url)
            .await
            .map_err(|e| format!("goto {url}: {e}"))?;
        if same_document {
            self.wait_js(
                &format!("the address {url}"),
                "return location.href === arguments[0];",
                vec![json!(url)],
            )
            .await;
            Ok(())
        } else {
            self.wait_new_document(&format!("the document at {url}"))
                .await
        }
    }

    /// Reload the page and wait for the app.
    pub async fn reload(&self) {
        self.keep_page_errors().await;
        self.mark_document().await;
        self.client
            .refresh()
            .await
            .unwrap_or_else(|e| panic!("[{}] reload: {e}", self.engine));
        if let Err(e) = self.wait_new_document("the reloaded document").await {
            panic!("[{}] {e}", self.engine);
        }
        self.wait_ready().await;
    }

    /// Marks the current document, so that [`Self::wait_new_document`] can tell the next
    /// one from it: a WebDriver navigation may return before the new document replaced
    /// the old one (seen in Chromium with scripting off on a loaded machine), and the old
    /// document's markup must never be read as the new one's.
    async fn mark_document(&self) {
        // The first document (`about:blank`, `data:,`) may refuse scripts: nothing to mark.
        let _ = self
            .client
            .execute("window.__jxLeft = true; return true;", vec![])
            .await;
    }

    /// Waits until the document shown is not the one [`Self::mark_document`] marked and
    /// has loaded (`readyState` `complete`). A browser error page is an error at once; a
    /// dialog means the new document is there (it opened it).
    async fn wait_new_document(&self, what: &str) -> Result<(), String> {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let now = match self
                .client
                .execute(
                    "return [!window.__jxLeft && document.readyState === 'complete', location.href];",
                    vec![],
                )
                .await
            {
                Ok(v) => v,
                Err(_) if self.client.get_alert_text().await.is_ok() => return Ok(()),
                Err(_) => Value::Null,
            };
            let href = now[1].as_str().unwrap_or_default();
            if href.starts_with("chrome-error:") || href.starts_with("about:neterror") {
                return Err(format!(
                    "waiting for {what}: the browser shows an error page ({href})"
                ));
            }
            if now[0] == Value::Bool(true) {
                return Ok(());
            }
            if Instant::now() > deadline {
                return Err(format!(
                    "timed out after {TIMEOUT:?} waiting for {what}: the browser shows {now}"
                ));
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// History Back, then wait until the address has changed and the page settled.
    pub async fn back(&self) {
        let before = self.href().await;
        self.client
            .back()
            .await
            .unwrap_or_else(|e| panic!("[{}] back: {e}", self.engine));
        self.left(&before, "Back").await;
    }

    /// History Forward, then wait until the address has changed and the page settled.
    pub async fn forward(&self) {
        let before = self.href().await;
        self.client
            .forward()
            .await
            .unwrap_or_else(|e| panic!("[{}] forward: {e}", self.engine));
        self.left(&before, "Forward").await;
    }

    /// Waits until the address is no longer `before` (a history step within the page
    /// may be handled after the driver returns), then for the page to settle.
    async fn left(&self, before: &str, what: &str) {
        self.wait_js(
            &format!("{what} to leave {before}"),
            "return location.href !== arguments[0];",
            vec![json!(before)],
        )
        .await;
        self.settle().await;
    }

    /// The page's own address (`location.href`).
    async fn href(&self) -> String {
        let v = self.js("return location.href;", vec![]).await;
        v.as_str().unwrap_or_default().to_string()
    }

    /// Navigate to `<base><path_and_query>` (e.g. `""` or `"?theme=%E5%B9%B2"`) and wait for the app.
    pub async fn open(&self, path_and_query: &str) {
        let url = format!("{}{}", self.base, path_and_query.trim_start_matches('/'));
        self.goto(&url).await;
        self.wait_ready().await;
    }

    /// Open with query pairs, percent-encoding the values as UTF-8.
    pub async fn open_query(&self, pairs: &[(&str, &str)]) {
        let query = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs)
            .finish();
        self.open(&format!("?{query}")).await;
    }

    /// Wait for the app (`html[data-ready]`) and for the page to settle.
    pub async fn wait_ready(&self) {
        self.wait_for("html[data-ready]").await;
        self.watch_page_errors().await;
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
                    "[{}] no `{css}` after {TIMEOUT:?} at {url}: {e}\nconsole errors:\n{}",
                    self.engine,
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
            .unwrap_or_else(|e| panic!("[{}] script failed: {e}\n{script}", self.engine))
    }

    /// Poll a script until it returns `true`.
    pub async fn wait_js(&self, what: &str, script: &str, args: Vec<Value>) {
        if let Err(e) = self.try_wait_js(what, script, args).await {
            panic!("[{}] {e}", self.engine);
        }
    }

    /// As [`Self::wait_js`], returning what it waited for when it gives up.
    pub async fn try_wait_js(
        &self,
        what: &str,
        script: &str,
        args: Vec<Value>,
    ) -> Result<(), String> {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if self.js(script, args.clone()).await == Value::Bool(true) {
                return Ok(());
            }
            if Instant::now() > deadline {
                return Err(format!(
                    "timed out after {TIMEOUT:?} waiting for {what} at {}",
                    self.current_url().await
                ));
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Wait until the page has painted `n` more frames (`requestAnimationFrame`).
    pub async fn frames(&self, n: u32) {
        self.client
            .execute_async(
                "let n = arguments[0]; const done = arguments[1];
                 const step = () => (--n > 0 ? requestAnimationFrame(step) : done(true));
                 requestAnimationFrame(step);",
                vec![json!(n)],
            )
            .await
            .unwrap_or_else(|e| panic!("[{}] waiting for {n} frames: {e}", self.engine));
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
                panic!(
                    "[{}] the page did not settle within {TIMEOUT:?}: {last}",
                    self.engine
                );
            }
            tokio::time::sleep(POLL).await;
        }
    }

    pub async fn current_url(&self) -> url::Url {
        self.client
            .current_url()
            .await
            .unwrap_or_else(|e| panic!("[{}] current url: {e}", self.engine))
    }

    /// Console errors since the session started: Chromium's `SEVERE` log entries,
    /// Firefox's console errors and uncaught exceptions from its standard output. WebKit
    /// has neither (see [`Engine::has_console_from_start`]): there they are the
    /// `console.error` calls, uncaught exceptions and unhandled rejections recorded from
    /// the moment each page was ready.
    pub async fn console_errors(&self) -> Vec<String> {
        match self.engine {
            Engine::Chromium => {
                let fresh = self.chromium_log().await;
                let mut errors = self.errors.lock().unwrap();
                errors.extend(fresh);
                errors.clone()
            }
            Engine::Firefox => firefox_errors(&self.driver.log()),
            Engine::WebKit => {
                self.keep_page_errors().await;
                self.errors.lock().unwrap().clone()
            }
        }
    }

    /// WebKit: start recording errors in the current document (see `console_errors`).
    async fn watch_page_errors(&self) {
        if self.engine.has_console_from_start() {
            return;
        }
        self.js(
            "if (!window.__jxErrors) {
                window.__jxErrors = [];
                const keep = (m) => window.__jxErrors.push(String(m));
                addEventListener('error', e => keep('uncaught: ' + e.message + ' at ' + e.filename + ':' + e.lineno));
                addEventListener('unhandledrejection', e => keep('unhandled rejection: ' + e.reason));
                const error = console.error;
                console.error = function (...args) { keep(args.join(' ')); return error.apply(console, args); };
            }
            return true;",
            vec![],
        )
        .await;
    }

    /// WebKit: move the errors the current document recorded into `errors`.
    async fn keep_page_errors(&self) {
        if self.engine.has_console_from_start() {
            return;
        }
        let fresh = self
            .client
            .execute(
                "const e = window.__jxErrors || []; if (e.length) window.__jxErrors = []; return e;",
                vec![],
            )
            .await
            .unwrap_or(json!([]));
        let mut errors = self.errors.lock().unwrap();
        for e in fresh.as_array().into_iter().flatten() {
            errors.push(e.as_str().unwrap_or_default().to_string());
        }
    }
}

/// Console errors and uncaught exceptions of the tested pages in Firefox's standard
/// output (with `devtools.console.stdout.content`), as geckodriver's log holds it:
/// `console.error: "…"` (a page's call; Firefox's own modules write
/// `console.error: <module>: …`) and `JavaScript error: <url>, line <n>: …` for a page
/// of the served site or a `file://` page.
fn firefox_errors(log: &str) -> Vec<String> {
    log.lines()
        .filter(|l| {
            l.starts_with("console.error: \"")
                || l.strip_prefix("JavaScript error: ").is_some_and(|rest| {
                    rest.starts_with("http://127.0.0.1:") || rest.starts_with("file://")
                })
        })
        .map(str::to_string)
        .collect()
}
