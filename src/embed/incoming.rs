//! Messages from the host page: only `ecomap:setQuery` (new filters, applied within the lock), only from the
//! origins `config.json` allows (`messageOrigins`; the frame's own origin always), checked against the schema
//! in `ecomap_core::embed::messages`. Anything else is ignored with one console notice per kind (never an
//! error: a host page's other scripts may post messages too).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use ecomap_core::embed::messages::{self, Incoming, Origins, Reject};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::state::AppState;

/// The app's configuration beside index.html (relative: the app may live under a path prefix).
const CONFIG: &str = "config.json";

thread_local! {
    /// The kinds of ignored messages already noted on the console (one bit per `Reject`).
    static NOTED: Cell<u8> = const { Cell::new(0) };
}

fn info(text: &str) {
    web_sys::console::info_1(&JsValue::from_str(text));
}

/// Says once per kind why messages are ignored.
fn note(r: Reject) {
    let bit = 1u8 << r as u8;
    if NOTED.with(|n| n.replace(n.get() | bit)) & bit == 0 {
        info(r.notice());
    }
}

/// The origins `config.json` allows; `None` when it is missing or unreadable.
async fn read_config() -> Option<Origins> {
    let resp = JsFuture::from(web_sys::window()?.fetch_with_str(CONFIG)).await.ok()?;
    let resp: web_sys::Response = resp.dyn_into().ok()?;
    if !resp.ok() {
        return None;
    }
    let text = JsFuture::from(resp.text().ok()?).await.ok()?.as_string()?;
    Origins::from_config(&text)
}

/// Reads the configuration (then sets `configured`) and listens for the host's messages for the page's
/// lifetime. Until the configuration is read only the frame's own origin is accepted.
pub fn listen(state: AppState, configured: RwSignal<bool>) {
    let origins: Rc<RefCell<Origins>> = Rc::new(RefCell::new(Origins::List(Vec::new())));
    let read = origins.clone();
    leptos::task::spawn_local(async move {
        match read_config().await {
            Some(o) => *read.borrow_mut() = o,
            None => info(
                "ecomap: config.json is missing or unreadable: messages are accepted only from this frame's own origin",
            ),
        }
        configured.set(true);
    });
    let own = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    let handle = window_event_listener_untyped("message", move |ev: web_sys::Event| {
        let Ok(ev) = ev.dyn_into::<web_sys::MessageEvent>() else {
            return;
        };
        if !origins.borrow().allows(&ev.origin(), &own) {
            return note(Reject::Origin);
        }
        // The data as JSON text (a structured clone of anything; what JSON cannot hold is refused).
        let json = js_sys::JSON::stringify(&ev.data()).ok().and_then(|s| s.as_string());
        match json.as_deref().map(messages::parse_incoming) {
            Some(Ok(Incoming::SetQuery(filters))) => {
                let mut q = state.query.get_untracked();
                messages::apply_filters(&mut q, &filters);
                state.set_within_lock(q);
            }
            Some(Err(r)) => note(r),
            None => note(Reject::NotObject),
        }
    });
    // The listener lives as long as the page (the app never unmounts).
    std::mem::forget(handle);
}
