//! Headline figures and technology profiles on a tiny hand-made dataset.
#![allow(clippy::unwrap_used)]

mod common;

use common::Builder;
use ecomap_core::facet::PerFacet;
use ecomap_core::filter::{select, Filter};
use ecomap_core::index::Index;
use ecomap_core::model::*;
use ecomap_core::stats::{
    headline, project_year_span, reference_year, technology_profile, years, years_by_technology, Headline,
};

/// Projects that start in, run through and end in 2024.
fn ds() -> (Dataset, Vec<ActorId>) {
    let mut b = Builder::new();
    let a = b.actor("Alpha", ActorKind::Startup, &[0], &[0], Some(0), None);
    let c = b.actor("Carbon", ActorKind::Sme, &[0, 1], &[0], Some(0), None);
    let u = b.actor("Uni", ActorKind::University, &[1], &[1], Some(1), None);
    let lone = b.actor("Lonely", ActorKind::Public, &[0], &[1], Some(1), None);
    b.project(2024, 2026, 1_000, &[0], &[a, c]); // starts 2024
    b.project(2022, 2025, 2_000, &[0, 1], &[c, u]); // runs through 2024
    b.project(2021, 2024, 4_000, &[1], &[u]); // ends 2024
    b.project(2020, 2023, 8_000, &[0], &[a]); // over before 2024
    b.project(2025, 2025, 16_000, &[0], &[a, u]); // not yet started
    (b.ds, vec![a, c, u, lone])
}

#[test]
fn reference_year_from_meta_else_latest_start() {
    let (mut ds, _) = ds();
    assert_eq!(reference_year(&ds), Some(2025));
    ds.meta.reference_year = Some(2024);
    assert_eq!(reference_year(&ds), Some(2024));
    assert_eq!(reference_year(&Dataset::default()), None);
}

#[test]
fn headline_counts_active_projects_and_new_ones() {
    let (ds, _) = ds();
    let idx = Index::build(&ds);
    let sel = select(&ds, &idx, &Filter::default());
    assert_eq!(
        headline(&ds, &sel, 2024),
        Headline {
            year: 2024,
            projects: 3,
            volume: Eur(7_000),
            new_projects: 1,
            actors: 4
        }
    );
    assert_eq!(
        headline(&ds, &sel, 2025),
        Headline {
            year: 2025,
            projects: 3,
            volume: Eur(19_000),
            new_projects: 1,
            actors: 4
        }
    );
    assert_eq!(headline(&ds, &sel, 2019).projects, 0);
}

#[test]
fn headline_follows_the_selection() {
    let (ds, _) = ds();
    let idx = Index::build(&ds);
    let sel = select(
        &ds,
        &idx,
        &Filter {
            chosen: PerFacet([vec![], vec![], vec![ActorKind::University.index() as u32], vec![]]),
            ..Filter::default()
        },
    );
    // Uni takes part in the running and the ending project (and the one of 2025).
    assert_eq!(
        headline(&ds, &sel, 2024),
        Headline {
            year: 2024,
            projects: 2,
            volume: Eur(6_000),
            new_projects: 0,
            actors: 1
        }
    );
    // Only projects of the year range count: in 2019-2020 just the one over before 2024 runs.
    let sel = select(
        &ds,
        &idx,
        &Filter {
            years: Some((2019, 2020)),
            ..Filter::default()
        },
    );
    assert_eq!(
        headline(&ds, &sel, 2020),
        Headline {
            year: 2020,
            projects: 1,
            volume: Eur(8_000),
            new_projects: 1,
            actors: 4
        }
    );
    assert_eq!(headline(&ds, &sel, 2024).projects, 0);
}

