//! What the app asks of the browser, in one place: the clock, the device pixel ratio, media preferences,
//! localStorage (which may be missing or blocked, e.g. in a sandboxed iframe), CSS custom properties, and
//! following an element's size. Every function degrades quietly where the browser says no; none panics.
//!
//! An embed is a guest on another site's page (`set_guest`): it neither reads nor writes localStorage, so it
//! keeps nothing on the visitor's device and shows what its link says on every visit.

use std::cell::Cell;

pub use crate::views::resize::ResizeWatch;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// Milliseconds since the page started (`performance.now()`), 0 where there is no clock.
pub fn now_ms() -> f64 {
    window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or(0.0)
}

/// The page's element with this id.
pub fn element_by_id(id: &str) -> Option<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    window()?.document()?.get_element_by_id(id)?.dyn_into().ok()
}

/// Moves the keyboard focus to the page's element with this id (nothing when there is none): where a closing
/// panel gives the focus back, or an opening one takes it.
pub fn focus_id(id: &str) {
    if let Some(el) = element_by_id(id) {
        let _ = el.focus();
    }
}

/// The device pixel ratio, 1 when the browser gives none or nonsense.
pub fn pixel_ratio() -> f64 {
    let dpr = window().map(|w| w.device_pixel_ratio()).unwrap_or(1.0);
    if dpr.is_finite() && dpr > 0.0 {
        dpr
    } else {
        1.0
    }
}

/// Whether a media query matches (false where it cannot be asked).
pub fn media_matches(query: &str) -> bool {
    window()
        .and_then(|w| w.match_media(query).ok().flatten())
        .is_some_and(|m| m.matches())
}

/// The visitor asked for less motion (animations are then computed without being shown).
pub fn reduced_motion() -> bool {
    media_matches("(prefers-reduced-motion: reduce)")
}

/// The page is dark: the link's theme (`html[data-theme]`), else the system's colour scheme.
pub fn prefers_dark() -> bool {
    let theme = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|el| el.get_attribute("data-theme"));
    match theme.as_deref() {
        Some(t) => t == "dark",
        None => media_matches("(prefers-color-scheme: dark)"),
    }
}

thread_local! {
    static GUEST: Cell<bool> = const { Cell::new(false) };
    static LABEL_SCALE: Cell<f32> = const { Cell::new(1.0) };
}

/// How much larger the map and the network draw their labels (1; more in presentation mode).
pub fn label_scale() -> f32 {
    LABEL_SCALE.with(Cell::get)
}

pub fn set_label_scale(scale: f32) {
    LABEL_SCALE.with(|s| s.set(scale));
}

/// Embed mode: from now on localStorage is neither read nor written.
pub fn set_guest() {
    GUEST.with(|g| g.set(true));
}

/// The page is an embed (a guest on another site's page).
pub fn guest() -> bool {
    GUEST.with(Cell::get)
}

fn storage() -> Option<web_sys::Storage> {
    if guest() {
        return None;
    }
    window().and_then(|w| w.local_storage().ok().flatten())
}

/// A remembered value, if storage is available and holds one.
pub fn stored(key: &str) -> Option<String> {
    storage()?.get_item(key).ok()?
}

/// Remembers a value for the next visit (nothing when storage is unavailable).
pub fn store(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, value);
    }
}

/// Forgets a remembered value.
pub fn forget(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// The computed value of CSS custom property `name` (e.g. "--kind-sme") on `el`, trimmed; None when unset.
pub fn css_var(el: &web_sys::Element, name: &str) -> Option<String> {
    let style = window()?.get_computed_style(el).ok()??;
    let v = style.get_property_value(name).ok()?;
    let v = v.trim();
    (!v.is_empty()).then(|| v.to_string())
}
