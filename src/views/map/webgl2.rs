//! The WebGL2 renderer: one tiny shader (CSS px → clip space, per-vertex colour) and CPU-built triangles.
//! Region fills use the stencil buffer (even-odd by INVERT, then a cover quad), so no triangulation is needed.
//!
//! Context loss is handled by the shared `views::gl::Context`: drawing pauses while the context is lost; on
//! restore the program and buffer are rebuilt and `on_change` asks the view to redraw.

use std::rc::Rc;

use ecomap_core::projection::Viewport;
use web_sys::{HtmlCanvasElement, WebGl2RenderingContext as Gl, WebGlBuffer, WebGlProgram, WebGlUniformLocation};

use super::render::{size_canvas, Renderer};
use super::scene::{shape_points, ArcDraw, MarkerDraw, RegionDraw, Rgba, Scene, Shape, HIGHLIGHT};
use crate::views::gl::{self, Context};

const VERTEX: &str = r#"#version 300 es
in vec2 a_pos;
in vec4 a_colour;
uniform vec2 u_size;
out vec4 v_colour;
void main() {
  vec2 p = a_pos / u_size * 2.0 - 1.0;
  gl_Position = vec4(p.x, -p.y, 0.0, 1.0);
  v_colour = a_colour;
}"#;

const FRAGMENT: &str = r#"#version 300 es
precision mediump float;
in vec4 v_colour;
out vec4 colour;
void main() { colour = vec4(v_colour.rgb * v_colour.a, v_colour.a); }"#;

/// Floats per vertex: x, y, r, g, b, a.
const STRIDE: i32 = 6;

struct GlState {
    program: WebGlProgram,
    buffer: WebGlBuffer,
    u_size: Option<WebGlUniformLocation>,
    a_pos: u32,
    a_colour: u32,
}

pub struct WebGl2Renderer {
    canvas: HtmlCanvasElement,
    gl: Gl,
    ctx: Context<GlState>,
    // Scratch buffers reused between frames.
    fans: Vec<f32>,
    tris: Vec<f32>,
}

fn setup(gl: &Gl) -> Option<GlState> {
    let program = gl::program(gl, VERTEX, FRAGMENT)?;
    let a_pos = u32::try_from(gl.get_attrib_location(&program, "a_pos")).ok()?;
    let a_colour = u32::try_from(gl.get_attrib_location(&program, "a_colour")).ok()?;
    Some(GlState {
        u_size: gl.get_uniform_location(&program, "u_size"),
        buffer: gl.create_buffer()?,
        program,
        a_pos,
        a_colour,
    })
}

impl WebGl2Renderer {
    /// A WebGL2 renderer on `canvas`, or `None` when the browser gives no WebGL2 context. `on_change(lost)` is
    /// called when the context is lost or restored.
    pub fn new(canvas: &HtmlCanvasElement, on_change: Rc<dyn Fn(bool)>) -> Option<WebGl2Renderer> {
        let attrs = web_sys::WebGlContextAttributes::new();
        attrs.set_stencil(true);
        attrs.set_antialias(true);
        attrs.set_premultiplied_alpha(true);
        let ctx = Context::new(canvas, &attrs, setup, on_change)?;
        Some(WebGl2Renderer {
            canvas: canvas.clone(),
            gl: ctx.gl.clone(),
            ctx,
            fans: Vec::new(),
            tris: Vec::new(),
        })
    }
}

fn push(out: &mut Vec<f32>, p: [f32; 2], c: [f32; 4]) {
    out.extend_from_slice(&[p[0], p[1], c[0], c[1], c[2], c[3]]);
}

/// A line of `width` px along `pts` as quads (one per segment) plus a square cap at every joint.
fn thick_line(out: &mut Vec<f32>, pts: &[[f32; 2]], closed: bool, width: f32, colour: Rgba) {
    let c = colour.f32();
    let h = width / 2.0;
    let n = pts.len();
    let segs = if closed { n } else { n.saturating_sub(1) };
    for i in 0..segs {
        let (a, b) = (pts[i], pts[(i + 1) % n]);
        let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
        let len = (dx * dx + dy * dy).sqrt();
        if len < 1e-3 {
            continue;
        }
        let (nx, ny) = (-dy / len * h, dx / len * h);
        let (a1, a2) = ([a[0] + nx, a[1] + ny], [a[0] - nx, a[1] - ny]);
        let (b1, b2) = ([b[0] + nx, b[1] + ny], [b[0] - nx, b[1] - ny]);
        for p in [a1, a2, b1, b1, a2, b2] {
            push(out, p, c);
        }
    }
}

