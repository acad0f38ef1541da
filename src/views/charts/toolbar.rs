//! The view's toolbar above the charts: the theme, CSV downloads of the selection, and the click hint.

use leptos::prelude::*;

use super::app_state::{download_csv, CsvRows};
use super::texts::view_texts;
use super::theme::{ChartTheme, ThemeChoice};
use crate::state::use_app;

#[component]
pub fn ChartsToolbar(theme: ThemeChoice) -> impl IntoView {
    let state = use_app();
    let t = move || view_texts(state.lang.get());
    let theme_name = move |th: ChartTheme| match th {
        ChartTheme::Auto => t().theme_auto,
        ChartTheme::Light => t().theme_light,
        ChartTheme::Dark => t().theme_dark,
        ChartTheme::Contrast => t().theme_contrast,
    };
    view! {
        <div class="charts-toolbar">
            <label class="charts-theme">
                {move || t().theme}" "
                <select data-testid="charts-theme" on:change=move |ev| {
                    if let Some(th) = ChartTheme::parse(&event_target_value(&ev)) { theme.chosen.set(th); }
                }>
                    {ChartTheme::ALL.into_iter().map(|th| view! {
                        <option value=th.key() selected=move || theme.chosen.get() == th>
                            {move || theme_name(th)}
                        </option>
                    }).collect_view()}
                </select>
            </label>
            <div class="charts-downloads" role="group" aria-label=move || t().downloads>
                <button type="button" data-testid="csv-actors" on:click=move |_| download_csv(state, CsvRows::Actors)>{move || t().csv_actors}</button>
                <button type="button" data-testid="csv-projects" on:click=move |_| download_csv(state, CsvRows::Projects)>{move || t().csv_projects}</button>
            </div>
            <p class="charts-hint">{move || t().click_hint}</p>
        </div>
    }
}
