//! The cameras in the URL hash (`#map=z/lat/lon&net=x,y,zoom`, read and written in
//! `ecomap_core::camera_hash`): each view writes its own part without a history entry and keeps the other's.
//! A tour step sets a part and announces it with the window event `ecomap:camera`; the map and the network
//! then glide to it (`listen`). Typing a hash or going back moves them too (hashchange, popstate).

use ecomap_core::camera_hash::with_hash_part;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// The event a tour step sends after it set the hash.
const EVENT: &str = "ecomap:camera";

/// The page's hash ("" when there is none).
pub fn hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Sets (or with `None` removes) the hash's `key=` part, without a history entry.
pub fn write_part(key: &str, part: Option<&str>) {
    let Some(w) = web_sys::window() else { return };
    let loc = w.location();
    let old = loc.hash().unwrap_or_default();
    let want = with_hash_part(&old, key, part);
    if old == want || (old == "#" && want.is_empty()) {
        return;
    }
    // A URL of the hash alone keeps the path and the query ("" drops the hash).
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&want));
    }
}

/// Tells the mounted view that a tour step set the hash's cameras.
pub fn announce() {
    if let (Some(w), Ok(ev)) = (web_sys::window(), web_sys::Event::new(EVENT)) {
        let _ = w.dispatch_event(&ev);
    }
}

/// Runs `glide` when a tour step announces a camera, `jump` when the visitor edits the hash or goes back or
/// forward, until the view is cleaned up.
pub fn listen(glide: impl Fn() + Clone + 'static, jump: impl Fn() + Clone + 'static) {
    let tour = window_event_listener_untyped(EVENT, move |_| glide());
    let jump2 = jump.clone();
    let hashchange = window_event_listener_untyped("hashchange", move |_| jump());
    let popstate = window_event_listener_untyped("popstate", move |_| jump2());
    on_cleanup(move || {
        tour.remove();
        hashchange.remove();
        popstate.remove();
    });
}
