//! The network graph: modes give the right nodes and edges, CSR adjacency matches the edge list, ego networks.
#![allow(clippy::unwrap_used)]

mod common;

use ecomap_core::generate::generate;
use ecomap_core::graph::{Edge, EdgeKind, Graph, GraphMode, NodeRef};
use ecomap_core::index::Index;
use ecomap_core::model::{ActorId, TechnologyId};

fn demo() -> (ecomap_core::model::Dataset, Index) {
    let ds = common::dataset_from_wire(&generate(400, 3));
    let idx = Index::build(&ds);
    (ds, idx)
}

#[test]
fn ecosystems_mode_links_each_actor_to_its_technologies() {
    let (ds, idx) = demo();
    let g = Graph::build(&ds, &idx, GraphMode::Ecosystems);
    assert_eq!(g.actors, ds.actors.len());
    assert_eq!(g.technologies, ds.technologies.len());
    let memberships: usize = ds.actors.iter().map(|a| a.technologies.len()).sum();
    assert_eq!(g.edges.len(), memberships);
    assert!(g.edges.iter().all(|e| e.kind == EdgeKind::Technology));
    let a = ds.actors.iter().position(|a| !a.technologies.is_empty()).unwrap();
    let t = ds.actors[a].technologies[0];
    assert!(g.neighbours(a as u32).contains(&g.technology_node(t).unwrap()));
    assert_eq!(g.node(g.technology_node(t).unwrap()), NodeRef::Technology(t));
    assert_eq!(g.node(a as u32), NodeRef::Actor(ActorId(a as u32)));
}

#[test]
fn collaboration_mode_has_shared_project_edges_and_links_but_no_technologies() {
    let (ds, idx) = demo();
    let g = Graph::build(&ds, &idx, GraphMode::Collaboration);
    assert_eq!(g.technologies, 0);
    assert_eq!(g.technology_node(TechnologyId(0)), None);
    let collabs = idx.collaborations();
    assert!(!collabs.is_empty());
    for c in &collabs {
        let e = g.edges.iter().find(|e| e.a == c.a.0 && e.b == c.b.0).unwrap();
        assert_eq!(e.kind, EdgeKind::Collaboration);
        assert!((e.weight - (1.0 + (c.projects as f32).ln())).abs() < 1e-6);
    }
    // Every explicit link is an edge (as a link, or merged into a collaboration edge).
    for l in &ds.links {
        if l.source != l.target {
            let (a, b) = (l.source.0.min(l.target.0), l.source.0.max(l.target.0));
            assert!(g.edges.iter().any(|e| e.a == a && e.b == b));
        }
    }
    let all = Graph::build(&ds, &idx, GraphMode::All);
    assert_eq!(
        all.edges.len(),
        g.edges.len() + Graph::build(&ds, &idx, GraphMode::Ecosystems).edges.len()
    );
}

#[test]
fn csr_matches_edges_and_drops_self_loops_and_duplicates() {
    let e = |a, b| Edge {
        a,
        b,
        weight: 1.0,
        kind: EdgeKind::Link,
    };
    let g = Graph::from_edges(
        GraphMode::Collaboration,
        4,
        0,
        vec![e(0, 1), e(1, 0), e(2, 2), e(3, 1), e(0, 9)],
    );
    assert_eq!(g.edges.len(), 2);
    assert_eq!(g.neighbours(1), &[0, 3]);
    assert_eq!(g.degree(2), 0);
    let sum: u32 = (0..4).map(|i| g.degree(i)).sum();
    assert_eq!(sum as usize, 2 * g.edges.len());
    let empty = Graph::from_edges(GraphMode::All, 0, 0, vec![]);
    assert!(empty.is_empty());
    assert_eq!(empty.ego(0, 2, |_| true), vec![]);
}

#[test]
fn ego_network_by_depth() {
    let e = |a, b| Edge {
        a,
        b,
        weight: 1.0,
        kind: EdgeKind::Link,
    };
    // Path 0 - 1 - 2 - 3, and 4 alone.
    let g = Graph::from_edges(GraphMode::Collaboration, 5, 0, vec![e(0, 1), e(1, 2), e(2, 3)]);
    assert_eq!(g.ego(1, 1, |_| true), vec![(1, 0), (0, 1), (2, 1)]);
    assert_eq!(g.ego(0, 2, |_| true), vec![(0, 0), (1, 1), (2, 2)]);
    assert_eq!(g.ego(0, 2, |v| v != 1), vec![(0, 0)]);
    assert_eq!(g.ego(4, 2, |_| true), vec![(4, 0)]);
}

/// The edges in view for one year, against brute force: a collaboration edge is in view exactly when its two
/// actors share a project in view that year: active (start <= Y <= end) with a selected participant (under a
/// year filter, actors founded after the year are not selected), or have an explicit link; other edges always.
#[test]
fn edges_in_view_for_each_year_equal_brute_force() {
    use ecomap_core::filter::{select, Filter};
    let (ds, idx) = demo();
    let g = Graph::build(&ds, &idx, GraphMode::All);
    let (from, to) = ecomap_core::stats::project_year_span(&ds).unwrap();
    let mut thinned = 0;
    for year in from..=to {
        let sel = select(
            &ds,
            &idx,
            &Filter {
                years: Some((year, year)),
                ..Filter::default()
            },
        );
        let shown = g.edges_in_view(&idx, &sel.projects);
        for (i, e) in g.edges.iter().enumerate() {
            let want = match e.kind {
                EdgeKind::Collaboration => {
                    ds.links
                        .iter()
                        .any(|l| (l.source.0, l.target.0) == (e.a, e.b) || (l.target.0, l.source.0) == (e.a, e.b))
                        || ds.projects.iter().any(|p| {
                            p.start <= year
                                && year <= p.end
                                && p.participants
                                    .iter()
                                    .any(|x| ds.actor(x.actor).founded.is_none_or(|f| f <= year))
                                && p.participants.len() <= ecomap_core::index::MAX_COLLABORATION_PARTICIPANTS
                                && p.participants.iter().any(|x| x.actor.0 == e.a)
                                && p.participants.iter().any(|x| x.actor.0 == e.b)
                        })
                }
                _ => true,
            };
            assert_eq!(shown.get(i), want, "year {year}, edge {e:?}");
        }
        thinned += g.edges.len() - shown.count_ones() as usize;
    }
    assert!(thinned > 0, "some collaboration edges are out of view in some year");
}
