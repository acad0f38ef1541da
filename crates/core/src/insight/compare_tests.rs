//! Comparisons: the intersections partition the actors, shared actors and projects match the data.

use super::*;
use crate::facet::Facet;
use crate::filter::select;

fn data() -> (Dataset, Index) {
    let json = serde_json::to_vec(&crate::generate::generate(500, 9)).unwrap_or_default();
    let ds = crate::import::import(&json, "generated").0;
    let idx = Index::build(&ds);
    (ds, idx)
}

#[test]
fn intersections_shared_actors_and_projects() {
    let (ds, idx) = data();
    let t = |i| TechnologyId(i);
    for f in [Filter::default(), Filter::default().with(Facet::Kind, [0, 1])] {
        let sel = select(&ds, &idx, &f);
        for chosen in [vec![t(0), t(2)], vec![t(0), t(2), t(3)], vec![t(3), t(0), t(2), t(1)]] {
            let c = compare(&ds, &idx, &f, &sel, &chosen, None).expect("valid comparison");
            assert_eq!(c.technologies, chosen);
            assert_eq!(c.profiles.len(), chosen.len());
            for (p, &tech) in c.profiles.iter().zip(&chosen) {
                assert_eq!(p.technology, tech);
            }
            // Every actor of any chosen technology is in exactly one combination.
            let any = sel
                .actors
                .iter_ones()
                .filter(|&a| ds.actors[a].technologies.iter().any(|x| chosen.contains(x)))
                .count() as u32;
            assert_eq!(c.intersections.iter().map(|i| i.actors).sum::<u32>(), any);
            assert!(c.intersections.windows(2).all(|w| w[0].actors >= w[1].actors));
            // Each single-technology bar plus the combinations containing it is the profile's actor count.
            for (i, p) in c.profiles.iter().enumerate() {
                let with: u32 = c
                    .intersections
                    .iter()
                    .filter(|x| x.combination & (1 << i) != 0)
                    .map(|x| x.actors)
                    .sum();
                assert_eq!(with, p.summary.actors);
            }
            // Shared actors list at least two of them, and exactly those in their combination.
            let multi = sel
                .actors
                .iter_ones()
                .filter(|&a| ds.actors[a].technologies.iter().filter(|x| chosen.contains(x)).count() >= 2)
                .count();
            assert_eq!(c.shared_actors.len(), multi);
            for &(a, comb) in &c.shared_actors {
                let mut listed = members(&c.technologies, comb);
                listed.retain(|x| ds.actor(a).technologies.contains(x));
                assert_eq!(listed, members(&c.technologies, comb));
                assert!(comb.count_ones() >= 2);
            }
            for &(p, comb) in &c.shared_projects {
                assert!(sel.projects.get(p.index()) && comb.count_ones() >= 2);
                let pr = ds.project(p);
                assert!(members(&c.technologies, comb)
                    .iter()
                    .all(|x| pr.technologies.contains(x)));
            }
            let shared_p = sel
                .projects
                .iter_ones()
                .filter(|&p| {
                    ds.projects[p]
                        .technologies
                        .iter()
                        .filter(|x| chosen.contains(x))
                        .count()
                        >= 2
                })
                .count();
            assert_eq!(c.shared_projects.len(), shared_p);
        }
    }
}

#[test]
fn two_to_four_known_technologies() {
    let (ds, idx) = data();
    let f = Filter::default();
    let sel = select(&ds, &idx, &f);
    let t = TechnologyId;
    let run = |ts: &[TechnologyId]| compare(&ds, &idx, &f, &sel, ts, None).map(|c| c.technologies);
    assert_eq!(run(&[t(1)]), Err(CompareError::Count(1)));
    assert_eq!(run(&[t(1), t(1)]), Err(CompareError::Count(1)));
    assert_eq!(run(&[t(0), t(1), t(2), t(3), t(4)]), Err(CompareError::Count(5)));
    assert_eq!(run(&[t(0), t(99)]), Err(CompareError::Unknown(t(99))));
    assert_eq!(run(&[t(1), t(0), t(1)]), Ok(vec![t(1), t(0)]));
}
