//! The layout comparison of docs/benchmarks.md: the quality-against-time curves of bench/layout.mjs
//! (`layout_curve` and `layout_stop` lines), the time each side needs to reach graphology's best quality in 300
//! iterations, the self-stop against it, and the targets derived from them (on the 50k export).

use super::{Figure, Target};
use std::fmt::Write as _;

/// Iteration counts the curves are compared at ("within 300 iterations").
pub const UP_TO: u32 = 300;
/// The dataset the targets are judged on.
pub const TARGET_DATA: &str = "gen-50000";
/// ecomap must reach graphology's best quality at least this many times sooner.
const SOONER: f64 = 10.0;
/// The self-stop must be within this share of graphology's best quality.
const STOP_WITHIN: f64 = 0.05;

/// One measured point of a curve: after `it` iterations, `ms` of layout time, both quality measures.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub it: u32,
    pub ms: f64,
    /// Mean edge length / mean random-pair distance (lower is better).
    pub q: f64,
    /// Share of nodes whose nearest node is a graph neighbour (higher is better).
    pub nn: f64,
}

/// One side's curve at one theta.
#[derive(Clone, Debug)]
pub struct Series {
    pub side: String,
    pub theta: String,
    pub points: Vec<Point>,
    pub stop: Option<Point>,
}

/// Every curve measured on one dataset.
#[derive(Clone, Debug)]
pub struct Run {
    pub data: String,
    pub nodes: String,
    pub edges: String,
    pub series: Vec<Series>,
}

/// What a side is, for the tables and the plot's legend.
pub fn describe(side: &str) -> &'static str {
    match side {
        "ecomap" => "ecomap (ecomap-core in wasm: `Settings::readable()`: kr 2, strong gravity 0.05; mass degree + 1)",
        "graphology" => {
            "graphology-layout-forceatlas2 0.10.1, `inferSettings` (its recommended settings: kr 10, strong gravity \
             0.05, slowDown 1 + ln n; mass weighted degree + 1), 50 iterations per `assign` call"
        }
        "graphology-ecomap-settings" => {
            "graphology-layout-forceatlas2 0.10.1 with ecomap's settings (kr 2, strong gravity 0.05, slowDown 1), \
             50 iterations per `assign` call"
        }
        _ => "?",
    }
}

fn num(f: &Figure, k: &str) -> f64 {
    f.get(k).parse().unwrap_or(f64::NAN)
}

fn point(f: &Figure) -> Point {
    Point {
        it: f.get("it").parse().unwrap_or(0),
        ms: f.ms,
        q: num(f, "q"),
        nn: num(f, "nn"),
    }
}

/// The curves in the figures, per dataset in the order first seen.
pub fn collect(figures: &[Figure]) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    for f in figures {
        let name = f.get("name");
        if !["layout_graph", "layout_curve", "layout_stop"].contains(&name) {
            continue;
        }
        let data = f.get("data").to_string();
        let i = match runs.iter().position(|r| r.data == data) {
            Some(i) => i,
            None => {
                runs.push(Run {
                    data,
                    nodes: String::new(),
                    edges: String::new(),
                    series: Vec::new(),
                });
                runs.len() - 1
            }
        };
        let run = &mut runs[i];
        if name == "layout_graph" {
            run.nodes = f.get("nodes").to_string();
            run.edges = f.get("edges").to_string();
            continue;
        }
        let (side, theta) = (f.get("side"), f.get("theta"));
        let k = match run.series.iter().position(|s| s.side == side && s.theta == theta) {
            Some(k) => k,
            None => {
                run.series.push(Series {
                    side: side.to_string(),
                    theta: theta.to_string(),
                    points: Vec::new(),
                    stop: None,
                });
                run.series.len() - 1
            }
        };
        let s = &mut run.series[k];
        if name == "layout_stop" {
            s.stop = Some(point(f));
        } else {
            s.points.push(point(f));
        }
    }
    runs
}

/// Which measure: the edge length ratio (lower is better) or the neighbour share (higher is better).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Measure {
    Q,
    Nn,
}

impl Measure {
    pub fn of(self, p: &Point) -> f64 {
        match self {
            Measure::Q => p.q,
            Measure::Nn => p.nn,
        }
    }
    /// Whether `v` is at least as good as `reference`.
    pub fn reaches(self, v: f64, reference: f64) -> bool {
        match self {
            Measure::Q => v <= reference,
            Measure::Nn => v >= reference,
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            Measure::Q => "edge length ratio",
            Measure::Nn => "neighbour share",
        }
    }
    pub fn fmt(self, v: f64) -> String {
        match self {
            Measure::Q => format!("{v:.4}"),
            Measure::Nn => format!("{v:.5}"),
        }
    }
}

