//! Native timings of the charts' aggregations (core::stats) at 1k, 10k and 50k synthetic actors (about 10k
//! projects at 50k), for the whole selection and for a filtered one. Run: `cargo bench -p ecomap-core --bench stats`.
//!
//! Prints one `BENCH name=<step> actors=<n> ms=<x>` line per figure (median of several runs); target: each
//! aggregation, and all six charts together, <= 5 ms at 50k actors.
#![allow(clippy::unwrap_used)]

use std::hint::black_box;
use std::time::Instant;

use ecomap_core::facet::PerFacet;
use ecomap_core::filter::{select, Filter};
use ecomap_core::generate::generate;
use ecomap_core::index::Index;
use ecomap_core::model::Dataset;
use ecomap_core::stats::*;

fn median_ms<T>(runs: usize, mut f: impl FnMut() -> T) -> f64 {
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        black_box(f());
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(|a, b| a.total_cmp(b));
    times[times.len() / 2]
}

fn main() {
    for n in [1_000usize, 10_000, 50_000] {
        let bytes = serde_json::to_vec(&generate(n, 1)).unwrap();
        let (ds, _) = ecomap_core::import::import(&bytes, "bench.json");
        let ds: Dataset = ds;
        let idx = Index::build(&ds);
        let (from, to) = project_year_span(&ds).unwrap();
        for (label, filter) in [
            ("all", Filter::default()),
            (
                "tech",
                Filter {
                    chosen: PerFacet([vec![0], vec![], vec![], vec![]]),
                    ..Filter::default()
                },
            ),
        ] {
            let sel = select(&ds, &idx, &filter);
            let runs = 31;
            let cases: Vec<(&str, f64)> = vec![
                (
                    "volume_by_year_and_technology",
                    median_ms(runs, || {
                        volume_by_year_and_technology(&ds, &sel, from, to, YearReading::Running)
                    }),
                ),
                (
                    "projects_new_and_ongoing",
                    median_ms(runs, || projects_new_and_ongoing(&ds, &sel, from, to)),
                ),
                (
                    "volume_by_technology",
                    median_ms(runs, || volume_by_technology(&ds, &sel)),
                ),
                (
                    "volume_by_sector",
                    median_ms(runs, || volume_by_sector(&ds, &idx, &sel)),
                ),
                ("composition", median_ms(runs, || composition(&ds, &sel))),
                (
                    "top_actors",
                    median_ms(runs, || top_actors(&ds, &idx, &sel, TOP_ACTORS)),
                ),
                (
                    "all_charts",
                    median_ms(runs, || {
                        (
                            volume_by_year_and_technology(&ds, &sel, from, to, YearReading::Running),
                            projects_new_and_ongoing(&ds, &sel, from, to),
                            volume_by_technology(&ds, &sel),
                            volume_by_sector(&ds, &idx, &sel),
                            composition(&ds, &sel),
                            top_actors(&ds, &idx, &sel, TOP_ACTORS),
                        )
                    }),
                ),
                (
                    "csv_actors",
                    median_ms(5, || {
                        ecomap_core::csv::actors_csv(&ds, &idx, &sel, ecomap_core::model::Lang::De)
                    }),
                ),
            ];
            for (name, ms) in cases {
                println!(
                    "BENCH name=stats_{name}_{label} actors={n} projects={} ms={ms:.3}",
                    ds.projects.len()
                );
            }
        }
    }
}
