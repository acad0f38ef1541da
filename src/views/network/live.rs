//! What the network view owns while it is on screen (`Live`) and the frames it schedules: the layout loop
//! (`tick`: the worker's newest positions, or a slice of layout on the page, drawn once per animation frame),
//! the redraw at rest, the redraw once the camera rested after a pan or zoom, and following the stage's size.
//!
//! `release()` (on cleanup) drops the engine, with its GPU state and the listeners on its canvas, terminates
//! the layout worker, disconnects the resize observer and cancels every frame and timer the view scheduled:
//! no callback of the view can run after the view is gone. Callbacks hold a `Weak<Live>`, so they do not
//! keep it alive either.

use std::cell::RefCell;
use std::rc::{Rc, Weak};
use std::time::Duration;

use ecomap_core::camera_hash::{ease, NetCamera, TRANSITION_MS};
use leptos::prelude::{GetUntracked, Set};

use super::camera::Camera;
use super::engine::{Engine, LayoutStatus, MAX_ITERATIONS, STOP_MOVEMENT};
use super::layout_client::LayoutClient;
use super::report::Report;
use super::stage::{set_canvas_transform, stage_size};
use crate::browser::{now_ms as now, reduced_motion};
use crate::views::resize::ResizeWatch;
use crate::views::schedule::{FrameSlot, TimerSlot};

/// Layout time per animation frame when the layout runs on the page (no worker).
const SLICE_MS: f64 = 8.0;
/// How long the camera must rest after a pan or zoom before the view is redrawn.
const CAMERA_REST: Duration = Duration::from_millis(120);

pub struct Live {
    pub engine: RefCell<Option<Engine>>,
    /// The layout worker, started with the first engine; None when it could not start.
    client: RefCell<Option<LayoutClient>>,
    /// The stage element, for callbacks (the NodeRef is disposed with the view).
    stage: RefCell<Option<web_sys::HtmlElement>>,
    resize: RefCell<Option<ResizeWatch>>,
    report: Report,
    /// The layout loop's next frame.
    tick: FrameSlot,
    /// A redraw at rest in the next frame.
    redraw: FrameSlot,
    /// The redraw once the camera has rested after a pan or zoom.
    rest: TimerSlot,
    /// A tour's camera transition: its next frame, and from, to, start (ms), whether it fits at the end.
    glide: FrameSlot,
    glide_path: std::cell::Cell<Option<(NetCamera, NetCamera, f64, bool)>>,
}

impl Live {
    pub fn new(report: Report) -> Rc<Live> {
        Rc::new(Live {
            engine: RefCell::default(),
            client: RefCell::default(),
            stage: RefCell::default(),
            resize: RefCell::default(),
            report,
            tick: FrameSlot::default(),
            redraw: FrameSlot::default(),
            rest: TimerSlot::default(),
            glide: FrameSlot::default(),
            glide_path: std::cell::Cell::new(None),
        })
    }

    /// Ends everything the view scheduled or started (on cleanup).
    pub fn release(&self) {
        self.tick.cancel();
        self.redraw.cancel();
        self.rest.cancel();
        self.glide.cancel();
        self.resize.borrow_mut().take();
        self.client.borrow_mut().take();
        self.engine.borrow_mut().take();
        self.stage.borrow_mut().take();
    }

    pub fn set_stage(&self, stage: web_sys::HtmlElement) {
        *self.stage.borrow_mut() = Some(stage);
    }

    pub fn stage(&self) -> Option<web_sys::HtmlElement> {
        self.stage.borrow().clone()
    }

    /// Follows the stage's size with a ResizeObserver (once; it also fires when observing starts).
    pub fn watch_resize(self: &Rc<Self>, stage: &web_sys::Element) {
        if self.resize.borrow().is_none() {
            let weak = Rc::downgrade(self);
            let watch = ResizeWatch::new(stage, move || {
                if let Some(live) = weak.upgrade() {
                    live.follow_stage_size();
                }
            });
            *self.resize.borrow_mut() = watch;
        }
    }

    /// Resizes the engine to the stage (window resizes, pixel-ratio changes, the detail panel opening) and
    /// redraws when the size changed.
    pub fn follow_stage_size(self: &Rc<Self>) {
        let Some(stage) = self.stage() else { return };
        let (w, h, dpr) = stage_size(&stage);
        let changed = match self.engine.borrow_mut().as_mut() {
            Some(e) if (e.width, e.height, e.dpr) != (w, h, dpr) => {
                e.resize(w, h, dpr);
                true
            }
            _ => false,
        };
        if changed {
            self.redraw(true);
        }
    }

    /// Takes a new engine: starts its layout in the worker (starting the worker with the first engine) and
    /// the layout loop.
    pub fn install(self: &Rc<Self>, mut engine: Engine) {
        engine.started_ms = now();
        if engine.status == LayoutStatus::Running {
            let mut c = self.client.borrow_mut();
            if c.is_none() {
                let weak = Rc::downgrade(self);
                *c = LayoutClient::spawn(Rc::new(move || redraw_weak(&weak, true)));
            }
            if let Some(c) = c.as_ref().filter(|c| !c.failed()) {
                c.start(&engine.layout, STOP_MOVEMENT, MAX_ITERATIONS);
            }
        }
        *self.engine.borrow_mut() = Some(engine);
    }

