//! The header's "Share" button and its dialog (docs/embedding.md): copy the link to the current view; build an
//! embed (view, panels, lock the current filters, theme, language, height) with a live preview and the two
//! snippets, a plain `<iframe>` and the loader. A modal `<dialog>`: Escape closes it and the focus returns to
//! the button. Snippets are text in read-only fields, built by `link.rs`.
//!
//! Lean on purpose (the wasm size budget): the dialog and its content are plain DOM built when it opens
//! (`content.rs`), with its texts fixed for that time (the page behind a modal dialog cannot change the
//! language), and one listener on the dialog does all the work. Measured: the whole feature as `view!`s cost
//! 14.4 KB brotli of wasm, this way 8.6 KB.

pub(crate) mod content;
pub mod link;
mod texts;

use ecomap_core::model::Lang;
use ecomap_core::query::View;
use leptos::prelude::*;
use link::{self as share, EmbedOptions, PANELS};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::browser::element_by_id;
use crate::i18n::texts as app_texts;
use crate::state::{use_app, AppState};
use texts::share_texts;

/// The theme choices' values (`theme=`; "" follows the system).
const THEMES: [&str; 3] = ["", "light", "dark"];

#[component]
pub fn ShareButton() -> impl IntoView {
    let state = use_app();
    view! {
        <button type="button" id="share-button" data-testid="share" aria-haspopup="dialog"
            on:click=move |_| open(state)>{move || share_texts(state.lang.get()).share}</button>
    }
}

/// Fills the dialog (made on first use, at the end of the body: a modal dialog lies above the page) and opens it.
fn open(state: AppState) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let dialog = doc
        .get_element_by_id("share-dialog")
        .or_else(|| make_dialog(&doc, state));
    let Some(dialog) = dialog.and_then(|d| d.dyn_into::<web_sys::HtmlDialogElement>().ok()) else {
        return;
    };
    let lang = state.lang.get_untracked();
    let q = state.query.get_untracked();
    content::build(&dialog, share_texts(lang), lang, &q, &location_href());
    update(state);
    let _ = dialog.show_modal();
}

/// The `<dialog>` with one listener for what happens in it: `change` (an option: new link and snippets),
/// `click` (a copy button or ×, by their `data-action`) and `close` (Escape or ×: the content and its preview
/// go, the focus returns to the button). Made once per page; the listener lives as long as the page.
fn make_dialog(doc: &web_sys::Document, state: AppState) -> Option<web_sys::Element> {
    let d = doc.create_element("dialog").ok()?;
    for (k, v) in [
        ("id", "share-dialog"),
        ("class", "share-dialog"),
        ("data-testid", "share-dialog"),
        ("aria-labelledby", "share-title"),
    ] {
        let _ = d.set_attribute(k, v);
    }
    let handle = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| match ev.type_().as_str() {
        "change" => update(state),
        "click" => clicked(&ev, state),
        _ => {
            if let Some(d) = element_by_id("share-dialog") {
                d.set_text_content(None);
            }
            crate::browser::focus_id("share-button");
        }
    });
    for name in ["change", "click", "close"] {
        let _ = d.add_event_listener_with_callback(name, handle.as_ref().unchecked_ref());
    }
    handle.forget();
    doc.body()?.append_child(&d).ok()?;
    Some(d)
}

/// A click on × closes the dialog; on a copy button copies its field.
fn clicked(ev: &web_sys::Event, state: AppState) {
    let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    let Some(action) = target.and_then(|t| t.closest("[data-action]").ok().flatten()) else {
        return;
    };
    match action.get_attribute("data-action").as_deref() {
        Some("close") => {
            if let Some(d) = element_by_id("share-dialog").and_then(|d| d.dyn_into::<web_sys::HtmlDialogElement>().ok())
            {
                d.close();
            }
        }
        Some(field) => copy(field.to_string(), share_texts(state.lang.get_untracked())),
        None => {}
    }
}

/// Reads the form and writes the preview's address and the snippets.
fn update(state: AppState) {
    let o = read_form();
    let href = location_href();
    let app = share::app_base(&href);
    let url = state
        .query
        .with_untracked(|q| share::embed_url(app, &share::embed_params(q, &o)));
    let title = state.data.with_untracked(|d| {
        d.as_ref()
            .map(|d| d.0.ds.meta.title.get(o.lang).to_string())
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| app_texts(o.lang).app_title.to_string())
    });
    if let Some(f) = element_by_id("share-preview") {
        let _ = f.set_attribute("src", &url);
    }
    set_value("share-iframe", &share::iframe_snippet(&url, &title, o.height));
    set_value("share-loader", &share::loader_snippet(&url, &title, app));
}

fn set_value(id: &str, text: &str) {
    if let Some(f) = element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
        f.set_value(text);
    }
}

/// The form's options as they stand.
fn read_form() -> EmbedOptions {
    let value = |id: &str| {
        element_by_id(id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlSelectElement>().ok())
            .map(|s| s.value())
            .unwrap_or_default()
    };
    let checked = |id: &str| {
        element_by_id(id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
            .is_some_and(|i| i.checked() && !i.disabled())
    };
    EmbedOptions {
        view: View::parse(&value("share-view")).unwrap_or_default(),
        panels: PANELS
            .into_iter()
            .filter(|p| checked(&format!("share-panel-{p}")))
            .collect(),
        lock: checked("share-lock"),
        theme: THEMES.into_iter().find(|t| !t.is_empty() && *t == value("share-theme")),
        lang: Lang::parse(&value("share-lang")).unwrap_or_default(),
        height: value("share-height").parse().ok(),
        chart: ecomap_core::embed::Chart::parse(&value("share-chart")),
    }
}

/// The page's address now (the URL follows the Query).
fn location_href() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// Copies a field's text with the clipboard; where there is none (a plain-http page on another host) or it
/// refuses, selects the text for the keyboard's copy. Says which in the field's status line.
fn copy(id: String, t: &'static texts::ShareTexts) {
    let Some(field) = element_by_id(&id) else { return };
    let text = match (
        field.dyn_ref::<web_sys::HtmlTextAreaElement>(),
        field.dyn_ref::<web_sys::HtmlInputElement>(),
    ) {
        (Some(a), _) => a.value(),
        (_, Some(i)) => i.value(),
        _ => return,
    };
    let status = |id: &str, s: &str| {
        if let Some(e) = element_by_id(&format!("{id}-status")) {
            e.set_text_content(Some(s));
        }
    };
    let field_id = id.clone();
    let select = move || {
        let _ = field.focus();
        if let Some(f) = field.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            f.select();
        } else if let Some(f) = field.dyn_ref::<web_sys::HtmlInputElement>() {
            f.select();
        }
        status(&field_id, t.press_copy);
    };
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else {
        return;
    };
    if js_sys::Reflect::get(&nav, &"clipboard".into()).map_or(true, |c| c.is_undefined()) {
        return select();
    }
    let done = nav.clipboard().write_text(&text);
    wasm_bindgen_futures::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(done).await {
            Ok(_) => status(&id, t.copied),
            Err(_) => select(),
        }
    });
}
