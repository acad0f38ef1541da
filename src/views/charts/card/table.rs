//! The table alternative to a chart: a `<table>` with caption and scoped headers, one row per bar whose first
//! cell is a button doing what clicking the bar does; stacked charts get a column per series.

use leptos::prelude::*;

use super::super::app_state::apply;
use super::super::chart_set::ChartRef;
use super::super::chart_spec::{ChartSpec, Key};
use super::super::texts::{view_texts, ViewTexts};
use crate::state::{use_app, AppState};

/// Row `ci`: the category as a button, its value per series (stacked charts), its total.
fn table_row(state: AppState, spec: &ChartSpec, ci: usize, t: &ViewTexts) -> impl IntoView {
    let lang = spec.lang;
    let cat = &spec.categories[ci];
    let key = cat.key.clone();
    let is_actor = matches!(key, Key::Actor(_));
    let action = if is_actor { t.open_actor } else { t.filter_by };
    let aria = format!("{action}: {}", cat.label);
    let cells = spec.values[ci]
        .iter()
        .filter(|_| spec.is_stacked())
        .map(|&v| view! { <td>{spec.unit.format(v, lang)}</td> })
        .collect_view();
    view! {
        <tr class:chosen=cat.chosen>
            <th scope="row"><button type="button" class="row-action" aria-label=aria
                aria-pressed=(cat.chosen && !is_actor).to_string()
                on:click=move |_| apply(state, &key)>{cat.label.clone()}</button></th>
            {cells}
            <td>{spec.unit.format(spec.total(ci), lang)}</td>
        </tr>
    }
}

/// The whole table of `spec`.
fn spec_table(state: AppState, spec: &ChartSpec) -> impl IntoView {
    let t = view_texts(spec.lang);
    let head = spec
        .series
        .iter()
        .enumerate()
        .filter(|_| spec.is_stacked())
        .map(|(s, x)| view! { <th scope="col">{format!("{} {}", s + 1, x.name)}</th> })
        .collect_view();
    let rows = (0..spec.categories.len())
        .map(|ci| table_row(state, spec, ci, t))
        .collect_view();
    view! {
        <table class="chart-table" data-testid="chart-table">
            <caption>{spec.title.clone()}" — "{spec.summary.clone()}</caption>
            <thead><tr><th scope="col">{spec.category_axis.clone()}</th>{head}<th scope="col">{format!("{} ({})", t.total, spec.value_axis)}</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

#[component]
pub fn ChartTable(chart: ChartRef) -> impl IntoView {
    let state = use_app();
    move || chart.with(|c| spec_table(state, &c.spec))
}
