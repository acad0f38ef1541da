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
use super::texts::{present_texts, PresentTexts};
use crate::components::share::content::{el, text};
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

/// Fills the panel for the draft `steps` (plain DOM built anew on every change: a few calls per element
/// instead of a `view!`'s generated code, as the share dialog does). Buttons carry `data-action` (and
/// `data-i`, the step), fields `data-field`; the panel's one click and one change listener read them.
fn build(panel: &web_sys::Element, steps: &[Step], t: &PresentTexts, lang: Lang) {
    let Some(doc) = panel.owner_document() else { return };
    panel.set_text_content(None);
    let add = |e: &web_sys::Element| {
        let _ = panel.append_child(e);
    };
    add(&text(&doc, "h2", &[("id", "tour-title")], t.tour_title));
    let close = text(
        &doc,
        "button",
        &[("type", "button"), ("class", "close"), ("data-action", "close")],
        "×",
    );
    let _ = close.set_attribute("aria-label", t.close_tour);
    add(&close);
    add(&text(
        &doc,
        "button",
        &[
            ("type", "button"),
            ("class", "button"),
            ("data-action", "add"),
            ("data-testid", "tour-add"),
        ],
        t.add_step,
    ));
    let list = el(&doc, "ol", &[("class", "tour-steps")], &[]);
    for (i, step) in steps.iter().enumerate() {
        let n = (i + 1).to_string();
        let what = format!(
            "{n}. {} {}",
            view_name(step.view(), lang),
            step.query.replace('&', " · ")
        );
        let li = el(&doc, "li", &[("class", "tour-step"), ("data-testid", "tour-step")], &[]);
        let _ = li.append_child(&text(&doc, "p", &[("class", "tour-step-what")], &what));
        let duration = format!("{}", step.duration.round() as u32);
        for (field, label, value, kind) in [
            ("de", t.caption_de, step.caption.de.as_str(), "text"),
            ("en", t.caption_en, step.caption.en.as_str(), "text"),
            ("duration", t.duration, duration.as_str(), "number"),
        ] {
            let testid = if field == "duration" {
                "tour-duration".to_string()
            } else {
                format!("tour-caption-{field}")
            };
            let input = el(
                &doc,
                "input",
                &[
                    ("type", kind),
                    ("data-field", field),
                    ("data-i", &n),
                    ("data-testid", &testid),
                    ("min", "1"),
                    ("max", "600"),
                ],
                &[],
            );
            if let Some(input) = input.dyn_ref::<web_sys::HtmlInputElement>() {
                input.set_value(value);
            }
            let l = text(&doc, "label", &[], label);
            let _ = l.append_child(&input);
            let _ = li.append_child(&l);
        }
        let tools = el(&doc, "div", &[("class", "tour-step-tools")], &[]);
        for (action, label, symbol, off) in [
            ("up", t.move_up, "↑", i == 0),
            ("down", t.move_down, "↓", i + 1 == steps.len()),
            ("remove", t.remove, "×", false),
        ] {
            let b = text(
                &doc,
                "button",
                &[
                    ("type", "button"),
                    ("data-action", action),
                    ("data-i", &n),
                    ("data-testid", &format!("tour-{action}")),
                ],
                symbol,
            );
            let _ = b.set_attribute("aria-label", &format!("{label} ({n})"));
            if off {
                let _ = b.set_attribute("disabled", "");
            }
            let _ = tools.append_child(&b);
        }
        let _ = li.append_child(&tools);
        let _ = list.append_child(&li);
    }
    if steps.is_empty() {
        add(&text(&doc, "p", &[("class", "muted")], t.no_steps));
    } else {
        add(&list);
        let b = |action: &str, label: &str, class: &str| {
            text(
                &doc,
                "button",
                &[
                    ("type", "button"),
                    ("class", class),
                    ("data-action", action),
                    ("data-testid", &format!("tour-{action}")),
                ],
                label,
            )
        };
        add(&el(
            &doc,
            "div",
            &[("class", "tour-actions")],
            &[
                &b("play", t.play, "button"),
                &b("download", t.download, "button"),
                &b("clear", t.clear, "link-button"),
            ],
        ));
    }
    add(&text(&doc, "p", &[("class", "muted setting-note")], t.editor_note));
}

/// The element an event came from, its `data-i` as a 0-based step and the value of `attr`.
fn target(ev: &web_sys::Event, sel: &str, attr: &str) -> Option<(web_sys::Element, usize, String)> {
    let el = ev.target()?.dyn_into::<web_sys::Element>().ok()?.closest(sel).ok()??;
    let i = el
        .get_attribute("data-i")
        .and_then(|n| n.parse::<usize>().ok())
        .unwrap_or(1)
        .max(1)
        - 1;
    let v = el.get_attribute(attr)?;
    Some((el, i, v))
}

