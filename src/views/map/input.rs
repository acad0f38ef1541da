//! Camera input: drag, pinch, wheel, double-click, keys and buttons move the camera; a click opens an actor,
//! zooms into a cluster or filters by a region; hover shows a text tooltip.

use std::cell::RefCell;
use std::rc::Rc;

use ecomap_core::cluster::Item;
use ecomap_core::format;
use ecomap_core::projection::{Camera, Css, Viewport};
use ecomap_core::query::{Focus, Query};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::scheduler::Scheduler;
use super::texts::map_texts;
use super::{MapSignals, SharedEngine, Tip};
use crate::i18n::kind_name;
use crate::state::AppState;

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
            self.state.query.update(|q| q.focus = Some(Focus::Actor(key)));
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
            self.state.update_query(|q| Query::toggle(&mut q.regions, &key));
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
