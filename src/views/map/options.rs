//! The options above the map: the kind legend, collaboration arcs and their weight, region shading with its
//! legend, marker size, and the online tiles. Arcs, weight, shading and marker size are link state (the
//! Query's `map` options, so a shared link opens them): the map shows the link's value, else what this
//! browser remembers in localStorage, else the default; a visitor's choice writes both. The tiles are a
//! device setting, never in a link.

use std::sync::Arc;

use ecomap_core::view_state::{effective, Choice, MapState, ViewOption};
use leptos::prelude::*;

use super::figures::SelectionFigures;
use super::layers::{ArcWeight, LayerStyle, Shading, SizeBy};
use super::legend::ChoroplethLegend;
use super::texts::map_texts;
use super::tiles::{TileConfig, TileSettings};
use crate::browser::{store as remember, stored};
use crate::components::legend::KindLegend;
use crate::state::{use_app, AppState};

const ARCS_KEY: &str = "ecomap.map.arcs";
const ARC_WEIGHT_KEY: &str = "ecomap.map.arc-weight";
const SHADING_KEY: &str = "ecomap.map.shading";
const MARKERS_KEY: &str = "ecomap.map.markers";

/// The visitor's choices of what the layers show, one memo each.
#[derive(Clone, Copy)]
pub struct LayerOptions {
    pub show_arcs: Memo<bool>,
    pub arc_weight: Memo<ArcWeight>,
    pub shading: Memo<Shading>,
    pub size_by: Memo<SizeBy>,
    state: AppState,
}

/// What this browser remembers under `key`, if it is a value of the choice.
fn remembered<T: Choice>(key: &str) -> Option<T> {
    stored(key).and_then(|v| T::parse(&v))
}

impl LayerOptions {
    /// The link's choices, else the ones kept from an earlier visit, else the defaults.
    pub fn new() -> LayerOptions {
        let state = use_app();
        let link: Memo<MapState> = Memo::new(move |_| state.query.with(|q| q.map));
        LayerOptions {
            show_arcs: Memo::new(move |_| effective(link.get().arcs, || remembered(ARCS_KEY))),
            arc_weight: Memo::new(move |_| effective(link.get().arc_weight, || remembered(ARC_WEIGHT_KEY))),
            shading: Memo::new(move |_| effective(link.get().shading, || remembered(SHADING_KEY))),
            size_by: Memo::new(move |_| effective(link.get().markers, || remembered(MARKERS_KEY))),
            state,
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

    /// The visitor chose an option: into the link (the Query) and into localStorage for the next visit.
    fn choose(self, option: ViewOption) {
        let (key, value) = match option {
            ViewOption::Arcs(v) => (ARCS_KEY, v.key()),
            ViewOption::ArcWeight(v) => (ARC_WEIGHT_KEY, v.key()),
            ViewOption::Shading(v) => (SHADING_KEY, v.key()),
            ViewOption::Markers(v) => (MARKERS_KEY, v.key()),
            _ => return,
        };
        remember(key, value);
        self.state.set_view_option(option);
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
    // On a phone the choices fold behind this button, so the map keeps the screen (style/map.css).
    let open = RwSignal::new(false);
    view! {
        <div class="map-options" class:open=move || open.get()>
            <button type="button" class="map-options-toggle" data-testid="map-options-toggle"
                aria-expanded=move || open.get().to_string() aria-controls="map-choices"
                on:click=move |_| open.update(|o| *o = !*o)>{move || t().layers}</button>
            <div class="map-choices" id="map-choices">
                <ArcOptions options/>
                <ShadingOptions options figures/>
                <SizeOptions options/>
                <TileSettings config=tiles/>
            </div>
            <div class="map-legend" role="group" aria-label=move || t().legend>
                <KindLegend lang=state.lang class="map-kinds"/>
            </div>
        </div>
    }
}

#[component]
fn ArcOptions(options: LayerOptions) -> impl IntoView {
    let state = use_app();
    let t = move || map_texts(state.lang.get());
    let LayerOptions {
        show_arcs, arc_weight, ..
    } = options;
    view! {
        <fieldset>
            <label>
                <input type="checkbox" data-testid="map-arcs" prop:checked=move || show_arcs.get()
                    on:change=move |ev| options.choose(ViewOption::Arcs(event_target_checked(&ev)))/>
                " " {move || t().arcs}
            </label>
            <label>
                {move || t().arcs_weight} " "
                <select data-testid="map-arc-weight" prop:disabled=move || !show_arcs.get()
                    on:change=move |ev| options.choose(ViewOption::ArcWeight(parse_or_default(&event_target_value(&ev))))>
                    <option value="projects" prop:selected=move || arc_weight.get() == ArcWeight::Projects>{move || t().by_projects}</option>
                    <option value="volume" prop:selected=move || arc_weight.get() == ArcWeight::Volume>{move || t().by_volume}</option>
                </select>
            </label>
        </fieldset>
    }
}

#[component]
fn ShadingOptions(options: LayerOptions, figures: Memo<Option<Arc<SelectionFigures>>>) -> impl IntoView {
    let state = use_app();
    let t = move || map_texts(state.lang.get());
    let shading = options.shading;
    view! {
        <fieldset>
            <label>
                {move || t().shading} " "
                <select data-testid="map-shading"
                    on:change=move |ev| options.choose(ViewOption::Shading(parse_or_default(&event_target_value(&ev))))>
                    <option value="none" prop:selected=move || shading.get() == Shading::None>{move || t().shading_none}</option>
                    <option value="actors" prop:selected=move || shading.get() == Shading::Actors>{move || t().shading_actors}</option>
                    <option value="volume" prop:selected=move || shading.get() == Shading::Volume>{move || t().shading_volume}</option>
                </select>
            </label>
            <ChoroplethLegend shading figures/>
        </fieldset>
    }
}

#[component]
fn SizeOptions(options: LayerOptions) -> impl IntoView {
    let state = use_app();
    let t = move || map_texts(state.lang.get());
    let size_by = options.size_by;
    view! {
        <fieldset>
            <label>
                {move || t().marker_size} " "
                <select data-testid="map-size"
                    on:change=move |ev| options.choose(ViewOption::Markers(parse_or_default(&event_target_value(&ev))))>
                    <option value="uniform" prop:selected=move || size_by.get() == SizeBy::Uniform>{move || t().size_uniform}</option>
                    <option value="projects" prop:selected=move || size_by.get() == SizeBy::Projects>{move || t().by_projects}</option>
                    <option value="volume" prop:selected=move || size_by.get() == SizeBy::Volume>{move || t().by_volume}</option>
                </select>
            </label>
        </fieldset>
    }
}

/// The value an `<option value>` stands for (its key in links; anything else: the default).
fn parse_or_default<T: Choice>(value: &str) -> T {
    T::parse(value).unwrap_or_default()
}
