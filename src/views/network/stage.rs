//! The stage element the graph is drawn in: its size, a fresh canvas per engine with the chosen renderer
//! (WebGL2, falling back to Canvas 2D), the CSS transform that moves the drawn image while the camera moves,
//! and the colours read from the page's CSS tokens.

use std::rc::Rc;

use leptos::prelude::document;
use wasm_bindgen::JsCast;

use super::canvas2d::Canvas2d;
use super::render::{Palette, Renderer};
use super::webgl2::WebGl2;
use crate::shell::Renderer as Choice;

/// The canvases' size in CSS px (the stage's box inside its border) and the device pixel ratio.
pub fn stage_size(stage: &web_sys::HtmlElement) -> (f32, f32, f32) {
    let dpr = crate::browser::pixel_ratio() as f32;
    (stage.client_width() as f32, stage.client_height() as f32, dpr)
}

/// A pointer position in the canvas's CSS px (inside the stage's border).
pub fn local_position(stage: Option<&web_sys::HtmlElement>, ev: &web_sys::MouseEvent) -> (f32, f32) {
    let origin = stage
        .map(|s| {
            let r = s.get_bounding_client_rect();
            (
                r.left() as f32 + s.client_left() as f32,
                r.top() as f32 + s.client_top() as f32,
            )
        })
        .unwrap_or((0.0, 0.0));
    (ev.client_x() as f32 - origin.0, ev.client_y() as f32 - origin.1)
}

/// Moves every canvas of the stage (the drawing and a WebGL2 overlay) by a CSS transform ("" resets it).
pub fn set_canvas_transform(stage: &web_sys::HtmlElement, value: &str) {
    let Ok(list) = stage.query_selector_all(".network-canvas") else {
        return;
    };
    for k in 0..list.length() {
        if let Some(el) = list.item(k).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.style().set_property("transform", value);
        }
    }
}

/// Replaces the stage's canvases by a fresh one: a canvas keeps the first context type it was asked for.
pub fn fresh_canvas(stage: &web_sys::HtmlElement) -> Option<web_sys::HtmlCanvasElement> {
    if let Ok(old) = stage.query_selector_all(".network-canvas") {
        for k in 0..old.length() {
            if let Some(el) = old.item(k).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                el.remove();
            }
        }
    }
    let canvas = document()
        .create_element("canvas")
        .ok()
        .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())?;
    canvas.set_class_name("network-canvas");
    let _ = canvas.set_attribute("aria-hidden", "true");
    let _ = stage.append_child(&canvas);
    Some(canvas)
}

/// The chosen renderer on `canvas`, falling back to Canvas 2D when WebGL2 is unavailable. `on_context`
/// hears of WebGL2 context loss (true) and restoration (false).
pub fn renderer_for(
    choice: Choice,
    canvas: &web_sys::HtmlCanvasElement,
    on_context: Rc<dyn Fn(bool)>,
) -> Option<Box<dyn Renderer>> {
    let webgl2 = if choice == Choice::WebGl2 {
        let r = WebGl2::new(canvas.clone(), on_context);
        if r.is_none() {
            leptos::logging::warn!("network: WebGL2 unavailable, drawing with Canvas 2D");
        }
        r.map(|r| Box::new(r) as Box<dyn Renderer>)
    } else {
        None
    };
    webgl2.or_else(|| Canvas2d::new(canvas.clone()).map(|r| Box::new(r) as Box<dyn Renderer>))
}

/// Reads the kind colours and text colours from the page's CSS tokens.
pub fn palette_from_css(el: &web_sys::Element) -> Palette {
    let mut p = Palette::default();
    let get = |name: &str| crate::browser::css_var(el, name);
    for (k, kind) in ecomap_core::model::ActorKind::ALL.iter().enumerate() {
        if let Some(v) = get(crate::kinds::token(*kind)) {
            p.fill[k] = v;
        }
    }
    for (slot, name) in [
        (&mut p.fill[7], crate::kinds::TECHNOLOGY_TOKEN),
        (&mut p.text, "--text"),
        (&mut p.surface, "--surface"),
        (&mut p.edge, "--muted"),
        (&mut p.focus, "--focus"),
    ] {
        if let Some(v) = get(name) {
            *slot = v;
        }
    }
    p
}
