//! WebGL2 renderer: one unit quad drawn instanced, once for all edges and once for all nodes.
//!
//! - Edges: one instance per segment (ends, layer). The vertex shader widens the quad to the layer's width in
//!   device pixels (at least 1; a thinner line is drawn 1 device px wide with its alpha scaled down, so it
//!   keeps its weight) and the fragment shader antialiases its sides.
//! - Nodes: one instance per node (centre, radius, shape, outline, colour). The fragment shader cuts the shape
//!   from a signed distance (circle, or the regular polygon of `render::polygon`), antialiased over one device
//!   pixel, with an outline in the surface colour.
//! - Labels and the focus ring are text and strokes: the Canvas 2D renderer draws them on an overlay canvas.
//!
//! Instance data is written into byte vectors reused between frames and uploaded with `bufferSubData`
//! straight from wasm memory into buffers that only grow. Context loss is handled by `views::gl::Context`.
//! Same `Renderer` trait as Canvas 2D; the default, chosen in the view's toolbar (Canvas 2D is the fallback).

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{
    HtmlCanvasElement, WebGl2RenderingContext as Gl, WebGlBuffer, WebGlProgram, WebGlUniformLocation,
    WebGlVertexArrayObject,
};

use super::canvas2d::Canvas2d;
use super::render::{Frame, Layer, Palette, Renderer, Shape, EDGE_STYLE, FADED_ALPHA, OUTLINE};
use crate::views::gl::{self, hex_rgb, Context, GrowBuffer};

const EDGE_VS: &str = "#version 300 es
layout(location = 0) in vec2 a_corner;
layout(location = 1) in vec4 a_ends;
layout(location = 2) in float a_layer;
uniform vec2 u_size;
uniform float u_dpr;
uniform vec3 u_width;
uniform vec4 u_colour[3];
out float v_side;
out float v_half;
out vec4 v_colour;
void main() {
  int l = int(a_layer + 0.5);
  float w = u_width[l] * u_dpr;
  float wd = max(w, 1.0);
  float reach = wd * 0.5 + 1.0;
  vec2 d = a_ends.zw - a_ends.xy;
  float len = length(d);
  vec2 dir = len > 0.0 ? d / len : vec2(1.0, 0.0);
  vec2 nrm = vec2(-dir.y, dir.x);
  vec2 p = mix(a_ends.xy, a_ends.zw, a_corner.x * 0.5 + 0.5) + nrm * (a_corner.y * reach / u_dpr);
  gl_Position = vec4(p.x / u_size.x * 2.0 - 1.0, 1.0 - p.y / u_size.y * 2.0, 0.0, 1.0);
  v_side = a_corner.y * reach;
  v_half = wd * 0.5;
  v_colour = vec4(u_colour[l].rgb, u_colour[l].a * min(w, 1.0));
}";
const EDGE_FS: &str = "#version 300 es
precision mediump float;
in float v_side;
in float v_half;
in vec4 v_colour;
out vec4 o;
void main() {
  float a = clamp(v_half + 0.5 - abs(v_side), 0.0, 1.0) * v_colour.a;
  o = vec4(v_colour.rgb * a, a);
}";
const NODE_VS: &str = "#version 300 es
layout(location = 0) in vec2 a_corner;
layout(location = 1) in vec2 a_centre;
layout(location = 2) in float a_radius;
layout(location = 3) in vec3 a_shape;
layout(location = 4) in float a_outline;
layout(location = 5) in vec4 a_colour;
uniform vec2 u_size;
uniform float u_dpr;
out vec2 v_p;
out float v_scale;
out vec3 v_shape;
out float v_outline;
out vec4 v_colour;
void main() {
  float r = max(a_radius, 0.01);
  float reach = r * 1.3 + a_outline + 2.0 / u_dpr;
  vec2 p = a_centre + a_corner * reach;
  gl_Position = vec4(p.x / u_size.x * 2.0 - 1.0, 1.0 - p.y / u_size.y * 2.0, 0.0, 1.0);
  v_p = a_corner * reach / r;
  v_scale = r * u_dpr;
  v_shape = a_shape;
  v_outline = a_outline > 0.0 ? max(a_outline * u_dpr, 1.0) : 0.0;
  v_colour = a_colour;
}";
// v_p in radii; v_shape = (sides, angle of the first edge's normal, apothem in radii); sides 0 = circle.
// d is the signed distance to the shape's border in device pixels (negative inside).
const NODE_FS: &str = "#version 300 es
precision highp float;
in vec2 v_p;
in float v_scale;
in vec3 v_shape;
in float v_outline;
in vec4 v_colour;
uniform vec3 u_surface;
out vec4 o;
void main() {
  float d;
  if (v_shape.x < 2.5) {
    d = length(v_p) - 1.0;
  } else {
    float seg = 6.2831853 / v_shape.x;
    float a = atan(v_p.y, v_p.x) - v_shape.y;
    a -= seg * floor(a / seg + 0.5);
    d = length(v_p) * cos(a) - v_shape.z;
  }
  d *= v_scale;
  float half_o = v_outline * 0.5;
  float cover = clamp(0.5 - (d - half_o), 0.0, 1.0);
  if (cover <= 0.0) discard;
  float ring = v_outline > 0.0 ? clamp(d + half_o + 0.5, 0.0, 1.0) : 0.0;
  vec3 c = mix(v_colour.rgb, u_surface, ring);
  float alpha = cover * v_colour.a;
  o = vec4(c * alpha, alpha);
}";

