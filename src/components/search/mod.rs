//! The search box (in the page header, on every view): an ARIA combobox with suggestions as the visitor types.
//!
//! Typing sets the search text, which filters every view (as before), and lists the best actors, technologies
//! and regions (`ecomap_core::suggest`) in three groups. ArrowDown/ArrowUp move through them (wrapping; from a
//! closed list ArrowDown opens it), Enter chooses the active one, Escape closes the list (a second Escape is
//! the browser's own: it clears the field). Choosing replaces the typed text: an actor opens in the detail
//! panel (`AppState::open`), a technology or a region becomes a filter (`AppState::toggle_facet`). Enter with no
//! suggestion active keeps the text as the filter and closes the list. The list prevents `mousedown`, so the
//! focus stays in the field and a click or a tap chooses. Names from the data are rendered as text.

mod list;
mod texts;

use ecomap_core::facet::Facet;
use ecomap_core::model::Dataset;
use ecomap_core::query::Focus;
use ecomap_core::suggest::{suggest, Suggestion, SuggestionKind};
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::texts;
use crate::state::{use_app, AppState};

/// The id of the suggestion list (`aria-controls`).
const LISTBOX_ID: &str = "search-suggestions";

/// The id of the `i`-th suggestion is this and `i` (`aria-activedescendant`).
pub const OPTION_ID: &str = "search-option-";

/// The suggestions on screen (none: the list is closed) and the one the arrow keys moved to.
#[derive(Clone, Default)]
pub struct Shown {
    pub items: Vec<Suggestion>,
    pub active: Option<usize>,
}

impl Shown {
    fn chosen(&self) -> Option<Suggestion> {
        self.items.get(self.active?).copied()
    }
}

#[component]
pub fn SearchBox() -> impl IntoView {
    let state = use_app();
    let t = move || texts(state.lang.get());
    let text = Memo::new(move |_| state.query.with(|q| q.text.clone()));
    // Written only by the visitor's keystrokes and clicks (never by an effect).
    let shown = RwSignal::new(Shown::default());
    let close = move || shown.set(Shown::default());
    let on_key = move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
        key @ ("ArrowDown" | "ArrowUp") => {
            ev.prevent_default();
            let down = key == "ArrowDown";
            if shown.with_untracked(|s| s.items.is_empty()) {
                // A closed list opens on ArrowDown, on the first suggestion.
                if !down {
                    return;
                }
                text.with_untracked(|t| show(state, shown, t));
            }
            shown.update(|s| {
                if !s.items.is_empty() {
                    s.active = Some(step(s.active, s.items.len(), down));
                }
            });
        }
        "Enter" => {
            let chosen = shown.with_untracked(Shown::chosen);
            if chosen.is_some() {
                ev.prevent_default();
            }
            choose(state, shown, chosen);
        }
        "Escape" if shown.with_untracked(|s| !s.items.is_empty()) => {
            ev.prevent_default();
            close();
        }
        _ => {}
    };
    // One click handler for the list: the option under the pointer, by its id.
    let on_click = move |ev: web_sys::MouseEvent| {
        let option = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let option = option.and_then(|e| e.closest("[role=option]").ok().flatten());
        if let Some(i) = option.and_then(|o| o.id().strip_prefix(OPTION_ID).and_then(|i| i.parse::<usize>().ok())) {
            choose(state, shown, shown.with_untracked(|s| s.items.get(i).copied()));
        }
    };
    // The list's DOM, and the field's aria-expanded and aria-activedescendant, follow what is shown, the
    // language and the data (list.rs).
    let list_ref = NodeRef::<html::Div>::new();
    Effect::new(move |_| {
        let (Some(list), Some(d)) = (list_ref.get(), state.data.get()) else {
            return;
        };
        let lang = state.lang.get();
        shown.with(|s| list::render(list.previous_element_sibling(), &list, &d.0.ds, s, lang));
    });

    view! {
        <div class="search" role="search">
            <label for="search-input" id="search-label" class="visually-hidden">{move || t().search_label}</label>
            <input id="search-input" type="search" role="combobox" data-testid="search" autocomplete="off"
                spellcheck="false" aria-autocomplete="list" aria-controls=LISTBOX_ID
                aria-expanded="false"
                placeholder=move || t().search_placeholder
                prop:value=move || text.get()
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    show(state, shown, &value);
                    state.set_filters(|q| q.text = value);
                }
                on:keydown=on_key
                on:blur=move |_| close()/>
            <div id=LISTBOX_ID role="listbox" class="search-suggestions" data-testid="search-suggestions"
                aria-labelledby="search-label" node_ref=list_ref
                on:mousedown=|ev: web_sys::MouseEvent| ev.prevent_default() on:click=on_click></div>
        </div>
    }
}

/// Shows the suggestions for `text`, none active.
fn show(state: AppState, shown: RwSignal<Shown>, text: &str) {
    let items = state
        .data
        .with_untracked(|d| d.as_ref().map(|d| suggest(&d.0.ds, &d.0.idx, text)));
    shown.set(Shown {
        items: items.unwrap_or_default(),
        active: None,
    });
}

/// Closes the list and applies the chosen suggestion, if any.
fn choose(state: AppState, shown: RwSignal<Shown>, chosen: Option<Suggestion>) {
    shown.set(Shown::default());
    if let (Some(s), Some(d)) = (chosen, state.data.get_untracked()) {
        apply(state, &d.0.ds, s);
    }
}

/// The next active suggestion of `n` after `from` (none yet: the first or, going up, the last), wrapping.
fn step(from: Option<usize>, n: usize, down: bool) -> usize {
    match (from, down) {
        (None, true) => 0,
        (None, false) => n - 1,
        (Some(i), true) => (i + 1) % n,
        (Some(i), false) => (i + n - 1) % n,
    }
}

/// What choosing a suggestion does; it replaces the typed text. Nothing for an id `ds` does not have.
fn apply(state: AppState, ds: &Dataset, s: Suggestion) {
    let facet = match s.kind {
        SuggestionKind::Actor => {
            let Some(a) = ds.actors.get(s.id as usize) else { return };
            state.set_filters(|q| q.text.clear());
            state.open(Some(Focus::Actor(a.key.clone())));
            return;
        }
        SuggestionKind::Technology => Facet::Technology,
        SuggestionKind::Region => Facet::Region,
    };
    if s.id as usize >= facet.len(ds) {
        return;
    }
    state.set_filters(|q| q.text.clear());
    let key = facet.value_key(ds, s.id);
    if !state.query.with_untracked(|q| q.is_chosen(facet, key)) {
        state.toggle_facet(facet, key);
    }
}
