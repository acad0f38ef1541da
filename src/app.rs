//! The page: header, filter panel, view tabs with the result list, and the detail panel.
//!
//! Owns start-up: reads the URL into the Query, picks the language, starts loading the export.

use ecomap_core::model::Lang;
use ecomap_core::query::View;
use leptos::prelude::*;

use crate::components::chips::FilterChips;
use crate::components::detail::DetailPanel;
use crate::components::facets::FilterPanel;
use crate::components::header::Header;
use crate::components::loader::{DropZone, LoadStatus};
use crate::components::notices::Notices;
use crate::components::report::ReportPanel;
use crate::components::results::ResultList;
use crate::components::views::ViewTabs;
use crate::i18n::texts;
use crate::load::{self, DEFAULT_DATA};
use crate::state::AppState;
use crate::url;
use crate::views::charts::timeline::Timeline;
use crate::views::{charts::ChartsView, map::MapView, network::NetworkView};

/// The browser's preferred interface language (German when it asks for German, else English).
fn browser_lang() -> Lang {
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .and_then(|l| Lang::parse(&l))
        .unwrap_or(Lang::En)
}

#[component]
pub fn App() -> impl IntoView {
    let (query, notices) = url::read_location();
    let state = AppState::new(query, notices, browser_lang());
    provide_context(state);
    url::sync(state);

    // The page language follows the interface language (screen readers, hyphenation).
    Effect::new(move |_| {
        let lang = state.lang.get();
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if let Some(el) = doc.document_element() {
                let _ = el.set_attribute("lang", lang.code());
            }
            doc.set_title(texts(lang).app_title);
        }
    });

    // Load the export named by the URL (or the demo), and again when `?data=` changes.
    let data_url = Memo::new(move |_| state.query.with(|q| q.data.clone()));
    Effect::new(move |_| {
        let url = data_url.get().unwrap_or_else(|| DEFAULT_DATA.to_string());
        load::load_url(state, url);
    });

    let view = Memo::new(move |_| state.query.with(|q| q.view));
    view! {
        <DropZone>
            <a class="skip-link" href="#results">{move || texts(state.lang.get()).skip_to_results}</a>
            <Header/>
            <LoadStatus/>
            <Notices/>
            <ReportPanel/>
            <div class="layout">
                <FilterPanel/>
                <main class="main" id="main">
                    <Timeline/>
                    <ViewTabs/>
                    <FilterChips/>
                    <div class="view-body" role="tabpanel" id="view-panel" aria-labelledby=move || format!("tab-{}", view.get().key())>
                        {move || match view.get() {
                            View::List => ().into_any(),
                            View::Map => view! { <MapView/> }.into_any(),
                            View::Network => view! { <NetworkView/> }.into_any(),
                            View::Charts => view! { <ChartsView/> }.into_any(),
                        }}
                        <ResultList/>
                    </div>
                </main>
                <DetailPanel/>
            </div>
        </DropZone>
    }
}
