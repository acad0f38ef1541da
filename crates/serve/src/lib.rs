//! A small static file server for a built app (dist/ or a USB bundle), bound to 127.0.0.1: it serves the app
//! the way a partner would host it (correct MIME types, application/wasm, the Content-Security-Policy and the
//! cache headers from docs/hosting.md, the `.br`/`.gz` files precompressed at build time when the request
//! accepts them; it never compresses on the fly). `cargo xtask serve`, the end-to-end tests, the bench and
//! `ecomap serve DIR` (the USB bundle, docs/presenting.md) all use it.

mod encoding;

use ecomap_core::config::{self, Config};
pub use encoding::{accepted, choose, compressible, Encoding, EXTENSIONS};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// Errors are plain messages (a developer tool and a command line: the message is what matters).
pub type Result<T> = std::result::Result<T, String>;

/// The Content-Security-Policy the app runs under (docs/hosting.md): fixed directives, plus `img-src`,
/// `connect-src` and `frame-ancestors` from the origins configuration (dist/config.json, `ecomap_core::config`).
pub fn csp(config: &Config) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
         {}; font-src 'self' data:; {}; worker-src 'self' blob:; manifest-src 'self'; \
         object-src 'none'; base-uri 'self'; form-action 'self'; {}",
        config.img_src(),
        config.connect_src(),
        config.frame_ancestors()
    )
}

/// The policy of the test server's partner pages (`/fixtures/embed/*.html`, end2end/tests/embed-host.test.mjs):
/// a strict host page on another site that allows scripts and frames from the app on 127.0.0.1 only.
const HOST_PAGE_CSP: &str = "default-src 'self'; script-src 'self' http://127.0.0.1:*; \
frame-src http://127.0.0.1:*; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'";

