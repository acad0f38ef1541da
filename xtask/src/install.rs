//! Tool installs, idempotent: each tool's version is checked and it is (re)installed only when
//! missing or different. Everything installs from the package registries by name.

use crate::{output, run, Result};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, SystemTime};

pub const TRUNK_VERSION: &str = "0.21.14";
pub const BINARYEN_VERSION: &str = "132.0.0";
pub const WASM_OPT_VERSION: &str = "version_132";
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// cargo-deny, for the licences, bans and sources check of `cargo xtask test` (deny.toml).
pub const CARGO_DENY_VERSION: &str = "0.20.2";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// poppler-utils' pdftotext (with pdfimages, pdfinfo and pdftoppm): end2end/tests/print.test.mjs.
pub const PDFTOTEXT: &str = "/usr/bin/pdftotext";

/// What the build tools need from the environment once installed.
pub struct Tools {
    /// PATH with the tools dir (`.tools/node_modules/.bin`, for wasm-opt) and cargo's bin first.
    pub path: OsString,
}

impl Tools {
    /// Applies the environment trunk and the wasm test runner need to a command.
    pub fn env<'a>(&self, cmd: &'a mut Command) -> &'a mut Command {
        cmd.env("PATH", &self.path)
            .env("TRUNK_SKIP_VERSION_CHECK", "true")
            .env("TRUNK_OFFLINE", "true")
            .env("CHROMEDRIVER", CHROMEDRIVER)
    }
}

fn cargo_bin() -> PathBuf {
    if let Some(home) = std::env::var_os("CARGO_HOME") {
        return PathBuf::from(home).join("bin");
    }
    let home = std::env::var_os("HOME").unwrap_or_default();
    PathBuf::from(home).join(".cargo").join("bin")
}

/// The wasm-bindgen version in Cargo.lock (the CLI must match it exactly).
pub fn wasm_bindgen_version(root: &Path) -> Result<String> {
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).map_err(|e| format!("reading Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines.next().and_then(|l| l.trim().strip_prefix("version = \"")) {
                return Ok(v.trim_end_matches('"').to_string());
            }
        }
    }
    Err("no wasm-bindgen package in Cargo.lock".into())
}

