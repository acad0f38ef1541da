//! The notes under the map about what it does not show: selected actors without coordinates (they are in the
//! list), and collaboration arcs left out because only the strongest are drawn (zoom in for the rest).

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

/// Said exactly when the last frame drew fewer arcs than have an end in view.
#[component]
pub fn ArcsLeftOutNote(drawn: RwSignal<usize>, in_view: RwSignal<usize>) -> impl IntoView {
    let state = use_app();
    let text = move || {
        let (d, all) = (drawn.get(), in_view.get());
        (d < all).then(|| {
            let lang = state.lang.get();
            let [a, b, c] = map_texts(lang).arcs_left_out;
            let n = |v: usize| ecomap_core::format::int(v as u64, lang);
            format!("{a}{}{b}{}{c}", n(d), n(all))
        })
    };
    move || text().map(|s| view! { <p class="map-missing" data-testid="map-arcs-left-out">{s}</p> })
}