/// Bytes per instance.
const EDGE_STRIDE: i32 = 20;
const NODE_STRIDE: i32 = 32;

/// (sides, normal angle of the first edge, apothem in radii) of the shape `render::polygon` draws.
fn shape_params(s: Shape) -> [f32; 3] {
    let pts = s.outline();
    if pts.len() < 3 {
        return [0.0, 0.0, 1.0];
    }
    let (mx, my) = ((pts[0].0 + pts[1].0) * 0.5, (pts[0].1 + pts[1].1) * 0.5);
    [pts.len() as f32, my.atan2(mx), (mx * mx + my * my).sqrt()]
}

fn put(out: &mut Vec<u8>, values: &[f32]) {
    for v in values {
        out.extend_from_slice(&v.to_le_bytes());
    }
}

/// Programs, buffers and vertex arrays: everything that a context loss takes away.
struct GlState {
    edge_prog: WebGlProgram,
    node_prog: WebGlProgram,
    edge_vao: WebGlVertexArrayObject,
    node_vao: WebGlVertexArrayObject,
    edges: GrowBuffer,
    nodes: GrowBuffer,
    _quad: WebGlBuffer,
    edge_u: [Option<WebGlUniformLocation>; 4],
    node_u: [Option<WebGlUniformLocation>; 3],
}

/// One vertex array: the unit quad at location 0, then the instance attributes `(location, size, type,
/// normalised, offset)` from `instances`, advancing once per instance.
fn vertex_array(
    gl: &Gl,
    quad: &WebGlBuffer,
    instances: &WebGlBuffer,
    stride: i32,
    attrs: &[(u32, i32, u32, bool, i32)],
) -> Option<WebGlVertexArrayObject> {
    let vao = gl.create_vertex_array()?;
    gl.bind_vertex_array(Some(&vao));
    gl.bind_buffer(Gl::ARRAY_BUFFER, Some(quad));
    gl.enable_vertex_attrib_array(0);
    gl.vertex_attrib_pointer_with_i32(0, 2, Gl::FLOAT, false, 8, 0);
    gl.bind_buffer(Gl::ARRAY_BUFFER, Some(instances));
    for &(loc, size, ty, norm, offset) in attrs {
        gl.enable_vertex_attrib_array(loc);
        gl.vertex_attrib_pointer_with_i32(loc, size, ty, norm, stride, offset);
        gl.vertex_attrib_divisor(loc, 1);
    }
    gl.bind_vertex_array(None);
    Some(vao)
}

