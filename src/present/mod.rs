//! Presentation mode (issue 15, `?mode=present`, docs/presenting.md): the view alone in the high-contrast
//! presentation theme (`html[data-mode=present]`, style/present.css; map and network labels drawn larger,
//! `browser::label_scale`), a bar with the tour step's caption (else the view's name and the active filters
//! written out), the progress, previous/pause/next, full screen, "exit presentation" and the credits.
//!
//! A presentation plays a tour (`?tour=URL`, the demo tour by default; `player.rs`), stepping by ArrowRight,
//! Space, PageDown (next), ArrowLeft, PageUp (previous), Home, End, `p` or `k` (pause and resume), a swipe
//! beside the map's and network's stage, and the step's duration. The tour editor of the explorer is
//! `editor.rs`.

pub mod editor;
pub mod player;
pub mod texts;

use ecomap_core::facet::Facet;
use ecomap_core::model::{Dataset, Lang};
use ecomap_core::query::Query;
use ecomap_core::tour::player::{key_action, swipe_action, Action};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::{facet_title, facet_value_label, view_name};
use crate::shell::use_shell;
use crate::state::{use_app, AppState};
use player::{use_presenter, Presenter, TourStatus, DEFAULT_TOUR};
use texts::present_texts;

/// How much larger map and network labels are drawn while presenting (11 px labels become 18 px).
const LABEL_SCALE: f32 = 18.0 / 11.0;

/// Starts what a presentation needs when the page presents: the root's mode and the label size follow
/// `Shell::presenting`; a link's `mode=present` plays its tour (or the demo tour).
pub fn start(state: AppState, presenter: Presenter) {
    let shell = use_shell();
    Effect::new(move |_| {
        let on = shell.presenting.get();
        crate::browser::set_label_scale(if on { LABEL_SCALE } else { 1.0 });
        let mode = if on { "present" } else { shell.mode.key() };
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = el.set_attribute("data-mode", mode);
        }
    });
    if shell.presenting.get_untracked() {
        let url = state
            .query
            .with_untracked(|q| q.tour.clone())
            .unwrap_or_else(|| DEFAULT_TOUR.to_string());
        presenter.load(url, false);
    }
}

/// The view's name and the active filters written out ("Map · Technology: Artificial Intelligence · Years:
/// 2020–2024"): the caption without a tour, and a recorded step's first caption.
pub fn describe(ds: Option<&Dataset>, q: &Query, lang: Lang) -> String {
    let mut out = vec![view_name(q.view, lang).to_string()];
    if let Some(ds) = ds {
        for f in Facet::ALL {
            let labels: Vec<String> = q
                .chosen(f)
                .iter()
                .filter_map(|k| f.find(ds, k))
                .map(|id| facet_value_label(ds, f, id, lang))
                .collect();
            if !labels.is_empty() {
                out.push(format!("{}: {}", facet_title(f, lang), labels.join(", ")));
            }
        }
    }
    if let Some((a, b)) = q.years {
        out.push(format!("{}: {a}–{b}", crate::i18n::texts(lang).facet_years));
    }
    if !q.text.trim().is_empty() {
        out.push(format!("{}: {}", crate::i18n::texts(lang).search_label, q.text.trim()));
    }
    out.join(" · ")
}

/// Asks for full screen on the whole page; a refusal (no user gesture, a frame without permission) becomes
/// a notice, never an unhandled rejection.
fn request_fullscreen(refused: RwSignal<bool>) {
    let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let f = js_sys::Reflect::get(&el, &JsValue::from_str("requestFullscreen"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let promise = f
        .and_then(|f| f.call0(&el).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    let Some(promise) = promise else {
        refused.set(true);
        return;
    };
    leptos::task::spawn_local(async move {
        if wasm_bindgen_futures::JsFuture::from(promise).await.is_err() {
            refused.set(true);
        }
    });
}

fn exit_fullscreen() {
    if let Some(d) = web_sys::window().and_then(|w| w.document()) {
        if is_fullscreen() {
            if let Ok(f) = js_sys::Reflect::get(&d, &JsValue::from_str("exitFullscreen")) {
                if let Ok(f) = f.dyn_into::<js_sys::Function>() {
                    if let Ok(p) = f.call0(&d).and_then(|p| p.dyn_into::<js_sys::Promise>()) {
                        leptos::task::spawn_local(async move {
                            let _ = wasm_bindgen_futures::JsFuture::from(p).await;
                        });
                    }
                }
            }
        }
    }
}

fn is_fullscreen() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| js_sys::Reflect::get(&d, &JsValue::from_str("fullscreenElement")).ok())
        .is_some_and(|e| !e.is_null() && !e.is_undefined())
}

/// Keys and swipes step the tour while the page presents (not while typing in a field, not on the map's or
/// network's stage, where a finger moves the camera).
fn listen(presenter: Presenter) {
    let shell = use_shell();
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if !shell.presenting.get_untracked() || ev.ctrl_key() || ev.alt_key() || ev.meta_key() {
            return;
        }
        let key = ev.key();
        let inside = |sel: &str| {
            ev.target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|el| el.closest(sel).ok().flatten().is_some())
        };
        // Typing stays typing; on a focused map or network stage the arrows move the camera.
        let theirs = inside("input, textarea, select") || (key.starts_with("Arrow") && inside("[role=application]"));
        if let (false, Some(a)) = (theirs, key_action(&key)) {
            // Space on a focused button would click it as well.
            ev.prevent_default();
            presenter.act(a);
        }
    });
    let start = StoredValue::new(None::<(f64, f64)>);
    let down = window_event_listener(leptos::ev::pointerdown, move |ev| {
        let on_stage = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| el.closest("[data-input]").ok().flatten().is_some());
        let touch = ev.pointer_type() != "mouse";
        start.set_value(
            (shell.presenting.get_untracked() && touch && !on_stage)
                .then(|| (ev.client_x() as f64, ev.client_y() as f64)),
        );
    });
    let up = window_event_listener(leptos::ev::pointerup, move |ev| {
        if let Some((x, y)) = start.get_value() {
            start.set_value(None);
            if let Some(a) = swipe_action(ev.client_x() as f64 - x, ev.client_y() as f64 - y) {
                presenter.act(a);
            }
        }
    });
    on_cleanup(move || {
        keys.remove();
        down.remove();
        up.remove();
    });
}

