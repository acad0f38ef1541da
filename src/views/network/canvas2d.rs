//! Canvas 2D renderer: one path per (layer, colour) bucket, edges as one path per layer, labels with a halo.
//!
//! The backing store is css size · devicePixelRatio, so lines and text stay crisp on high-DPI screens.

use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use super::render::{Frame, Layer, Palette, Renderer, Shape, EDGE_STYLE, FADED_ALPHA, OUTLINE};

pub struct Canvas2d {
    canvas: HtmlCanvasElement,
    ctx: CanvasRenderingContext2d,
    dpr: f32,
    buckets: Vec<Vec<u32>>,
}

impl Canvas2d {
    pub fn new(canvas: HtmlCanvasElement) -> Option<Canvas2d> {
        let ctx = canvas
            .get_context("2d")
            .ok()??
            .dyn_into::<CanvasRenderingContext2d>()
            .ok()?;
        Some(Canvas2d {
            canvas,
            ctx,
            dpr: 1.0,
            buckets: vec![Vec::new(); 3 * 8],
        })
    }
}

impl Renderer for Canvas2d {
    fn name(&self) -> &'static str {
        "canvas2d"
    }

    fn resize(&mut self, width: f32, height: f32, dpr: f32) {
        self.dpr = dpr;
        self.canvas.set_width((width * dpr).round().max(1.0) as u32);
        self.canvas.set_height((height * dpr).round().max(1.0) as u32);
    }

    fn draw(&mut self, frame: &Frame, palette: &Palette) {
        let c = &self.ctx;
        let d = self.dpr as f64;
        let _ = c.set_transform(d, 0.0, 0.0, d, 0.0, 0.0);
        c.clear_rect(0.0, 0.0, frame.width as f64, frame.height as f64);
        // Edges: faded, normal, highlighted.
        for (layer, &(alpha, width)) in EDGE_STYLE.iter().enumerate() {
            let (alpha, width) = (alpha as f64, width as f64);
            let segs = &frame.edges[layer];
            if segs.is_empty() {
                continue;
            }
            c.set_global_alpha(alpha);
            c.set_stroke_style_str(if layer == 2 { &palette.text } else { &palette.edge });
            c.set_line_width(width);
            c.begin_path();
            for s in segs {
                c.move_to(s[0] as f64, s[1] as f64);
                c.line_to(s[2] as f64, s[3] as f64);
            }
            c.stroke();
        }
        // Nodes in (layer, colour) buckets: one fill and one outline per bucket.
        self.buckets.iter_mut().for_each(Vec::clear);
        for (k, n) in frame.nodes.iter().enumerate() {
            self.buckets[n.layer as usize * 8 + n.colour as usize].push(k as u32);
        }
        for (b, list) in self.buckets.iter().enumerate() {
            if list.is_empty() {
                continue;
            }
            let layer = b / 8;
            let colour = b % 8;
            c.set_global_alpha(if layer == Layer::Faded as usize {
                FADED_ALPHA as f64
            } else {
                1.0
            });
            c.begin_path();
            for &k in list {
                let n = &frame.nodes[k as usize];
                let (x, y, r) = (n.x as f64, n.y as f64, n.r as f64);
                if n.shape == Shape::Circle {
                    c.move_to(x + r, y);
                    let _ = c.arc(x, y, r, 0.0, std::f64::consts::TAU);
                } else {
                    let pts = n.shape.outline();
                    c.move_to(x + pts[0].0 as f64 * r, y + pts[0].1 as f64 * r);
                    for p in &pts[1..] {
                        c.line_to(x + p.0 as f64 * r, y + p.1 as f64 * r);
                    }
                    c.close_path();
                }
            }
            c.set_fill_style_str(&palette.fill[colour]);
            c.fill();
            if layer != Layer::Faded as usize {
                c.set_stroke_style_str(&palette.surface);
                c.set_line_width(OUTLINE[usize::from(colour == 7)] as f64);
                c.stroke();
            }
        }
        c.set_global_alpha(1.0);
        self.marks(frame, palette);
    }
}

impl Canvas2d {
    /// Clears the canvas and draws only the focus ring and the labels (the WebGL2 renderer's text overlay).
    pub fn draw_marks(&mut self, frame: &Frame, palette: &Palette) {
        let d = self.dpr as f64;
        let _ = self.ctx.set_transform(d, 0.0, 0.0, d, 0.0, 0.0);
        self.ctx.clear_rect(0.0, 0.0, frame.width as f64, frame.height as f64);
        self.marks(frame, palette);
    }

    fn marks(&self, frame: &Frame, palette: &Palette) {
        let c = &self.ctx;
        // Focus ring (3:1 against the background: the focus token, two rings).
        if let Some((x, y, r)) = frame.ring {
            c.begin_path();
            let _ = c.arc(x as f64, y as f64, r as f64 + 4.0, 0.0, std::f64::consts::TAU);
            c.set_stroke_style_str(&palette.surface);
            c.set_line_width(5.0);
            c.stroke();
            c.set_stroke_style_str(&palette.focus);
            c.set_line_width(3.0);
            c.stroke();
        }
        // Labels with a halo.
        c.set_text_baseline("middle");
        c.set_line_join("round");
        let scale = crate::browser::label_scale();
        let (strong, plain) = (
            format!("600 {}px system-ui, sans-serif", 13.0 * scale),
            format!("{}px system-ui, sans-serif", 11.0 * scale),
        );
        for l in &frame.labels {
            c.set_font(if l.strong { &strong } else { &plain });
            c.set_stroke_style_str(&palette.surface);
            c.set_line_width(3.0);
            let _ = c.stroke_text(&l.text, l.x as f64, l.y as f64);
            c.set_fill_style_str(&palette.text);
            let _ = c.fill_text(&l.text, l.x as f64, l.y as f64);
        }
    }
}
