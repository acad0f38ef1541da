//! `ecomap demo`: deterministic, equal to the committed public/data/demo.json, and with the figures and coverage
//! the demo promises (checked by brute force over the wire records).
#![allow(clippy::unwrap_used)]

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use ecomap_core::regions::REGIONS;
use ecomap_core::taxonomy::{SECTORS, TECHNOLOGIES};
use ecomap_core::wire::Export;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ecomap-demo-test-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `ecomap demo` on the committed sources and returns the bytes written.
fn run_demo(dir: &Path, file: &str) -> Vec<u8> {
    let out = dir.join(file);
    let status = Command::new(env!("CARGO_BIN_EXE_ecomap"))
        .arg("demo")
        .arg("--sources")
        .arg(workspace().join("data/sources"))
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "ecomap demo failed: {}",
        String::from_utf8_lossy(&status.stderr)
    );
    std::fs::read(&out).unwrap()
}

/// One run for a check below, in a folder of its own (the checks run in parallel; a shared folder was removed
/// by one while another still read it).
fn demo() -> Export {
    static RUNS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = RUNS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = temp_dir(&format!("figures-{n}"));
    let bytes = run_demo(&dir, "demo.json");
    std::fs::remove_dir_all(&dir).ok();
    serde_json::from_slice(&bytes).unwrap()
}

#[test]
fn deterministic_and_committed() {
    let dir = temp_dir("determinism");
    let a = run_demo(&dir, "a.json");
    let b = run_demo(&dir, "b.json");
    std::fs::remove_dir_all(&dir).ok();
    assert!(a == b, "two runs of `ecomap demo` differ");
    assert!(a.len() < 1_500_000, "demo.json is {} bytes", a.len());
    let committed = std::fs::read(workspace().join("public/data/demo.json")).unwrap();
    assert!(
        a == committed,
        "public/data/demo.json is stale: regenerate it with `cargo run -p ecomap-cli -- demo` in the workspace root"
    );
}

#[test]
fn reference_year_figures() {
    let e = demo();
    assert_eq!(e.meta.reference_year, Some(2025));
    assert_eq!(e.meta.format_version, ecomap_core::wire::FORMAT_VERSION);
    let active: Vec<_> = e.projects.iter().filter(|p| p.start <= 2025 && 2025 <= p.end).collect();
    assert_eq!(active.len(), 98);
    assert_eq!(active.iter().map(|p| p.volume).sum::<u64>(), 68_900_000);
    assert_eq!(active.iter().filter(|p| p.start == 2025).count(), 42);
    for p in &e.projects {
        let expected = if p.start == 2025 {
            "new"
        } else if p.end >= 2025 {
            "ongoing"
        } else {
            "completed"
        };
        assert_eq!(p.status.as_deref(), Some(expected), "{}", p.id);
        assert!(p.fictional && p.volume > 0 && p.start <= p.end, "{}", p.id);
        assert!((1..=3).contains(&p.technologies.len()), "{}", p.id);
        assert!((2..=6).contains(&p.participants.len()), "{}", p.id);
        assert_eq!(
            p.participants.iter().filter(|x| x.role == "lead").count(),
            1,
            "{}",
            p.id
        );
        assert_eq!(p.participants[0].role, "lead", "{}", p.id);
    }
    let years: BTreeSet<u16> = e.projects.iter().flat_map(|p| p.start..=p.end).collect();
    assert!(years.len() >= 5, "projects span {years:?}");
    // Growing: fewer projects active in each earlier year from 2021 on.
    let active_in = |y: u16| e.projects.iter().filter(|p| p.start <= y && y <= p.end).count();
    for y in 2021..2025 {
        assert!(
            active_in(y) < active_in(y + 1),
            "{y}: {} active, {}: {}",
            active_in(y),
            y + 1,
            active_in(y + 1)
        );
    }
}

#[test]
fn actors_and_coverage() {
    let e = demo();
    let count = |kinds: &[&str]| e.actors.iter().filter(|a| kinds.contains(&a.kind.as_str())).count();
    let real = |kinds: &[&str]| {
        e.actors
            .iter()
            .filter(|a| !a.fictional && kinds.contains(&a.kind.as_str()))
            .count()
    };
    assert!(real(&["university", "research"]) >= 25);
    assert!(real(&["network", "public"]) >= 10);
    assert!(count(&["startup", "sme", "corporation"]) >= 250);
    assert!(e
        .actors
        .iter()
        .filter(|a| matches!(a.kind.as_str(), "startup" | "sme" | "corporation"))
        .all(|a| a.fictional && a.website.as_deref().is_none_or(|w| w.ends_with(".example"))));
    assert!(e
        .actors
        .iter()
        .filter(|a| !a.fictional)
        .all(|a| !matches!(a.kind.as_str(), "startup" | "sme" | "corporation")));

    let ids: HashSet<&str> = e.actors.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids.len(), e.actors.len(), "duplicate actor ids");
    let used_regions: BTreeSet<&str> = e
        .actors
        .iter()
        .filter(|a| a.fictional)
        .filter_map(|a| a.location.as_ref()?.region.as_deref())
        .collect();
    assert_eq!(used_regions.len(), 30, "regions with companies: {used_regions:?}");
    for (sector, _, _) in SECTORS {
        let n = e
            .actors
            .iter()
            .filter(|a| a.sectors.iter().any(|s| s == sector))
            .count();
        assert!(n >= 8, "sector {sector}: {n} actors");
    }
    for (tech, _, _) in TECHNOLOGIES {
        let n = e
            .actors
            .iter()
            .filter(|a| a.technologies.iter().any(|t| t == tech))
            .count();
        assert!(n >= 15, "technology {tech}: {n} actors");
    }
}

