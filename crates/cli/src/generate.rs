//! `ecomap generate --actors N [--seed S] [--out FILE]`: a deterministic synthetic export as compact JSON.
//!
//! Writes to stdout unless `--out` is given; the same N and S always give the same bytes.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::process::ExitCode;

use ecomap_core::generate::generate;

const USAGE: &str = "usage: ecomap generate --actors N [--seed S] [--out FILE]";

/// Largest accepted actor count (keeps a typo from filling the disk).
const MAX_ACTORS: usize = 5_000_000;

#[derive(Debug, PartialEq)]
struct Args {
    actors: usize,
    seed: u64,
    out: Option<String>,
}

fn parse(args: &[String]) -> Result<Args, String> {
    let mut actors = None;
    let mut seed = 1u64;
    let mut out = None;
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        // Accept both `--flag value` and `--flag=value`.
        let (name, inline) = match flag.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(v.to_string())),
            _ => (flag.as_str(), None),
        };
        let mut value = |what: &str| -> Result<String, String> {
            match inline.clone().or_else(|| it.next().cloned()) {
                Some(v) if !v.is_empty() => Ok(v),
                _ => Err(format!("{name} needs a value ({what})\n{USAGE}")),
            }
        };
        match name {
            "--actors" | "-n" => {
                let v = value("a number of actors")?;
                let n: usize = v
                    .replace('_', "")
                    .parse()
                    .map_err(|_| format!("--actors expects a whole number, got `{v}`\n{USAGE}"))?;
                if n > MAX_ACTORS {
                    return Err(format!("--actors {n} is more than the maximum of {MAX_ACTORS}"));
                }
                actors = Some(n);
            }
            "--seed" | "-s" => {
                let v = value("a whole number")?;
                seed = v
                    .parse()
                    .map_err(|_| format!("--seed expects a whole number 0..2^64, got `{v}`\n{USAGE}"))?;
            }
            "--out" | "-o" => out = Some(value("a file path")?),
            other => return Err(format!("unknown argument `{other}`\n{USAGE}")),
        }
    }
    let actors = actors.ok_or_else(|| format!("--actors is required\n{USAGE}"))?;
    Ok(Args { actors, seed, out })
}

pub fn run(args: &[String]) -> Result<ExitCode, String> {
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("{USAGE}");
        return Ok(ExitCode::SUCCESS);
    }
    let args = parse(args)?;
    let export = generate(args.actors, args.seed);
    match &args.out {
        Some(path) => {
            let file = File::create(path).map_err(|e| format!("cannot create {path}: {e}"))?;
            let mut w = BufWriter::new(file);
            serde_json::to_writer(&mut w, &export).map_err(|e| format!("cannot write {path}: {e}"))?;
            w.write_all(b"\n")
                .and_then(|_| w.flush())
                .map_err(|e| format!("cannot write {path}: {e}"))?;
            eprintln!(
                "wrote {path}: {} actors, {} projects, {} links",
                export.actors.len(),
                export.projects.len(),
                export.links.len()
            );
        }
        None => {
            let stdout = std::io::stdout();
            let mut w = BufWriter::new(stdout.lock());
            serde_json::to_writer(&mut w, &export).map_err(|e| format!("cannot write to stdout: {e}"))?;
            w.write_all(b"\n")
                .and_then(|_| w.flush())
                .map_err(|e| format!("cannot write to stdout: {e}"))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn parses_flags() {
        assert_eq!(
            parse(&args("--actors 10")),
            Ok(Args {
                actors: 10,
                seed: 1,
                out: None
            })
        );
        assert_eq!(
            parse(&args("--seed=7 --actors 50_000 --out x.json")),
            Ok(Args {
                actors: 50_000,
                seed: 7,
                out: Some("x.json".into())
            })
        );
    }

    #[test]
    fn rejects_bad_flags() {
        assert!(parse(&args("")).is_err_and(|e| e.contains("--actors is required")));
        assert!(parse(&args("--actors")).is_err_and(|e| e.contains("needs a value")));
        assert!(parse(&args("--actors ten")).is_err_and(|e| e.contains("whole number")));
        assert!(parse(&args("--actors -3")).is_err_and(|e| e.contains("whole number")));
        assert!(parse(&args("--actors 5 --seed x")).is_err_and(|e| e.contains("--seed")));
        assert!(parse(&args("--actors 5 --fast")).is_err_and(|e| e.contains("unknown argument `--fast`")));
        assert!(parse(&args("--actors 99999999")).is_err_and(|e| e.contains("maximum")));
    }
}
