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

/// Node shapes: the second cue beside colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Circle,
    Triangle,
    TriangleDown,
    Square,
    Diamond,
    Pentagon,
    Hexagon,
    Octagon,
}

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
            fill: [
                "#d9480f", "#1971c2", "#5f3dc4", "#2b8a3e", "#087f5b", "#c2255c", "#5c5f66", "#0b5cad",
            ]
            .map(String::from),
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

/// Vertices of a regular shape of radius `r` around the origin (unit-free; the circle has none).
pub fn polygon(shape: Shape) -> &'static [(f32, f32)] {
    const TRI: [(f32, f32); 3] = [(0.0, -1.2), (1.04, 0.6), (-1.04, 0.6)];
    const TRI_DOWN: [(f32, f32); 3] = [(0.0, 1.2), (1.04, -0.6), (-1.04, -0.6)];
    const SQUARE: [(f32, f32); 4] = [(-0.89, -0.89), (0.89, -0.89), (0.89, 0.89), (-0.89, 0.89)];
    const DIAMOND: [(f32, f32); 4] = [(0.0, -1.2), (1.2, 0.0), (0.0, 1.2), (-1.2, 0.0)];
    const PENTAGON: [(f32, f32); 5] = [(0.0, -1.1), (1.05, -0.34), (0.65, 0.89), (-0.65, 0.89), (-1.05, -0.34)];
    const HEXAGON: [(f32, f32); 6] = [
        (0.0, -1.05),
        (0.91, -0.52),
        (0.91, 0.52),
        (0.0, 1.05),
        (-0.91, 0.52),
        (-0.91, -0.52),
    ];
    const OCTAGON: [(f32, f32); 8] = [
        (-0.41, -1.0),
        (0.41, -1.0),
        (1.0, -0.41),
        (1.0, 0.41),
        (0.41, 1.0),
        (-0.41, 1.0),
        (-1.0, 0.41),
        (-1.0, -0.41),
    ];
    match shape {
        Shape::Circle => &[],
        Shape::Triangle => &TRI,
        Shape::TriangleDown => &TRI_DOWN,
        Shape::Square => &SQUARE,
        Shape::Diamond => &DIAMOND,
        Shape::Pentagon => &PENTAGON,
        Shape::Hexagon => &HEXAGON,
        Shape::Octagon => &OCTAGON,
    }
}