fn setup(gl: &Gl) -> Option<GlState> {
    let edge_prog = gl::program(gl, EDGE_VS, EDGE_FS)?;
    let node_prog = gl::program(gl, NODE_VS, NODE_FS)?;
    let quad = gl.create_buffer()?;
    gl.bind_buffer(Gl::ARRAY_BUFFER, Some(&quad));
    let corners: Vec<u8> = [-1.0f32, -1.0, 1.0, -1.0, -1.0, 1.0, 1.0, 1.0]
        .iter()
        .flat_map(|v| v.to_le_bytes())
        .collect();
    gl.buffer_data_with_u8_array(Gl::ARRAY_BUFFER, &corners, Gl::STATIC_DRAW);
    let edges = GrowBuffer::new(gl)?;
    let nodes = GrowBuffer::new(gl)?;
    let edge_vao = vertex_array(
        gl,
        &quad,
        &edges.buffer,
        EDGE_STRIDE,
        &[(1, 4, Gl::FLOAT, false, 0), (2, 1, Gl::FLOAT, false, 16)],
    )?;
    let node_vao = vertex_array(
        gl,
        &quad,
        &nodes.buffer,
        NODE_STRIDE,
        &[
            (1, 2, Gl::FLOAT, false, 0),
            (2, 1, Gl::FLOAT, false, 8),
            (3, 3, Gl::FLOAT, false, 12),
            (4, 1, Gl::FLOAT, false, 24),
            (5, 4, Gl::UNSIGNED_BYTE, true, 28),
        ],
    )?;
    let eu = |n: &str| gl.get_uniform_location(&edge_prog, n);
    let nu = |n: &str| gl.get_uniform_location(&node_prog, n);
    Some(GlState {
        edge_u: [eu("u_size"), eu("u_dpr"), eu("u_width"), eu("u_colour")],
        node_u: [nu("u_size"), nu("u_dpr"), nu("u_surface")],
        edge_prog,
        node_prog,
        edge_vao,
        node_vao,
        edges,
        nodes,
        _quad: quad,
    })
}

pub struct WebGl2 {
    ctx: Context<GlState>,
    /// Labels and the focus ring, drawn by the Canvas 2D renderer on an overlay canvas.
    overlay: Canvas2d,
    overlay_el: HtmlCanvasElement,
    width: f32,
    height: f32,
    dpr: f32,
    edge_data: Vec<u8>,
    node_data: Vec<u8>,
    /// Node indices in drawing order.
    order: Vec<u32>,
    shapes: [[f32; 3]; 8],
}

impl WebGl2 {
    /// A WebGL2 renderer on `canvas`, or None when WebGL2 is unavailable (the caller falls back to Canvas 2D).
    /// `on_change(lost)` is called when the context is lost or restored (the view redraws then).
    pub fn new(canvas: HtmlCanvasElement, on_change: Rc<dyn Fn(bool)>) -> Option<WebGl2> {
        let attrs = web_sys::WebGlContextAttributes::new();
        // The shaders antialias; multisampling would only cost time.
        attrs.set_antialias(false);
        attrs.set_premultiplied_alpha(true);
        attrs.set_depth(false);
        let ctx = Context::new(&canvas, &attrs, setup, on_change)?;
        let doc = web_sys::window()?.document()?;
        let overlay_el = doc
            .create_element("canvas")
            .ok()?
            .dyn_into::<HtmlCanvasElement>()
            .ok()?;
        overlay_el.set_class_name("network-canvas network-overlay");
        overlay_el.set_attribute("aria-hidden", "true").ok()?;
        canvas.parent_node()?.append_child(&overlay_el).ok()?;
        let overlay = Canvas2d::new(overlay_el.clone())?;
        let all = [
            Shape::Circle,
            Shape::Triangle,
            Shape::TriangleDown,
            Shape::Square,
            Shape::Diamond,
            Shape::Pentagon,
            Shape::Hexagon,
            Shape::Octagon,
        ];
        Some(WebGl2 {
            ctx,
            overlay,
            overlay_el,
            width: 1.0,
            height: 1.0,
            dpr: 1.0,
            edge_data: Vec::new(),
            node_data: Vec::new(),
            order: Vec::new(),
            shapes: all.map(shape_params),
        })
    }
}

impl Drop for WebGl2 {
    fn drop(&mut self) {
        self.overlay_el.remove();
    }
}

