//! Turns core::stats figures for the current selection into the six localised chart descriptions.
//!
//! Pure (no DOM): the view memoises `build` and draws each spec; tests run natively. `per_year.rs` builds the
//! two per-year charts, `per_category.rs` the four with one bar per technology, sector or actor.

mod per_category;
mod per_year;
#[cfg(test)]
mod tests;

use ecomap_core::facet::Facet;
use ecomap_core::filter::Selection;
use ecomap_core::format;
use ecomap_core::index::Index;
use ecomap_core::model::TechnologyId;
use ecomap_core::model::{Dataset, Eur, Lang};
use ecomap_core::query::{Resolved, ResolvedFocus};
use ecomap_core::stats::{self, YearReading};

use super::chart_spec::{Category, ChartSpec, Key};
use super::texts::{view_texts, ViewTexts};

/// What the charts are drawn from.
pub struct Inputs<'a> {
    pub ds: &'a Dataset,
    pub idx: &'a Index,
    /// The selection (all filters).
    pub sel: &'a Selection,
    /// The selection without the year range, for the per-year charts (a facet does not filter itself).
    pub sel_all_years: &'a Selection,
    /// The Query resolved against the data: chosen ids per facet, years, focus.
    pub resolved: &'a Resolved,
    pub reading: YearReading,
    pub lang: Lang,
}

/// All six charts, in page order.
pub fn build(i: &Inputs) -> Vec<ChartSpec> {
    let t = view_texts(i.lang);
    let span = stats::project_year_span(i.ds).unwrap_or((2020, 2020));
    let in_year = year_summary(i, t);
    let in_selection = selection_summary(i, t, span);
    vec![
        per_year::volume_by_year(i, t, span, in_year.clone()),
        per_year::projects_by_year(i, t, span, in_year),
        per_category::volume_by_technology(i, t, in_selection.clone()),
        per_category::volume_by_sector(i, t, in_selection.clone()),
        per_category::composition(i, t),
        per_category::top_actors(i, t, in_selection),
    ]
}

/// The per-year charts' totals for the year in view ("2025: 98 projects, €68.9M, 42 new").
fn year_summary(i: &Inputs, t: &ViewTexts) -> String {
    let Some(h) = i
        .resolved
        .filter
        .year_in_view(i.ds)
        .map(|y| stats::headline(i.ds, i.sel, y))
    else {
        return String::new();
    };
    format!(
        "{}: {} {}, {}, {} {}",
        h.year,
        format::int(h.projects as u64, i.lang),
        t.projects_word,
        format::eur_compact(h.volume, i.lang),
        format::int(h.new_projects as u64, i.lang),
        t.new_word
    )
}

/// The selection's totals for the other charts ("Selection (2019–2027): 120 projects, €80.1M").
fn selection_summary(i: &Inputs, t: &ViewTexts, (from, to): (u16, u16)) -> String {
    let (n_projects, volume) = i.sel.projects.iter_ones().fold((0u64, 0u64), |(n, v), p| {
        (n + 1, v + i.ds.projects.get(p).map(|x| x.volume.0).unwrap_or(0))
    });
    let range = match i.resolved.filter.year_range() {
        Some((a, b)) if a == b => a.to_string(),
        Some((a, b)) => format!("{}–{}", a.min(b), a.max(b)),
        None => format!("{from}–{to}"),
    };
    format!(
        "{} ({range}): {} {}, {}",
        t.selection,
        format::int(n_projects, i.lang),
        t.projects_word,
        format::eur_compact(Eur(volume), i.lang)
    )
}

/// A technology's name in `lang`, its key when it has none.
fn tech_name(ds: &Dataset, t: usize, lang: Lang) -> String {
    let tech = &ds.technologies[t];
    let n = tech.name.get(lang);
    if n.is_empty() {
        tech.key.clone()
    } else {
        n.to_string()
    }
}

/// One bar per technology (the charts by technology and the composition by kind); filtered ones and the one
/// open in the detail panel are chosen (outlined).
fn technology_categories(i: &Inputs) -> Vec<Category> {
    i.ds.technologies
        .iter()
        .enumerate()
        .map(|(k, tech)| Category {
            label: tech_name(i.ds, k, i.lang),
            key: Key::Technology(tech.key.clone()),
            chosen: i.resolved.filter.chosen(Facet::Technology).contains(&(k as u32))
                || i.resolved.focus == Some(ResolvedFocus::Technology(TechnologyId(k as u16))),
        })
        .collect()
}
