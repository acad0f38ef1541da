//! The options under the map (view settings, not part of the Query or the URL): the kind legend, collaboration
//! arcs and their weight, region shading with its legend, marker size, and the online tiles.

use std::sync::Arc;

use leptos::prelude::*;

use super::figures::SelectionFigures;
use super::layers::{ArcWeight, LayerStyle, Shading, SizeBy};
use super::legend::ChoroplethLegend;
use super::texts::map_texts;
use super::tiles::{TileConfig, TileSettings};
use crate::components::legend::KindLegend;
use crate::state::use_app;

/// The visitor's choices of what the layers show, one signal each.
#[derive(Clone, Copy)]
pub struct LayerOptions {
    pub show_arcs: RwSignal<bool>,
    pub arc_weight: RwSignal<ArcWeight>,
    pub shading: RwSignal<Shading>,
    pub size_by: RwSignal<SizeBy>,
}

impl LayerOptions {
    pub fn new() -> LayerOptions {
        let style = LayerStyle::default();
        LayerOptions {
            show_arcs: RwSignal::new(style.show_arcs),
            arc_weight: RwSignal::new(style.arc_weight),
            shading: RwSignal::new(style.shading),
            size_by: RwSignal::new(style.size_by),
        }
    }

    /// The choices as the engine draws them (read tracked).
    pub fn style(&self) -> LayerStyle {
        LayerStyle {
            show_arcs: self.show_arcs.get(),
            arc_weight: self.arc_weight.get(),
            shading: self.shading.get(),
            size_by: self.size_by.get(),
        }
    }
}

#[component]
pub fn MapOptions(
    options: LayerOptions,
    figures: Memo<Option<Arc<SelectionFigures>>>,
    tiles: RwSignal<Option<TileConfig>>,
) -> impl IntoView {
    let state = use_app();
    let t = move || map_texts(state.lang.get());
    view! {
        <div class="map-options">
            <fieldset class="map-legend">
                <legend>{move || t().legend}</legend>
                <KindLegend lang=state.lang class="map-kinds"/>
            </fieldset>
            <ArcOptions show_arcs=options.show_arcs arc_weight=options.arc_weight/>
            <ShadingOptions shading=options.shading figures/>
            <SizeOptions size_by=options.size_by/>
            <TileSettings config=tiles/>
        </div>
    }
}

#[component]
fn ArcOptions(show_arcs: RwSignal<bool>, arc_weight: RwSignal<ArcWeight>) -> impl IntoView {
    let state = use_app();
    let t = move || map_texts(state.lang.get());
    view! {
        <fieldset>
            <label>
                <input type="checkbox" data-testid="map-arcs" prop:checked=move || show_arcs.get()
                    on:change=move |ev| show_arcs.set(event_target_checked(&ev))/>
                " " {move || t().arcs}
            </label>
            <label>
                {move || t().arcs_weight} " "
                <select data-testid="map-arc-weight" prop:disabled=move || !show_arcs.get()
                    on:change=move |ev| arc_weight.set(arc_weight_option(&event_target_value(&ev)))>
                    <option value="projects">{move || t().by_projects}</option>
                    <option value="volume">{move || t().by_volume}</option>
                </select>
            </label>
        </fieldset>
    }
}

#[component]
fn ShadingOptions(shading: RwSignal<Shading>, figures: Memo<Option<Arc<SelectionFigures>>>) -> impl IntoView {
    let state = use_app();
    let t = move || map_texts(state.lang.get());
    view! {
        <fieldset>
            <label>
                {move || t().shading} " "
                <select data-testid="map-shading"
                    on:change=move |ev| shading.set(shading_option(&event_target_value(&ev)))>
                    <option value="none">{move || t().shading_none}</option>
                    <option value="actors">{move || t().shading_actors}</option>
                    <option value="volume">{move || t().shading_volume}</option>
                </select>
            </label>
            <ChoroplethLegend shading figures/>
        </fieldset>
    }
}

#[component]
fn SizeOptions(size_by: RwSignal<SizeBy>) -> impl IntoView {
    let state = use_app();
    let t = move || map_texts(state.lang.get());
    view! {
        <fieldset>
            <label>
                {move || t().marker_size} " "
                <select data-testid="map-size" on:change=move |ev| size_by.set(size_option(&event_target_value(&ev)))>
                    <option value="uniform">{move || t().size_uniform}</option>
                    <option value="projects">{move || t().by_projects}</option>
                    <option value="volume">{move || t().by_volume}</option>
                </select>
            </label>
        </fieldset>
    }
}

/// The arc weight an `<option value>` stands for.
fn arc_weight_option(value: &str) -> ArcWeight {
    if value == "volume" {
        ArcWeight::Volume
    } else {
        ArcWeight::Projects
    }
}

/// The shading an `<option value>` stands for.
fn shading_option(value: &str) -> Shading {
    match value {
        "actors" => Shading::Actors,
        "volume" => Shading::Volume,
        _ => Shading::None,
    }
}

/// The marker size an `<option value>` stands for.
fn size_option(value: &str) -> SizeBy {
    match value {
        "projects" => SizeBy::Projects,
        "volume" => SizeBy::Volume,
        _ => SizeBy::Uniform,
    }
}
