//! The two per-year charts: project volume per year stacked by primary technology (running or started), and
//! projects per year, new and ongoing. Both use the selection without its year range, so every year stays
//! visible and clickable; the year in view is chosen (outlined) when a range is set.

use ecomap_core::stats::{self, YearReading};

use super::super::chart_spec::{Category, ChartSpec, Key, Orientation, Series, Unit};
use super::super::texts::ViewTexts;
use super::{tech_name, Inputs};

/// Series colour of the "no technology" stack (grey in every theme).
const NO_TECHNOLOGY_COLOUR: usize = 8;

/// One column per year.
fn year_categories(i: &Inputs, years: impl Iterator<Item = u16>) -> Vec<Category> {
    let year = i.resolved.filter.year_in_view(i.ds);
    years
        .map(|y| Category {
            label: y.to_string(),
            key: Key::Year(y),
            chosen: i.resolved.filter.years.is_some() && Some(y) == year,
        })
        .collect()
}

/// 1. Volume per year stacked by primary technology; projects without one form their own grey stack.
pub fn volume_by_year(i: &Inputs, t: &ViewTexts, (from, to): (u16, u16), summary: String) -> ChartSpec {
    let (ds, lang) = (i.ds, i.lang);
    let stacks = stats::volume_by_year_and_technology(ds, i.sel_all_years, from, to, i.reading);
    let mut series: Vec<Series> = (0..ds.technologies.len())
        .map(|k| Series {
            name: tech_name(ds, k, lang),
            key: Some(Key::Technology(ds.technologies[k].key.clone())),
            colour: k,
        })
        .collect();
    let with_none = stacks.iter().any(|r| r.without_technology.0 > 0);
    if with_none {
        series.push(Series {
            name: t.no_technology.to_string(),
            key: None,
            colour: NO_TECHNOLOGY_COLOUR,
        });
    }
    let (reading, note) = match i.reading {
        YearReading::Running => (t.running, t.by_year_running_note),
        YearReading::Started => (t.started, t.by_year_started_note),
    };
    ChartSpec {
        id: "volume-by-year",
        title: format!("{} ({})", t.by_year_title, reading),
        summary,
        note: note.to_string(),
        category_axis: t.year.to_string(),
        value_axis: t.volume_eur.to_string(),
        orientation: Orientation::Columns,
        unit: Unit::Eur,
        categories: year_categories(i, stacks.iter().map(|r| r.year)),
        series,
        values: stacks
            .iter()
            .map(|r| {
                let mut v: Vec<u64> = r.by_technology.iter().map(|e| e.0).collect();
                if with_none {
                    v.push(r.without_technology.0);
                }
                v
            })
            .collect(),
        lang,
    }
}

/// 2. Projects per year: new (starting in the year) and ongoing (started earlier, active in the year).
pub fn projects_by_year(i: &Inputs, t: &ViewTexts, (from, to): (u16, u16), summary: String) -> ChartSpec {
    let rows = stats::projects_new_and_ongoing(i.ds, i.sel_all_years, from, to);
    ChartSpec {
        id: "projects-by-year",
        title: t.new_ongoing_title.to_string(),
        summary,
        note: t.new_ongoing_note.to_string(),
        category_axis: t.year.to_string(),
        value_axis: t.projects_count.to_string(),
        orientation: Orientation::Columns,
        unit: Unit::Count,
        categories: year_categories(i, rows.iter().map(|r| r.year)),
        series: vec![
            Series {
                name: t.new.to_string(),
                key: None,
                colour: 1,
            },
            Series {
                name: t.ongoing.to_string(),
                key: None,
                colour: 0,
            },
        ],
        values: rows.iter().map(|r| vec![r.new as u64, r.ongoing as u64]).collect(),
        lang: i.lang,
    }
}
