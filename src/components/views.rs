//! The bar above every view: the button that opens or folds the filter panel (with the number of active
//! filters), the view tabs (map, list, network, charts) and the active filters as chips (beside the tabs where
//! they fit, so setting a filter does not move the view).

use ecomap_core::query::View;
use leptos::prelude::*;

use crate::components::chips::FilterChips;
use crate::i18n::view_name;
use crate::shell::texts::shell_texts;
use crate::shell::use_shell;
use crate::state::use_app;

#[component]
pub fn ViewBar() -> impl IntoView {
    let state = use_app();
    let shell = use_shell();
    let open = shell.filters_open;
    let active = Memo::new(move |_| state.query.with(|q| q.filter_count()));
    let label = move || {
        let t = shell_texts(state.lang.get());
        match active.get() {
            0 => t.filters_button.to_string(),
            n => format!("{} ({n})", t.filters_button),
        }
    };
    view! {
        <div class="view-bar">
            <button type="button" id="filters-button" class="filters-button" data-testid="filters-button"
                aria-expanded=move || open.get().to_string() aria-controls="filters"
                on:click=move |_| {
                    open.update(|o| *o = !*o);
                    // Into the drawer when it opens over the view (narrow screens), so a keyboard user is there.
                    if open.get_untracked() && !crate::browser::media_matches(crate::shell::WIDE) {
                        request_animation_frame(|| {
                            crate::browser::focus_id("filters-close");
                        });
                    }
                }>
                <span aria-hidden="true" class="filters-icon">"☰"</span>
                {label}
            </button>
            <ViewTabs/>
            <FilterChips/>
        </div>
    }
}

#[component]
pub fn ViewTabs() -> impl IntoView {
    let state = use_app();
    let current = Memo::new(move |_| state.query.with(|q| q.view));
    view! {
        <nav class="tabs" role="tablist" data-testid="view-tabs">
            {View::ALL.into_iter().map(|v| view! {
                <button type="button" role="tab" id=format!("tab-{}", v.key()) data-testid=format!("tab-{}", v.key())
                    aria-selected=move || (current.get() == v).to_string()
                    aria-controls="view-panel"
                    on:click=move |_| state.show(v)>
                    {move || view_name(v, state.lang.get())}
                </button>
            }).collect_view()}
        </nav>
    }
}
