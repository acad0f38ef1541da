//! Search suggestions: three groups (actors, technologies, regions), ranked by where the query meets the name,
//! then by size, then by name; folding finds transliterations and letters decomposition leaves alone; the
//! ranking equals a naive one on a generated export.
#![allow(clippy::unwrap_used)]

mod common;

use common::Builder;
use ecomap_core::generate::generate;
use ecomap_core::index::Index;
use ecomap_core::model::*;
use ecomap_core::suggest::{match_at, suggest, MatchAt, Suggestion, SuggestionKind, MAX_SUGGESTIONS};
use ecomap_core::text::fold;

fn ds() -> Dataset {
    let mut b = Builder::new();
    b.ds.technologies[0].name = Localized {
        de: "Künstliche Intelligenz".into(),
        en: "Artificial Intelligence".into(),
    };
    b.ds.technologies[1].name = Localized {
        de: "Internet der Dinge".into(),
        en: "Internet of Things".into(),
    };
    b.ds.regions.push(Region {
        key: "11009".into(),
        name: "Treptow-Köpenick".into(),
        state: State::Berlin,
    });
    b.ds.regions.push(Region {
        key: "12073".into(),
        name: "Uckermark".into(),
        state: State::Brandenburg,
    });
    for n in [
        "Müller Digital GmbH",
        "Mueller Labs",
        "Straßenbahn Studio",
        "Łódź Games",
        "Đorđe Software",
        "Ørsted Analytics",
        "Kırıkkale Media",
        "Intelligent Systems",
        "Mitte Labs",
        "Labs of Mitte",
        "Vermittelt GmbH",
        "Köpenicker Werkstatt",
    ] {
        b.actor(n, ActorKind::Sme, &[0], &[0], Some(0), None);
    }
    let labs = ActorId(1);
    let mitte = ActorId(8);
    b.project(2020, 2021, 10, &[0], &[labs, mitte]);
    b.project(2020, 2021, 10, &[0], &[mitte]);
    b.ds
}

fn names(ds: &Dataset, got: &[Suggestion], kind: SuggestionKind) -> Vec<String> {
    got.iter()
        .filter(|s| s.kind == kind)
        .map(|s| match kind {
            SuggestionKind::Actor => ds.actors[s.id as usize].name.clone(),
            SuggestionKind::Technology => ds.technologies[s.id as usize].name.en.clone(),
            SuggestionKind::Region => ds.regions[s.id as usize].name.clone(),
        })
        .collect()
}

fn actors(ds: &Dataset, idx: &Index, text: &str) -> Vec<String> {
    names(ds, &suggest(ds, idx, text), SuggestionKind::Actor)
}

#[test]
fn transliterations_and_letters_decomposition_leaves_alone() {
    let ds = ds();
    let idx = Index::build(&ds);
    // "Mueller Labs" has a project, so it ranks before "Müller Digital" (both start with the query).
    let both = vec!["Mueller Labs", "Müller Digital GmbH"];
    assert_eq!(actors(&ds, &idx, "mueller"), both);
    assert_eq!(actors(&ds, &idx, "müller"), both);
    assert_eq!(actors(&ds, &idx, "MULLER"), both);
    assert_eq!(actors(&ds, &idx, "strasse"), vec!["Straßenbahn Studio"]);
    assert_eq!(actors(&ds, &idx, "lodz"), vec!["Łódź Games"]);
    assert_eq!(actors(&ds, &idx, "ŁÓDŹ"), vec!["Łódź Games"]);
    assert_eq!(actors(&ds, &idx, "dorde"), vec!["Đorđe Software"]);
    assert_eq!(actors(&ds, &idx, "orsted"), vec!["Ørsted Analytics"]);
    assert_eq!(actors(&ds, &idx, "kirikkale"), vec!["Kırıkkale Media"]);
    // Regions and technologies fold the same way; a technology is found by its German or English name.
    let got = suggest(&ds, &idx, "kopenick");
    assert_eq!(names(&ds, &got, SuggestionKind::Region), vec!["Treptow-Köpenick"]);
    assert_eq!(names(&ds, &got, SuggestionKind::Actor), vec!["Köpenicker Werkstatt"]);
    let got = suggest(&ds, &idx, "kuenstliche");
    assert_eq!(
        names(&ds, &got, SuggestionKind::Technology),
        vec!["Artificial Intelligence"]
    );
    let got = suggest(&ds, &idx, "things");
    assert_eq!(names(&ds, &got, SuggestionKind::Technology), vec!["Internet of Things"]);
}