/// Installs (when missing) everything needed to build the release app: the wasm target, trunk,
/// wasm-bindgen-cli (= Cargo.lock's version), binaryen's wasm-opt from npm; then `cargo fetch`.
pub fn build_tools(root: &Path) -> Result<Tools> {
    let tools_bin = root.join(".tools").join("node_modules").join(".bin");
    let mut paths = vec![tools_bin.clone(), cargo_bin()];
    if let Some(p) = std::env::var_os("PATH") {
        paths.extend(std::env::split_paths(&p));
    }
    let path = std::env::join_paths(paths).map_err(|e| format!("PATH: {e}"))?;
    let tools = Tools { path };
    let with_path = |program: &str| {
        let mut c = Command::new(program);
        c.env("PATH", &tools.path);
        c
    };

    // 1. wasm target
    let installed = output(Command::new("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if !installed.lines().any(|l| l.trim() == WASM_TARGET) {
        run(Command::new("rustup").args(["target", "add", WASM_TARGET]))?;
    }

    // 2. trunk
    let v = output(with_path("trunk").arg("--version")).unwrap_or_default();
    if !v.split_whitespace().any(|w| w == TRUNK_VERSION) {
        eprintln!("xtask: installing trunk {TRUNK_VERSION} (about 6 min) ...");
        run(Command::new("cargo").args(["install", "--locked", &format!("trunk@{TRUNK_VERSION}")]))?;
    }

    // 2b. cargo-deny (deny.toml: licences, bans, sources)
    let v = output(with_path("cargo-deny").arg("--version")).unwrap_or_default();
    if !v.split_whitespace().any(|w| w == CARGO_DENY_VERSION) {
        eprintln!("xtask: installing cargo-deny {CARGO_DENY_VERSION} (about 8 min) ...");
        run(Command::new("cargo").args(["install", "--locked", &format!("cargo-deny@{CARGO_DENY_VERSION}")]))?;
    }

    // 3. wasm-bindgen-cli, exactly the version in Cargo.lock. Not --locked: its lockfile asks for a
    //    webpki-roots version the registry does not serve.
    let wb = wasm_bindgen_version(root)?;
    let trunk_toml = std::fs::read_to_string(root.join("Trunk.toml")).unwrap_or_default();
    if !trunk_toml.contains(&format!("wasm_bindgen = \"{wb}\"")) {
        return Err(format!(
            "Trunk.toml [tools] wasm_bindgen must equal Cargo.lock's wasm-bindgen {wb}"
        ));
    }
    let v1 = output(with_path("wasm-bindgen").arg("--version")).unwrap_or_default();
    let v2 = output(with_path("wasm-bindgen-test-runner").arg("--version")).unwrap_or_default();
    let has = |v: &str| v.split_whitespace().any(|w| w == wb);
    if !has(&v1) || !has(&v2) {
        eprintln!("xtask: installing wasm-bindgen-cli {wb} (about 2 min) ...");
        run(Command::new("cargo").args(["install", "wasm-bindgen-cli", "--version", &wb]))?;
    }

    // 4. wasm-opt from binaryen on npm (Debian's binaryen 108 builds a wasm that dies at start-up).
    let v = output(with_path("wasm-opt").arg("--version")).unwrap_or_default();
    if !v.contains(WASM_OPT_VERSION) {
        let dir = root.join(".tools");
        std::fs::create_dir_all(&dir).map_err(|e| format!("creating .tools: {e}"))?;
        run(Command::new("npm")
            .args(["install", "--no-audit", "--no-fund", "--prefix"])
            .arg(&dir)
            .arg(format!("binaryen@{BINARYEN_VERSION}")))?;
        let v = output(with_path("wasm-opt").arg("--version")).unwrap_or_default();
        if !v.contains(WASM_OPT_VERSION) {
            return Err(format!(
                "wasm-opt on PATH reports `{}`, want {WASM_OPT_VERSION}",
                v.trim()
            ));
        }
    }

    // 5. crates, so that trunk's offline cargo build finds them.
    run(Command::new("cargo").arg("fetch").current_dir(root))?;
    Ok(tools)
}

/// Debian's chromium and chromedriver (for the wasm tests and the end-to-end tests), and poppler-utils (the
/// printed report's test reads the PDF Chromium prints with pdftotext, pdfimages and pdftoppm).
pub fn chromium() -> Result<()> {
    if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() && Path::new(PDFTOTEXT).exists() {
        return Ok(());
    }
    eprintln!("xtask: installing chromium, chromium-driver and poppler-utils with apt-get ...");
    // Wait for another apt/dpkg run to finish instead of failing on its lock.
    let lock = "DPkg::Lock::Timeout=600";
    run(Command::new("apt-get").args(["-o", lock, "update"]))?;
    run(Command::new("apt-get")
        .args([
            "-o",
            lock,
            "install",
            "-y",
            "chromium",
            "chromium-driver",
            "poppler-utils",
        ])
        .env("DEBIAN_FRONTEND", "noninteractive"))
}

fn mtime(p: &Path) -> Option<SystemTime> {
    std::fs::metadata(p).and_then(|m| m.modified()).ok()
}

/// `npm ci` in `dir` unless node_modules is already at least as new as the lockfile.
pub fn npm_ci(dir: &Path) -> Result<()> {
    let lock = dir.join("package-lock.json");
    let installed = dir.join("node_modules").join(".package-lock.json");
    if let (Some(l), Some(i)) = (mtime(&lock), mtime(&installed)) {
        if i + Duration::from_secs(1) >= l {
            return Ok(());
        }
    }
    run(Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(dir))
}
