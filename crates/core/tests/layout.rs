//! ForceAtlas2 with Barnes-Hut: deterministic, quality improves, no NaN in edge cases, Barnes-Hut close to exact.
#![allow(clippy::unwrap_used)]

mod common;

use ecomap_core::generate::{generate, SplitMix64};
use ecomap_core::graph::{Edge, EdgeKind, Graph, GraphMode};
use ecomap_core::index::Index;
use ecomap_core::layout::{
    neighbour_share, quality, repulsion, start_positions, state_neighbour_share, state_quality, step, LayoutState,
    QuadTree, Settings,
};

fn generated(n: usize, mode: GraphMode) -> Graph {
    let ds = common::dataset_from_wire(&generate(n, 5));
    let idx = Index::build(&ds);
    Graph::build(&ds, &idx, mode)
}

fn random_state(g: &Graph, seed: u64) -> LayoutState {
    let mut r = SplitMix64::new(seed);
    let n = g.len();
    let x = (0..n).map(|_| (r.unit() * 1000.0) as f32).collect();
    let y = (0..n).map(|_| (r.unit() * 1000.0) as f32).collect();
    LayoutState::new(g, x, y, Settings::default())
}

fn all_finite(s: &LayoutState) -> bool {
    s.x.iter().chain(&s.y).all(|v| v.is_finite())
}

#[test]
fn same_seed_same_positions() {
    let g = generated(600, GraphMode::All);
    let run = |seed| {
        let (x, y) = start_positions(&g, &[], seed);
        let mut s = LayoutState::new(&g, x, y, Settings::default());
        step(&mut s, 30);
        (s.x, s.y)
    };
    assert_eq!(run(1), run(1));
    assert_ne!(run(1), run(2));
}

#[test]
fn quality_improves_from_a_random_start() {
    for mode in [GraphMode::Ecosystems, GraphMode::Collaboration, GraphMode::All] {
        let g = generated(1500, mode);
        let mut s = random_state(&g, 3);
        let q0 = state_quality(&s).unwrap();
        step(&mut s, 50);
        let q50 = state_quality(&s).unwrap();
        step(&mut s, 150);
        let q200 = state_quality(&s).unwrap();
        assert!(q0 > 0.9, "{mode:?}: random start should be about 1.0, got {q0}");
        assert!(q50 < 0.7 * q0, "{mode:?}: {q0} -> {q50}");
        assert!(q200 <= q50 * 1.05, "{mode:?}: {q50} -> {q200}");
        assert!(all_finite(&s));
    }
}

#[test]
fn good_start_converges_faster_than_a_random_start() {
    // In ecosystems mode the good start (hubs first, actors near their hubs) gives a better layout after 10 iterations than a
    // random start, and the movement (the stop criterion in the app) falls as it converges.
    for mode in [GraphMode::Ecosystems, GraphMode::All] {
        let g = generated(3000, mode);
        let (x, y) = start_positions(&g, &[], 1);
        let mut good = LayoutState::new(&g, x, y, Settings::default());
        step(&mut good, 5);
        let early = good.movement;
        step(&mut good, 5);
        let q_good = state_quality(&good).unwrap();
        let mut random = random_state(&g, 1);
        step(&mut random, 10);
        let q_random = state_quality(&random).unwrap();
        assert!(
            mode != GraphMode::Ecosystems || q_good < q_random,
            "{mode:?}: good start {q_good} vs random start {q_random}"
        );
        step(&mut good, 190);
        assert!(
            good.movement < early / 10.0,
            "{mode:?}: movement {early} -> {}",
            good.movement
        );
    }
}

#[test]
fn edge_cases_never_nan() {
    let e = |a, b| Edge {
        a,
        b,
        weight: 1.0,
        kind: EdgeKind::Link,
    };
    // Empty graph.
    let g = Graph::from_edges(GraphMode::Collaboration, 0, 0, vec![]);
    let mut s = LayoutState::new(&g, vec![], vec![], Settings::default());
    step(&mut s, 10);
    assert!(s.is_empty());
    // One node, isolated nodes, self-loop (dropped), everything coincident.
    for n in [1usize, 2, 3, 50] {
        let edges = if n >= 3 {
            vec![e(0, 1), e(1, 1), e(1, 2)]
        } else {
            vec![]
        };
        let g = Graph::from_edges(GraphMode::Collaboration, n, 0, edges);
        let mut s = LayoutState::new(&g, vec![5.0; n], vec![5.0; n], Settings::default());
        step(&mut s, 100);
        assert!(all_finite(&s), "n = {n}");
        if n >= 2 {
            assert!(
                s.x[0] != s.x[1] || s.y[0] != s.y[1],
                "coincident nodes are pushed apart (n = {n})"
            );
        }
    }
    // Start positions of a graph with only isolated nodes; huge coordinates.
    let g = Graph::from_edges(GraphMode::All, 20, 0, vec![]);
    let (x, y) = start_positions(&g, &[Some((f32::NAN, 1.0)), Some((1e30, -1e30))], 9);
    let mut s = LayoutState::new(&g, x, y, Settings::default());
    step(&mut s, 50);
    assert!(all_finite(&s));
}

