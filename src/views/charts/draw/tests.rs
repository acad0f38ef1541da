//! Drawing tests: text from data never becomes markup, a click maps back to the bar under it.

#![allow(clippy::unwrap_used)]
use ecomap_core::model::Lang;

use super::super::chart_spec::{Category, ChartSpec, Key, Orientation, Series, Unit};
use super::super::theme;
use super::xml_check::assert_well_formed;
use super::*;

fn spec(names: &[&str], orientation: Orientation, series: usize) -> ChartSpec {
    ChartSpec {
        id: "top-actors",
        title: "Top <10> & more".into(),
        summary: "2025: 3 projects, €1.2M".into(),
        note: "a \"note\" with 'quotes'".into(),
        category_axis: "Actor".into(),
        value_axis: "Volume (EUR)".into(),
        orientation,
        unit: Unit::Eur,
        categories: names
            .iter()
            .enumerate()
            .map(|(i, n)| Category {
                label: n.to_string(),
                key: Key::Actor(format!("a{i}")),
                chosen: i == 0,
            })
            .collect(),
        series: (0..series)
            .map(|s| Series {
                name: format!("S<{s}>&"),
                key: None,
                colour: s,
            })
            .collect(),
        values: (0..names.len())
            .map(|i| (0..series).map(|s| 1_000_000 * (i + s + 1) as u64).collect())
            .collect(),
        lang: Lang::En,
    }
}

const EVIL: &str = "<img src=x onerror=alert(1)>";

#[test]
fn actor_names_from_data_never_become_markup() {
    let names = [EVIL, "A&B", "Quote \" and ' apostrophe", "Bell\u{7}\u{0}Null"];
    for orientation in [Orientation::Bars, Orientation::Columns] {
        for standalone in [false, true] {
            let drawn = draw(&spec(&names, orientation, 1), &theme::LIGHT, 640, standalone);
            assert_well_formed(&drawn.svg);
            assert!(!drawn.svg.contains("<img"), "no img element");
            // Long labels are shortened on the axis; the start of the name is there, escaped.
            assert!(drawn.svg.contains("&lt;img"), "the name is there, escaped");
            let tip = drawn
                .hits
                .iter()
                .find(|h| h.key == Key::Actor("a0".into()))
                .map(|h| h.tip.clone());
            assert!(
                tip.unwrap_or_default().starts_with(EVIL),
                "the tooltip has the whole name as text"
            );
            assert!(drawn.svg.contains("A&amp;B"));
            assert!(drawn.svg.contains("BellNull"), "control characters dropped");
            if standalone {
                assert!(drawn.svg.contains("Top &lt;10&gt; &amp; more"));
                assert!(
                    drawn.svg.contains("2025: 3 projects, €1.2M"),
                    "the totals are in the export"
                );
            }
        }
    }
    // Stacked, with series names from data in the (exported) legend.
    let drawn = draw(&spec(&names, Orientation::Columns, 3), &theme::DARK, 400, true);
    assert_well_formed(&drawn.svg);
    assert!(drawn.svg.contains("S&lt;1&gt;&amp;"));
}

#[test]
fn a_click_maps_back_to_the_bar_under_it() {
    let s = spec(&["Alpha", "Beta", "Gamma"], Orientation::Bars, 1);
    let drawn = draw(&s, &theme::LIGHT, 600, false);
    assert_eq!(drawn.hits.len(), 3);
    for (i, h) in drawn.hits.iter().enumerate() {
        let (cx, cy) = ((h.x0 + h.x1) as f64 / 2.0, (h.y0 + h.y1) as f64 / 2.0);
        assert_eq!(
            hit_at(&drawn.hits, cx, cy).map(|h| &h.key),
            Some(&Key::Actor(format!("a{i}")))
        );
    }
    // Bars go top to bottom in category order, and nothing is hit outside the plot.
    assert!(drawn.hits[0].y1 <= drawn.hits[1].y0 + 1);
    assert_eq!(hit_at(&drawn.hits, 5.0, drawn.height as f64 + 10.0), None);

    // Stacked columns: the segment hit comes first and names its series; the key is the column's.
    let s = spec(&["2024", "2025"], Orientation::Columns, 2);
    let drawn = draw(&s, &theme::LIGHT, 600, false);
    let seg = &drawn.hits[0];
    let got = hit_at(
        &drawn.hits,
        (seg.x0 + seg.x1) as f64 / 2.0,
        (seg.y0 + seg.y1) as f64 / 2.0,
    )
    .unwrap();
    assert_eq!(got.key, Key::Actor("a0".into()));
    assert!(got.tip.contains("1 S<0>&"), "tooltips are plain text: {}", got.tip);
    // Above the column (but inside the plot) still hits the column.
    let col = drawn
        .hits
        .iter()
        .rev()
        .find(|h| h.key == Key::Actor("a1".into()))
        .unwrap();
    assert!(hit_at(&drawn.hits, (col.x0 + col.x1) as f64 / 2.0, col.y0 as f64 + 2.0).is_some());
}
