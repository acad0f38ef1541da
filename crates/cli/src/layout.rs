//! `ecomap layout FILE [--out FILE] [--iterations N] [--seed S] [--mode M]`: runs the network layout and
//! writes `position: {x, y}` into every actor of the export, so large graphs open laid out.
//!
//! The rest of the file is kept as it is (read as a JSON tree, only `actors[*].position` is set). Without
//! `--iterations` it runs until the layout stops by itself (the app's criterion) or 600 iterations.

use std::collections::HashMap;
use std::process::ExitCode;
use std::time::Instant;

use ecomap_core::graph::{Graph, GraphMode};
use ecomap_core::index::Index;
use ecomap_core::layout::{start_positions, state_quality, step, LayoutState, Settings};

const USAGE: &str =
    "usage: ecomap layout FILE [--out FILE] [--iterations N] [--seed S] [--mode ecosystems|collaboration|all]";
/// The app's stop criterion (src/views/network/engine.rs): mean step / extent.
const STOP_MOVEMENT: f32 = 0.0008;
const MAX_ITERATIONS: u32 = 600;

#[derive(Debug, PartialEq)]
struct Args {
    file: String,
    out: Option<String>,
    iterations: Option<u32>,
    seed: u64,
    mode: GraphMode,
}

fn parse(args: &[String]) -> Result<Args, String> {
    let mut file = None;
    let mut out = None;
    let mut iterations = None;
    let mut seed = 1u64;
    let mut mode = GraphMode::Ecosystems;
    let mut it = args.iter();
    while let Some(flag) = it.next() {
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
            "--out" | "-o" => out = Some(value("a file path")?),
            "--iterations" | "-n" => {
                let v = value("a whole number")?;
                iterations = Some(
                    v.parse()
                        .map_err(|_| format!("--iterations expects a whole number, got `{v}`"))?,
                );
            }
            "--seed" | "-s" => {
                let v = value("a whole number")?;
                seed = v
                    .parse()
                    .map_err(|_| format!("--seed expects a whole number, got `{v}`"))?;
            }
            "--mode" => {
                let v = value("ecosystems, collaboration or all")?;
                mode = GraphMode::parse(&v).ok_or_else(|| format!("unknown mode `{v}`\n{USAGE}"))?;
            }
            f if f.starts_with('-') => return Err(format!("unknown argument `{f}`\n{USAGE}")),
            f => {
                if file.replace(f.to_string()).is_some() {
                    return Err(format!("only one FILE, please\n{USAGE}"));
                }
            }
        }
    }
    let file = file.ok_or_else(|| format!("FILE is required\n{USAGE}"))?;
    Ok(Args {
        file,
        out,
        iterations,
        seed,
        mode,
    })
}

pub fn run(args: &[String]) -> Result<ExitCode, String> {
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("{USAGE}");
        return Ok(ExitCode::SUCCESS);
    }
    let args = parse(args)?;
    let bytes = std::fs::read(&args.file).map_err(|e| format!("cannot read {}: {e}", args.file))?;
    let (ds, report) = ecomap_core::import::import(&bytes, &args.file);
    if report.errors() > 0 && ds.actors.is_empty() {
        return Err(format!(
            "{} cannot be imported; run `ecomap validate {}`",
            args.file, args.file
        ));
    }
    let mut tree: serde_json::Value =
        serde_json::from_slice(&bytes).map_err(|e| format!("{} is not JSON: {e}", args.file))?;
    let idx = Index::build(&ds);
    let graph = Graph::build(&ds, &idx, args.mode);
    let t = Instant::now();
    let (x, y) = start_positions(&graph, &[], args.seed);
    let mut state = LayoutState::new(&graph, x, y, Settings::readable());
    match args.iterations {
        Some(n) => step(&mut state, n),
        None => {
            while state.movement >= STOP_MOVEMENT && state.iterations < MAX_ITERATIONS {
                step(&mut state, 1);
            }
        }
    }
    let quality = state_quality(&state).map_or("-".to_string(), |q| format!("{q:.3}"));
    eprintln!(
        "layout: {} nodes, {} edges, {} iterations in {:.1} s, quality {quality} (mean edge length / mean distance)",
        graph.len(),
        graph.edges.len(),
        state.iterations,
        t.elapsed().as_secs_f64()
    );
    // Write positions by actor id (import may have skipped invalid records; those keep no position).
    let pos: HashMap<&str, (f32, f32)> = ds
        .actors
        .iter()
        .enumerate()
        .map(|(i, a)| (a.key.as_str(), (state.x[i], state.y[i])))
        .collect();
    let round = |v: f32| (v as f64 * 100.0).round() / 100.0;
    let mut written = 0usize;
    if let Some(actors) = tree.get_mut("actors").and_then(|a| a.as_array_mut()) {
        for a in actors {
            let id = a.get("id").and_then(|v| v.as_str()).map(str::to_string);
            if let (Some(id), Some(obj)) = (id, a.as_object_mut()) {
                if let Some(&(x, y)) = pos.get(id.as_str()) {
                    obj.insert("position".into(), serde_json::json!({ "x": round(x), "y": round(y) }));
                    written += 1;
                }
            }
        }
    }
    let text = serde_json::to_string(&tree).map_err(|e| format!("cannot serialise: {e}"))? + "\n";
    match &args.out {
        Some(path) => {
            std::fs::write(path, text).map_err(|e| format!("cannot write {path}: {e}"))?;
            eprintln!("wrote {path}: positions for {written} actors");
        }
        None => print!("{text}"),
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
            parse(&args("x.json --iterations=50 --seed 3 --mode all -o y.json")),
            Ok(Args {
                file: "x.json".into(),
                out: Some("y.json".into()),
                iterations: Some(50),
                seed: 3,
                mode: GraphMode::All,
            })
        );
        assert!(parse(&args("--iterations 5")).is_err());
        assert!(parse(&args("a.json b.json")).is_err());
        assert!(parse(&args("a.json --mode nope")).is_err());
    }
}
