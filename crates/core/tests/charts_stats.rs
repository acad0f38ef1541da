//! The charts' aggregations against a brute-force recomputation on generated data, and the demo's figures.
#![allow(clippy::unwrap_used)]

mod common;

use common::{dataset_from_wire, Builder};
use ecomap_core::facet::Facet;
use ecomap_core::filter::{select, Filter, Selection};
use ecomap_core::format::eur_compact;
use ecomap_core::generate::{generate, SplitMix64};
use ecomap_core::index::Index;
use ecomap_core::model::*;
use ecomap_core::stats::*;

/// Filters worth checking: none, one facet each, and a year range.
fn filters(ds: &Dataset) -> Vec<Filter> {
    let mut rng = SplitMix64::new(7);
    let mut out = vec![Filter::default()];
    for _ in 0..6 {
        let mut f = Filter::default();
        if rng.chance(0.5) {
            *f.chosen.get_mut(Facet::Technology) =
                (0..ds.technologies.len() as u32).filter(|_| rng.chance(0.3)).collect();
        }
        if rng.chance(0.5) {
            *f.chosen.get_mut(Facet::Sector) = (0..ds.sectors.len() as u32).filter(|_| rng.chance(0.3)).collect();
        }
        if rng.chance(0.4) {
            *f.chosen.get_mut(Facet::Kind) = (0..ActorKind::ALL.len() as u32).filter(|_| rng.chance(0.4)).collect();
        }
        if rng.chance(0.5) {
            f.years = Some((2020, 2022));
        }
        out.push(f);
    }
    out
}

/// Each aggregation written out naively, project by project and actor by actor.
fn check_against_brute_force(ds: &Dataset, idx: &Index, sel: &Selection) {
    let selected: Vec<&Project> = (0..ds.projects.len())
        .filter(|&p| sel.projects.get(p))
        .map(|p| &ds.projects[p])
        .collect();
    let (from, to) = (2018, 2027);

    for reading in [YearReading::Running, YearReading::Started] {
        let rows = volume_by_year_and_technology(ds, sel, from, to, reading);
        assert_eq!(rows.len(), (to - from + 1) as usize);
        for row in &rows {
            let y = row.year;
            let counts = |p: &Project| match reading {
                YearReading::Running => p.start <= y && y <= p.end,
                YearReading::Started => p.start == y,
            };
            for t in 0..ds.technologies.len() {
                let want: u64 = selected
                    .iter()
                    .filter(|p| counts(p) && p.technologies.first() == Some(&TechnologyId(t as u16)))
                    .map(|p| p.volume.0)
                    .sum();
                assert_eq!(row.by_technology[t].0, want, "{reading:?} {y} tech {t}");
            }
            let none: u64 = selected
                .iter()
                .filter(|p| counts(p) && p.technologies.is_empty())
                .map(|p| p.volume.0)
                .sum();
            assert_eq!(row.without_technology.0, none);
            let total: u64 = selected.iter().filter(|p| counts(p)).map(|p| p.volume.0).sum();
            assert_eq!(row.total().0, total, "stacks add up to the year's total");
        }
    }

    for row in projects_new_and_ongoing(ds, sel, from, to) {
        let y = row.year;
        assert_eq!(row.new as usize, selected.iter().filter(|p| p.start == y).count());
        assert_eq!(
            row.ongoing as usize,
            selected.iter().filter(|p| p.start < y && y <= p.end).count()
        );
    }

    let by_tech = volume_by_technology(ds, sel);
    for (t, share) in by_tech.iter().enumerate() {
        let with: Vec<&&Project> = selected
            .iter()
            .filter(|p| p.technologies.contains(&TechnologyId(t as u16)))
            .collect();
        assert_eq!(share.projects as usize, with.len());
        assert_eq!(share.volume.0, with.iter().map(|p| p.volume.0).sum::<u64>());
    }

    let by_sector = volume_by_sector(ds, idx, sel);
    for (s, share) in by_sector.iter().enumerate() {
        let with: Vec<&&Project> = selected
            .iter()
            .filter(|p| {
                p.participants
                    .iter()
                    .any(|x| sel.actors.get(x.actor.index()) && ds.actor(x.actor).sectors.contains(&SectorId(s as u16)))
            })
            .collect();
        assert_eq!(share.projects as usize, with.len(), "sector {s}");
        assert_eq!(share.volume.0, with.iter().map(|p| p.volume.0).sum::<u64>());
    }

    let comp = composition(ds, sel);
    for (t, row) in comp.iter().enumerate() {
        for k in ActorKind::ALL {
            let want = ds
                .actors
                .iter()
                .enumerate()
                .filter(|(a, actor)| {
                    sel.actors.get(*a) && actor.kind == k && actor.technologies.contains(&TechnologyId(t as u16))
                })
                .count();
            assert_eq!(row[k.index()] as usize, want);
        }
    }

    // Top actors: every actor's volume over selected projects, sorted the documented way.
    let mut all: Vec<(ActorId, u64, u32)> = (0..ds.actors.len())
        .filter(|&a| sel.actors.get(a))
        .map(|a| {
            let mine: Vec<&&Project> = selected
                .iter()
                .filter(|p| p.participants.iter().any(|x| x.actor.index() == a))
                .collect();
            (
                ActorId(a as u32),
                mine.iter().map(|p| p.volume.0).sum(),
                mine.len() as u32,
            )
        })
        .filter(|x| x.2 > 0)
        .collect();
    all.sort_by(|x, y| {
        y.1.cmp(&x.1)
            .then(y.2.cmp(&x.2))
            .then(idx.name_rank(x.0).cmp(&idx.name_rank(y.0)))
    });
    all.truncate(TOP_ACTORS);
    let got: Vec<(ActorId, u64, u32)> = top_actors(ds, idx, sel, TOP_ACTORS)
        .iter()
        .map(|t| (t.actor, t.volume.0, t.projects))
        .collect();
    assert_eq!(got, all);
}