/// A series' best value within `UP_TO` iterations (after the start) and the first point reaching it.
pub fn best(s: &Series, m: Measure) -> Option<Point> {
    let mut best: Option<Point> = None;
    for p in s
        .points
        .iter()
        .filter(|p| p.it > 0 && p.it <= UP_TO && m.of(p).is_finite())
    {
        if best.is_none_or(|b| m.reaches(m.of(p), m.of(&b)) && m.of(p) != m.of(&b)) {
            best = Some(*p);
        }
    }
    best
}

/// The first point of `s` (its curve up to `UP_TO` iterations and its self-stop) that reaches `reference`.
pub fn first_reaching(s: &Series, m: Measure, reference: f64) -> Option<Point> {
    let mut candidates: Vec<Point> = s.points.iter().chain(s.stop.iter()).copied().collect();
    candidates.sort_by_key(|p| p.it);
    candidates
        .into_iter()
        .find(|p| p.it > 0 && m.reaches(m.of(p), reference))
}

fn find<'a>(run: &'a Run, side: &str, theta: &str) -> Option<&'a Series> {
    run.series.iter().find(|s| s.side == side && s.theta == theta)
}

/// How much sooner ecomap reaches a graphology series' best (graphology's time to it / ecomap's), with the
/// figures behind it, or why it cannot be said.
pub struct Sooner {
    pub reference: Option<Point>,
    pub reached: Option<Point>,
    pub factor: Option<f64>,
}

pub fn sooner(run: &Run, theta: &str, reference_side: &str, m: Measure) -> Sooner {
    let reference = find(run, reference_side, theta).and_then(|s| best(s, m));
    let reached = match (find(run, "ecomap", theta), reference) {
        (Some(e), Some(r)) => first_reaching(e, m, m.of(&r)),
        _ => None,
    };
    let factor = match (reference, reached) {
        (Some(r), Some(e)) if e.ms > 0.0 => Some(r.ms / e.ms),
        _ => None,
    };
    Sooner {
        reference,
        reached,
        factor,
    }
}

fn secs(ms: f64) -> String {
    if ms >= 10_000.0 {
        format!("{:.0} s", ms / 1000.0)
    } else {
        format!("{:.2} s", ms / 1000.0)
    }
}

fn at(p: &Point, m: Measure) -> String {
    format!("{} after {} it. ({})", m.fmt(m.of(p)), p.it, secs(p.ms))
}

/// The targets of the layout, judged on `TARGET_DATA`: for each theta and each measure, ecomap reaches
/// graphology's best (recommended settings; at theta 0.7 also with ecomap's settings) at least 10x sooner;
/// the self-stop (theta 0.7, the app's) is within 5 % of graphology's best.
pub fn targets(runs: &[Run]) -> Vec<Target> {
    let run = runs.iter().find(|r| r.data == TARGET_DATA);
    let mut out = Vec::new();
    let refs = [
        ("0.5", "graphology"),
        ("0.7", "graphology"),
        ("0.7", "graphology-ecomap-settings"),
    ];
    for m in [Measure::Q, Measure::Nn] {
        for (theta, side) in refs {
            let what = format!(
                "layout, 50k, theta {theta}, {}: ecomap reaches the best that {} reaches in {UP_TO} iterations",
                m.name(),
                if side == "graphology" {
                    "graphology (recommended settings)"
                } else {
                    "graphology with ecomap's settings"
                }
            );
            let s = run.map(|r| sooner(r, theta, side, m));
            let (shown, verdict) = match &s {
                None => ("not measured".to_string(), "not measured"),
                Some(Sooner { reference: None, .. }) => ("not measured".to_string(), "not measured"),
                Some(Sooner {
                    reference: Some(r),
                    reached: None,
                    ..
                }) => (
                    format!("graphology {}; ecomap never in {UP_TO} iterations", at(r, m)),
                    "not met",
                ),
                Some(Sooner {
                    reference: Some(r),
                    reached: Some(e),
                    factor,
                }) => {
                    let f = factor.unwrap_or(0.0);
                    let shown = format!("graphology {}; ecomap {}: {f:.1}x sooner", at(r, m), at(e, m));
                    (shown, if f >= SOONER { "met" } else { "not met" })
                }
            };
            out.push(Target::new(what, format!(">= {SOONER:.0}x sooner"), shown, verdict));
        }
        out.push(stop_target(run, m));
    }
    out
}

