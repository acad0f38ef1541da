//! The renderer trait: a small adapter between the scene (CSS px) and pixels, so the view does not know whether
//! it draws with WebGL2 or Canvas 2D. Text always goes to a Canvas 2D overlay ([`draw_text`]).
//!
//! Frame lifecycle: `resize` when the canvas's size or pixel ratio changes, then `draw` per frame; when the
//! context is lost, `draw` does nothing until the browser restores it (the view redraws on restore).

use std::rc::Rc;

use ecomap_core::projection::Viewport;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use super::scene::Scene;

pub trait Renderer {
    /// "webgl2" or "canvas2d" (shown in `data-renderer` for tests and the legend).
    fn name(&self) -> &'static str;
    /// Matches the backing store to the viewport (device px = CSS px × dpr).
    fn resize(&mut self, vp: &Viewport);
    /// Draws the scene's geometry (background, regions, arcs, markers), replacing the last frame.
    fn draw(&mut self, scene: &Scene, vp: &Viewport);
    /// True while the context is lost.
    fn lost(&self) -> bool {
        false
    }
}

/// WebGL2 when the browser gives a context (unless `force_2d`), else Canvas 2D; `None` when neither exists.
pub fn create(canvas: &HtmlCanvasElement, force_2d: bool, on_change: Rc<dyn Fn(bool)>) -> Option<Box<dyn Renderer>> {
    if !force_2d {
        if let Some(r) = super::webgl2::WebGl2Renderer::new(canvas, on_change) {
            return Some(Box::new(r));
        }
    }
    super::canvas2d::Canvas2dRenderer::new(canvas).map(|r| Box::new(r) as Box<dyn Renderer>)
}

pub fn context_2d(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas
        .get_context("2d")
        .ok()??
        .dyn_into::<CanvasRenderingContext2d>()
        .ok()
}

pub fn size_canvas(canvas: &HtmlCanvasElement, vp: &Viewport) {
    let (w, h) = vp.device_size();
    if canvas.width() != w {
        canvas.set_width(w);
    }
    if canvas.height() != h {
        canvas.set_height(h);
    }
}

/// Clears the text layer and draws the scene's labels ([`draw_labels`]).
pub fn draw_text(ctx: &CanvasRenderingContext2d, scene: &Scene, vp: &Viewport) {
    let _ = ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
    let (w, h) = vp.device_size();
    ctx.clear_rect(0.0, 0.0, w as f64, h as f64);
    draw_labels(ctx, scene, vp);
}

/// Labels with a white halo, centred on their point, over what the context holds (text from data is drawn
/// as text, never as markup).
pub fn draw_labels(ctx: &CanvasRenderingContext2d, scene: &Scene, vp: &Viewport) {
    let _ = ctx.set_transform(vp.dpr, 0.0, 0.0, vp.dpr, 0.0, 0.0);
    ctx.set_text_align("center");
    ctx.set_text_baseline("middle");
    ctx.set_line_join("round");
    let scale = crate::browser::label_scale();
    for l in &scene.labels {
        ctx.set_font(&format!(
            "{}{}px system-ui, \"DejaVu Sans\", \"Liberation Sans\", sans-serif",
            if l.bold { "bold " } else { "" },
            l.size * scale
        ));
        ctx.set_line_width(3.0);
        ctx.set_stroke_style_str("rgba(255,255,255,0.9)");
        let _ = ctx.stroke_text(&l.text, l.x as f64, l.y as f64);
        ctx.set_fill_style_str(&l.colour.css());
        let _ = ctx.fill_text(&l.text, l.x as f64, l.y as f64);
    }
}
