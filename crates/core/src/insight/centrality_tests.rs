//! Centrality against hand-computed values and brute force; the sampled estimate within its stated error.

use super::*;
use crate::filter::{select, Filter};
use crate::index::Index;

fn exact(g: &CollabGraph) -> Centrality {
    centrality(g, Options::default())
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn path_star_and_two_triangles_by_hand() {
    // Path 0-1-2-3-4: node 1 lies between 0 and {2,3,4} (3 pairs of 6), node 2 between {0,1} and {3,4} (4).
    let path = exact(&CollabGraph::from_edges(5, &[(0, 1), (1, 2), (2, 3), (3, 4)]));
    let b: Vec<f64> = path.actors.iter().map(|c| c.betweenness).collect();
    for (got, want) in b.iter().zip([0.0, 3.0 / 6.0, 4.0 / 6.0, 3.0 / 6.0, 0.0]) {
        assert!(close(*got, want), "{b:?}");
    }
    assert_eq!(path.method, Method::Exact);
    assert!(close(path.actors[2].degree_norm, 0.5));
    // Star: the centre lies on every path between leaves.
    let star = exact(&CollabGraph::from_edges(5, &[(0, 1), (0, 2), (0, 3), (0, 4)]));
    assert!(close(star.actors[0].betweenness, 1.0));
    assert!(close(star.actors[0].degree_norm, 1.0));
    assert!(star.actors[1..].iter().all(|c| c.betweenness == 0.0));
    // Two triangles {0,1,2} and {3,4,5} joined by the bridge 2-3: 2 and 3 each lie on 6 of the 10 pairs
    // of other nodes (their own triangle's two others × the other side's three).
    let tri = exact(&CollabGraph::from_edges(
        6,
        &[(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3)],
    ));
    let b: Vec<f64> = tri.actors.iter().map(|c| c.betweenness).collect();
    for (got, want) in b.iter().zip([0.0, 0.0, 0.6, 0.6, 0.0, 0.0]) {
        assert!(close(*got, want), "{b:?}");
    }
    let top = tri.top(2);
    assert_eq!((top[0].actor, top[1].actor), (ActorId(2), ActorId(3)));
}

#[test]
fn ties_split_the_paths() {
    // A 4-cycle: each node lies on half of the two shortest paths between its two neighbours.
    let c = exact(&CollabGraph::from_edges(4, &[(0, 1), (1, 2), (2, 3), (3, 0)]));
    for a in &c.actors {
        assert!(close(a.betweenness, 1.0 / 6.0), "{c:?}");
    }
}

/// Betweenness by definition: for every ordered pair (s, t), the share of shortest paths through v.
fn brute_force(g: &CollabGraph) -> Vec<f64> {
    let n = g.len();
    let bfs = |s: usize| {
        let mut dist = vec![usize::MAX; n];
        let mut count = vec![0f64; n];
        dist[s] = 0;
        count[s] = 1.0;
        let mut queue = std::collections::VecDeque::from([s]);
        while let Some(v) = queue.pop_front() {
            for &w in g.neighbours(v as u32) {
                let w = w as usize;
                if dist[w] == usize::MAX {
                    dist[w] = dist[v] + 1;
                    queue.push_back(w);
                }
                if dist[w] == dist[v] + 1 {
                    count[w] += count[v];
                }
            }
        }
        (dist, count)
    };
    let all: Vec<(Vec<usize>, Vec<f64>)> = (0..n).map(bfs).collect();
    let mut b = vec![0.0; n];
    for s in 0..n {
        for t in 0..n {
            let (ds, cs) = &all[s];
            if s == t || ds[t] == usize::MAX {
                continue;
            }
            for v in 0..n {
                let (dv, cv) = &all[v];
                if v != s && v != t && ds[v] != usize::MAX && ds[v] + dv[t] == ds[t] {
                    b[v] += cs[v] * cv[t] / cs[t];
                }
            }
        }
    }
    b.iter().map(|x| x / ((n - 1) * (n - 2)) as f64).collect()
}

fn generated_graph(actors: usize) -> CollabGraph {
    let json = serde_json::to_vec(&crate::generate::generate(actors, 3)).unwrap_or_default();
    let ds = crate::import::import(&json, "generated").0;
    let idx = Index::build(&ds);
    let sel = select(&ds, &idx, &Filter::default());
    CollabGraph::of(&idx, &sel)
}

#[test]
fn brandes_equals_brute_force_on_a_generated_graph() {
    let g = generated_graph(120);
    assert!(g.edge_count() > 50, "{}", g.edge_count());
    let want = brute_force(&g);
    let got = exact(&g);
    for (c, w) in got.actors.iter().zip(&want) {
        assert!((c.betweenness - w).abs() < 1e-9, "{:?} vs {w}", c);
    }
}

#[test]
fn sampled_is_within_its_stated_error_at_1000_actors() {
    let g = generated_graph(1_000);
    let truth = exact(&g);
    let opts = Options {
        exact_limit: 0,
        pivots: 200,
        seed: 5,
    };
    let est = centrality(&g, opts);
    let Method::Sampled { pivots, population, .. } = est.method else {
        panic!("should sample: {:?}", est.method);
    };
    assert_eq!(pivots, 200);
    assert!(population > 500, "{population}");
    assert!(est.bound > 0.0 && est.bound < 0.2, "{}", est.bound);
    // Hoeffding: every node within the bound.
    let mut within_3se = 0;
    for (e, t) in est.actors.iter().zip(&truth.actors) {
        let err = (e.betweenness - t.betweenness).abs();
        assert!(err <= est.bound, "{e:?} vs {t:?}");
        if err <= 3.0 * e.std_error + 1e-12 {
            within_3se += 1;
        }
    }
    // The standard error: nearly every node within three of them (the rest are nodes the sample missed).
    let share = within_3se as f64 / g.len() as f64;
    assert!(share > 0.95, "{share}");
    // The top actors are found: the exact top 5 are among the sampled top 15.
    let top15: Vec<ActorId> = est.top(15).iter().map(|c| c.actor).collect();
    for t in truth.top(5) {
        assert!(top15.contains(&t.actor), "{t:?} not in {top15:?}");
    }
    // Deterministic for a seed.
    assert_eq!(centrality(&g, opts), est);
}
