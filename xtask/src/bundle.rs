//! `cargo xtask bundle [--out DIR]`: one folder for a USB stick, and a zip of it (docs/presenting.md,
//! "Offline and USB"): the release app with its data (`app/`, a copy of dist/ with its `.br`/`.gz`), the Linux
//! `ecomap` binary (whose `ecomap serve app` serves it on http://127.0.0.1:8080), `start-linux.sh`, and a
//! README.txt that also says how to serve `app/` on other systems. Written to DIR (default `bundle/`, git-ignored)
//! as `ecomap/` and `ecomap.zip`.

use crate::{install, project_root, serve, Result};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The bundle's instructions (English, then German), as README.txt beside the app.
const README: &str = "\
ecomap on a USB stick
=====================

The app and its data are in app/. A browser cannot run it from the file itself (a page opened
from file:// cannot load WebAssembly): it needs a small web server on this computer. Nothing
here goes to the internet; after the first start the browser also keeps a copy for offline use.

Linux (x86_64)
  Double-click start-linux.sh, or in a terminal in this folder:
      ./ecomap serve app
  then open http://127.0.0.1:8080 in a browser. Another port: ./ecomap serve app --port 9000
  (If the stick does not keep the files executable: copy the folder to the computer first, or
  run  sh start-linux.sh .)

Windows, macOS, other systems
  Any static web server serving the folder app/ works, for example with Python 3:
      cd app
      python3 -m http.server 8080 --bind 127.0.0.1
  (on Windows: py -m http.server 8080 --bind 127.0.0.1), then open http://127.0.0.1:8080 .

Stop the server with Ctrl+C (or close its window).

---

ecomap auf einem USB-Stick
==========================

Die App und ihre Daten liegen in app/. Ein Browser kann sie nicht direkt aus der Datei starten
(eine über file:// geöffnete Seite kann kein WebAssembly laden): Sie braucht einen kleinen
Webserver auf diesem Rechner. Nichts davon geht ins Internet; nach dem ersten Start hält der
Browser außerdem eine Kopie für die Nutzung ohne Netz.

Linux (x86_64)
  start-linux.sh doppelklicken, oder in einem Terminal in diesem Ordner:
      ./ecomap serve app
  und dann http://127.0.0.1:8080 im Browser öffnen. Anderer Port: ./ecomap serve app --port 9000
  (Wenn der Stick die Dateien nicht ausführbar hält: den Ordner erst auf den Rechner kopieren,
  oder  sh start-linux.sh  ausführen.)

Windows, macOS, andere Systeme
  Jeder statische Webserver für den Ordner app/ geht, zum Beispiel mit Python 3:
      cd app
      python3 -m http.server 8080 --bind 127.0.0.1
  (unter Windows: py -m http.server 8080 --bind 127.0.0.1), dann http://127.0.0.1:8080 öffnen.

Den Server beendet Strg+C (oder das Schließen seines Fensters).
";

const START_LINUX: &str = "#!/bin/sh\n\
# Serves the app in app/ on http://127.0.0.1:8080 (README.txt).\n\
cd \"$(dirname \"$0\")\" || exit 1\n\
exec ./ecomap serve app \"$@\"\n";

pub fn run(args: &[String]) -> Result<()> {
    let root = project_root();
    let out = match args {
        [] => root.join("bundle"),
        [flag, dir] if flag == "--out" => PathBuf::from(dir),
        _ => {
            return Err(format!(
                "bundle: unknown arguments {args:?} (cargo xtask bundle [--out DIR])"
            ))
        }
    };
    let tools = install::build_tools(&root)?;
    serve::build_release(&root, &tools)?;
    crate::run(
        Command::new("cargo")
            .args(["build", "--release", "-p", "ecomap-cli"])
            .current_dir(&root),
    )?;
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from);
    let folder = out.join("ecomap");
    assemble(&root.join("dist"), &target.join("release").join("ecomap"), &folder)?;
    let zip = out.join("ecomap.zip");
    let files = zip_dir(&folder, &zip)?;
    println!(
        "ecomap: the USB bundle is {} ({files} files; zipped: {}, {:.1} MB)",
        folder.display(),
        zip.display(),
        std::fs::metadata(&zip).map(|m| m.len()).unwrap_or(0) as f64 / 1e6
    );
    Ok(())
}

fn io(what: &Path) -> impl Fn(std::io::Error) -> String + '_ {
    move |e| format!("{}: {e}", what.display())
}

/// Writes the bundle folder afresh: `app/` (a copy of `dist`), `ecomap` (the `cli` binary), `start-linux.sh`,
/// `README.txt`.
pub fn assemble(dist: &Path, cli: &Path, folder: &Path) -> Result<()> {
    if !dist.join("index.html").is_file() {
        return Err(format!("{} has no index.html (build first)", dist.display()));
    }
    if folder.exists() {
        std::fs::remove_dir_all(folder).map_err(io(folder))?;
    }
    copy_dir(dist, &folder.join("app"))?;
    let bin = folder.join("ecomap");
    std::fs::copy(cli, &bin).map_err(io(cli))?;
    let start = folder.join("start-linux.sh");
    std::fs::write(&start, START_LINUX).map_err(io(&start))?;
    executable(&bin)?;
    executable(&start)?;
    let readme = folder.join("README.txt");
    std::fs::write(&readme, README.replace('\n', "\r\n")).map_err(io(&readme))
}

