//! CSV export of the selection: BOM, separator per language, quoting, formula guard, file names.
#![allow(clippy::unwrap_used)]

mod common;

use common::Builder;
use ecomap_core::csv::{actors_csv, cell, file_name, projects_csv, BOM};
use ecomap_core::facet::PerFacet;
use ecomap_core::filter::{select, Filter};
use ecomap_core::index::Index;
use ecomap_core::model::*;
use ecomap_core::query::Query;

fn ds() -> Dataset {
    let mut b = Builder::new();
    let a = b.actor(
        "=HYPERLINK(\"http://x\")",
        ActorKind::Startup,
        &[0],
        &[0],
        Some(0),
        None,
    );
    let c = b.actor("Müller; Söhne, \"Berlin\"", ActorKind::Sme, &[1], &[1], Some(0), None);
    b.actor("@cmd", ActorKind::Public, &[0], &[], Some(1), None);
    b.project(2024, 2025, 1_500_000, &[0], &[a, c]);
    b.project(2021, 2022, 250, &[1], &[c]);
    b.ds
}

#[test]
fn formula_cells_are_prefixed_and_separators_quoted() {
    assert_eq!(cell("=1+1", ','), "'=1+1");
    assert_eq!(cell("+49 30", ','), "'+49 30");
    assert_eq!(cell("-2", ';'), "'-2");
    assert_eq!(cell("@SUM(A1)", ';'), "'@SUM(A1)");
    assert_eq!(cell("a;b", ';'), "\"a;b\"");
    assert_eq!(cell("a;b", ','), "a;b");
    assert_eq!(cell("say \"hi\"", ','), "\"say \"\"hi\"\"\"");
    assert_eq!(cell("two\nlines", ','), "\"two\nlines\"");
    assert_eq!(cell("Zuse-Institut", ','), "Zuse-Institut", "a dash inside is harmless");
}

#[test]
fn actors_csv_in_german_and_english() {
    let ds = ds();
    let idx = Index::build(&ds);
    let sel = select(&ds, &idx, &Filter::default());
    let de = actors_csv(&ds, &idx, &sel, Lang::De);
    assert!(de.starts_with(BOM));
    let lines: Vec<&str> = de.trim_start_matches(BOM).split("\r\n").collect();
    assert!(lines[0].starts_with("ID;Name;Art;"));
    assert_eq!(
        lines.len(),
        3 + 2,
        "header, three actors, and the empty rest after the last CRLF"
    );
    // Whatever the list order, each dangerous cell is guarded.
    assert!(de.contains(";'@cmd;"));
    assert!(de.contains("\"'=HYPERLINK(\"\"http://x\"\")\""));
    assert!(de.contains("\"Müller; Söhne, \"\"Berlin\"\"\""));
    // Müller takes part in both projects: 2 projects, 1,500,250 EUR in whole euros.
    assert!(de.contains(";2;1500250\r\n"));

    let en = actors_csv(&ds, &idx, &sel, Lang::En);
    assert!(en.trim_start_matches(BOM).starts_with("id,name,kind,"));
    assert!(en.contains(",2,1500250\r\n"));
}

#[test]
fn projects_csv_follows_the_selection() {
    let ds = ds();
    let idx = Index::build(&ds);
    let sel = select(
        &ds,
        &idx,
        &Filter {
            years: Some((2024, 2024)),
            ..Filter::default()
        },
    );
    let en = projects_csv(&ds, &sel, Lang::En);
    let rows: Vec<&str> = en.trim_start_matches(BOM).trim_end().split("\r\n").collect();
    assert_eq!(rows.len(), 2, "header and the one project active in 2024: {en}");
    assert!(rows[1].contains(",2024,2025,1500000,"));
}

#[test]
fn file_names_carry_the_filter_state() {
    let q = Query {
        chosen: PerFacet([vec!["ai".into(), "iot".into()], vec![], vec!["startup".into()], vec![]]),
        years: Some((2025, 2025)),
        text: "Straße & Co".into(),
        ..Query::default()
    };
    assert_eq!(
        file_name(&q, "actors", "csv"),
        "ecomap-actors_tech-ai-iot_kind-startup_years-2025-2025_q-stra-e-co.csv"
    );
    assert_eq!(file_name(&Query::default(), "projects", "csv"), "ecomap-projects.csv");
    let long = Query {
        text: "x".repeat(500),
        ..Query::default()
    };
    assert!(file_name(&long, "actors", "csv").len() <= 125);
}
