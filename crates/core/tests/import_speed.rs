//! Timings of import and point-in-region at benchmark scale (50,000 actors, 150,000 links). Ignored by
//! default; run `cargo test --release -p ecomap-core --test import_speed -- --ignored --nocapture`.
//!
//! Targets (native): 50,000 point checks well under 50 ms; import of the ~15 MB export under 120 ms.

use std::time::Instant;

use ecomap_core::geo;
use ecomap_core::import::import;
use ecomap_core::model::LonLat;
use ecomap_core::regions::wire_regions;
use ecomap_core::taxonomy::{wire_sectors, wire_technologies, TECHNOLOGIES};
use ecomap_core::wire;

/// A deterministic LCG, so every run measures the same data.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn points(n: usize) -> Vec<LonLat> {
    let mut rng = Lcg(7);
    // Two thirds around Berlin, the rest anywhere in the bounding box of Brandenburg.
    (0..n)
        .map(|i| {
            if i % 3 < 2 {
                LonLat {
                    lon: 13.1 + rng.next() * 0.6,
                    lat: 52.35 + rng.next() * 0.3,
                }
            } else {
                LonLat {
                    lon: 11.3 + rng.next() * 3.4,
                    lat: 51.4 + rng.next() * 2.1,
                }
            }
        })
        .collect()
}

fn big_export(actors: usize) -> wire::Export {
    let mut rng = Lcg(42);
    let kinds = [
        "startup",
        "sme",
        "corporation",
        "research",
        "university",
        "network",
        "public",
    ];
    let pts = points(actors);
    let actor_list: Vec<wire::Actor> = (0..actors)
        .map(|i| wire::Actor {
            id: format!("a-{i}"),
            name: format!("Actor {i} GmbH"),
            kind: kinds[i % kinds.len()].into(),
            sectors: vec![wire_sectors()[i % 12].id.clone()],
            technologies: vec![TECHNOLOGIES[i % 8].0.into(), TECHNOLOGIES[(i / 8) % 8].0.into()],
            location: Some(wire::Location {
                lon: Some(pts[i].lon),
                lat: Some(pts[i].lat),
                address: Some(format!("Straße {i}, Berlin")),
                region: None,
            }),
            website: Some(format!("https://actor-{i}.example")),
            description: Some(wire::Text::new(
                format!("Beschreibung von Akteur {i}, einem Unternehmen der Region."),
                format!("Description of actor {i}, a company of the region."),
            )),
            founded: Some(1950 + (i % 75) as u16),
            size: Some("10-49".into()),
            ..wire::Actor::default()
        })
        .collect();
    let projects: Vec<wire::Project> = (0..actors / 10)
        .map(|i| wire::Project {
            id: format!("p-{i}"),
            title: wire::Text::new(format!("Projekt {i}"), format!("Project {i}")),
            start: 2015 + (i % 10) as u16,
            end: 2026 + (i % 3) as u16,
            volume: 10_000 + i as u64 * 17,
            technologies: vec![TECHNOLOGIES[i % 8].0.into()],
            participants: (0..4)
                .map(|k| wire::Participant {
                    actor: format!("a-{}", (rng.next() * actors as f64) as usize),
                    role: if k == 0 { "lead" } else { "partner" }.into(),
                })
                .collect(),
            ..wire::Project::default()
        })
        .collect();
    let links: Vec<wire::Link> = (0..actors * 3)
        .map(|i| wire::Link {
            source: format!("a-{}", i / 3),
            target: format!("a-{}", (rng.next() * actors as f64) as usize),
            kind: ["partnership", "membership", "customer"][i % 3].into(),
        })
        .collect();
    wire::Export {
        meta: wire::Meta {
            format_version: "1.0".into(),
            date: "2026-01-01".into(),
            ..wire::Meta::default()
        },
        technologies: wire_technologies(),
        sectors: wire_sectors(),
        regions: wire_regions(),
        actors: actor_list,
        projects,
        links,
    }
}

#[test]
#[ignore = "timing; run with --release --ignored --nocapture"]
fn fifty_thousand_points_in_regions() {
    let pts = points(50_000);
    let _ = geo::region_at(pts[0]); // parse the basemap outside the timing
    let t = Instant::now();
    let inside = pts.iter().filter(|p| geo::region_at(**p).is_some()).count();
    let region_ms = t.elapsed().as_secs_f64() * 1e3;
    let t = Instant::now();
    let near = pts.iter().filter(|p| geo::in_berlin_brandenburg(**p)).count();
    let tolerance_ms = t.elapsed().as_secs_f64() * 1e3;
    println!("region_at: {region_ms:.1} ms ({inside} inside); in_berlin_brandenburg: {tolerance_ms:.1} ms ({near})");
    assert!(inside > 40_000 && near >= inside);
    assert!(
        region_ms < 500.0 && tolerance_ms < 500.0,
        "far too slow even for a debug build"
    );
}

#[test]
#[ignore = "timing; run with --release --ignored --nocapture"]
fn import_of_fifty_thousand_actors() {
    let bytes = serde_json::to_vec(&big_export(50_000)).expect("serialise");
    let _ = geo::region_at(LonLat { lon: 13.4, lat: 52.5 });
    let mut best = f64::INFINITY;
    for _ in 0..3 {
        let t = Instant::now();
        let (dataset, report) = import(&bytes, "big.json");
        best = best.min(t.elapsed().as_secs_f64() * 1e3);
        assert_eq!(dataset.actors.len(), 50_000);
        assert!(report.errors() == 0, "{:?}", report.problems.first());
    }
    let t = Instant::now();
    let value: serde_json::Value = serde_json::from_slice(&bytes).expect("json");
    let parse_ms = t.elapsed().as_secs_f64() * 1e3;
    drop(value);
    println!(
        "import of {:.1} MB: best of 3 {best:.0} ms (of which ~{parse_ms:.0} ms serde_json to Value)",
        bytes.len() as f64 / 1e6
    );
    let (_, report) = import(&bytes, "big.json");
    println!("{} warnings, {} notices", report.warnings(), report.notices());
}

/// `ECOMAP_BENCH_FILE=/tmp/gen50k.json cargo test --release -p ecomap-core --test import_speed -- --ignored
/// --nocapture import_of_a_file` (make one with `ecomap generate --actors 50000 --out /tmp/gen50k.json`).
#[test]
#[ignore = "timing; needs ECOMAP_BENCH_FILE"]
fn import_of_a_file() {
    let Ok(path) = std::env::var("ECOMAP_BENCH_FILE") else {
        return;
    };
    let bytes = std::fs::read(&path).expect("ECOMAP_BENCH_FILE");
    let _ = geo::region_at(LonLat { lon: 13.4, lat: 52.5 });
    let mut times = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        let (dataset, report) = import(&bytes, &path);
        times.push(t.elapsed().as_secs_f64() * 1e3);
        assert!(!report.fatal && !dataset.actors.is_empty());
    }
    times.sort_by(f64::total_cmp);
    println!(
        "import of {path} ({:.1} MB): best {:.0} ms, median {:.0} ms",
        bytes.len() as f64 / 1e6,
        times[0],
        times[2]
    );
}
