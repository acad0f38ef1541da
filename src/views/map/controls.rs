//! The map's toolbar on the stage: zoom in, zoom out, the whole region, zoom to the selection.

use leptos::prelude::*;

use super::input::Handlers;
use super::texts::map_texts;
use crate::state::use_app;

#[component]
pub fn MapControls(handlers: Handlers) -> impl IntoView {
    let state = use_app();
    let t = move || map_texts(state.lang.get());
    let (zoom_in, zoom_out, home, fit) = (handlers.clone(), handlers.clone(), handlers.clone(), handlers);
    view! {
        <div class="map-controls" role="group">
            <button type="button" data-testid="map-zoom-in" aria-label=move || t().zoom_in title=move || t().zoom_in
                on:click=move |_| zoom_in.zoom_by(1.0)>"+"</button>
            <button type="button" data-testid="map-zoom-out" aria-label=move || t().zoom_out title=move || t().zoom_out
                on:click=move |_| zoom_out.zoom_by(-1.0)>"−"</button>
            <button type="button" data-testid="map-reset" title=move || t().reset
                on:click=move |_| home.home()>{move || t().reset}</button>
            <button type="button" data-testid="map-fit" title=move || t().fit_selection
                on:click=move |_| fit.fit()>{move || t().fit_selection}</button>
        </div>
    }
}