    /// (Re)starts the layout loop in the next frame.
    pub fn start_loop(self: &Rc<Self>) {
        let weak = Rc::downgrade(self);
        self.tick.replace(move || tick(weak));
    }

    /// Redraws at rest (after input or a state change) in the next frame; `with_list` also refreshes the
    /// accessible list.
    pub fn redraw(self: &Rc<Self>, with_list: bool) {
        let weak = Rc::downgrade(self);
        self.redraw.request(move || {
            if let Some(live) = weak.upgrade() {
                live.draw_at_rest(with_list);
            }
        });
    }

    /// The WebGL2 renderer's context callback: marks the context lost (true) or restored (false) and redraws
    /// once it is back (while the view exists).
    pub fn on_context_change(self: &Rc<Self>) -> Rc<dyn Fn(bool)> {
        let weak = Rc::downgrade(self);
        let report = self.report;
        Rc::new(move |lost: bool| {
            report.lost.set(lost);
            if !lost {
                redraw_weak(&weak, true);
            }
        })
    }

    /// The visitor moved the camera: after the layout stopped, the drawn image follows by a CSS transform
    /// and is redrawn once the camera rests (while the layout runs, the loop draws every frame anyway).
    pub fn camera_moved(self: &Rc<Self>) {
        let running = {
            let guard = self.engine.borrow();
            let Some(e) = guard.as_ref() else { return };
            self.report.show_camera(e);
            if e.status != LayoutStatus::Running {
                self.set_canvas_transform(&e.camera.css_transform_from(&e.drawn));
            }
            e.status == LayoutStatus::Running
        };
        if running {
            return;
        }
        let weak = Rc::downgrade(self);
        self.rest.restart(CAMERA_REST, move || {
            if let Some(live) = weak.upgrade() {
                live.write_hash();
                live.redraw(true);
            }
        });
    }

    /// Writes the visitor's (or a tour's) camera into the hash's `net=` part; a camera that follows the
    /// layout has none.
    fn write_hash(&self) {
        let part = self.engine.borrow().as_ref().map(|e| {
            let c = e.camera;
            e.user_camera
                .then(|| NetCamera::from_scale(c.x as f64, c.y as f64, c.scale as f64).to_hash())
        });
        if let Some(part) = part {
            crate::views::camera_hash::write_part("net", part.as_deref());
        }
    }

    /// Takes the hash's camera at once (a new engine; the visitor edited the hash).
    pub fn jump_to_hash(self: &Rc<Self>) {
        let Some(c) = NetCamera::from_hash(&crate::views::camera_hash::hash()) else {
            return;
        };
        if let Some(e) = self.engine.borrow_mut().as_mut() {
            e.camera = net_to_camera(c);
            e.user_camera = true;
        }
        self.redraw(true);
    }

    /// Glides to the hash's camera (a tour step), or to the whole graph when it has none: eased over
    /// `TRANSITION_MS`, at once with prefers-reduced-motion.
    pub fn glide_to_hash(self: &Rc<Self>) {
        let target = NetCamera::from_hash(&crate::views::camera_hash::hash());
        let path = {
            let mut guard = self.engine.borrow_mut();
            let Some(e) = guard.as_mut() else { return };
            let from = e.camera;
            let to = target.map(net_to_camera).unwrap_or_else(|| {
                e.fit();
                e.camera
            });
            e.camera = from;
            (
                camera_to_net(from),
                camera_to_net(to),
                crate::browser::now_ms(),
                target.is_none(),
            )
        };
        self.glide_path.set(Some(path));
        if crate::browser::reduced_motion() {
            self.glide_path.set(Some((path.1, path.1, 0.0, path.3)));
        }
        self.glide_frame();
    }

    /// One frame of a glide: moves the camera and draws (the layout loop draws while it runs).
    fn glide_frame(self: &Rc<Self>) {
        let Some((from, to, start, fit)) = self.glide_path.get() else {
            return;
        };
        let t = if start == 0.0 {
            1.0
        } else {
            (crate::browser::now_ms() - start) / TRANSITION_MS
        };
        let done = t >= 1.0;
        {
            let mut guard = self.engine.borrow_mut();
            let Some(e) = guard.as_mut() else { return };
            e.camera = net_to_camera(from.lerp(&to, ease(t)));
            e.user_camera = !(done && fit);
            if e.status != LayoutStatus::Running {
                crate::perf::timed("ecomap:network-frame", || e.draw(false));
                self.set_canvas_transform("");
            }
            self.report.show_camera(e);
        }
        if done {
            self.glide_path.set(None);
            crate::views::camera_hash::write_part("net", (!fit).then(|| to.to_hash()).as_deref());
            self.redraw(true);
        } else {
            let weak = Rc::downgrade(self);
            self.glide.replace(move || {
                if let Some(live) = weak.upgrade() {
                    live.glide_frame();
                }
            });
        }
    }

