//! A card's buttons: the year reading of the first chart (running or started projects), and below every
//! chart the table toggle and its SVG and PNG export (the chart redrawn standalone, named after the filters).

use ecomap_core::stats::YearReading;
use leptos::prelude::*;

use super::super::app_state::file_name;
use super::super::chart_set::ChartRef;
use super::super::texts::view_texts;
use super::super::theme::ThemeChoice;
use super::super::{draw, export};
use crate::state::{use_app, AppState};

/// Running or started projects, for the per-year volume chart.
#[component]
pub fn ReadingToggle(reading: RwSignal<YearReading>) -> impl IntoView {
    let state = use_app();
    let t = move || view_texts(state.lang.get());
    view! {
        <div class="chart-reading" role="group" aria-label=move || t().reading>
            <button type="button" data-testid="reading-running" aria-pressed=move || (reading.get() == YearReading::Running).to_string()
                on:click=move |_| reading.set(YearReading::Running)>{move || t().running}</button>
            <button type="button" data-testid="reading-started" aria-pressed=move || (reading.get() == YearReading::Started).to_string()
                on:click=move |_| reading.set(YearReading::Started)>{move || t().started}</button>
        </div>
    }
}

/// Downloads the chart as SVG or PNG: redrawn standalone (title, totals, legend and note inside).
fn export_chart(state: AppState, chart: ChartRef, theme: ThemeChoice, png: bool) {
    let palette = theme.palette_untracked();
    chart.with_untracked(|c| {
        let drawn = draw::draw(&c.spec, palette, c.drawn.width, true);
        let name = file_name(state, c.spec.id, if png { "png" } else { "svg" });
        if png {
            export::download_png(&name, &drawn.svg, drawn.width, drawn.height);
        } else {
            export::download_text(&name, "image/svg+xml", &export::svg_file(&drawn.svg));
        }
    });
}

#[component]
pub fn CardTools(chart: ChartRef, theme: ThemeChoice, show_table: RwSignal<bool>) -> impl IntoView {
    let state = use_app();
    let t = move || view_texts(state.lang.get());
    view! {
        <div class="chart-tools">
            <button type="button" data-testid="toggle-table" aria-pressed=move || show_table.get().to_string()
                on:click=move |_| show_table.update(|s| *s = !*s)>
                {move || if show_table.get() { t().show_chart } else { t().show_table }}
            </button>
            <button type="button" data-testid="export-svg" on:click=move |_| export_chart(state, chart, theme, false)>{move || t().export_svg}</button>
            <button type="button" data-testid="export-png" on:click=move |_| export_chart(state, chart, theme, true)>{move || t().export_png}</button>
        </div>
    }
}
