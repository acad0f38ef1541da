//! The result list: a virtualised, keyboard-navigable listbox of the selected actors.
//!
//! Only the rows in view (plus a margin) exist in the DOM, so 50,000 results scroll smoothly. Arrow keys,
//! Page Up/Down, Home and End move the active row; Enter opens it in the detail panel.

use ecomap_core::format;
use ecomap_core::model::ActorId;
use ecomap_core::query::{Focus, ResolvedFocus};
use leptos::html;
use leptos::prelude::*;

use crate::i18n::{kind_name, texts};
use crate::load::set_ready_marker;
use crate::perf;
use crate::state::use_app;

/// Height of one row in CSS pixels (kept equal to `.result-row` in style/main.css).
const ROW_HEIGHT: f64 = 56.0;
/// Rows rendered above and below the visible ones.
const OVERSCAN: usize = 8;

#[component]
pub fn ResultList() -> impl IntoView {
    let state = use_app();
    let t = move || texts(state.lang.get());
    let scroller = NodeRef::<html::Div>::new();
    let scroll_top = RwSignal::new(0.0_f64);
    let viewport = RwSignal::new(600.0_f64);
    let active = RwSignal::new(0_usize);

    let list_len = Memo::new(move |_| {
        state
            .selection
            .with(|s| s.as_ref().map(|s| s.0.list.len()).unwrap_or(0))
    });

    // A new selection starts at the top, and tells tests and benchmarks that results are shown.
    Effect::new(move |_| {
        if state.selection.with(|s| s.is_some()) {
            perf::measure_from_mark("ecomap:filter", "ecomap:filter-start");
            if !first_results_recorded() {
                perf::measure_between("ecomap:first-results", 0.0, perf::now());
            }
            set_ready_marker("true");
            active.set(0);
            if let Some(el) = scroller.get_untracked() {
                el.set_scroll_top(0);
            }
            scroll_top.set(0.0);
        }
    });

    let measure = move || {
        if let Some(el) = scroller.get_untracked() {
            viewport.set(el.client_height() as f64);
        }
    };
    Effect::new(move |_| {
        if scroller.get().is_some() {
            measure();
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());

    let window = Memo::new(move |_| {
        let n = list_len.get();
        let first = ((scroll_top.get() / ROW_HEIGHT) as usize).saturating_sub(OVERSCAN);
        let count = (viewport.get() / ROW_HEIGHT).ceil() as usize + 2 * OVERSCAN;
        (first.min(n), (first + count).min(n))
    });

    let open = move |a: ActorId| {
        let key = state
            .data
            .with_untracked(|d| d.as_ref().map(|d| d.0.ds.actor(a).key.clone()));
        if let Some(key) = key {
            state.open(Some(Focus::Actor(key)));
        }
    };
    let actor_at = move |i: usize| {
        state
            .selection
            .with_untracked(|s| s.as_ref().and_then(|s| s.0.list.get(i).copied()))
    };

    let move_active = move |to: usize| {
        let n = list_len.get_untracked();
        if n == 0 {
            return;
        }
        let to = to.min(n - 1);
        active.set(to);
        if let Some(el) = scroller.get_untracked() {
            let top = to as f64 * ROW_HEIGHT;
            let h = el.client_height() as f64;
            let cur = el.scroll_top() as f64;
            if top < cur {
                el.set_scroll_top(top as i32);
            } else if top + ROW_HEIGHT > cur + h {
                el.set_scroll_top((top + ROW_HEIGHT - h) as i32);
            }
        }
    };
    let page = move || ((viewport.get_untracked() / ROW_HEIGHT) as usize).max(1);
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let cur = active.get_untracked();
        match ev.key().as_str() {
            "ArrowDown" => move_active(cur + 1),
            "ArrowUp" => move_active(cur.saturating_sub(1)),
            "PageDown" => move_active(cur + page()),
            "PageUp" => move_active(cur.saturating_sub(page())),
            "Home" => move_active(0),
            "End" => move_active(usize::MAX),
            "Enter" | " " => {
                if let Some(a) = actor_at(cur) {
                    open(a);
                }
            }
            _ => return,
        }
        ev.prevent_default();
    };

    let focused_actor = Memo::new(move |_| match state.focus.get() {
        Some(ResolvedFocus::Actor(a)) => Some(a),
        _ => None,
    });

    let rows = move || {
        let (first, last) = window.get();
        let lang = state.lang.get();
        let n = list_len.get();
        let cur = active.get();
        let focused = focused_actor.get();
        let (Some(d), Some(sel)) = (state.data.get(), state.selection.get()) else {
            return Vec::new();
        };
        (first..last)
            .filter_map(|i| {
                let id = *sel.0.list.get(i)?;
                let a = d.0.ds.actor(id);
                let region = a.location.region.map(|r| d.0.ds.region(r).name.clone()).unwrap_or_default();
                let techs: Vec<String> = a.technologies.iter().map(|t| d.0.ds.technology(*t).name.get(lang).to_string()).collect();
                let kind = a.kind;
                Some(view! {
                    <div class="result-row" role="option" id=format!("result-{i}") data-testid="result-row"
                        data-actor=a.key.clone()
                        aria-selected=(i == cur).to_string()
                        aria-setsize=n.to_string() aria-posinset=(i + 1).to_string()
                        class:active=i == cur
                        class:focused=focused == Some(id)
                        style=format!("transform: translateY({}px)", i as f64 * ROW_HEIGHT)
                        on:click=move |_| { active.set(i); open(id); }
                        on:mouseenter=move |_| state.hovered.set(Some(id))
                        on:mouseleave=move |_| state.hovered.set(None)>
                        <span class=format!("kind-mark kind-{}", kind.key()) aria-hidden="true"></span>
                        <span class="row-main">
                            <span class="row-name">{a.name.clone()}</span>
                            <span class="row-meta">{kind_name(kind, lang)}{(!region.is_empty()).then(|| format!(" · {region}"))}</span>
                        </span>
                        <span class="row-techs">{techs.join(", ")}</span>
                    </div>
                })
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
                aria-activedescendant=move || (list_len.get() > 0).then(|| format!("result-{}", active.get()))
                title=move || t().list_hint
                on:scroll=move |_| {
                    if let Some(el) = scroller.get_untracked() {
                        scroll_top.set(el.scroll_top() as f64);
                    }
                }
                on:keydown=on_key>
                <div class="result-spacer" style=move || format!("height: {}px", list_len.get() as f64 * ROW_HEIGHT)>
                    {rows}
                </div>
            </div>
        </section>
    }
}

/// True once `ecomap:first-results` has been measured on this page.
fn first_results_recorded() -> bool {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.get_entries_by_name("ecomap:first-results").length() > 0)
        .unwrap_or(false)
}