#[component]
pub fn TourButton() -> impl IntoView {
    let state = use_app();
    let shell = use_shell();
    let presenter = use_presenter();
    let open = RwSignal::new(false);
    let steps = RwSignal::new(stored_draft());
    let panel = NodeRef::<leptos::html::Div>::new();
    let title = move || present_texts(state.lang.get_untracked()).default_title.to_string();
    // `redraw`: the panel is built anew (a field's edit leaves it, so the focus stays in the field).
    let edit_with = move |f: Edit, redraw: bool| {
        if redraw {
            steps.update(|s| f(s));
        } else {
            steps.update_untracked(|s| f(s));
        }
        let s = steps.get_untracked();
        if s.is_empty() {
            crate::browser::forget(DRAFT_KEY);
        } else {
            crate::browser::store(DRAFT_KEY, &draft_tour(s, &title()).to_json());
        }
    };
    let edit = move |f: Edit| edit_with(f, true);
    // The panel's content follows the draft and the language (DOM only: no signal is written here).
    Effect::new(move |_| {
        let lang = state.lang.get();
        let list = steps.get();
        if let Some(p) = panel.get() {
            build(&p, &list, present_texts(lang), lang);
        }
    });
    let on_click = move |ev: web_sys::MouseEvent| {
        let Some((_, i, action)) = target(&ev, "button[data-action]", "data-action") else {
            return;
        };
        // The focus goes back to the same button of the step where it went (the panel is built anew).
        let to = match action.as_str() {
            "up" => i.saturating_sub(1),
            "down" => i + 1,
            _ => i,
        };
        let again = format!("[data-action={action}][data-i=\"{}\"]", to + 1);
        request_animation_frame(move || {
            let find = |sel: &str| panel.get_untracked().and_then(|p| p.query_selector(sel).ok().flatten());
            let found = find(&again).or_else(|| find("[data-action=add]"));
            if let Some(el) = found.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = el.focus();
            }
        });
        match action.as_str() {
            "close" => open.set(false),
            "add" => {
                let q = state.query.get_untracked();
                let data = state.data.get_untracked();
                let ds = data.as_ref().map(|d| &d.0.ds);
                let caption = Text {
                    de: super::describe(ds, &q, Lang::De),
                    en: super::describe(ds, &q, Lang::En),
                };
                let step = Step::record(&q, current_camera(q.view), caption, DEFAULT_DURATION);
                edit(Box::new(move |s| s.push(step)));
            }
            "up" if i > 0 => edit(Box::new(move |s| s.swap(i - 1, i))),
            "down" => edit(Box::new(move |s| {
                if i + 1 < s.len() {
                    s.swap(i, i + 1);
                }
            })),
            "remove" => edit(Box::new(move |s| {
                if i < s.len() {
                    s.remove(i);
                }
            })),
            "clear" => edit(Box::new(Vec::clear)),
            "download" => download(&draft_tour(steps.get_untracked(), &title()).to_json(), "tour.json"),
            "play" => {
                let list = steps.get_untracked();
                if !list.is_empty() {
                    open.set(false);
                    shell.presenting.set(true);
                    state
                        .query
                        .update(|q| q.page_mode = Some(ecomap_core::embed::PageMode::Present));
                    presenter.start(draft_tour(list, &title()), false);
                }
            }
            _ => {}
        }
    };
    let on_change = move |ev: web_sys::Event| {
        let Some((el, i, field)) = target(&ev, "input[data-field]", "data-field") else {
            return;
        };
        let Some(v) = el.dyn_ref::<web_sys::HtmlInputElement>().map(|e| e.value()) else {
            return;
        };
        edit_with(
            Box::new(move |s| {
                let Some(step) = s.get_mut(i) else { return };
                match field.as_str() {
                    "de" => step.caption.de = v,
                    "en" => step.caption.en = v,
                    _ => step.duration = v.trim().parse::<f64>().unwrap_or(DEFAULT_DURATION).clamp(1.0, 600.0),
                }
            }),
            false,
        );
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" {
            open.set(false);
            crate::browser::focus_id("tour-button");
        }
    };
    let count = move || {
        let t = present_texts(state.lang.get());
        match steps.with(Vec::len) {
            0 => t.tour.to_string(),
            n => format!("{} ({n})", t.tour),
        }
    };
    view! {
        <div class="tour-editor">
            <button type="button" id="tour-button" class="settings-button" data-testid="tour-button"
                aria-expanded=move || open.get().to_string() aria-controls="tour-panel"
                on:click=move |_| open.update(|o| *o = !*o)>{count}</button>
            <div class="settings-panel tour-panel" id="tour-panel" role="group" data-testid="tour-panel" node_ref=panel
                hidden=move || !open.get() aria-labelledby="tour-title" on:keydown=on_key on:click=on_click on:change=on_change>
            </div>
        </div>
    }
}
