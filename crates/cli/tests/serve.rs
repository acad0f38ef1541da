//! `ecomap serve DIR`: the built binary serves a folder on 127.0.0.1 with the app's MIME types and policy
//! (the USB bundle's server, docs/presenting.md), and says clearly when it cannot.
#![allow(clippy::unwrap_used)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ecomap-serve-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("data")).unwrap();
    dir
}

/// Kills the server when the test ends, however it ends.
struct Running(Child);
impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// One GET with `Connection: close`: (status line, headers lower-cased, body).
fn get(addr: &str, path: &str, accept: &str) -> (String, String, Vec<u8>) {
    let mut s = TcpStream::connect(addr).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nAccept-Encoding: {accept}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let (status, headers) = head.split_once("\r\n").unwrap();
    (
        status.to_string(),
        headers.to_ascii_lowercase(),
        raw[split + 4..].to_vec(),
    )
}

#[test]
fn serves_a_folder_on_loopback_with_the_apps_types_and_policy() {
    let dir = temp_dir("site");
    std::fs::write(dir.join("index.html"), "<!DOCTYPE html><title>bundle</title>").unwrap();
    std::fs::write(dir.join("app-0123456789abcdef_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    std::fs::write(dir.join("data").join("demo.json"), "{}").unwrap();
    std::fs::write(
        dir.join("config.json"),
        r#"{"embedOrigins": ["https://partner.example"]}"#,
    )
    .unwrap();
    let child = Command::new(env!("CARGO_BIN_EXE_ecomap"))
        .args(["serve"])
        .arg(&dir)
        .args(["--port", "0"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut server = Running(child);
    let mut line = String::new();
    // Kept open until the end: the server's stdout is never closed under it.
    let mut stdout = BufReader::new(server.0.stdout.take().unwrap());
    stdout.read_line(&mut line).unwrap();
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://127.0.0.1:"))
        .unwrap_or_else(|| panic!("{line}"));
    let addr = url.trim_start_matches("http://").trim_end_matches('/');

    let (status, headers, body) = get(addr, "/", "identity");
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert!(headers.contains("content-type: text/html; charset=utf-8"), "{headers}");
    assert!(
        headers.contains("frame-ancestors https://partner.example"),
        "the policy from config.json: {headers}"
    );
    assert!(
        headers.contains("worker-src 'self'") && headers.contains("manifest-src 'self'"),
        "{headers}"
    );
    assert_eq!(body, b"<!DOCTYPE html><title>bundle</title>");
    let (_, headers, body) = get(addr, "/app-0123456789abcdef_bg.wasm", "identity");
    assert!(headers.contains("content-type: application/wasm"), "{headers}");
    assert_eq!(body, b"\0asm\x01\0\0\0");
    let (_, headers, _) = get(addr, "/data/demo.json?v=1", "br");
    assert!(headers.contains("content-type: application/json"), "{headers}");
    assert_eq!(get(addr, "/../secret", "identity").0, "HTTP/1.1 404 Not Found");
    assert_eq!(get(addr, "/nope.js", "identity").0, "HTTP/1.1 404 Not Found");
    assert_eq!(server.0.try_wait().unwrap(), None, "the server still runs");
    drop(server);
    drop(stdout);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn refuses_a_folder_without_the_app() {
    let dir = temp_dir("empty");
    let out = Command::new(env!("CARGO_BIN_EXE_ecomap"))
        .args(["serve"])
        .arg(&dir)
        .args(["--port", "0"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("has no index.html"), "{err}");
    let out = Command::new(env!("CARGO_BIN_EXE_ecomap"))
        .args(["serve"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("which folder?"));
    let _ = std::fs::remove_dir_all(&dir);
}
