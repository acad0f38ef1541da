//! The insight views (issue 17, docs/insight.md): a technology's ecosystem profile (`?view=profile&technology=`),
//! the comparison (`?view=compare&compare=ai,iot`), every technology's regional strengths and gaps
//! (`?view=regions`), and an actor's partner suggestions in its detail panel.
//!
//! Nothing here computes or renders: the figures come from the insight worker, a second wasm module
//! (crates/insight-worker), and its documents are rendered by `public/insight.js`, a small plain-DOM module
//! this view loads when it opens (never on the first view). The app's wasm carries only this view: a host
//! element whose attributes say what to show (the export's address, the page's URL query string with the
//! technology, the language, or a note instead), and its click handler, which opens the actor or technology
//! of a button in a document through the app's state. Why JS for the client and renderer: docs/size.md (the
//! same in Rust cost 3.5 KB brotli of the app's wasm, over its guard).

pub mod texts;

use ecomap_core::query::Focus;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::state::use_app;
use texts::insight_texts;

/// What a click in a document opens: the actor or technology of the button it hit (`data-actor`, `data-tech`).
fn clicked(ev: &web_sys::MouseEvent) -> Option<Focus> {
    let target: web_sys::Element = ev.target()?.dyn_into().ok()?;
    let button = target.closest("button[data-actor], button[data-tech]").ok()??;
    match (button.get_attribute("data-actor"), button.get_attribute("data-tech")) {
        (Some(a), _) => Some(Focus::Actor(a)),
        (None, Some(t)) => Some(Focus::Technology(t)),
        _ => None,
    }
}

/// An insight document: `what` is `profile`, `compare`, `regions` or `suggestions` (the worker's request and
/// the host's test marker).
#[component]
pub fn InsightView(what: &'static str) -> impl IntoView {
    let state = use_app();
    let profile = what == "profile";
    let host = NodeRef::<leptos::html::Div>::new();
    // Keeps the host's attributes in step with the Query; its value is the technology shown, kept while an
    // actor opened from the profile shows in the detail panel.
    Effect::new(move |last: Option<Option<String>>| {
        let mut tech = last.flatten();
        let Some(el) = host.get() else { return tech };
        let lang = state.lang.get();
        let it = insight_texts(lang);
        let (data, search) = state.query.with(|q| {
            match &q.focus {
                Some(Focus::Technology(k)) if profile => tech = Some(k.clone()),
                _ => {}
            }
            (
                q.data.clone().unwrap_or_else(|| crate::load::DEFAULT_DATA.to_string()),
                crate::url::to_search(q),
            )
        });
        // The worker fetches the export by the page's address for it; a visitor's own file (a source other
        // than the address) is posted to it instead: `file:NAME` (public/insight.js).
        let source = state.data.with(|d| d.as_ref().map(|d| d.0.source.clone()));
        let note = match (&source, &tech) {
            (None, _) => it.loading,
            (_, None) if profile => it.no_technology,
            _ => "",
        };
        let data = match source {
            Some(s) if s != data => format!("file:{s}"),
            _ => data,
        };
        // The technology last: it wins over an actor the detail panel shows (`Query::from_params`).
        let query = match &tech {
            Some(t) => format!("{search}&technology={}", String::from(js_sys::encode_uri_component(t))),
            None => search,
        };
        for (k, v) in [
            ("data-loading", it.loading),
            ("data-failed", it.failed),
            ("data-src", &data),
            ("data-query", &query),
            ("data-lang", lang.code()),
            ("data-note", note),
        ] {
            let _ = el.set_attribute(k, v);
        }
        tech
    });
    let on_click = move |ev: web_sys::MouseEvent| {
        if let Some(f) = clicked(&ev) {
            state.open(Some(f));
        }
    };
    view! {
        <div class="insight" data-testid=what data-insight=what node_ref=host on:click=on_click></div>
        <script type="module" src="insight.js"></script>
    }
}
