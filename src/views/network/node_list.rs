//! The visually hidden list of the most important shown nodes, for screen readers and keyboard users:
//! focusing an entry moves the focus ring to its node, activating it opens the node's details.

use leptos::prelude::*;

use super::detail::{node_ref, open_detail};
use super::engine::ListItem;
use super::texts::texts;
use crate::state::AppState;

#[component]
pub fn NodeList(
    state: AppState,
    items: RwSignal<Vec<ListItem>>,
    /// Set to the node whose entry got the focus.
    list_focus: RwSignal<Option<u32>>,
) -> impl IntoView {
    let t = move || texts(state.lang.get());
    view! {
        <div class="visually-hidden">
            <h3>{move || t().nodes}</h3>
            <ul data-testid="network-nodes">
                <For each=move || items.get() key=|it| (it.node, (it.x * 10.0) as i64, (it.y * 10.0) as i64, (it.r * 10.0) as i64) let:it>
                    {
                        let node = it.node;
                        let label = if it.technology {
                            format!("{} ({})", it.name, t().technology)
                        } else {
                            it.name.clone()
                        };
                        view! {
                            <li>
                                <button
                                    type="button"
                                    data-node=node
                                    data-x=format!("{:.1}", it.x)
                                    data-y=format!("{:.1}", it.y)
                                    data-r=format!("{:.1}", it.r)
                                    on:focus=move |_| list_focus.set(Some(node))
                                    on:click=move |_| {
                                        if let Some(data) = state.data.get_untracked() {
                                            let n = node_ref(&data.0.ds, node);
                                            open_detail(state, &data.0.ds, n);
                                        }
                                    }
                                >
                                    {label}
                                </button>
                            </li>
                        }
                    }
                </For>
            </ul>
        </div>
    }
}
