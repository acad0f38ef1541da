//! The legend beside the graph: the one kinds legend (colour and mark per actor kind, from the kinds table the
//! canvas draws with, and the technology hub) and what node size shows.

use ecomap_core::model::Lang;
use leptos::prelude::*;

use super::engine::SizeBy;
use super::report::Report;
use super::texts::texts;
use crate::components::legend::KindLegend;

/// The legend: colour and mark per actor kind and the technology hub, then the size scale.
#[component]
pub fn Legend(lang: Memo<Lang>, size_by: Memo<SizeBy>, report: Report) -> impl IntoView {
    // Said exactly when a frame left edges out (only while the layout animates; docs/network.md).
    let thinned = move || {
        let (shown, all) = (report.edges_shown.get(), report.edges.get());
        (shown < all).then(|| {
            let l = lang.get();
            let [a, b, c] = texts(l).thinned;
            let n = |v: usize| ecomap_core::format::int(v as u64, l);
            format!("{a}{}{b}{}{c}", n(shown), n(all))
        })
    };
    view! {
        <div class="network-legend">
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
            {move || thinned().map(|text| view! { <span class="network-legend-thinned" data-testid="network-thinned">{text}</span> })}
        </div>
    }
}
