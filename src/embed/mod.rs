//! Embed mode in the app (issue 14, docs/embedding.md): a good guest on another site's page. Nothing is kept
//! in localStorage (`browser::set_guest`) and the history is only replaced (`url.rs`); the frame tells its host
//! what happens (`ecomap:ready`, `height`, `selection`, `focus`, `view`, built in `ecomap_core::embed::messages`)
//! and takes filters from it (`incoming.rs`: `ecomap:setQuery`, from the origins `config.json` allows, within
//! the lock); its WebGL contexts are given back while it is hidden or far out of view (`park.rs`).

mod incoming;
mod park;

use std::cell::Cell;
use std::rc::Rc;

use ecomap_core::embed::messages;
use ecomap_core::query::{Focus, View};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::state::AppState;

/// Posts an event to the host page (nothing when the page is not framed). The payload carries nothing
/// secret, so any host may read it (`"*"`; the configuration may narrow it later).
fn post(json: &str) {
    let Some(w) = web_sys::window() else { return };
    let Ok(Some(parent)) = w.parent() else { return };
    if JsValue::from(&parent) == JsValue::from(&w) {
        return;
    }
    if let Ok(msg) = js_sys::JSON::parse(json) {
        let _ = parent.post_message(&msg, "*");
    }
}

/// Starts the embed's guest behaviour and its messages; called once at start in embed mode.
pub fn start(state: AppState) {
    let configured = RwSignal::new(false);
    incoming::listen(state, configured);
    park::watch();
    announce(state, configured);
    if state.query.with_untracked(|q| q.embed.auto_height()) {
        report_height();
    }
}

/// `ecomap:ready` once the data is shown and the origins are known, then `ecomap:selection` on every new
/// selection, `ecomap:focus` and `ecomap:view` on every change.
fn announce(state: AppState, configured: RwSignal<bool>) {
    let ready = Rc::new(Cell::new(false));
    Effect::new(move |_| {
        let sel = state.selection.get();
        let (Some(sel), true) = (sel, configured.get()) else {
            return;
        };
        if !ready.replace(true) {
            post(&messages::ready(state.query.with_untracked(|q| q.view)));
        }
        state.data.with_untracked(|d| {
            let Some(d) = d else { return };
            let ids = sel.0.list.iter().map(|&a| d.0.ds.actor(a).key.as_str());
            post(&messages::selection(
                sel.0.actor_count(),
                sel.0.projects.count_ones() as usize,
                ids,
            ));
        });
    });
    // One effect for both: it runs on every change of the Query and posts what changed.
    Effect::new(move |prev: Option<(View, Option<Focus>)>| {
        let now = state.query.with(|q| (q.view, q.focus.clone()));
        if let Some((view, focus)) = &prev {
            if *focus != now.1 {
                post(&messages::focus(now.1.as_ref()));
            }
            if *view != now.0 {
                post(&messages::view(now.0));
            }
        }
        now
    });
}

/// `height=auto`: the page is laid out at its natural height (style/main.css) and every change of it is
/// posted as `ecomap:height`. Watches for the page's lifetime.
fn report_height() {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let last = Rc::new(Cell::new(0u32));
    let el = root.clone();
    let watch = crate::browser::ResizeWatch::new(&root, move || {
        let h = el.get_bounding_client_rect().height().ceil().max(0.0) as u32;
        if h != last.replace(h) {
            post(&messages::height(h));
        }
    });
    // The page never unmounts the app: the watch lives as long as the page.
    std::mem::forget(watch);
}