#[test]
fn technology_profile_counts_each_project_under_each_technology() {
    let (ds, ids) = ds();
    let (a, c, u, lone) = (ids[0], ids[1], ids[2], ids[3]);
    let idx = Index::build(&ds);
    let sel = select(&ds, &idx, &Filter::default());
    let p = technology_profile(&ds, &idx, TechnologyId(0), &sel);
    assert_eq!(p.actors, 3); // Alpha, Carbon, Lonely list ai
    assert_eq!(p.actors_by_kind[ActorKind::Public.index()], 1);
    assert_eq!(p.projects, vec![ProjectId(0), ProjectId(1), ProjectId(3), ProjectId(4)]);
    assert_eq!(p.volume, Eur(27_000));
    // Alpha: 3 projects; Uni and Carbon 2 each, Uni with more volume; Lonely has none.
    assert_eq!(
        p.leading_actors,
        vec![(a, 3, Eur(25_000)), (u, 2, Eur(18_000)), (c, 2, Eur(3_000))]
    );
    assert!(!p.leading_actors.iter().any(|x| x.0 == lone));

    let sel = select(
        &ds,
        &idx,
        &Filter {
            chosen: PerFacet([vec![], vec![], vec![ActorKind::Sme.index() as u32], vec![]]),
            ..Filter::default()
        },
    );
    let p = technology_profile(&ds, &idx, TechnologyId(1), &sel);
    assert_eq!(p.actors, 1);
    assert_eq!(p.projects, vec![ProjectId(1)]);
    assert_eq!(p.leading_actors, vec![(c, 1, Eur(2_000))]);
}

#[test]
fn years_in_both_readings() {
    let (ds, _) = ds();
    let idx = Index::build(&ds);
    let sel = select(&ds, &idx, &Filter::default());
    assert_eq!(project_year_span(&ds), Some((2020, 2026)));
    let rows = years(&ds, &sel, 2023, 2025);
    assert_eq!(rows.iter().map(|r| r.year).collect::<Vec<_>>(), vec![2023, 2024, 2025]);
    // Running in a year matches the headline.
    let h = headline(&ds, &sel, 2024);
    assert_eq!(
        (rows[1].running_projects, rows[1].running_volume),
        (h.projects, h.volume)
    );
    assert_eq!((rows[0].running_projects, rows[0].running_volume), (3, Eur(14_000)));
    assert_eq!((rows[2].started_projects, rows[2].started_volume), (1, Eur(16_000)));
    assert_eq!(rows[0].started_projects, 0);
    // Started is additive: the whole span adds up to every project.
    let all = years(&ds, &sel, 2026, 2019);
    assert_eq!(all.iter().map(|r| r.started_volume.0).sum::<u64>(), 31_000);

    let each = years_by_technology(&ds, &idx, &sel, 2019, 2026, false);
    let primary = years_by_technology(&ds, &idx, &sel, 2019, 2026, true);
    let started =
        |v: &Vec<Vec<ecomap_core::stats::YearFigures>>, t: usize| v[t].iter().map(|r| r.started_projects).sum::<u32>();
    // Project 1 lists ai and iot: counted under both, or only under ai (its first) as primary.
    assert_eq!((started(&each, 0), started(&each, 1)), (4, 2));
    assert_eq!((started(&primary, 0), started(&primary, 1)), (4, 1));
}

#[test]
fn size_scale_is_area_proportional_between_min_and_max() {
    use ecomap_core::stats::{area_radius, size_reference};
    // 98th percentile of the positive values: zeros do not count, one outlier does not set the scale.
    assert_eq!(size_reference([0, 0, 0]), 0.0);
    assert_eq!(size_reference([5]), 5.0);
    let mut many: Vec<u64> = (1..=100).collect();
    many.push(1_000_000);
    assert_eq!(size_reference(many.iter().copied()), 99.0);
    // min at 0 (and without a reference), max at the reference and above.
    assert_eq!(area_radius(0.0, 100.0, 2.0, 10.0), 2.0);
    assert_eq!(area_radius(50.0, 0.0, 2.0, 10.0), 2.0);
    assert_eq!(area_radius(100.0, 100.0, 2.0, 10.0), 10.0);
    assert_eq!(area_radius(1e9, 100.0, 2.0, 10.0), 10.0);
    // Area above the smallest mark is linear in the value: a quarter of the value, a quarter of that area.
    let area = |r: f32| r * r - 4.0;
    let (q, full) = (area(area_radius(25.0, 100.0, 2.0, 10.0)), area(10.0));
    assert!((q / full - 0.25).abs() < 1e-5, "{q} / {full}");
    // Monotone.
    let rs: Vec<f32> = (0..=10)
        .map(|k| area_radius(k as f64 * 10.0, 100.0, 2.0, 10.0))
        .collect();
    assert!(rs.windows(2).all(|w| w[0] < w[1]), "{rs:?}");
}