#[test]
fn barnes_hut_within_stated_tolerance_of_exact_forces() {
    // Stated tolerance: at theta 0.5 the summed error of the repulsion vectors is below 1 % of their summed
    // length and no node's force is off by more than 10 %; at theta 0.7 (the app's) below 2 % and 30 %.
    for (theta, sum_tol, worst_tol, n, seed) in [
        (0.5f32, 0.01, 0.1, 200usize, 1u64),
        (0.5, 0.01, 0.1, 500, 2),
        (0.5, 0.01, 0.1, 1000, 3),
        (0.7, 0.02, 0.3, 1000, 4),
    ] {
        let g = Graph::from_edges(GraphMode::Collaboration, n, 0, vec![]);
        let mut s = random_state(&g, seed);
        // Uneven masses, as hubs have.
        for (i, m) in s.mass.iter_mut().enumerate() {
            *m = 1.0 + (i % 17) as f32;
        }
        repulsion(&mut s, 0.0);
        let (ex, ey) = (s.dx.clone(), s.dy.clone());
        repulsion(&mut s, theta);
        let (mut err, mut total, mut worst) = (0.0f64, 0.0f64, 0.0f64);
        for i in 0..n {
            let e = (((s.dx[i] - ex[i]) as f64).powi(2) + ((s.dy[i] - ey[i]) as f64).powi(2)).sqrt();
            let l = ((ex[i] as f64).powi(2) + (ey[i] as f64).powi(2)).sqrt();
            err += e;
            total += l;
            worst = worst.max(e / l.max(1e-9));
        }
        assert!(
            err / total < sum_tol,
            "theta {theta}, n = {n}: relative error {}",
            err / total
        );
        assert!(worst < worst_tol, "theta {theta}, n = {n}: worst node {worst}");
        println!(
            "theta {theta}, n = {n}: relative error {:.4}, worst node {worst:.4}",
            err / total
        );
    }
}

#[test]
fn quadtree_walks_cover_every_body_once() {
    let mut r = SplitMix64::new(4);
    let x: Vec<f32> = (0..1000).map(|_| r.unit() as f32).collect();
    let mut y: Vec<f32> = (0..1000).map(|_| r.unit() as f32).collect();
    y[10] = y[11]; // coincident pair
    let mut t = QuadTree::default();
    t.build(&x, &y);
    let mut seen = vec![0u32; 1000];
    t.visit(|c| {
        if t.cells[c].leaf {
            for &b in t.bodies(c) {
                seen[b as usize] += 1;
            }
        }
        true
    });
    assert!(seen.iter().all(|&c| c == 1));
    // Post-order: every child is visited before its parent; counts add up.
    let mut count = vec![0usize; t.cells.len()];
    t.visit_after(|c| {
        count[c] = if t.cells[c].leaf {
            t.bodies(c).len()
        } else {
            t.children(c).map(|k| count[k]).sum()
        };
    });
    assert_eq!(count[0], 1000);
}

#[test]
fn a_worker_state_from_flat_arrays_steps_exactly_like_the_graph_state() {
    // The Web Worker builds its state from the arrays the page sends; it must follow the same path.
    let g = generated(300, GraphMode::All);
    let (x, y) = start_positions(&g, &[], 3);
    let mut from_graph = LayoutState::new(&g, x, y, Settings::readable());
    let mut from_parts = LayoutState::from_parts(
        from_graph.x.clone(),
        from_graph.y.clone(),
        from_graph.mass.clone(),
        from_graph.edge_a.clone(),
        from_graph.edge_b.clone(),
        from_graph.edge_w.clone(),
        Settings::readable(),
    );
    step(&mut from_graph, 25);
    step(&mut from_parts, 25);
    assert_eq!(from_graph.x, from_parts.x);
    assert_eq!(from_graph.y, from_parts.y);
    assert_eq!(from_graph.iterations, from_parts.iterations);
}

#[test]
fn malformed_worker_arrays_are_cut_not_fatal() {
    // Unequal lengths, an edge to a missing node and a NaN weight: the step runs on what is consistent.
    let mut s = LayoutState::from_parts(
        vec![0.0, 1.0, 2.0, 3.0],
        vec![0.0, 1.0, 0.5],
        vec![1.0, 2.0, 1.0, 1.0],
        vec![0, 1, 2, 0],
        vec![1, 7, 0, 2],
        vec![1.0, 1.0, 1.0, f32::NAN],
        Settings::readable(),
    );
    assert_eq!(s.len(), 3);
    assert_eq!(s.edge_a, vec![0, 2]);
    assert_eq!(s.edge_b, vec![1, 0]);
    step(&mut s, 20);
    assert!(all_finite(&s));
}

#[test]
fn waking_a_stopped_layout_makes_it_move_again() {
    let g = generated(200, GraphMode::Collaboration);
    let mut s = random_state(&g, 5);
    step(&mut s, 40);
    assert!(s.movement.is_finite());
    s.wake(40);
    assert!(s.movement.is_infinite(), "movement is unknown until the next step");
    assert_eq!(s.iterations, 0, "the count starts over at the limit");
    let before = s.x.clone();
    step(&mut s, 1);
    assert_ne!(before, s.x);
    s.wake(1000);
    assert_eq!(s.iterations, 1, "below the limit the count goes on");
}

