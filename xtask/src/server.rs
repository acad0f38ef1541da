//! A small static file server for dist/, bound to 127.0.0.1: it serves the app the way a partner
//! would host it (correct MIME types, application/wasm, the Content-Security-Policy from
//! docs/hosting.md). `cargo xtask serve`, the end-to-end tests and the bench all use it.

use crate::Result;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// The CSP the app must run under (documented in docs/hosting.md).
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; \
connect-src * data: blob:; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; \
form-action 'self'; frame-ancestors *";

/// In test mode, the app is also served under this path prefix.
const TEST_PREFIX: &str = "some/prefix/";

struct Site {
    root: PathBuf,
    /// Served under /fixtures/ (test mode only); in test mode the app is also served under
    /// /some/prefix/ (as a partner hosting it below a path would).
    fixtures: Option<PathBuf>,
    quiet: bool,
}

pub struct Server {
    pub addr: SocketAddr,
}

impl Server {
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

/// Binds 127.0.0.1:`port` (0 = a free port) and serves `root` from a background thread.
pub fn start(root: &Path, fixtures: Option<&Path>, port: u16, quiet: bool) -> Result<Server> {
    if !root.join("index.html").is_file() {
        return Err(format!("{} has no index.html (build first)", root.display()));
    }
    let listener = TcpListener::bind(("127.0.0.1", port)).map_err(|e| format!("cannot bind 127.0.0.1:{port}: {e}"))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    let site = Arc::new(Site {
        root: root.to_path_buf(),
        fixtures: fixtures.map(Path::to_path_buf),
        quiet,
    });
    std::thread::spawn(move || {
        for stream in listener.incoming().map_while(std::result::Result::ok) {
            let site = Arc::clone(&site);
            std::thread::spawn(move || {
                let _ = handle(&site, stream);
            });
        }
    });
    Ok(Server { addr })
}

pub fn mime(path: &Path) -> &'static str {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
        .as_str()
    {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" | "map" => "application/json",
        "geojson" => "application/geo+json",
        "csv" => "text/csv; charset=utf-8",
        "txt" | "md" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "ttf" => "font/ttf",
        "webmanifest" => "application/manifest+json",
        _ => "application/octet-stream",
    }
}

fn percent_decode(s: &str) -> String {
    let hex = |c: u8| (c as char).to_digit(16);
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Maps a URL path to a file, refusing anything that leaves the served directories.
fn resolve(site: &Site, url_path: &str) -> Option<PathBuf> {
    let decoded = percent_decode(url_path);
    let mut rel = decoded.trim_start_matches('/');
    if site.fixtures.is_some() {
        rel = rel.strip_prefix(TEST_PREFIX).unwrap_or(rel);
    }
    let (base, rel) = match (&site.fixtures, rel.strip_prefix("fixtures/")) {
        (Some(f), Some(r)) => (f.as_path(), r),
        _ => (site.root.as_path(), rel),
    };
    let rel = Path::new(rel);
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return None;
    }
    let mut p = base.join(rel);
    if p.is_dir() {
        p = p.join("index.html");
    }
    p.is_file().then_some(p)
}

fn handle(site: &Site, mut stream: TcpStream) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    loop {
        let mut request_line = String::new();
        if reader.read_line(&mut request_line)? == 0 {
            return Ok(());
        }
        let mut keep_alive = true;
        loop {
            let mut h = String::new();
            if reader.read_line(&mut h)? == 0 {
                return Ok(());
            }
            let h = h.trim_end();
            if h.is_empty() {
                break;
            }
            if let Some((k, v)) = h.split_once(':') {
                if k.eq_ignore_ascii_case("connection") && v.trim().eq_ignore_ascii_case("close") {
                    keep_alive = false;
                }
                if k.eq_ignore_ascii_case("content-length") {
                    let n: u64 = v.trim().parse().unwrap_or(0);
                    std::io::copy(&mut (&mut reader).take(n), &mut std::io::sink())?;
                }
            }
        }
        let mut parts = request_line.split_whitespace();
        let method = parts.next().unwrap_or("");
        let target = parts.next().unwrap_or("/");
        let path = target.split(['?', '#']).next().unwrap_or("/");
        let (status, body, ctype) = if method != "GET" && method != "HEAD" {
            (
                "405 Method Not Allowed",
                b"method not allowed\n".to_vec(),
                "text/plain; charset=utf-8",
            )
        } else {
            match resolve(site, path).and_then(|p| std::fs::read(&p).ok().map(|b| (b, mime(&p)))) {
                Some((b, m)) => ("200 OK", b, m),
                None => ("404 Not Found", b"not found\n".to_vec(), "text/plain; charset=utf-8"),
            }
        };
        if !site.quiet {
            eprintln!("{method} {target} -> {status}");
        }
        let head = format!(
            "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\n\
             Content-Security-Policy: {CSP}\r\nX-Content-Type-Options: nosniff\r\n\
             Referrer-Policy: no-referrer\r\nCache-Control: no-cache\r\n\
             Connection: {}\r\n\r\n",
            body.len(),
            if keep_alive { "keep-alive" } else { "close" }
        );
        stream.write_all(head.as_bytes())?;
        if method != "HEAD" {
            stream.write_all(&body)?;
        }
        stream.flush()?;
        if !keep_alive {
            return Ok(());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_and_refuses_traversal() {
        assert_eq!(percent_decode("/a%20b"), "/a b");
        let site = Site {
            root: PathBuf::from("/nonexistent"),
            fixtures: None,
            quiet: true,
        };
        assert!(resolve(&site, "/../etc/passwd").is_none());
        assert!(resolve(&site, "/%2e%2e/etc/passwd").is_none());
    }

    #[test]
    fn wasm_mime() {
        assert_eq!(mime(Path::new("x_bg.wasm")), "application/wasm");
        assert_eq!(mime(Path::new("x.js")), "text/javascript; charset=utf-8");
    }
}
