//! Camera input and frame scheduling: drag, pinch, wheel, double-click, keys and buttons move the camera;
//! a click opens an actor, zooms into a cluster or filters by a region; hover shows a text tooltip.
//!
//! Drawing is debounced to one frame (`Scheduler::request`); when the camera rests, its hash is written.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use ecomap_core::cluster::Item;
use ecomap_core::facet::Facet;
use ecomap_core::format;
use ecomap_core::projection::{Camera, Css, Viewport};
use ecomap_core::query::Focus;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use super::texts::map_texts;
use super::{MapSignals, MarkerInfo, SharedEngine, Tip};
use crate::i18n::kind_name;
use crate::state::AppState;
use crate::views::resize::ResizeWatch;
use crate::views::schedule::{FrameSlot, TimerSlot};

/// localStorage key that forces the Canvas 2D renderer ("canvas2d"), for tests and weak GPUs.
pub const RENDERER_KEY: &str = "ecomap.map.renderer";
/// How long the camera must stay still before the hash is written.
const REST: Duration = Duration::from_millis(250);

pub fn viewport_of(el: &web_sys::HtmlElement) -> Viewport {
    let dpr = web_sys::window().map(|w| w.device_pixel_ratio()).unwrap_or(1.0);
    Viewport {
        width: (el.client_width() as f64).max(1.0),
        height: (el.client_height() as f64).max(1.0),
        dpr: if dpr.is_finite() && dpr > 0.0 { dpr } else { 1.0 },
    }
}

pub fn storage_get(key: &str) -> Option<String> {
    web_sys::window()?.local_storage().ok()??.get_item(key).ok()?
}

pub fn force_canvas2d() -> bool {
    storage_get(RENDERER_KEY).as_deref() == Some("canvas2d")
}

/// The camera in the URL hash, if any.
pub fn hash_camera() -> Option<Camera> {
    let hash = web_sys::window()?.location().hash().ok()?;
    Camera::from_hash(&hash)
}

