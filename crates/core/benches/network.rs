//! Native timings of the network graph and layout at 1k, 10k and 50k synthetic actors (generate(n, 1)):
//! graph build, one ForceAtlas2 iteration (`Settings::readable()`, Barnes-Hut theta 0.7), and the time until
//! the layout has converged: the quality measure (mean edge length / mean random-pair distance, lower is better)
//! within 5 % of what 300 iterations reach (`layout-readable-*`). At the largest size, the Barnes-Hut force error
//! of the collaboration graph at theta 0.5 and 0.7 against the exact O(n²) sum, at the start and after 150
//! iterations (`layout-force-error`: `sum_pct` = summed error / summed force, `p99_pct` and `worst_pct` per node;
//! ms = the Barnes-Hut sum). Run: `cargo bench -p ecomap-core --bench network`; prints `BENCH` lines.
#![allow(clippy::unwrap_used)]

use std::time::Instant;

use ecomap_core::generate::generate;
use ecomap_core::graph::{Graph, GraphMode};
use ecomap_core::index::Index;
use ecomap_core::layout::{repulsion, start_positions, state_quality, step, LayoutState, Settings};

fn main() {
    let sizes: Vec<usize> = match std::env::var("ECOMAP_BENCH_SIZES") {
        Ok(s) => s.split(',').filter_map(|v| v.trim().parse().ok()).collect(),
        Err(_) => vec![1_000, 10_000, 50_000],
    };
    let largest = sizes.iter().copied().max().unwrap_or(0);
    for n in sizes {
        let export = generate(n, 1);
        let bytes = serde_json::to_vec(&export).unwrap();
        let (ds, _) = ecomap_core::import::import(&bytes, "bench.json");
        let idx = Index::build(&ds);
        for mode in [GraphMode::Ecosystems, GraphMode::Collaboration, GraphMode::All] {
            let t = Instant::now();
            let g = Graph::build(&ds, &idx, mode);
            let build_ms = t.elapsed().as_secs_f64() * 1000.0;
            let m = mode.key();
            println!("# {m}: {} nodes, {} edges", g.len(), g.edges.len());
            println!("BENCH name=graph-build-{m} actors={n} ms={build_ms:.3}");
            let (x, y) = start_positions(&g, &[], 1);
            let mut s = LayoutState::new(&g, x, y, Settings::readable());
            let mut times = Vec::new();
            let mut trace = Vec::new();
            let t_all = Instant::now();
            for _ in 0..300 {
                let t = Instant::now();
                step(&mut s, 1);
                times.push(t.elapsed().as_secs_f64() * 1000.0);
                if s.iterations.is_multiple_of(5) {
                    trace.push((
                        s.iterations,
                        t_all.elapsed().as_secs_f64() * 1000.0,
                        state_quality(&s).unwrap(),
                    ));
                }
            }
            let q_final = state_quality(&s).unwrap();
            let mut sorted = times.clone();
            sorted.sort_by(|a, b| a.total_cmp(b));
            println!(
                "BENCH name=layout-iteration-{m} actors={n} ms={:.3}",
                sorted[sorted.len() / 2]
            );
            let (it, ms, q) = trace.iter().copied().find(|&(_, _, q)| q <= q_final * 1.05).unwrap();
            println!("# {m}: quality {q_final:.3} after 300 iterations; {q:.3} after {it} iterations");
            println!("BENCH name=layout-readable-{m} actors={n} ms={ms:.1}");
            if n == largest && mode == GraphMode::Collaboration {
                let (x, y) = start_positions(&g, &[], 1);
                let mut start = LayoutState::new(&g, x, y, Settings::readable());
                force_error(&mut start.clone(), n, "start");
                step(&mut start, 150);
                force_error(&mut start, n, "150");
            }
        }
    }
}

/// Barnes-Hut repulsion at theta 0.5 and 0.7 against the exact sum, on a copy of the state's positions.
fn force_error(state: &mut LayoutState, n: usize, at: &str) {
    repulsion(state, 0.0);
    let (ex, ey) = (state.dx.clone(), state.dy.clone());
    for theta in [0.5f32, 0.7] {
        let t = Instant::now();
        repulsion(state, theta);
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        let (mut err, mut total) = (0.0f64, 0.0f64);
        let mut rel: Vec<f64> = Vec::with_capacity(ex.len());
        for i in 0..ex.len() {
            let e = (((state.dx[i] - ex[i]) as f64).powi(2) + ((state.dy[i] - ey[i]) as f64).powi(2)).sqrt();
            let l = ((ex[i] as f64).powi(2) + (ey[i] as f64).powi(2)).sqrt();
            err += e;
            total += l;
            rel.push(e / l.max(1e-12));
        }
        rel.sort_by(f64::total_cmp);
        let p99 = rel[rel.len() * 99 / 100];
        let worst = rel[rel.len() - 1];
        println!(
            "BENCH name=layout-force-error actors={n} at={at} theta={theta} sum_pct={:.3} p99_pct={:.2} worst_pct={:.1} ms={ms:.3}",
            100.0 * err / total,
            100.0 * p99,
            100.0 * worst
        );
    }
}
