//! `cargo xtask bench import`: only the import in the browser (issue 16, item 3): parse + validate + index of
//! the generated 50,000- and 100,000-actor exports, and the wasm memory's peak, 3 fresh pages each, against
//! the release build (built when missing). Prints the figures as a table for docs/benchmarks.md.

use std::process::Command;

use crate::{install, serve, server, Result};

const SIZES: [usize; 2] = [50_000, 100_000];

pub fn run_only() -> Result<()> {
    let root = crate::project_root();
    let tools = install::build_tools(&root)?;
    install::chromium()?;
    if !root.join("dist").join("index.html").is_file() {
        serve::build_release(&root, &tools)?;
    }
    let mut args = Vec::new();
    for n in SIZES {
        let out = format!("dist/data/gen-{n}.json");
        crate::run(Command::new("cargo").current_dir(&root).args([
            "run",
            "--release",
            "--quiet",
            "-p",
            "ecomap-cli",
            "--",
            "generate",
            "--actors",
            &n.to_string(),
            "--seed",
            "1",
            "--out",
            &out,
        ]))?;
        args.push(format!("gen-{n}=data/gen-{n}.json"));
    }
    install::npm_ci(&root.join("bench"))?;
    let srv = server::start(&root.join("dist"), None, 0, true)?;
    let (ok, out) = crate::run_tee(
        Command::new("node")
            .current_dir(root.join("bench"))
            .arg("import.mjs")
            .args(&args)
            .env("ECOMAP_URL", srv.url()),
    );
    println!("\n| data | import (median) | index (median) | import + index | wasm memory (peak) |");
    println!("|---|---:|---:|---:|---:|");
    for n in SIZES {
        let label = format!("data=gen-{n} ");
        let rows: Vec<Vec<f64>> = out
            .lines()
            .filter(|l| l.starts_with("BENCH ") && l.contains(&label))
            .map(|l| {
                ["import=", "index=", "memory_mb="]
                    .iter()
                    .map(|k| {
                        l.split_whitespace()
                            .find_map(|w| w.strip_prefix(k))
                            .and_then(|v| v.parse().ok())
                            .unwrap_or(f64::NAN)
                    })
                    .collect()
            })
            .collect();
        let median = |i: usize| {
            let mut v: Vec<f64> = rows.iter().map(|r| r[i]).collect();
            v.sort_by(f64::total_cmp);
            v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
        };
        let sum = {
            let mut v: Vec<f64> = rows.iter().map(|r| r[0] + r[1]).collect();
            v.sort_by(f64::total_cmp);
            v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
        };
        println!(
            "| gen-{n} ({} runs) | {:.0} ms | {:.0} ms | {sum:.0} ms | {:.0} MB |",
            rows.len(),
            median(0),
            median(1),
            median(2)
        );
    }
    if ok {
        Ok(())
    } else {
        Err("bench/import.mjs failed (see its output)".into())
    }
}
