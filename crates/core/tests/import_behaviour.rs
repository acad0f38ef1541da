//! What a data maintainer notices when importing: valid records survive next to bad ones, a clean export
//! round-trips without a single problem, regions are derived from points, limits refuse or drop as documented.

use ecomap_core::import::{import, import_with, Limits};
use ecomap_core::model::*;
use ecomap_core::regions::{wire_regions, REGIONS};
use ecomap_core::report::{render_json, render_text, Code, ImportReport, Severity};
use ecomap_core::taxonomy::{wire_sectors, wire_technologies, SECTORS, TECHNOLOGIES};
use ecomap_core::wire;

fn codes(report: &ImportReport) -> Vec<&'static str> {
    report.problems.iter().map(|p| p.code.as_str()).collect()
}

fn text(de: &str, en: &str) -> wire::Text {
    wire::Text::new(de, en)
}

fn export() -> wire::Export {
    let actor = |id: &str, name: &str, kind: &str, lonlat: Option<(f64, f64)>, region: Option<&str>| wire::Actor {
        id: id.into(),
        name: name.into(),
        kind: kind.into(),
        location: Some(wire::Location {
            lon: lonlat.map(|p| p.0),
            lat: lonlat.map(|p| p.1),
            address: None,
            region: region.map(str::to_string),
        }),
        ..wire::Actor::default()
    };
    let mut tu = actor(
        "tu-berlin",
        "TU Berlin",
        "university",
        Some((13.3265, 52.5125)),
        Some("11004"),
    );
    tu.founded = Some(1879);
    tu.technologies = vec!["ai".into(), "security".into()];
    tu.sectors = vec!["software".into()];
    tu.website = Some("https://www.tu.berlin".into());
    tu.description = Some(text("Technische Universität", "Technical university"));
    tu.size = Some("250+".into());
    tu.updated = Some("2026-05-01".into());
    tu.source = Some("test".into());
    tu.position = Some(wire::Position { x: 1.5, y: -2.0 });
    let potsdam = actor("s-1", "Pixel Potsdam", "startup", Some((13.06566, 52.39886)), None);
    let mut offline = actor("n-1", "Netzwerk Ost", "network", None, None);
    offline.location = None;
    offline.fictional = true;
    wire::Export {
        meta: wire::Meta {
            format_version: "1.0".into(),
            title: text("Ökosystem", "Ecosystem"),
            date: "2026-06-30".into(),
            source: "round trip test".into(),
            licence: "CC-BY-4.0".into(),
            languages: vec!["de".into(), "en".into()],
            notes: None,
            reference_year: Some(2026),
            contact: None,
        },
        technologies: wire_technologies(),
        sectors: wire_sectors(),
        regions: wire_regions(),
        actors: vec![tu, potsdam, offline],
        projects: vec![wire::Project {
            id: "p-1".into(),
            title: text("KI für Medien", "AI for media"),
            start: 2025,
            end: 2027,
            status: Some("ongoing".into()),
            volume: 1_250_000,
            programme: Some("ProFIT".into()),
            technologies: vec!["ai".into()],
            participants: vec![
                wire::Participant {
                    actor: "tu-berlin".into(),
                    role: "lead".into(),
                },
                wire::Participant {
                    actor: "s-1".into(),
                    role: "partner".into(),
                },
            ],
            fictional: true,
        }],
        links: vec![
            wire::Link {
                source: "s-1".into(),
                target: "tu-berlin".into(),
                kind: "spin-off".into(),
            },
            wire::Link {
                source: "s-1".into(),
                target: "n-1".into(),
                kind: "membership".into(),
            },
        ],
    }
}

