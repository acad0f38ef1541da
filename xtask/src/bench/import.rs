//! `cargo xtask bench import`: only the import in the browser (issue 16, item 3): parse + validate + index of
//! the generated 50,000- and 100,000-actor exports, and the wasm memory's peak, one fresh page per run (3 unless
//! ECOMAP_BENCH_RUNS says otherwise), against the release build (built when missing). Prints the figures as a
//! table and writes it into its own section of docs/benchmarks.md (between [`START`] and [`END`]; a full
//! `cargo xtask bench` rewrites the file without it: run this again after one).

use std::process::Command;

use crate::{install, serve, server, Result};

const SIZES: [usize; 2] = [50_000, 100_000];
pub const START: &str = "<!-- import:start: `cargo xtask bench import` rewrites this table -->";
pub const END: &str = "<!-- import:end -->";

pub fn run_only() -> Result<()> {
    let root = crate::project_root();
    let tools = install::build_tools(&root)?;
    install::chromium()?;
    if !root.join("dist").join("index.html").is_file() {
        serve::build_release(&root, &tools)?;
    }
    let mut args = Vec::new();
    for n in SIZES {
        super::generate_export(&root, n)?;
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
    let (date, commit) = super::report::stamp(&root);
    let mut table = format!(
        "{START}\nMeasured {date} at commit {commit}, headless Chromium, release build, one fresh page per run (runs per row), medians:\n\n\
         | data | import (median) | index (median) | import + index | wasm memory (peak) |\n|---|---:|---:|---:|---:|\n"
    );
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
        table.push_str(&format!(
            "| gen-{n} ({} runs) | {:.0} ms | {:.0} ms | {sum:.0} ms | {:.0} MB |\n",
            rows.len(),
            median(0),
            median(1),
            median(2)
        ));
    }
    table.push_str(END);
    println!("{table}");
    let path = root.join("docs").join("benchmarks.md");
    let doc = std::fs::read_to_string(&path).unwrap_or_default();
    let doc = match (doc.find(START), doc.find(END)) {
        (Some(a), Some(b)) if a < b => format!("{}{table}{}", &doc[..a], &doc[b + END.len()..]),
        _ => format!("{}\n\n{table}\n", doc.trim_end()),
    };
    std::fs::write(&path, doc).map_err(|e| format!("writing {}: {e}", path.display()))?;
    if ok {
        Ok(())
    } else {
        Err("bench/import.mjs failed (see its output)".into())
    }
}
