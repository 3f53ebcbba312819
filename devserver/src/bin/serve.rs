//! `serve <dir> [--addr 127.0.0.1:8080] [--prefix /some/dir/] [--quiet]`: serve a built site on loopback until killed.

use std::path::PathBuf;
use std::process::ExitCode;

use jinyi_devserver::Server;

const USAGE: &str = "usage: serve <dir> [--addr 127.0.0.1:8080] [--prefix /some/dir/] [--quiet]

Serves <dir> on a loopback address until killed. With --prefix, only URLs under
that path are answered (to check that the site works from a sub-path).
--quiet turns off the per-request log on stderr.";

struct Args {
    dir: PathBuf,
    addr: String,
    prefix: String,
    quiet: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut dir = None;
    let mut addr = "127.0.0.1:8080".to_string();
    let mut prefix = "/".to_string();
    let mut quiet = false;
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "-h" | "--help" => return Err(String::new()),
            "--addr" => addr = value("--addr")?,
            "--prefix" => prefix = value("--prefix")?,
            "--quiet" | "-q" => quiet = true,
            s if s.starts_with("--addr=") => addr = s["--addr=".len()..].to_string(),
            s if s.starts_with("--prefix=") => prefix = s["--prefix=".len()..].to_string(),
            s if s.starts_with('-') => return Err(format!("unknown option {s}")),
            s if dir.is_none() => dir = Some(PathBuf::from(s)),
            s => return Err(format!("unexpected argument {s}")),
        }
    }
    Ok(Args {
        dir: dir.ok_or("missing <dir>")?,
        addr,
        prefix,
        quiet,
    })
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(msg) => {
            if !msg.is_empty() {
                eprintln!("serve: {msg}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(if msg.is_empty() { 0 } else { 2 });
        }
    };
    let server = match Server::new(&args.dir, &args.prefix) {
        Ok(s) => s.with_logging(!args.quiet),
        Err(e) => {
            eprintln!("serve: {e}");
            return ExitCode::FAILURE;
        }
    };
    let prefix = server.prefix().to_string();
    let (local, handle) = match server.spawn(args.addr.as_str()) {
        Ok(running) => running,
        Err(e) => {
            eprintln!("serve: cannot listen on {}: {e}", args.addr);
            return ExitCode::FAILURE;
        }
    };
    println!("Serving {} at http://{local}{prefix}", args.dir.display());
    handle.wait();
    ExitCode::SUCCESS
}
