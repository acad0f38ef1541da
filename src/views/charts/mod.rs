//! The charts view: six plotters charts of the selection (volume per year by technology, new vs ongoing
//! projects, volume by technology and by sector, ecosystem composition, top 10 actors), linked to the filters.
//!
//! Clicking a bar sets its filter (year, technology, sector, kind) or opens the actor; each chart has a data
//! table with the same actions as buttons, SVG and PNG export; the selection downloads as CSV. See docs/charts.md.
//!
//! Pure parts (tested natively): `chart_spec` (what a chart shows), `specs` (figures → specs), `draw` (specs →
//! SVG and hit rectangles), `theme`, `texts`. On the page: this view, `toolbar`, `card/` (one chart's card),
//! `svg_dom` (the SVG into the page without `inner_html`), `export`, `timeline`. `app_state` is the one place
//! the charts read and write the app's state.

pub mod app_state;
pub mod card;
pub mod chart_set;
pub mod chart_spec;
pub mod draw;
pub mod export;
pub mod specs;
pub mod svg_dom;
#[cfg(test)]
mod test_data;
pub mod texts;
pub mod theme;
pub mod timeline;
pub mod toolbar;

use ecomap_core::stats::YearReading;
use leptos::prelude::*;

use self::app_state::{drawn_charts, DrawSettings};
use self::card::ChartCard;
use self::chart_set::{ChartRef, CHARTS};
use self::texts::view_texts;
use self::theme::ThemeChoice;
use self::toolbar::ChartsToolbar;
use crate::state::use_app;

fn system_dark() -> bool {
    crate::browser::prefers_dark()
}

/// The width to draw at: the section's width in 20 px steps (300 to 960), so text stays at its CSS size on
/// phones and desktops; measured once the section is mounted and on every window resize.
fn watch_width(root: NodeRef<leptos::html::Section>) -> RwSignal<u32> {
    let width = RwSignal::new(0u32);
    let measure = move || {
        if let Some(el) = root.get_untracked() {
            let w = (el.client_width().max(300) as u32).min(960) / 20 * 20;
            if width.get_untracked() != w {
                width.set(w);
            }
        }
    };
    Effect::new(move |_| {
        if root.get().is_some() {
            measure();
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
    width
}

#[component]
pub fn ChartsView() -> impl IntoView {
    let state = use_app();
    let t = move || view_texts(state.lang.get());
    let reading = RwSignal::new(YearReading::Running);
    let theme = ThemeChoice::new(system_dark());
    // A presentation draws its charts in the high-contrast presentation theme.
    if use_context::<crate::shell::Shell>().is_some_and(|s| s.presenting.get_untracked()) {
        theme.chosen.set(theme::ChartTheme::Contrast);
    }
    let root = NodeRef::<leptos::html::Section>::new();
    let width = watch_width(root);
    let sel_all_years = state.selection_all_years;
    let only = Memo::new(move |_| state.query.with(|q| q.embed.one_chart()));
    let charts = drawn_charts(
        state,
        sel_all_years,
        DrawSettings {
            width,
            theme,
            reading,
            only,
        },
    );
    let cards = move || if only.get().is_some() { 1 } else { CHARTS };
    let theme_class = move || format!("charts theme-{}", theme.drawn().key());
    view! {
        <section class=theme_class node_ref=root data-testid="charts"
            data-drawn=move || charts.with(|c| c.is_some()).to_string()
            aria-label=move || t().charts>
            <ChartsToolbar theme=theme/>
            <div class="charts-grid" class:one-chart=move || only.get().is_some()>
                {move || (0..cards()).map(|index| view! { <ChartCard chart=ChartRef { charts, index } reading=reading theme=theme/> }).collect_view()}
            </div>
        </section>
    }
}