fn expected() -> Dataset {
    let localized = |de: &str, en: &str| Localized {
        de: de.into(),
        en: en.into(),
    };
    let region = |key: &str| Some(RegionId(REGIONS.iter().position(|r| r.key == key).expect("key") as u16));
    let tech = |key: &str| TechnologyId(TECHNOLOGIES.iter().position(|t| t.0 == key).expect("tech") as u16);
    Dataset {
        meta: Meta {
            format_version: "1.0".into(),
            title: localized("Ökosystem", "Ecosystem"),
            date: "2026-06-30".into(),
            source: "round trip test".into(),
            licence: "CC-BY-4.0".into(),
            languages: vec!["de".into(), "en".into()],
            notes: Localized::default(),
            reference_year: Some(2026),
            contact: Vec::new(),
        },
        technologies: TECHNOLOGIES
            .iter()
            .map(|(k, de, en)| Technology {
                key: k.to_string(),
                name: localized(de, en),
                description: Localized::default(),
            })
            .collect(),
        sectors: SECTORS
            .iter()
            .map(|(k, de, en)| Sector {
                key: k.to_string(),
                name: localized(de, en),
            })
            .collect(),
        regions: REGIONS
            .iter()
            .map(|r| Region {
                key: r.key.into(),
                name: r.name.into(),
                state: r.state,
            })
            .collect(),
        actors: vec![
            Actor {
                key: "tu-berlin".into(),
                name: "TU Berlin".into(),
                kind: ActorKind::University,
                sectors: vec![SectorId(0)],
                technologies: vec![tech("ai"), tech("security")],
                location: Location {
                    point: Some(LonLat {
                        lon: 13.3265,
                        lat: 52.5125,
                    }),
                    address: None,
                    region: region("11004"),
                },
                website: Some("https://www.tu.berlin".into()),
                description: localized("Technische Universität", "Technical university"),
                founded: Some(1879),
                size: Some(SizeBand::Large),
                source: Some("test".into()),
                updated: Some("2026-05-01".into()),
                fictional: false,
                position: Some((1.5, -2.0)),
            },
            Actor {
                key: "s-1".into(),
                name: "Pixel Potsdam".into(),
                kind: ActorKind::Startup,
                sectors: vec![],
                technologies: vec![],
                // The region is derived from the point.
                location: Location {
                    point: Some(LonLat {
                        lon: 13.06566,
                        lat: 52.39886,
                    }),
                    address: None,
                    region: region("12054"),
                },
                website: None,
                description: Localized::default(),
                founded: None,
                size: None,
                source: None,
                updated: None,
                fictional: false,
                position: None,
            },
            Actor {
                key: "n-1".into(),
                name: "Netzwerk Ost".into(),
                kind: ActorKind::Network,
                sectors: vec![],
                technologies: vec![],
                location: Location::default(),
                website: None,
                description: Localized::default(),
                founded: None,
                size: None,
                source: None,
                updated: None,
                fictional: true,
                position: None,
            },
        ],
        projects: vec![Project {
            key: "p-1".into(),
            title: localized("KI für Medien", "AI for media"),
            start: 2025,
            end: 2027,
            status: Some(ProjectStatus::Ongoing),
            volume: Eur(1_250_000),
            programme: Some("ProFIT".into()),
            technologies: vec![tech("ai")],
            participants: vec![
                Participant {
                    actor: ActorId(0),
                    role: Role::Lead,
                },
                Participant {
                    actor: ActorId(1),
                    role: Role::Partner,
                },
            ],
            fictional: true,
        }],
        links: vec![
            Link {
                source: ActorId(1),
                target: ActorId(0),
                kind: LinkKind::SpinOff,
            },
            Link {
                source: ActorId(1),
                target: ActorId(2),
                kind: LinkKind::Membership,
            },
        ],
    }
}

#[test]
fn a_clean_export_round_trips_without_problems() {
    let json = serde_json::to_vec_pretty(&export()).expect("serialise");
    let (dataset, report) = import(&json, "round-trip.json");
    assert!(report.is_clean(), "{}", render_text(&report, Lang::En));
    assert!(!report.fatal);
    assert_eq!(dataset, expected());
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(serde_json::to_vec(&export()).expect("serialise"));
    let (dataset, report) = import(&bytes, "bom.json");
    assert!(report.is_clean(), "{}", render_text(&report, Lang::En));
    assert_eq!(dataset.actors.len(), 3);
}

#[test]
fn every_valid_record_next_to_a_bad_one_survives() {
    let mut value = serde_json::to_value(export()).expect("to value");
    let actors = value["actors"].as_array_mut().expect("actors");
    actors.insert(1, serde_json::json!({"id": "bad-1", "name": 7, "kind": "sme"}));
    actors.insert(
        0,
        serde_json::json!({"id": "tu-berlin", "name": "Duplicate", "kind": "sme"}),
    );
    actors.push(serde_json::json!("not an object"));
    actors.push(serde_json::json!({"id": "bad-2", "name": "No kind"}));
    let projects = value["projects"].as_array_mut().expect("projects");
    projects
        .push(serde_json::json!({"id": "p-2", "title": {"en": "Backwards"}, "start": 2026, "end": 2020, "volume": 1}));
    let links = value["links"].as_array_mut().expect("links");
    links.insert(
        0,
        serde_json::json!({"source": "s-1", "target": "ghost", "kind": "partnership"}),
    );
    let bytes = serde_json::to_vec(&value).expect("serialise");
    let (dataset, report) = import(&bytes, "mixed.json");
    // The duplicate came first in the file, so it wins; everything else valid is kept.
    assert_eq!(
        dataset.actors.iter().map(|a| a.key.as_str()).collect::<Vec<_>>(),
        ["tu-berlin", "s-1", "n-1"]
    );
    assert_eq!(dataset.actors[0].name, "Duplicate");
    assert_eq!(dataset.projects.len(), 1);
    assert_eq!(dataset.projects[0].participants.len(), 2);
    assert_eq!(dataset.links.len(), 2);
    assert_eq!(report.errors(), 5, "{}", render_text(&report, Lang::En));
    assert!(codes(&report).contains(&"duplicate-id") && codes(&report).contains(&"unknown-actor"));
    assert!(!report.fatal);
}