#[cfg(unix)]
fn executable(p: &Path) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o755)).map_err(io(p))
}

#[cfg(not(unix))]
fn executable(_: &Path) -> Result<()> {
    Ok(())
}

fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to).map_err(io(to))?;
    for entry in std::fs::read_dir(from).map_err(io(from))? {
        let path = entry.map_err(io(from))?.path();
        let dest = to.join(path.file_name().unwrap_or_default());
        if path.is_dir() {
            copy_dir(&path, &dest)?;
        } else {
            std::fs::copy(&path, &dest).map_err(io(&path))?;
        }
    }
    Ok(())
}

/// Every file under `dir` as (path relative to `dir` with `/`, full path), sorted.
fn files_under(dir: &Path, prefix: &str, out: &mut Vec<(String, PathBuf)>) -> Result<()> {
    for entry in std::fs::read_dir(dir).map_err(io(dir))? {
        let path = entry.map_err(io(dir))?.path();
        let name = format!("{prefix}{}", path.file_name().unwrap_or_default().to_string_lossy());
        if path.is_dir() {
            files_under(&path, &format!("{name}/"), out)?;
        } else {
            out.push((name, path));
        }
    }
    out.sort();
    Ok(())
}

#[cfg(unix)]
fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).map_or(0o644, |m| m.permissions().mode() & 0o777)
}

#[cfg(not(unix))]
fn mode(_: &Path) -> u32 {
    0o644
}