fn stop_target(run: Option<&Run>, m: Measure) -> Target {
    let what = format!(
        "layout, 50k, theta 0.7: the self-stop's {} is within 5 % of graphology's best in {UP_TO} iterations \
         (recommended settings)",
        m.name()
    );
    let reference = run.and_then(|r| find(r, "graphology", "0.7")).and_then(|s| best(s, m));
    let stop = run.and_then(|r| find(r, "ecomap", "0.7")).and_then(|s| s.stop);
    let target = match m {
        Measure::Q => "<= 1.05 x graphology's".to_string(),
        Measure::Nn => ">= 0.95 x graphology's".to_string(),
    };
    let (Some(r), Some(st)) = (reference, stop) else {
        return Target::new(what, target, "not measured".into(), "not measured");
    };
    let limit = match m {
        Measure::Q => m.of(&r) * (1.0 + STOP_WITHIN),
        Measure::Nn => m.of(&r) * (1.0 - STOP_WITHIN),
    };
    let shown = format!(
        "stops at {} (graphology's best {}, limit {})",
        at(&st, m),
        m.fmt(m.of(&r)),
        m.fmt(limit)
    );
    let verdict = if m.reaches(m.of(&st), limit) { "met" } else { "not met" };
    Target::new(what, target, shown, verdict)
}

/// The layout section: what each side runs, a table per dataset, the time to graphology's best, the plots.
pub fn section(s: &mut String, runs: &[Run], plots: &[(String, String)], force_error: &[&Figure]) {
    let _ = writeln!(
        s,
        "\n## Layout: ecomap beside graphology-layout-forceatlas2 (bench/layout.mjs)\n"
    );
    if runs.is_empty() {
        let _ = writeln!(s, "not measured\n");
        return;
    }
    let _ = writeln!(
        s,
        "Same graph (the network view's collaboration mode, built by ecomap-core from the export and handed to \
         graphology as the same nodes, edges and edge weights), same start (the app's `start_positions`), same \
         page (headless Chromium, main thread, one side after the other), same Barnes-Hut criterion (a cell of \
         side s at distance d is one body when s / d < theta) at theta 0.5 and at the app's 0.7. Both sides first \
         run a few untimed iterations (JIT warm-up); every series then starts from the start. Timed: only the \
         layout calls (ecomap: `step`, one iteration per call; graphology: `forceAtlas2.assign(graph, \
         {{iterations: 50, settings}})`, which rebuilds its arrays per call). Quality is measured between calls, \
         untimed, by ecomap-core's own code on both sides' positions (graphology's are copied into the wasm \
         module): the edge length ratio (`layout::quality`: mean edge length / mean distance of 2,000 seeded \
         random pairs; 1.0 = random, lower is better) and the neighbour share (`layout::neighbour_share`: the \
         share of nodes with an edge whose nearest drawn node is a graph neighbour; higher is better). The \
         self-stop is the app's rule (src/views/network/engine.rs: movement < STOP_MOVEMENT or MAX_ITERATIONS).\n"
    );
    for side in ["ecomap", "graphology", "graphology-ecomap-settings"] {
        let _ = writeln!(s, "- **{side}**: {}", describe(side));
    }
    let _ = writeln!(
        s,
        "- ecomap's Barnes-Hut force error against the exact O(n²) sum (native, `cargo bench -p ecomap-core \
         --bench network`, the same 50k collaboration graph, at the start and after 150 iterations): {}\n",
        if force_error.is_empty() {
            "not measured".to_string()
        } else {
            force_error
                .iter()
                .map(|f| {
                    format!(
                        "theta {} at {}: {} % summed, 99 % of nodes within {} %, worst node {} %",
                        f.get("theta"),
                        if f.get("at") == "start" { "the start" } else { "150 it." },
                        f.get("sum_pct"),
                        f.get("p99_pct"),
                        f.get("worst_pct")
                    )
                })
                .collect::<Vec<_>>()
                .join("; ")
        }
    );
    for run in runs {
        let _ = writeln!(s, "### {} ({} nodes, {} edges)\n", run.data, run.nodes, run.edges);
        table(s, run);
        reaching(s, run);
        if let Some((_, file)) = plots.iter().find(|(d, _)| d == &run.data) {
            let _ = writeln!(s, "![Quality against time, {}]({file})\n", run.data);
        }
    }
}

