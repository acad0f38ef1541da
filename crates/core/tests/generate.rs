//! The synthetic generator: deterministic, valid references, about 3 links per actor, a plausible mix.
#![allow(clippy::unwrap_used)]

mod common;

use std::collections::{HashMap, HashSet};

use ecomap_core::generate::generate;
use ecomap_core::model::{ActorKind, LinkKind, ProjectStatus, Role, SizeBand};
use ecomap_core::regions::region_info;
use ecomap_core::wire::FORMAT_VERSION;

#[test]
fn same_seed_same_bytes_other_seed_other_bytes() {
    let a = serde_json::to_vec(&generate(500, 1)).unwrap();
    let b = serde_json::to_vec(&generate(500, 1)).unwrap();
    let c = serde_json::to_vec(&generate(500, 2)).unwrap();
    assert_eq!(a, b);
    assert_ne!(a, c);
}

#[test]
fn references_are_valid_and_links_are_about_three_per_actor() {
    let n = 2000;
    let e = generate(n, 9);
    assert_eq!(e.meta.format_version, FORMAT_VERSION);
    assert!(e.meta.notes.as_ref().unwrap().en.contains("invented"));
    assert_eq!(e.actors.len(), n);
    assert_eq!(e.technologies.len(), 8);
    assert_eq!(e.sectors.len(), 12);
    assert_eq!(e.regions.len(), 30);
    let techs: HashSet<&str> = e.technologies.iter().map(|t| t.id.as_str()).collect();
    let sects: HashSet<&str> = e.sectors.iter().map(|t| t.id.as_str()).collect();
    let regns: HashSet<&str> = e.regions.iter().map(|t| t.id.as_str()).collect();
    let actors: HashSet<&str> = e.actors.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(actors.len(), n, "actor ids are unique");
    let mut kinds: HashMap<ActorKind, usize> = HashMap::new();
    for a in &e.actors {
        *kinds.entry(ActorKind::parse(&a.kind).unwrap()).or_default() += 1;
        assert!(a.fictional);
        assert!(!a.technologies.is_empty() && a.technologies.iter().all(|t| techs.contains(t.as_str())));
        assert!(!a.sectors.is_empty() && a.sectors.iter().all(|t| sects.contains(t.as_str())));
        let loc = a.location.as_ref().unwrap();
        let region = loc.region.as_deref().unwrap();
        assert!(regns.contains(region) && region_info(region).is_some());
        let (lon, lat) = (loc.lon.unwrap(), loc.lat.unwrap());
        assert!(
            (11.2..=14.8).contains(&lon) && (51.3..=53.6).contains(&lat),
            "{lon} {lat}"
        );
        if region.starts_with("11") {
            assert!(
                (13.05..=13.8).contains(&lon) && (52.3..=52.7).contains(&lat),
                "Berlin point {lon} {lat}"
            );
        }
        assert!(a.size.as_deref().is_none_or(|s| SizeBand::parse(s).is_some()));
        assert!(a.website.as_deref().unwrap().starts_with("https://"));
    }
    let share =
        |ks: &[ActorKind]| ks.iter().map(|k| kinds.get(k).copied().unwrap_or(0)).sum::<usize>() as f64 / n as f64;
    assert!(share(&[ActorKind::Startup, ActorKind::Sme]) > 0.7);
    assert!((0.005..0.04).contains(&share(&[ActorKind::Research, ActorKind::University])));
    assert!((0.002..0.03).contains(&share(&[ActorKind::Network, ActorKind::Public])));

    assert!((n / 5 - 5..=n / 5 + 5).contains(&e.projects.len()));
    let pids: HashSet<&str> = e.projects.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(pids.len(), e.projects.len());
    for p in &e.projects {
        assert!((2019..=2025).contains(&p.start) && p.end >= p.start);
        assert!((50_000..=5_000_000).contains(&p.volume));
        assert!((2..=6).contains(&p.participants.len()));
        let who: HashSet<&str> = p.participants.iter().map(|x| x.actor.as_str()).collect();
        assert_eq!(who.len(), p.participants.len(), "no actor twice in a project");
        assert!(who.iter().all(|a| actors.contains(a)));
        assert!(p.participants.iter().all(|x| Role::parse(&x.role).is_some()));
        assert_eq!(p.participants.iter().filter(|x| x.role == "lead").count(), 1);
        assert!(p.status.as_deref().and_then(ProjectStatus::parse).is_some());
        assert!(!p.technologies.is_empty() && p.technologies.iter().all(|t| techs.contains(t.as_str())));
    }

    let per_actor = e.links.len() as f64 / n as f64;
    assert!((2.8..=3.0).contains(&per_actor), "{per_actor} links per actor");
    let mut pairs = HashSet::new();
    for l in &e.links {
        assert_ne!(l.source, l.target, "self link");
        assert!(actors.contains(l.source.as_str()) && actors.contains(l.target.as_str()));
        assert!(LinkKind::parse(&l.kind).is_some(), "{}", l.kind);
        let key = if l.source < l.target {
            (&l.source, &l.target)
        } else {
            (&l.target, &l.source)
        };
        assert!(pairs.insert(key), "duplicate link {key:?}");
    }
}

#[test]
fn names_are_clearly_synthetic_and_round_trip_through_json() {
    let e = generate(300, 5);
    assert!(
        e.actors.iter().all(|a| a.name.contains(&a.id[1..])),
        "names carry the actor number"
    );
    let json = serde_json::to_string(&e).unwrap();
    let back: ecomap_core::wire::Export = serde_json::from_str(&json).unwrap();
    assert_eq!(back, e);
}

#[test]
fn generated_export_imports_cleanly() {
    let e = generate(400, 3);
    let bytes = serde_json::to_vec(&e).unwrap();
    let (ds, report) = ecomap_core::import::import(&bytes, "generated.json");
    let text = ecomap_core::report::render_text(&report, ecomap_core::model::Lang::En);
    assert_eq!(report.errors() + report.warnings(), 0, "{text}");
    assert_eq!(ds.actors.len(), 400);
    assert_eq!(ds.projects.len(), e.projects.len());
    assert_eq!(ds.links.len(), e.links.len());
}

#[test]
fn test_fixture_conversion_matches_import() {
    let e = generate(300, 11);
    let (ds, _) = ecomap_core::import::import(&serde_json::to_vec(&e).unwrap(), "generated.json");
    let mine = common::dataset_from_wire(&e);
    assert_eq!(mine.actors, ds.actors);
    assert_eq!(mine.projects, ds.projects);
    assert_eq!(mine.links, ds.links);
    assert_eq!(mine.regions, ds.regions);
}
