//! Faceted filtering: OR within a facet, AND across, counts that ignore their own facet, the year range.
#![allow(clippy::unwrap_used)]

mod common;

use common::{dataset_from_wire, names, Builder};
use ecomap_core::facet::{Facet, PerFacet};
use ecomap_core::filter::{select, Filter};
use ecomap_core::generate::{generate, SplitMix64};
use ecomap_core::index::Index;
use ecomap_core::model::*;
use ecomap_core::text::fold;

/// The filter's rules written out naively, one actor at a time.
fn matches(ds: &Dataset, a: &Actor, f: &Filter, skip: Option<&str>) -> bool {
    let facet = |name: &str, empty: bool, hit: bool| skip == Some(name) || empty || hit;
    let q = fold(&f.text);
    facet(
        "tech",
        f.chosen(Facet::Technology).is_empty(),
        a.technologies.iter().any(|t| f.technologies().any(|c| c == *t)),
    ) && facet(
        "sect",
        f.chosen(Facet::Sector).is_empty(),
        a.sectors.iter().any(|t| f.sectors().any(|c| c == *t)),
    ) && facet("kind", f.chosen(Facet::Kind).is_empty(), f.kinds().any(|k| k == a.kind))
        && facet(
            "regn",
            f.chosen(Facet::Region).is_empty(),
            a.location.region.is_some_and(|r| f.regions().any(|c| c == r)),
        )
        && f.year_range().is_none_or(|(_, to)| a.founded.is_none_or(|y| y <= to))
        && (q.is_empty() || fold(&a.name).contains(&q))
        && !ds.actors.is_empty()
}

fn pick<T: Copy>(rng: &mut SplitMix64, all: &[T], p: f64) -> Vec<T> {
    all.iter().copied().filter(|_| rng.chance(p)).collect()
}

#[test]
fn facet_counts_equal_brute_force_on_generated_data() {
    let ds = dataset_from_wire(&generate(1500, 42));
    let idx = Index::build(&ds);
    let techs: Vec<_> = (0..ds.technologies.len() as u16).map(TechnologyId).collect();
    let sects: Vec<_> = (0..ds.sectors.len() as u16).map(SectorId).collect();
    let regns: Vec<_> = (0..ds.regions.len() as u16).map(RegionId).collect();
    let texts = ["", "ber", "gmbh", "universität", "  KA ", "zzzz", "00 ", "i"];
    let mut rng = SplitMix64::new(7);
    let mut nonempty = 0;
    for round in 0..60 {
        let ids = |v: Vec<u16>| v.into_iter().map(u32::from).collect::<Vec<u32>>();
        let kinds: Vec<u16> = (0..ActorKind::ALL.len() as u16).collect();
        let f = Filter {
            chosen: PerFacet([
                ids(pick(&mut rng, &techs, 0.2).into_iter().map(|t| t.0).collect()),
                ids(pick(&mut rng, &sects, 0.15).into_iter().map(|t| t.0).collect()),
                ids(pick(&mut rng, &kinds, 0.3)),
                ids(pick(&mut rng, &regns, 0.2).into_iter().map(|t| t.0).collect()),
            ]),
            years: rng.chance(0.4).then(|| {
                let a = rng.range(2015, 2026) as u16;
                (a, a + rng.range(0, 4) as u16)
            }),
            text: texts[rng.below(texts.len())].to_string(),
        };
        let sel = select(&ds, &idx, &f);
        let want: Vec<usize> = (0..ds.actors.len())
            .filter(|&i| matches(&ds, &ds.actors[i], &f, None))
            .collect();
        assert_eq!(sel.actors.iter_ones().collect::<Vec<_>>(), want, "round {round}: {f:?}");
        assert_eq!(sel.list.len(), want.len(), "round {round}");
        nonempty += usize::from(!want.is_empty());

        let count = |skip: &str, hit: &dyn Fn(&Actor) -> bool| {
            ds.actors
                .iter()
                .filter(|a| matches(&ds, a, &f, Some(skip)) && hit(a))
                .count() as u32
        };
        for &t in &techs {
            assert_eq!(
                sel.counts.of(Facet::Technology)[t.index()],
                count("tech", &|a| a.technologies.contains(&t)),
                "{f:?}"
            );
        }
        for &s in &sects {
            assert_eq!(
                sel.counts.of(Facet::Sector)[s.index()],
                count("sect", &|a| a.sectors.contains(&s)),
                "{f:?}"
            );
        }
        for k in ActorKind::ALL {
            assert_eq!(
                sel.counts.of(Facet::Kind)[k.index()],
                count("kind", &|a| a.kind == k),
                "{f:?}"
            );
        }
        for &r in &regns {
            assert_eq!(
                sel.counts.of(Facet::Region)[r.index()],
                count("regn", &|a| a.location.region == Some(r)),
                "{f:?}"
            );
        }
        assert_eq!(sel.counts.no_region, count("regn", &|a| a.location.region.is_none()));

        // Projects: active in the range, with a selected participant.
        let want_p: Vec<usize> = (0..ds.projects.len())
            .filter(|&p| {
                let pr = &ds.projects[p];
                f.year_range().is_none_or(|(from, to)| pr.start <= to && pr.end >= from)
                    && pr.participants.iter().any(|x| sel.actors.get(x.actor.index()))
            })
            .collect();
        assert_eq!(sel.projects.iter_ones().collect::<Vec<_>>(), want_p, "{f:?}");
    }
    assert!(nonempty > 20, "the random filters should not all be empty ({nonempty})");
}

