//! Location quotients by hand, their counts against the totals, and the full matrix.

use super::*;
use crate::facet::Facet;
use crate::filter::{select, Filter};
use crate::model::*;

fn actor(region: Option<u16>, techs: &[u16]) -> Actor {
    Actor {
        key: format!("a{region:?}{techs:?}"),
        name: "x".into(),
        kind: ActorKind::Sme,
        sectors: vec![],
        technologies: techs.iter().map(|&t| TechnologyId(t)).collect(),
        location: Location {
            point: None,
            address: None,
            region: region.map(RegionId),
        },
        website: None,
        description: Localized::default(),
        founded: None,
        size: None,
        source: None,
        updated: None,
        fictional: true,
        position: None,
    }
}

fn region(key: &str) -> Region {
    Region {
        key: key.into(),
        name: key.into(),
        state: State::Berlin,
    }
}

fn tech(key: &str) -> Technology {
    Technology {
        key: key.into(),
        name: Localized::default(),
        description: Localized::default(),
    }
}

/// Region 0: 6 AI actors of 10; region 1: 2 AI actors of 10; region 2: 0 of 0; one AI actor without a region.
fn ds() -> Dataset {
    let mut actors = Vec::new();
    for i in 0..10 {
        actors.push(actor(Some(0), if i < 6 { &[0] } else { &[1] }));
        actors.push(actor(Some(1), if i < 2 { &[0, 1] } else { &[1] }));
    }
    actors.push(actor(None, &[0]));
    Dataset {
        technologies: vec![tech("ai"), tech("iot")],
        regions: vec![region("11001"), region("11002"), region("11003")],
        actors,
        ..Dataset::default()
    }
}

#[test]
fn quotients_by_hand() {
    let ds = ds();
    let idx = Index::build(&ds);
    let sel = select(&ds, &idx, &Filter::default());
    let c = concentration(&idx, &sel, TechnologyId(0));
    // 8 located AI actors of 20 located actors; the one without a region counts nowhere.
    assert_eq!((c.technology_actors, c.actors), (8, 20));
    let r0 = c.regions[0];
    assert_eq!((r0.technology_actors, r0.actors), (6, 10));
    assert!((r0.lq.unwrap_or(0.0) - (6.0 / 8.0) / (10.0 / 20.0)).abs() < 1e-12);
    assert_eq!(r0.standing(), Some(Standing::Above));
    assert!(!r0.too_few);
    let r1 = c.regions[1];
    assert!((r1.lq.unwrap_or(0.0) - 0.5).abs() < 1e-12);
    assert_eq!(r1.standing(), Some(Standing::Below));
    assert!(r1.too_few, "2 actors are too few for a headline");
    assert_eq!(c.regions[2].lq, None);
    // The ranking: enough actors first.
    let ranked: Vec<u16> = c.ranked().iter().map(|r| r.region.0).collect();
    assert_eq!(ranked, [0, 1]);
    // IoT: 4 of 10 in region 0 and 10 of 10 in region 1, 14 of 20: region 0 below, region 1 above, but
    // region 0 has only 4 IoT actors, so region 1 leads the ranking either way.
    let iot = concentration(&idx, &sel, TechnologyId(1));
    assert_eq!(iot.technology_actors, 14);
    assert!((iot.regions[1].lq.unwrap_or(0.0) - (10.0 / 14.0) / 0.5).abs() < 1e-12);
    assert_eq!(iot.ranked()[0].region, RegionId(1));
    // Under a filter the totals follow the selection: only region 1 chosen.
    let sel1 = select(&ds, &idx, &Filter::default().with(Facet::Region, [1]));
    let c1 = concentration(&idx, &sel1, TechnologyId(0));
    assert_eq!((c1.technology_actors, c1.actors), (2, 10));
    assert!((c1.regions[1].lq.unwrap_or(0.0) - 1.0).abs() < 1e-12);
    assert_eq!(c1.regions[1].standing(), Some(Standing::Even));
}

