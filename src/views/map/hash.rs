//! The camera in the URL hash (`#map=z/lat/lon`): read on start and when the visitor edits it or goes back,
//! written with `history.replaceState` (no history entry) when the camera rests. The query part of the URL
//! stays as url.rs wrote it.

use ecomap_core::projection::Camera;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::scheduler::Scheduler;

/// The camera in the URL hash, if any.
pub fn hash_camera() -> Option<Camera> {
    let hash = web_sys::window()?.location().hash().ok()?;
    Camera::from_hash(&hash)
}

/// Writes the camera into the hash without a history entry.
pub fn write_hash(cam: &Camera) {
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

/// Moves the camera when the visitor edits the hash or goes back or forward, until the view is cleaned up.
pub fn follow_hash_changes(scheduler: &Scheduler) {
    let on_hash = {
        let scheduler = scheduler.clone();
        move |_: web_sys::Event| scheduler.follow_hash()
    };
    let hashchange = window_event_listener_untyped("hashchange", on_hash.clone());
    let popstate = window_event_listener_untyped("popstate", on_hash);
    on_cleanup(move || {
        hashchange.remove();
        popstate.remove();
    });
}
