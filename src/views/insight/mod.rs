//! The insight views (issue 17, docs/insight.md): a technology's ecosystem profile (`?view=profile&technology=`).
//!
//! Nothing here computes: the figures come from the insight worker, a second wasm module
//! (crates/insight-worker) that this view starts when it opens and terminates when it closes, so the app's own
//! wasm carries only this view, the worker client (`client.rs`) and the generic renderer (`render.rs`). The
//! worker imports the export itself and answers each request (the page's Query as its URL query string, the
//! language) with a ready-to-render document; centrality follows in a second answer.

mod client;
mod render;
pub mod texts;

use ecomap_core::query::Focus;
use leptos::prelude::*;

use crate::state::{use_app, AppState};
use client::InsightClient;
use texts::insight_texts;

/// What the view owns: the technology shown (kept while an actor opened from the profile shows in the detail
/// panel) and the worker with the export it imported (replaced when the data changes, dropped on cleanup).
#[derive(Default)]
struct Live {
    technology: Option<String>,
    client: Option<(String, InsightClient)>,
}

impl Live {
    /// Asks the worker for the profile the Query names, or shows why there is none.
    fn sync(&mut self, host: web_sys::Element, state: AppState) {
        let lang = state.lang.get();
        let it = insight_texts(lang);
        let (data, search) = state.query.with(|q| {
            if let Some(Focus::Technology(k)) = &q.focus {
                self.technology = Some(k.clone());
            }
            let mut q = q.clone();
            q.focus = self.technology.clone().map(Focus::Technology);
            (
                q.data.clone().unwrap_or_else(|| crate::load::DEFAULT_DATA.to_string()),
                crate::url::to_search(&q),
            )
        });
        let Some(d) = state.data.get() else {
            return render::message(&host, it.loading, true);
        };
        if self.technology.is_none() {
            return render::message(&host, it.no_technology, false);
        }
        // The worker fetches the export by the page's address for it; a visitor's own file has none.
        if d.0.source != data {
            return render::message(&host, it.no_file, false);
        }
        if self.client.as_ref().is_none_or(|(u, _)| *u != data) {
            render::message(&host, it.loading, true);
            self.client = InsightClient::spawn(&data, host, it.failed).map(|w| (data, w));
        }
        if let Some((_, w)) = &self.client {
            w.profile(&search, lang.code());
        }
    }
}

#[component]
pub fn ProfileView() -> impl IntoView {
    let state = use_app();
    let host = NodeRef::<leptos::html::Div>::new();
    let live: StoredValue<Live, LocalStorage> = StoredValue::new_local(Live::default());
    Effect::new(move |_| {
        if let Some(el) = host.get() {
            live.update_value(|l| l.sync(el.into(), state));
        }
    });
    on_cleanup(move || live.update_value(|l| l.client = None));
    let on_click = move |ev: web_sys::MouseEvent| {
        if let Some(f) = render::clicked(&ev) {
            state.open(Some(f));
        }
    };
    view! { <div class="insight" data-testid="profile" node_ref=host on:click=on_click></div> }
}
