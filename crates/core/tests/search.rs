//! Search text: folded substring of the name, word-start matches first, then by name.
#![allow(clippy::unwrap_used)]

mod common;

use common::{names, Builder};
use ecomap_core::facet::{Facet, PerFacet};
use ecomap_core::filter::{select, Filter};
use ecomap_core::generate::generate;
use ecomap_core::index::Index;
use ecomap_core::model::*;
use ecomap_core::text::fold;

fn ds() -> Dataset {
    let mut b = Builder::new();
    for n in [
        "Technische Universität Berlin",
        "Universität Potsdam",
        "Freie Universitaet Berlin",
        "Kober Software GmbH",
        "Berliner Bank",
        "Überberg Labs",
        "Straßenbahn Studio",
        "Oberhavel Digital",
        "Weber & Berger KG",
    ] {
        b.actor(n, ActorKind::Sme, &[0], &[0], Some(0), None);
    }
    b.ds
}

fn search(ds: &Dataset, idx: &Index, text: &str) -> Vec<String> {
    names(
        ds,
        &select(
            ds,
            idx,
            &Filter {
                text: text.into(),
                ..Filter::default()
            },
        )
        .list,
    )
}

#[test]
fn finds_umlauts_with_and_without_them() {
    let ds = ds();
    let idx = Index::build(&ds);
    // Both have a word starting with the query, so they are ordered by name.
    // "ae" is read as "ä" (German transliteration), both in names and in queries: every spelling finds all.
    let want = vec![
        "Freie Universitaet Berlin",
        "Technische Universität Berlin",
        "Universität Potsdam",
    ];
    assert_eq!(search(&ds, &idx, "universitat"), want);
    assert_eq!(search(&ds, &idx, "UNIVERSITÄT"), want);
    assert_eq!(search(&ds, &idx, "Universität"), want);
    assert_eq!(search(&ds, &idx, "universitae"), want);
    assert_eq!(search(&ds, &idx, "strasse"), vec!["Straßenbahn Studio"]);
    assert_eq!(search(&ds, &idx, "uberberg"), vec!["Überberg Labs"]);
}

#[test]
fn query_is_one_substring_after_folding() {
    let ds = ds();
    let idx = Index::build(&ds);
    let both = vec!["Freie Universitaet Berlin", "Technische Universität Berlin"];
    assert_eq!(search(&ds, &idx, "tät  ber"), both);
    assert_eq!(search(&ds, &idx, "  TÄT\tBER "), both);
    // Words are not matched independently.
    assert!(search(&ds, &idx, "berlin universitat").is_empty());
    assert!(search(&ds, &idx, "xyz").is_empty());
}

#[test]
fn word_starts_rank_before_other_matches_then_by_name() {
    let ds = ds();
    let idx = Index::build(&ds);
    assert_eq!(
        search(&ds, &idx, "ber"),
        vec![
            // The name or one of its words starts with "ber" ("Weber & Berger": its second word), by name.
            "Berliner Bank",
            "Freie Universitaet Berlin",
            "Technische Universität Berlin",
            "Weber & Berger KG",
            // Only inside a word.
            "Kober Software GmbH",
            "Oberhavel Digital",
            "Überberg Labs",
        ]
    );
}

#[test]
fn text_combines_with_facets_and_counts_follow_the_text() {
    let mut b = Builder::new();
    let x = b.actor("Berlin AI", ActorKind::Startup, &[0], &[0], Some(0), None);
    b.actor("Berlin IoT", ActorKind::Sme, &[1], &[0], Some(0), None);
    b.actor("Potsdam AI", ActorKind::Startup, &[0], &[0], Some(1), None);
    let ds = b.ds;
    let idx = Index::build(&ds);
    let sel = select(
        &ds,
        &idx,
        &Filter {
            text: "berlin".into(),
            chosen: PerFacet([vec![0], vec![], vec![], vec![]]),
            ..Filter::default()
        },
    );
    assert_eq!(sel.list, vec![x]);
    assert_eq!(sel.counts.of(Facet::Technology), vec![1, 1]);
    assert_eq!(sel.counts.of(Facet::Region), vec![1, 0]);
}

/// The ranking rule written out naively: word-start matches first, then inner matches; by (folded name, id).
fn brute_force(ds: &Dataset, text: &str) -> Vec<ActorId> {
    let q = fold(text);
    let mut rows: Vec<(bool, String, ActorId)> = Vec::new();
    for (i, a) in ds.actors.iter().enumerate() {
        let name = fold(&a.name);
        if q.is_empty() || !name.contains(&q) {
            continue;
        }
        let word_start = name.char_indices().any(|(j, _)| {
            name[j..].starts_with(&q) && !name[..j].chars().next_back().is_some_and(char::is_alphanumeric)
        });
        rows.push((!word_start, name, ActorId(i as u32)));
    }
    rows.sort();
    rows.into_iter().map(|r| r.2).collect()
}

#[test]
fn ranking_equals_brute_force_on_generated_and_tricky_names() {
    let mut ds = common::dataset_from_wire(&generate(3000, 5));
    let mut b = Builder::new();
    for n in [
        "ba a a",
        "xa a ab",
        "Aa-Aa",
        "aaa aa",
        "a",
        "Ä",
        "Weber & Berger",
        "-ber",
        "ber-",
        "abab ab",
    ] {
        b.actor(n, ActorKind::Sme, &[0], &[0], Some(0), None);
    }
    let base = ds.actors.len() as u32;
    for mut a in b.ds.actors {
        a.key = format!("x{}", a.key);
        ds.actors.push(a);
    }
    assert!(ds.actors.len() as u32 > base);
    let idx = Index::build(&ds);
    for q in [
        "a",
        "ä",
        "a a",
        "a ab",
        "aa",
        "ab",
        "-",
        "- a",
        "ber",
        "BER",
        "0",
        "00 ",
        " 1 ",
        "& b",
        "gmbh & co",
        "labs",
        "universität",
        "ka",
        "e",
        "zz",
        "r-",
    ] {
        let got = select(
            &ds,
            &idx,
            &Filter {
                text: q.into(),
                ..Filter::default()
            },
        )
        .list;
        assert_eq!(got, brute_force(&ds, q), "query {q:?}");
    }
}
