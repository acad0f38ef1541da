//! Performance marks and measures (read by `cargo xtask bench` through the Performance API).
//!
//! Names start with `ecomap:`; a missing Performance object (old browsers) makes every call a no-op.

use wasm_bindgen::{JsCast, JsValue};

fn performance() -> Option<web_sys::Performance> {
    web_sys::window()?.performance()
}

/// Milliseconds since navigation start (`browser::now_ms`, the one clock).
pub use crate::browser::now_ms as now;

pub fn mark(name: &str) {
    if let Some(p) = performance() {
        let _ = p.mark(name);
    }
}

/// Marks `name` unless a mark of that name exists on this page (e.g. `ecomap:first-map-drawn`: the first
/// frame of the map with markers, whichever view the visitor opened first).
pub fn mark_once(name: &str) {
    if let Some(p) = performance() {
        if p.get_entries_by_name_with_entry_type(name, "mark").length() == 0 {
            let _ = p.mark(name);
        }
    }
}

/// Records a measure from `start` to `end` (ms since navigation start).
pub fn measure_between(name: &str, start: f64, end: f64) {
    let Some(p) = performance() else { return };
    let opts = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&opts, &"start".into(), &JsValue::from_f64(start));
    let _ = js_sys::Reflect::set(&opts, &"end".into(), &JsValue::from_f64(end));
    let Ok(f) = js_sys::Reflect::get(&p, &"measure".into()) else {
        return;
    };
    if let Ok(f) = f.dyn_into::<js_sys::Function>() {
        let _ = f.call2(&p, &JsValue::from_str(name), &opts);
    }
}

/// Records a measure from the last mark `start_mark` to now; nothing when that mark does not exist.
pub fn measure_from_mark(name: &str, start_mark: &str) {
    if let Some(p) = performance() {
        let entries = p.get_entries_by_name_with_entry_type(start_mark, "mark");
        if entries.length() > 0 {
            let _ = p.measure_with_start_mark(name, start_mark);
            p.clear_marks_with_mark_name(start_mark);
        }
    }
}

/// Runs `f` and records its duration as `name`.
pub fn timed<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let start = now();
    let out = f();
    measure_between(name, start, now());
    out
}