/// Writes the camera into the hash without a history entry (the query part stays as url.rs wrote it).
fn write_hash(cam: &Camera) {
    let Some(w) = web_sys::window() else { return };
    let loc = w.location();
    let want = format!("#{}", cam.to_hash());
    if loc.hash().ok().as_deref() == Some(want.as_str()) {
        return;
    }
    let url = format!(
        "{}{}{}",
        loc.pathname().unwrap_or_default(),
        loc.search().unwrap_or_default(),
        want
    );
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

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

#[derive(Default)]
struct Gesture {
    /// Pointers down: id and last position (CSS px).
    pointers: Vec<(i32, f64, f64)>,
    start: (f64, f64),
    moved: bool,
}

/// Event handlers of the map stage.
#[derive(Clone)]
pub struct Handlers {
    state: AppState,
    engine: SharedEngine,
    sched: Scheduler,
    sig: MapSignals,
    g: Rc<RefCell<Gesture>>,
}

fn pos(ev: &web_sys::MouseEvent) -> (f64, f64) {
    (ev.offset_x() as f64, ev.offset_y() as f64)
}

impl Handlers {
    pub fn new(state: AppState, engine: SharedEngine, sched: Scheduler, sig: MapSignals) -> Handlers {
        Handlers {
            state,
            engine,
            sched,
            sig,
            g: Rc::new(RefCell::new(Gesture::default())),
        }
    }

    fn cam(&self) -> Option<(Camera, Viewport)> {
        self.engine.borrow().as_ref().map(|e| (e.cam, e.vp))
    }

    pub fn down(&self, ev: web_sys::PointerEvent) {
        if ev.button() != 0 && ev.pointer_type() == "mouse" {
            return;
        }
        if let Some(t) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
            let _ = t.set_pointer_capture(ev.pointer_id());
        }
        let (x, y) = pos(&ev);
        let mut g = self.g.borrow_mut();
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
        let mut g = self.g.borrow_mut();
        let Some(i) = g.pointers.iter().position(|p| p.0 == id) else {
            drop(g);
            self.hover(x, y);
            return;
        };
        let Some((cam, vp)) = self.cam() else { return };
        let new_cam = if g.pointers.len() >= 2 {
            // Pinch: zoom by the change of distance around the old midpoint, then follow the midpoint.
            let other = g.pointers[1 - i.min(1)];
            let (ox, oy) = (other.1, other.2);
            let (px, py) = (g.pointers[i].1, g.pointers[i].2);
            let d0 = ((px - ox).powi(2) + (py - oy).powi(2)).sqrt().max(1.0);
            let d1 = ((x - ox).powi(2) + (y - oy).powi(2)).sqrt().max(1.0);
            let m0 = Css {
                x: (px + ox) / 2.0,
                y: (py + oy) / 2.0,
            };
            let (mx, my) = ((x + ox) / 2.0, (y + oy) / 2.0);
            g.moved = true;
            cam.zoomed_around(&vp, m0, cam.zoom + (d1 / d0).log2())
                .panned(mx - m0.x, my - m0.y)
        } else {
            let (dx, dy) = (x - g.pointers[i].1, y - g.pointers[i].2);
            if !g.moved && ((x - g.start.0).powi(2) + (y - g.start.1).powi(2)) > 16.0 {
                g.moved = true;
            }
            if !g.moved {
                return;
            }
            cam.panned(dx, dy)
        };
        g.pointers[i] = (id, x, y);
        drop(g);
        self.sched.set_camera(new_cam);
    }

    pub fn up(&self, ev: web_sys::PointerEvent, is_up: bool) {
        let (x, y) = pos(&ev);
        let mut g = self.g.borrow_mut();
        let was = g.pointers.len();
        g.pointers.retain(|p| p.0 != ev.pointer_id());
        let click = is_up && was == 1 && g.pointers.is_empty() && !g.moved;
        drop(g);
        if click {
            self.click(x, y);
        }
    }

    pub fn leave(&self) {
        if !self.g.borrow().pointers.is_empty() {
            return;
        }
        self.sig.tip.set(None);
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

    pub fn key(&self, ev: web_sys::KeyboardEvent) {
        let Some((cam, _)) = self.cam() else { return };
        const STEP: f64 = 100.0;
        let new_cam = match ev.key().as_str() {
            "ArrowLeft" => cam.panned(STEP, 0.0),
            "ArrowRight" => cam.panned(-STEP, 0.0),
            "ArrowUp" => cam.panned(0.0, STEP),
            "ArrowDown" => cam.panned(0.0, -STEP),
            "+" | "=" => {
                ev.prevent_default();
                return self.zoom_by(1.0);
            }
            "-" | "_" => {
                ev.prevent_default();
                return self.zoom_by(-1.0);
            }
            "0" => {
                ev.prevent_default();
                return self.home();
            }
            _ => return,
        };
        ev.prevent_default();
        self.sched.set_camera(new_cam);
    }

    pub fn zoom_by(&self, dz: f64) {
        let Some((cam, vp)) = self.cam() else { return };
        let c = Css {
            x: vp.width / 2.0,
            y: vp.height / 2.0,
        };
        self.sched
            .set_camera(cam.zoomed_around(&vp, c, (cam.zoom + dz).round()));
    }

    pub fn home(&self) {
        let cam = self.engine.borrow().as_ref().map(|e| e.home());
        if let Some(cam) = cam {
            self.sched.set_camera(cam);
        }
    }

    pub fn fit(&self) {
        let cam = self.engine.borrow().as_ref().map(|e| e.fit_selection());
        if let Some(cam) = cam {
            self.sched.set_camera(cam);
        }
    }

    /// What clicking a marker does: a cluster zooms in until it splits; an actor opens in the detail panel.
    pub fn activate(&self, item: Item) {
        let cam = match item {
            Item::Actor(a) => return self.focus(a),
            Item::Cluster(c) => {
                let e = self.engine.borrow();
                e.as_ref().and_then(|e| {
                    let idx = e.index.as_ref()?;
                    let f = idx.cluster(c)?;
                    let z = (idx.expansion_zoom(c) as f64).max(e.cam.zoom.floor() + 1.0);
                    Some(Camera { center: f.at, zoom: z })
                })
            }
        };
        if let Some(cam) = cam {
            self.sig.tip.set(None);
            self.sched.set_camera(cam);
        }
    }

    fn focus(&self, a: ecomap_core::model::ActorId) {
        let key = self
            .state
            .data
            .with_untracked(|d| d.as_ref().map(|d| d.0.ds.actor(a).key.clone()));
        if let Some(key) = key {
            self.state.open(Some(Focus::Actor(key)));
        }
    }

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

    fn hover(&self, x: f64, y: f64) {
        let lang = self.state.lang.get_untracked();
        let t = map_texts(lang);
        let (tip, region_changed) = {
            let mut e = self.engine.borrow_mut();
            let Some(e) = e.as_mut() else { return };
            let marker = e.scene.marker_at(x as f32, y as f32).map(|m| m.item);
            let mut lines = Vec::new();
            let mut region = None;
            match marker {
                Some(Item::Actor(a)) => {
                    self.state.data.with_untracked(|d| {
                        if let Some(d) = d {
                            let actor = d.0.ds.actor(a);
                            lines.push(actor.name.clone());
                            lines.push(kind_name(actor.kind, lang).to_string());
                            let n = d.0.idx.actor_projects(a).len();
                            lines.push(format!("{} {}", format::int(n as u64, lang), t.projects));
                        }
                    });
                }
                Some(Item::Cluster(c)) => {
                    if let Some(f) = e.index.as_ref().and_then(|i| i.cluster(c)) {
                        lines.push(format!("{} {}", format::int(f.count as u64, lang), t.actors));
                        let mut kinds: Vec<(u32, ecomap_core::model::ActorKind)> = ecomap_core::model::ActorKind::ALL
                            .iter()
                            .map(|&k| (f.kinds[k.index()], k))
                            .filter(|x| x.0 > 0)
                            .collect();
                        kinds.sort_by_key(|k| std::cmp::Reverse(k.0));
                        lines.push(
                            kinds
                                .iter()
                                .map(|(n, k)| format!("{} {}", format::int(*n as u64, lang), kind_name(*k, lang)))
                                .collect::<Vec<_>>()
                                .join(" · "),
                        );
                        lines.push(t.cluster_hint.to_string());
                    }
                }
                None => {
                    region = e.region_at(x, y);
                    if let Some(key) = region {
                        let name = ecomap_core::regions::region_info(key).map(|i| i.name).unwrap_or(key);
                        lines.push(name.to_string());
                        if let Some(s) = e.region_slot(key) {
                            let n = e.region_actors[s] as u64;
                            lines.push(format!("{} {}", format::int(n, lang), t.actors));
                        }
                        lines.push(t.region_hint.to_string());
                    }
                }
            }
            let changed = e.hovered_region != region;
            e.hovered_region = region;
            let vp = e.vp;
            let tip = (!lines.is_empty()).then(|| Tip {
                x: (x + 14.0).min(vp.width - 200.0).max(0.0),
                y: (y + 14.0).min(vp.height - 80.0).max(0.0),
                lines,
            });
            (tip, changed)
        };
        self.sig.tip.set(tip);
        if region_changed {
            self.sched.request();
        }
    }
}
