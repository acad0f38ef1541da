//! The accessible alternative to the canvas: the visible markers (largest first, at most 200) as a list of
//! buttons over the canvas, each at its marker's place; a button does what clicking its marker does. They are
//! invisible until one has the keyboard focus: then it is the focus ring around its marker (style/map.css),
//! the same for both renderers.

use ecomap_core::cluster::Item;
use leptos::__reexports::send_wrapper::SendWrapper;
use leptos::prelude::*;

use super::input::Handlers;
use super::signals::MarkerInfo;
use super::texts::map_texts;
use crate::state::use_app;

/// At most this many markers are mirrored as buttons.
const LISTED_MARKERS: usize = 200;

#[component]
pub fn MarkerList(items: RwSignal<Vec<MarkerInfo>>, handlers: Handlers) -> impl IntoView {
    let state = use_app();
    let t = move || map_texts(state.lang.get());
    // Reactive children must be Send; the handlers (Rc inside) only ever live on the main thread.
    let handlers = SendWrapper::new(handlers);
    view! {
        <ul class="map-items" data-testid="map-items" aria-label=move || t().map_label>
            {move || {
                let lang = state.lang.get();
                let t = t();
                let names = state.data.get();
                items.get().into_iter().take(LISTED_MARKERS).map(|m| {
                    let label = match m.item {
                        // The items were drawn from the data of their frame: right after new data arrives (and
                        // before the next frame) an id may not be in it; such a row stays empty for that frame.
                        Item::Actor(a) => names
                            .as_ref()
                            .and_then(|d| d.0.ds.actors.get(a.index()))
                            .map(|actor| actor.name.clone())
                            .unwrap_or_default(),
                        Item::Cluster(_) => format!("{} {} · {}", ecomap_core::format::int(m.count as u64, lang), t.actors, t.cluster_hint),
                    };
                    let kind = if matches!(m.item, Item::Cluster(_)) { "cluster" } else { "actor" };
                    let h = handlers.clone();
                    let item = m.item;
                    view! {
                        <li><button type="button" data-testid="map-item" data-kind=kind data-count=m.count.to_string()
                            data-x=format!("{:.1}", m.x) data-y=format!("{:.1}", m.y)
                            style:left=format!("{:.0}px", m.x) style:top=format!("{:.0}px", m.y)
                            style:width=format!("{:.0}px", 2.0 * m.r + 12.0)
                            on:click=move |_| h.activate(item)>{label}</button></li>
                    }
                }).collect_view()
            }}
        </ul>
    }
}
