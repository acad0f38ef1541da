//! The network view (placeholder until its issue lands).

use leptos::prelude::*;

use crate::state::use_app;

#[component]
pub fn NetworkView() -> impl IntoView {
    let state = use_app();
    let text = move || match state.lang.get() {
        ecomap_core::model::Lang::De => crate::i18n::DE.placeholder_network,
        ecomap_core::model::Lang::En => crate::i18n::EN.placeholder_network,
    };
    view! { <p class="placeholder" data-testid="view-placeholder">{text}</p> }
}
