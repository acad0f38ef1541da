//! Presentation mode's smoothness (issue 15, item 5; docs/presenting.md): bench/present.mjs plays the demo tour
//! at 1920x1080 and prints the page's work per animation frame during the step transitions; this file turns
//! its lines into the "Presentation" section of docs/benchmarks.md (between [`START`] and [`END`]) and the
//! target row (JS + wasm per frame, 95th percentile, <= 16 ms). `cargo xtask bench present` measures only this
//! and rewrites only that section; `cargo xtask bench` runs the script with the others and writes it too.

use super::{fmt_ms, parse_bench_lines, parse_note_lines, verdict, Figure, Results, Target};
use crate::{install, run_tee, serve, server, Result};
use std::fmt::Write as _;
use std::process::Command;

pub const SCRIPT: &str = "present.mjs";
pub const START: &str = "<!-- present:start: `cargo xtask bench present` rewrites this section -->";
pub const END: &str = "<!-- present:end -->";
const TARGET_MS: f64 = 16.0;

fn stat<'a>(figures: &'a [Figure], what: &str, stat: &str) -> Option<&'a Figure> {
    figures
        .iter()
        .find(|f| f.get("name") == "present-frame" && f.get("what") == what && f.get("stat") == stat)
}

/// The figures and notes of bench/present.mjs in a whole run.
fn of(r: &Results) -> (Vec<Figure>, Vec<String>) {
    r.scripts
        .iter()
        .find(|s| s.name == SCRIPT)
        .map(|s| (s.figures.clone(), s.notes.clone()))
        .unwrap_or_default()
}

/// The row of the targets table.
pub fn targets(r: &Results) -> Vec<Target> {
    let (figures, _) = of(r);
    let v = stat(&figures, "js", "p95").map(|f| f.ms);
    vec![Target::new(
        "presentation mode, demo tour at 1920x1080: JS + wasm work per animation frame during step transitions, \
         95th percentile (Presentation below)"
            .into(),
        format!("<= {TARGET_MS:.0} ms"),
        fmt_ms(v),
        verdict(v, TARGET_MS),
    )]
}

/// The section of a whole run.
pub fn section_of(r: &Results, date: &str, commit: &str) -> String {
    let (figures, notes) = of(r);
    section(&figures, &notes, date, commit)
}

/// The section, between its markers.
pub fn section(figures: &[Figure], notes: &[String], date: &str, commit: &str) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{START}\n\n## Presentation: step transitions of the demo tour (bench/present.mjs)\n"
    );
    let _ = writeln!(
        s,
        "Measured {date} at commit {commit} by `cargo xtask bench present`. `?mode=present&lang=en` at 1920x1080, \
         motion allowed (the map's and network's cameras glide over 600 ms), the tour paused so that only the \
         presenter's key moves it: for each of the demo tour's 9 transitions, a Chromium trace from the ArrowRight \
         until 1.5 s later. Frames are cut at the renderer's `BeginMainThreadFrame` (the work between the key and the first frame, \
         and after the last one, counts as a frame of its own); a frame's *JS + wasm* is the \
         union of the main thread's script events in it (function calls, event dispatch, animation-frame \
         callbacks, timers, microtasks), its *main thread* every top-level task (script, style, layout, paint). \
         Headless Chromium draws WebGL with SwiftShader (software) and produces frames only as fast as its \
         software compositor allows, so there are few, long frames: the figures are pessimistic.\n"
    );
    let _ = writeln!(s, "| per frame | p50 | p95 | max | frames | target (p95) |");
    let _ = writeln!(s, "|---|---:|---:|---:|---:|---|");
    for (what, label) in [("js", "JS + wasm"), ("main", "main thread (all tasks)")] {
        let get = |st: &str| stat(figures, what, st);
        let frames = get("p95").map(|f| f.get("frames").to_string()).unwrap_or_default();
        let target = if what == "js" {
            format!("<= {TARGET_MS:.0} ms: {}", verdict(get("p95").map(|f| f.ms), TARGET_MS))
        } else {
            "(context)".into()
        };
        let _ = writeln!(
            s,
            "| {label} | {} | {} | {} | {frames} | {target} |",
            fmt_ms(get("p50").map(|f| f.ms)),
            fmt_ms(get("p95").map(|f| f.ms)),
            fmt_ms(get("max").map(|f| f.ms)),
        );
    }
    if !notes.is_empty() {
        let _ = writeln!(s);
        for n in notes.iter().filter_map(|n| n.strip_prefix("present: ")) {
            let _ = writeln!(s, "- {n}");
        }
    }
    let _ = writeln!(s, "\n{END}");
    s
}

/// `cargo xtask bench present`: the release build, bench/present.mjs, and only the presentation section of
/// docs/benchmarks.md rewritten.
pub fn run_only() -> Result<()> {
    let root = crate::project_root();
    let tools = install::build_tools(&root)?;
    install::chromium()?;
    serve::build_release(&root, &tools)?;
    let dist = root.join("dist");
    install::npm_ci(&root.join("bench"))?;
    let srv = server::start(&dist, None, 0, true)?;
    let mut cmd = Command::new("node");
    cmd.current_dir(root.join("bench"))
        .arg(SCRIPT)
        .env("ECOMAP_URL", srv.url());
    let (ok, out) = run_tee(&mut cmd);
    let (date, commit) = super::report::stamp(&root);
    let section = section(&parse_bench_lines(&out), &parse_note_lines(&out), &date, &commit);
    let path = root.join("docs").join("benchmarks.md");
    let doc = std::fs::read_to_string(&path).unwrap_or_default();
    let doc = super::page::splice_between(&doc, &section, START, END);
    std::fs::write(&path, doc).map_err(|e| format!("writing {}: {e}", path.display()))?;
    println!("wrote the presentation section of {}", path.display());
    if ok {
        Ok(())
    } else {
        Err(format!(
            "bench/{SCRIPT} failed (see its output); the figures it printed are written"
        ))
    }
}