#[test]
fn groups_in_order_name_start_then_word_start_then_inside() {
    let ds = ds();
    let idx = Index::build(&ds);
    let got = suggest(&ds, &idx, "mitte");
    // Actors: the name starts with it, a later word does, it is inside a word.
    assert_eq!(
        names(&ds, &got, SuggestionKind::Actor),
        vec!["Mitte Labs", "Labs of Mitte", "Vermittelt GmbH"]
    );
    assert_eq!(names(&ds, &got, SuggestionKind::Region), vec!["Mitte"]);
    let kinds: Vec<SuggestionKind> = got.iter().map(|s| s.kind).collect();
    assert_eq!(
        kinds,
        [vec![SuggestionKind::Actor; 3], vec![SuggestionKind::Region]].concat()
    );
    let at: Vec<MatchAt> = got.iter().map(|s| s.at).collect();
    assert_eq!(
        at,
        vec![MatchAt::Start, MatchAt::WordStart, MatchAt::Inside, MatchAt::Start]
    );
    // "intell": technologies by a word start of either name, the actor by its name's start.
    let got = suggest(&ds, &idx, "intell");
    assert_eq!(names(&ds, &got, SuggestionKind::Actor), vec!["Intelligent Systems"]);
    assert_eq!(
        names(&ds, &got, SuggestionKind::Technology),
        vec!["Artificial Intelligence"]
    );
    assert!(suggest(&ds, &idx, "   ").is_empty());
    assert!(suggest(&ds, &idx, "zzz").is_empty());
}

#[test]
fn larger_first_among_equal_matches_and_at_most_eight() {
    let mut b = Builder::new();
    let mut ids = Vec::new();
    for i in 0..30 {
        ids.push(b.actor(&format!("Studio {i:02}"), ActorKind::Sme, &[0], &[0], Some(0), None));
    }
    // Studio 07 has three projects, Studio 21 one: they lead; the rest by name.
    for _ in 0..3 {
        b.project(2020, 2021, 1, &[0], &[ids[7]]);
    }
    b.project(2020, 2021, 1, &[0], &[ids[21]]);
    let ds = b.ds;
    let idx = Index::build(&ds);
    let got = suggest(&ds, &idx, "studio");
    assert_eq!(got.len(), MAX_SUGGESTIONS);
    assert_eq!(
        names(&ds, &got, SuggestionKind::Actor),
        [
            "Studio 07",
            "Studio 21",
            "Studio 00",
            "Studio 01",
            "Studio 02",
            "Studio 03",
            "Studio 04",
            "Studio 05"
        ]
    );
}

/// The rule written out naively for actors: (place, more projects first, folded name, id), the first eight.
fn brute_force(ds: &Dataset, idx: &Index, text: &str) -> Vec<u32> {
    let q = fold(text);
    let mut rows: Vec<(MatchAt, std::cmp::Reverse<usize>, String, u32)> = Vec::new();
    for (i, a) in ds.actors.iter().enumerate() {
        let name = fold(&a.name);
        if let Some(at) = match_at(&name, &q) {
            let size = idx.actor_projects(ActorId(i as u32)).len();
            rows.push((at, std::cmp::Reverse(size), name, i as u32));
        }
    }
    rows.sort();
    rows.into_iter().take(MAX_SUGGESTIONS).map(|r| r.3).collect()
}

#[test]
fn actor_ranking_equals_brute_force() {
    let ds = common::dataset_from_wire(&generate(3000, 7));
    let idx = Index::build(&ds);
    for q in ["a", "ber", "0", "12", "gmbh", "labs", "e", "ka", "- ", "zz", "studio b"] {
        let got: Vec<u32> = suggest(&ds, &idx, q)
            .iter()
            .filter(|s| s.kind == SuggestionKind::Actor)
            .map(|s| s.id)
            .collect();
        let want = brute_force(&ds, &idx, q);
        assert_eq!(got, want[..got.len()], "query {q:?}");
        assert!(
            got.len() >= want.len().min(4),
            "query {q:?}: at least four actors when there are"
        );
    }
}
