//! Notices about the link: unknown or invalid URL parameters and keys the data does not have (ignored).

use leptos::prelude::*;

use crate::i18n::texts;
use crate::state::use_app;

#[component]
pub fn Notices() -> impl IntoView {
    let state = use_app();
    let dismissed = RwSignal::new(false);
    let messages = Memo::new(move |_| {
        let lang = state.lang.get();
        let mut all: Vec<String> = state
            .url_notices
            .with(|n| n.iter().map(|n| n.message(lang).to_string()).collect());
        all.extend(
            state
                .data_notices
                .with(|n| n.iter().map(|n| n.message(lang).to_string()).collect::<Vec<_>>()),
        );
        all
    });
    view! {
        <Show when=move || !dismissed.get() && !messages.with(|m| m.is_empty())>
            <section class="notice-bar" role="status" data-testid="link-notices">
                <strong>{move || texts(state.lang.get()).link_notices}": "</strong>
                <ul>{move || messages.get().into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                <button type="button" class="close" on:click=move |_| dismissed.set(true)
                    aria-label=move || texts(state.lang.get()).close>"×"</button>
            </section>
        </Show>
    }
}

/// Where the shown data comes from, whenever it is not the app's own export ("Data from example.org, not the
/// cluster's export"; `ecomap_core::provenance`): persistent, no close button, in every mode.
#[component]
pub fn DataNote() -> impl IntoView {
    let state = use_app();
    let note = move || {
        let lang = state.lang.get();
        let data = state.query.with(|q| q.data.clone());
        state.data.with(|d| {
            let source = &d.as_ref()?.0.source;
            let own = crate::site_config::own_origin();
            ecomap_core::provenance::origin_of(source, data.as_deref(), crate::load::DEFAULT_DATA, &own).note(lang)
        })
    };
    move || {
        note().map(|text| view! { <p class="notice-bar data-source" role="note" data-testid="data-source">{text}</p> })
    }
}