/// The presentation's bar: caption, progress, controls, credits.
#[component]
pub fn PresentBar() -> impl IntoView {
    let state = use_app();
    let shell = use_shell();
    let presenter = use_presenter();
    let t = move || present_texts(state.lang.get());
    listen(presenter);
    let full = RwSignal::new(is_fullscreen());
    let refused = RwSignal::new(false);
    let fs = window_event_listener_untyped("fullscreenchange", move |_| full.set(is_fullscreen()));
    on_cleanup(move || fs.remove());
    let playing = move || presenter.status.get() == TourStatus::Playing;
    let caption = move || {
        let lang = state.lang.get();
        match presenter.status.get() {
            TourStatus::Loading => t().loading.to_string(),
            TourStatus::Playing => {
                let i = presenter.player.get().index();
                presenter.tour.with(|tour| {
                    tour.as_ref()
                        .and_then(|tour| tour.steps.get(i))
                        .map(|s| s.caption.get(lang).to_string())
                        .unwrap_or_default()
                })
            }
            _ => {
                let data = state.data.get();
                state.query.with(|q| describe(data.as_ref().map(|d| &d.0.ds), q, lang))
            }
        }
    };
    let failed = move || match presenter.status.get() {
        TourStatus::Failed(e) => Some(format!("{} {e}", t().tour_failed)),
        _ => None,
    };
    let progress = move || {
        let p = presenter.player.get();
        format!("{} {} {} {}", t().step, p.index() + 1, t().of, p.len())
    };
    let paused = move || presenter.player.get().paused;
    let credits = move || {
        let lang = state.lang.get();
        state.data.with(|d| {
            let d = d.as_ref()?;
            let meta = &d.0.ds.meta;
            let invented = d.0.ds.actors.iter().any(|a| a.fictional);
            let note = if invented {
                crate::i18n::texts(lang).demo_note
            } else {
                ""
            };
            let text = format!("{} · {} {} · {note}", meta.title.get(lang), t().data_as_of, meta.date);
            Some(text.trim_end_matches(" · ").to_string())
        })
    };
    let exit = move |_| {
        presenter.stop();
        exit_fullscreen();
        shell.presenting.set(false);
        state.query.update(|q| {
            q.page_mode = None;
            q.tour = None;
        });
    };
    view! {
        <header class="present-bar" data-testid="present-bar" role="region" aria-label=move || t().bar
            hidden=move || !shell.presenting.get()>
            <p class="present-caption" data-testid="present-caption" aria-live="polite">{caption}</p>
            <p class="present-error" role="alert" hidden=move || failed().is_none()>{failed}</p>
            <p class="present-error" role="status" hidden=move || !refused.get()>{move || t().fullscreen_refused}</p>
            <div class="present-controls">
                <Show when=playing>
                    <button type="button" data-testid="present-previous" on:click=move |_| presenter.act(Action::Previous)>
                        <span aria-hidden="true">"← "</span>{move || t().previous}
                    </button>
                    <button type="button" data-testid="present-pause" aria-pressed=move || paused().to_string()
                        on:click=move |_| presenter.act(Action::TogglePause)>
                        {move || if paused() { t().resume } else { t().pause }}
                    </button>
                    <button type="button" data-testid="present-next" on:click=move |_| presenter.act(Action::Next)>
                        {move || t().next}<span aria-hidden="true">" →"</span>
                    </button>
                    <p class="present-progress" data-testid="present-progress" data-step=move || presenter.player.get().index() + 1>
                        {progress}
                        <span class="present-dots" aria-hidden="true">
                            {move || {
                                let p = presenter.player.get();
                                (0..p.len()).map(|i| view! { <span class="dot" class:done=i <= p.index()></span> }).collect_view()
                            }}
                        </span>
                    </p>
                </Show>
                <button type="button" data-testid="present-fullscreen" aria-pressed=move || full.get().to_string()
                    on:click=move |_| if full.get_untracked() { exit_fullscreen() } else { refused.set(false); request_fullscreen(refused) }>
                    {move || if full.get() { t().leave_fullscreen } else { t().fullscreen }}
                </button>
                <button type="button" data-testid="present-exit" on:click=exit>{move || t().exit}</button>
            </div>
            <p class="present-credits" data-testid="present-credits">{credits}</p>
        </header>
    }
}
