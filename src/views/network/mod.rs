//! The network view: actors and technologies as a force-directed graph (ForceAtlas2 from ecomap-core), drawn
//! by a small renderer trait (WebGL2 or Canvas 2D), linked to the filters, the focus and the search.
//!
//! The layout runs in a Web Worker (`layout_client.rs` here, `crate::layout_worker` there) and the page only
//! draws the positions it sends, once per animation frame; without a worker it runs on the page, one slice per
//! frame. It animates while it converges, stops by itself and can be paused; with prefers-reduced-motion it is
//! computed without animation. Test markers live on the root (docs/network.md): `data-drawn`, `data-layout`,
//! `data-layout-runner`, `data-hovered`, `data-highlighted-count`, `data-visible-count`, `data-camera`, ...
//! Touch and wheel follow the input policy (`crate::views::input_policy`, the stage's `data-input`).
//!
//! This file wires the parts: `live.rs` (what the view owns and the frames it schedules), `effects.rs` (the
//! engine kept in step with the app), `input.rs` (pointer and keyboard), `toolbar.rs`, `legend.rs`,
//! `node_list.rs` (the accessible list), `texts.rs`, `settings.rs`, `report.rs` (signals for the page),
//! `stage.rs`, `detail.rs`; the engine (`engine.rs` and `engine/`), the camera and the renderers.

mod camera;
mod canvas2d;
mod detail;
mod effects;
mod engine;
mod input;
mod labels;
mod layout_client;
mod legend;
mod live;
mod node_list;
mod render;
mod report;
mod settings;
mod stage;
mod texts;
mod toolbar;
mod webgl2;

use std::rc::Rc;

use leptos::html;
use leptos::prelude::*;

use crate::state::use_app;
use crate::views::input_policy::{Gestures, Surface};
use input::Handlers;
use legend::Legend;
use live::Live;
use node_list::NodeList;
use report::Report;
use settings::Settings;
use texts::texts;
use toolbar::Toolbar;

#[component]
pub fn NetworkView() -> impl IntoView {
    let state = use_app();
    let t = move || texts(state.lang.get());
    let stage_ref = NodeRef::<html::Div>::new();
    let report = Report::new();
    let live = Live::new(report);
    let settings = Settings::new(state);
    effects::keep_stage(&live, stage_ref);
    effects::build_engine(state, &live, stage_ref, settings);
    effects::follow_selection(state, &live, settings);
    effects::follow_size_by(&live, settings);
    effects::follow_app_hover(state, &live);
    effects::follow_stage_size(&live, stage_ref);
    effects::follow_refine(&live);
    effects::release_on_cleanup(&live);
    {
        // Printing: the picture drawn at once, so public/print.js can copy the WebGL canvas.
        let weak = Rc::downgrade(&live);
        crate::components::print::on_draw_now(move || weak.upgrade().into_iter().for_each(|l| l.draw_now()));
    }
    {
        let (a, b) = (Rc::downgrade(&live), Rc::downgrade(&live));
        crate::views::camera_hash::listen(
            move || a.upgrade().into_iter().for_each(|l| l.glide_to_hash()),
            move || b.upgrade().into_iter().for_each(|l| l.jump_to_hash()),
        );
    }
    let handlers = Handlers::new(&live, state, Gestures::new(Surface::Network));
    let input = handlers.gestures.policy.key();
    handlers.gestures.attach(move || stage_ref.get().map(Into::into));
    let list_focus = RwSignal::new(None::<u32>);
    effects::follow_list_focus(&live, list_focus);
    let on_pause = {
        let weak = Rc::downgrade(&live);
        move || {
            if let Some(live) = weak.upgrade() {
                live.toggle_pause();
            }
        }
    };
    let on_fit = {
        let weak = Rc::downgrade(&live);
        move || {
            if let Some(live) = weak.upgrade() {
                live.fit_all();
            }
        }
    };
    // The live region announces the hovered node, else the focused one.
    let announced = move || {
        let h = report.hovered.get();
        if h.is_empty() {
            report.keyboard.get()
        } else {
            h
        }
    };

    view! {
        <section
            class="network-view"
            data-testid="network-view"
            aria-label=move || t().label
            data-drawn=move || report.drawn.get().to_string()
            data-layout=move || report.status.get().key()
            data-layout-runner=move || report.runner.get()
            data-hovered=move || report.hovered.get()
            data-keyboard=move || report.keyboard.get()
            data-iterations=move || report.iterations.get().to_string()
            data-iteration-ms=move || format!("{:.2}", report.timing.get().0)
            data-layout-ms=move || format!("{:.0}", report.timing.get().1)
            data-quality=move || format!("{:.3}", report.timing.get().2)
            data-edge-count=move || report.edges.get().to_string()
            data-edges-shown=move || report.edges_shown.get().to_string()
            data-highlighted-count=move || report.highlighted.get().to_string()
            data-visible-count=move || report.visible.get().to_string()
            data-renderer=move || report.renderer.get()
            data-context=move || if report.lost.get() { "lost" } else { "ok" }
            data-size-by=move || settings.size_by.get().key()
            data-mode=move || settings.mode.get().key()
            data-camera=move || report.camera.get()
        >
            <Toolbar lang=state.lang settings=settings report=report on_pause=on_pause on_fit=on_fit/>
            <Legend lang=state.lang size_by=settings.size_by report=report/>
            <div
                class="network-stage"
                node_ref=stage_ref
                tabindex="0"
                role="application"
                aria-roledescription=move || t().roledescription
                aria-label=move || t().label
                aria-describedby="network-help"
                data-testid="network-stage"
                data-input=input
                on:pointerdown=handlers.on(Handlers::down)
                on:pointermove=handlers.on(Handlers::moved)
                on:pointerup=handlers.on(Handlers::up)
                on:pointercancel=handlers.on(Handlers::cancel)
                on:pointerleave=handlers.on(Handlers::leave)
                on:wheel=handlers.on(Handlers::wheel)
                on:keydown=handlers.on(Handlers::key)
            >
            </div>
            <p id="network-help" class="network-help">{move || t().help}</p>
            <p class="visually-hidden" aria-live="polite">{announced}</p>
            <NodeList state=state items=report.list list_focus=list_focus/>
        </section>
    }
}
