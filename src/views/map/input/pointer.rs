//! Pointer input on the map's overlay canvas: one pointer drags (a click when it moved less than 4 px), two
//! pinch-zoom, the wheel and a double-click zoom around the pointer; hovering shows the tooltip. Under the
//! cooperative input policy one finger and a plain wheel belong to the page (`crate::views::input_policy`).

use ecomap_core::facet::Facet;
use ecomap_core::projection::{Camera, Css, Viewport};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::super::tooltip;
use super::Handlers;

/// A drag or pinch in progress.
#[derive(Default)]
pub struct Gesture {
    /// Pointers down: id and last position (CSS px).
    pointers: Vec<(i32, f64, f64)>,
    start: (f64, f64),
    moved: bool,
}

/// Squared distance (CSS px²) a single pointer must move before a press becomes a drag.
const DRAG_THRESHOLD_SQ: f64 = 16.0;

fn pos(ev: &web_sys::MouseEvent) -> (f64, f64) {
    (ev.offset_x() as f64, ev.offset_y() as f64)
}

/// Pinch: zoom by the change of distance to the other pointer around the old midpoint, then follow the
/// midpoint. `from` and `to` are the moving pointer's last and new positions, `other` the still one.
fn pinched(cam: Camera, vp: &Viewport, other: (f64, f64), from: (f64, f64), to: (f64, f64)) -> Camera {
    let (ox, oy) = other;
    let (px, py) = from;
    let (x, y) = to;
    let d0 = ((px - ox).powi(2) + (py - oy).powi(2)).sqrt().max(1.0);
    let d1 = ((x - ox).powi(2) + (y - oy).powi(2)).sqrt().max(1.0);
    let m0 = Css {
        x: (px + ox) / 2.0,
        y: (py + oy) / 2.0,
    };
    let (mx, my) = ((x + ox) / 2.0, (y + oy) / 2.0);
    cam.zoomed_around(vp, m0, cam.zoom + (d1 / d0).log2())
        .panned(mx - m0.x, my - m0.y)
}

impl Handlers {
    pub fn down(&self, ev: web_sys::PointerEvent) {
        if ev.button() != 0 && ev.pointer_type() == "mouse" {
            return;
        }
        if let Some(t) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
            let _ = t.set_pointer_capture(ev.pointer_id());
        }
        let (x, y) = pos(&ev);
        let mut g = self.gesture.borrow_mut();
        g.pointers.retain(|p| p.0 != ev.pointer_id());
        g.pointers.push((ev.pointer_id(), x, y));
        if g.pointers.len() == 1 {
            g.start = (x, y);
            g.moved = false;
        }
        self.sig.tip.set(None);
    }

    pub fn moved(&self, ev: web_sys::PointerEvent) {
        let (x, y) = pos(&ev);
        let id = ev.pointer_id();
        let mut g = self.gesture.borrow_mut();
        let Some(i) = g.pointers.iter().position(|p| p.0 == id) else {
            drop(g);
            self.hover(x, y);
            return;
        };
        let Some((cam, vp)) = self.cam() else { return };
        let last = (g.pointers[i].1, g.pointers[i].2);
        let takes = self.gestures.pointer_moves_camera(&ev, g.pointers.len());
        let new_cam = if g.pointers.len() >= 2 && takes {
            let other = g.pointers[1 - i.min(1)];
            g.moved = true;
            pinched(cam, &vp, (other.1, other.2), last, (x, y))
        } else {
            let moved_far = (x - g.start.0).powi(2) + (y - g.start.1).powi(2) > DRAG_THRESHOLD_SQ;
            if !g.moved && moved_far {
                g.moved = true;
            }
            if !takes {
                // A finger the page scrolls with (cooperative): the camera stays, and it is no click.
                g.pointers[i] = (id, x, y);
                return;
            }
            if !g.moved {
                return;
            }
            cam.panned(x - last.0, y - last.1)
        };
        g.pointers[i] = (id, x, y);
        drop(g);
        self.sched.set_camera(new_cam);
    }

    /// A pointer went up (`is_up`) or was cancelled; a press that did not move is a click.
    pub fn up(&self, ev: web_sys::PointerEvent, is_up: bool) {
        let (x, y) = pos(&ev);
        let mut g = self.gesture.borrow_mut();
        let was = g.pointers.len();
        g.pointers.retain(|p| p.0 != ev.pointer_id());
        let click = is_up && was == 1 && g.pointers.is_empty() && !g.moved;
        drop(g);
        if click {
            self.click(x, y);
        }
    }

    pub fn leave(&self) {
        if !self.gesture.borrow().pointers.is_empty() {
            return;
        }
        self.sig.tip.set(None);
        if self.state.hovered.get_untracked().is_some() {
            self.state.hovered.set(None);
        }
        let changed = self
            .engine
            .borrow_mut()
            .as_mut()
            .map(|e| e.hovered_region.take().is_some())
            .unwrap_or(false);
        if changed {
            self.sched.request();
        }
    }

    pub fn wheel(&self, ev: web_sys::WheelEvent) {
        if !self.gestures.wheel_zooms(&ev) {
            return;
        }
        ev.prevent_default();
        let Some((cam, vp)) = self.cam() else { return };
        let unit = match ev.delta_mode() {
            1 => 33.0,
            2 => 800.0,
            _ => 1.0,
        };
        let dz = (-ev.delta_y() * unit / 250.0).clamp(-1.0, 1.0);
        let (x, y) = pos(&ev);
        self.sig.tip.set(None);
        self.sched
            .set_camera(cam.zoomed_around(&vp, Css { x, y }, cam.zoom + dz));
    }

    pub fn dblclick(&self, ev: web_sys::MouseEvent) {
        ev.prevent_default();
        let Some((cam, vp)) = self.cam() else { return };
        let (x, y) = pos(&ev);
        let dz = if ev.shift_key() { -1.0 } else { 1.0 };
        self.sched
            .set_camera(cam.zoomed_around(&vp, Css { x, y }, cam.zoom + dz));
    }

    /// A click on a marker activates it; elsewhere on a region it toggles that region's filter.
    fn click(&self, x: f64, y: f64) {
        let (item, region) = {
            let e = self.engine.borrow();
            let Some(e) = e.as_ref() else { return };
            match e.scene.marker_at(x as f32, y as f32) {
                Some(m) => (Some(m.item), None),
                None => (None, e.region_at(x, y)),
            }
        };
        if let Some(item) = item {
            self.activate(item);
        } else if let Some(key) = region {
            let key = key.to_string();
            self.state.toggle_facet(Facet::Region, &key);
        }
    }

    /// The pointer moves without a button: the tooltip follows, the region under it is outlined.
    fn hover(&self, x: f64, y: f64) {
        let (tip, region_changed, actor) = {
            let mut e = self.engine.borrow_mut();
            let Some(e) = e.as_mut() else { return };
            let (tip, region) = tooltip::hover_at(e, &self.state, x, y);
            let changed = e.hovered_region != region;
            e.hovered_region = region;
            // A single actor's marker under the pointer is the app's hover (the list and network mark it).
            let actor = match e.scene.marker_at(x as f32, y as f32).map(|m| m.item) {
                Some(ecomap_core::cluster::Item::Actor(a)) => Some(a),
                _ => None,
            };
            (tip, changed, actor)
        };
        self.sig.tip.set(tip);
        if self.state.hovered.get_untracked() != actor {
            self.state.hovered.set(actor);
        }
        if region_changed {
            self.sched.request();
        }
    }
}
