//! The Berlin inset: a small framed second view of Berlin in the stage's bottom left corner, drawn with the
//! Canvas 2D renderer on its own canvas (never a second WebGL context), at the zoom where Berlin fills it, so
//! the one bubble over Berlin in the main view splits into its groups. It is a button: activating it shows
//! Berlin in the main view (and the inset hides). On a small stage a compact "Berlin" button takes its place.
//!
//! Where it sits, its camera and when it shows are core's (`ecomap_core::framing`); the scheduler asks every
//! frame (cheap) and redraws the inset only when what it shows changed: the selection, the options, the
//! language, the selected regions, its size ([`InsetCanvas::draw`]), never for a move of the main camera.

use ecomap_core::framing::{self, BerlinGroups, InsetMode, Rect};
use ecomap_core::model::Lang;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use super::canvas2d::Canvas2dRenderer;
use super::engine::Engine;
use super::layers::LayerStyle;
use super::render::{context_2d, draw_labels, Renderer};
use super::scheduler::Scheduler;
use super::signals::MapSignals;
use super::texts::map_texts;
use crate::state::use_app;

/// What the stage shows for Berlin, published by the scheduler from its frames.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct InsetState {
    pub mode: InsetMode,
    /// What the inset drew over Berlin (its last drawing).
    pub groups: BerlinGroups,
    /// How often the inset was drawn (tests check that a move of the main camera does not redraw it).
    pub draws: u32,
}

impl Default for InsetState {
    fn default() -> InsetState {
        InsetState {
            mode: InsetMode::Hidden,
            groups: BerlinGroups::default(),
            draws: 0,
        }
    }
}

/// Everything the inset's picture depends on: when it is unchanged, the inset is not drawn again.
#[derive(Clone, Debug, PartialEq)]
struct Drawn {
    generation: u32,
    style: LayerStyle,
    lang: Lang,
    selected_regions: Vec<String>,
    rect: Rect,
    dpr: f64,
}

/// The inset's canvas and its Canvas 2D renderer (geometry, then labels on the same context).
pub struct InsetCanvas {
    renderer: Canvas2dRenderer,
    text: CanvasRenderingContext2d,
    drawn: Option<Drawn>,
    groups: BerlinGroups,
    draws: u32,
}

impl InsetCanvas {
    pub fn new(canvas: &HtmlCanvasElement) -> Option<InsetCanvas> {
        Some(InsetCanvas {
            renderer: Canvas2dRenderer::new(canvas)?,
            text: context_2d(canvas)?,
            drawn: None,
            groups: BerlinGroups::default(),
            draws: 0,
        })
    }

    /// Draws the inset at `rect` from the engine's selection and options unless its picture would be the
    /// same as the last one; what it shows over Berlin, and how often it was drawn.
    pub fn draw(&mut self, e: &Engine, rect: Rect) -> (BerlinGroups, u32) {
        let same = self.drawn.as_ref().is_some_and(|d| {
            d.generation == e.generation
                && d.style == e.style
                && d.lang == e.lang
                && d.selected_regions == e.selected_regions
                && d.rect == rect
                && d.dpr == e.vp.dpr
        });
        if same {
            return (self.groups, self.draws);
        }
        let vp = rect.viewport(e.vp.dpr);
        let cam = framing::inset_camera(&rect);
        let scene = e.inset_scene(&cam, &vp);
        self.renderer.resize(&vp);
        self.renderer.draw(&scene, &vp);
        draw_labels(&self.text, &scene, &vp);
        self.groups = BerlinGroups::of(&e.districts);
        self.drawn = Some(Drawn {
            generation: e.generation,
            style: e.style,
            lang: e.lang,
            selected_regions: e.selected_regions.clone(),
            rect,
            dpr: e.vp.dpr,
        });
        self.draws = self.draws.wrapping_add(1);
        (self.groups, self.draws)
    }
}

/// Stops a pointer event at the inset, so the map under it never takes it for a click or a drag.
fn stop(ev: web_sys::PointerEvent) {
    ev.stop_propagation();
}

/// The inset hides once Berlin is shown: the focus moves from it to the map stage (its parent), so a
/// keyboard visitor stays on the map.
fn focus_stage(ev: &web_sys::MouseEvent) {
    let stage = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|b| b.parent_element())
        .and_then(|p| p.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(stage) = stage {
        let _ = stage.focus();
    }
}

/// The inset (or the compact button): hidden while Berlin is large in the main view.
#[component]
pub fn MapInset(scheduler: Scheduler, sig: MapSignals) -> impl IntoView {
    let state = use_app();
    let t = move || map_texts(state.lang.get());
    let canvas = NodeRef::<html::Canvas>::new();
    {
        let scheduler = scheduler.clone();
        // Syncs the scheduler with the mounted canvas (no signal written).
        Effect::new(move |_| {
            if let Some(c) = canvas.get() {
                scheduler.attach_inset(&c);
            }
        });
    }
    let inset = sig.inset;
    let mode = Memo::new(move |_| inset.with(|s| s.mode));
    let compact = move || matches!(mode.get(), InsetMode::Button(_));
    let place = move || {
        mode.get().rect().map_or(String::new(), |r| {
            format!(
                "left:{:.0}px;top:{:.0}px;width:{:.0}px;height:{:.0}px",
                r.x, r.y, r.width, r.height
            )
        })
    };
    let label = move || {
        let lang = state.lang.get();
        let s = inset.get();
        match s.mode {
            InsetMode::Inset(_) => t().inset_label(lang, s.groups.actors, s.groups.groups),
            _ => t().inset_button_label(),
        }
    };
    view! {
        <button type="button" class="map-inset" data-testid="map-inset"
            class:compact=compact
            hidden=move || mode.get() == InsetMode::Hidden
            data-mode=move || match mode.get() { InsetMode::Hidden => "hidden", InsetMode::Button(_) => "button", InsetMode::Inset(_) => "inset" }
            data-actors=move || inset.with(|s| s.groups.actors.to_string())
            data-groups=move || inset.with(|s| s.groups.groups.to_string())
            data-draws=move || inset.with(|s| s.draws.to_string())
            style=place aria-label=label title=label
            on:pointerdown=stop on:pointerup=stop
            on:click=move |ev| {
                scheduler.show_berlin();
                focus_stage(&ev);
            }>
            <canvas node_ref=canvas class="map-inset-canvas" aria-hidden="true"></canvas>
            <span class="map-inset-label" aria-hidden="true">{move || t().berlin}</span>
        </button>
    }
}
