//! The map's frame scheduler: drawing is debounced to one animation frame (`Scheduler::request`); when the
//! camera rests, its hash is written and the accessible marker list follows; the stage's size is watched.
//!
//! The scheduler owns what the view starts (the engine, its frame and timer slots, the resize watch) and
//! releases all of it in `stop()` on cleanup.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use ecomap_core::projection::Camera;
use leptos::prelude::*;

use super::browser::viewport_of;
use super::hash::{hash_camera, write_hash};
use super::signals::{MapSignals, MarkerInfo};
use super::SharedEngine;
use crate::views::resize::ResizeWatch;
use crate::views::schedule::{FrameSlot, TimerSlot};

/// How long the camera must stay still before the hash is written.
const REST: Duration = Duration::from_millis(250);

/// Debounces drawing to one animation frame and writes the hash when the camera rests. `stop()` (on cleanup)
/// cancels the pending frame and timer, disconnects the resize watch and releases the engine (its WebGL
/// context goes back to the browser at once), so nothing of the map runs after the view is gone.
#[derive(Clone)]
pub struct Scheduler {
    engine: SharedEngine,
    sig: MapSignals,
    frame: Rc<FrameSlot>,
    rest: Rc<TimerSlot>,
    stopped: Rc<Cell<bool>>,
    resize: Rc<RefCell<Option<ResizeWatch>>>,
}

impl Scheduler {
    pub fn new(engine: SharedEngine, sig: MapSignals) -> Scheduler {
        Scheduler {
            engine,
            sig,
            frame: Rc::new(FrameSlot::default()),
            rest: Rc::new(TimerSlot::default()),
            stopped: Rc::new(Cell::new(false)),
            resize: Rc::new(RefCell::new(None)),
        }
    }

    /// Draws in the next animation frame (once, however often it is asked).
    pub fn request(&self) {
        if self.stopped.get() {
            return;
        }
        let me = self.clone();
        self.frame.request(move || {
            crate::perf::timed("ecomap:map-frame", || me.draw_now());
        });
    }

    /// Draws immediately and publishes what was drawn (for tests and the tile layer).
    pub fn draw_now(&self) {
        let summary = {
            let mut e = self.engine.borrow_mut();
            let Some(e) = e.as_mut() else { return };
            if e.renderer.lost() {
                return;
            }
            e.draw();
            let largest = e.scene.markers.iter().map(|m| m.count).max().unwrap_or(0);
            let hl = e.scene.markers.iter().filter(|m| m.highlighted).count();
            (
                e.scene.markers.len(),
                largest,
                e.cam,
                e.vp,
                e.renderer.name(),
                hl,
                e.scene.arcs.len(),
            )
        };
        self.sig.arcs.set(summary.6);
        self.sig.highlighted.set(summary.5);
        self.sig.frames.update(|n| *n = n.wrapping_add(1));
        self.sig.markers.set(summary.0);
        self.sig.largest.set(summary.1);
        self.sig.zoom.set(summary.2.zoom);
        self.sig.camera.set(Some((summary.2, summary.3)));
        if self.sig.renderer.get_untracked() != summary.4 {
            self.sig.renderer.set(summary.4);
        }
    }

    /// Mirrors the drawn markers into the accessible list (only when the camera rests: DOM work is slow).
    pub fn publish_items(&self) {
        let items: Vec<MarkerInfo> = {
            let e = self.engine.borrow();
            let Some(e) = e.as_ref() else { return };
            let (w, h) = (e.vp.width as f32, e.vp.height as f32);
            let mut v: Vec<MarkerInfo> = e
                .scene
                .markers
                .iter()
                .filter(|m| m.x >= 0.0 && m.y >= 0.0 && m.x <= w && m.y <= h)
                .map(|m| MarkerInfo {
                    item: m.item,
                    x: m.x,
                    y: m.y,
                    count: m.count,
                })
                .collect();
            v.sort_by(|a, b| {
                b.count
                    .cmp(&a.count)
                    .then(a.y.total_cmp(&b.y))
                    .then(a.x.total_cmp(&b.x))
            });
            v
        };
        self.sig.items.set(items);
    }

    /// The camera moved: draw next frame, write the hash once it rests.
    pub fn camera_changed(&self) {
        self.request();
        if self.stopped.get() {
            return;
        }
        let me = self.clone();
        self.rest.restart(REST, move || {
            if let Some(e) = me.engine.borrow().as_ref() {
                write_hash(&e.cam);
            }
            me.publish_items();
        });
    }

    pub fn set_camera(&self, cam: Camera) {
        if let Some(e) = self.engine.borrow_mut().as_mut() {
            e.cam = cam;
        }
        self.camera_changed();
    }

    /// Follows a hash the visitor changed (typed, pasted, back/forward).
    pub fn follow_hash(&self) {
        let Some(cam) = hash_camera() else { return };
        let differs = self
            .engine
            .borrow()
            .as_ref()
            .map(|e| e.cam.to_hash() != cam.to_hash())
            .unwrap_or(false);
        if differs {
            self.set_camera(cam);
        }
    }

    /// Follows the element's size (and the device pixel ratio) and redraws at once, so resizing never flickers.
    pub fn observe_resize(&self, el: &web_sys::HtmlElement) {
        let me = self.clone();
        let target = el.clone();
        let watch = ResizeWatch::new(el, move || {
            let vp = viewport_of(&target);
            let changed = {
                let mut e = me.engine.borrow_mut();
                match e.as_mut() {
                    Some(e) if e.vp != vp => {
                        e.resize(vp);
                        true
                    }
                    _ => false,
                }
            };
            if changed && !me.stopped.get() {
                me.draw_now();
                me.publish_items();
            }
        });
        *self.resize.borrow_mut() = watch;
    }

    pub fn stop(&self) {
        self.stopped.set(true);
        self.frame.cancel();
        self.rest.cancel();
        // Dropping the watch disconnects it; dropping the engine releases its renderer.
        self.resize.borrow_mut().take();
        self.engine.borrow_mut().take();
    }
}
