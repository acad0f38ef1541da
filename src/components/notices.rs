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
