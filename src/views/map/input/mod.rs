//! Camera input of the map stage: pointer gestures (`pointer.rs`), keys (`keyboard.rs`), the zoom buttons,
//! and what activating a marker does. Handlers move the camera through the [`Scheduler`] or write the Query.

mod keyboard;
mod pointer;

use std::cell::RefCell;
use std::rc::Rc;

use ecomap_core::cluster::Item;
use ecomap_core::projection::{Camera, Css, Viewport};
use ecomap_core::query::Focus;
use leptos::prelude::*;

use super::scheduler::Scheduler;
use super::signals::MapSignals;
use super::SharedEngine;
use crate::state::AppState;
use crate::views::input_policy::Gestures;
use pointer::Gesture;

/// Event handlers of the map stage.
#[derive(Clone)]
pub struct Handlers {
    state: AppState,
    engine: SharedEngine,
    sched: Scheduler,
    sig: MapSignals,
    gesture: Rc<RefCell<Gesture>>,
    /// Whether a touch or wheel gesture is the camera's or the page's (`crate::views::input_policy`).
    pub gestures: Gestures,
}

impl Handlers {
    pub fn new(
        state: AppState,
        engine: SharedEngine,
        sched: Scheduler,
        sig: MapSignals,
        gestures: Gestures,
    ) -> Handlers {
        Handlers {
            state,
            engine,
            sched,
            sig,
            gesture: Rc::new(RefCell::new(Gesture::default())),
            gestures,
        }
    }

    fn cam(&self) -> Option<(Camera, Viewport)> {
        self.engine.borrow().as_ref().map(|e| (e.cam, e.vp))
    }

    /// Zooms by `dz` levels around the centre, to a whole zoom level.
    pub fn zoom_by(&self, dz: f64) {
        let Some((cam, vp)) = self.cam() else { return };
        let c = Css {
            x: vp.width / 2.0,
            y: vp.height / 2.0,
        };
        self.sched
            .set_camera(cam.zoomed_around(&vp, c, (cam.zoom + dz).round()));
    }

    /// Shows the whole of Berlin-Brandenburg.
    pub fn home(&self) {
        let cam = self.engine.borrow().as_ref().map(|e| e.home());
        if let Some(cam) = cam {
            self.sched.set_camera(cam);
        }
    }

    /// Shows every selected actor.
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
            .with_untracked(|d| d.as_ref()?.0.ds.actors.get(a.index()).map(|actor| actor.key.clone()));
        if let Some(key) = key {
            self.state.open(Some(Focus::Actor(key)));
        }
    }
}
