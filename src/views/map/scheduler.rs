//! The map's frame scheduler: drawing is debounced to one animation frame (`Scheduler::request`); when the
//! camera rests, its hash is written and the accessible marker list follows; the stage's size is watched;
//! each frame asks whether the Berlin inset shows and redraws it when what it shows changed (`inset.rs`).
//!
//! The scheduler owns what the view starts (the engine, its frame and timer slots, the resize watch) and
//! releases all of it in `stop()` on cleanup. It writes the view's signals only from events (an animation
//! frame, the rest timer, a resize, a lost or restored context): an effect that syncs the engine and draws at
//! once leaves the publishing to the next frame.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use ecomap_core::camera_hash::{ease, lerp_map, TRANSITION_MS};
use ecomap_core::framing;
use ecomap_core::projection::Camera;
use leptos::prelude::*;
use web_sys::{HtmlCanvasElement, HtmlElement};

use super::browser::{force_canvas2d, viewport_of};
use super::engine::Engine;
use super::hash::{hash_camera, write_hash};
use super::inset::Inset;
use super::signals::{FrameReport, MapSignals, MarkerInfo};
use super::SharedEngine;
use crate::views::resize::ResizeWatch;
use crate::views::schedule::{FrameSlot, TimerSlot};

/// How long the camera must stay still before the hash is written.
const REST: Duration = Duration::from_millis(250);

/// A tour's camera transition: from, to, its start (ms) and whether the map frames the region again at the end.
#[derive(Clone, Copy)]
struct Glide {
    from: Camera,
    to: Camera,
    start: f64,
    reframe: bool,
}

/// What the next animation frame does.
#[derive(Clone, Copy, Default)]
struct Due {
    /// Draw (and publish what was drawn).
    draw: bool,
    /// What a draw outside a frame showed, to publish unless the frame draws anew.
    report: Option<FrameReport>,
    /// Mirror the visible markers into the accessible list.
    items: bool,
    /// Mark the view drawn (`data-drawn`).
    drawn: bool,
}

/// Debounces drawing to one animation frame and writes the hash when the camera rests. `stop()` (on cleanup)
/// cancels the pending frame and timer, disconnects the resize watch and releases the engine (its WebGL
/// context goes back to the browser at once), so nothing of the map runs after the view is gone.
#[derive(Clone)]
pub struct Scheduler {
    engine: SharedEngine,
    sig: MapSignals,
    frame: Rc<FrameSlot>,
    due: Rc<Cell<Due>>,
    rest: Rc<TimerSlot>,
    stopped: Rc<Cell<bool>>,
    resize: Rc<RefCell<Option<ResizeWatch>>>,
    /// The Berlin inset, once mounted.
    inset: Rc<RefCell<Option<Inset>>>,
    glide: Rc<Cell<Option<Glide>>>,
}

impl Scheduler {
    pub fn new(engine: SharedEngine, sig: MapSignals) -> Scheduler {
        Scheduler {
            engine,
            sig,
            frame: Rc::new(FrameSlot::default()),
            due: Rc::new(Cell::new(Due::default())),
            rest: Rc::new(TimerSlot::default()),
            stopped: Rc::new(Cell::new(false)),
            resize: Rc::new(RefCell::new(None)),
            inset: Rc::new(RefCell::new(None)),
            glide: Rc::new(Cell::new(None)),
        }
    }

    /// Creates the engine on the stage's canvases unless it exists (the camera from the URL hash, else the
    /// whole region), finds the Berlin inset on the stage, starts following the stage's size and asks for
    /// the first frame. False while there is no engine (no canvas context, or the view is gone).
    pub fn start(&self, stage: &HtmlElement, base: HtmlCanvasElement, overlay: HtmlCanvasElement) -> bool {
        if self.stopped.get() {
            return false;
        }
        if self.engine.borrow().is_some() {
            return true;
        }
        let vp = viewport_of(stage);
        let on_context: Rc<dyn Fn(bool)> = {
            let me = self.clone();
            Rc::new(move |lost: bool| me.context_changed(lost))
        };
        let Some(mut e) = Engine::new(base, overlay, force_canvas2d(), vp, on_context) else {
            return false;
        };
        if let Some(cam) = hash_camera() {
            e.cam = cam;
            e.framed = false;
        }
        *self.engine.borrow_mut() = Some(e);
        *self.inset.borrow_mut() = super::inset::find(stage);
        self.observe_resize(stage);
        self.request();
        true
    }

    /// Runs `f` on the engine, if there is one.
    pub fn with_engine<R>(&self, f: impl FnOnce(&mut Engine) -> R) -> Option<R> {
        self.engine.borrow_mut().as_mut().map(f)
    }

    /// Draws in the next animation frame (once, however often it is asked).
    pub fn request(&self) {
        self.next_frame(|due| due.draw = true);
    }

    /// Draws a new selection at once (the engine and its canvases only, so the time it takes is measured
    /// with the index); what was drawn, the accessible marker list and `data-drawn` follow with the next
    /// animation frame.
    pub fn draw_selection(&self) {
        let report = self.draw();
        self.next_frame(|due| {
            if report.is_some() {
                due.report = report;
            }
            due.items = true;
            due.drawn = true;
        });
    }

