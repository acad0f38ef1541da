//! WebGL2 renderer: edges as one line batch per layer, nodes as point sprites whose fragment shader cuts the
//! kind's shape (circle or regular polygon), labels and the focus ring on a 2D overlay canvas.
//!
//! Same `Renderer` trait as Canvas 2D; chosen in the view's toolbar (Canvas 2D stays the default).

use wasm_bindgen::JsCast;
use web_sys::{HtmlCanvasElement, WebGl2RenderingContext as Gl, WebGlBuffer, WebGlProgram, WebGlShader};

use super::canvas2d::Canvas2d;
use super::render::{Frame, Layer, Palette, Renderer, Shape};

const EDGE_VS: &str = "#version 300 es
in vec2 a_pos;
uniform vec2 u_size;
void main() { gl_Position = vec4(a_pos.x / u_size.x * 2.0 - 1.0, 1.0 - a_pos.y / u_size.y * 2.0, 0.0, 1.0); }";
const EDGE_FS: &str = "#version 300 es
precision mediump float;
uniform vec4 u_color;
out vec4 o;
void main() { o = u_color; }";
const NODE_VS: &str = "#version 300 es
in vec2 a_pos;
in float a_r;
in vec4 a_color;
in vec2 a_shape;
uniform vec2 u_size;
uniform float u_dpr;
out vec4 v_color;
out vec2 v_shape;
out float v_px;
void main() {
  gl_Position = vec4(a_pos.x / u_size.x * 2.0 - 1.0, 1.0 - a_pos.y / u_size.y * 2.0, 0.0, 1.0);
  float px = (a_r * 2.5 + 2.0) * u_dpr;
  gl_PointSize = px;
  v_px = px;
  v_color = a_color;
  v_shape = a_shape;
}";
// v_shape = (sides, rotation); sides 0 = circle. The polygon's inradius is scaled like the 2D shapes.
const NODE_FS: &str = "#version 300 es
precision mediump float;
in vec4 v_color;
in vec2 v_shape;
in float v_px;
uniform vec3 u_surface;
out vec4 o;
void main() {
  vec2 p = gl_PointCoord * 2.0 - 1.0;
  p *= 1.25;
  float d;
  if (v_shape.x < 2.5) {
    d = length(p);
  } else {
    float n = v_shape.x;
    float a = atan(p.x, -p.y) + v_shape.y;
    float seg = 6.2831853 / n;
    d = length(p) * cos(mod(a + seg * 0.5, seg) - seg * 0.5) / cos(seg * 0.5);
  }
  if (d > 1.0) discard;
  float edge = 1.0 - 2.5 / v_px;
  vec3 c = d > edge ? u_surface : v_color.rgb;
  o = vec4(c * v_color.a, v_color.a);
}";

fn shape_params(s: Shape) -> (f32, f32) {
    match s {
        Shape::Circle => (0.0, 0.0),
        Shape::Triangle => (3.0, 0.0),
        Shape::TriangleDown => (3.0, std::f32::consts::PI / 3.0),
        Shape::Square => (4.0, std::f32::consts::PI / 4.0),
        Shape::Diamond => (4.0, 0.0),
        Shape::Pentagon => (5.0, 0.0),
        Shape::Hexagon => (6.0, 0.0),
        Shape::Octagon => (8.0, std::f32::consts::PI / 8.0),
    }
}

/// "#rrggbb" (or "#rgb") to linear 0..1 floats; anything else is grey.
fn rgb(css: &str) -> [f32; 3] {
    let h = css.trim().trim_start_matches('#');
    let parse = |s: &str| u8::from_str_radix(s, 16).ok().map(|v| v as f32 / 255.0);
    let v = match h.len() {
        6 => (parse(&h[0..2]), parse(&h[2..4]), parse(&h[4..6])),
        3 => (
            parse(&h[0..1].repeat(2)),
            parse(&h[1..2].repeat(2)),
            parse(&h[2..3].repeat(2)),
        ),
        _ => (None, None, None),
    };
    match v {
        (Some(r), Some(g), Some(b)) => [r, g, b],
        _ => [0.4, 0.4, 0.4],
    }
}

