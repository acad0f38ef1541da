//! Import never panics and never half-fails: every prefix of a valid export, and the export with single bytes
//! changed, gives a report (fatal with exactly one problem, or a dataset whose references are all valid).

use ecomap_core::import::import;
use ecomap_core::model::Dataset;

const EXPORT: &str = r#"{"meta": {"format_version": "1.0", "title": {"de": "Ö", "en": "E"}, "date": "2026-01-01",
  "source": "s", "licence": "l", "languages": ["de", "en"]},
  "technologies": [{"id": "ai", "name": {"de": "KI", "en": "AI"}}],
  "sectors": [{"id": "software", "name": {"en": "Software"}}],
  "regions": [{"id": "11001", "name": "Mitte", "state": "BE"}],
  "actors": [{"id": "a", "name": "Müller GmbH", "kind": "sme", "technologies": ["ai"], "sectors": ["software"],
              "location": {"lon": 13.4, "lat": 52.52, "region": "11001"}, "founded": 1999, "website": "https://a.de"},
             {"id": "b", "name": "B\u00e4r e.V.", "kind": "network", "position": {"x": 1, "y": 2}}],
  "projects": [{"id": "p", "title": {"de": "P"}, "start": 2024, "end": 2025, "volume": 100,
                "technologies": ["ai"], "participants": [{"actor": "a", "role": "lead"}, {"actor": "b", "role": "partner"}]}],
  "links": [{"source": "a", "target": "b", "kind": "membership"}, {"source": "b", "target": "a", "kind": "x"}]}"#;

/// Every id stored in the dataset points at an existing record.
fn assert_consistent(d: &Dataset) {
    for a in &d.actors {
        assert!(a.technologies.iter().all(|t| t.index() < d.technologies.len()));
        assert!(a.sectors.iter().all(|s| s.index() < d.sectors.len()));
        assert!(a.location.region.is_none_or(|r| r.index() < d.regions.len()));
    }
    for p in &d.projects {
        assert!(p.participants.iter().all(|q| q.actor.index() < d.actors.len()));
        assert!(p.technologies.iter().all(|t| t.index() < d.technologies.len()));
        assert!(p.start <= p.end);
    }
    for l in &d.links {
        assert!(l.source.index() < d.actors.len() && l.target.index() < d.actors.len() && l.source != l.target);
    }
}

#[test]
fn the_export_reads_with_one_warning() {
    let (d, report) = import(EXPORT.as_bytes(), "e.json");
    // Only the deliberately unknown link kind "x" (read as "other") is worth a warning.
    assert_eq!((report.errors(), report.warnings()), (0, 1), "{:?}", report.problems);
    assert_eq!((d.actors.len(), d.projects.len(), d.links.len()), (2, 1, 2));
}

#[test]
fn every_prefix_is_refused_with_one_problem() {
    let bytes = EXPORT.as_bytes();
    for end in 0..bytes.len() {
        let (d, report) = import(&bytes[..end], "prefix.json");
        assert!(report.fatal, "prefix of {end} bytes");
        assert_eq!(report.problems.len(), 1, "prefix of {end} bytes: {:?}", report.problems);
        assert_eq!(d, Dataset::default());
    }
}

#[test]
fn changed_bytes_never_panic_and_keep_references_valid() {
    let bytes = EXPORT.as_bytes();
    for i in 0..bytes.len() {
        for replacement in [b'"', b'{', b']', b'1', b'-', b' ', b'\\', 0xC3, 0xFF] {
            let mut changed = bytes.to_vec();
            changed[i] = replacement;
            let (d, report) = import(&changed, "changed.json");
            if report.fatal {
                assert_eq!(report.problems.len(), 1);
                assert_eq!(d, Dataset::default());
            } else {
                assert_consistent(&d);
            }
        }
    }
}
