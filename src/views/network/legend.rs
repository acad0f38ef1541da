//! The legend beside the graph: colour and shape per actor kind (the canvas's own polygons, drawn in SVG), the
//! technology hub, and what node size shows.

use ecomap_core::model::{ActorKind, Lang};
use leptos::prelude::*;

use super::engine::{shape_of, SizeBy};
use super::render;
use super::texts::texts;

/// The legend: colour and shape per actor kind, and the technology hub.
#[component]
pub fn Legend(lang: Memo<Lang>, size_by: RwSignal<SizeBy>) -> impl IntoView {
    // Small SVG symbols drawn with the canvas's own polygons, so the legend matches the nodes.
    let symbol = |shape: render::Shape, colour: String| {
        let pts = render::polygon(shape);
        let inner = if pts.is_empty() {
            view! { <circle cx="0" cy="0" r="1" fill=colour></circle> }.into_any()
        } else {
            let points = pts
                .iter()
                .map(|(x, y)| format!("{x},{y}"))
                .collect::<Vec<_>>()
                .join(" ");
            view! { <polygon points=points fill=colour></polygon> }.into_any()
        };
        view! { <svg class="network-legend-sym" viewBox="-1.3 -1.3 2.6 2.6" width="14" height="14">{inner}</svg> }
    };
    let items = move || {
        let l = lang.get();
        let mut v: Vec<(render::Shape, String, String)> = ActorKind::ALL
            .iter()
            .map(|k| {
                (
                    shape_of(*k),
                    format!("var(--kind-{})", k.key()),
                    crate::i18n::kind_name(*k, l).to_string(),
                )
            })
            .collect();
        v.push((
            render::Shape::Octagon,
            "var(--accent)".into(),
            texts(l).technology.to_string(),
        ));
        v
    };
    view! {
        <ul class="network-legend" aria-hidden="true">
            {move || items().into_iter().map(|(shape, colour, name)| view! {
                <li>{symbol(shape, colour)}{name}</li>
            }).collect_view()}
            <li class="network-legend-size" data-testid="network-legend-size">
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
            </li>
        </ul>
    }
}