#[test]
fn missing_sections_fall_back_to_the_built_in_lists() {
    let json = r#"{"meta": {"format_version": "1.0"},
        "actors": [{"id": "a", "name": "A", "kind": "sme", "technologies": ["ai"],
                    "location": {"lon": 13.40, "lat": 52.52}}]}"#;
    let (dataset, report) = import(json.as_bytes(), "small.json");
    assert_eq!(dataset.regions.len(), 30);
    assert_eq!(dataset.technologies.len(), 8);
    assert_eq!(dataset.actors[0].technologies.len(), 1);
    assert_eq!(
        dataset.actors[0]
            .location
            .region
            .map(|r| dataset.region(r).key.as_str()),
        Some("11001")
    );
    let missing: Vec<&str> = report
        .problems
        .iter()
        .filter(|p| p.code == Code::SectionMissing)
        .map(|p| p.path.as_str())
        .collect();
    assert_eq!(missing, ["$.technologies", "$.sectors", "$.regions", "$.projects"]);
}

#[test]
fn ids_are_case_sensitive_and_sections_have_their_own_id_spaces() {
    let json = r#"{"meta": {"format_version": "1.0"},
        "technologies": [{"id": "x", "name": {"en": "X"}}],
        "actors": [{"id": "x", "name": "A", "kind": "sme"}, {"id": "X", "name": "B", "kind": "sme"}],
        "projects": [{"id": "x", "title": {"de": "P"}, "start": 2024, "end": 2024, "volume": 0}]}"#;
    let (dataset, report) = import(json.as_bytes(), "ids.json");
    assert_eq!(dataset.actors.len(), 2);
    assert_eq!(dataset.projects.len(), 1);
    assert!(!codes(&report).contains(&"duplicate-id"));
    // Missing languages are filled from the other one, with one summed-up notice per field.
    assert_eq!(dataset.technologies[0].name.de, "X");
    assert_eq!(dataset.projects[0].title.en, "P");
    assert_eq!(codes(&report).iter().filter(|c| **c == "language-filled").count(), 2);
}

#[test]
fn unknown_fields_give_one_notice_per_field_name_and_section() {
    let actors: Vec<serde_json::Value> = (0..50)
        .map(|i| serde_json::json!({"id": format!("a-{i}"), "name": "A", "kind": "sme", "crm_id": i, "colour": "red"}))
        .collect();
    let json = serde_json::json!({"meta": {"format_version": "1.2"}, "actors": actors, "projects": [], "extra": 1});
    let (dataset, report) = import(json.to_string().as_bytes(), "fields.json");
    assert_eq!(dataset.actors.len(), 50);
    let notices: Vec<&str> = report
        .problems
        .iter()
        .filter(|p| p.code == Code::UnknownField)
        .map(|p| p.path.as_str())
        .collect();
    assert_eq!(notices, ["$.extra", "$.actors[0].colour", "$.actors[0].crm_id"]);
    assert!(report.problems.iter().any(|p| p.message_en.contains("50 records")));
    assert!(codes(&report).contains(&"version-newer-minor"));
}

#[test]
fn limits_refuse_the_file_or_drop_the_field() {
    let json = serde_json::to_vec(&export()).expect("serialise");
    let small = Limits {
        max_bytes: 100,
        ..Limits::default()
    };
    let (dataset, report) = import_with(&json, "big.json", &small);
    assert!(report.fatal && dataset.actors.is_empty());
    assert_eq!(codes(&report), ["file-too-large"]);
    assert!(report.problems[0].message_en.contains("the limit is 100 bytes"));

    let few = Limits {
        max_records: 2,
        ..Limits::default()
    };
    let (dataset, report) = import_with(&json, "many.json", &few);
    assert!(report.fatal && dataset.actors.is_empty());
    assert!(report
        .problems
        .iter()
        .any(|p| p.code == Code::TooManyRecords && p.path == "$.technologies"));

    // Streamed (sections in the usual order) or buffered (actors before meta): refused either way.
    let in_order = br#"{"meta": {"format_version": "1.0"}, "technologies": [], "sectors": [], "regions": [],
        "actors": [{"id": "a", "name": "A", "kind": "sme"}, {"id": "b", "name": "B", "kind": "sme"},
                   {"id": "c", "name": "C", "kind": "sme"}]}"#;
    let actors_first =
        br#"{"actors": [{"id": "a", "name": "A", "kind": "sme"}, {"id": "b", "name": "B", "kind": "sme"},
        {"id": "c", "name": "C", "kind": "sme"}], "meta": {"format_version": "1.0"}}"#;
    for bytes in [&in_order[..], &actors_first[..]] {
        let (dataset, report) = import_with(bytes, "three.json", &few);
        assert!(report.fatal && dataset.actors.is_empty());
        assert!(report
            .problems
            .iter()
            .any(|p| p.code == Code::TooManyRecords && p.path == "$.actors"));
        let (dataset, report) = import(bytes, "three.json");
        assert!(!report.fatal && dataset.actors.len() == 3);
    }

    let short = Limits {
        max_string_chars: 12,
        ..Limits::default()
    };
    let (dataset, report) = import_with(&json, "long.json", &short);
    let tu = dataset
        .find_actor("tu-berlin")
        .map(|id| dataset.actor(id))
        .expect("kept");
    assert_eq!(tu.website, None, "an over-long optional field is dropped");
    assert!(report
        .problems
        .iter()
        .any(|p| p.code == Code::StringTooLong && p.severity == Severity::Warning && p.path == "$.actors[0].website"));
}

