//! Where the charts meet the app's state, all in one place: what they read (`state.data`, `state.selection`,
//! `state.resolved` for chosen bars and pressed legend entries, the Query only for file names) and the one way a
//! click writes back (`apply`: the app's intent methods with the chart's own `Key`).

use std::sync::Arc;

use ecomap_core::facet::Facet;
use ecomap_core::filter::Filter;
use ecomap_core::model::Dataset;
use ecomap_core::query::Focus;
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
    // Whether the filters changed (an embed's lock may refuse it) does not matter here.
    let _ = match key.clone() {
        Key::Year(y) => state.set_filters(|q| {
            q.years = if q.years == Some((y, y)) { None } else { Some((y, y)) };
        }),
        Key::Technology(k) => state.toggle_facet(Facet::Technology, &k),
        Key::Sector(k) => state.toggle_facet(Facet::Sector, &k),
        Key::Kind(k) => state.toggle_facet(Facet::Kind, k.key()),
        Key::Actor(k) => {
            state.open(Some(Focus::Actor(k)));
            true
        }
    };
}

/// Whether a legend entry's filter is on (technologies and kinds have legend buttons).
pub fn legend_pressed(ds: &Dataset, filter: &Filter, key: &Key) -> bool {
    let (facet, k) = match key {
        Key::Technology(k) => (Facet::Technology, k.as_str()),
        Key::Kind(k) => (Facet::Kind, k.key()),
        _ => return false,
    };
    facet.find(ds, k).is_some_and(|id| filter.chosen(facet).contains(&id))
}

/// What the view chose for drawing, besides the app's state.
#[derive(Clone, Copy)]
pub struct DrawSettings {
    /// The width to draw at (0 until measured: nothing is drawn).
    pub width: RwSignal<u32>,
    pub theme: ThemeChoice,
    pub reading: RwSignal<YearReading>,
    /// An embed of one chart (`chart=`): only that one is drawn, as the set's only chart.
    pub only: Memo<Option<ecomap_core::embed::Chart>>,
}

/// The six charts of the current state (or the one of a one-chart embed), specified and drawn (measured as
/// `ecomap:charts`).
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
        let only = settings.only.get();
        state.resolved.with(|r| {
            let r = r.as_ref()?;
            perf::timed("ecomap:charts", || {
                let inputs = specs::Inputs {
                    ds: &d.0.ds,
                    idx: &d.0.idx,
                    sel: &sel.0,
                    sel_all_years: &all.0,
                    resolved: r,
                    reading,
                    lang,
                };
                let charts = specs::build(&inputs)
                    .into_iter()
                    .enumerate()
                    .filter(|(i, _)| only.is_none_or(|c| c.index() == *i))
                    .map(|(_, spec)| {
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
