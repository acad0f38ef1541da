//! `cargo xtask test`: every check and test, in order, continuing after a failure (with a 30 s fuzz smoke).
//! Closes with one line `N passed, N failed` and exits non-zero on any failure.

use crate::install::{self, Tools};
use crate::{project_root, run_tee, serve, server, size, tidy, Result};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

struct Step {
    name: &'static str,
    passed: usize,
    failed: usize,
    secs: f64,
    note: String,
}

#[derive(Default)]
struct Report {
    steps: Vec<Step>,
}

impl Report {
    fn record(&mut self, name: &'static str, started: Instant, passed: usize, failed: usize, note: String) {
        let secs = started.elapsed().as_secs_f64();
        let status = if failed == 0 { "ok" } else { "FAILED" };
        println!("==> {name}: {status} ({passed} passed, {failed} failed, {secs:.1} s) {note}");
        self.steps.push(Step {
            name,
            passed,
            failed,
            secs,
            note,
        });
    }

    /// A check that counts as one test.
    fn check(&mut self, name: &'static str, started: Instant, result: Result<String>) {
        match result {
            Ok(note) => self.record(name, started, 1, 0, note),
            Err(e) => self.record(name, started, 0, 1, e),
        }
    }
}

/// Sums `test result: ... N passed; M failed` lines (cargo test and wasm-bindgen-test-runner).
pub fn count_cargo_tests(out: &str) -> (usize, usize) {
    let (mut p, mut f) = (0, 0);
    for line in out.lines() {
        let Some(rest) = line.trim().strip_prefix("test result: ") else {
            continue;
        };
        for part in rest.split([';', '.']) {
            let mut w = part.split_whitespace();
            if let (Some(n), Some(kind)) = (w.next().and_then(|n| n.parse::<usize>().ok()), w.next()) {
                match kind {
                    "passed" => p += n,
                    "failed" => f += n,
                    _ => {}
                }
            }
        }
    }
    (p, f)
}

/// `# pass N` / `# fail N` of a TAP report (node's test runner).
pub fn count_tap(tap: &str) -> (usize, usize) {
    let get = |key: &str| {
        tap.lines()
            .filter_map(|l| l.trim().strip_prefix(key))
            .filter_map(|n| n.trim().parse::<usize>().ok())
            .sum::<usize>()
    };
    (get("# pass "), get("# fail ") + get("# cancelled "))
}

/// Runs a cargo test command and records its counts; a failure with no failing test counted
/// (e.g. a compile error) counts as one failed test.
fn cargo_tests(report: &mut Report, name: &'static str, cmd: &mut Command) {
    let t = Instant::now();
    let (ok, out) = run_tee(cmd);
    let (p, mut f) = count_cargo_tests(&out);
    let note = if ok {
        String::new()
    } else {
        "command failed".to_string()
    };
    if !ok && f == 0 {
        f = 1;
    }
    report.record(name, t, p, f, note);
}

fn cargo(root: &Path) -> Command {
    let mut c = Command::new("cargo");
    c.current_dir(root);
    c
}

fn check_cmd(cmd: &mut Command) -> Result<String> {
    crate::run(cmd).map(|()| String::new())
}

/// The end-to-end tests: dist/ served on a free 127.0.0.1 port (fixtures under /fixtures/),
/// `node --test` on end2end/tests/*.test.mjs with ECOMAP_URL; counts from a TAP report.
fn e2e(report: &mut Report, root: &Path, build_ok: bool) {
    e2e_files(report, root, build_ok, &[]);
}

/// `cargo xtask e2e [NAME...]`: only the end-to-end step, against the dist/ already built (`cargo xtask build`),
/// with the test files whose names contain one of the NAMEs (all without). For a quick loop; `cargo xtask test`
/// stays the whole suite.
pub fn e2e_only(names: &[String]) -> Result<()> {
    let root = project_root();
    let mut report = Report::default();
    let built = root.join("dist").join("index.html").exists();
    e2e_files(&mut report, &root, built, names);
    report.finish(Instant::now())
}