pub struct WebGl2 {
    gl: Gl,
    edge_prog: WebGlProgram,
    node_prog: WebGlProgram,
    edge_buf: WebGlBuffer,
    node_buf: WebGlBuffer,
    /// Labels and the focus ring, drawn by the Canvas 2D renderer on an overlay canvas.
    overlay: Canvas2d,
    overlay_el: HtmlCanvasElement,
    width: f32,
    height: f32,
    dpr: f32,
    edge_data: Vec<f32>,
    node_data: Vec<f32>,
    text_only: Frame,
}

fn compile(gl: &Gl, kind: u32, src: &str) -> Option<WebGlShader> {
    let s = gl.create_shader(kind)?;
    gl.shader_source(&s, src);
    gl.compile_shader(&s);
    let ok = gl.get_shader_parameter(&s, Gl::COMPILE_STATUS).as_bool() == Some(true);
    if !ok {
        leptos::logging::warn!(
            "network: WebGL2 shader: {}",
            gl.get_shader_info_log(&s).unwrap_or_default()
        );
    }
    ok.then_some(s)
}

fn program(gl: &Gl, vs: &str, fs: &str) -> Option<WebGlProgram> {
    let p = gl.create_program()?;
    gl.attach_shader(&p, &compile(gl, Gl::VERTEX_SHADER, vs)?);
    gl.attach_shader(&p, &compile(gl, Gl::FRAGMENT_SHADER, fs)?);
    gl.link_program(&p);
    gl.get_program_parameter(&p, Gl::LINK_STATUS).as_bool()?.then_some(p)
}

impl WebGl2 {
    /// A WebGL2 renderer on `canvas`, or None when WebGL2 is unavailable (the caller falls back to Canvas 2D).
    pub fn new(canvas: HtmlCanvasElement) -> Option<WebGl2> {
        let gl = canvas.get_context("webgl2").ok()??.dyn_into::<Gl>().ok()?;
        let edge_prog = program(&gl, EDGE_VS, EDGE_FS)?;
        let node_prog = program(&gl, NODE_VS, NODE_FS)?;
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
        Some(WebGl2 {
            edge_buf: gl.create_buffer()?,
            node_buf: gl.create_buffer()?,
            gl,
            edge_prog,
            node_prog,
            overlay,
            overlay_el,
            width: 1.0,
            height: 1.0,
            dpr: 1.0,
            edge_data: Vec::new(),
            node_data: Vec::new(),
            text_only: Frame::default(),
        })
    }

    fn upload(&self, buf: &WebGlBuffer, data: &[f32]) {
        self.gl.bind_buffer(Gl::ARRAY_BUFFER, Some(buf));
        let arr = js_sys::Float32Array::from(data);
        self.gl
            .buffer_data_with_array_buffer_view(Gl::ARRAY_BUFFER, &arr, Gl::DYNAMIC_DRAW);
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
        if let Some(c) = self.gl.canvas().and_then(|c| c.dyn_into::<HtmlCanvasElement>().ok()) {
            c.set_width((width * dpr).round().max(1.0) as u32);
            c.set_height((height * dpr).round().max(1.0) as u32);
        }
        self.overlay.resize(width, height, dpr);
        self.gl
            .viewport(0, 0, (width * dpr).round() as i32, (height * dpr).round() as i32);
    }

