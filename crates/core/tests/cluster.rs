//! Behaviour of the map's clustering: counts are conserved at every zoom, children and leaves add up,
//! clusters split where their expansion zoom says, identical coordinates spread out, and arcs aggregate.

use std::collections::HashSet;

use ecomap_core::cluster::*;
use ecomap_core::generate::SplitMix64;
use ecomap_core::index::Collaboration;
use ecomap_core::model::{ActorId, ActorKind, Eur, LonLat};
use ecomap_core::projection::{project, World, WorldBox};

const ALL: WorldBox = WorldBox {
    min: World { x: 0.0, y: 0.0 },
    max: World { x: 1.0, y: 1.0 },
};

/// `n` points over Berlin-Brandenburg, a dense core in Berlin, and `dup` of them on one spot (Potsdam).
fn points(n: usize, dup: usize, seed: u64) -> Vec<Point> {
    let mut rng = SplitMix64::new(seed);
    (0..n)
        .map(|i| {
            let p = if i < dup {
                LonLat {
                    lon: 13.06566,
                    lat: 52.39886,
                }
            } else if rng.chance(0.5) {
                LonLat {
                    lon: 13.2 + rng.unit() * 0.4,
                    lat: 52.4 + rng.unit() * 0.2,
                }
            } else {
                LonLat {
                    lon: 11.3 + rng.unit() * 3.4,
                    lat: 51.4 + rng.unit() * 1.9,
                }
            };
            Point {
                actor: ActorId(i as u32 * 2),
                at: project(p),
                kind: ActorKind::ALL[rng.below(7)],
            }
        })
        .collect()
}

#[test]
fn every_zoom_holds_every_point_once() {
    let pts = points(3000, 25, 7);
    let idx = ClusterIndex::build(pts.clone(), ClusterOptions::default());
    for z in 0..=17u8 {
        let found = idx.get_clusters(&ALL, z);
        let total: u32 = found.iter().map(|f| f.count).sum();
        assert_eq!(total, 3000, "zoom {z}");
        let kinds: u32 = found.iter().flat_map(|f| f.kinds).sum();
        assert_eq!(kinds, 3000, "kind breakdown at zoom {z}");
        // Every point is in exactly one item's leaves.
        let mut seen = HashSet::new();
        for f in &found {
            let leaves = match f.item {
                Item::Actor(a) => vec![a],
                Item::Cluster(c) => idx.leaves(c),
            };
            assert_eq!(leaves.len() as u32, f.count, "leaves of {:?} at zoom {z}", f.item);
            for a in leaves {
                assert!(seen.insert(a), "{a:?} twice at zoom {z}");
            }
        }
        assert_eq!(seen.len(), 3000);
        // `item_of` finds the item that holds an actor.
        for p in pts.iter().step_by(97) {
            let it = idx.item_of(p.actor, z).expect("clustered");
            let holds = match it.item {
                Item::Actor(a) => a == p.actor,
                Item::Cluster(c) => idx.leaves(c).contains(&p.actor),
            };
            assert!(holds, "{:?} not in {:?} at zoom {z}", p.actor, it.item);
        }
    }
    assert_eq!(idx.item_of(ActorId(1), 5), None);
    // Fewer items when zoomed out; points alone above max_zoom (duplicates included).
    assert!(idx.get_clusters(&ALL, 5).len() < idx.get_clusters(&ALL, 10).len());
    assert_eq!(idx.get_clusters(&ALL, 17).len(), 3000);
    assert!(idx
        .get_clusters(&ALL, 17)
        .iter()
        .all(|f| matches!(f.item, Item::Actor(_))));
}

#[test]
fn children_sum_to_the_cluster_and_split_at_the_expansion_zoom() {
    let idx = ClusterIndex::build(points(2000, 10, 3), ClusterOptions::default());
    for z in [6u8, 9, 12] {
        for f in idx.get_clusters(&ALL, z) {
            let Item::Cluster(c) = f.item else { continue };
            assert_eq!(idx.cluster(c).map(|x| x.count), Some(f.count));
            let ch = idx.children(c);
            assert!(ch.len() >= 2, "a cluster has at least two children");
            assert_eq!(ch.iter().map(|x| x.count).sum::<u32>(), f.count);
            let ez = idx.expansion_zoom(c);
            assert!(ez > z && ez <= 17);
            // At the expansion zoom, the cluster's actors are in more than one item.
            let leaves: HashSet<ActorId> = idx.leaves(c).into_iter().collect();
            let holding = idx
                .get_clusters(&ALL, ez)
                .into_iter()
                .filter(|g| match g.item {
                    Item::Actor(a) => leaves.contains(&a),
                    Item::Cluster(k) => idx.leaves(k).iter().any(|a| leaves.contains(a)),
                })
                .count();
            assert!(holding >= 2, "cluster {c:?} still whole at zoom {ez}");
        }
    }
}

