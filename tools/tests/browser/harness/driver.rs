//! The WebDriver server of one test: a child process in its own process group, on its
//! own port, with its own scratch directory (browser profile, driver log) and, for
//! WebKit, its own Xvfb display. Dropping it ends them all and removes the directory,
//! also when the test panicked.

use std::collections::BTreeSet;
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::os::fd::AsRawFd;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use jinyi_devserver::webdriver::kill_group;

use super::{Engine, TIMEOUT};

/// A driver process serving one session.
pub struct Driver {
    pub port: u16,
    /// Profile, temporary files and `driver.log` of this session.
    pub scratch: Scratch,
    child: Child,
    display: Option<Child>,
}

impl Driver {
    pub fn start(engine: Engine) -> Driver {
        let binary = engine.driver_binary();
        let mut last_error = String::new();
        for _attempt in 0..3 {
            let scratch = scratch_dir(&format!("{engine}-session"));
            let log = File::create(scratch.join("driver.log")).expect("create the driver log");
            let port = free_port();
            let mut display = None;
            let mut cmd = Command::new(&binary);
            cmd.args(engine.driver_args(port))
                .stdin(Stdio::null())
                .stdout(log.try_clone().expect("driver log"))
                .stderr(log)
                // geckodriver writes the Firefox profile under TMPDIR.
                .env("TMPDIR", &*scratch)
                .process_group(0);
            if engine == Engine::WebKit {
                let (xvfb, number) = start_xvfb();
                // A reader's language, not the machine's `C` locale.
                cmd.env("DISPLAY", format!(":{number}"))
                    .env("LANGUAGE", "en_US:en");
                display = Some(xvfb);
            }
            let mut child = cmd.spawn().unwrap_or_else(|e| {
                panic!("cannot start {binary}: {e} (install it with `bash scripts/setup.sh --browser`)")
            });
            let deadline = Instant::now() + TIMEOUT;
            while Instant::now() < deadline {
                if let Ok(Some(status)) = child.try_wait() {
                    last_error = format!(
                        "{binary} exited early with {status}:\n{}",
                        std::fs::read_to_string(scratch.join("driver.log")).unwrap_or_default()
                    );
                    break;
                }
                // Something answers on the port: it must be this driver (alive, and a
                // WebDriver server), not another test's server that took the port
                // between `free_port` and the driver's bind.
                if is_webdriver(port) && matches!(child.try_wait(), Ok(None)) {
                    return Driver {
                        port,
                        scratch,
                        child,
                        display,
                    };
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            if last_error.is_empty() {
                last_error = format!("{binary} did not listen on port {port}");
            }
            kill_group(&mut child);
            if let Some(mut x) = display {
                kill_group(&mut x);
            }
        }
        panic!("{engine}: the driver would not start: {last_error}");
    }

    /// What the driver and its browser wrote to stdout/stderr so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.scratch.join("driver.log")).unwrap_or_default()
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        kill_group(&mut self.child);
        // chromedriver starts Chromium in a process group of its own: end every process
        // that names this session's directory (the profile) on its command line.
        kill_naming(&self.scratch);
        if let Some(x) = self.display.as_mut() {
            kill_group(x);
        }
        // (`scratch` removes itself after this.)
    }
}

/// An Xvfb server on a display number it picks itself (`-displayfd`), in its own
/// process group; returns it and the display number.
fn start_xvfb() -> (Child, u32) {
    let (reader, writer) = std::io::pipe().expect("a pipe for Xvfb's display number");
    let fd = writer.as_raw_fd();
    let mut cmd = Command::new("Xvfb");
    cmd.args([
        "-displayfd",
        "3",
        "-screen",
        "0",
        "1280x1024x24",
        "-nolisten",
        "tcp",
    ])
    .stdin(Stdio::null())
    .stdout(Stdio::null())
    .stderr(Stdio::null())
    .process_group(0);
    // SAFETY: only async-signal-safe calls between fork and exec: the pipe's write end
    // becomes fd 3 of Xvfb, without close-on-exec.
    unsafe {
        cmd.pre_exec(move || {
            let ok = if fd == 3 {
                libc::fcntl(3, libc::F_SETFD, 0) != -1
            } else {
                libc::dup2(fd, 3) != -1
            };
            if ok {
                Ok(())
            } else {
                Err(std::io::Error::last_os_error())
            }
        });
    }
    let mut child = cmd
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start Xvfb for WebKit: {e} (apt package xvfb)"));
    drop(writer);
    let mut line = String::new();
    let read = BufReader::new(reader).read_line(&mut line);
    match line.trim().parse() {
        Ok(number) => (child, number),
        Err(_) => {
            kill_group(&mut child);
            panic!("Xvfb gave no display number ({read:?}, {line:?})");
        }
    }
}

/// SIGKILL to every process whose command line contains `path`.
fn kill_naming(path: &Path) {
    let needle = path.as_os_str().as_encoded_bytes();
    let Ok(procs) = std::fs::read_dir("/proc") else {
        return;
    };
    for entry in procs.flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|n| n.parse::<libc::pid_t>().ok())
        else {
            continue;
        };
        let cmdline = std::fs::read(entry.path().join("cmdline")).unwrap_or_default();
        if cmdline.windows(needle.len()).any(|w| w == needle) {
            // SAFETY: plain syscall; the process runs on this session's profile.
            unsafe {
                libc::kill(pid, libc::SIGKILL);
            }
        }
    }
}

/// A loopback port that was free a moment ago and that this test process has never
/// handed out before (two sessions starting at once cannot get the same one).
pub fn free_port() -> u16 {
    static GIVEN: Mutex<BTreeSet<u16>> = Mutex::new(BTreeSet::new());
    loop {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free loopback port")
            .port();
        if GIVEN.lock().unwrap().insert(port) {
            return port;
        }
    }
}

/// Does a WebDriver server answer on `port`? Its `GET /status` answers JSON with a
/// `value`; the static server or anything else does not. (HTTP/1.1: chromedriver does
/// not answer 1.0.)
fn is_webdriver(port: u16) -> bool {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(TIMEOUT));
    let request =
        format!("GET /status HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");
    if stream.write_all(request.as_bytes()).is_err() {
        return false;
    }
    // Read until the answer shows a WebDriver body (the server may keep the connection).
    let mut answer = Vec::new();
    let mut chunk = [0u8; 1024];
    while let Ok(n @ 1..) = stream.read(&mut chunk) {
        answer.extend_from_slice(&chunk[..n]);
        let text = String::from_utf8_lossy(&answer);
        if text.starts_with("HTTP/1.") && text.contains("\"value\"") {
            return true;
        }
    }
    false
}

/// A fresh, empty directory under the system temp dir, removed when dropped.
pub struct Scratch(PathBuf);

impl std::ops::Deref for Scratch {
    type Target = Path;

    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A new [`Scratch`] directory. No two share a name prefix up to `what`, so a session's
/// directory names only its own processes.
pub fn scratch_dir(what: &str) -> Scratch {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "jinyi-browser-{}-{}-{what}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create scratch dir");
    Scratch(dir)
}
