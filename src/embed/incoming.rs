//! Messages from the host page: only `ecomap:setQuery` (new filters, applied within the lock), only from the
//! origins `config.json` allows (`messageOrigins`; the frame's own origin always), checked against the schema
//! in `ecomap_core::embed::messages`. Anything else is ignored with one console notice per kind (never an
//! error: a host page's other scripts may post messages too).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use ecomap_core::config::Config;
use ecomap_core::embed::messages::{self, Incoming, Reject};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::state::AppState;

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

/// Reads the configuration (then sets `configured`) and listens for the host's messages for the page's
/// lifetime. Until the configuration is read only the frame's own origin is accepted.
pub fn listen(state: AppState, configured: RwSignal<bool>) {
    // Until (or unless) the configuration is read: only the frame's own origin.
    let config: Rc<RefCell<Option<Config>>> = Rc::new(RefCell::new(None));
    let read = config.clone();
    leptos::task::spawn_local(async move {
        match crate::site_config::read().await {
            Some(c) => *read.borrow_mut() = Some(c),
            None => info(
                "ecomap: config.json is missing or invalid: messages are accepted only from this frame's own origin",
            ),
        }
        configured.set(true);
    });
    let own = crate::site_config::own_origin();
    let handle = window_event_listener_untyped("message", move |ev: web_sys::Event| {
        let Ok(ev) = ev.dyn_into::<web_sys::MessageEvent>() else {
            return;
        };
        let from = ev.origin();
        let allowed = from == own || config.borrow().as_ref().is_some_and(|c| c.accepts_message(&from, &own));
        if !allowed {
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
