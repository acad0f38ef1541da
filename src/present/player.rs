//! The tour player (`Presenter`, provided as context): loads a tour, shows a step by setting the Query (the one
//! path every change takes: `AppState::set_within_lock`, then url.rs writes the link) and the hash's camera
//! (the views glide to it, `crate::views::camera_hash`), and moves on by the step's duration unless paused.
//! The step logic is core's `tour::player::Player`.
//!
//! The kiosk reuses it: `start(tour, true)` plays a loop from the first step, `restart()` goes back to the
//! first step (an idle reset), `stop()` ends it.

use ecomap_core::tour::player::{Action, Player};
use ecomap_core::tour::{StepCamera, Tour};
use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::state::AppState;
use crate::views::camera_hash;

/// The tour a presentation plays when its link names none.
pub const DEFAULT_TOUR: &str = "tours/demo.json";

/// Where loading the tour stands.
#[derive(Clone, Debug, PartialEq)]
pub enum TourStatus {
    Idle,
    Loading,
    Playing,
    Failed(String),
}

#[derive(Clone, Copy)]
pub struct Presenter {
    state: AppState,
    pub tour: RwSignal<Option<Tour>>,
    pub player: RwSignal<Player>,
    pub status: RwSignal<TourStatus>,
    /// Counts the steps shown (the progress bar restarts with each).
    pub shown: RwSignal<u32>,
    timer: StoredValue<Option<TimeoutHandle>, LocalStorage>,
}

impl Presenter {
    pub fn new(state: AppState) -> Presenter {
        Presenter {
            state,
            tour: RwSignal::new(None),
            player: RwSignal::new(Player::new(1, false)),
            status: RwSignal::new(TourStatus::Idle),
            shown: RwSignal::new(0),
            timer: StoredValue::new_local(None),
        }
    }

    /// Downloads the tour at `url` (relative to the page) and plays it from the first step.
    pub fn load(self, url: String, looping: bool) {
        self.status.set(TourStatus::Loading);
        leptos::task::spawn_local(async move {
            match fetch_text(&url)
                .await
                .and_then(|t| Tour::load(&t).map_err(|e| e.to_string()))
            {
                Ok(tour) => self.start(tour, looping),
                Err(e) => self.status.set(TourStatus::Failed(format!("{url}: {e}"))),
            }
        });
    }

    /// Plays `tour` from its first step (`looping`: the first step follows the last, the kiosk's attract loop).
    pub fn start(self, tour: Tour, looping: bool) {
        self.player.set(Player::new(tour.steps.len(), looping));
        self.tour.set(Some(tour));
        self.status.set(TourStatus::Playing);
        self.show_step();
    }

    /// Back to the first step, playing.
    pub fn restart(self) {
        self.player.update(Player::restart);
        self.show_step();
    }

    /// Ends the tour (the page stays as its last step left it).
    pub fn stop(self) {
        self.cancel_timer();
        self.tour.set(None);
        self.status.set(TourStatus::Idle);
    }

    /// A visitor's key, swipe or button.
    pub fn act(self, action: Action) {
        if self.tour.with_untracked(Option::is_none) {
            return;
        }
        let mut p = self.player.get_untracked();
        let moved = p.act(action);
        self.player.set(p);
        if moved.is_some() {
            self.show_step();
        } else if action == Action::TogglePause {
            self.arm_timer();
        }
    }

    /// Shows the player's step: the camera into the hash, then the step's Query (keeping the page's mode,
    /// language, data and tour), then the views are told to glide; the timer starts anew.
    fn show_step(self) {
        let i = self.player.get_untracked().index();
        let Some(step) = self
            .tour
            .with_untracked(|t| t.as_ref().and_then(|t| t.steps.get(i).cloned()))
        else {
            return;
        };
        crate::perf::mark("ecomap:tour-step");
        let camera = step.camera();
        match step.view() {
            ecomap_core::query::View::Map => {
                let part = camera.filter(|c| matches!(c, StepCamera::Map(_))).map(|c| c.to_hash());
                camera_hash::write_part("map", part.as_deref());
            }
            ecomap_core::query::View::Network => {
                let part = camera.filter(|c| matches!(c, StepCamera::Net(_))).map(|c| c.to_hash());
                camera_hash::write_part("net", part.as_deref());
            }
            _ => {}
        }
        let now = self.state.query.get_untracked();
        let mut q = step.to_query();
        q.page_mode = now.page_mode;
        q.lang = now.lang;
        q.data = now.data;
        q.tour = now.tour;
        q.embed = now.embed;
        self.state.set_within_lock(q);
        camera_hash::announce();
        self.shown.update(|n| *n += 1);
        self.arm_timer();
    }

    fn cancel_timer(self) {
        if let Some(h) = self.timer.try_update_value(Option::take).flatten() {
            h.clear();
        }
    }

    /// Starts the step's timer anew (nothing while paused or resting on the last step).
    fn arm_timer(self) {
        self.cancel_timer();
        let p = self.player.get_untracked();
        if !p.auto_advances() {
            return;
        }
        let secs = self.tour.with_untracked(|t| {
            t.as_ref()
                .and_then(|t| t.steps.get(p.index()))
                .map_or(10.0, |s| s.duration)
        });
        let handle = set_timeout_with_handle(
            move || {
                self.timer.set_value(None);
                self.act(Action::Next);
            },
            std::time::Duration::from_millis((secs * 1000.0) as u64),
        )
        .ok();
        self.timer.set_value(handle);
    }
}

/// The presenter from context.
pub fn use_presenter() -> Presenter {
    expect_context::<Presenter>()
}

/// Downloads a text file (same origin or CORS), the HTTP status as an error.
async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let resp = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| "network error".to_string())?;
    let resp: web_sys::Response = resp.dyn_into().map_err(|_| "no response".to_string())?;
    if !resp.ok() {
        return Err(format!("HTTP {}", resp.status()));
    }
    let text = resp.text().map_err(|_| "unreadable".to_string())?;
    JsFuture::from(text)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| "unreadable".to_string())
}
