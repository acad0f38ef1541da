//! Native timings of the data path for 1k, 10k and 50k synthetic actors: generate → JSON → import →
//! Index::build → select (technology facet; search "ber") → headline, and the search box's suggestions per
//! keystroke; the insight figures (issue 17, docs/insight.md): the selection's collaboration graph, centrality
//! (exact up to 2,000 connected actors, else sampled from k pivots, error printed), the technology x region
//! quotients, a profile, a comparison of four technologies, and one actor's partner suggestions. Run:
//! `cargo bench -p ecomap-core --bench core`.
//!
//! Prints a markdown table of median milliseconds and one `BENCH name=<step> actors=<n> ms=<x>` line per figure
//! for `cargo xtask bench`. No criterion: a plain timing loop, median of several runs.
#![allow(clippy::unwrap_used)]

use std::hint::black_box;
use std::time::Instant;

use ecomap_core::facet::PerFacet;
use ecomap_core::filter::{select, Filter};
use ecomap_core::generate::generate;
use ecomap_core::index::Index;
use ecomap_core::insight::centrality::{centrality, Method, Options};
use ecomap_core::insight::compare::compare;
use ecomap_core::insight::concentration::matrix;
use ecomap_core::insight::partners::{suggest_partners, LIMIT};
use ecomap_core::insight::profile::profile;
use ecomap_core::insight::CollabGraph;
use ecomap_core::model::{ActorId, TechnologyId};
use ecomap_core::model::{ActorKind, Dataset};
use ecomap_core::stats::{headline, reference_year};
use ecomap_core::suggest::suggest;

/// Median wall time of `runs` calls of `f`, in milliseconds, and the last result.
fn median_ms<T>(runs: usize, mut f: impl FnMut() -> T) -> (f64, T) {
    let mut times = Vec::with_capacity(runs);
    let mut last = None;
    for _ in 0..runs {
        let t = Instant::now();
        let r = f();
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        last = Some(black_box(r));
    }
    times.sort_by(|a, b| a.total_cmp(b));
    (times[times.len() / 2], last.unwrap())
}

/// The export's bytes to a `Dataset`, as the app does it (parse, validate, intern).
fn import(bytes: &[u8]) -> Dataset {
    let (ds, report) = ecomap_core::import::import(bytes, "bench.json");
    assert_eq!(report.errors(), 0, "the generated export should import without errors");
    ds
}

/// The insight figures on the whole selection (no filter: the most actors and projects a figure can see).
fn insight_row(ds: &Dataset, idx: &Index, heavy: usize, light: usize) -> Vec<f64> {
    let n = ds.actors.len();
    let f = Filter::default();
    let sel = select(ds, idx, &f);
    let mut row = Vec::new();
    let (ms, graph) = median_ms(heavy, || CollabGraph::of(idx, &sel));
    row.push(ms);
    let (ms, cent) = median_ms(heavy, || centrality(&graph, Options::default()));
    row.push(ms);
    let top = cent.top(10);
    let rel: Vec<String> = top
        .iter()
        .map(|c| format!("{:.1}%", 100.0 * c.std_error / c.betweenness.max(f64::MIN_POSITIVE)))
        .collect();
    let method = match cent.method {
        Method::Exact => "exact".to_string(),
        Method::Sampled {
            pivots,
            population,
            seed,
        } => {
            format!("sampled k={pivots} of {population} connected, seed {seed}")
        }
    };
    println!(
        "# insight centrality {n} actors: {} nodes, {} edges, {method}; 95 % bound {:.4}; top-10 betweenness {:.5}..{:.5}, their standard errors {}",
        graph.len(),
        graph.edge_count(),
        cent.bound,
        top.first().map_or(0.0, |c| c.betweenness),
        top.last().map_or(0.0, |c| c.betweenness),
        rel.join(" ")
    );
    let (ms, _) = median_ms(light, || matrix(idx, &sel));
    row.push(ms);
    let (ms, _) = median_ms(light, || profile(ds, idx, &f, &sel, TechnologyId(0), Some(&cent)));
    row.push(ms);
    let four = [0, 2, 3, 7].map(TechnologyId);
    let (ms, _) = median_ms(light, || compare(ds, idx, &f, &sel, &four, Some(&cent)));
    row.push(ms);
    // The worst case: the actor with the most collaborators.
    let busiest = (0..graph.len() as u32)
        .max_by_key(|&v| (graph.degree(v), std::cmp::Reverse(v)))
        .map_or(ActorId(0), |v| graph.nodes[v as usize]);
    let (ms, list) = median_ms(light, || suggest_partners(ds, idx, &sel, busiest, LIMIT));
    row.push(ms);
    println!(
        "# insight partners {n} actors: actor {} with {} collaborators, {} suggestions",
        busiest.0,
        graph.node(busiest).map_or(0, |v| graph.degree(v)),
        list.len()
    );
    row
}