/// A convex polygon as a fan around its first corner.
fn convex_fill(out: &mut Vec<f32>, pts: &[[f32; 2]], colour: Rgba) {
    let c = colour.f32();
    for i in 1..pts.len().saturating_sub(1) {
        push(out, pts[0], c);
        push(out, pts[i], c);
        push(out, pts[i + 1], c);
    }
}

fn arc_points(x: f32, y: f32, r: f32, a0: f32, a1: f32) -> Vec<[f32; 2]> {
    let steps = (((a1 - a0).abs() / 0.2).ceil() as usize).max(2);
    (0..=steps)
        .map(|i| {
            let a = a0 + (a1 - a0) * i as f32 / steps as f32;
            [x + r * a.cos(), y + r * a.sin()]
        })
        .collect()
}

impl WebGl2Renderer {
    fn draw_range(&self, first: i32, count: i32) {
        if count > 0 {
            self.gl.draw_arrays(Gl::TRIANGLES, first, count);
        }
    }

    fn bind(&self, st: &GlState, data: &[f32]) {
        let gl = &self.gl;
        gl.bind_buffer(Gl::ARRAY_BUFFER, Some(&st.buffer));
        let arr = js_sys::Float32Array::from(data);
        gl.buffer_data_with_array_buffer_view(Gl::ARRAY_BUFFER, &arr, Gl::STREAM_DRAW);
        gl.enable_vertex_attrib_array(st.a_pos);
        gl.vertex_attrib_pointer_with_i32(st.a_pos, 2, Gl::FLOAT, false, STRIDE * 4, 0);
        gl.enable_vertex_attrib_array(st.a_colour);
        gl.vertex_attrib_pointer_with_i32(st.a_colour, 4, Gl::FLOAT, false, STRIDE * 4, 8);
    }
}

/// Where one region's stencil fans and its cover quad sit in the vertex buffer: (first vertex, count) each.
struct RegionRange {
    fans: (i32, i32),
    cover: (i32, i32),
}

/// Per region, a triangle fan per ring (drawn into the stencil only) and a cover quad over the region's box
/// in its fill colour.
fn region_fans(out: &mut Vec<f32>, regions: &[RegionDraw]) -> Vec<RegionRange> {
    let mut ranges = Vec::with_capacity(regions.len());
    for r in regions {
        let start = out.len() as i32 / STRIDE;
        let (mut x0, mut y0, mut x1, mut y1) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
        for ring in &r.rings {
            for i in 1..ring.len().saturating_sub(1) {
                for p in [ring[0], ring[i], ring[i + 1]] {
                    push(out, p, [0.0; 4]);
                }
            }
            for p in ring {
                x0 = x0.min(p[0]);
                y0 = y0.min(p[1]);
                x1 = x1.max(p[0]);
                y1 = y1.max(p[1]);
            }
        }
        let fan_end = out.len() as i32 / STRIDE;
        let c = r.fill.f32();
        for p in [[x0, y0], [x1, y0], [x0, y1], [x0, y1], [x1, y0], [x1, y1]] {
            push(out, p, c);
        }
        ranges.push(RegionRange {
            fans: (start, fan_end - start),
            cover: (fan_end, 6),
        });
    }
    ranges
}

/// An arc as a quadratic curve through 17 points.
fn arc_triangles(out: &mut Vec<f32>, a: &ArcDraw) {
    let pts: Vec<[f32; 2]> = (0..=16)
        .map(|i| {
            let t = i as f32 / 16.0;
            let u = 1.0 - t;
            [
                u * u * a.from[0] + 2.0 * u * t * a.ctrl[0] + t * t * a.to[0],
                u * u * a.from[1] + 2.0 * u * t * a.ctrl[1] + t * t * a.to[1],
            ]
        })
        .collect();
    thick_line(out, &pts, false, a.width, a.colour);
}

/// A single actor: its shape filled, outlined white (dark and thicker when highlighted).
fn marker_triangles(out: &mut Vec<f32>, m: &MarkerDraw) {
    let pts = shape_points(m.shape, m.x, m.y, m.r);
    convex_fill(out, &pts, m.fill);
    let (w, c) = if m.highlighted {
        (3.0, HIGHLIGHT)
    } else {
        (1.5, Rgba(255, 255, 255, 255))
    };
    thick_line(out, &pts, true, w, c);
}