    /// The pause button: pauses the layout, or resumes or refines it (in the worker when there is one).
    pub fn toggle_pause(self: &Rc<Self>) {
        let resumed = {
            let mut guard = self.engine.borrow_mut();
            let Some(e) = guard.as_mut() else { return };
            let resumed = e.toggle_pause();
            let c = self.client.borrow();
            if let Some(worker) = c.as_ref().filter(|c| !c.failed()) {
                if resumed {
                    worker.resume();
                } else {
                    worker.pause();
                }
            }
            self.report.publish(e, true);
            resumed
        };
        if resumed {
            self.start_loop();
        }
    }

    /// "Refine the network layout" (settings panel): runs a finished layout on from where it is.
    pub fn refine(self: &Rc<Self>) {
        let done = self
            .engine
            .borrow()
            .as_ref()
            .is_some_and(|e| e.status == LayoutStatus::Done);
        if done {
            self.toggle_pause();
        }
    }

    /// "Show all": fits the camera to the shown nodes and follows the layout again.
    pub fn fit_all(self: &Rc<Self>) {
        if let Some(e) = self.engine.borrow_mut().as_mut() {
            e.fit();
            e.user_camera = false;
        }
        crate::views::camera_hash::write_part("net", None);
        self.redraw(true);
    }

    fn set_canvas_transform(&self, value: &str) {
        if let Some(stage) = self.stage() {
            set_canvas_transform(&stage, value);
        }
    }

    /// Draws the picture at once, whether the layout runs or rests (for printing: components/print.rs).
    pub fn draw_now(&self) {
        if let Some(engine) = self.engine.borrow_mut().as_mut() {
            engine.draw(false);
        }
    }

    /// The redraw frame: draws the picture at rest (while the layout runs, the loop draws) and publishes.
    fn draw_at_rest(&self, with_list: bool) {
        let mut guard = self.engine.borrow_mut();
        if let Some(engine) = guard.as_mut() {
            if engine.status != LayoutStatus::Running {
                // The worker's last positions after a pause (while running, the layout loop takes them).
                pump(engine, &self.client);
                crate::perf::timed("ecomap:network-draw", || engine.draw(false));
                self.set_canvas_transform("");
            }
            self.report.drawn.set(true);
            self.report.publish(engine, with_list);
        }
    }

    /// One frame of the layout loop: draws the worker's newest positions (or, without a worker, runs a slice
    /// of the layout here). True while the layout runs (the loop goes on).
    fn layout_frame(&self) -> bool {
        let report = self.report;
        let reduced = reduced_motion();
        let mut guard = self.engine.borrow_mut();
        let Some(engine) = guard.as_mut() else { return false };
        if engine.status != LayoutStatus::Running {
            return false;
        }
        let in_worker = remote(&self.client);
        let runner = if in_worker { "worker" } else { "page" };
        if report.runner.get_untracked() != runner {
            report.runner.set(runner);
        }
        // The layout's work on the main thread this frame (the benchmark reads it): taking the worker's
        // positions, or a slice of iterations without a worker.
        let (changed, stopped) = crate::perf::timed("ecomap:network-layout-step", || {
            if in_worker {
                pump(engine, &self.client).map_or((false, false), |stopped| (true, stopped))
            } else {
                (true, engine.run_slice(SLICE_MS, now))
            }
        });
        if stopped && !engine.user_camera {
            engine.fit();
        }
        // While the layout runs, the visitor's pan and zoom are drawn here (the camera has no rest).
        let camera_moved = engine.user_camera && engine.camera != engine.drawn;
        if (changed || camera_moved) && (stopped || !reduced) {
            crate::perf::timed("ecomap:network-frame", || engine.draw(!stopped));
            report.drawn.set(true);
        }
        if changed {
            report.publish(engine, stopped);
        }
        engine.status == LayoutStatus::Running
    }
}

fn net_to_camera(c: NetCamera) -> Camera {
    Camera {
        x: c.x as f32,
        y: c.y as f32,
        scale: c.scale() as f32,
    }
}

fn camera_to_net(c: Camera) -> NetCamera {
    NetCamera::from_scale(c.x as f64, c.y as f64, c.scale as f64)
}

/// The layout loop: one frame, and the next one while the layout runs.
fn tick(live: Weak<Live>) {
    let Some(live) = live.upgrade() else { return };
    if live.layout_frame() {
        let weak = Rc::downgrade(&live);
        live.tick.request(move || tick(weak));
    }
}

fn redraw_weak(live: &Weak<Live>, with_list: bool) {
    if let Some(live) = live.upgrade() {
        live.redraw(with_list);
    }
}

/// Whether the layout runs in the worker (it started and has not failed).
fn remote(client: &RefCell<Option<LayoutClient>>) -> bool {
    client.borrow().as_ref().is_some_and(|c| !c.failed())
}

/// Applies the newest positions from the worker, if any; Some(stopped) when there were some.
fn pump(engine: &mut Engine, client: &RefCell<Option<LayoutClient>>) -> Option<bool> {
    let guard = client.borrow();
    let c = guard.as_ref()?;
    let update = c.take()?;
    c.ack();
    Some(engine.apply_update(&update, now()))
}
