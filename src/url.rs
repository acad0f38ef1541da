//! The URL as a serialisation of the Query: read at start and on back/forward, written on every change.
//!
//! Discrete changes (a facet, a focus, a view) push a history entry, so back/forward steps through them;
//! typing in the search box replaces the current entry instead of flooding the history. An embed replaces
//! every time: the host page's Back button leaves that page, it does not step through clicks in the frame. So
//! does a presentation: its tour steps (and a kiosk's endless loop) add no history entries.

use ecomap_core::query::{Query, QueryNotice};
use leptos::prelude::*;
use web_sys::UrlSearchParams;

use crate::state::AppState;

/// The query and notices from the page's current URL.
pub fn read_location() -> (Query, Vec<QueryNotice>) {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    parse_search(&search)
}

/// Parses a `?a=b&c=d` string.
pub fn parse_search(search: &str) -> (Query, Vec<QueryNotice>) {
    let Ok(params) = UrlSearchParams::new_with_str(search) else {
        return Query::from_params(std::iter::empty());
    };
    let mut pairs: Vec<(String, String)> = Vec::new();
    let entries = js_sys::try_iter(&params.entries()).ok().flatten();
    if let Some(entries) = entries {
        for entry in entries.flatten() {
            let arr = js_sys::Array::from(&entry);
            pairs.push((
                arr.get(0).as_string().unwrap_or_default(),
                arr.get(1).as_string().unwrap_or_default(),
            ));
        }
    }
    Query::from_params(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}

/// `?a=b&c=d` for a query ("" for the default query), percent-encoded by the browser.
pub fn to_search(q: &Query) -> String {
    let Ok(params) = UrlSearchParams::new() else {
        return String::new();
    };
    for (k, v) in q.to_params() {
        params.append(k, &v);
    }
    let s: String = params.to_string().into();
    if s.is_empty() {
        s
    } else {
        format!("?{s}")
    }
}

/// Keeps the URL and the Query in step, both ways.
pub fn sync(state: AppState) {
    // The address names its view from the start (replaced, no history entry): a copied address opens the same
    // view even when the start view changes.
    write(&state.query.get_untracked(), false);
    let guest = crate::browser::guest();
    let shell = use_context::<crate::shell::Shell>();
    let last = StoredValue::new(state.query.get_untracked());
    Effect::new(move |_| {
        let q = state.query.get();
        let prev = last.get_value();
        if prev == q {
            return;
        }
        last.set_value(q.clone());
        let only_text = {
            let mut a = prev.clone();
            a.text = q.text.clone();
            a == q
        };
        // A presentation replaces too: a tour that plays for hours must not fill the history.
        let presenting = shell.is_some_and(|s| s.presenting.get_untracked());
        write(&q, !only_text && !guest && !presenting);
    });
    let handle = window_event_listener(leptos::ev::popstate, move |_| {
        let (mut q, notices) = read_location();
        state.lock.with_value(|l| l.clamp(&mut q));
        last.set_value(q.clone());
        state.url_notices.set(notices);
        state.query.set(q);
    });
    on_cleanup(move || handle.remove());
}

fn write(q: &Query, push: bool) {
    let Some(window) = web_sys::window() else { return };
    let Ok(history) = window.history() else { return };
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let search = to_search(q);
    // A change the link does not show (a view option set to its default) adds no history entry.
    if push && location.search().is_ok_and(|s| s == search) {
        return;
    }
    let url = format!("{path}{search}{hash}");
    let _ = if push {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    };
}
