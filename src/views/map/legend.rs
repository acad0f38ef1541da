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
                    view! { <li><span class="swatch" style:background=c.css()></span>{format!("≤ {}", label(hi))}</li> }
                }).collect_view()}
            </ol>
            <RegionTable figures/>
        })
    }
}

/// Upper bound of class `i` (of 5) on the square-root scale up to `max`.
fn class_upper_bound(max: f64, i: usize) -> f64 {
    max * ((i + 1) as f64 / 5.0).powi(2)
}

/// The shaded figures as a table (the choropleth's text alternative; visually hidden): per region of the
/// basemap its selected actors, projects in view and volume share (core's rule, docs/map.md).
#[component]
fn RegionTable(figures: Memo<Option<Arc<SelectionFigures>>>) -> impl IntoView {
    let state = use_app();
    let rows = move || {
        let lang = state.lang.get();
        let f = figures.get()?;
        let outlines = ecomap_core::geo::region_outlines();
        Some(
            outlines
                .iter()
                .enumerate()
                .map(|(i, o)| {
                    let name = ecomap_core::regions::region_info(o.key)
                        .map(|r| r.name)
                        .unwrap_or(o.key);
                    let n = |v: f64| ecomap_core::format::int(v as u64, lang);
                    view! {
                        <tr data-region=o.key>
                            <th scope="row">{name}</th>
                            <td data-testid="region-actors">{n(f.region_actors[i])}</td>
                            <td data-testid="region-projects">{n(f.region_projects[i])}</td>
                            <td>{ecomap_core::format::eur_compact(Eur(f.region_volume[i] as u64), lang)}</td>
                        </tr>
                    }
                })
                .collect_view(),
        )
    };
    let t = move || super::texts::map_texts(state.lang.get());
    view! {
        <table class="visually-hidden" data-testid="map-region-table">
            <thead><tr>
                <th scope="col">{move || t().region_column[0]}</th>
                <th scope="col">{move || t().region_column[1]}</th>
                <th scope="col">{move || t().region_column[2]}</th>
                <th scope="col">{move || t().region_column[3]}</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
