//! The Berlin inset: a small framed second view of Berlin in the stage's bottom left corner, drawn with the
//! Canvas 2D renderer on its own canvas (never a second WebGL context), at the zoom where Berlin fills it,
//! with the selection's actors grouped by Bezirk, so the one bubble over Berlin in the main view splits. It is
//! a button: activating it shows Berlin in the main view (and the inset hides). On a small stage a compact
//! "Berlin" button takes its place.
//!
//! Where it sits, its camera, when it shows and its groups are core's (`ecomap_core::framing`). The
//! scheduler asks every frame (cheap) and redraws the inset only when what it shows changed: the selection,
//! the options, the language, the selected regions, its size, never for a move of the main camera. Like a
//! canvas, the button is drawn by the scheduler too: [`Inset::update`] sets its place, `hidden`, accessible
//! name and `data-*` markers when they change, so the component holds no reactive attributes (each would
//! cost wasm size for what one frame knows anyway).

use ecomap_core::framing::{self, BerlinGroups, InsetMode, Rect};
use ecomap_core::model::Lang;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlElement};

use super::canvas2d::Canvas2dRenderer;
use super::engine::Engine;
use super::layers::LayerStyle;
use super::render::{context_2d, draw_labels, Renderer};
use super::scheduler::Scheduler;
use super::texts::map_texts;
use crate::state::use_app;

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

/// What the button shows: when it is unchanged, no attribute is written.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Shown {
    mode: InsetMode,
    groups: BerlinGroups,
    draws: u32,
    lang: Lang,
}

/// The inset's button and canvas, with what was last drawn and shown.
pub struct Inset {
    button: HtmlElement,
    renderer: Canvas2dRenderer,
    text: CanvasRenderingContext2d,
    drawn: Option<Drawn>,
    shown: Option<Shown>,
    groups: BerlinGroups,
    /// How often the inset was drawn (`data-draws`: tests check that a move of the main camera does not).
    draws: u32,
}

impl Inset {
    pub fn new(button: HtmlElement, canvas: &HtmlCanvasElement) -> Option<Inset> {
        Some(Inset {
            button,
            renderer: Canvas2dRenderer::new(canvas)?,
            text: context_2d(canvas)?,
            drawn: None,
            shown: None,
            groups: BerlinGroups::default(),
            draws: 0,
        })
    }

    /// Decides what shows for the engine's camera and stage, draws the inset if its picture changed and
    /// shows the result on the button. Called from the scheduler's frames and resizes only.
    pub fn update(&mut self, e: &Engine) {
        let mode = framing::inset_mode(&e.vp, &e.cam);
        if let InsetMode::Inset(rect) = mode {
            self.draw(e, rect);
        }
        let next = Shown {
            mode,
            groups: self.groups,
            draws: self.draws,
            lang: e.lang,
        };
        if self.shown != Some(next) {
            self.show(&next);
            self.shown = Some(next);
        }
    }

    /// Draws the inset at `rect` from the engine's selection and options unless the picture would be the
    /// same as the last one.
    fn draw(&mut self, e: &Engine, rect: Rect) {
        let now = Drawn {
            generation: e.generation,
            style: e.style,
            lang: e.lang,
            selected_regions: e.selected_regions.clone(),
            rect,
            dpr: e.vp.dpr,
        };
        if self.drawn.as_ref() == Some(&now) {
            return;
        }
        let vp = rect.viewport(e.vp.dpr);
        let scene = e.inset_scene(&framing::inset_camera(&rect), &vp);
        self.renderer.resize(&vp);
        self.renderer.draw(&scene, &vp);
        draw_labels(&self.text, &scene, &vp);
        self.groups = BerlinGroups::of(&e.districts);
        self.drawn = Some(now);
        self.draws = self.draws.wrapping_add(1);
    }

    /// Writes what the button shows: hidden or not, compact or not, its place, its accessible name (with
    /// the counts, e.g. "Berlin: 219 actors in 12 groups; show on the map") and the `data-*` markers.
    fn show(&self, s: &Shown) {
        let b = &self.button;
        let t = map_texts(s.lang);
        let (mode, label) = match s.mode {
            InsetMode::Hidden => ("hidden", String::new()),
            InsetMode::Button(_) => ("button", t.inset_button_label()),
            InsetMode::Inset(_) => ("inset", t.inset_label(s.lang, s.groups.actors, s.groups.groups)),
        };
        b.set_hidden(s.mode == InsetMode::Hidden);
        b.set_class_name(if mode == "button" {
            "map-inset compact"
        } else {
            "map-inset"
        });
        if let Some(r) = s.mode.rect() {
            // Through the CSSOM: the CSP allows no inline style attribute (docs/hosting.md).
            let style = b.style();
            for (name, v) in [("left", r.x), ("top", r.y), ("width", r.width), ("height", r.height)] {
                let _ = style.set_property(name, &format!("{v:.0}px"));
            }
        }
        for (name, value) in [
            ("data-mode", mode.to_string()),
            ("aria-label", label),
            ("data-actors", s.groups.actors.to_string()),
            ("data-groups", s.groups.groups.to_string()),
            ("data-draws", s.draws.to_string()),
        ] {
            let _ = b.set_attribute(name, &value);
        }
    }
}

/// The inset hides once Berlin is shown: the focus moves from it to the map stage (its parent), so a
/// keyboard visitor stays on the map.
fn focus_stage(ev: &web_sys::MouseEvent) {
    let stage = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|b| b.parent_element())
        .and_then(|p| p.dyn_into::<HtmlElement>().ok());
    if let Some(stage) = stage {
        let _ = stage.focus();
    }
}

/// Finds the inset on the stage (the scheduler calls this when it starts on the mounted stage).
pub fn find(stage: &HtmlElement) -> Option<Inset> {
    let button: HtmlElement = stage.query_selector(".map-inset").ok()??.dyn_into().ok()?;
    let canvas: HtmlCanvasElement = button.first_element_child()?.dyn_into().ok()?;
    Inset::new(button, &canvas)
}

/// The inset (or the compact button), hidden until the scheduler's first frame says otherwise; the scheduler
/// finds it on the stage ([`find`]). A pointer pressed on it never reaches the map under it (no drag, no
/// region click).
#[component]
pub fn MapInset(scheduler: Scheduler) -> impl IntoView {
    let state = use_app();
    view! {
        <button type="button" class="map-inset" data-testid="map-inset" data-mode="hidden" hidden=""
            on:pointerdown=|ev: web_sys::PointerEvent| ev.stop_propagation()
            on:click=move |ev| {
                scheduler.show_berlin();
                focus_stage(&ev);
            }>
            <canvas aria-hidden="true"></canvas>
            <span class="map-inset-label" aria-hidden="true">{move || map_texts(state.lang.get()).berlin}</span>
        </button>
    }
}
