//! The embed's slim bar (instead of the app's header): the data's title, the credits (the export's date and
//! what in it is invented) and "Open in the full explorer", a link to the whole app with the current state
//! (filters, view, focus, the map's camera) without the embed options, in a new tab.

use leptos::prelude::*;

use crate::i18n::texts;
use crate::shell::texts::shell_texts;
use crate::state::use_app;

/// The explorer's address for the current state: this page's, without the embed options; the hash (the map's
/// camera) as it is now.
fn explorer_href(search: &str) -> String {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    format!("./{search}{hash}")
}

#[component]
pub fn EmbedBar() -> impl IntoView {
    let state = use_app();
    let lang = state.lang;
    let search = Memo::new(move |_| state.query.with(|q| crate::url::to_search(&q.without_embed())));
    let title = move || {
        state.data.with(|d| {
            d.as_ref()
                .map(|d| d.0.ds.meta.title.get(lang.get()).to_string())
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| texts(lang.get()).app_title.to_string())
        })
    };
    let credits = move || {
        state.data.with(|d| {
            let d = d.as_ref()?;
            let t = texts(lang.get());
            let actors = &d.0.ds.actors;
            let note = match (actors.iter().any(|a| a.fictional), actors.iter().all(|a| a.fictional)) {
                (true, true) => t.invented_note,
                (true, false) => t.demo_note,
                _ => "",
            };
            let date = &d.0.ds.meta.date;
            Some(
                format!("{} {date} · {note}", shell_texts(lang.get()).data_as_of)
                    .trim_end_matches(" · ")
                    .to_string(),
            )
        })
    };
    // The camera moves without a change of the Query: the hash is read again when the link is used.
    let refresh = move |ev: web_sys::MouseEvent| {
        use wasm_bindgen::JsCast;
        if let Some(a) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        {
            a.set_href(&explorer_href(&search.get_untracked()));
        }
    };
    view! {
        <header class="embed-bar" data-testid="embed-bar">
            <p class="embed-title" data-testid="title">{title}</p>
            <p class="embed-credits muted" data-testid="embed-credits">{credits}</p>
            <a class="embed-open" data-testid="open-explorer" target="_blank" rel="noopener"
                href=move || explorer_href(&search.get())
                on:click=refresh on:auxclick=refresh on:contextmenu=refresh>
                {move || shell_texts(lang.get()).open_explorer}
                <span class="visually-hidden">{move || format!(" ({})", shell_texts(lang.get()).new_tab)}</span>
                <span aria-hidden="true">" ↗"</span>
            </a>
        </header>
    }
}
