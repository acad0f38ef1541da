//! The view tabs: list, map, network, charts.

use ecomap_core::query::View;
use leptos::prelude::*;

use crate::i18n::view_name;
use crate::state::use_app;

#[component]
pub fn ViewTabs() -> impl IntoView {
    let state = use_app();
    let current = Memo::new(move |_| state.query.with(|q| q.view));
    view! {
        <nav class="tabs" role="tablist" data-testid="view-tabs">
            {View::ALL.into_iter().map(|v| view! {
                <button type="button" role="tab" id=format!("tab-{}", v.key()) data-testid=format!("tab-{}", v.key())
                    aria-selected=move || (current.get() == v).to_string()
                    aria-controls="view-panel"
                    on:click=move |_| state.show(v)>
                    {move || view_name(v, state.lang.get())}
                </button>
            }).collect_view()}
        </nav>
    }
}