    /// Adds to what the next animation frame does and makes sure one is pending.
    fn next_frame(&self, add: impl FnOnce(&mut Due)) {
        if self.stopped.get() {
            return;
        }
        let mut due = self.due.get();
        add(&mut due);
        self.due.set(due);
        let me = self.clone();
        self.frame.request(move || me.run_frame());
    }

    fn run_frame(&self) {
        let due = self.due.take();
        let gliding = self.glide_step();
        let drew = (due.draw || gliding) && crate::perf::timed("ecomap:map-frame", || self.draw_and_publish());
        if let (false, Some(report)) = (drew, due.report) {
            self.sig.publish_frame(&report);
        }
        if due.items {
            self.publish_items();
        }
        if due.drawn {
            self.sig.drawn.set(true);
        }
        // The frame after a draw with markers: that draw has been presented.
        if self.sig.markers.get_untracked() > 0 {
            crate::perf::mark_once("ecomap:first-map-drawn");
        }
        self.update_inset();
    }

    /// The Berlin inset follows the camera and stage in view, and what the engine shows (`Inset::update`).
    fn update_inset(&self) {
        let e = self.engine.borrow();
        if let (Some(e), Some(inset)) = (e.as_ref(), self.inset.borrow_mut().as_mut()) {
            inset.update(e);
        }
    }

    /// Shows the whole of Berlin in the main view (what activating the inset does).
    pub fn show_berlin(&self) {
        let cam = self.engine.borrow().as_ref().map(|e| framing::berlin_camera(&e.vp));
        if let Some(cam) = cam {
            self.sig.tip.set(None);
            self.set_camera(cam);
        }
    }

    /// Draws the scene for the current camera; what was drawn, unless there is no engine or its context is lost.
    fn draw(&self) -> Option<FrameReport> {
        let mut e = self.engine.borrow_mut();
        let e = e.as_mut()?;
        if e.renderer.lost() {
            return None;
        }
        e.draw();
        Some(e.report())
    }

    /// Draws and publishes what was drawn (for tests and the tile layer); false when nothing was drawn.
    fn draw_and_publish(&self) -> bool {
        let Some(report) = self.draw() else { return false };
        self.sig.publish_frame(&report);
        true
    }

    /// Mirrors the drawn markers into the accessible list (only when the camera rests: DOM work is slow).
    fn publish_items(&self) {
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
                    r: m.r,
                    count: m.count,
                })
                .collect();
            ecomap_core::order::sort_by(&mut v, |a, b| {
                b.count
                    .cmp(&a.count)
                    .then(a.y.total_cmp(&b.y))
                    .then(a.x.total_cmp(&b.x))
            });
            v
        };
        self.sig.items.set(items);
    }

    /// The WebGL context was lost or restored: shown on the view's root; a restored context is drawn again.
    fn context_changed(&self, lost: bool) {
        self.sig.lost.set(lost);
        if !lost {
            self.request();
        }
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
        self.glide.set(None);
        if let Some(e) = self.engine.borrow_mut().as_mut() {
            e.cam = cam;
            e.framed = false;
        }
        self.camera_changed();
    }

    /// Glides to the hash's camera (a tour step), or back to framing the region when the hash has none: eased
    /// over `TRANSITION_MS`, at once with prefers-reduced-motion.
    pub fn glide_to_hash(&self) {
        let target = hash_camera();
        let Some((from, to)) = self.with_engine(|e| {
            let to = target.unwrap_or_else(|| framing::start_camera(&e.vp));
            (e.cam, to)
        }) else {
            return;
        };
        self.glide.set(None);
        if crate::browser::reduced_motion() || from == to {
            match target {
                Some(cam) => self.set_camera(cam),
                None => {
                    self.with_engine(|e| {
                        e.cam = to;
                        e.framed = true;
                    });
                    self.request();
                }
            }
            return;
        }
        let start = crate::browser::now_ms();
        let reframe = target.is_none();
        self.glide.set(Some(Glide {
            from,
            to,
            start,
            reframe,
        }));
        self.request();
    }

    /// One frame of a glide: moves the engine's camera; true while gliding (this frame draws).
    fn glide_step(&self) -> bool {
        let Some(g) = self.glide.get() else { return false };
        let t = (crate::browser::now_ms() - g.start) / TRANSITION_MS;
        let cam = lerp_map(&g.from, &g.to, ease(t));
        self.with_engine(|e| {
            e.cam = cam;
            e.framed = t >= 1.0 && g.reframe;
        });
        if t >= 1.0 {
            self.glide.set(None);
            if !g.reframe {
                self.camera_changed();
            }
        } else {
            self.request();
        }
        true
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
    fn observe_resize(&self, el: &HtmlElement) {
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
                me.draw_and_publish();
                me.publish_items();
                me.update_inset();
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
        self.inset.borrow_mut().take();
        self.engine.borrow_mut().take();
    }
}
