//! One row of the result list: the actor's kind mark, name, kind and region, and technologies. A click makes
//! it active and opens it; hovering it highlights the actor on the map.

use ecomap_core::model::{ActorId, Lang};
use ecomap_core::query::ResolvedFocus;
use leptos::prelude::*;

use crate::components::legend::KindMark;

use super::cursor::ListCursor;
use super::open_actor;
use super::window::ROW_HEIGHT;
use crate::i18n::kind_name;
use crate::state::{AppState, Loaded};

/// Where a row sits in the list and how it is marked.
pub struct RowPlace {
    pub index: usize,
    /// Rows in the list.
    pub of: usize,
    pub active: bool,
    /// The actor is open in the detail panel.
    pub focused: bool,
}

pub fn result_row(
    state: AppState,
    cursor: ListCursor,
    d: &Loaded,
    id: ActorId,
    place: RowPlace,
    lang: Lang,
) -> impl IntoView {
    let i = place.index;
    let a = d.ds.actor(id);
    let region = a
        .location
        .region
        .map(|r| d.ds.region(r).name.clone())
        .unwrap_or_default();
    let techs: Vec<String> = a
        .technologies
        .iter()
        .map(|t| d.ds.technology(*t).name.get(lang).to_string())
        .collect();
    let kind = a.kind;
    view! {
        <div class="result-row" role="option" id=format!("result-{i}") data-testid="result-row"
            data-actor=a.key.clone()
            aria-selected=place.active.to_string()
            aria-setsize=place.of.to_string() aria-posinset=(i + 1).to_string()
            class:active=place.active
            class:focused=place.focused
            class:linked=move || state.hovered.get() == Some(id)
            class:open=move || state.focus.get() == Some(ResolvedFocus::Actor(id))
            data-open=move || (state.focus.get() == Some(ResolvedFocus::Actor(id))).to_string()
            style:transform=format!("translateY({}px)", i as f64 * ROW_HEIGHT)
            on:click=move |_| { cursor.set_active(i); open_actor(state, id); }
            on:mouseenter=move |_| state.hovered.set(Some(id))
            on:mouseleave=move |_| state.hovered.set(None)>
            <KindMark kind=kind/>
            <span class="row-main">
                <span class="row-name">{a.name.clone()}</span>
                <span class="row-meta">{kind_name(kind, lang)}{(!region.is_empty()).then(|| format!(" · {region}"))}</span>
            </span>
            <span class="row-techs">{techs.join(", ")}</span>
        </div>
    }
}
