//! What only Chromium offers through chromedriver: DevTools commands
//! (`goog/cdp/execute`) and the browser log (`se/log`). Tests that use them run in
//! Chromium only, and their doc comments say so.

use jinyi_devserver::webdriver::SessionPost;
use serde_json::{json, Value};

use super::{Browser, Engine};

impl Browser {
    /// Run a Chrome DevTools Protocol command (Chromium only: panics elsewhere, so a
    /// test that needs it cannot run in another engine by mistake).
    pub async fn cdp(&self, cmd: &str, params: Value) -> Value {
        assert!(
            self.engine.has_cdp(),
            "[{}] CDP {cmd}: DevTools commands are Chromium-only; run this test in Chromium",
            self.engine
        );
        self.client
            .issue_cmd(SessionPost {
                path: "goog/cdp/execute",
                body: json!({ "cmd": cmd, "params": params }),
            })
            .await
            .unwrap_or_else(|e| panic!("CDP {cmd}: {e}"))
    }

    /// The `SEVERE` entries of Chromium's browser log since the last read.
    pub(super) async fn chromium_log(&self) -> Vec<String> {
        assert_eq!(self.engine, Engine::Chromium);
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
        entries
            .iter()
            .filter(|e| e["level"].as_str() == Some("SEVERE"))
            .map(|e| e["message"].as_str().unwrap_or_default().to_string())
            .collect()
    }
}
