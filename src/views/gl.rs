//! WebGL2 plumbing shared by the map's and the network's renderers: shader programs, and a context that
//! survives loss.
//!
//! Context loss: `webglcontextlost` is cancelled (so the browser may restore), drawing pauses; on
//! `webglcontextrestored` the renderer's GPU state (programs, buffers, vertex arrays) is rebuilt by its `setup`
//! function and `on_change(false)` asks the view to redraw.
//!
//! Release: dropping a `Context` removes its listeners and gives the context back to the browser at once
//! (`WEBGL_lose_context`), rather than whenever the canvas is collected; browsers allow only about 16 live
//! contexts per page. The page keeps the number of live contexts in `html[data-webgl-contexts]` (tests and the
//! soak benchmark read it: it never exceeds the views on screen).
//!
//! Parking (embeds, `park`): while an embed is hidden or far out of view its contexts are given back
//! (`WEBGL_lose_context.loseContext`) and restored when it returns (`restoreContext`); the loss and
//! restore events above do the rest, so a page with many embeds holds contexts only for those in view.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{HtmlCanvasElement, WebGl2RenderingContext as Gl, WebGlContextAttributes, WebGlProgram, WebGlShader};

fn compile(gl: &Gl, kind: u32, src: &str) -> Option<WebGlShader> {
    let s = gl.create_shader(kind)?;
    gl.shader_source(&s, src);
    gl.compile_shader(&s);
    let ok = gl.get_shader_parameter(&s, Gl::COMPILE_STATUS).as_bool() == Some(true);
    if !ok && !gl.is_context_lost() {
        leptos::logging::warn!("WebGL2 shader: {}", gl.get_shader_info_log(&s).unwrap_or_default());
    }
    ok.then_some(s)
}

/// A linked program from a vertex and a fragment shader (GLSL ES 3.00), or `None` (the log says why).
pub fn program(gl: &Gl, vertex: &str, fragment: &str) -> Option<WebGlProgram> {
    let vs = compile(gl, Gl::VERTEX_SHADER, vertex)?;
    let fs = compile(gl, Gl::FRAGMENT_SHADER, fragment)?;
    let p = gl.create_program()?;
    gl.attach_shader(&p, &vs);
    gl.attach_shader(&p, &fs);
    gl.link_program(&p);
    // The program keeps what it needs; the shaders can go.
    gl.delete_shader(Some(&vs));
    gl.delete_shader(Some(&fs));
    let ok = gl.get_program_parameter(&p, Gl::LINK_STATUS).as_bool() == Some(true);
    if !ok && !gl.is_context_lost() {
        leptos::logging::warn!("WebGL2 program: {}", gl.get_program_info_log(&p).unwrap_or_default());
    }
    ok.then_some(p)
}

type Listener = Closure<dyn FnMut(web_sys::Event)>;

thread_local! {
    static LIVE: Cell<u32> = const { Cell::new(0) };
    static PARKED: Cell<bool> = const { Cell::new(false) };
    static HANDLES: RefCell<Vec<Weak<Park>>> = const { RefCell::new(Vec::new()) };
}

/// What parking needs of a context: its `WEBGL_lose_context` (taken while the context lives: a lost context
/// gives no extension) and whether it is parked.
struct Park {
    gl: Gl,
    ext: Option<web_sys::WebglLoseContext>,
    parked: Cell<bool>,
    /// The browser has sent `webglcontextlost` for the context's last loss. A context can be restored only after
    /// that event (whose default the renderer prevents): a restore asked for before it would be refused.
    lost_event_seen: Cell<bool>,
    /// A restore asked for between our `loseContext` and its `webglcontextlost`: done right after that event.
    restore_after_event: Cell<bool>,
}

impl Park {
    /// Gives the context back (true) or asks for it again (false); counted as live only while not parked.
    fn set(&self, park: bool) {
        let Some(ext) = &self.ext else { return };
        if self.parked.get() == park {
            return;
        }
        if park && !self.gl.is_context_lost() {
            self.lost_event_seen.set(false);
            self.restore_after_event.set(false);
            ext.lose_context();
        } else if !park && self.gl.is_context_lost() {
            // Scrolled out and back within the moment before the browser sent its loss event: restore after it.
            if self.lost_event_seen.get() {
                ext.restore_context();
            } else {
                self.restore_after_event.set(true);
            }
        }
        self.parked.set(park);
        count_live(if park { -1 } else { 1 });
    }

    /// The renderer's `webglcontextlost` handler ran. A restore asked for meanwhile is done in the next task: the
    /// browser allows it only once the handler has returned (having prevented the event's default).
    fn lost_event(self: &Rc<Self>) {
        self.lost_event_seen.set(true);
        if !self.restore_after_event.replace(false) {
            return;
        }
        let me = self.clone();
        let restore = Closure::once_into_js(move || {
            if let (false, Some(ext)) = (me.parked.get(), &me.ext) {
                if me.gl.is_context_lost() {
                    ext.restore_context();
                }
            }
        });
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(restore.unchecked_ref());
        }
    }
}

/// Parks (true) or restores (false) every WebGL context of the page, and any made while parked.
pub fn park(on: bool) {
    PARKED.with(|p| p.set(on));
    let live: Vec<Rc<Park>> = HANDLES.with(|h| {
        let mut h = h.borrow_mut();
        h.retain(|w| w.strong_count() > 0);
        h.iter().filter_map(Weak::upgrade).collect()
    });
    for p in live {
        p.set(on);
    }
}

/// Adds `delta` to the count of live contexts and publishes it on the root element.
fn count_live(delta: i32) {
    let n = LIVE.with(|c| {
        let n = c.get().saturating_add_signed(delta);
        c.set(n);
        n
    });
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = el.set_attribute("data-webgl-contexts", &n.to_string());
    }
}

