//! The printed report (docs/report.md): the header's "Print / save as PDF" button opens the browser's print
//! dialog; style/print.css turns the page into an A4 document, and the lines below (hidden on screen) write out
//! what a printout cannot show otherwise: the export's date, the active filters and the link back. The map's and
//! the network's WebGL canvases print blank, so public/print.js asks the views to draw at once (`DRAW_NOW`) and
//! puts a picture of each canvas in its place while printing.

use leptos::prelude::*;

use crate::i18n::texts;
use crate::state::use_app;

/// The event public/print.js sends before printing: each drawing view draws its picture at once, so that the
/// canvas still holds it when it is copied (a WebGL canvas is cleared once it has been shown).
pub const DRAW_NOW: &str = "ecomap:draw-now";

/// The header's print button.
#[component]
pub fn PrintButton() -> impl IntoView {
    let state = use_app();
    let print = |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <button type="button" class="print-button" data-testid="print" on:click=print
            aria-label=move || texts(state.lang.get()).print title=move || texts(state.lang.get()).print>
            {move || texts(state.lang.get()).print_short}
        </button>
    }
}

/// The printed page's lines under the figures: the data's date, the selection written out, the link.
#[component]
pub fn PrintHead() -> impl IntoView {
    let state = use_app();
    let lines = move || {
        let lang = state.lang.get();
        let t = texts(lang);
        let data = state.data.get();
        let ds = data.as_ref().map(|d| &d.0.ds);
        let date = ds.map(|ds| ds.meta.date.clone()).unwrap_or_default();
        let (selection, search) = state
            .query
            .with(|q| (crate::present::describe(ds, q, lang), crate::url::to_search(q)));
        // The address of this view (the URL bar follows the Query a moment later).
        let link = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .map(|href| format!("{}{search}", href.split(['?', '#']).next().unwrap_or_default()))
            .unwrap_or_default();
        view! {
            <p>{format!("{}: {date}", t.print_as_of)}</p>
            <p>{format!("{}: {selection}", t.print_filters)}</p>
            <p>{format!("{}: {link}", t.print_link)}</p>
        }
    };
    view! { <div class="print-head" data-testid="print-head">{lines}</div> }
}

/// While the page prints: the charts show their tables too (the printed report's data tables).
#[derive(Clone, Copy)]
pub struct Printing(pub RwSignal<bool>);

/// Provides `Printing`, true from the browser's `beforeprint` to its `afterprint`.
pub fn provide_printing() {
    let printing = RwSignal::new(false);
    provide_context(Printing(printing));
    let before = window_event_listener_untyped("beforeprint", move |_| printing.set(true));
    let after = window_event_listener_untyped("afterprint", move |_| printing.set(false));
    on_cleanup(move || {
        before.remove();
        after.remove();
    });
}

/// Calls `draw` whenever public/print.js asks the views to draw at once, while the calling view exists.
pub fn on_draw_now(draw: impl Fn() + 'static) {
    let handle = window_event_listener_untyped(DRAW_NOW, move |_| draw());
    on_cleanup(move || handle.remove());
}
