//! Loading UI: the progress bar, the failure message, and the two local ways in (drop a file, pick a file).

use ecomap_core::format;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::{load_error_message, texts};
use crate::load::{self, DEFAULT_DATA};
use crate::state::{use_app, LoadState};

/// Progress while the export downloads, "preparing" while it is parsed, the reason when it failed.
#[component]
pub fn LoadStatus() -> impl IntoView {
    let state = use_app();
    let t = move || texts(state.lang.get());
    let retry = move |_| {
        let url = state
            .query
            .with_untracked(|q| q.data.clone())
            .unwrap_or_else(|| DEFAULT_DATA.to_string());
        load::load_url(state, url);
    };
    move || match state.load.get() {
        LoadState::Ready => ().into_any(),
        LoadState::Downloading { source, loaded, total } => {
            let l = state.lang.get();
            let kb = |b: f64| format!("{} KB", format::int((b / 1024.0).round() as u64, l));
            let label = match total {
                Some(total) => format!("{} {} / {}", source, kb(loaded), kb(total)),
                None => format!("{} {}", source, kb(loaded)),
            };
            view! {
                <div class="load-status" role="status" data-testid="loading">
                    <label>{t().loading}" "
                        {match total {
                            Some(total) => view! { <progress max=total value=loaded></progress> }.into_any(),
                            None => view! { <progress></progress> }.into_any(),
                        }}
                    </label>
                    <span class="load-label">{label}</span>
                </div>
            }
            .into_any()
        }
        LoadState::Preparing { source } => view! {
            <div class="load-status" role="status" data-testid="preparing">
                <label>{t().preparing}" "<progress></progress></label>
                <span class="load-label">{source}</span>
            </div>
        }
        .into_any(),
        LoadState::Failed { source, error } => view! {
            <div class="load-status failed" role="alert" data-testid="load-error">
                <strong>{t().load_failed}</strong>" ("<code>{source}</code>"): "
                {move || load_error_message(&error, state.lang.get())}
                " "<button type="button" on:click=retry>{t().retry}</button>
            </div>
        }
        .into_any(),
    }
}

/// Wraps the page: a JSON file dropped anywhere is read locally and loaded; not in an embed, whose data is
/// the host's choice (a file dropped there is refused like by any page: nothing happens).
#[component]
pub fn DropZone(children: Children) -> impl IntoView {
    let state = use_app();
    let over = RwSignal::new(false);
    let guest = crate::shell::use_shell().mode == crate::shell::Mode::Embed;
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        over.set(false);
        if guest {
            return;
        }
        let file = ev.data_transfer().and_then(|dt| dt.files()).and_then(|f| f.get(0));
        if let Some(file) = file {
            load::load_file(state, file);
        }
    };
    view! {
        <div class="drop-zone" class:drag-over=move || over.get()
            on:dragover=move |ev: web_sys::DragEvent| { ev.prevent_default(); over.set(!guest); }
            on:dragleave=move |_| over.set(false)
            on:drop=on_drop>
            {children()}
            <div class="drop-hint" aria-hidden="true">{move || texts(state.lang.get()).drop_here}</div>
        </div>
    }
}

/// "Open your own file": a file input styled as a button; the file never leaves the browser.
#[component]
pub fn FilePicker() -> impl IntoView {
    let state = use_app();
    let t = move || texts(state.lang.get());
    let on_change = move |ev: web_sys::Event| {
        let input = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(input) = input {
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                load::load_file(state, file);
            }
            input.set_value("");
        }
    };
    view! {
        <label class="file-picker button" title=move || t().local_only>
            {move || t().open_file}
            <input type="file" accept=".json,application/json" data-testid="file-input" class="visually-hidden" on:change=on_change/>
        </label>
    }
}
