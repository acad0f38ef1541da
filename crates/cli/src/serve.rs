//! `ecomap serve DIR [--port N]`: serves a built app (the `app/` folder of a USB bundle from `cargo xtask
//! bundle`, or dist/) on http://127.0.0.1:N (default 8080) until stopped, with the server `cargo xtask serve`
//! uses (crates/serve: MIME types incl. application/wasm, the Content-Security-Policy from DIR/config.json,
//! the precompressed `.br`/`.gz` files). Loopback only: nothing on the network can reach it.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// The port when none is given (as `cargo xtask serve`).
pub const DEFAULT_PORT: u16 = 8080;

pub fn run(args: &[String]) -> Result<ExitCode, String> {
    let mut dir = None;
    let mut port = DEFAULT_PORT;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--port" => {
                let v = it.next().ok_or("--port needs a number")?;
                port = v.parse().map_err(|_| format!("--port: not a port number: {v}"))?;
            }
            flag if flag.starts_with("--") => return Err(format!("serve: unknown option {flag}")),
            path if dir.is_none() => dir = Some(PathBuf::from(path)),
            extra => return Err(format!("serve: one folder only (also got {extra})")),
        }
    }
    let dir = dir.ok_or("serve: which folder? (ecomap serve DIR [--port N])")?;
    let server = ecomap_serve::start(&dir, None, port, true).map_err(|e| {
        if e.contains("cannot bind") {
            format!(
                "{e} (another program uses the port? try --port {})",
                port.saturating_add(1)
            )
        } else {
            e
        }
    })?;
    // Never a panic for a closed stdout (a script that read the address and went away): the server goes on.
    let _ = writeln!(
        std::io::stdout(),
        "ecomap: serving {} at {}/\nopen that address in a browser; Ctrl+C stops the server",
        dir.display(),
        server.url()
    );
    loop {
        std::thread::park();
    }
}
