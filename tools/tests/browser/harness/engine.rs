//! The three browser engines, what starts each, and what each can do.
//!
//! | engine | driver (env var, default) | browser (env var, default) |
//! |---|---|---|
//! | Chromium | `CHROMEDRIVER`, `/usr/bin/chromedriver` | `CHROMIUM`, `/usr/bin/chromium` |
//! | Firefox ESR | `GECKODRIVER`, `geckodriver` on `PATH` or in `~/.cargo/bin` | `FIREFOX`, `/usr/bin/firefox-esr` |
//! | WebKitGTK | `WEBKITDRIVER`, `/usr/bin/WebKitWebDriver` | `MINIBROWSER`, `/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser` |
//!
//! Chromium and Firefox run headless. WebKitGTK's MiniBrowser has no headless mode: it
//! gets a private Xvfb display of its own (see `driver.rs`).

use std::fmt;
use std::path::{Path, PathBuf};

use fantoccini::wd::Capabilities;
use jinyi_devserver::webdriver::CHROMIUM_SWITCHES;
use serde_json::json;

/// A browser engine the tests drive through its WebDriver server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// Debian's `chromium` through `chromedriver`.
    Chromium,
    /// Debian's `firefox-esr` through `geckodriver` (crates.io).
    Firefox,
    /// WebKitGTK's MiniBrowser through `WebKitWebDriver` (Debian's `webkit2gtk-driver`).
    WebKit,
}

impl fmt::Display for Engine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Engine::Chromium => "chromium",
            Engine::Firefox => "firefox",
            Engine::WebKit => "webkit",
        })
    }
}

/// What the tests may ask of an engine beyond standard WebDriver.
impl Engine {
    /// Chrome DevTools Protocol commands (`goog/cdp/execute`): network blocking and
    /// throttling, device emulation, scripts that run before the page's own.
    pub fn has_cdp(self) -> bool {
        self == Engine::Chromium
    }

    /// The browser console from the very start of each document. Chromium: the
    /// `se/log` endpoint; Firefox: the console lines Firefox writes to its standard
    /// output (`devtools.console.stdout.content`), read from geckodriver's log.
    /// WebKitWebDriver has no log endpoint and MiniBrowser does not write console
    /// messages in automation mode, so for WebKit the harness records errors from the
    /// moment the app is ready (see `Browser::console_errors`).
    pub fn has_console_from_start(self) -> bool {
        self != Engine::WebKit
    }

    /// The WebDriver server binary.
    pub fn driver_binary(self) -> String {
        match self {
            Engine::Chromium => env_or("CHROMEDRIVER", "/usr/bin/chromedriver"),
            Engine::Firefox => env_or("GECKODRIVER", &on_path_or_cargo("geckodriver")),
            Engine::WebKit => env_or("WEBKITDRIVER", "/usr/bin/WebKitWebDriver"),
        }
    }

    /// The browser binary the driver starts.
    pub fn browser_binary(self) -> String {
        match self {
            Engine::Chromium => env_or("CHROMIUM", "/usr/bin/chromium"),
            Engine::Firefox => env_or("FIREFOX", "/usr/bin/firefox-esr"),
            Engine::WebKit => env_or(
                "MINIBROWSER",
                "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser",
            ),
        }
    }

    /// The driver's command-line arguments to listen on `port`.
    pub fn driver_args(self, port: u16) -> Vec<String> {
        match self {
            Engine::Chromium | Engine::WebKit => vec![format!("--port={port}")],
            Engine::Firefox => vec!["--port".into(), port.to_string()],
        }
    }

    /// Capabilities of a new session. `scratch` is the session's own directory (the
    /// Chromium profile lives there); `switches` are extra Chromium command-line
    /// switches, which only Chromium has.
    pub fn capabilities(self, scratch: &Path, switches: &[&str]) -> Capabilities {
        assert!(
            switches.is_empty() || self == Engine::Chromium,
            "{self}: command-line switches {switches:?} are Chromium switches"
        );
        let browser = self.browser_binary();
        let mut caps = Capabilities::new();
        match self {
            Engine::Chromium => {
                let mut args: Vec<String> =
                    CHROMIUM_SWITCHES.iter().map(|s| s.to_string()).collect();
                args.push(format!("--user-data-dir={}", scratch.display()));
                args.extend(switches.iter().map(|s| s.to_string()));
                caps.insert(
                    "goog:chromeOptions".into(),
                    json!({ "binary": browser, "args": args }),
                );
                caps.insert("goog:loggingPrefs".into(), json!({ "browser": "ALL" }));
            }
            Engine::Firefox => {
                caps.insert("browserName".into(), json!("firefox"));
                caps.insert(
                    "moz:firefoxOptions".into(),
                    json!({
                        "binary": browser,
                        "args": ["-headless"],
                        "prefs": {
                            // Console messages and uncaught errors on Firefox's stdout,
                            // which the driver log keeps (see `console.rs`).
                            "devtools.console.stdout.content": true,
                            "intl.accept_languages": "en-US, en",
                        },
                    }),
                );
            }
            Engine::WebKit => {
                caps.insert(
                    "webkitgtk:browserOptions".into(),
                    json!({ "binary": browser, "args": ["--automation"] }),
                );
            }
        }
        caps
    }
}

/// `$var` if set and not empty, else `default`.
pub fn env_or(var: &str, default: &str) -> String {
    std::env::var(var)
        .ok()
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| default.to_string())
}

/// `name` as found on `PATH`, else `~/.cargo/bin/<name>` (where `cargo install` puts it;
/// `cargo test` may run without it on `PATH`).
fn on_path_or_cargo(name: &str) -> String {
    let on_path = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join(name))
            .find(|p| p.is_file())
    });
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")));
    on_path
        .or_else(|| cargo_home.map(|c| c.join("bin").join(name)))
        .unwrap_or_else(|| PathBuf::from(name))
        .display()
        .to_string()
}
