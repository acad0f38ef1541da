//! The map view: Berlin's Bezirke and Brandenburg's Kreise with the selected actors, clustered, pan/zoom,
//! linked to the filters (click a region), the detail panel (click a marker) and the list (hover a row).
//!
//! Geometry and clustering come from ecomap-core (`projection`, `cluster`, `geo`); this module wires input
//! and Leptos state to an imperative [`engine::Engine`] that draws through a [`render::Renderer`]. Two
//! effects only sync the engine with the app state (`sync_selection`, `sync_options`); the
//! [`scheduler::Scheduler`] owns the engine, its frames and timers, and writes the view's signals
//! (`signals.rs`) from events only. The camera lives in the URL hash (`#map=z/lat/lon`, `hash.rs`).

mod browser;
mod canvas2d;
mod controls;
mod engine;
mod figures;
mod hash;
mod input;
mod inset;
mod layers;
mod legend;
mod marker_list;
mod missing;
mod options;
mod render;
mod scene;
mod scheduler;
mod signals;
mod stage;
mod texts;
mod tiles;
mod tooltip;
mod webgl2;

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use leptos::__reexports::send_wrapper::SendWrapper;
use leptos::prelude::*;

use crate::state::{use_app, AppState};
use crate::views::input_policy::{Gestures, Surface};
use engine::Engine;
use figures::{selection_figures, SelectionFigures};
use input::Handlers;
use inset::MapInset;
use marker_list::MarkerList;
use missing::{ArcsLeftOutNote, NotOnMapNote};
use options::{LayerOptions, MapOptions};
use scheduler::Scheduler;
use signals::MapSignals;
use stage::{MapStage, StageRefs};
use texts::map_texts;

pub type SharedEngine = Rc<RefCell<Option<Engine>>>;

/// The selection's figures (actors without coordinates, per region counts and volume), once data is loaded.
type FiguresMemo = Memo<Option<Arc<SelectionFigures>>>;

#[component]
pub fn MapView() -> impl IntoView {
    let state = use_app();
    let t = move || map_texts(state.lang.get());
    let refs = StageRefs::new();
    let engine: SharedEngine = Rc::new(RefCell::new(None));
    let sig = MapSignals::new();
    let tiles_cfg = RwSignal::new(None);
    tiles::restore(tiles_cfg);
    let options = LayerOptions::new();
    let scheduler = Scheduler::new(engine.clone(), sig);
    // The basemap is fetched beside the export (load.rs) and installed before the load state leaves
    // downloading. The engine starts at once (its WebGL context is made while the data downloads; the start
    // framing is a constant) and takes the regions when the basemap is there.
    let basemap = Memo::new(move |_| state.load.with(|_| ecomap_core::geo::basemap_ready()));
    let figures: FiguresMemo = Memo::new(move |_| {
        let d = state.data.get()?;
        state
            .selection
            .with(|s| s.as_ref().map(|s| Arc::new(selection_figures(&d.0.ds, &d.0.idx, &s.0))))
    });
    sync_selection(state, refs, &scheduler, figures);
    sync_options(state, refs, basemap, &scheduler, options);
    hash::follow_hash_changes(&scheduler);
    {
        let scheduler = SendWrapper::new(scheduler.clone());
        on_cleanup(move || scheduler.stop());
    }
    {
        // Printing: the picture drawn at once, so public/print.js can copy the WebGL canvas.
        let scheduler = scheduler.clone();
        crate::components::print::on_draw_now(move || scheduler.draw_selection());
    }

    // The stage's children must be Send; the scheduler (Rc inside) only ever lives on the main thread.
    let inset_scheduler = SendWrapper::new(scheduler.clone());
    let handlers = Handlers::new(state, engine, scheduler, sig, Gestures::new(Surface::Map));
    let list_handlers = SendWrapper::new(handlers.clone());
    let missing = Signal::derive(move || figures.with(|f| f.as_ref().map_or(0, |f| f.missing)));
    view! {
        <section class="map-view" data-testid="map" aria-label=move || t().map_label
            data-drawn=move || sig.drawn.get().to_string()
            data-renderer=move || sig.renderer.get()
            data-markers=move || sig.markers.get().to_string()
            data-largest=move || sig.largest.get().to_string()
            data-zoom=move || format!("{:.2}", sig.zoom.get())
            data-camera=move || sig.camera.with(|c| c.map(|c| c.0.to_hash()).unwrap_or_default())
            data-highlighted=move || sig.highlighted.get().to_string()
            data-context=move || if sig.lost.get() { "lost" } else { "ok" }
            data-frames=move || sig.frames.get().to_string()
            data-arcs=move || sig.arcs.get().to_string()
            data-arcs-in-view=move || sig.arcs_in_view.get().to_string()>
            <MapStage refs handlers=handlers.clone() sig tiles=tiles_cfg>
                <MapInset scheduler=inset_scheduler.take()/>
                <MarkerList items=sig.items handlers=list_handlers.take()/>
            </MapStage>
            <p id="map-help" class="map-help muted">{move || t().map_help}</p>
            <NotOnMapNote missing/>
            <ArcsLeftOutNote drawn=sig.arcs in_view=sig.arcs_in_view/>
            <MapOptions options figures tiles=tiles_cfg/>
        </section>
    }
}

/// Creates the engine once the stage is mounted (whichever sync runs first); false while there is none.
fn started(refs: StageRefs, scheduler: &Scheduler) -> bool {
    refs.get()
        .is_some_and(|(stage, base, overlay)| scheduler.start(&stage, base, overlay))
}

/// A new selection: the engine rebuilds its cluster index and draws at once; `ecomap:map-redraw` records the
/// time both took.
fn sync_selection(state: AppState, refs: StageRefs, scheduler: &Scheduler, figures: FiguresMemo) {
    let scheduler = scheduler.clone();
    Effect::new(move |_| {
        if !started(refs, &scheduler) {
            return;
        }
        let (Some(sel), Some(d)) = (state.selection.get(), state.data.get()) else {
            return;
        };
        let start = crate::perf::now();
        let Some(figures) = figures.get() else { return };
        scheduler.with_engine(|e| e.set_selection(&d.0.ds, &d.0.idx, &sel.0, figures));
        scheduler.draw_selection();
        crate::perf::measure_between("ecomap:map-redraw", start, crate::perf::now());
    });
}

/// Options, language, selected regions, the list's hovered row and the basemap's arrival change what is drawn
/// (next frame).
fn sync_options(state: AppState, refs: StageRefs, basemap: Memo<bool>, scheduler: &Scheduler, options: LayerOptions) {
    let scheduler = scheduler.clone();
    Effect::new(move |_| {
        if !started(refs, &scheduler) {
            return;
        }
        let lang = state.lang.get();
        let regions = state
            .query
            .with(|q| q.chosen(ecomap_core::facet::Facet::Region).to_vec());
        let hovered = state.hovered.get();
        let focused = match state.focus.get() {
            Some(ecomap_core::query::ResolvedFocus::Actor(a)) => Some(a),
            _ => None,
        };
        let style = options.style();
        let basemap = basemap.get();
        scheduler.with_engine(|e| {
            if basemap {
                e.take_regions();
            }
            e.lang = lang;
            e.selected_regions = regions;
            e.hovered_actor = hovered;
            e.focused_actor = focused;
            e.style = style;
            // Tracked: arcs a link (or localStorage) turns on are on before the data has arrived.
            if let Some(d) = state.data.get() {
                e.build_collabs(&d.0.idx);
            }
        });
        scheduler.request();
    });
}
