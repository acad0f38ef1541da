//! The page: header, filter panel, view tabs with the result list, and the detail panel; in embed mode the
//! slim bar, the chosen view and the panels the link names (src/shell/, docs/embedding.md); presenting, the
//! presentation's bar instead of the header (src/present/, docs/presenting.md).
//!
//! Owns start-up: reads the URL into the Query, picks the mode and the language, starts loading the export.

use ecomap_core::embed::Height;
use ecomap_core::model::Lang;
use ecomap_core::query::View;
use leptos::prelude::*;

use crate::components::detail::DetailPanel;
use crate::components::facets::FilterPanel;
use crate::components::header::Header;
use crate::components::loader::{DropZone, LoadStatus};
use crate::components::notices::Notices;
use crate::components::report::ReportPanel;
use crate::components::results::ResultList;
use crate::components::views::ViewBar;
use crate::i18n::texts;
use crate::load::{self, DEFAULT_DATA};
use crate::present::player::Presenter;
use crate::present::PresentBar;
use crate::shell::embed_bar::EmbedBar;
use crate::shell::texts::shell_texts;
use crate::shell::{Mode, Shell};
use crate::state::AppState;
use crate::url;
use crate::views::charts::timeline::Timeline;
use crate::views::insight::InsightView;
use crate::views::{charts::ChartsView, map::MapView, network::NetworkView};

/// The browser's preferred interface language (German when it asks for German, else English).
fn browser_lang() -> Lang {
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .and_then(|l| Lang::parse(&l))
        .unwrap_or(Lang::En)
}

/// Marks the root element for the stylesheet: the mode, the embed's height policy and panels, the theme.
fn mark_root(shell: Shell, state: AppState) {
    let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let _ = el.set_attribute("data-mode", shell.mode.key());
    let embed = state.query.with_untracked(|q| q.embed.clone());
    if let Some(theme) = embed.theme {
        let _ = el.set_attribute("data-theme", theme.key());
    }
    if shell.mode == Mode::Embed {
        let height = if embed.height == Some(Height::Auto) {
            "auto"
        } else {
            "fixed"
        };
        let _ = el.set_attribute("data-height", height);
        let _ = el.set_attribute("data-panels", &embed.panels.key());
    }
}

#[component]
pub fn App() -> impl IntoView {
    let (query, notices) = url::read_location();
    let mode = Mode::of(&query);
    let panels = query.embed.panels;
    if matches!(mode, Mode::Embed | Mode::Kiosk) {
        // Before anything reads or writes localStorage: an embed is a guest, and a kiosk's next visitor must
        // find nothing of the last one's.
        crate::browser::set_guest();
    }
    let state = AppState::new(query, notices, browser_lang());
    provide_context(state);
    let shell = Shell::new(mode, panels);
    provide_context(shell);
    url::sync(state);
    mark_root(shell, state);
    if mode == Mode::Embed {
        crate::embed::start(state);
    }
    let presenter = Presenter::new(state);
    provide_context(presenter);
    crate::components::print::provide_printing();
    crate::present::start(state, presenter);
    crate::kiosk::start(state, presenter);

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

    let full = mode != Mode::Embed;
    let view = Memo::new(move |_| state.query.with(|q| q.view));
    // One page for both modes (a second page would cost its own code): an embed swaps the header for its
    // slim bar, and style/main.css hides the parts it does not show (tabs, the filter button and panel, the
    // timeline, the list, the legend) unless its link names them.
    view! {
        <DropZone>
            // Presenting hides the header by the stylesheet (the editor's "Play" switches at any time).
            {if full {
                view! {
                    <a class="skip-link" href="#view-panel">{move || shell_texts(state.lang.get()).skip_to_view}</a>
                    <Header/>
                    <PresentBar/>
                }.into_any()
            } else {
                view! { <EmbedBar/> }.into_any()
            }}
            <LoadStatus/>
            <crate::offline::OfflineNote/>
            <Notices/>
            <crate::components::notices::DataNote/>
            <ReportPanel/>
            <div class="layout" class:filters-open=move || shell.filters_open.get()
                class:detail-open=move || state.focus.with(Option::is_some)>
                <FilterPanel/>
                <main class="main" id="main">
                    <ViewBar/>
                    <Timeline/>
                    // The view fills what is left of the screen; the list follows below it (in the list view it
                    // is the view), reached by scrolling the view body.
                    <div class="view-body" role="tabpanel" id="view-panel" tabindex="-1" data-view=move || view.get().key()
                        aria-labelledby=move || format!("tab-{}", view.get().key())>
                        {move || match view.get() {
                            View::List => ().into_any(),
                            View::Map => view! { <MapView/> }.into_any(),
                            View::Network => view! { <NetworkView/> }.into_any(),
                            View::Charts => view! { <ChartsView/> }.into_any(),
                            View::Profile => view! { <InsightView what="profile"/> }.into_any(),
                            View::Compare => view! { <InsightView what="compare"/> }.into_any(),
                            View::Regions => view! { <InsightView what="regions"/> }.into_any(),
                        }}
                        <ResultList/>
                    </div>
                </main>
                <DetailPanel/>
            </div>
        </DropZone>
    }
}
