//! The tour editor behind the header's "Tour" button (the explorer only): "Add this view as a step" records the
//! current view, Query and camera (`Step::record`); steps are captioned in German and English, given a
//! duration, moved up or down (buttons), removed, played (the page turns into a presentation) and downloaded
//! as JSON (`Tour::to_json`, valid for `ecomap tour check`). The draft is kept in memory and in localStorage
//! (`browser::store`, which an embed never writes).

use ecomap_core::camera_hash::NetCamera;
use ecomap_core::model::Lang;
use ecomap_core::projection::Camera;
use ecomap_core::query::View;
use ecomap_core::tour::{Step, StepCamera, Text, Tour};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::player::use_presenter;
use super::texts::present_texts;
use crate::i18n::view_name;
use crate::shell::use_shell;
use crate::state::use_app;
use crate::views::camera_hash;

/// A change of the draft's steps.
type Edit = Box<dyn FnOnce(&mut Vec<Step>)>;

const DRAFT_KEY: &str = "ecomap.tour.draft";
const DEFAULT_DURATION: f64 = 8.0;

/// The draft from localStorage (an empty one when there is none or it does not read).
fn stored_draft() -> Vec<Step> {
    crate::browser::stored(DRAFT_KEY)
        .and_then(|s| Tour::load(&s).ok())
        .map(|t| t.steps)
        .unwrap_or_default()
}

fn draft_tour(steps: Vec<Step>, title: &str) -> Tour {
    Tour {
        version: 1,
        title: Text {
            de: title.to_string(),
            en: title.to_string(),
        },
        steps,
    }
}

/// The camera of the view shown, from the hash (none while the view frames itself).
fn current_camera(view: View) -> Option<StepCamera> {
    let h = camera_hash::hash();
    match view {
        View::Map => Camera::from_hash(&h).map(StepCamera::Map),
        View::Network => NetCamera::from_hash(&h).map(StepCamera::Net),
        _ => None,
    }
}

/// Offers `text` as a download named `name` (a Blob URL on a temporary link).
fn download(text: &str, name: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("application/json");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let doc = web_sys::window().and_then(|w| w.document());
    if let Some(a) = doc
        .and_then(|d| d.create_element("a").ok())
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

#[component]
pub fn TourButton() -> impl IntoView {
    let state = use_app();
    let shell = use_shell();
    let presenter = use_presenter();
    let t = move || present_texts(state.lang.get());
    let open = RwSignal::new(false);
    let steps = RwSignal::new(stored_draft());
    let title = move || t().default_title.to_string();
    let save = move || {
        let s = steps.get_untracked();
        if s.is_empty() {
            crate::browser::forget(DRAFT_KEY);
        } else {
            crate::browser::store(DRAFT_KEY, &draft_tour(s, &title()).to_json());
        }
    };
    let edit = move |f: Edit| {
        steps.update(|s| f(s));
        save();
    };
    let add = move |_| {
        let q = state.query.get_untracked();
        let data = state.data.get_untracked();
        let ds = data.as_ref().map(|d| &d.0.ds);
        let caption = Text {
            de: super::describe(ds, &q, Lang::De),
            en: super::describe(ds, &q, Lang::En),
        };
        let step = Step::record(&q, current_camera(q.view), caption, DEFAULT_DURATION);
        edit(Box::new(move |s| s.push(step)));
    };
    let play = move |_| {
        let list = steps.get_untracked();
        if list.is_empty() {
            return;
        }
        open.set(false);
        shell.presenting.set(true);
        state
            .query
            .update(|q| q.page_mode = Some(ecomap_core::embed::PageMode::Present));
        presenter.start(draft_tour(list, &title()), false);
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" {
            open.set(false);
            crate::browser::focus_id("tour-button");
        }
    };
    let row = move |i: usize, step: Step| {
        let n = steps.with(Vec::len);
        let lang = state.lang.get();
        let what = format!(
            "{}. {} {}",
            i + 1,
            view_name(step.view(), lang),
            step.query.replace('&', " · ")
        );
        let set = move |f: fn(&mut Step, String), v: String| edit(Box::new(move |s| f(&mut s[i], v)));
        view! {
            <li class="tour-step" data-testid="tour-step">
                <p class="tour-step-what">{what}</p>
                <label>{t().caption_de}
                    <input type="text" lang="de" data-testid="tour-caption-de" prop:value=step.caption.de.clone()
                        on:change=move |ev| set(|s, v| s.caption.de = v, event_target_value(&ev))/>
                </label>
                <label>{t().caption_en}
                    <input type="text" lang="en" data-testid="tour-caption-en" prop:value=step.caption.en.clone()
                        on:change=move |ev| set(|s, v| s.caption.en = v, event_target_value(&ev))/>
                </label>
                <label>{t().duration}
                    <input type="number" min="1" max="600" step="1" data-testid="tour-duration" prop:value=step.duration.to_string()
                        on:change=move |ev| set(|s, v| s.duration = v.parse::<f64>().unwrap_or(DEFAULT_DURATION).clamp(1.0, 600.0), event_target_value(&ev))/>
                </label>
                <div class="tour-step-tools">
                    <button type="button" data-testid="tour-up" disabled={i == 0} aria-label=format!("{} ({})", t().move_up, i + 1)
                        on:click=move |_| edit(Box::new(move |s| s.swap(i - 1, i)))>"↑"</button>
                    <button type="button" data-testid="tour-down" disabled={i + 1 >= n} aria-label=format!("{} ({})", t().move_down, i + 1)
                        on:click=move |_| edit(Box::new(move |s| s.swap(i, i + 1)))>"↓"</button>
                    <button type="button" data-testid="tour-remove" aria-label=format!("{} ({})", t().remove, i + 1)
                        on:click=move |_| edit(Box::new(move |s| { s.remove(i); }))>"×"</button>
                </div>
            </li>
        }
    };
    view! {
        <div class="tour-editor">
            <button type="button" id="tour-button" class="settings-button" data-testid="tour-button"
                aria-expanded=move || open.get().to_string() aria-controls="tour-panel"
                on:click=move |_| open.update(|o| *o = !*o)>
                {move || match steps.with(Vec::len) { 0 => t().tour.to_string(), n => format!("{} ({n})", t().tour) }}
            </button>
            <div class="settings-panel tour-panel" id="tour-panel" role="group" data-testid="tour-panel"
                hidden=move || !open.get() aria-labelledby="tour-title" on:keydown=on_key>
                <h2 id="tour-title">{move || t().tour_title}</h2>
                <button type="button" class="close" aria-label=move || t().close_tour on:click=move |_| open.set(false)>"×"</button>
                <button type="button" class="button" data-testid="tour-add" on:click=add>{move || t().add_step}</button>
                <p class="muted" hidden=move || steps.with(|s| !s.is_empty())>{move || t().no_steps}</p>
                <ol class="tour-steps">
                    {move || steps.get().into_iter().enumerate().map(|(i, s)| row(i, s)).collect_view()}
                </ol>
                <div class="tour-actions" hidden=move || steps.with(Vec::is_empty)>
                    <button type="button" class="button" data-testid="tour-play" on:click=play>{move || t().play}</button>
                    <button type="button" class="button" data-testid="tour-download"
                        on:click=move |_| download(&draft_tour(steps.get_untracked(), &title()).to_json(), "tour.json")>
                        {move || t().download}
                    </button>
                    <button type="button" class="link-button" data-testid="tour-clear"
                        on:click=move |_| edit(Box::new(|s| s.clear()))>{move || t().clear}</button>
                </div>
                <p class="muted setting-note">{move || t().editor_note}</p>
            </div>
        </div>
    }
}