fn e2e_files(report: &mut Report, root: &Path, build_ok: bool, names: &[String]) {
    let t = Instant::now();
    let e2e_dir = root.join("end2end");
    if !build_ok {
        return report.record("end-to-end tests", t, 0, 1, "no release build".into());
    }
    if let Err(e) = install::npm_ci(&e2e_dir) {
        return report.record("end-to-end tests", t, 0, 1, e);
    }
    // The journey test's larger export (git-ignored: *.generated.json), generated once per run.
    let gen = cargo(root)
        .args([
            "run",
            "--quiet",
            "-p",
            "ecomap-cli",
            "--",
            "generate",
            "--actors",
            "10000",
            "--seed",
            "1",
        ])
        .arg("--out")
        .arg(e2e_dir.join("fixtures").join("gen-10000.generated.json"))
        .status();
    if !gen.is_ok_and(|s| s.success()) {
        return report.record(
            "end-to-end tests",
            t,
            0,
            1,
            "`ecomap generate --actors 10000` failed".into(),
        );
    }
    let srv = match server::start(&root.join("dist"), Some(&e2e_dir.join("fixtures")), 0, true) {
        Ok(s) => s,
        Err(e) => return report.record("end-to-end tests", t, 0, 1, format!("server did not start: {e}")),
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(e2e_dir.join("tests"))
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.to_string_lossy().ends_with(".test.mjs"));
    let wanted = |p: &PathBuf| {
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        names.is_empty() || names.iter().any(|n| name.contains(n.as_str()))
    };
    files.retain(wanted);
    files.sort();
    if files.is_empty() {
        return report.record("end-to-end tests", t, 0, 1, "no end2end/tests/*.test.mjs".into());
    }
    let tap = root.join("target").join("xtask").join("e2e.tap");
    let _ = std::fs::create_dir_all(tap.parent().unwrap_or(root));
    let _ = std::fs::remove_file(&tap);
    let mut cmd = Command::new("node");
    cmd.current_dir(&e2e_dir)
        .args(["--test", "--test-reporter=spec", "--test-reporter-destination=stdout"])
        .arg("--test-reporter=tap")
        .arg(format!("--test-reporter-destination={}", tap.display()))
        .args(&files)
        .env("ECOMAP_URL", srv.url());
    let (ok, _) = run_tee(&mut cmd);
    let (p, mut f) = count_tap(&std::fs::read_to_string(&tap).unwrap_or_default());
    if !ok && f == 0 {
        f = 1;
    }
    report.record("end-to-end tests", t, p, f, format!("served at {}", srv.url()));
}