#[test]
fn an_empty_or_broken_file_is_fatal_with_one_problem() {
    for bytes in [&b""[..], b"{", b"null", b"\xff\xfe{}"] {
        let (dataset, report) = import(bytes, "x.json");
        assert!(report.fatal, "{bytes:?}");
        assert_eq!(report.problems.len(), 1, "{bytes:?}");
        assert_eq!(dataset, Dataset::default());
    }
}

#[test]
fn reports_render_as_text_and_json_in_both_languages() {
    let json = br#"{"meta": {"format_version": "1.0"}, "actors": [{"id": "a-17", "name": "", "kind": "sme"}], "projects": []}"#;
    let (_, report) = import(json, "r.json");
    let en = render_text(&report, Lang::En);
    assert!(
        en.contains("error    $.actors[0].name  (id \"a-17\")  required field \"name\" is missing or empty"),
        "{en}"
    );
    assert!(
        en.trim_end().ends_with("r.json: 1 error, 5 warnings, 3 notices"),
        "{en}"
    );
    let de = render_text(&report, Lang::De);
    assert!(
        de.contains("Fehler   $.actors[0].name  (ID „a-17“)  Pflichtfeld „name“ fehlt"),
        "{de}"
    );
    let parsed: serde_json::Value = serde_json::from_str(&render_json(&report, Lang::De)).expect("json");
    assert_eq!(parsed["counts"]["error"], 1);
    let problems = parsed["problems"].as_array().expect("problems");
    let error = problems.iter().find(|p| p["severity"] == "error").expect("the error");
    assert_eq!(error["record"], "a-17");
    assert_eq!(error["code"], "missing-name");
    assert_eq!(error["path"], "$.actors[0].name");
    assert!(error["message"].as_str().is_some_and(|m| m.starts_with("Pflichtfeld")));
}

#[test]
fn links_are_checked_the_same_whether_plain_or_not() {
    let json = br#"{"meta": {"format_version": "1.0"}, "technologies": [], "sectors": [], "regions": [],
        "actors": [{"id": "a", "name": "A", "kind": "sme"}, {"id": "b", "name": "B", "kind": "sme"}],
        "projects": [],
        "links": [
            {"source": "a", "target": "b", "kind": "partnership"},
            {"source": 7, "target": "b", "kind": "other"},
            {"source": "a", "target": "b", "kind": "customer", "weight": 3},
            {"source": " b ", "target": "a", "kind": "  "},
            {"target": "a", "source": "b", "kind": "partnership"},
            {"source": "a", "target": "b"},
            "a-b"
        ]}"#;
    let (dataset, report) = import(json, "links.json");
    let problems: Vec<(&str, &str)> = report
        .problems
        .iter()
        .filter(|p| p.path.starts_with("$.links"))
        .map(|p| (p.code.as_str(), p.path.as_str()))
        .collect();
    assert_eq!(
        problems,
        [
            ("wrong-type", "$.links[1].source"),
            ("unknown-link-kind", "$.links[3].kind"),
            ("duplicate-link", "$.links[4]"),
            ("unknown-link-kind", "$.links[5].kind"),
            ("record-not-object", "$.links[6]"),
            ("unknown-field", "$.links[2].weight"),
        ]
    );
    // b→a "other" (links[3]) and a→b "other" (links[5]) are different links: only partnership is symmetric.
    let kinds: Vec<LinkKind> = dataset.links.iter().map(|l| l.kind).collect();
    assert_eq!(
        kinds,
        [
            LinkKind::Partnership,
            LinkKind::Customer,
            LinkKind::Other,
            LinkKind::Other
        ]
    );
    assert_eq!(
        (dataset.links[2].source, dataset.links[2].target),
        (ActorId(1), ActorId(0))
    );
}