#[test]
fn aggregations_agree_with_brute_force_on_generated_data() {
    for (n, seed) in [(300, 1), (1_500, 2)] {
        let ds = dataset_from_wire(&generate(n, seed));
        let idx = Index::build(&ds);
        for f in filters(&ds) {
            let sel = select(&ds, &idx, &f);
            check_against_brute_force(&ds, &idx, &sel);
        }
    }
}

#[test]
fn aggregations_agree_with_brute_force_on_a_hand_made_dataset() {
    // A project without technology, one whose first technology is the second one, a lone actor.
    let mut b = Builder::new();
    // (name, kind, technologies, sectors, region, founded)
    let a = b.actor("Alpha", ActorKind::Startup, &[0], &[0, 1], Some(0), None);
    let c = b.actor("Carbon", ActorKind::Sme, &[1], &[1], Some(0), None);
    b.actor("Lonely", ActorKind::Public, &[0], &[], Some(1), None);
    b.project(2020, 2021, 1_000, &[], &[a]);
    b.project(2021, 2023, 2_000, &[1, 0], &[a, c]);
    b.project(2023, 2023, 4_000, &[0], &[c]);
    let ds = b.ds;
    let idx = Index::build(&ds);
    let sel = select(&ds, &idx, &Filter::default());
    check_against_brute_force(&ds, &idx, &sel);
    let rows = volume_by_year_and_technology(&ds, &sel, 2020, 2023, YearReading::Running);
    assert_eq!(rows[1].without_technology, Eur(1_000));
    assert_eq!(rows[1].by_technology, vec![Eur(0), Eur(2_000)]);
    // Alpha lists both sectors, Carbon the second: the 2,000 project counts once under each, not twice under
    // the second although both its participants list it.
    let sectors = volume_by_sector(&ds, &idx, &sel);
    assert_eq!(
        sectors[0],
        Share {
            projects: 2,
            volume: Eur(3_000)
        }
    );
    assert_eq!(
        sectors[1],
        Share {
            projects: 3,
            volume: Eur(7_000)
        }
    );
    assert_eq!(top_actors(&ds, &idx, &sel, 1)[0].actor, c);
}

#[test]
fn the_demos_reference_year_sums_to_98_projects_68_9_million_and_42_new() {
    let bytes = include_bytes!("../../../public/data/demo.json");
    let (ds, report) = ecomap_core::import::import(bytes, "demo.json");
    assert_eq!(report.errors(), 0);
    let idx = Index::build(&ds);
    let sel = select(&ds, &idx, &Filter::default());
    let year = reference_year(&ds).unwrap();
    assert_eq!(year, 2025);

    let no = projects_new_and_ongoing(&ds, &sel, 2019, 2027);
    let y = no.iter().find(|r| r.year == 2025).unwrap();
    assert_eq!((y.new + y.ongoing, y.new), (98, 42));

    let stacks = volume_by_year_and_technology(&ds, &sel, 2019, 2027, YearReading::Running);
    let total = stacks.iter().find(|r| r.year == 2025).unwrap().total();
    assert_eq!(eur_compact(total, Lang::En), "€68.9M");
    assert_eq!(eur_compact(total, Lang::De), "68,9 Mio. €");
    // The same figures as the header's headline.
    let h = headline(&ds, &sel, 2025);
    assert_eq!((h.projects, h.volume, h.new_projects), (98, total, 42));

    // Started reading is additive: it adds up to every project's volume.
    let started = volume_by_year_and_technology(&ds, &sel, 2019, 2027, YearReading::Started);
    let all: u64 = ds.projects.iter().map(|p| p.volume.0).sum();
    assert_eq!(started.iter().map(|r| r.total().0).sum::<u64>(), all);

    check_against_brute_force(&ds, &idx, &sel);
}