#[test]
fn range_query_returns_what_lies_in_the_box() {
    let pts = points(1500, 0, 11);
    let idx = ClusterIndex::build(pts.clone(), ClusterOptions::default());
    let b = WorldBox {
        min: project(LonLat { lon: 13.2, lat: 52.6 }),
        max: project(LonLat { lon: 13.5, lat: 52.45 }),
    };
    let got: HashSet<ActorId> = idx
        .get_clusters(&b, 17)
        .iter()
        .filter_map(|f| match f.item {
            Item::Actor(a) => Some(a),
            _ => None,
        })
        .collect();
    let want: HashSet<ActorId> = pts.iter().filter(|p| b.contains(p.at)).map(|p| p.actor).collect();
    assert!(!want.is_empty());
    assert_eq!(got, want);
}

#[test]
fn kd_tree_within_matches_brute_force() {
    let mut rng = SplitMix64::new(5);
    let pts: Vec<[f64; 2]> = (0..5000).map(|_| [rng.unit(), rng.unit()]).collect();
    let tree = KdTree::new(pts.iter().copied());
    for _ in 0..50 {
        let c = [rng.unit(), rng.unit()];
        let r = rng.unit() * 0.1;
        let mut got = Vec::new();
        tree.within(c, r, &mut got);
        got.sort_unstable();
        let want: Vec<u32> = (0..pts.len() as u32)
            .filter(|&i| {
                let p = pts[i as usize];
                (p[0] - c[0]).powi(2) + (p[1] - c[1]).powi(2) <= r * r
            })
            .collect();
        assert_eq!(got, want);
    }
}

#[test]
fn identical_coordinates_spread_to_distinct_spots() {
    let idx = ClusterIndex::build(points(500, 40, 9), ClusterOptions::default());
    let spot = project(LonLat {
        lon: 13.06566,
        lat: 52.39886,
    });
    // At the deepest cluster zoom the 40 stay one cluster; its expansion zoom is max_zoom + 1.
    let near = WorldBox {
        min: World {
            x: spot.x - 1e-5,
            y: spot.y - 1e-5,
        },
        max: World {
            x: spot.x + 1e-5,
            y: spot.y + 1e-5,
        },
    };
    let at16 = idx.get_clusters(&near, 16);
    let big = at16.iter().find(|f| f.count >= 40).expect("a cluster at the spot");
    let Item::Cluster(c) = big.item else {
        panic!("not a cluster")
    };
    assert_eq!(idx.expansion_zoom(c), 17);
    let found = idx.get_clusters(&WorldBox { min: spot, max: spot }, 17);
    assert_eq!(found.len(), 40);
    let offs = spread_identical(&found, 14.0);
    for (i, a) in offs.iter().enumerate() {
        for b in &offs[i + 1..] {
            let d = ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt();
            assert!(d >= 10.0, "spiral spots {a:?} and {b:?} only {d} px apart");
        }
    }
    // A lone point stays where it is.
    let lone = spread_identical(&idx.get_clusters(&ALL, 17)[..1], 14.0);
    assert_eq!((lone[0].x, lone[0].y), (0.0, 0.0));
    assert!(spiral(0, 10.0).is_empty());
}

#[test]
fn empty_and_single_inputs_work() {
    let idx = ClusterIndex::build(Vec::new(), ClusterOptions::default());
    assert!(idx.get_clusters(&ALL, 3).is_empty());
    let one = ClusterIndex::build(points(1, 0, 1), ClusterOptions::default());
    for z in 0..=17 {
        assert_eq!(one.get_clusters(&ALL, z).len(), 1);
    }
    assert!(one.children(ClusterId(12345)).is_empty());
    assert_eq!(one.cluster(ClusterId(12345)), None);
}

#[test]
fn arcs_aggregate_between_items_and_vanish_inside_one() {
    let pts = points(800, 0, 13);
    let idx = ClusterIndex::build(pts.clone(), ClusterOptions::default());
    let mut rng = SplitMix64::new(2);
    let collabs: Vec<Collaboration> = (0..2000)
        .map(|_| {
            let (x, y) = (rng.below(800), rng.below(800));
            let (a, b) = (pts[x.min(y)].actor, pts[x.max(y)].actor);
            Collaboration {
                a,
                b,
                projects: 1 + rng.below(3) as u32,
                volume: Eur(1000),
            }
        })
        .filter(|c| c.a != c.b)
        .collect();
    let total: u32 = collabs.iter().map(|c| c.projects).sum();
    // Points alone: every pair is its own arc (or merged with a duplicate pair).
    let fine = idx.aggregated_arcs(17, &collabs);
    assert_eq!(fine.iter().map(|a| a.projects).sum::<u32>(), total);
    // Zoomed out: fewer arcs; what is left is the weight between different items.
    let coarse = idx.aggregated_arcs(7, &collabs);
    assert!(coarse.len() < fine.len() / 4, "{} vs {}", coarse.len(), fine.len());
    assert!(coarse.iter().map(|a| a.projects).sum::<u32>() < total);
    assert!(coarse.windows(2).all(|w| w[0].projects >= w[1].projects));
    assert!(coarse.iter().all(|a| a.nodes.0 < a.nodes.1));
    // An actor that is not clustered (no coordinates) adds nothing.
    let stray = [Collaboration {
        a: ActorId(1),
        b: pts[0].actor,
        projects: 5,
        volume: Eur(1),
    }];
    assert!(idx.aggregated_arcs(12, &stray).is_empty());
}