/// The origins configuration of a built dist/ (its `config.json`; the defaults when there is none).
pub fn read_config(root: &Path) -> Result<Config> {
    let path = root.join(config::FILE);
    match std::fs::read_to_string(&path) {
        Ok(text) => Config::parse(&text).map_err(|e| format!("{}: {e}", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}

/// `Cache-Control` of content-hashed names (Trunk's `filehash`: the app's js, wasm and css): a year, never
/// revalidated; a new build has new names.
pub const CACHE_IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// `Cache-Control` of everything else (index.html, loader.js, layout-worker.js, data files, the link preview
/// image): the browser may keep it but asks each time.
pub const CACHE_REVALIDATE: &str = "no-cache";

/// In test mode, the app is also served under this path prefix.
const TEST_PREFIX: &str = "some/prefix/";

struct Site {
    root: PathBuf,
    /// Served under /fixtures/ (test mode only); in test mode the app is also served under
    /// /some/prefix/ (as a partner hosting it below a path would).
    fixtures: Option<PathBuf>,
    quiet: bool,
    /// The app's policy, from dist/config.json.
    csp: String,
}

pub struct Server {
    pub addr: SocketAddr,
}

impl Server {
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

/// Binds 127.0.0.1:`port` (0 = a free port) and serves `root` from a background thread, with the policy of
/// `root`'s config.json (an invalid one is an error).
pub fn start(root: &Path, fixtures: Option<&Path>, port: u16, quiet: bool) -> Result<Server> {
    if !root.join("index.html").is_file() {
        return Err(format!("{} has no index.html (build first)", root.display()));
    }
    let csp = csp(&read_config(root)?);
    let listener = TcpListener::bind(("127.0.0.1", port)).map_err(|e| format!("cannot bind 127.0.0.1:{port}: {e}"))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    let site = Arc::new(Site {
        root: root.to_path_buf(),
        fixtures: fixtures.map(Path::to_path_buf),
        quiet,
        csp,
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

/// Whether a file name is content-hashed by Trunk: `NAME-<hex>.js|.css` or `NAME-<hex>_bg.wasm`. Trunk writes the
/// 64-bit hash without leading zeros, so one build in sixteen has 15 digits, fewer more rarely: 8 to 16.
fn hashed(name: &str) -> bool {
    let Some((stem, ext)) = name.rsplit_once('.') else {
        return false;
    };
    if !matches!(ext, "js" | "wasm" | "css") {
        return false;
    }
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-')
        .is_some_and(|(_, h)| (8..=16).contains(&h.len()) && h.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// `Cache-Control` for a served file (docs/hosting.md).
pub fn cache_control(file: &Path) -> &'static str {
    match file.file_name().and_then(|n| n.to_str()) {
        Some(name) if hashed(name) => CACHE_IMMUTABLE,
        _ => CACHE_REVALIDATE,
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

/// What the server answers to one request.
struct Reply {
    status: &'static str,
    content_type: &'static str,
    body: Vec<u8>,
    encoding: Option<Encoding>,
    cache: &'static str,
    /// Whether the answer depends on `Accept-Encoding` (a compressible type).
    vary: bool,
    /// A partner page of the tests (`/fixtures/embed/*.html`): sent with [`HOST_PAGE_CSP`].
    host_page: bool,
}

impl Reply {
    fn text(status: &'static str, text: &str) -> Reply {
        Reply {
            status,
            content_type: "text/plain; charset=utf-8",
            body: text.as_bytes().to_vec(),
            encoding: None,
            cache: CACHE_REVALIDATE,
            vary: false,
            host_page: false,
        }
    }
}

fn reply(site: &Site, method: &str, path: &str, accept: Option<&str>) -> Reply {
    if method != "GET" && method != "HEAD" {
        return Reply::text("405 Method Not Allowed", "method not allowed\n");
    }
    let Some(file) = resolve(site, path) else {
        return Reply::text("404 Not Found", "not found\n");
    };
    let (sent, encoding) = choose(&file, accept);
    match std::fs::read(&sent) {
        Ok(body) => Reply {
            status: "200 OK",
            content_type: mime(&file),
            body,
            encoding,
            cache: cache_control(&file),
            vary: compressible(&file),
            host_page: site
                .fixtures
                .as_ref()
                .is_some_and(|f| file.starts_with(f.join("embed")))
                && mime(&file).starts_with("text/html"),
        },
        Err(_) => Reply::text("404 Not Found", "not found\n"),
    }
}

/// Reads one request's headers; returns (keep-alive, Accept-Encoding), or None at the end of the stream.
fn read_headers(reader: &mut BufReader<TcpStream>) -> std::io::Result<Option<(bool, Option<String>)>> {
    let mut keep_alive = true;
    let mut accept = None;
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h)? == 0 {
            return Ok(None);
        }
        let h = h.trim_end();
        if h.is_empty() {
            return Ok(Some((keep_alive, accept)));
        }
        if let Some((k, v)) = h.split_once(':') {
            if k.eq_ignore_ascii_case("connection") && v.trim().eq_ignore_ascii_case("close") {
                keep_alive = false;
            }
            if k.eq_ignore_ascii_case("accept-encoding") {
                accept = Some(v.trim().to_string());
            }
            if k.eq_ignore_ascii_case("content-length") {
                let n: u64 = v.trim().parse().unwrap_or(0);
                std::io::copy(&mut reader.take(n), &mut std::io::sink())?;
            }
        }
    }
}

fn handle(site: &Site, mut stream: TcpStream) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    loop {
        let mut request_line = String::new();
        if reader.read_line(&mut request_line)? == 0 {
            return Ok(());
        }
        let Some((keep_alive, accept)) = read_headers(&mut reader)? else {
            return Ok(());
        };
        let mut parts = request_line.split_whitespace();
        let method = parts.next().unwrap_or("");
        let target = parts.next().unwrap_or("/");
        let path = target.split(['?', '#']).next().unwrap_or("/");
        let r = reply(site, method, path, accept.as_deref());
        let encoding = r.encoding.map(Encoding::token);
        if !site.quiet {
            eprintln!("{method} {target} -> {} {}", r.status, encoding.unwrap_or("identity"));
        }
        let mut head = format!(
            "HTTP/1.1 {}\r\nContent-Type: {}\r\nContent-Length: {}\r\n",
            r.status,
            r.content_type,
            r.body.len()
        );
        if let Some(e) = encoding {
            head += &format!("Content-Encoding: {e}\r\n");
        }
        if r.vary {
            head += "Vary: Accept-Encoding\r\n";
        }
        let csp = if r.host_page { HOST_PAGE_CSP } else { &site.csp };
        head += &format!(
            "Cache-Control: {}\r\nContent-Security-Policy: {csp}\r\nX-Content-Type-Options: nosniff\r\n\
             Referrer-Policy: no-referrer\r\nConnection: {}\r\n\r\n",
            r.cache,
            if keep_alive { "keep-alive" } else { "close" }
        );
        stream.write_all(head.as_bytes())?;
        if method != "HEAD" {
            stream.write_all(&r.body)?;
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
            csp: String::new(),
        };
        assert!(resolve(&site, "/../etc/passwd").is_none());
        assert!(resolve(&site, "/%2e%2e/etc/passwd").is_none());
    }

    #[test]
    fn the_policy_comes_from_the_origins_configuration() -> Result<()> {
        assert_eq!(
            csp(&Config::default()),
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
             img-src 'self' data: blob: https://tile.openstreetmap.org; font-src 'self' data:; connect-src * data: blob:; \
             worker-src 'self' blob:; manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors *",
            "the default: any host may frame the app (docs/hosting.md)"
        );
        let dir = temp_dir("config");
        assert_eq!(read_config(&dir)?, Config::default(), "no config.json: the defaults");
        let narrow = r#"{"embedOrigins": ["https://a.example", "https://b.example"], "dataOrigins": ["'self'"]}"#;
        std::fs::write(dir.join("config.json"), narrow).map_err(|e| e.to_string())?;
        let policy = csp(&read_config(&dir)?);
        assert!(
            policy.ends_with("; frame-ancestors https://a.example https://b.example"),
            "{policy}"
        );
        assert!(policy.contains("; connect-src 'self' data: blob:;"), "{policy}");
        std::fs::write(dir.join("config.json"), r#"{"embedOrigins": ["a.example"]}"#).map_err(|e| e.to_string())?;
        let e = read_config(&dir).map(|_| ()).expect_err("an error");
        assert!(e.contains("config.json: embedOrigins[0]: "), "{e}");
        let _ = std::fs::remove_dir_all(&dir);
        Ok(())
    }

    #[test]
    fn wasm_mime() {
        assert_eq!(mime(Path::new("x_bg.wasm")), "application/wasm");
        assert_eq!(mime(Path::new("x.js")), "text/javascript; charset=utf-8");
    }

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("ecomap-server-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let _ = std::fs::create_dir_all(&dir);
        dir
    }

    #[test]
    fn reads_accept_encoding() {
        use Encoding::{Brotli, Gzip};
        assert_eq!(accepted(Some("br, gzip")), [Brotli, Gzip]);
        assert_eq!(
            accepted(Some("gzip, deflate, br, zstd")),
            [Brotli, Gzip],
            "br first among equals"
        );
        assert_eq!(accepted(Some("gzip, deflate")), [Gzip]);
        assert_eq!(accepted(Some("GZIP")), [Gzip]);
        assert_eq!(accepted(Some("x-gzip")), [Gzip]);
        assert_eq!(accepted(Some("gzip;q=1.0, br;q=0.5")), [Gzip, Brotli], "q values rank");
        assert_eq!(accepted(Some("br;q=0, gzip")), [Gzip], "q=0 refuses");
        assert_eq!(accepted(Some("*")), [Brotli, Gzip]);
        assert_eq!(accepted(Some("*;q=0.1, br;q=0")), [Gzip]);
        assert_eq!(accepted(Some("identity")), []);
        assert_eq!(accepted(Some("")), []);
        assert_eq!(accepted(None), []);
        assert_eq!(accepted(Some("br;q=oops")), [], "an unreadable q refuses");
    }

    #[test]
    fn chooses_a_fresh_precompressed_variant() -> Result<()> {
        let dir = temp_dir("choose");
        let write = |name: &str| std::fs::write(dir.join(name), name).map_err(|e| e.to_string());
        for name in [
            "app_bg.wasm",
            "app_bg.wasm.br",
            "app_bg.wasm.gz",
            "data.json",
            "data.json.gz",
            "x.png",
            "x.png.br",
        ] {
            write(name)?;
        }
        let wasm = dir.join("app_bg.wasm");
        let pick = |file: &Path, accept: Option<&str>| {
            let (path, enc) = choose(file, accept);
            (path.file_name().map(|n| n.to_string_lossy().into_owned()), enc)
        };
        let name = |s: &str| Some(s.to_string());
        assert_eq!(
            pick(&wasm, Some("br, gzip")),
            (name("app_bg.wasm.br"), Some(Encoding::Brotli))
        );
        assert_eq!(
            pick(&wasm, Some("gzip")),
            (name("app_bg.wasm.gz"), Some(Encoding::Gzip))
        );
        assert_eq!(pick(&wasm, Some("deflate")), (name("app_bg.wasm"), None));
        assert_eq!(pick(&wasm, None), (name("app_bg.wasm"), None));
        let json = dir.join("data.json");
        assert_eq!(
            pick(&json, Some("br, gzip")),
            (name("data.json.gz"), Some(Encoding::Gzip)),
            "the next accepted variant when the best is missing"
        );
        assert_eq!(
            pick(&dir.join("x.png"), Some("br")),
            (name("x.png"), None),
            "images are sent as they are"
        );
        // A variant older than its file (the file was rewritten after the build) is never sent.
        let old = std::time::SystemTime::now() - Duration::from_secs(3600);
        let br = std::fs::File::options()
            .write(true)
            .open(dir.join("app_bg.wasm.br"))
            .map_err(|e| e.to_string())?;
        br.set_modified(old).map_err(|e| e.to_string())?;
        assert_eq!(
            pick(&wasm, Some("br, gzip")),
            (name("app_bg.wasm.gz"), Some(Encoding::Gzip))
        );
        let _ = std::fs::remove_dir_all(&dir);
        Ok(())
    }

    #[test]
    fn cache_headers() {
        for f in [
            "ecomap-8508415471dc059b_bg.wasm",
            "ecomap-8508415471dc059b.js",
            // A hash with a leading zero is written with 15 digits.
            "ecomap-ce92dfd905de782_bg.wasm",
            "main-f37ae1f02b5f59c8.css",
            // Trunk drops the hash's leading zeros (seen: a 15-digit name).
            "ecomap-eb886e209843a76_bg.wasm",
        ] {
            assert_eq!(cache_control(Path::new(f)), CACHE_IMMUTABLE, "{f}");
        }
        for f in [
            "index.html",
            "loader.js",
            "layout-worker.js",
            "data/demo.json",
            "data/basemap.geojson",
            "og-image.png",
            "some-name.js",
            "main-f37ae1f02b5f59cX.css",
            "main-f37ae1f.css",
        ] {
            assert_eq!(cache_control(Path::new(f)), CACHE_REVALIDATE, "{f}");
        }
    }

    #[test]
    fn serves_the_variant_with_its_headers() -> Result<()> {
        let dir = temp_dir("reply");
        std::fs::write(dir.join("index.html"), "<!DOCTYPE html>").map_err(|e| e.to_string())?;
        std::fs::write(dir.join("app-0123456789abcdef_bg.wasm"), vec![0u8; 4096]).map_err(|e| e.to_string())?;
        // A gzip variant as `cargo xtask build` writes it (here only its magic bytes: the server never reads it).
        let gz = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 255];
        std::fs::write(dir.join("app-0123456789abcdef_bg.wasm.gz"), gz).map_err(|e| e.to_string())?;
        let site = Site {
            root: dir.clone(),
            fixtures: None,
            quiet: true,
            csp: String::new(),
        };
        let r = reply(&site, "GET", "/app-0123456789abcdef_bg.wasm", Some("gzip"));
        assert_eq!((r.status, r.content_type), ("200 OK", "application/wasm"));
        assert_eq!(r.encoding, Some(Encoding::Gzip));
        assert!(
            r.body.len() < 4096 && r.body.starts_with(&[0x1f, 0x8b]),
            "the gzip file is sent"
        );
        assert_eq!(r.cache, CACHE_IMMUTABLE);
        assert!(r.vary);
        let r = reply(&site, "GET", "/", None);
        assert_eq!((r.encoding, r.cache, r.body.len()), (None, CACHE_REVALIDATE, 15));
        assert!(
            r.vary,
            "a compressible type varies by Accept-Encoding even when sent as it is"
        );
        assert_eq!(reply(&site, "POST", "/", None).status, "405 Method Not Allowed");
        assert!(!reply(&site, "GET", "/nothing.json", Some("br")).vary);
        let _ = std::fs::remove_dir_all(&dir);
        Ok(())
    }
}
