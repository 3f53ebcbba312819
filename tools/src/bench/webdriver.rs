//! A small blocking WebDriver client for the benchmark: it starts chromedriver (in its
//! own process group, killed with everything it started on drop), opens one headless
//! Chromium session with a fresh profile, and sends commands over plain HTTP/1.1 on
//! loopback. The browser tests use fantoccini (async); a benchmark that does one thing
//! at a time needs no async runtime, so this stays on `std` and `serde_json`.

use serde_json::{json, Value};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Longest wait for chromedriver to answer one command (navigation included).
const COMMAND_TIMEOUT: Duration = Duration::from_secs(60);

/// One chromedriver process with one Chromium session.
pub struct Session {
    child: Child,
    port: u16,
    profile: PathBuf,
    id: String,
    /// `browserVersion` as chromedriver reports it.
    pub browser_version: String,
    /// chromedriver's own version.
    pub driver_version: String,
}

fn free_port() -> Result<u16, String> {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| format!("no free loopback port: {e}"))
}

/// One HTTP/1.1 request (`Connection: close`); returns the status and the body.
fn http(port: u16, method: &str, path: &str, body: Option<&str>) -> Result<(u16, String), String> {
    let fail = |e: std::io::Error| format!("chromedriver {method} {path}: {e}");
    let mut s = TcpStream::connect(("127.0.0.1", port)).map_err(fail)?;
    s.set_read_timeout(Some(COMMAND_TIMEOUT)).map_err(fail)?;
    let body = body.unwrap_or("");
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\
         Content-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\n\
         Connection: close\r\n\r\n",
        body.len()
    );
    s.write_all(head.as_bytes()).map_err(fail)?;
    s.write_all(body.as_bytes()).map_err(fail)?;
    // chromedriver may keep the connection open: stop after Content-Length bytes.
    let mut buf = Vec::new();
    let mut chunk = [0u8; 16 * 1024];
    let mut want: Option<(usize, usize)> = None; // (body start, body length)
    loop {
        if want.is_none() {
            if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                let head = String::from_utf8_lossy(&buf[..end]).to_ascii_lowercase();
                if let Some(len) = head
                    .lines()
                    .find_map(|l| l.strip_prefix("content-length:"))
                    .and_then(|v| v.trim().parse::<usize>().ok())
                {
                    want = Some((end + 4, len));
                }
            }
        }
        if let Some((start, len)) = want {
            if buf.len() >= start + len {
                break;
            }
        }
        match s.read(&mut chunk).map_err(fail)? {
            0 => break,
            n => buf.extend_from_slice(&chunk[..n]),
        }
    }
    let end = buf
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| format!("chromedriver {method} {path}: no response head"))?;
    let status = String::from_utf8_lossy(&buf[..end])
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let start = end + 4;
    let stop = want.map_or(buf.len(), |(s, l)| (s + l).min(buf.len()));
    Ok((
        status,
        String::from_utf8_lossy(&buf[start..stop]).into_owned(),
    ))
}

fn kill_group(child: &mut Child) {
    let pgid = child.id() as libc::pid_t;
    // SAFETY: plain syscall on the process group created for this child.
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

impl Session {
    /// Start `chromedriver` and open a Chromium session with `args` (a fresh
    /// `--user-data-dir` is added).
    pub fn start(chromedriver: &str, chromium: &str, args: &[&str]) -> Result<Session, String> {
        let port = free_port()?;
        let mut child = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .map_err(|e| format!("cannot start {chromedriver}: {e} (set CHROMEDRIVER)"))?;
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Ok((200, body)) = http(port, "GET", "/status", None) {
                if body.contains("\"ready\":true") || body.contains("\"ready\": true") {
                    break;
                }
            }
            if Instant::now() > deadline || matches!(child.try_wait(), Ok(Some(_))) {
                kill_group(&mut child);
                return Err(format!("{chromedriver} did not start on port {port}"));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let profile =
            std::env::temp_dir().join(format!("jinyi-bench-profile-{}-{port}", std::process::id()));
        let _ = std::fs::remove_dir_all(&profile);
        let mut all: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        all.push(format!("--user-data-dir={}", profile.display()));
        let caps = json!({ "capabilities": { "alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": { "binary": chromium, "args": all },
        }}});
        let mut session = Session {
            child,
            port,
            profile,
            id: String::new(),
            browser_version: String::new(),
            driver_version: String::new(),
        };
        let value = session
            .command("POST", "/session", Some(caps))
            .map_err(|e| format!("cannot open a Chromium session ({chromium}): {e}"))?;
        session.id = value["sessionId"].as_str().unwrap_or_default().to_string();
        let caps = &value["capabilities"];
        session.browser_version = caps["browserVersion"].as_str().unwrap_or("?").to_string();
        session.driver_version = caps["chrome"]["chromedriverVersion"]
            .as_str()
            .and_then(|v| v.split_whitespace().next())
            .unwrap_or("?")
            .to_string();
        session.command(
            "POST",
            &format!("/session/{}/timeouts", session.id),
            Some(json!({ "script": 60_000, "pageLoad": 60_000 })),
        )?;
        Ok(session)
    }

    /// Send one command; returns its `value` or the WebDriver error.
    fn command(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value, String> {
        let text = body.map(|b| b.to_string());
        let (status, reply) = http(self.port, method, path, text.as_deref())?;
        let mut v: Value = serde_json::from_str(&reply)
            .map_err(|e| format!("{method} {path}: bad JSON ({e}): {reply}"))?;
        let value = v["value"].take();
        if status != 200 {
            return Err(format!(
                "{method} {path}: {status} {} {}",
                value["error"].as_str().unwrap_or_default(),
                value["message"].as_str().unwrap_or_default()
            ));
        }
        Ok(value)
    }

    fn session_command(&self, path: &str, body: Value) -> Result<Value, String> {
        self.command("POST", &format!("/session/{}/{path}", self.id), Some(body))
    }

    /// Navigate and wait for the load event.
    pub fn goto(&self, url: &str) -> Result<(), String> {
        self.session_command("url", json!({ "url": url })).map(drop)
    }

    /// Run a synchronous script (`return …`).
    pub fn exec(&self, script: &str, args: Vec<Value>) -> Result<Value, String> {
        self.session_command("execute/sync", json!({ "script": script, "args": args }))
    }

    /// Run an asynchronous script: it ends by calling `arguments[arguments.length - 1](result)`.
    pub fn exec_async(&self, script: &str, args: Vec<Value>) -> Result<Value, String> {
        self.session_command("execute/async", json!({ "script": script, "args": args }))
    }

    /// A Chrome DevTools Protocol command on the current tab.
    pub fn cdp(&self, cmd: &str, params: Value) -> Result<Value, String> {
        self.session_command("goog/cdp/execute", json!({ "cmd": cmd, "params": params }))
    }

    /// Poll a script until it returns something other than `null`/`false`.
    pub fn wait_for(&self, what: &str, script: &str, timeout: Duration) -> Result<Value, String> {
        let deadline = Instant::now() + timeout;
        loop {
            let v = self.exec(script, vec![])?;
            if !matches!(v, Value::Null | Value::Bool(false)) {
                return Ok(v);
            }
            if Instant::now() > deadline {
                return Err(format!("timed out after {timeout:?} waiting for {what}"));
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if !self.id.is_empty() {
            let _ = http(self.port, "DELETE", &format!("/session/{}", self.id), None);
        }
        kill_group(&mut self.child);
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}