#[test]
fn strengths_and_gaps_by_hand() {
    let ds = ds();
    let idx = Index::build(&ds);
    let sel = select(&ds, &idx, &Filter::default());
    let ai = concentration(&idx, &sel, TechnologyId(0));
    // Region 0: LQ 1.5 with 6 AI actors, a strength. Region 1: LQ 0.5, but only 4 expected (10 × 8 / 20):
    // too few to call a gap. Region 2: no actors.
    assert_eq!(ai.regions[0].class(), Class::WellAbove);
    assert!((ai.regions[1].expected - 4.0).abs() < 1e-12);
    assert_eq!(ai.regions[1].class(), Class::TooFew);
    assert_eq!(ai.regions[2].class(), Class::NoActors);
    // IoT in region 0: 4 IoT actors where 7 were expected (10 × 14 / 20), LQ 0.57: a gap, though 4 < 5.
    let iot = concentration(&idx, &sel, TechnologyId(1));
    assert!((iot.regions[0].expected - 7.0).abs() < 1e-12);
    assert_eq!(iot.regions[0].class(), Class::WellBelow);
    assert_eq!(iot.regions[1].class(), Class::WellAbove);
    // Between the bounds with enough actors: above or below, never a strength or a gap.
    let mid = |lq: f64| RegionShare {
        region: RegionId(0),
        technology_actors: 9,
        actors: 10,
        lq: Some(lq),
        too_few: false,
        expected: 9.0 / lq,
    };
    assert_eq!(mid(1.1).class(), Class::Above);
    assert_eq!(mid(0.9).class(), Class::Below);
    assert_eq!(mid(WELL_ABOVE).class(), Class::WellAbove);
    assert_eq!(mid(WELL_BELOW - 0.01).class(), Class::WellBelow);
}

#[test]
fn counts_add_up_and_the_matrix_covers_every_technology() {
    let json = serde_json::to_vec(&crate::generate::generate(600, 4)).unwrap_or_default();
    let ds = crate::import::import(&json, "generated").0;
    let idx = Index::build(&ds);
    for f in [Filter::default(), Filter::default().with(Facet::Kind, [0, 1])] {
        let sel = select(&ds, &idx, &f);
        let m = matrix(&idx, &sel);
        assert_eq!(m.len(), ds.technologies.len());
        let located = sel
            .actors
            .iter_ones()
            .filter(|&a| ds.actors[a].location.region.is_some())
            .count() as u32;
        for (t, c) in m.iter().enumerate() {
            assert_eq!(c.technology, TechnologyId(t as u16));
            assert_eq!(c.regions.len(), ds.regions.len());
            assert_eq!(c.actors, located);
            assert_eq!(c.regions.iter().map(|r| r.actors).sum::<u32>(), c.actors);
            assert_eq!(
                c.regions.iter().map(|r| r.technology_actors).sum::<u32>(),
                c.technology_actors
            );
            let listing = sel
                .actors
                .iter_ones()
                .filter(|&a| {
                    let a = &ds.actors[a];
                    a.location.region.is_some() && a.technologies.contains(&TechnologyId(t as u16))
                })
                .count() as u32;
            assert_eq!(c.technology_actors, listing);
            // The tech-weighted mean of the quotients is 1: Σ LQ · actors / total = 1.
            let mean: f64 = c
                .regions
                .iter()
                .filter_map(|r| r.lq.map(|lq| lq * r.actors as f64 / c.actors as f64))
                .sum();
            assert!(c.technology_actors == 0 || (mean - 1.0).abs() < 1e-9, "{mean}");
            // The expected counts add up to the technology's actors; a strength has enough actors, a gap
            // enough expected.
            let expected: f64 = c.regions.iter().map(|r| r.expected).sum();
            assert!((expected - f64::from(c.technology_actors)).abs() < 1e-6, "{expected}");
            for r in &c.regions {
                match r.class() {
                    Class::WellAbove => assert!(!r.too_few && r.lq >= Some(WELL_ABOVE)),
                    Class::WellBelow => assert!(r.expected >= 5.0 && r.lq < Some(WELL_BELOW)),
                    Class::NoActors => assert_eq!(r.lq, None),
                    _ => assert!(r.lq.is_some()),
                }
            }
            assert_eq!(*c, concentration(&idx, &sel, TechnologyId(t as u16)));
        }
    }
}