    fn draw(&mut self, frame: &Frame, palette: &Palette) {
        let gl = &self.gl;
        gl.clear_color(0.0, 0.0, 0.0, 0.0);
        gl.clear(Gl::COLOR_BUFFER_BIT);
        gl.enable(Gl::BLEND);
        gl.blend_func(Gl::ONE, Gl::ONE_MINUS_SRC_ALPHA);
        // Edges: one upload, one draw per layer.
        self.edge_data.clear();
        let mut ranges = [(0i32, 0i32); 3];
        for (l, segs) in frame.edges.iter().enumerate() {
            let first = (self.edge_data.len() / 2) as i32;
            for s in segs {
                self.edge_data.extend_from_slice(s);
            }
            ranges[l] = (first, (self.edge_data.len() / 2) as i32 - first);
        }
        gl.use_program(Some(&self.edge_prog));
        self.upload(&self.edge_buf, &self.edge_data);
        let loc = gl.get_attrib_location(&self.edge_prog, "a_pos") as u32;
        gl.enable_vertex_attrib_array(loc);
        gl.vertex_attrib_pointer_with_i32(loc, 2, Gl::FLOAT, false, 8, 0);
        gl.uniform2f(
            gl.get_uniform_location(&self.edge_prog, "u_size").as_ref(),
            self.width,
            self.height,
        );
        let colour_loc = gl.get_uniform_location(&self.edge_prog, "u_color");
        let (edge, text) = (rgb(&palette.edge), rgb(&palette.text));
        for (l, alpha) in [(0usize, 0.06f32), (1, 0.22), (2, 0.85)] {
            let (first, count) = ranges[l];
            if count > 0 {
                let c = if l == 2 { text } else { edge };
                gl.uniform4f(colour_loc.as_ref(), c[0] * alpha, c[1] * alpha, c[2] * alpha, alpha);
                gl.draw_arrays(Gl::LINES, first, count);
            }
        }
        gl.disable_vertex_attrib_array(loc);
        // Nodes: faded, normal, highlighted (in that order, so highlighted ones are on top).
        self.node_data.clear();
        for layer in [Layer::Faded, Layer::Normal, Layer::Highlight] {
            for n in frame.nodes.iter().filter(|n| n.layer == layer) {
                let c = rgb(&palette.fill[n.colour as usize]);
                let a = if layer == Layer::Faded { 0.18 } else { 1.0 };
                let (sides, rot) = shape_params(n.shape);
                self.node_data
                    .extend_from_slice(&[n.x, n.y, n.r, c[0], c[1], c[2], a, sides, rot]);
            }
        }
        gl.use_program(Some(&self.node_prog));
        self.upload(&self.node_buf, &self.node_data);
        let stride = 9 * 4;
        let mut locs = Vec::new();
        for (name, size, offset) in [("a_pos", 2, 0), ("a_r", 1, 8), ("a_color", 4, 12), ("a_shape", 2, 28)] {
            let loc = gl.get_attrib_location(&self.node_prog, name);
            if loc >= 0 {
                gl.enable_vertex_attrib_array(loc as u32);
                gl.vertex_attrib_pointer_with_i32(loc as u32, size, Gl::FLOAT, false, stride, offset);
                locs.push(loc as u32);
            }
        }
        gl.uniform2f(
            gl.get_uniform_location(&self.node_prog, "u_size").as_ref(),
            self.width,
            self.height,
        );
        gl.uniform1f(gl.get_uniform_location(&self.node_prog, "u_dpr").as_ref(), self.dpr);
        let s = rgb(&palette.surface);
        gl.uniform3f(
            gl.get_uniform_location(&self.node_prog, "u_surface").as_ref(),
            s[0],
            s[1],
            s[2],
        );
        gl.draw_arrays(Gl::POINTS, 0, (self.node_data.len() / 9) as i32);
        for l in locs {
            gl.disable_vertex_attrib_array(l);
        }
        // Labels and ring on the overlay.
        self.text_only.clear();
        self.text_only.width = frame.width;
        self.text_only.height = frame.height;
        self.text_only.labels.extend(frame.labels.iter().cloned());
        self.text_only.ring = frame.ring;
        self.overlay.draw(&self.text_only, palette);
    }
}