/// The nearest other node of `i` by brute force (ties to the lower id), as `neighbour_share` defines it.
fn brute_nearest(x: &[f32], y: &[f32], i: usize) -> Option<usize> {
    let mut best: Option<(f64, usize)> = None;
    for j in 0..x.len() {
        if j == i || !x[j].is_finite() || !y[j].is_finite() {
            continue;
        }
        let d2 = (x[j] as f64 - x[i] as f64).powi(2) + (y[j] as f64 - y[i] as f64).powi(2);
        if best.is_none_or(|(bd, _)| d2 < bd) {
            best = Some((d2, j));
        }
    }
    best.map(|(_, j)| j)
}

fn brute_share(x: &[f32], y: &[f32], a: &[u32], b: &[u32]) -> Option<f32> {
    let n = x.len();
    let adjacent = |i: usize, j: usize| {
        a.iter()
            .zip(b)
            .any(|(&p, &q)| (p as usize, q as usize) == (i, j) || (p as usize, q as usize) == (j, i))
    };
    let (mut counted, mut hits) = (0, 0);
    for i in 0..n {
        if !a
            .iter()
            .zip(b)
            .any(|(&p, &q)| p != q && (p as usize == i || q as usize == i))
        {
            continue;
        }
        counted += 1;
        if x[i].is_finite() && y[i].is_finite() {
            if let Some(j) = brute_nearest(x, y, i) {
                hits += usize::from(adjacent(i, j));
            }
        }
    }
    (counted > 0).then(|| hits as f32 / counted as f32)
}

#[test]
fn neighbour_share_matches_brute_force() {
    // Random graphs and positions, with coincident points, a node without edges, a clump far from the rest
    // (uneven density) and a point at infinity; the grid must find exactly the brute-force nearest node.
    for seed in 0..12u64 {
        let mut r = SplitMix64::new(seed);
        let n = 50 + r.below(400);
        let mut x: Vec<f32> = (0..n).map(|_| (r.unit() * 100.0) as f32).collect();
        let mut y: Vec<f32> = (0..n).map(|_| (r.unit() * 100.0) as f32).collect();
        x[1] = x[0];
        y[1] = y[0];
        for i in 2..12 {
            x[i] = 5000.0 + r.unit() as f32;
            y[i] = -3000.0 + r.unit() as f32;
        }
        if seed % 3 == 0 {
            x[12] = f32::INFINITY;
        }
        if seed % 4 == 0 {
            // Everything on one line: a degenerate extent.
            y.iter_mut().for_each(|v| *v = 1.0);
        }
        let m = n * 2;
        let a: Vec<u32> = (0..m).map(|_| r.below(n - 1) as u32).collect();
        let b: Vec<u32> = (0..m).map(|_| r.below(n - 1) as u32).collect();
        let got = neighbour_share(&x, &y, &a, &b);
        let want = brute_share(&x, &y, &a, &b);
        assert_eq!(got, want, "seed {seed}, n = {n}");
    }
}

#[test]
fn neighbour_share_reads_a_drawing() {
    // A path drawn in order: every node's nearest node is a neighbour.
    let n = 100u32;
    let x: Vec<f32> = (0..n).map(|i| i as f32).collect();
    let y = vec![0.0; n as usize];
    let a: Vec<u32> = (0..n - 1).collect();
    let b: Vec<u32> = (1..n).collect();
    assert_eq!(neighbour_share(&x, &y, &a, &b), Some(1.0));
    // The same path drawn shuffled (node i at position 37·i mod 100): no nearest node is a neighbour.
    let shuffled: Vec<f32> = (0..n).map(|i| ((37 * i) % n) as f32).collect();
    assert_eq!(neighbour_share(&shuffled, &y, &a, &b), Some(0.0));
    // Without edges or nodes there is nothing to measure.
    assert_eq!(neighbour_share(&x, &y, &[], &[]), None);
    assert_eq!(neighbour_share(&[1.0], &[1.0], &[0], &[0]), None);
}

#[test]
fn both_measures_improve_as_the_layout_converges() {
    let g = generated(1500, GraphMode::Collaboration);
    let mut s = random_state(&g, 8);
    let (q0, n0) = (state_quality(&s).unwrap(), state_neighbour_share(&s).unwrap());
    step(&mut s, 200);
    let (q1, n1) = (state_quality(&s).unwrap(), state_neighbour_share(&s).unwrap());
    assert!(q1 < 0.8 * q0, "edge length ratio {q0} -> {q1}");
    assert!(n1 > 2.0 * n0, "neighbour share {n0} -> {n1}");
    assert_eq!(
        quality(&s.x, &s.y, &s.edge_a, &s.edge_b, 2000, 7),
        Some(q1),
        "state_quality is quality with 2,000 samples, seed 7"
    );
}
