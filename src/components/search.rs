//! The search box: case- and diacritics-insensitive, prefix and substring ("universitat" finds "Universität").

use leptos::prelude::*;

use crate::i18n::texts;
use crate::state::use_app;

#[component]
pub fn SearchBox() -> impl IntoView {
    let state = use_app();
    let t = move || texts(state.lang.get());
    let text = Memo::new(move |_| state.query.with(|q| q.text.clone()));
    view! {
        <div class="search" role="search">
            <label for="search-input" class="visually-hidden">{move || t().search_label}</label>
            <input id="search-input" type="search" data-testid="search" autocomplete="off" spellcheck="false"
                placeholder=move || t().search_placeholder
                aria-controls="results"
                prop:value=move || text.get()
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    state.set_filters(|q| q.text = value);
                }/>
        </div>
    }
}
