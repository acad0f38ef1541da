//! The legend beside the graph: the one kinds legend (colour and mark per actor kind, from the kinds table the
//! canvas draws with, and the technology hub) and what node size shows.

use ecomap_core::model::Lang;
use leptos::prelude::*;

use super::engine::SizeBy;
use super::texts::texts;
use crate::components::legend::KindLegend;

/// The legend: colour and mark per actor kind and the technology hub, then the size scale.
#[component]
pub fn Legend(lang: Memo<Lang>, size_by: Memo<SizeBy>) -> impl IntoView {
    view! {
        <div class="network-legend" aria-hidden="true">
            <KindLegend lang=lang technologies=true/>
            <span class="network-legend-size" data-testid="network-legend-size">
                <svg class="network-legend-sym" viewBox="0 0 26 14" width="26" height="14">
                    <circle cx="3" cy="9" r="2.5" fill="var(--muted)"></circle>
                    <circle cx="17" cy="7" r="6.5" fill="var(--muted)"></circle>
                </svg>
                {move || {
                    let tx = texts(lang.get());
                    match size_by.get() {
                        SizeBy::Degree => tx.legend_degree,
                        SizeBy::Volume => tx.legend_volume,
                    }
                }}
            </span>
        </div>
    }
}
