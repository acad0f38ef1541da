//! The insight's figures (issue 17, docs/insight.md) in docs/benchmarks.md: its targets at 50,000 actors, the
//! section "Insight (native)" from core's native bench (`insight_*` lines and their `# insight` notes) and the
//! section "Insight (browser)" from bench/insight.mjs (the worker's clock and the page's, per filter change).

use super::report::view;
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

/// (BENCH name of bench/insight.mjs, what it is, target in ms): the browser's figures at 50,000 actors.
const BROWSER: [(&str, &str, f64); 5] = [
    (
        "insight-profile",
        "the AI profile after a filter change (before its centrality)",
        50.0,
    ),
    (
        "insight-compare",
        "a comparison of four technologies after a filter change (before its centrality)",
        50.0,
    ),
    (
        "insight-regions",
        "every technology's strengths and gaps after a filter change",
        50.0,
    ),
    (
        "insight-suggestions",
        "one actor's partner suggestions after a filter change",
        20.0,
    ),
    (
        "insight-profile-centrality",
        "centrality of the selection after a filter change",
        2000.0,
    ),
];

pub fn targets(r: &Results) -> Vec<Target> {
    let mut out: Vec<Target> = BROWSER
        .iter()
        .flat_map(|&(name, what, limit)| {
            let worker = view(r, &format!("gen-{ACTORS}"), name);
            let page = view(r, &format!("gen-{ACTORS}"), &format!("{name}-page"));
            let mut rows = vec![Target::new(
                format!("insight, browser, 50,000 actors: {what}, in the worker (`{name}`)"),
                format!("<= {limit} ms"),
                fmt_ms(worker),
                verdict(worker, limit),
            )];
            // Centrality is the worker's alone; the others also from the click to the frame on screen.
            if name == "insight-suggestions" {
                let follow = view(r, &format!("gen-{ACTORS}"), "insight-suggestions-follow-page");
                rows.push(Target::new(
                    "insight, browser, 50,000 actors: following a suggestion, click to its suggestions painted (`insight-suggestions-follow-page`)".to_string(),
                    format!("<= {limit} ms"),
                    fmt_ms(follow),
                    verdict(follow, limit),
                ));
            }
            if !name.ends_with("centrality") {
                rows.push(Target::new(
                    format!("insight, browser, 50,000 actors: {what}, click to frame (`{name}-page`)"),
                    format!("<= {limit} ms"),
                    fmt_ms(page),
                    verdict(page, limit),
                ));
            }
            rows
        })
        .collect();
    out.extend(FIGURES.iter().map(|&(name, what, limit)| {
        let v = native(r, name);
        Target::new(
            format!("insight, native, 50,000 actors: {what} (`{name}`)"),
            format!("<= {limit} ms"),
            fmt_ms(v),
            verdict(v, limit),
        )
    }));
    out
}

pub fn section(s: &mut String, r: &Results) {
    let _ = writeln!(s, "\n## Insight (native)\n");
    let _ = writeln!(
        s,
        "`cargo bench -p ecomap-core --bench core`: the insight figures on the whole selection (no filter) of \
         `generate(N, 1)`, median ms; definitions and the sampling error in docs/insight.md. The browser \
         targets (centrality <= 2 s in a worker, the rest <= 50 ms of a filter change, suggestions <= 20 ms) \
         are in \"Insight (browser)\" below.\n"
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
    browser_section(s, r);
}

fn browser_section(s: &mut String, r: &Results) {
    let _ = writeln!(s, "\n## Insight (browser)\n");
    let _ = writeln!(
        s,
        "`bench/insight.mjs` (run by `cargo xtask bench`; alone: `ECOMAP_URL=... node bench/insight.mjs \
         gen-50000=data=data/gen-50000.json`): headless Chromium, release build, 1280x800. Each page is opened \
         and its last answer awaited; then the first kind filter is ticked and unticked 8 times (each a new \
         selection) and each change timed twice: **worker**, the worker's own clock from the request to the \
         answer (what core and the document cost); **page**, from the checkbox's click to the new document \
         rendered and the next frame (the app's filter change, the message, the worker, the rendering). The \
         suggestions also as a visitor follows one: from the click to its own suggestions painted in its detail. \
         Medians in ms; \"first\" is the first answer after the export's import in the worker. The profile and \
         the comparison answer first without centrality, then with it (the next change waits for it).\n"
    );
    let labels: Vec<String> = r
        .view_figures()
        .filter(|f| f.get("name") == "insight-profile")
        .map(|f| f.get("data").to_string())
        .collect();
    if labels.is_empty() {
        let _ = writeln!(s, "not measured\n");
        return;
    }
    let _ = writeln!(s, "| figure | {} |", labels.join(" | "));
    let _ = writeln!(s, "|---|{}", "---:|".repeat(labels.len()));
    let rows: [(&str, &str); 12] = [
        ("insight-profile", "profile, worker"),
        ("insight-profile-page", "profile, click to frame"),
        ("insight-profile-first", "profile, first answer"),
        ("insight-profile-centrality", "centrality of the selection, worker"),
        ("insight-profile-centrality-first", "centrality, first"),
        ("insight-compare", "comparison of 4, worker"),
        ("insight-compare-page", "comparison of 4, click to frame"),
        ("insight-regions", "strengths and gaps, worker"),
        ("insight-regions-page", "strengths and gaps, click to frame"),
        ("insight-suggestions", "suggestions for one actor, worker"),
        ("insight-suggestions-page", "suggestions, click to frame"),
        (
            "insight-suggestions-follow-page",
            "following a suggestion: click to its suggestions painted",
        ),
    ];
    for (name, what) in rows {
        let cells: Vec<String> = labels
            .iter()
            .map(|d| view(r, d, name).map_or("-".to_string(), |v| format!("{v:.1}")))
            .collect();
        let _ = writeln!(s, "| {what} (`{name}`) | {} |", cells.join(" | "));
    }
}