/// A cluster: a disc with a ring of its kinds' shares, clockwise from the top, and a dark outline.
fn bubble_triangles(out: &mut Vec<f32>, m: &MarkerDraw) {
    let disc = shape_points(Shape::Circle, m.x, m.y, m.r);
    convex_fill(out, &disc, m.fill);
    let mut a0 = -std::f32::consts::FRAC_PI_2;
    for &(frac, colour) in &m.segments {
        let a1 = a0 + frac * std::f32::consts::TAU;
        thick_line(out, &arc_points(m.x, m.y, m.r - 3.0, a0, a1), false, 5.0, colour);
        a0 = a1;
    }
    let outline = arc_points(m.x, m.y, m.r, 0.0, std::f32::consts::TAU);
    thick_line(out, &outline, true, if m.highlighted { 3.0 } else { 1.0 }, HIGHLIGHT);
}

/// Everything above the region fills, back to front: region borders, arcs, markers.
fn line_and_marker_triangles(out: &mut Vec<f32>, scene: &Scene) {
    for r in &scene.regions {
        for ring in &r.rings {
            thick_line(out, ring, true, r.stroke_width, r.stroke);
        }
    }
    for a in &scene.arcs {
        arc_triangles(out, a);
    }
    for m in &scene.markers {
        if m.segments.is_empty() {
            marker_triangles(out, m);
        } else {
            bubble_triangles(out, m);
        }
    }
}

impl WebGl2Renderer {
    /// Clears to the background and sets up the program for a frame of `vp`'s size.
    fn begin_frame(&self, st: &GlState, background: Option<Rgba>, vp: &Viewport) {
        let gl = &self.gl;
        let (w, h) = vp.device_size();
        gl.viewport(0, 0, w as i32, h as i32);
        let bg = background.unwrap_or(Rgba(0, 0, 0, 0)).f32();
        gl.clear_color(bg[0] * bg[3], bg[1] * bg[3], bg[2] * bg[3], bg[3]);
        gl.clear_stencil(0);
        gl.clear(Gl::COLOR_BUFFER_BIT | Gl::STENCIL_BUFFER_BIT);
        gl.use_program(Some(&st.program));
        gl.uniform2f(st.u_size.as_ref(), vp.width as f32, vp.height as f32);
        gl.enable(Gl::BLEND);
        gl.blend_func(Gl::ONE, Gl::ONE_MINUS_SRC_ALPHA);
    }

    /// Region fills: per region, its fans into the stencil (INVERT gives even-odd), then the cover quad where
    /// the stencil is set (which clears it for the next region).
    fn fill_regions(&mut self, st: &GlState, regions: &[RegionDraw]) {
        let mut fans = std::mem::take(&mut self.fans);
        fans.clear();
        let ranges = region_fans(&mut fans, regions);
        self.bind(st, &fans);
        let gl = &self.gl;
        gl.enable(Gl::STENCIL_TEST);
        for range in &ranges {
            gl.color_mask(false, false, false, false);
            gl.stencil_func(Gl::ALWAYS, 0, 0xff);
            gl.stencil_op(Gl::KEEP, Gl::KEEP, Gl::INVERT);
            self.draw_range(range.fans.0, range.fans.1);
            gl.color_mask(true, true, true, true);
            gl.stencil_func(Gl::NOTEQUAL, 0, 0xff);
            gl.stencil_op(Gl::ZERO, Gl::ZERO, Gl::ZERO);
            self.draw_range(range.cover.0, range.cover.1);
        }
        gl.disable(Gl::STENCIL_TEST);
        self.fans = fans;
    }

    /// Borders, arcs and markers in one batch.
    fn draw_lines_and_markers(&mut self, st: &GlState, scene: &Scene) {
        let mut tris = std::mem::take(&mut self.tris);
        tris.clear();
        line_and_marker_triangles(&mut tris, scene);
        self.bind(st, &tris);
        self.draw_range(0, tris.len() as i32 / STRIDE);
        self.tris = tris;
    }
}

impl Renderer for WebGl2Renderer {
    fn name(&self) -> &'static str {
        "webgl2"
    }

    fn resize(&mut self, vp: &Viewport) {
        size_canvas(&self.canvas, vp);
    }

    fn lost(&self) -> bool {
        self.ctx.lost()
    }

    fn draw(&mut self, scene: &Scene, vp: &Viewport) {
        if self.lost() {
            return;
        }
        let state = self.ctx.state();
        let st = state.borrow();
        let Some(st) = st.as_ref() else { return };
        self.begin_frame(st, scene.background, vp);
        self.fill_regions(st, &scene.regions);
        self.draw_lines_and_markers(st, scene);
    }
}
