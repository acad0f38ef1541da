//! wasm tests in headless Chromium: the app's browser glue (URL form of the Query, performance measures,
//! the ready marker) against the real Web APIs. Logic without a browser is tested natively in ecomap-core.
#![cfg(target_arch = "wasm32")]

use ecomap::{load, perf, url};
use ecomap_core::facet::PerFacet;
use ecomap_core::model::{ActorKind, Lang};
use ecomap_core::query::{Focus, Query, View};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn query_survives_the_browsers_url_encoding() {
    let q = Query {
        view: View::Network,
        lang: Some(Lang::De),
        chosen: PerFacet([
            vec!["ai".into()],
            vec![],
            vec![ActorKind::Research.key().into()],
            vec!["12054".into()],
        ]),
        years: Some((2022, 2025)),
        text: "Universität & Co = 100%".into(),
        focus: Some(Focus::Actor("tu-berlin".into())),
        ..Query::default()
    };
    let search = url::to_search(&q);
    assert!(search.starts_with('?'));
    assert!(!search.contains(' '), "percent-encoded: {search}");
    let (back, notices) = url::parse_search(&search);
    assert_eq!(back, q);
    assert!(notices.is_empty());
}

#[wasm_bindgen_test]
fn default_query_names_only_its_view() {
    assert_eq!(url::to_search(&Query::default()), "?view=map");
    let (q, notices) = url::parse_search("");
    assert_eq!(q, Query::default());
    assert!(notices.is_empty());
}

#[wasm_bindgen_test]
fn measures_are_visible_to_the_performance_api() {
    let value = perf::timed("ecomap:test-timed", || (0..1000u64).sum::<u64>());
    assert_eq!(value, 499_500);
    perf::mark("ecomap:test-start");
    perf::measure_from_mark("ecomap:test-from-mark", "ecomap:test-start");
    let p = web_sys::window().and_then(|w| w.performance()).expect("performance");
    assert_eq!(
        p.get_entries_by_name_with_entry_type("ecomap:test-timed", "measure")
            .length(),
        1
    );
    assert_eq!(
        p.get_entries_by_name_with_entry_type("ecomap:test-from-mark", "measure")
            .length(),
        1
    );
    // The start mark is consumed, so a second measure without a new mark records nothing.
    perf::measure_from_mark("ecomap:test-from-mark", "ecomap:test-start");
    assert_eq!(
        p.get_entries_by_name_with_entry_type("ecomap:test-from-mark", "measure")
            .length(),
        1
    );
}

#[wasm_bindgen_test]
fn ready_marker_is_set_on_the_root_element() {
    load::set_ready_marker("true");
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .expect("root");
    assert_eq!(root.get_attribute("data-ready").as_deref(), Some("true"));
}
