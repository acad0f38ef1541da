//! `cargo xtask fuzz [--time SECS]`: the importer and the URL reader fuzzed on stable Rust for SECS seconds
//! (default 300), with mutations of the committed seed corpus (crates/core/tests/fuzz.rs). A failing input is
//! kept in crates/core/tests/fuzz/crashes/ and replayed by every later `cargo test` as a regression test.
//! `cargo xtask test` runs a 30 s smoke of the same ([`command`]).

use std::process::Command;

use crate::{project_root, Result};

/// The fuzz run as a command: `cargo test -p ecomap-core --test fuzz` (debug build: overflow checks on) with
/// `ECOMAP_FUZZ_SECONDS`.
pub fn command(seconds: u64) -> Command {
    let mut c = Command::new("cargo");
    c.current_dir(project_root())
        .args(["test", "-p", "ecomap-core", "--test", "fuzz", "--", "--nocapture"])
        .env("ECOMAP_FUZZ_SECONDS", seconds.to_string());
    c
}

pub fn run(args: &[String]) -> Result<()> {
    let seconds = match args {
        [] => 300,
        [flag, n] if flag == "--time" => n
            .parse()
            .map_err(|_| format!("fuzz: --time takes seconds, not `{n}`"))?,
        _ => {
            return Err(format!(
                "fuzz: unknown arguments {args:?}; usage: cargo xtask fuzz [--time SECS]"
            ))
        }
    };
    crate::run(&mut command(seconds))
}
