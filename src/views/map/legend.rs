//! The map's choropleth legend: when regions are shaded, the five classes with each class's upper bound (the
//! kinds legend is the shared `components::legend::KindLegend`).

use std::sync::Arc;

use ecomap_core::model::Eur;
use leptos::prelude::*;

use super::figures::SelectionFigures;
use super::layers::{self, Shading};
use crate::state::use_app;

/// The choropleth's classes (nothing while shading is off), up to the largest region's figure.
#[component]
pub fn ChoroplethLegend(shading: Memo<Shading>, figures: Memo<Option<Arc<SelectionFigures>>>) -> impl IntoView {
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
