//! Where the figures were measured: CPU, memory, OS, browser and compiler versions, the
//! date, and the load average (on a shared machine it says how far to trust timings).

use crate::chromium::Chromium;
use std::time::{SystemTime, UNIX_EPOCH};

/// Where the figures were measured.
pub struct Machine {
    pub cpu: String,
    pub cores: usize,
    pub memory: String,
    pub os: String,
    pub chromium: String,
    pub chromedriver: String,
    pub rustc: String,
    pub date: String,
    /// 1-minute load average at the start and at the end of the run.
    pub load: (String, String),
}

/// The 1-minute load average (`/proc/loadavg`).
pub fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "?".into())
}

fn first_line_value(file: &str, key: &str) -> Option<String> {
    std::fs::read_to_string(file).ok()?.lines().find_map(|l| {
        let (k, v) = l.split_once([':', '='])?;
        (k.trim() == key).then(|| v.trim().trim_matches('"').to_string())
    })
}

/// `YYYY-MM-DD HH:MM UTC` from the system clock.
fn utc_now() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs()) as i64;
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02} UTC",
        rem / 3600,
        rem % 3600 / 60
    )
}

impl Machine {
    pub fn describe(session: &Chromium, load_at_start: String) -> Machine {
        let memory = first_line_value("/proc/meminfo", "MemTotal")
            .and_then(|v| v.split_whitespace().next()?.parse::<f64>().ok())
            .map_or("?".into(), |kib| {
                format!("{:.0} GiB RAM", kib / 1024.0 / 1024.0)
            });
        let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default();
        let rustc = std::process::Command::new(std::env::var("RUSTC").unwrap_or("rustc".into()))
            .arg("-V")
            .output()
            .ok()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "rustc ?".into());
        Machine {
            cpu: first_line_value("/proc/cpuinfo", "model name").unwrap_or_else(|| "?".into()),
            cores: std::thread::available_parallelism().map_or(0, |n| n.get()),
            memory,
            os: format!(
                "{}, Linux {}",
                first_line_value("/etc/os-release", "PRETTY_NAME").unwrap_or_else(|| "?".into()),
                kernel.trim()
            ),
            chromium: session.browser_version.clone(),
            chromedriver: session.driver_version.clone(),
            rustc,
            date: utc_now(),
            load: (load_at_start, loadavg()),
        }
    }
}
