//! One chart's card: title and totals, the plot (`plot.rs`), the legend (`legend.rs`), the note, the tools
//! (`tools.rs`: table toggle, SVG and PNG export; the first card also has the year reading) and the table
//! alternative (`table.rs`).

mod legend;
mod plot;
mod table;
mod tools;

use ecomap_core::stats::YearReading;
use leptos::prelude::*;

use super::chart_set::ChartRef;
use super::theme::ThemeChoice;
use legend::ChartLegend;
use plot::ChartPlot;
use table::ChartTable;
use tools::{CardTools, ReadingToggle};

#[component]
pub fn ChartCard(chart: ChartRef, reading: RwSignal<YearReading>, theme: ThemeChoice) -> impl IntoView {
    let index = chart.index;
    let show_table = RwSignal::new(false);
    // The printed report shows every chart's table (components/print.rs).
    let printing = use_context::<crate::components::print::Printing>().map(|p| p.0);
    let id = move || chart.text(|c| c.spec.id.to_string());
    let title = move || chart.text(|c| c.spec.title.clone());
    let summary = move || chart.text(|c| c.spec.summary.clone());
    let note = move || chart.text(|c| c.spec.note.clone());
    let heading_id = move || format!("chart-title-{index}");
    view! {
        <figure class="chart" data-testid=move || format!("chart-{}", id()) aria-labelledby=heading_id>
            <figcaption>
                <h3 id=heading_id>{title}</h3>
                <p class="chart-summary" data-testid="chart-summary">{summary}</p>
            </figcaption>
            <Show when=move || index == 0>
                <ReadingToggle reading=reading/>
            </Show>
            <ChartPlot chart=chart/>
            <ChartLegend chart=chart theme=theme/>
            <p class="chart-note">{note}</p>
            <CardTools chart=chart theme=theme show_table=show_table/>
            <Show when=move || show_table.get() || printing.is_some_and(|p| p.get())>
                <ChartTable chart=chart/>
            </Show>
        </figure>
    }
}