/// A WebGL2 context and the renderer's GPU state `S`, rebuilt by `setup` after a context loss.
pub struct Context<S> {
    pub gl: Gl,
    state: Rc<RefCell<Option<S>>>,
    lost: Rc<Cell<bool>>,
    canvas: HtmlCanvasElement,
    listeners: [Listener; 2],
    park: Rc<Park>,
}

impl<S: 'static> Context<S> {
    /// The canvas's WebGL2 context with `setup`'s state, or `None` when the browser gives no WebGL2 context
    /// (or `setup` fails). `on_change(lost)` is called when the context is lost or restored.
    pub fn new(
        canvas: &HtmlCanvasElement,
        attrs: &WebGlContextAttributes,
        setup: fn(&Gl) -> Option<S>,
        on_change: Rc<dyn Fn(bool)>,
    ) -> Option<Context<S>> {
        let gl = canvas
            .get_context_with_context_options("webgl2", attrs)
            .ok()??
            .dyn_into::<Gl>()
            .ok()?;
        let state = Rc::new(RefCell::new(Some(setup(&gl)?)));
        let lost = Rc::new(Cell::new(false));
        let park = Rc::new(Park {
            ext: gl
                .get_extension("WEBGL_lose_context")
                .ok()
                .flatten()
                .map(JsCast::unchecked_into),
            gl: gl.clone(),
            parked: Cell::new(false),
            lost_event_seen: Cell::new(false),
            restore_after_event: Cell::new(false),
        });
        let on_lost = {
            let (lost, state, on_change) = (lost.clone(), state.clone(), on_change.clone());
            let park = Rc::downgrade(&park);
            Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
                ev.prevent_default();
                lost.set(true);
                // The old objects belong to the lost context: drop them.
                *state.borrow_mut() = None;
                on_change(true);
                if let Some(park) = park.upgrade() {
                    park.lost_event();
                }
            })
        };
        let on_restored = {
            let (lost, state, gl) = (lost.clone(), state.clone(), gl.clone());
            Closure::<dyn FnMut(web_sys::Event)>::new(move |_ev: web_sys::Event| {
                *state.borrow_mut() = setup(&gl);
                lost.set(false);
                on_change(false);
            })
        };
        let _ = canvas.add_event_listener_with_callback("webglcontextlost", on_lost.as_ref().unchecked_ref());
        let _ = canvas.add_event_listener_with_callback("webglcontextrestored", on_restored.as_ref().unchecked_ref());
        count_live(1);
        HANDLES.with(|h| h.borrow_mut().push(Rc::downgrade(&park)));
        if PARKED.with(Cell::get) {
            park.set(true);
        }
        Some(Context {
            gl,
            state,
            lost,
            canvas: canvas.clone(),
            listeners: [on_lost, on_restored],
            park,
        })
    }

    /// True while the context is lost (drawing does nothing then).
    pub fn lost(&self) -> bool {
        self.lost.get() || self.gl.is_context_lost()
    }

    /// The GPU state (`None` while the context is lost). A clone of the handle, so `self` stays free to borrow.
    pub fn state(&self) -> Rc<RefCell<Option<S>>> {
        self.state.clone()
    }

    pub fn canvas(&self) -> &HtmlCanvasElement {
        &self.canvas
    }
}

impl<S> Drop for Context<S> {
    fn drop(&mut self) {
        for (name, l) in ["webglcontextlost", "webglcontextrestored"].iter().zip(&self.listeners) {
            let _ = self
                .canvas
                .remove_event_listener_with_callback(name, l.as_ref().unchecked_ref());
        }
        // No listener is left to hear it: give the context back now (a lost one is gone already).
        if !self.gl.is_context_lost() {
            if let Some(ext) = &self.park.ext {
                ext.lose_context();
            }
        }
        // A parked context was counted out when it was parked.
        if !self.park.parked.get() {
            count_live(-1);
        }
    }
}

/// Parses "#rrggbb" or "#rgb" into 0..1 floats; anything else is grey.
pub fn hex_rgb(css: &str) -> [f32; 3] {
    let h = css.trim().trim_start_matches('#');
    let parse = |s: &str| u8::from_str_radix(s, 16).ok().map(|v| v as f32 / 255.0);
    let v = match h.len() {
        6 if h.is_ascii() => (parse(&h[0..2]), parse(&h[2..4]), parse(&h[4..6])),
        3 if h.is_ascii() => (
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

/// A GPU buffer that grows (by half again) and is otherwise refilled in place with `bufferSubData`.
pub struct GrowBuffer {
    pub buffer: web_sys::WebGlBuffer,
    capacity: usize,
}

impl GrowBuffer {
    pub fn new(gl: &Gl) -> Option<GrowBuffer> {
        Some(GrowBuffer {
            buffer: gl.create_buffer()?,
            capacity: 0,
        })
    }

    /// Binds the buffer to ARRAY_BUFFER and uploads `bytes` (straight from wasm memory, no JS copy).
    pub fn upload(&mut self, gl: &Gl, bytes: &[u8]) {
        gl.bind_buffer(Gl::ARRAY_BUFFER, Some(&self.buffer));
        if bytes.len() > self.capacity {
            self.capacity = (bytes.len() + bytes.len() / 2).max(4096);
            gl.buffer_data_with_i32(Gl::ARRAY_BUFFER, self.capacity as i32, Gl::DYNAMIC_DRAW);
        }
        if !bytes.is_empty() {
            gl.buffer_sub_data_with_i32_and_u8_array(Gl::ARRAY_BUFFER, 0, bytes);
        }
    }
}
