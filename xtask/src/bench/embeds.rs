//! The embeds' figures in docs/benchmarks.md (bench/embed.mjs, docs/embedding.md): the target (an embed
//! of the map or of one chart draws its view within 1 s on the demo data) and, per embed kind, the time to
//! the first drawn view and the transfer size.

use super::{fmt_ms, verdict, Figure, Results, Target};
use std::fmt::Write as _;

const LIMIT_MS: f64 = 1000.0;

fn figure<'a>(r: &'a Results, view: &str) -> Option<&'a Figure> {
    r.view_figures()
        .find(|f| f.get("name") == "embed-first-drawn" && f.get("view") == view)
}

/// Rows of the targets table.
pub fn targets(r: &Results) -> Vec<Target> {
    [
        ("the map", "map", "view=map"),
        ("one chart", "chart", "view=charts&chart=volume-by-year"),
    ]
    .into_iter()
    .map(|(what, kind, query)| {
        let v = figure(r, kind).map(|f| f.ms);
        Target::new(
            format!(
                "embed of {what} (`?embed=1&{query}`), demo data, cold: first drawn view from navigation start \
                     (Embeds below)"
            ),
            format!("<= {LIMIT_MS:.0} ms"),
            fmt_ms(v),
            verdict(v, LIMIT_MS),
        )
    })
    .collect()
}

/// The section: one row per embed kind.
pub fn section(s: &mut String, r: &Results) {
    let _ = writeln!(s, "\n## Embeds (bench/embed.mjs)\n");
    let _ = writeln!(
        s,
        "Each embed kind's address (`?embed=1&view=V&lang=en&height=auto`; one chart: `view=charts&chart=volume-by-year`; the demo data) opened as the page itself \
         at 800x600 in a fresh browser context (empty cache), as a partner's visitor first meets it. First drawn \
         view: from navigation start until the view's root says it drew (`data-drawn=\"true\"`; the list: \
         `html[data-ready=\"true\"]`), median of 5. Transfer: every response of the page and its workers, encoded \
         body and headers, as sent by xtask's server (brotli). The loader `embed.js` on the partner's page adds \
         one small request (about 1.5 KB).\n"
    );
    let _ = writeln!(s, "| embed | first drawn view | transfer | responses |");
    let _ = writeln!(s, "|---|---:|---:|---:|");
    for (view, name) in [
        ("map", "map"),
        ("network", "network"),
        ("charts", "charts (all six)"),
        ("chart", "one chart"),
        ("list", "list"),
    ] {
        match figure(r, view) {
            Some(f) => {
                let _ = writeln!(
                    s,
                    "| {name} | {} | {} KB | {} |",
                    fmt_ms(Some(f.ms)),
                    f.get("kb"),
                    f.get("responses")
                );
            }
            None => {
                let _ = writeln!(s, "| {name} | not measured | | |");
            }
        }
    }
}