/// Bounding boxes of the regions in the sources' GeoJSON, by `ags`.
fn region_bboxes() -> BTreeMap<String, [f64; 4]> {
    let text = std::fs::read_to_string(workspace().join("data/sources/bb_be_regions_10pct.geojson")).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let mut out = BTreeMap::new();
    for f in json["features"].as_array().unwrap() {
        let mut bbox = [f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY];
        fn walk(v: &serde_json::Value, bbox: &mut [f64; 4]) {
            let a = v.as_array().unwrap();
            if let (Some(x), Some(y)) = (a.first().and_then(|x| x.as_f64()), a.get(1).and_then(|y| y.as_f64())) {
                *bbox = [bbox[0].min(x), bbox[1].min(y), bbox[2].max(x), bbox[3].max(y)];
            } else {
                a.iter().for_each(|c| walk(c, bbox));
            }
        }
        walk(&f["geometry"]["coordinates"], &mut bbox);
        out.insert(f["properties"]["ags"].as_str().unwrap().to_string(), bbox);
    }
    out
}

#[test]
fn locations_inside_their_regions() {
    let e = demo();
    let bboxes = region_bboxes();
    let all = bboxes.values().fold(
        [f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY],
        |b, r| [b[0].min(r[0]), b[1].min(r[1]), b[2].max(r[2]), b[3].max(r[3])],
    );
    let inside = |b: &[f64; 4], lon: f64, lat: f64| lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3];
    for a in &e.actors {
        let loc = a.location.as_ref().unwrap();
        let (lon, lat) = (loc.lon.unwrap(), loc.lat.unwrap());
        let region = loc.region.as_deref().unwrap();
        assert!(
            REGIONS.iter().any(|r| r.key == region),
            "{}: unknown region {region}",
            a.id
        );
        assert!(inside(&all, lon, lat), "{} lies outside Berlin-Brandenburg", a.id);
        if a.fictional {
            assert!(
                inside(&bboxes[region], lon, lat),
                "{} lies outside the box of region {region}",
                a.id
            );
            assert!(loc.address.is_none(), "{} has an invented address", a.id);
        }
    }
}

#[test]
fn references_resolve_and_links_are_clean() {
    let e = demo();
    let actors: HashSet<&str> = e.actors.iter().map(|a| a.id.as_str()).collect();
    let techs: HashSet<&str> = e.technologies.iter().map(|t| t.id.as_str()).collect();
    let sectors: HashSet<&str> = e.sectors.iter().map(|s| s.id.as_str()).collect();
    let regions: HashSet<&str> = e.regions.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(regions.len(), 30);
    for a in &e.actors {
        assert!(a.technologies.iter().all(|t| techs.contains(t.as_str())), "{}", a.id);
        assert!(a.sectors.iter().all(|s| sectors.contains(s.as_str())), "{}", a.id);
        assert!(a
            .location
            .as_ref()
            .and_then(|l| l.region.as_deref())
            .is_some_and(|r| regions.contains(r)));
    }
    let project_ids: HashSet<&str> = e.projects.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(project_ids.len(), e.projects.len(), "duplicate project ids");
    for p in &e.projects {
        assert!(p.technologies.iter().all(|t| techs.contains(t.as_str())), "{}", p.id);
        assert!(
            p.participants.iter().all(|x| actors.contains(x.actor.as_str())),
            "{}",
            p.id
        );
        let distinct: HashSet<&str> = p.participants.iter().map(|x| x.actor.as_str()).collect();
        assert_eq!(distinct.len(), p.participants.len(), "{}: a participant twice", p.id);
    }
    let mut pairs = HashSet::new();
    let kinds = [
        "partnership",
        "membership",
        "spin-off",
        "investment",
        "customer",
        "other",
    ];
    for l in &e.links {
        assert!(
            actors.contains(l.source.as_str()) && actors.contains(l.target.as_str()),
            "{l:?}"
        );
        assert_ne!(l.source, l.target, "self link");
        assert!(kinds.contains(&l.kind.as_str()), "{l:?}");
        let key = if l.source < l.target {
            (&l.source, &l.target)
        } else {
            (&l.target, &l.source)
        };
        assert!(pairs.insert(key), "duplicate link {l:?}");
    }
    assert!(
        e.links.len() >= e.actors.len(),
        "{} links for {} actors",
        e.links.len(),
        e.actors.len()
    );
}
