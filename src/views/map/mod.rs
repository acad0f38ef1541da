//! The map view: Berlin's Bezirke and Brandenburg's Kreise with the selected actors, clustered, pan/zoom,
//! linked to the filters (click a region), the detail panel (click a marker) and the list (hover a row).
//!
//! Geometry and clustering come from ecomap-core (`projection`, `cluster`, `geo`); this module wires input
//! and Leptos state to an imperative [`engine::Engine`] that draws through a [`render::Renderer`].
//! The camera lives in the URL hash (`#map=z/lat/lon`), written with `history.replaceState` when it rests.

mod browser;
mod canvas2d;
mod engine;
mod hash;
mod input;
mod layers;
mod render;
mod scene;
mod scheduler;
mod texts;
mod tiles;
mod tooltip;
mod webgl2;

use std::cell::RefCell;
use std::rc::Rc;

use ecomap_core::model::ActorKind;
use ecomap_core::projection::{Camera, Viewport};
use leptos::__reexports::send_wrapper::SendWrapper;
use leptos::html;
use leptos::prelude::*;

use crate::i18n::kind_name;
use crate::state::use_app;
use engine::Engine;
use layers::{ArcWeight, Shading, SizeBy};
use texts::map_texts;

/// What the hover tooltip shows: position (CSS px in the map) and lines of text.
#[derive(Clone, Debug, PartialEq)]
pub struct Tip {
    pub x: f64,
    pub y: f64,
    pub lines: Vec<String>,
}

/// Reactive handles the input code updates (besides the engine itself).
#[derive(Clone, Copy)]
pub struct MapSignals {
    pub tip: RwSignal<Option<Tip>>,
    pub drawn: RwSignal<bool>,
    pub markers: RwSignal<usize>,
    pub largest: RwSignal<u32>,
    pub zoom: RwSignal<f64>,
    pub renderer: RwSignal<&'static str>,
    /// The visible markers when the camera last rested (an accessible list of buttons mirrors them).
    pub items: RwSignal<Vec<MarkerInfo>>,
    /// Arcs drawn in the last frame.
    pub arcs: RwSignal<usize>,
    /// True while the WebGL context is lost.
    pub lost: RwSignal<bool>,
    /// Frames drawn (tests wait for a new one).
    pub frames: RwSignal<u32>,
    /// Markers drawn highlighted (the list's hovered row).
    pub highlighted: RwSignal<usize>,
    /// The camera of the last frame (the tile layer follows it).
    pub camera: RwSignal<Option<(Camera, Viewport)>>,
}

/// One visible marker for the accessible list: what it is and where (CSS px in the map).
#[derive(Clone, Debug, PartialEq)]
pub struct MarkerInfo {
    pub item: ecomap_core::cluster::Item,
    pub x: f32,
    pub y: f32,
    pub count: u32,
}

/// At most this many markers are mirrored as buttons.
const LISTED_MARKERS: usize = 200;

pub type SharedEngine = Rc<RefCell<Option<Engine>>>;