/// Quality and time at 50, 100, ... 300 iterations and at the self-stop, per series.
fn table(s: &mut String, run: &Run) {
    let marks: Vec<u32> = (1..=UP_TO / 50).map(|k| k * 50).collect();
    let _ = write!(s, "| side | theta | start |");
    for m in &marks {
        let _ = write!(s, " {m} it. |");
    }
    let _ = writeln!(s, " self-stop |");
    let _ = writeln!(s, "|---|---:|---:|{}---|", "---:|".repeat(marks.len()));
    let cell = |p: &Point| format!("{:.4} · {:.5} · {}", p.q, p.nn, secs(p.ms));
    for ser in &run.series {
        let start = ser.points.iter().find(|p| p.it == 0).map(cell).unwrap_or_default();
        let _ = write!(s, "| {} | {} | {start} |", ser.side, ser.theta);
        for m in &marks {
            let c = ser
                .points
                .iter()
                .find(|p| p.it == *m)
                .map(cell)
                .unwrap_or_else(|| "-".into());
            let _ = write!(s, " {c} |");
        }
        let stop = ser
            .stop
            .map(|p| format!("{} it.: {}", p.it, cell(&p)))
            .unwrap_or_else(|| "-".into());
        let _ = writeln!(s, " {stop} |");
    }
    let _ = writeln!(
        s,
        "\nEach cell: edge length ratio · neighbour share · layout time so far.\n"
    );
}

/// Per theta and reference: graphology's best within 300 iterations and when ecomap first reaches it.
fn reaching(s: &mut String, run: &Run) {
    let _ = writeln!(
        s,
        "| theta | measure | reference | graphology's best in {UP_TO} it. | ecomap reaches it | sooner |"
    );
    let _ = writeln!(s, "|---:|---|---|---|---|---:|");
    for m in [Measure::Q, Measure::Nn] {
        for (theta, side) in [
            ("0.5", "graphology"),
            ("0.7", "graphology"),
            ("0.7", "graphology-ecomap-settings"),
        ] {
            let r = sooner(run, theta, side, m);
            let Some(reference) = r.reference else { continue };
            let reached = r.reached.map(|p| at(&p, m)).unwrap_or_else(|| "never".into());
            let factor = r.factor.map(|f| format!("{f:.1}x")).unwrap_or_else(|| "-".into());
            let _ = writeln!(
                s,
                "| {theta} | {} | {side} | {} | {reached} | {factor} |",
                m.name(),
                at(&reference, m)
            );
        }
    }
    let _ = writeln!(s);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench::parse_bench_lines;

    const LINES: &str = "\
BENCH data=gen-50000 name=layout_graph nodes=10 edges=20 ms=1
BENCH data=gen-50000 name=layout_curve side=ecomap theta=0.7 it=0 q=0.9 nn=0.01 ms=0
BENCH data=gen-50000 name=layout_curve side=ecomap theta=0.7 it=5 q=0.6 nn=0.02 ms=100
BENCH data=gen-50000 name=layout_curve side=ecomap theta=0.7 it=10 q=0.5 nn=0.03 ms=200
BENCH data=gen-50000 name=layout_stop side=ecomap theta=0.7 it=12 q=0.52 nn=0.03 ms=240
BENCH data=gen-50000 name=layout_curve side=graphology theta=0.7 it=0 q=0.9 nn=0.01 ms=0
BENCH data=gen-50000 name=layout_curve side=graphology theta=0.7 it=50 q=0.55 nn=0.05 ms=3000
BENCH data=gen-50000 name=layout_curve side=graphology theta=0.7 it=100 q=0.51 nn=0.04 ms=6000
";

    #[test]
    fn sooner_and_stop() {
        let runs = collect(&parse_bench_lines(LINES));
        assert_eq!(runs.len(), 1);
        assert_eq!(runs[0].series.len(), 2);
        let q = sooner(&runs[0], "0.7", "graphology", Measure::Q);
        assert_eq!(q.reference.map(|p| p.it), Some(100));
        assert_eq!(q.reached.map(|p| p.it), Some(10));
        assert!((q.factor.unwrap_or(0.0) - 30.0).abs() < 1e-9);
        // The neighbour share: graphology's best 0.05 is never reached by ecomap.
        let nn = sooner(&runs[0], "0.7", "graphology", Measure::Nn);
        assert_eq!(nn.reached, None);
        let t = targets(&runs);
        let stop_q = t
            .iter()
            .find(|t| t.what.contains("self-stop's edge"))
            .expect("a stop row");
        assert_eq!(stop_q.verdict, "met", "0.52 <= 1.05 * 0.51");
        let stop_nn = t
            .iter()
            .find(|t| t.what.contains("self-stop's neighbour"))
            .expect("a stop row");
        assert_eq!(stop_nn.verdict, "not met", "0.03 < 0.95 * 0.05");
        assert!(t.iter().any(|t| t.verdict == "not measured"), "theta 0.5 was not run");
    }
}