/// Zips `folder` into `zip` under the folder's own name (deflate; Unix modes kept, so `ecomap` stays
/// executable after unzipping). Returns the number of files.
pub fn zip_dir(folder: &Path, zip: &Path) -> Result<usize> {
    let base = folder.file_name().unwrap_or_default().to_string_lossy().into_owned();
    let mut files = Vec::new();
    files_under(folder, &format!("{base}/"), &mut files)?;
    let mut out: Vec<u8> = Vec::new();
    let mut central: Vec<u8> = Vec::new();
    for (name, path) in &files {
        let data = std::fs::read(path).map_err(io(path))?;
        let mut crc = flate2::Crc::new();
        crc.update(&data);
        let mut enc = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
        enc.write_all(&data).map_err(io(path))?;
        let packed = enc.finish().map_err(io(path))?;
        let (method, body) = if packed.len() < data.len() {
            (8u16, packed)
        } else {
            (0u16, data.clone())
        };
        let sizes = [crc.sum(), len32(body.len())?, len32(data.len())?];
        let offset = len32(out.len())?;
        // Local file header.
        out.extend(0x0403_4b50u32.to_le_bytes());
        out.extend([20u16, 0x0800, method, 0, 0x21].iter().flat_map(|v| v.to_le_bytes()));
        out.extend(sizes.iter().flat_map(|v| v.to_le_bytes()));
        out.extend([len16(name.len())?, 0].iter().flat_map(|v| v.to_le_bytes()));
        out.extend(name.as_bytes());
        out.extend(&body);
        // Its central directory entry: made by Unix (3) so the mode counts.
        central.extend(0x0201_4b50u32.to_le_bytes());
        central.extend(
            [0x0314u16, 20, 0x0800, method, 0, 0x21]
                .iter()
                .flat_map(|v| v.to_le_bytes()),
        );
        central.extend(sizes.iter().flat_map(|v| v.to_le_bytes()));
        central.extend([len16(name.len())?, 0, 0, 0, 0].iter().flat_map(|v| v.to_le_bytes()));
        central.extend(((0o100_000 | mode(path)) << 16).to_le_bytes());
        central.extend(offset.to_le_bytes());
        central.extend(name.as_bytes());
    }
    let count = len16(files.len())?;
    let (dir_size, dir_offset) = (len32(central.len())?, len32(out.len())?);
    out.extend(&central);
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend([0u16, 0, count, count].iter().flat_map(|v| v.to_le_bytes()));
    out.extend(dir_size.to_le_bytes());
    out.extend(dir_offset.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    if let Some(parent) = zip.parent() {
        std::fs::create_dir_all(parent).map_err(io(parent))?;
    }
    std::fs::write(zip, out).map_err(io(zip))?;
    Ok(files.len())
}

fn len32(n: usize) -> Result<u32> {
    u32::try_from(n).map_err(|_| "the bundle is too large for a zip without Zip64".to_string())
}

fn len16(n: usize) -> Result<u16> {
    u16::try_from(n).map_err(|_| "too many files or too long a name for the zip".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("ecomap-bundle-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let _ = std::fs::create_dir_all(&dir);
        dir
    }

    fn u16_at(b: &[u8], i: usize) -> usize {
        u16::from_le_bytes([b[i], b[i + 1]]) as usize
    }
    fn u32_at(b: &[u8], i: usize) -> usize {
        u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]) as usize
    }

    /// Reads a zip's central directory back: (name, Unix mode, contents).
    fn unzip(bytes: &[u8]) -> Vec<(String, u32, Vec<u8>)> {
        let end = bytes.len() - 22;
        assert_eq!(u32_at(bytes, end), 0x0605_4b50, "end of central directory");
        let (count, mut at) = (u16_at(bytes, end + 10), u32_at(bytes, end + 16));
        let mut out = Vec::new();
        for _ in 0..count {
            assert_eq!(u32_at(bytes, at), 0x0201_4b50);
            let (method, size, raw) = (u16_at(bytes, at + 10), u32_at(bytes, at + 20), u32_at(bytes, at + 24));
            let name_len = u16_at(bytes, at + 28);
            let mode = (u32_at(bytes, at + 38) >> 16) as u32 & 0o777;
            let local = u32_at(bytes, at + 42);
            let name = String::from_utf8_lossy(&bytes[at + 46..at + 46 + name_len]).into_owned();
            let start = local + 30 + u16_at(bytes, local + 26) + u16_at(bytes, local + 28);
            let body = &bytes[start..start + size];
            let data = if method == 8 {
                let mut d = Vec::new();
                flate2::read::DeflateDecoder::new(body)
                    .read_to_end(&mut d)
                    .unwrap_or_default();
                d
            } else {
                body.to_vec()
            };
            assert_eq!(data.len(), raw, "{name}");
            let mut crc = flate2::Crc::new();
            crc.update(&data);
            assert_eq!(crc.sum() as usize, u32_at(bytes, at + 16), "crc of {name}");
            out.push((name, mode, data));
            at += 46 + name_len + u16_at(bytes, at + 30) + u16_at(bytes, at + 32);
        }
        out
    }

    #[test]
    fn assembles_the_folder_zips_it_and_serves_its_app() -> Result<()> {
        let dir = temp_dir("assemble");
        let dist = dir.join("dist");
        std::fs::create_dir_all(dist.join("data")).map_err(|e| e.to_string())?;
        let json = "{\"actors\": []}".repeat(100);
        for (name, text) in [("index.html", "<!DOCTYPE html>"), ("data/demo.json", json.as_str())] {
            std::fs::write(dist.join(name), text).map_err(|e| e.to_string())?;
        }
        let cli = dir.join("ecomap-cli");
        std::fs::write(&cli, "#!/bin/sh\n").map_err(|e| e.to_string())?;
        let folder = dir.join("out").join("ecomap");
        assemble(&dist, &cli, &folder)?;
        // Again over the first one: a fresh folder, nothing left of before.
        std::fs::write(folder.join("stale.txt"), "x").map_err(|e| e.to_string())?;
        assemble(&dist, &cli, &folder)?;
        let zip = dir.join("out").join("ecomap.zip");
        assert_eq!(zip_dir(&folder, &zip)?, 5);
        let bytes = std::fs::read(&zip).map_err(|e| e.to_string())?;
        let entries = unzip(&bytes);
        let names: Vec<&str> = entries.iter().map(|e| e.0.as_str()).collect();
        assert_eq!(
            names,
            [
                "ecomap/README.txt",
                "ecomap/app/data/demo.json",
                "ecomap/app/index.html",
                "ecomap/ecomap",
                "ecomap/start-linux.sh",
            ]
        );
        let get = |n: &str| entries.iter().find(|e| e.0 == n).cloned().unwrap_or_default();
        assert_eq!(get("ecomap/app/data/demo.json").2, json.as_bytes(), "deflated and back");
        if cfg!(unix) {
            assert_eq!(get("ecomap/ecomap").1, 0o755, "the binary stays executable");
            assert_eq!(get("ecomap/start-linux.sh").1, 0o755);
        }
        // The folder's app/ is what `ecomap serve app` serves (the same server).
        let srv = crate::server::start(&folder.join("app"), None, 0, true)?;
        let mut conn = std::net::TcpStream::connect(srv.addr).map_err(|e| e.to_string())?;
        conn.write_all(b"GET /data/demo.json HTTP/1.1\r\nConnection: close\r\n\r\n")
            .map_err(|e| e.to_string())?;
        let mut answer = String::new();
        conn.read_to_string(&mut answer).map_err(|e| e.to_string())?;
        assert!(answer.starts_with("HTTP/1.1 200 OK\r\n"), "{answer}");
        assert!(
            answer.contains("Content-Type: application/json\r\n") && answer.ends_with(&json),
            "{answer}"
        );
        let readme = String::from_utf8_lossy(&get("ecomap/README.txt").2).into_owned();
        assert!(
            readme.contains("file://") && readme.contains("python3 -m http.server"),
            "{readme}"
        );
        assert!(readme.contains("\r\n"), "Windows line ends (Notepad)");
        let _ = std::fs::remove_dir_all(&dir);
        Ok(())
    }
}
