//! The insight's figures (issue 17, docs/insight.md) in docs/benchmarks.md: its targets at 50,000 actors and the
//! section "Insight (native)" from core's native bench (`insight_*` lines and their `# insight` notes).

use super::{fmt_ms, verdict, Results, Target};
use std::fmt::Write as _;

/// The largest size the native bench runs.
const ACTORS: &str = "50000";

/// (BENCH name, what it is, target in ms).
const FIGURES: [(&str, &str, f64); 6] = [
    ("insight_collab_graph", "the selection's collaboration graph", 50.0),
    (
        "insight_concentration_matrix",
        "location quotients, every technology x region",
        50.0,
    ),
    ("insight_profile", "one technology's profile (centrality given)", 50.0),
    (
        "insight_compare_4",
        "a comparison of four technologies (centrality given)",
        50.0,
    ),
    (
        "insight_partners",
        "one actor's partner suggestions (the busiest actor)",
        20.0,
    ),
    (
        "insight_centrality",
        "centrality (degree + betweenness; sampled above 2,000 connected actors)",
        2000.0,
    ),
];

fn native(r: &Results, name: &str) -> Option<f64> {
    r.native
        .iter()
        .find(|f| f.get("name") == name && f.get("actors") == ACTORS)
        .map(|f| f.ms)
}

pub fn targets(r: &Results) -> Vec<Target> {
    FIGURES
        .iter()
        .map(|&(name, what, limit)| {
            let v = native(r, name);
            Target::new(
                format!("insight, native, 50,000 actors: {what} (`{name}`)"),
                format!("<= {limit} ms"),
                fmt_ms(v),
                verdict(v, limit),
            )
        })
        .collect()
}

pub fn section(s: &mut String, r: &Results) {
    let _ = writeln!(s, "\n## Insight (native)\n");
    let _ = writeln!(
        s,
        "`cargo bench -p ecomap-core --bench core`: the insight figures on the whole selection (no filter) of \
         `generate(N, 1)`, median ms; definitions and the sampling error in docs/insight.md. The browser \
         targets (centrality <= 2 s in a worker, the rest <= 50 ms of a filter change, suggestions <= 20 ms) \
         need the app's views, which are not built yet.\n"
    );
    let _ = writeln!(s, "| figure | 1,000 | 10,000 | 50,000 |");
    let _ = writeln!(s, "|---|---:|---:|---:|");
    for (name, what, _) in FIGURES {
        let cells: Vec<String> = ["1000", "10000", ACTORS]
            .iter()
            .map(|n| {
                r.native
                    .iter()
                    .find(|f| f.get("name") == name && f.get("actors") == *n)
                    .map_or("-".to_string(), |f| format!("{:.2}", f.ms))
            })
            .collect();
        let _ = writeln!(s, "| {what} (`{name}`) | {} |", cells.join(" | "));
    }
    let _ = writeln!(s);
    for n in r.native_notes.iter().filter(|n| n.starts_with("insight ")) {
        let _ = writeln!(s, "- {n}");
    }
}
