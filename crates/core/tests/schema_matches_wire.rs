//! public/schema/export-v1.schema.json must describe exactly what `wire` reads and writes: the same sections
//! and fields, and as required exactly those that serde cannot do without. So the two cannot drift silently.

use std::collections::BTreeSet;

use ecomap_core::wire;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

fn schema() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/schema/export-v1.schema.json");
    let text = std::fs::read_to_string(path).expect("schema file");
    serde_json::from_str(&text).expect("the schema is JSON")
}

fn keys(v: &Value) -> BTreeSet<String> {
    v.as_object().map(|m| m.keys().cloned().collect()).unwrap_or_default()
}

fn strings(v: &Value) -> BTreeSet<String> {
    v.as_array()
        .map(|a| a.iter().filter_map(|s| s.as_str().map(str::to_string)).collect())
        .unwrap_or_default()
}

/// Compares one schema object definition with a fully populated wire value of type `T`.
fn check<T: Serialize + DeserializeOwned>(def: &Value, full: &T, what: &str) {
    let full = serde_json::to_value(full).expect("serialise");
    assert_eq!(
        keys(&def["properties"]),
        keys(&full),
        "{what}: schema properties vs wire fields"
    );
    let needed: BTreeSet<String> = keys(&full)
        .into_iter()
        .filter(|field| {
            let mut without = full.clone();
            without.as_object_mut().map(|m| m.remove(field));
            serde_json::from_value::<T>(without).is_err()
        })
        .collect();
    assert_eq!(
        strings(&def["required"]),
        needed,
        "{what}: schema `required` vs fields serde cannot do without"
    );
}

fn text() -> wire::Text {
    wire::Text::new("de", "en")
}

#[test]
fn schema_and_wire_types_describe_the_same_format() {
    let s = schema();
    assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
    let defs = &s["$defs"];
    let meta = wire::Meta {
        format_version: "1.0".into(),
        title: text(),
        date: "2026-01-01".into(),
        source: "s".into(),
        licence: "l".into(),
        languages: vec!["de".into()],
        notes: Some(text()),
        reference_year: Some(2026),
        contact: Some(wire::Contact {
            legal_notice: Some("https://a.example/impressum".into()),
            privacy: Some("https://a.example/privacy".into()),
            corrections: Some("mailto:data@a.example".into()),
            feedback: Some("mailto:a11y@a.example".into()),
        }),
    };
    check(&defs["meta"], &meta, "meta");
    check(
        &defs["meta"]["properties"]["contact"],
        meta.contact.as_ref().expect("set above"),
        "meta.contact",
    );
    check(
        &defs["technology"],
        &wire::Technology {
            id: "ai".into(),
            name: text(),
            description: Some(text()),
        },
        "technology",
    );
    check(
        &defs["sector"],
        &wire::Sector {
            id: "software".into(),
            name: text(),
        },
        "sector",
    );
    check(
        &defs["region"],
        &wire::Region {
            id: "11001".into(),
            name: "Mitte".into(),
            state: "BE".into(),
        },
        "region",
    );
    let location = wire::Location {
        lon: Some(13.4),
        lat: Some(52.5),
        address: Some("a".into()),
        region: Some("11001".into()),
    };
    check(&defs["location"], &location, "location");
    check(&defs["position"], &wire::Position { x: 1.0, y: 2.0 }, "position");
    let actor = wire::Actor {
        id: "a".into(),
        name: "A".into(),
        kind: "sme".into(),
        sectors: vec!["software".into()],
        technologies: vec!["ai".into()],
        location: Some(location),
        website: Some("https://a.example".into()),
        description: Some(text()),
        founded: Some(2000),
        size: Some("1-9".into()),
        source: Some("s".into()),
        updated: Some("2026-01-01".into()),
        fictional: true,
        position: Some(wire::Position { x: 1.0, y: 2.0 }),
    };
    check(&defs["actor"], &actor, "actor");
    let participant = wire::Participant {
        actor: "a".into(),
        role: "lead".into(),
    };
    check(&defs["participant"], &participant, "participant");
    let project = wire::Project {
        id: "p".into(),
        title: text(),
        start: 2024,
        end: 2025,
        status: Some("new".into()),
        volume: 1,
        programme: Some("x".into()),
        technologies: vec!["ai".into()],
        participants: vec![participant],
        fictional: true,
    };
    check(&defs["project"], &project, "project");
    check(
        &defs["link"],
        &wire::Link {
            source: "a".into(),
            target: "b".into(),
            kind: "other".into(),
        },
        "link",
    );
    let export = wire::Export {
        meta,
        links: vec![wire::Link::default()],
        ..wire::Export::default()
    };
    check(&s, &export, "top level");
    assert_eq!(
        keys(&s["properties"]),
        ecomap_core::import::SECTIONS.iter().map(|s| s.to_string()).collect()
    );
    assert_eq!(
        keys(&defs["text"]["properties"]),
        keys(&serde_json::to_value(text()).expect("text"))
    );
}

#[test]
fn schema_lists_the_same_closed_lists_as_the_model() {
    use ecomap_core::model::{ActorKind, LinkKind, ProjectStatus, SizeBand};
    let defs = &schema()["$defs"];
    let list = |v: &Value| strings(v);
    let set = |keys: Vec<&str>| keys.into_iter().map(str::to_string).collect::<BTreeSet<_>>();
    assert_eq!(
        list(&defs["actor"]["properties"]["kind"]["enum"]),
        set(ActorKind::ALL.iter().map(|k| k.key()).collect())
    );
    assert_eq!(
        list(&defs["actor"]["properties"]["size"]["enum"]),
        set(SizeBand::ALL.iter().map(|k| k.key()).collect())
    );
    assert_eq!(
        list(&defs["link"]["properties"]["kind"]["enum"]),
        set(LinkKind::ALL.iter().map(|k| k.key()).collect())
    );
    assert_eq!(
        list(&defs["project"]["properties"]["status"]["enum"]),
        set(ProjectStatus::ALL.iter().map(|k| k.key()).collect())
    );
}
