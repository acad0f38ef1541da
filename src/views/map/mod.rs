//! The map view: Berlin's Bezirke and Brandenburg's Kreise with the selected actors, clustered, pan/zoom,
//! linked to the filters (click a region), the detail panel (click a marker) and the list (hover a row).
//!
//! Geometry and clustering come from ecomap-core (`projection`, `cluster`, `geo`); this module wires input
//! and Leptos state to an imperative [`engine::Engine`] that draws through a [`render::Renderer`].
//! The camera lives in the URL hash (`#map=z/lat/lon`), written with `history.replaceState` when it rests.

mod browser;
mod canvas2d;
mod controls;
mod engine;
mod hash;
mod input;
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

use leptos::__reexports::send_wrapper::SendWrapper;
use leptos::html;
use leptos::prelude::*;

use crate::state::use_app;
use engine::Engine;
use input::Handlers;
use marker_list::MarkerList;
use missing::NotOnMapNote;
use options::{LayerOptions, MapOptions};
use scheduler::Scheduler;
use signals::MapSignals;
use stage::MapStage;
use texts::map_texts;

pub type SharedEngine = Rc<RefCell<Option<Engine>>>;

#[component]
pub fn MapView() -> impl IntoView {
    let state = use_app();
    let t = move || map_texts(state.lang.get());
    let wrap = NodeRef::<html::Div>::new();
    let base = NodeRef::<html::Canvas>::new();
    let overlay = NodeRef::<html::Canvas>::new();
    let engine: SharedEngine = Rc::new(RefCell::new(None));
    let sig = MapSignals::new();
    let tiles_cfg = RwSignal::new(tiles::stored_config());
    let missing = RwSignal::new(0_usize);
    // Per region (basemap order): selected actors and their project volume, for the choropleth legend.
    let region_values = RwSignal::new((Vec::<f64>::new(), Vec::<f64>::new()));
    let options = LayerOptions::new();
    let scheduler = Scheduler::new(engine.clone(), sig);

    // Create the engine once the canvases exist; read the camera from the hash.
    {
        let engine = engine.clone();
        let scheduler = scheduler.clone();
        Effect::new(move |_| {
            let (Some(w), Some(b), Some(o)) = (wrap.get(), base.get(), overlay.get()) else {
                return;
            };
            if engine.borrow().is_some() {
                return;
            }
            let vp = browser::viewport_of(&w);
            let force_2d = browser::force_canvas2d();
            let on_change: Rc<dyn Fn(bool)> = {
                let scheduler = scheduler.clone();
                Rc::new(move |lost: bool| {
                    sig.lost.set(lost);
                    if !lost {
                        scheduler.request();
                    }
                })
            };
            let Some(mut e) = Engine::new(b, o, force_2d, vp, on_change) else {
                return;
            };
            if let Some(cam) = hash::hash_camera() {
                e.cam = cam;
            }
            sig.renderer.set(e.renderer.name());
            *engine.borrow_mut() = Some(e);
            scheduler.observe_resize(&w);
            scheduler.request();
        });
    }

    // A new selection: rebuild the cluster index, redraw now, and record the time it took.
    {
        let scheduler = scheduler.clone();
        let engine = engine.clone();
        Effect::new(move |_| {
            let sel = state.selection.get();
            let data = state.data.get();
            sig.renderer.track();
            let (Some(sel), Some(d)) = (sel, data) else { return };
            let start = crate::perf::now();
            let (n, values) = {
                let mut e = engine.borrow_mut();
                let Some(e) = e.as_mut() else { return };
                let n = e.set_selection(&d.0.ds, &d.0.idx, &sel.0);
                (n, (e.region_actors.clone(), e.region_volume.clone()))
            };
            missing.set(n);
            region_values.set(values);
            scheduler.draw_now();
            crate::perf::measure_between("ecomap:map-redraw", start, crate::perf::now());
            scheduler.publish_items();
            sig.drawn.set(true);
        });
    }

    // Options, language, selected regions and the list's hovered row change what is drawn.
    {
        let scheduler = scheduler.clone();
        let engine = engine.clone();
        Effect::new(move |_| {
            let lang = state.lang.get();
            let regions = state.query.with(|q| q.regions.clone());
            let hovered = state.hovered.get();
            let style = options.style();
            sig.renderer.track();
            {
                let mut e = engine.borrow_mut();
                let Some(e) = e.as_mut() else { return };
                e.lang = lang;
                e.selected_regions = regions;
                e.hovered_actor = hovered;
                e.style = style;
                if style.show_arcs && e.collabs.is_none() {
                    if let Some(d) = state.data.get_untracked() {
                        e.collabs = Some(Rc::new(d.0.idx.collaborations()));
                    }
                }
            }
            scheduler.request();
        });
    }

    // The camera follows the hash when the visitor edits it or goes back.
    let on_hash = {
        let scheduler = scheduler.clone();
        move |_: web_sys::Event| scheduler.follow_hash()
    };
    let h1 = window_event_listener_untyped("hashchange", on_hash.clone());
    let h2 = window_event_listener_untyped("popstate", on_hash);
    {
        let scheduler = SendWrapper::new(scheduler.clone());
        on_cleanup(move || {
            h1.remove();
            h2.remove();
            scheduler.stop();
        });
    }

    let handlers = Handlers::new(state, engine.clone(), scheduler.clone(), sig);
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
            data-arcs=move || sig.arcs.get().to_string()>
            <MapStage stage=wrap base overlay handlers=handlers.clone() sig tiles=tiles_cfg/>
            <p id="map-help" class="map-help muted">{move || t().map_help}</p>
            <MarkerList items=sig.items handlers/>
            <NotOnMapNote missing=missing.into()/>
            <MapOptions options region_values=region_values.into() tiles=tiles_cfg/>
        </section>
    }
}
