//! Pointer and keyboard input on the stage: hover, click to open, drag to pan, wheel and two-finger pinch to
//! zoom (the drawn image follows by a CSS transform, see `Live::camera_moved`), and keyboard navigation
//! (arrows, N, Enter, Escape; `Engine::navigate`). Under the cooperative input policy one finger and a plain
//! wheel belong to the page (`crate::views::input_policy`).

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use ecomap_core::graph_walk::NavKey;
use leptos::prelude::GetUntracked;
use wasm_bindgen::JsCast;

use super::detail::open_detail;
use super::engine::Engine;
use super::live::Live;
use super::stage::local_position;
use crate::state::AppState;
use crate::views::input_policy::Gestures;
use leptos::prelude::Set;

/// A press that moved more than this many px (|dx| + |dy|) is a drag, not a click.
const DRAG_THRESHOLD: f32 = 4.0;

/// A pointer that is down on the stage, at its last position.
#[derive(Clone, Copy)]
struct Pointer {
    id: i32,
    x: f32,
    y: f32,
}

/// Where the last press started and whether it turned into a drag.
#[derive(Clone, Copy)]
struct Press {
    x: f32,
    y: f32,
    dragging: bool,
}

/// The stage's event handlers. Cloned into each listener; they hold the view's `Live` weakly.
#[derive(Clone)]
pub struct Handlers {
    live: Weak<Live>,
    state: AppState,
    pointers: Rc<RefCell<Vec<Pointer>>>,
    press: Rc<Cell<Option<Press>>>,
    /// Whether a touch or wheel gesture is the camera's or the page's.
    pub gestures: Gestures,
}

impl Handlers {
    pub fn new(live: &Rc<Live>, state: AppState, gestures: Gestures) -> Handlers {
        Handlers {
            live: Rc::downgrade(live),
            state,
            pointers: Rc::default(),
            press: Rc::default(),
            gestures,
        }
    }

    /// One of the handlers below as an event listener (`on:pointerdown=handlers.on(Handlers::down)`).
    pub fn on<E: 'static>(&self, handler: fn(&Handlers, E)) -> impl Fn(E) + 'static {
        let handlers = self.clone();
        move |ev| handler(&handlers, ev)
    }

    /// The pointer position in the canvas's CSS px.
    fn local(&self, ev: &web_sys::MouseEvent) -> (f32, f32) {
        let stage = self.live.upgrade().and_then(|live| live.stage());
        local_position(stage.as_ref(), ev)
    }