fn small() -> (Dataset, [ActorId; 5]) {
    let mut b = Builder::new();
    let a = b.actor("Alpha AI", ActorKind::Startup, &[0], &[0], Some(0), Some(2020));
    let c = b.actor("Carbon IoT", ActorKind::Sme, &[1], &[1], Some(1), Some(2010));
    let d = b.actor("Delta Both", ActorKind::Startup, &[0, 1], &[1], Some(0), None);
    let e = b.actor("Echo Young", ActorKind::Startup, &[0], &[0], None, Some(2024));
    let u = b.actor(
        "Universität Potsdam",
        ActorKind::University,
        &[],
        &[0],
        Some(1),
        Some(1991),
    );
    b.project(2019, 2020, 100, &[0], &[a, c]);
    b.project(2022, 2024, 200, &[1], &[d]);
    b.project(2024, 2025, 300, &[0], &[e, u]);
    (b.ds, [a, c, d, e, u])
}

#[test]
fn or_within_a_facet_and_across_facets() {
    let (ds, [a, c, d, e, _u]) = small();
    let idx = Index::build(&ds);
    let or = select(
        &ds,
        &idx,
        &Filter {
            ..Filter::default().with(Facet::Technology, [0, 1])
        },
    );
    assert_eq!(or.list, vec![a, c, d, e]);
    let and = select(
        &ds,
        &idx,
        &Filter {
            ..Filter::default().with(Facet::Technology, [0]).with(Facet::Sector, [1])
        },
    );
    assert_eq!(and.list, vec![d]);
    // Own facet ignored in its counts, others applied.
    assert_eq!(and.counts.of(Facet::Technology), vec![1, 2]); // sector games: Delta (ai, iot), Carbon (iot)
    assert_eq!(and.counts.of(Facet::Sector), vec![2, 1]); // ai: Alpha, Echo in software; Delta in games
    assert_eq!(and.counts.of(Facet::Kind)[ActorKind::Startup.index()], 1);
    assert_eq!(and.counts.of(Facet::Region), vec![1, 0]);
    assert_eq!(and.counts.no_region, 0);
    // Projects with a selected participant.
    assert_eq!(and.projects.iter_ones().collect::<Vec<_>>(), vec![1]);
}

#[test]
fn kind_and_region_facets_and_no_region_count() {
    let (ds, [a, _c, d, e, _u]) = small();
    let idx = Index::build(&ds);
    let sel = select(
        &ds,
        &idx,
        &Filter {
            ..Filter::default().with(Facet::Kind, [ActorKind::Startup.index() as u32])
        },
    );
    assert_eq!(sel.list, vec![a, d, e]);
    assert_eq!(sel.counts.no_region, 1);
    assert_eq!(sel.counts.of(Facet::Region), vec![2, 0]);
    let sel = select(
        &ds,
        &idx,
        &Filter {
            ..Filter::default().with(Facet::Region, [1])
        },
    );
    assert_eq!(names(&ds, &sel.list), vec!["Carbon IoT", "Universität Potsdam"]);
    // An unknown id (from an old URL) selects nothing rather than everything.
    let sel = select(
        &ds,
        &idx,
        &Filter {
            ..Filter::default().with(Facet::Technology, [99])
        },
    );
    assert!(sel.list.is_empty());
}

#[test]
fn year_range_keeps_actors_without_projects_and_drops_the_not_yet_founded() {
    let (ds, [a, c, d, e, u]) = small();
    let idx = Index::build(&ds);
    let sel = select(
        &ds,
        &idx,
        &Filter {
            years: Some((2019, 2021)),
            ..Filter::default()
        },
    );
    // Echo (founded 2024) is dropped; Delta (unknown founding year) and Universität (no project in range) stay.
    assert_eq!(sel.list, vec![a, c, d, u]);
    assert_eq!(sel.projects.iter_ones().collect::<Vec<_>>(), vec![0]);
    // Inclusive bounds on both sides; a reversed range means the same range.
    let sel = select(
        &ds,
        &idx,
        &Filter {
            years: Some((2024, 2020)),
            ..Filter::default()
        },
    );
    assert_eq!(sel.projects.iter_ones().collect::<Vec<_>>(), vec![0, 1, 2]);
    assert!(sel.list.contains(&e));
    let sel = select(
        &ds,
        &idx,
        &Filter {
            years: Some((2025, 2030)),
            ..Filter::default()
        },
    );
    assert_eq!(sel.projects.iter_ones().collect::<Vec<_>>(), vec![2]);
}

#[test]
fn empty_filter_selects_everything_in_name_order() {
    let (ds, _) = small();
    let idx = Index::build(&ds);
    let sel = select(
        &ds,
        &idx,
        &Filter {
            text: "   ".into(),
            ..Filter::default()
        },
    );
    assert_eq!(
        names(&ds, &sel.list),
        vec![
            "Alpha AI",
            "Carbon IoT",
            "Delta Both",
            "Echo Young",
            "Universität Potsdam"
        ]
    );
    assert_eq!(sel.projects.count_ones(), 3);
    assert_eq!(sel.counts.of(Facet::Technology), vec![3, 2]);
    assert_eq!(sel.counts.of(Facet::Kind).iter().sum::<u32>(), 5);
}

#[test]
fn empty_dataset() {
    let ds = Dataset::default();
    let idx = Index::build(&ds);
    let sel = select(
        &ds,
        &idx,
        &Filter {
            text: "x".into(),
            ..Filter::default()
        },
    );
    assert!(sel.list.is_empty() && sel.projects.is_empty());
}
