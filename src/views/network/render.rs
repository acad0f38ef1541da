//! The renderer trait and the frame it draws: screen-space segments, shapes and labels in layers (CSS px).
//!
//! The engine (engine.rs, engine/frame.rs) decides what is visible, faded or highlighted (a reducer over the
//! model); a renderer only draws a `Frame`. Canvas 2D (`canvas2d.rs`) and WebGL2 (`webgl2.rs`) implement the same trait.

/// How a node or edge is drawn relative to the others.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layer {
    Faded = 0,
    Normal = 1,
    Highlight = 2,
}

/// Node shapes: the second cue beside colour, from the one kinds table.
pub use crate::kinds::Mark as Shape;

/// One node to draw, in CSS pixels.
#[derive(Clone, Copy, Debug)]
pub struct NodeDraw {
    pub x: f32,
    pub y: f32,
    pub r: f32,
    pub shape: Shape,
    /// Index into `Palette::fill` (actor kinds 0..7, technology 7).
    pub colour: u8,
    pub layer: Layer,
}

/// A label at a node, in CSS pixels (the text's left baseline is placed by the renderer).
#[derive(Clone, Debug)]
pub struct Label {
    pub text: String,
    pub x: f32,
    pub y: f32,
    pub strong: bool,
}

/// Colours read from the page's CSS tokens (so dark mode follows).
#[derive(Clone, Debug)]
pub struct Palette {
    pub fill: [String; 8],
    pub text: String,
    pub surface: String,
    pub edge: String,
    pub focus: String,
}

impl Default for Palette {
    fn default() -> Palette {
        Palette {
            // Until the page's tokens are read (`stage::palette_from_css`): the kinds table's light colours.
            fill: std::array::from_fn(|i| {
                crate::kinds::LIGHT
                    .get(i)
                    .map_or_else(|| "#0b5cad".into(), |&c| crate::kinds::hex(c))
            }),
            text: "#1c1f24".into(),
            surface: "#ffffff".into(),
            edge: "#555d68".into(),
            focus: "#b35900".into(),
        }
    }
}

/// Everything one frame shows. Reused between frames (cleared, not reallocated).
#[derive(Clone, Debug, Default)]
pub struct Frame {
    /// CSS pixels.
    pub width: f32,
    pub height: f32,
    /// Line segments `[x0, y0, x1, y1]` per layer (`Layer as usize`).
    pub edges: [Vec<[f32; 4]>; 3],
    pub nodes: Vec<NodeDraw>,
    pub labels: Vec<Label>,
    /// The keyboard focus ring: centre and radius.
    pub ring: Option<(f32, f32, f32)>,
}

impl Frame {
    pub fn clear(&mut self) {
        self.edges.iter_mut().for_each(Vec::clear);
        self.nodes.clear();
        self.labels.clear();
        self.ring = None;
    }
}

/// Edge style per layer (`Layer as usize`): alpha and width in CSS px. Both renderers draw with these.
pub const EDGE_STYLE: [(f32, f32); 3] = [(0.06, 0.6), (0.22, 0.7), (0.85, 1.4)];
/// Alpha of a faded node.
pub const FADED_ALPHA: f32 = 0.18;
/// Outline width in CSS px (surface colour): an actor, a technology hub. Faded nodes have none.
pub const OUTLINE: [f32; 2] = [0.8, 2.0];

/// A drawing backend. One required drawing method; the engine owns everything else.
pub trait Renderer {
    /// Short name for tests and the status line ("canvas2d", "webgl2").
    fn name(&self) -> &'static str;
    /// Sets the drawing size in CSS pixels and the device pixel ratio (backing store = css · dpr).
    fn resize(&mut self, width: f32, height: f32, dpr: f32);
    /// Draws a whole frame.
    fn draw(&mut self, frame: &Frame, palette: &Palette);
}