fn main() {
    let sizes = [1_000usize, 10_000, 50_000];
    let steps = [
        "generate",
        "to_json",
        "import",
        "index_build",
        "select_technology",
        "select_text_ber",
        "select_text_0_all_match",
        "select_all_facets_years",
        "headline",
        "collaborations",
        "search_suggest_ber",
        "search_suggest_0_all_match",
        "insight_collab_graph",
        "insight_centrality",
        "insight_concentration_matrix",
        "insight_profile",
        "insight_compare_4",
        "insight_partners",
    ];
    let mut table: Vec<(usize, Vec<f64>)> = Vec::new();
    for &n in &sizes {
        let heavy = if n >= 50_000 { 5 } else { 9 };
        let light = 31;
        let mut row = Vec::new();
        let (ms, export) = median_ms(heavy, || generate(n, 1));
        row.push(ms);
        let (ms, bytes) = median_ms(heavy, || serde_json::to_vec(&export).unwrap());
        row.push(ms);
        let (ms, ds) = median_ms(heavy, || import(&bytes));
        row.push(ms);
        let (ms, idx) = median_ms(heavy, || Index::build(&ds));
        row.push(ms);
        let tech = Filter {
            chosen: PerFacet([vec![0], vec![], vec![], vec![]]),
            ..Filter::default()
        };
        let (ms, sel_t) = median_ms(light, || select(&ds, &idx, &tech));
        row.push(ms);
        let text = Filter {
            text: "ber".into(),
            ..Filter::default()
        };
        let (ms, sel_b) = median_ms(light, || select(&ds, &idx, &text));
        row.push(ms);
        // Worst case for search: "0" occurs in every synthetic name (they carry a zero-padded number).
        let zero = Filter {
            text: "0".into(),
            ..Filter::default()
        };
        let (ms, _) = median_ms(light, || select(&ds, &idx, &zero));
        row.push(ms);
        let all = Filter {
            chosen: PerFacet([
                vec![0, 3],
                vec![0, 6],
                vec![ActorKind::Startup.index() as u32, ActorKind::Sme.index() as u32],
                (0..12).collect(),
            ]),
            years: Some((2021, 2023)),
            text: "a".into(),
        };
        let (ms, _) = median_ms(light, || select(&ds, &idx, &all));
        row.push(ms);
        let year = reference_year(&ds).unwrap_or(2025);
        let (ms, h) = median_ms(light, || headline(&ds, &sel_t, year));
        row.push(ms);
        let (ms, edges) = median_ms(heavy, || idx.collaborations());
        row.push(ms);
        // One keystroke in the search box: its suggestions (actors, technologies, regions).
        let (ms, _) = median_ms(light, || suggest(&ds, &idx, "ber"));
        row.push(ms);
        let (ms, _) = median_ms(light, || suggest(&ds, &idx, "0"));
        row.push(ms);
        row.extend(insight_row(&ds, &idx, heavy, light));
        eprintln!(
            "{n} actors: {} bytes, {} projects, {} links, {} collaboration edges; technology filter {} actors, \"ber\" {} actors; \
             headline {year}: {} projects, {} EUR, {} new",
            bytes.len(),
            ds.projects.len(),
            ds.links.len(),
            edges.len(),
            sel_t.list.len(),
            sel_b.list.len(),
            h.projects,
            h.volume.0,
            h.new_projects
        );
        assert_eq!(row.len(), steps.len());
        for (s, ms) in steps.iter().zip(&row) {
            println!("BENCH name={s} actors={n} ms={ms:.3}");
        }
        table.push((n, row));
    }
    println!();
    println!(
        "| step (median ms) | {} |",
        sizes.map(|n| format!("{n} actors")).join(" | ")
    );
    println!("|---|{}", "---:|".repeat(sizes.len()));
    for (i, s) in steps.iter().enumerate() {
        let cells: Vec<String> = table.iter().map(|(_, row)| format!("{:.2}", row[i])).collect();
        println!("| {s} | {} |", cells.join(" | "));
    }
}
