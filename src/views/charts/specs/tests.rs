//! The six specs of the demo: page order, the headline's totals, the chosen year and filters.

#![allow(clippy::unwrap_used)]
use ecomap_core::facet::Facet;
use ecomap_core::model::Lang;
use ecomap_core::query::Query;
use ecomap_core::stats::YearReading;

use super::super::chart_spec::Key;
use super::super::test_data::{demo, specs};

#[test]
fn the_demo_gives_six_charts_in_page_order_with_the_headline_totals() {
    let (ds, idx) = demo();
    let charts = specs(&ds, &idx, &Query::default(), YearReading::Running, Lang::En);
    let ids: Vec<&str> = charts.iter().map(|c| c.id).collect();
    assert_eq!(
        ids,
        [
            "volume-by-year",
            "projects-by-year",
            "volume-by-technology",
            "volume-by-sector",
            "composition",
            "top-actors"
        ]
    );
    assert_eq!(charts[0].summary, "2025: 98 projects, €68.9M, 42 new");
    assert_eq!(charts[1].summary, charts[0].summary);
    assert!(charts.iter().all(|c| c.values.len() == c.categories.len()));
    assert!(charts
        .iter()
        .all(|c| c.values.iter().all(|v| v.len() == c.series.len())));
    // Without a year range no column is chosen; the new/ongoing columns add up to the year's projects.
    assert!(charts[0].categories.iter().all(|c| !c.chosen));
    let y2025 = charts[1]
        .categories
        .iter()
        .position(|c| c.key == Key::Year(2025))
        .unwrap();
    assert_eq!(charts[1].total(y2025), 98);
}

#[test]
fn the_chosen_year_and_filters_are_marked_and_per_year_charts_keep_every_year() {
    let (ds, idx) = demo();
    let tech = ds.technologies[1].key.clone();
    let mut query = Query {
        years: Some((2022, 2022)),
        ..Query::default()
    };
    query.toggle(Facet::Technology, &tech);
    let all = specs(&ds, &idx, &Query::default(), YearReading::Running, Lang::De);
    let charts = specs(&ds, &idx, &query, YearReading::Started, Lang::De);
    assert!(charts[0].summary.starts_with("2022: "), "{}", charts[0].summary);
    assert_eq!(charts[0].categories.len(), all[0].categories.len(), "every year stays");
    let chosen: Vec<&Key> = charts[0]
        .categories
        .iter()
        .filter(|c| c.chosen)
        .map(|c| &c.key)
        .collect();
    assert_eq!(chosen, [&Key::Year(2022)]);
    let chosen: Vec<&Key> = charts[2]
        .categories
        .iter()
        .filter(|c| c.chosen)
        .map(|c| &c.key)
        .collect();
    assert_eq!(chosen, [&Key::Technology(tech)]);
    assert!(charts[0].title.ends_with("(begonnene Projekte)"), "{}", charts[0].title);
}
