//! The offline note (docs/presenting.md, "Offline and USB"): "Offline – data as of <the export's date>" while
//! the browser is offline or the export came from the service worker's cache (public/sw.js marks such an
//! answer with the header `X-Ecomap-Offline`). The service worker itself is plain JS, registered by
//! public/loader.js in the full app only: nothing of it is in the wasm.

mod texts;

use leptos::prelude::*;

use crate::state::use_app;
use texts::{offline_as_of, offline_detail};

thread_local! {
    /// Whether the export on screen came from the service worker's cache.
    static FROM_CACHE: ArcRwSignal<bool> = ArcRwSignal::new(false);
}

/// Whether `resp` is the service worker's stored copy rather than the network's answer.
pub fn answered_from_cache(resp: &web_sys::Response) -> bool {
    resp.headers().has("x-ecomap-offline").unwrap_or(false)
}

/// Records where the export on screen came from (load.rs, once per loaded export).
pub fn set_from_cache(yes: bool) {
    FROM_CACHE.with(|s| s.set(yes));
}

fn browser_online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

/// The note, shown while offline or showing the stored export, once data is there.
#[component]
pub fn OfflineNote() -> impl IntoView {
    let state = use_app();
    let from_cache = FROM_CACHE.with(ArcRwSignal::clone);
    let online = RwSignal::new(browser_online());
    let on = window_event_listener(leptos::ev::online, move |_| online.set(true));
    let off = window_event_listener(leptos::ev::offline, move |_| online.set(false));
    on_cleanup(move || {
        on.remove();
        off.remove();
    });
    let date = Memo::new(move |_| state.data.with(|d| d.as_ref().map(|d| d.0.ds.meta.date.clone())));
    move || {
        let shown = !online.get() || from_cache.get();
        let date = date.get().filter(|_| shown)?;
        let lang = state.lang.get();
        Some(view! {
            <p class="offline-note" role="status" data-testid="offline-note" title=offline_detail(lang)>
                {format!("{} {date}", offline_as_of(lang))}
            </p>
        })
    }
}
