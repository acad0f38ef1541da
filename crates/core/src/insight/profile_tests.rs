//! A profile's figures checked against the data directly, under no filter, a year range and a kind filter.

use super::*;
use crate::facet::Facet;
use crate::filter::select;
use crate::insight::centrality::{centrality, Options};
use crate::insight::CollabGraph;
use crate::model::ActorId;

fn data() -> (Dataset, Index) {
    let json = serde_json::to_vec(&crate::generate::generate(500, 7)).unwrap_or_default();
    let ds = crate::import::import(&json, "generated").0;
    let idx = Index::build(&ds);
    (ds, idx)
}

fn lists(ds: &Dataset, a: usize, t: TechnologyId) -> bool {
    ds.actors[a].technologies.contains(&t)
}

#[test]
fn every_figure_matches_the_data() {
    let (ds, idx) = data();
    let filters = [
        Filter::default(),
        Filter {
            years: Some((2021, 2023)),
            ..Filter::default()
        },
        Filter::default().with(Facet::Kind, [0, 1, 3]),
    ];
    for f in filters {
        let sel = select(&ds, &idx, &f);
        let cent = centrality(&CollabGraph::of(&idx, &sel), Options::default());
        for t in 0..ds.technologies.len() as u16 {
            let t = TechnologyId(t);
            let p = profile(&ds, &idx, &f, &sel, t, Some(&cent));
            let tech_actors: Vec<usize> = sel.actors.iter_ones().filter(|&a| lists(&ds, a, t)).collect();
            let tech_projects: Vec<usize> = sel
                .projects
                .iter_ones()
                .filter(|&q| ds.projects[q].technologies.contains(&t))
                .collect();
            assert_eq!(p.summary.actors as usize, tech_actors.len());
            assert_eq!(p.summary.projects.len(), tech_projects.len());
            let (from, to) = profile_years(&ds, &f).unwrap_or((0, 0));
            assert_eq!(p.years.len(), (to - from + 1) as usize);
            for y in &p.years {
                let running = tech_projects
                    .iter()
                    .filter(|&&q| ds.projects[q].active_in(y.year))
                    .count() as u32;
                assert_eq!(y.figures.running_projects, running);
                let active: Vec<usize> = tech_actors
                    .iter()
                    .copied()
                    .filter(|&a| {
                        tech_projects.iter().any(|&q| {
                            let pr = &ds.projects[q];
                            pr.active_in(y.year) && pr.participants.iter().any(|x| x.actor.index() == a)
                        })
                    })
                    .collect();
                assert_eq!(
                    y.actors_by_kind.iter().sum::<u32>() as usize,
                    active.len(),
                    "{}",
                    y.year
                );
                for k in crate::model::ActorKind::ALL {
                    let n = active.iter().filter(|&&a| ds.actors[a].kind == k).count() as u32;
                    assert_eq!(y.actors_by_kind[k.index()], n);
                }
            }
            // Central actors: technology actors, most central first, at most CENTRAL_ACTORS.
            assert!(p.central.len() <= CENTRAL_ACTORS);
            assert!(p
                .central
                .iter()
                .all(|c| lists(&ds, c.actor.index(), t) && sel.actors.get(c.actor.index())));
            assert!(p.central.windows(2).all(|w| w[0].betweenness >= w[1].betweenness));
            if let Some(first) = p.central.first() {
                let best = tech_actors
                    .iter()
                    .filter_map(|&a| cent.of(ActorId(a as u32)))
                    .map(|c| c.betweenness)
                    .fold(0.0, f64::max);
                assert_eq!(first.betweenness, best);
            }
            // Regions: enough actors before too few.
            let ranked = p.regions.ranked();
            if ranked.iter().any(|r| !r.too_few) {
                assert!(!ranked[0].too_few);
            }
            // Neighbours: shared actors and projects counted directly.
            assert_eq!(p.neighbours.len(), ds.technologies.len() - 1);
            for n in &p.neighbours {
                let sa = tech_actors.iter().filter(|&&a| lists(&ds, a, n.technology)).count() as u32;
                let sp = tech_projects
                    .iter()
                    .filter(|&&q| ds.projects[q].technologies.contains(&n.technology))
                    .count() as u32;
                assert_eq!((n.shared_actors, n.shared_projects), (sa, sp));
                assert!(n.actor_share <= 1.0 && n.project_share <= 1.0);
            }
            assert!(p
                .neighbours
                .windows(2)
                .all(|w| w[0].shared_actors >= w[1].shared_actors));
        }
    }
}

#[test]
fn without_centrality_and_for_an_unknown_technology() {
    let (ds, idx) = data();
    let f = Filter::default();
    let sel = select(&ds, &idx, &f);
    let p = profile(&ds, &idx, &f, &sel, TechnologyId(0), None);
    assert!(p.central.is_empty());
    assert!(p.summary.actors > 0);
    let none = profile(&ds, &idx, &f, &sel, TechnologyId(99), None);
    assert_eq!(none.summary.actors, 0);
    assert!(none.years.iter().all(|y| y.figures.running_projects == 0));
}
