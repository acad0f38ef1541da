//! The result list: a virtualised, keyboard-navigable listbox of the selected actors.
//!
//! Only the rows in view (plus a margin) exist in the DOM (`window.rs`), so 50,000 results scroll smoothly.
//! Arrow keys, Page Up/Down, Home and End move the active row; Enter opens it in the detail panel
//! (`keyboard.rs`). The active row and the scroll position belong to one selection (`cursor.rs`).

mod cursor;
mod keyboard;
mod row;
mod window;

use ecomap_core::format;
use ecomap_core::model::ActorId;
use ecomap_core::query::{Focus, ResolvedFocus};
use leptos::html;
use leptos::prelude::*;

use crate::i18n::texts;
use crate::load::set_ready_marker;
use crate::perf;
use crate::state::{use_app, AppState};
use cursor::ListCursor;
use row::{result_row, RowPlace};
use window::ROW_HEIGHT;

#[component]
pub fn ResultList() -> impl IntoView {
    let state = use_app();
    let t = move || texts(state.lang.get());
    let scroller = NodeRef::<html::Div>::new();
    let cursor = ListCursor::following(state.selection);
    let height = window::watched_height(scroller);
    announce_results(state, scroller);

    let list_len = Memo::new(move |_| {
        state
            .selection
            .with(|s| s.as_ref().map(|s| s.0.list.len()).unwrap_or(0))
    });
    let rows_in_view = Memo::new(move |_| window::visible_rows(list_len.get(), cursor.scroll_top.get(), height.get()));
    let focused_actor = Memo::new(move |_| match state.focus.get() {
        Some(ResolvedFocus::Actor(a)) => Some(a),
        _ => None,
    });

    let rows = move || {
        let (first, last) = rows_in_view.get();
        let lang = state.lang.get();
        let n = list_len.get();
        let active = cursor.active.get();
        let focused = focused_actor.get();
        let (Some(d), Some(sel)) = (state.data.get(), state.selection.get()) else {
            return Vec::new();
        };
        (first..last)
            .filter_map(|i| {
                let id = *sel.0.list.get(i)?;
                let place = RowPlace {
                    index: i,
                    of: n,
                    active: i == active,
                    focused: focused == Some(id),
                };
                Some(result_row(state, cursor, &d.0, id, place, lang))
            })
            .collect::<Vec<_>>()
    };

    let count_label = move || {
        let lang = state.lang.get();
        format!("{} {}", format::int(list_len.get() as u64, lang), t().results)
    };

    view! {
        <section class="results" aria-labelledby="results-count">
            <p class="results-count" id="results-count" data-testid="results-count" aria-live="polite">{count_label}</p>
            <Show when=move || state.selection.with(|s| s.is_some()) && list_len.get() == 0>
                <p class="no-results" data-testid="no-results">{move || t().no_results}</p>
            </Show>
            <div class="result-scroller" id="results" node_ref=scroller tabindex="0" role="listbox"
                data-testid="results"
                aria-labelledby="results-count"
                aria-activedescendant=move || {
                    // Only a rendered row: scrolled out of the window, the active row has no element to name.
                    let (first, last) = rows_in_view.get();
                    let active = cursor.active.get();
                    (first..last).contains(&active).then(|| format!("result-{active}"))
                }
                title=move || t().list_hint
                on:scroll=move |_| {
                    if let Some(el) = scroller.get_untracked() {
                        cursor.set_scroll_top(el.scroll_top() as f64);
                    }
                }
                on:keydown=keyboard::key_handler(state, cursor, scroller, list_len, height)>
                <div class="result-spacer" style:height=move || format!("{}px", list_len.get() as f64 * ROW_HEIGHT)>
                    {rows}
                </div>
            </div>
        </section>
    }
}

/// A new selection tells tests and benchmarks that results are shown (`ecomap:filter`,
/// `ecomap:first-results`, `html[data-ready]`) and scrolls the list back to the top (the cursor reads the new
/// selection as row 0 at the top by itself).
fn announce_results(state: AppState, scroller: NodeRef<html::Div>) {
    Effect::new(move |_| {
        if state.selection.with(|s| s.is_some()) {
            perf::measure_from_mark("ecomap:filter", "ecomap:filter-start");
            if !first_results_recorded() {
                perf::measure_between("ecomap:first-results", 0.0, perf::now());
            }
            set_ready_marker("true");
            if let Some(el) = scroller.get_untracked() {
                el.set_scroll_top(0);
            }
        }
    });
}

/// Opens an actor in the detail panel.
fn open_actor(state: AppState, a: ActorId) {
    let key = state
        .data
        .with_untracked(|d| d.as_ref().map(|d| d.0.ds.actor(a).key.clone()));
    if let Some(key) = key {
        state.open(Some(Focus::Actor(key)));
    }
}

/// The actor in row `i` of the list.
fn actor_at(state: AppState, i: usize) -> Option<ActorId> {
    state
        .selection
        .with_untracked(|s| s.as_ref().and_then(|s| s.0.list.get(i).copied()))
}

/// True once `ecomap:first-results` has been measured on this page.
fn first_results_recorded() -> bool {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.get_entries_by_name("ecomap:first-results").length() > 0)
        .unwrap_or(false)
}
