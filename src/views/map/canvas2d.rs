//! The Canvas 2D renderer: the fallback when WebGL2 is unavailable (and `?` forced in tests). Paths per
//! region (even-odd fill), quadratic curves for arcs, shapes and ring segments for markers.

use ecomap_core::projection::Viewport;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use super::render::{context_2d, size_canvas, Renderer};
use super::scene::{shape_points, ArcDraw, MarkerDraw, RegionDraw, Scene, Shape, HIGHLIGHT};

pub struct Canvas2dRenderer {
    canvas: HtmlCanvasElement,
    ctx: CanvasRenderingContext2d,
    /// `ctx.fill` called with "evenodd" (through JS: web-sys's winding-rule enum is not a compiled feature).
    fill: Option<js_sys::Function>,
}

impl Canvas2dRenderer {
    pub fn new(canvas: &HtmlCanvasElement) -> Option<Canvas2dRenderer> {
        let ctx = context_2d(canvas)?;
        let fill = js_sys::Reflect::get(&ctx, &"fill".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        Some(Canvas2dRenderer {
            ctx,
            canvas: canvas.clone(),
            fill,
        })
    }
}

fn shape_path(ctx: &CanvasRenderingContext2d, shape: Shape, x: f32, y: f32, r: f32) {
    ctx.begin_path();
    match shape {
        Shape::Circle => {
            let _ = ctx.arc(x as f64, y as f64, r as f64, 0.0, std::f64::consts::TAU);
        }
        Shape::Polygon { .. } => {
            for (i, [px, py]) in shape_points(shape, x, y, r).into_iter().enumerate() {
                if i == 0 {
                    ctx.move_to(px as f64, py as f64);
                } else {
                    ctx.line_to(px as f64, py as f64);
                }
            }
            ctx.close_path();
        }
    }
}

/// Each region as one path of its rings: filled even-odd, then its border.
fn draw_regions(ctx: &CanvasRenderingContext2d, evenodd_fill: Option<&js_sys::Function>, regions: &[RegionDraw]) {
    for r in regions {
        ctx.begin_path();
        for ring in &r.rings {
            for (i, p) in ring.iter().enumerate() {
                if i == 0 {
                    ctx.move_to(p[0] as f64, p[1] as f64);
                } else {
                    ctx.line_to(p[0] as f64, p[1] as f64);
                }
            }
            ctx.close_path();
        }
        ctx.set_fill_style_str(&r.fill.css());
        match evenodd_fill {
            Some(f) => {
                let _ = f.call1(ctx, &"evenodd".into());
            }
            None => ctx.fill(),
        }
        ctx.set_stroke_style_str(&r.stroke.css());
        ctx.set_line_width(r.stroke_width as f64);
        ctx.stroke();
    }
}

/// Arcs as quadratic curves with round caps.
fn draw_arcs(ctx: &CanvasRenderingContext2d, arcs: &[ArcDraw]) {
    ctx.set_line_cap("round");
    for a in arcs {
        ctx.begin_path();
        ctx.move_to(a.from[0] as f64, a.from[1] as f64);
        ctx.quadratic_curve_to(a.ctrl[0] as f64, a.ctrl[1] as f64, a.to[0] as f64, a.to[1] as f64);
        ctx.set_stroke_style_str(&a.colour.css());
        ctx.set_line_width(a.width as f64);
        ctx.stroke();
    }
}

/// A single actor: its shape filled, outlined white (dark and thicker when highlighted).
fn draw_marker(ctx: &CanvasRenderingContext2d, m: &MarkerDraw) {
    shape_path(ctx, m.shape, m.x, m.y, m.r);
    ctx.set_fill_style_str(&m.fill.css());
    ctx.fill();
    ctx.set_stroke_style_str(if m.highlighted { "#1c1f24" } else { "#ffffff" });
    ctx.set_line_width(if m.highlighted { 3.0 } else { 1.5 });
    ctx.stroke();
}

/// A cluster: a disc, the kind breakdown as a ring clockwise from the top, and a dark outline.
fn draw_bubble(ctx: &CanvasRenderingContext2d, m: &MarkerDraw) {
    shape_path(ctx, Shape::Circle, m.x, m.y, m.r);
    ctx.set_fill_style_str(&m.fill.css());
    ctx.fill();
    let ring_r = (m.r - 3.0) as f64;
    let mut a0 = -std::f64::consts::FRAC_PI_2;
    ctx.set_line_width(5.0);
    ctx.set_line_cap("butt");
    for &(frac, colour) in &m.segments {
        let a1 = a0 + frac as f64 * std::f64::consts::TAU;
        ctx.begin_path();
        let _ = ctx.arc(m.x as f64, m.y as f64, ring_r, a0, a1);
        ctx.set_stroke_style_str(&colour.css());
        ctx.stroke();
        a0 = a1;
    }
    shape_path(ctx, Shape::Circle, m.x, m.y, m.r);
    ctx.set_stroke_style_str(&HIGHLIGHT.css());
    ctx.set_line_width(if m.highlighted { 3.0 } else { 1.0 });
    ctx.stroke();
}

impl Renderer for Canvas2dRenderer {
    fn name(&self) -> &'static str {
        "canvas2d"
    }

    fn resize(&mut self, vp: &Viewport) {
        size_canvas(&self.canvas, vp);
    }

    fn draw(&mut self, scene: &Scene, vp: &Viewport) {
        let ctx = &self.ctx;
        let _ = ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
        let (w, h) = vp.device_size();
        ctx.clear_rect(0.0, 0.0, w as f64, h as f64);
        if let Some(bg) = scene.background {
            ctx.set_fill_style_str(&bg.css());
            ctx.fill_rect(0.0, 0.0, w as f64, h as f64);
        }
        let _ = ctx.set_transform(vp.dpr, 0.0, 0.0, vp.dpr, 0.0, 0.0);
        ctx.set_line_join("round");
        draw_regions(ctx, self.fill.as_ref(), &scene.regions);
        draw_arcs(ctx, &scene.arcs);
        for m in &scene.markers {
            if m.segments.is_empty() {
                draw_marker(ctx, m);
            } else {
                draw_bubble(ctx, m);
            }
        }
    }
}