pub fn run() -> Result<()> {
    let started = Instant::now();
    let root = project_root();
    let mut report = Report::default();

    // Installs: a failure here is one failed step; the rest still runs where it can.
    let t = Instant::now();
    let tools = install::build_tools(&root).and_then(|tools| install::chromium().map(|()| tools));
    let tools: Option<Tools> = match tools {
        Ok(tools) => {
            report.check("install tools", t, Ok(String::new()));
            Some(tools)
        }
        Err(e) => {
            report.check("install tools", t, Err(e));
            None
        }
    };
    let env = |c: &mut Command| {
        if let Some(tools) = &tools {
            tools.env(c);
        }
    };

    let t = Instant::now();
    report.check(
        "cargo fmt --check",
        t,
        check_cmd(cargo(&root).args(["fmt", "--all", "--check"])),
    );

    let t = Instant::now();
    report.check("tidy", t, tidy::check(&root));

    let t = Instant::now();
    report.check("about page lists the shipped crates", t, crate::licences::check(&root));

    let t = Instant::now();
    let r = check_cmd(cargo(&root).args(["deny", "check", "licenses", "bans", "sources"]));
    report.check("cargo deny check licenses bans sources (deny.toml)", t, r);

    let t = Instant::now();
    let r = check_cmd(cargo(&root).args(["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"]));
    report.check("clippy (native)", t, r);

    let t = Instant::now();
    let mut c = cargo(&root);
    c.args([
        "clippy",
        "-p",
        "ecomap",
        "-p",
        "ecomap-insight-worker",
        "--target",
        install::WASM_TARGET,
        "--",
        "-D",
        "warnings",
    ]);
    report.check("clippy (wasm32 app and insight worker)", t, check_cmd(&mut c));

    // Two runs: the app's native bin and the cli's bin are both named `ecomap` and collide on
    // target/debug/ecomap in one build; built apart, the cli's tests always run the cli.
    let t = Instant::now();
    let (ok1, out1) = run_tee(cargo(&root).args(["test", "--workspace", "--exclude", "ecomap", "--no-fail-fast"]));
    let (ok2, out2) = run_tee(cargo(&root).args(["test", "-p", "ecomap", "--no-fail-fast"]));
    let (p, mut f) = count_cargo_tests(&(out1 + &out2));
    let ok = ok1 && ok2;
    if !ok && f == 0 {
        f = 1;
    }
    report.record(
        "native tests",
        t,
        p,
        f,
        if ok { String::new() } else { "command failed".into() },
    );

    cargo_tests(&mut report, "fuzz smoke (30 s)", &mut crate::fuzz::command(30));

    let mut c = cargo(&root);
    c.args([
        "test",
        "--no-fail-fast",
        "-p",
        "ecomap",
        "--target",
        install::WASM_TARGET,
    ]);
    env(&mut c);
    cargo_tests(&mut report, "wasm tests (Chromium)", &mut c);

    let t = Instant::now();
    let build = match &tools {
        Some(tools) => serve::build_release(&root, tools),
        None => Err("tools missing".into()),
    };
    let build_ok = build.is_ok();
    report.check("release build (trunk)", t, build.map(|()| String::new()));

    let t = Instant::now();
    let sz = if build_ok {
        size::check(&root.join("dist")).map(|s| {
            let worker = s.worker_brotli.map(size::kb).unwrap_or_default();
            format!(
                "raw {}, brotli {}; insight worker brotli {worker}",
                size::kb(s.raw),
                size::kb(s.brotli)
            )
        })
    } else {
        Err("no release build".into())
    };
    report.check(
        "wasm size <= 450 KB brotli (whole app), insight worker <= 250 KB (see size.rs)",
        t,
        sz,
    );

    e2e(&mut report, &root, build_ok);

    report.finish(started)
}

impl Report {
    /// The summary table and the closing `N passed, N failed` line; exits non-zero on any failure.
    fn finish(&self, started: Instant) -> Result<()> {
        let (mut passed, mut failed) = (0, 0);
        println!();
        println!("{:<28} {:>7} {:>7} {:>8}  note", "step", "passed", "failed", "seconds");
        for s in &self.steps {
            println!(
                "{:<28} {:>7} {:>7} {:>8.1}  {}",
                s.name, s.passed, s.failed, s.secs, s.note
            );
            passed += s.passed;
            failed += s.failed;
        }
        println!("total time {:.0} s", started.elapsed().as_secs_f64());
        println!("{passed} passed, {failed} failed");
        if failed > 0 {
            // Exit here, so that the counts line stays the last line printed.
            std::process::exit(1);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_cargo_and_wasm_results() {
        let out = "test result: ok. 3 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.00s\n\
                   test result: FAILED. 2 passed; 1 failed; 0 ignored\n";
        assert_eq!(count_cargo_tests(out), (5, 1));
    }

    #[test]
    fn counts_tap() {
        let tap = "TAP version 13\n# tests 3\n# pass 2\n# fail 1\n# cancelled 0\n";
        assert_eq!(count_tap(tap), (2, 1));
    }
}