    pub fn down(&self, ev: web_sys::PointerEvent) {
        let (x, y) = self.local(&ev);
        self.pointers.borrow_mut().push(Pointer {
            id: ev.pointer_id(),
            x,
            y,
        });
        self.press.set(Some(Press { x, y, dragging: false }));
        if let Some(t) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
            let _ = t.set_pointer_capture(ev.pointer_id());
        }
    }

    /// A pointer that is down pans (one) or pinches (two); otherwise the pointer hovers.
    pub fn moved(&self, ev: web_sys::PointerEvent) {
        let (x, y) = self.local(&ev);
        let Some(live) = self.live.upgrade() else { return };
        let mut pointers = self.pointers.borrow_mut();
        if let Some(k) = pointers.iter().position(|p| p.id == ev.pointer_id()) {
            let takes = self.gestures.pointer_moves_camera(&ev, pointers.len());
            {
                let mut guard = live.engine.borrow_mut();
                let Some(e) = guard.as_mut() else { return };
                self.move_camera(e, &pointers, k, x, y, takes);
            }
            pointers[k] = Pointer {
                id: ev.pointer_id(),
                x,
                y,
            };
            drop(pointers);
            live.camera_moved();
            return;
        }
        drop(pointers);
        let hovered = {
            let mut guard = live.engine.borrow_mut();
            let Some(e) = guard.as_mut() else { return };
            e.hover_at(x, y).then(|| e.hovered_actor())
        };
        if let Some(actor) = hovered {
            live.redraw(false);
            // The app's hover: the list and the map mark the same actor.
            self.state.hovered.set(actor);
        }
    }

    /// Pointer `k` of `pointers` moved to (x, y): pinch zoom and pan with two pointers, else pan once it is
    /// a drag. `takes`: the camera takes this pointer (else the page scrolls with it, and it is no click).
    fn move_camera(&self, e: &mut Engine, pointers: &[Pointer], k: usize, x: f32, y: f32, takes: bool) {
        let Pointer { x: ox, y: oy, .. } = pointers[k];
        let Some(press) = self.press.get() else { return };
        let far = (x - press.x).abs() + (y - press.y).abs() > DRAG_THRESHOLD;
        // A drag, a pinch, or a finger the page scrolls with: no click when it ends.
        if far || pointers.len() >= 2 {
            self.press.set(Some(Press {
                dragging: true,
                ..press
            }));
        }
        if !takes {
            return;
        }
        if pointers.len() >= 2 {
            // Zoom by the change of distance between the first two pointers around their old middle, then
            // follow the middle.
            let other = pointers[1 - k.min(1)];
            let d0 = ((ox - other.x).powi(2) + (oy - other.y).powi(2)).sqrt().max(1.0);
            let d1 = ((x - other.x).powi(2) + (y - other.y).powi(2)).sqrt().max(1.0);
            let (w, h) = (e.width, e.height);
            e.camera
                .zoom_at(d1 / d0, (ox + other.x) / 2.0, (oy + other.y) / 2.0, w, h);
            e.camera.x -= (x - ox) / 2.0 / e.camera.scale;
            e.camera.y -= (y - oy) / 2.0 / e.camera.scale;
        } else if press.dragging || far {
            e.camera.x -= (x - ox) / e.camera.scale;
            e.camera.y -= (y - oy) / e.camera.scale;
        } else {
            return;
        }
        e.user_camera = true;
    }

    /// The browser took a pointer (the page scrolls with it): never a click.
    pub fn cancel(&self, ev: web_sys::PointerEvent) {
        self.pointers.borrow_mut().retain(|p| p.id != ev.pointer_id());
        self.press.take();
    }

    /// A pointer went up: a press that did not drag is a click, opening the node under it.
    pub fn up(&self, ev: web_sys::PointerEvent) {
        self.pointers.borrow_mut().retain(|p| p.id != ev.pointer_id());
        let (x, y) = self.local(&ev);
        if let Some(Press { dragging: false, .. }) = self.press.take() {
            let Some(live) = self.live.upgrade() else { return };
            let clicked = {
                let guard = live.engine.borrow();
                let Some(e) = guard.as_ref() else { return };
                e.pick(x, y).map(|i| e.graph.node(i))
            };
            if let (Some(node), Some(data)) = (clicked, self.state.data.get_untracked()) {
                open_detail(self.state, &data.0.ds, node);
            }
        }
    }

    pub fn leave(&self, _: web_sys::PointerEvent) {
        let Some(live) = self.live.upgrade() else { return };
        if let Some(e) = live.engine.borrow_mut().as_mut() {
            e.clear_hover();
        }
        live.redraw(false);
        if self.state.hovered.get_untracked().is_some() {
            self.state.hovered.set(None);
        }
    }

    pub fn wheel(&self, ev: web_sys::WheelEvent) {
        if !self.gestures.wheel_zooms(&ev) {
            return;
        }
        ev.prevent_default();
        let (x, y) = self.local(&ev);
        let Some(live) = self.live.upgrade() else { return };
        {
            let mut guard = live.engine.borrow_mut();
            let Some(e) = guard.as_mut() else { return };
            let factor = (-ev.delta_y() as f32 * 0.002).exp().clamp(0.5, 2.0);
            let (w, h) = (e.width, e.height);
            e.camera.zoom_at(factor, x, y, w, h);
            e.user_camera = true;
        }
        live.camera_moved();
    }

    /// Arrows move the focus ring between nodes, N walks its neighbours, Enter opens, Escape clears.
    pub fn key(&self, ev: web_sys::KeyboardEvent) {
        let Some(key) = NavKey::from_key(&ev.key()) else { return };
        let Some(live) = self.live.upgrade() else { return };
        let open = {
            let mut guard = live.engine.borrow_mut();
            let Some(e) = guard.as_mut() else { return };
            let Some(step) = e.navigate(key) else { return };
            step.open.map(|i| e.graph.node(i))
        };
        ev.prevent_default();
        if let (Some(node), Some(data)) = (open, self.state.data.get_untracked()) {
            open_detail(self.state, &data.0.ds, node);
        }
        live.redraw(true);
    }
}
