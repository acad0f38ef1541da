//! The map's legends: actor kinds (colour and shape, drawn with the markers' own polygons) and, when regions
//! are shaded, the five classes of the choropleth with each class's upper bound.

use std::sync::Arc;

use ecomap_core::model::{ActorKind, Eur};
use leptos::prelude::*;

use super::figures::SelectionFigures;
use super::layers::{self, Shading};
use super::scene;
use crate::i18n::kind_name;
use crate::state::use_app;

/// One list item per actor kind: its marker shape in its colour, and its name.
#[component]
pub fn KindLegend() -> impl IntoView {
    let state = use_app();
    move || {
        let lang = state.lang.get();
        ActorKind::ALL
            .into_iter()
            .map(|k| {
                let c = scene::kind_colour(k).css();
                let pts = scene::shape_points(scene::kind_shape(k), 8.0, 8.0, 5.5)
                    .iter()
                    .map(|p| format!("{:.1},{:.1}", p[0], p[1]))
                    .collect::<Vec<_>>()
                    .join(" ");
                view! {
                    <li>
                        <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
                            <polygon points=pts fill=c stroke="#fff" stroke-width="1"/>
                        </svg>
                        {kind_name(k, lang)}
                    </li>
                }
            })
            .collect_view()
    }
}

/// The choropleth's classes (nothing while shading is off), up to the largest region's figure.
#[component]
pub fn ChoroplethLegend(shading: RwSignal<Shading>, figures: Memo<Option<Arc<SelectionFigures>>>) -> impl IntoView {
    let state = use_app();
    move || {
        let shade = shading.get();
        if shade == Shading::None {
            return None;
        }
        let is_money = shade == Shading::Volume;
        let values = figures.with(|f| match f {
            Some(f) if is_money => f.region_volume.clone(),
            Some(f) => f.region_actors.clone(),
            None => Vec::new(),
        });
        let max = values.iter().copied().fold(0.0, f64::max);
        let lang = state.lang.get();
        let label = move |v: f64| {
            if is_money {
                ecomap_core::format::eur_compact(Eur(v as u64), lang)
            } else {
                ecomap_core::format::int(v as u64, lang)
            }
        };
        Some(view! {
            <ol class="map-ramp" data-testid="map-choropleth-legend">
                {layers::RAMP.iter().enumerate().map(|(i, c)| {
                    let hi = class_upper_bound(max, i);
                    view! { <li><span class="swatch" style=format!("background:{}", c.css())></span>{format!("≤ {}", label(hi))}</li> }
                }).collect_view()}
            </ol>
        })
    }
}

/// Upper bound of class `i` (of 5) on the square-root scale up to `max`.
fn class_upper_bound(max: f64, i: usize) -> f64 {
    max * ((i + 1) as f64 / 5.0).powi(2)
}
