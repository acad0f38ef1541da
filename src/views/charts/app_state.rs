//! Where the charts meet the app's state, all in one place: what they read (`state.data`, `state.selection`,
//! `state.filter`, the `&Query` for chosen bars, pressed legend entries and file names) and the one way a
//! click writes back (`apply`: `update_query` with the chart's own `Key`, or the focus).

use std::sync::Arc;

use ecomap_core::filter::{self, Filter};
use ecomap_core::query::{Focus, Query};
use ecomap_core::stats::YearReading;
use leptos::prelude::*;

use super::chart_set::{Chart, ChartSet};
use super::chart_spec::Key;
use super::theme::ThemeChoice;
use super::{draw, export, specs};
use crate::perf;
use crate::state::{AppState, SelectionRef};

/// Applies a click on a bar, a legend entry or a table row button.
pub fn apply(state: AppState, key: &Key) {
    match key.clone() {
        Key::Year(y) => state.update_query(|q| {
            q.years = if q.years == Some((y, y)) { None } else { Some((y, y)) };
        }),
        Key::Technology(k) => state.update_query(|q| Query::toggle(&mut q.technologies, &k)),
        Key::Sector(k) => state.update_query(|q| Query::toggle(&mut q.sectors, &k)),
        Key::Kind(k) => state.update_query(|q| Query::toggle(&mut q.kinds, &k)),
        Key::Actor(k) => state.query.update(|q| q.focus = Some(Focus::Actor(k))),
    }
}

/// Whether a legend entry's filter is on (technologies and kinds have legend buttons).
pub fn legend_pressed(q: &Query, key: &Key) -> bool {
    match key {
        Key::Technology(k) => q.technologies.contains(k),
        Key::Kind(k) => q.kinds.contains(k),
        _ => false,
    }
}

/// The selection without its year range, for the per-year charts (a facet never filters itself), so every
/// year stays visible and clickable; the chosen year is outlined.
pub fn selection_all_years(state: AppState) -> Memo<Option<SelectionRef>> {
    Memo::new(move |_| {
        let d = state.data.get()?;
        let sel = state.selection.get()?;
        state.filter.with(|f| {
            let f = f.as_ref()?;
            if f.years.is_none() {
                return Some(sel.clone());
            }
            let all = Filter {
                years: None,
                ..f.clone()
            };
            Some(SelectionRef(Arc::new(filter::select(&d.0.ds, &d.0.idx, &all))))
        })
    })
}

/// What the view chose for drawing, besides the app's state.
#[derive(Clone, Copy)]
pub struct DrawSettings {
    /// The width to draw at (0 until measured: nothing is drawn).
    pub width: RwSignal<u32>,
    pub theme: ThemeChoice,
    pub reading: RwSignal<YearReading>,
}

/// The six charts of the current state, specified and drawn (measured as `ecomap:charts`).
pub fn drawn_charts(
    state: AppState,
    sel_all_years: Memo<Option<SelectionRef>>,
    settings: DrawSettings,
) -> Memo<Option<ChartSet>> {
    Memo::new(move |_| {
        let d = state.data.get()?;
        let sel = state.selection.get()?;
        let all = sel_all_years.get()?;
        let w = settings.width.get();
        if w == 0 {
            return None;
        }
        let palette = settings.theme.palette();
        let lang = state.lang.get();
        let reading = settings.reading.get();
        state.query.with(|q| {
            perf::timed("ecomap:charts", || {
                let inputs = specs::Inputs {
                    ds: &d.0.ds,
                    idx: &d.0.idx,
                    sel: &sel.0,
                    sel_all_years: &all.0,
                    query: q,
                    reading,
                    lang,
                };
                let charts = specs::build(&inputs)
                    .into_iter()
                    .map(|spec| {
                        let drawn = draw::draw(&spec, palette, w, false);
                        Chart { spec, drawn }
                    })
                    .collect();
                Some(ChartSet(Arc::new(charts)))
            })
        })
    })
}

/// Which rows of the selection a CSV download holds.
#[derive(Clone, Copy)]
pub enum CsvRows {
    Actors,
    Projects,
}

/// Downloads the selection's actors or projects as CSV, named after the filters.
pub fn download_csv(state: AppState, rows: CsvRows) {
    let Some(d) = state.data.get_untracked() else { return };
    let Some(sel) = state.selection.get_untracked() else {
        return;
    };
    let lang = state.lang.get_untracked();
    let (what, text) = match rows {
        CsvRows::Actors => ("actors", ecomap_core::csv::actors_csv(&d.0.ds, &d.0.idx, &sel.0, lang)),
        CsvRows::Projects => ("projects", ecomap_core::csv::projects_csv(&d.0.ds, &sel.0, lang)),
    };
    export::download_text(&file_name(state, what, "csv"), "text/csv;charset=utf-8", &text);
}

/// A download's file name: `what` with the filters, then `.ext`.
pub fn file_name(state: AppState, what: &str, ext: &str) -> String {
    state
        .query
        .with_untracked(|q| ecomap_core::csv::file_name(q, what, ext))
}
