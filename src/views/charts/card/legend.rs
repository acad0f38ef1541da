//! The legend of a stacked chart: numbered swatches in stack order (the numbers inside the segments); entries
//! with a filter (technologies, kinds) are buttons that toggle it, the others plain text.

use leptos::prelude::*;

use super::super::app_state::{apply, legend_pressed};
use super::super::chart_set::ChartRef;
use super::super::chart_spec::{Key, Series};
use super::super::texts::view_texts;
use super::super::theme::{self, Palette, ThemeChoice};
use crate::state::{use_app, AppState};

/// One entry: series `s` numbered from 1, a button when it has a filter key.
fn legend_entry(
    state: AppState,
    s: usize,
    series: &Series,
    palette: &Palette,
    pressed: &dyn Fn(&Key) -> bool,
) -> AnyView {
    let colour = theme::hex(theme::colour(palette, series.colour, false));
    let label = format!("{} {}", s + 1, series.name);
    match series.key.clone() {
        Some(key) => {
            let pressed = pressed(&key);
            view! {
                <li><button type="button" class="legend-entry" data-testid="legend-entry"
                    aria-pressed=pressed.to_string()
                    on:click=move |_| apply(state, &key)>
                    <span class="swatch" style:background=colour aria-hidden="true"></span>{label}
                </button></li>
            }
            .into_any()
        }
        None => view! {
            <li><span class="legend-entry"><span class="swatch" style:background=colour aria-hidden="true"></span>{label}</span></li>
        }
        .into_any(),
    }
}

#[component]
pub fn ChartLegend(chart: ChartRef, theme: ThemeChoice) -> impl IntoView {
    let state = use_app();
    let t = move || view_texts(state.lang.get());
    let entries = move || {
        chart
            .with(|c| {
                if !c.spec.is_stacked() {
                    return None;
                }
                let palette = theme.palette();
                let d = state.data.get()?;
                let filter = state.filter.get()?;
                let pressed = |key: &Key| legend_pressed(&d.0.ds, &filter, key);
                Some(
                    c.spec
                        .series
                        .iter()
                        .enumerate()
                        .map(|(s, series)| legend_entry(state, s, series, palette, &pressed))
                        .collect_view(),
                )
            })
            .flatten()
    };
    view! { <ul class="chart-legend" aria-label=move || t().legend>{entries}</ul> }
}
