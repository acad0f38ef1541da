//! The note under the map about selected actors without coordinates: they are not on the map, but in the list.

use leptos::prelude::*;

use super::texts::map_texts;
use crate::state::use_app;

#[component]
pub fn NotOnMapNote(missing: Signal<usize>) -> impl IntoView {
    let state = use_app();
    let text = move || {
        let t = map_texts(state.lang.get());
        match missing.get() {
            0 => None,
            1 => Some(t.not_on_map_one.to_string()),
            n => Some(format!(
                "{} {}",
                ecomap_core::format::int(n as u64, state.lang.get()),
                t.not_on_map_many
            )),
        }
    };
    move || text().map(|s| view! { <p class="map-missing" data-testid="map-missing">{s}</p> })
}
