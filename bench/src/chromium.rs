//! The bench's one Chromium: chromedriver started with the devserver's `webdriver`
//! helpers (its own process group, killed on drop), one headless session with a fresh
//! profile through fantoccini, and the few commands the measurements need, with errors
//! as text for the bench's message.

use fantoccini::wd::{Capabilities, TimeoutConfiguration};
use fantoccini::Client;
use jinyi_devserver::webdriver::{DriverProcess, SessionPost, CHROMIUM_SWITCHES};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Longest wait for chromedriver to get ready.
const START_TIMEOUT: Duration = Duration::from_secs(20);
/// Longest wait for a navigation or an asynchronous script.
const COMMAND_TIMEOUT: Duration = Duration::from_secs(60);
/// How often `wait_for` polls.
const POLL: Duration = Duration::from_millis(10);

/// One chromedriver process with one Chromium session. Fields drop in order: the
/// session, then the driver's process group, then the profile folder it used.
pub struct Chromium {
    client: Client,
    /// `browserVersion` as chromedriver reports it.
    pub browser_version: String,
    /// chromedriver's own version.
    pub driver_version: String,
    _driver: DriverProcess,
    _profile: Profile,
}

/// A Chromium profile folder, removed on drop.
struct Profile(PathBuf);

impl Drop for Profile {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn text(e: impl std::fmt::Display) -> String {
    e.to_string()
}

impl Chromium {
    /// Start `chromedriver` and open a Chromium session with the shared switches
    /// (`CHROMIUM_SWITCHES`), then `args`, and a fresh `--user-data-dir`.
    pub async fn start(chromedriver: &str, chromium: &str, args: &[&str]) -> Result<Self, String> {
        let driver = DriverProcess::start(chromedriver, START_TIMEOUT)
            .await
            .map_err(|e| format!("{e} (set CHROMEDRIVER)"))?;
        let profile = Profile(std::env::temp_dir().join(format!(
            "jinyi-bench-profile-{}-{}",
            std::process::id(),
            driver.port()
        )));
        let _ = std::fs::remove_dir_all(&profile.0);
        let mut all: Vec<String> = CHROMIUM_SWITCHES
            .iter()
            .chain(args)
            .map(|a| a.to_string())
            .collect();
        all.push(format!("--user-data-dir={}", profile.0.display()));
        let mut caps = Capabilities::new();
        caps.insert("browserName".into(), json!("chrome"));
        caps.insert(
            "goog:chromeOptions".into(),
            json!({ "binary": chromium, "args": all }),
        );
        let client = driver
            .session(caps)
            .await
            .map_err(|e| format!("cannot open a Chromium session ({chromium}): {e}"))?;
        let returned = client.capabilities();
        let browser_version = returned
            .and_then(|c| c.get("browserVersion")?.as_str())
            .unwrap_or("?")
            .to_string();
        let driver_version = returned
            .and_then(|c| c.get("chrome")?["chromedriverVersion"].as_str())
            .and_then(|v| v.split_whitespace().next())
            .unwrap_or("?")
            .to_string();
        client
            .update_timeouts(TimeoutConfiguration::new(
                Some(COMMAND_TIMEOUT),
                Some(COMMAND_TIMEOUT),
                None,
            ))
            .await
            .map_err(text)?;
        Ok(Chromium {
            client,
            browser_version,
            driver_version,
            _driver: driver,
            _profile: profile,
        })
    }

    /// End the session (Chromium quits) before the driver process and the profile go.
    pub async fn close(self) {
        let _ = self.client.clone().close().await;
    }

    /// Navigate and wait for the load event.
    pub async fn goto(&self, url: &str) -> Result<(), String> {
        self.client
            .goto(url)
            .await
            .map_err(|e| format!("goto {url}: {e}"))
    }

    /// Run a synchronous script (`return …`).
    pub async fn exec(&self, script: &str, args: Vec<Value>) -> Result<Value, String> {
        self.client.execute(script, args).await.map_err(text)
    }

    /// Run an asynchronous script: it ends by calling `arguments[arguments.length - 1](result)`.
    pub async fn exec_async(&self, script: &str, args: Vec<Value>) -> Result<Value, String> {
        self.client.execute_async(script, args).await.map_err(text)
    }

    /// A Chrome DevTools Protocol command on the current tab.
    pub async fn cdp(&self, cmd: &str, params: Value) -> Result<Value, String> {
        self.client
            .issue_cmd(SessionPost {
                path: "goog/cdp/execute",
                body: json!({ "cmd": cmd, "params": params }),
            })
            .await
            .map_err(|e| format!("CDP {cmd}: {e}"))
    }

    /// Poll a script until it returns something other than `null`/`false`.
    pub async fn wait_for(
        &self,
        what: &str,
        script: &str,
        timeout: Duration,
    ) -> Result<Value, String> {
        let deadline = Instant::now() + timeout;
        loop {
            let v = self.exec(script, vec![]).await?;
            if !matches!(v, Value::Null | Value::Bool(false)) {
                return Ok(v);
            }
            if Instant::now() > deadline {
                return Err(format!("timed out after {timeout:?} waiting for {what}"));
            }
            tokio::time::sleep(POLL).await;
        }
    }
}