#[component]
pub fn MapView() -> impl IntoView {
    let state = use_app();
    let t = move || map_texts(state.lang.get());
    let wrap = NodeRef::<html::Div>::new();
    let base = NodeRef::<html::Canvas>::new();
    let overlay = NodeRef::<html::Canvas>::new();
    let engine: SharedEngine = Rc::new(RefCell::new(None));
    let sig = MapSignals {
        tip: RwSignal::new(None),
        drawn: RwSignal::new(false),
        markers: RwSignal::new(0),
        largest: RwSignal::new(0),
        zoom: RwSignal::new(0.0),
        renderer: RwSignal::new(""),
        camera: RwSignal::new(None),
        items: RwSignal::new(Vec::new()),
        lost: RwSignal::new(false),
        arcs: RwSignal::new(0),
        frames: RwSignal::new(0),
        highlighted: RwSignal::new(0),
    };
    let tiles_cfg = RwSignal::new(tiles::stored_config());
    let missing = RwSignal::new(0_usize);
    // Per region (basemap order): selected actors and their project volume, for the choropleth legend.
    let region_values = RwSignal::new((Vec::<f64>::new(), Vec::<f64>::new()));
    let show_arcs = RwSignal::new(false);
    let arc_weight = RwSignal::new(ArcWeight::Projects);
    let shading = RwSignal::new(Shading::None);
    let size_by = RwSignal::new(SizeBy::Uniform);
    let scheduler = scheduler::Scheduler::new(engine.clone(), sig);

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
            let (arcs, weight, shade, size) = (show_arcs.get(), arc_weight.get(), shading.get(), size_by.get());
            sig.renderer.track();
            {
                let mut e = engine.borrow_mut();
                let Some(e) = e.as_mut() else { return };
                e.lang = lang;
                e.selected_regions = regions;
                e.hovered_actor = hovered;
                e.arc_weight = weight;
                e.shading = shade;
                e.size_by = size;
                e.show_arcs = arcs;
                if arcs && e.collabs.is_none() {
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

    let handlers = input::Handlers::new(state, engine.clone(), scheduler.clone(), sig);
    let (h_down, h_move, h_up, h_cancel, h_leave, h_wheel, h_dbl, h_key) = (
        handlers.clone(),
        handlers.clone(),
        handlers.clone(),
        handlers.clone(),
        handlers.clone(),
        handlers.clone(),
        handlers.clone(),
        handlers.clone(),
    );
    let (b_in, b_out, b_home, b_fit) = (handlers.clone(), handlers.clone(), handlers.clone(), handlers.clone());
    // Reactive children must be Send; the handlers (Rc inside) only ever live on the main thread.
    let b_item = SendWrapper::new(handlers.clone());

    let not_on_map = move || {
        let n = missing.get();
        let t = t();
        match n {
            0 => None,
            1 => Some(t.not_on_map_one.to_string()),
            n => Some(format!(
                "{} {}",
                ecomap_core::format::int(n as u64, state.lang.get()),
                t.not_on_map_many
            )),
        }
    };

    let legend_kinds = move || {
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
    };

    let choropleth_legend = move || {
        let shade = shading.get();
        if shade == Shading::None {
            return None;
        }
        let (values, is_money) = region_values.with(|(actors, volume)| match shade {
            Shading::Volume => (volume.clone(), true),
            _ => (actors.clone(), false),
        });
        let max = values.iter().copied().fold(0.0, f64::max);
        let lang = state.lang.get();
        let label = move |v: f64| {
            if is_money {
                ecomap_core::format::eur_compact(ecomap_core::model::Eur(v as u64), lang)
            } else {
                ecomap_core::format::int(v as u64, lang)
            }
        };
        Some(view! {
            <ol class="map-ramp" data-testid="map-choropleth-legend">
                {layers::RAMP.iter().enumerate().map(|(i, c)| {
                    // Upper bound of class i on the square-root scale.
                    let hi = max * ((i + 1) as f64 / 5.0).powi(2);
                    view! { <li><span class="swatch" style=format!("background:{}", c.css())></span>{format!("≤ {}", label(hi))}</li> }
                }).collect_view()}
            </ol>
        })
    };

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
            <div class="map-stage" node_ref=wrap data-testid="map-stage" tabindex="0" role="application"
                aria-roledescription="map" aria-label=move || t().map_label aria-describedby="map-help"
                on:keydown=move |ev| h_key.key(ev)>
                <tiles::TileLayer config=tiles_cfg camera=sig.camera/>
                <canvas class="map-canvas" node_ref=base data-testid="map-canvas"></canvas>
                <canvas class="map-overlay" node_ref=overlay
                    on:pointerdown=move |ev| h_down.down(ev)
                    on:pointermove=move |ev| h_move.moved(ev)
                    on:pointerup=move |ev| h_up.up(ev, true)
                    on:pointercancel=move |ev| h_cancel.up(ev, false)
                    on:pointerleave=move |_| h_leave.leave()
                    on:wheel=move |ev| h_wheel.wheel(ev)
                    on:dblclick=move |ev| h_dbl.dblclick(ev)></canvas>
                {move || sig.tip.get().map(|tip| view! {
                    <div class="map-tip" role="tooltip" data-testid="map-tooltip"
                        style=format!("left:{:.0}px;top:{:.0}px", tip.x, tip.y)>
                        {tip.lines.into_iter().enumerate().map(|(i, l)| {
                            if i == 0 { view! { <strong>{l}</strong> }.into_any() } else { view! { <span>{l}</span> }.into_any() }
                        }).collect_view()}
                    </div>
                })}
                <div class="map-controls" role="group">
                    <button type="button" data-testid="map-zoom-in" aria-label=move || t().zoom_in title=move || t().zoom_in
                        on:click=move |_| b_in.zoom_by(1.0)>"+"</button>
                    <button type="button" data-testid="map-zoom-out" aria-label=move || t().zoom_out title=move || t().zoom_out
                        on:click=move |_| b_out.zoom_by(-1.0)>"−"</button>
                    <button type="button" data-testid="map-reset" title=move || t().reset
                        on:click=move |_| b_home.home()>{move || t().reset}</button>
                    <button type="button" data-testid="map-fit" title=move || t().fit_selection
                        on:click=move |_| b_fit.fit()>{move || t().fit_selection}</button>
                </div>
                <p class="map-credits" data-testid="map-credits">
                    "© GeoBasis-DE / BKG (VG250), Daten verändert · Geoportal Berlin / Ortsteile · GeoNames (CC BY 4.0)"
                    {move || tiles_cfg.with(|c| c.as_ref().map(|c| format!(" · {}", c.attribution)))}
                </p>
            </div>
            <p id="map-help" class="map-help muted">{move || t().map_help}</p>
            <ul class="map-items visually-hidden" data-testid="map-items" aria-label=move || t().map_label>
                {move || {
                    let lang = state.lang.get();
                    let t = t();
                    let names = state.data.get();
                    sig.items.get().into_iter().take(LISTED_MARKERS).map(|m| {
                        let label = match m.item {
                            ecomap_core::cluster::Item::Actor(a) => names.as_ref().map(|d| d.0.ds.actor(a).name.clone()).unwrap_or_default(),
                            ecomap_core::cluster::Item::Cluster(_) => format!("{} {} · {}", ecomap_core::format::int(m.count as u64, lang), t.actors, t.cluster_hint),
                        };
                        let kind = if matches!(m.item, ecomap_core::cluster::Item::Cluster(_)) { "cluster" } else { "actor" };
                        let h = b_item.clone();
                        let item = m.item;
                        view! {
                            <li><button type="button" data-testid="map-item" data-kind=kind data-count=m.count.to_string()
                                data-x=format!("{:.1}", m.x) data-y=format!("{:.1}", m.y)
                                on:click=move |_| h.activate(item)>{label}</button></li>
                        }
                    }).collect_view()
                }}
            </ul>
            {move || not_on_map().map(|s| view! { <p class="map-missing" data-testid="map-missing">{s}</p> })}
            <div class="map-options">
                <fieldset class="map-legend">
                    <legend>{move || t().legend}</legend>
                    <ul class="map-kinds">{legend_kinds}</ul>
                </fieldset>
                <fieldset>
                    <label>
                        <input type="checkbox" data-testid="map-arcs" prop:checked=move || show_arcs.get()
                            on:change=move |ev| show_arcs.set(event_target_checked(&ev))/>
                        " " {move || t().arcs}
                    </label>
                    <label>
                        {move || t().arcs_weight} " "
                        <select data-testid="map-arc-weight" prop:disabled=move || !show_arcs.get()
                            on:change=move |ev| arc_weight.set(if event_target_value(&ev) == "volume" { ArcWeight::Volume } else { ArcWeight::Projects })>
                            <option value="projects">{move || t().by_projects}</option>
                            <option value="volume">{move || t().by_volume}</option>
                        </select>
                    </label>
                </fieldset>
                <fieldset>
                    <label>
                        {move || t().shading} " "
                        <select data-testid="map-shading"
                            on:change=move |ev| shading.set(match event_target_value(&ev).as_str() {
                                "actors" => Shading::Actors,
                                "volume" => Shading::Volume,
                                _ => Shading::None,
                            })>
                            <option value="none">{move || t().shading_none}</option>
                            <option value="actors">{move || t().shading_actors}</option>
                            <option value="volume">{move || t().shading_volume}</option>
                        </select>
                    </label>
                    {choropleth_legend}
                </fieldset>
                <fieldset>
                    <label>
                        {move || t().marker_size} " "
                        <select data-testid="map-size"
                            on:change=move |ev| size_by.set(match event_target_value(&ev).as_str() {
                                "projects" => SizeBy::Projects,
                                "volume" => SizeBy::Volume,
                                _ => SizeBy::Uniform,
                            })>
                            <option value="uniform">{move || t().size_uniform}</option>
                            <option value="projects">{move || t().by_projects}</option>
                            <option value="volume">{move || t().by_volume}</option>
                        </select>
                    </label>
                </fieldset>
                <tiles::TileSettings config=tiles_cfg/>
            </div>
        </section>
    }
}
