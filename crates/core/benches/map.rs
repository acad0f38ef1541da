//! Native timings of the map's core work for 1k, 10k and 50k synthetic actors: points of the selection,
//! cluster index build, clusters of the whole region per zoom, aggregated arcs. Run: `cargo bench -p ecomap-core --bench map`.
//!
//! Prints one `BENCH name=<step> actors=<n> ms=<x>` line per figure (median of several runs) for `cargo xtask bench`.
#![allow(clippy::unwrap_used)]

use std::hint::black_box;
use std::time::Instant;

use ecomap_core::bitset::Bitset;
use ecomap_core::cluster::{selection_points, ClusterIndex, ClusterOptions};
use ecomap_core::generate::generate;
use ecomap_core::geo;
use ecomap_core::index::Index;
use ecomap_core::projection::{bbox_to_world, Camera, Viewport};

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
        let json = serde_json::to_vec(&generate(n, 1)).unwrap();
        let (ds, _) = ecomap_core::import::import(&json, "bench.json");
        let idx = Index::build(&ds);
        let all = Bitset::full(ds.actors.len());
        let runs = if n > 10_000 { 7 } else { 15 };
        let bench = |name: &str, ms: f64| println!("BENCH name=map_{name} actors={n} ms={ms:.3}");
        bench("points", median_ms(runs, || selection_points(&ds, &all)));
        let (pts, _) = selection_points(&ds, &all);
        bench(
            "cluster_build",
            median_ms(runs, || ClusterIndex::build(pts.clone(), ClusterOptions::default())),
        );
        let ci = ClusterIndex::build(pts.clone(), ClusterOptions::default());
        let vp = Viewport {
            width: 1280.0,
            height: 800.0,
            dpr: 1.0,
        };
        let cam = Camera::fit(&vp, &bbox_to_world(&geo::berlin_brandenburg_bbox()), 24.0, 16.0);
        let view = cam.visible(&vp);
        bench(
            "get_clusters_fit",
            median_ms(runs, || ci.get_clusters(&view, ci.level_for(cam.zoom))),
        );
        bench("get_clusters_z13", median_ms(runs, || ci.get_clusters(&view, 13)));
        let collabs = idx.collaborations();
        bench(
            "arcs_fit",
            median_ms(runs, || ci.aggregated_arcs(ci.level_for(cam.zoom), &collabs)),
        );
    }
}