impl Renderer for WebGl2 {
    fn name(&self) -> &'static str {
        "webgl2"
    }

    fn resize(&mut self, width: f32, height: f32, dpr: f32) {
        self.width = width;
        self.height = height;
        self.dpr = dpr;
        let c = self.ctx.canvas();
        c.set_width((width * dpr).round().max(1.0) as u32);
        c.set_height((height * dpr).round().max(1.0) as u32);
        self.overlay.resize(width, height, dpr);
    }

    fn draw(&mut self, frame: &Frame, palette: &Palette) {
        // Text first: it needs no GPU and stays right while the context is lost.
        self.overlay.draw_marks(frame, palette);
        if self.ctx.lost() {
            return;
        }
        let state = self.ctx.state();
        let mut guard = state.borrow_mut();
        let Some(st) = guard.as_mut() else { return };
        let gl = self.ctx.gl.clone();
        let c = self.ctx.canvas();
        gl.viewport(0, 0, c.width() as i32, c.height() as i32);
        gl.clear_color(0.0, 0.0, 0.0, 0.0);
        gl.clear(Gl::COLOR_BUFFER_BIT);
        gl.enable(Gl::BLEND);
        gl.blend_func(Gl::ONE, Gl::ONE_MINUS_SRC_ALPHA);

        // Edges: faded, normal, highlighted, in one instanced draw.
        self.edge_data.clear();
        for (l, segs) in frame.edges.iter().enumerate() {
            for s in segs {
                put(&mut self.edge_data, s);
                put(&mut self.edge_data, &[l as f32]);
            }
        }
        let edge_count = self.edge_data.len() as i32 / EDGE_STRIDE;
        if edge_count > 0 {
            gl.use_program(Some(&st.edge_prog));
            st.edges.upload(&gl, &self.edge_data);
            let u = &st.edge_u;
            gl.uniform2f(u[0].as_ref(), self.width, self.height);
            gl.uniform1f(u[1].as_ref(), self.dpr);
            let mut widths = [0.0f32; 3];
            let mut colours = [0.0f32; 12];
            for (l, (alpha, width)) in EDGE_STYLE.iter().enumerate() {
                widths[l] = *width;
                let c = hex_rgb(if l == Layer::Highlight as usize {
                    &palette.text
                } else {
                    &palette.edge
                });
                colours[l * 4..l * 4 + 4].copy_from_slice(&[c[0], c[1], c[2], *alpha]);
            }
            gl.uniform3fv_with_f32_array(u[2].as_ref(), &widths);
            gl.uniform4fv_with_f32_array(u[3].as_ref(), &colours);
            gl.bind_vertex_array(Some(&st.edge_vao));
            gl.draw_arrays_instanced(Gl::TRIANGLE_STRIP, 0, 4, edge_count);
        }

        // Nodes in the order Canvas 2D paints them: by layer (highlighted on top), then by colour (technology
        // hubs last), by a counting sort into a reused index list.
        let bucket = |n: &super::render::NodeDraw| n.layer as usize * 8 + (n.colour as usize & 7);
        let mut starts = [0usize; 25];
        for n in &frame.nodes {
            starts[bucket(n) + 1] += 1;
        }
        for k in 1..25 {
            starts[k] += starts[k - 1];
        }
        self.order.clear();
        self.order.resize(frame.nodes.len(), 0);
        for (i, n) in frame.nodes.iter().enumerate() {
            let b = bucket(n);
            self.order[starts[b]] = i as u32;
            starts[b] += 1;
        }
        let fills: [[f32; 3]; 8] = std::array::from_fn(|k| hex_rgb(&palette.fill[k]));
        self.node_data.clear();
        for &i in &self.order {
            let n = &frame.nodes[i as usize];
            let f = fills[n.colour as usize & 7];
            let faded = n.layer == Layer::Faded;
            let outline = if faded {
                0.0
            } else {
                OUTLINE[usize::from(n.colour == 7)]
            };
            put(&mut self.node_data, &[n.x, n.y, n.r]);
            put(&mut self.node_data, &self.shapes[n.shape as usize]);
            put(&mut self.node_data, &[outline]);
            let a = if faded { FADED_ALPHA } else { 1.0 };
            self.node_data
                .extend_from_slice(&[f[0], f[1], f[2], a].map(|v| (v * 255.0).round() as u8));
        }
        let node_count = self.node_data.len() as i32 / NODE_STRIDE;
        if node_count > 0 {
            gl.use_program(Some(&st.node_prog));
            st.nodes.upload(&gl, &self.node_data);
            let u = &st.node_u;
            gl.uniform2f(u[0].as_ref(), self.width, self.height);
            gl.uniform1f(u[1].as_ref(), self.dpr);
            let s = hex_rgb(&palette.surface);
            gl.uniform3f(u[2].as_ref(), s[0], s[1], s[2]);
            gl.bind_vertex_array(Some(&st.node_vao));
            gl.draw_arrays_instanced(Gl::TRIANGLE_STRIP, 0, 4, node_count);
        }
        gl.bind_vertex_array(None);
    }
}
