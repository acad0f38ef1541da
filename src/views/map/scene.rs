//! The map's display list in CSS pixels: what to draw, already projected and styled, so a renderer
//! (WebGL2 or Canvas 2D) only turns it into pixels and the view hit-tests against the same list.

use ecomap_core::cluster::Item;
use ecomap_core::model::ActorKind;

/// A colour with alpha (0..=255 each).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rgba(pub u8, pub u8, pub u8, pub u8);

impl Rgba {
    pub fn css(self) -> String {
        format!("rgba({},{},{},{:.3})", self.0, self.1, self.2, self.3 as f64 / 255.0)
    }
    /// This colour moved a share `t` (0..=1) of the way towards `other`.
    pub fn mix(self, other: Rgba, t: f32) -> Rgba {
        let m = |a: u8, b: u8| (a as f32 + (b as f32 - a as f32) * t).round() as u8;
        Rgba(
            m(self.0, other.0),
            m(self.1, other.1),
            m(self.2, other.2),
            m(self.3, other.3),
        )
    }
    pub fn f32(self) -> [f32; 4] {
        [
            self.0 as f32 / 255.0,
            self.1 as f32 / 255.0,
            self.2 as f32 / 255.0,
            self.3 as f32 / 255.0,
        ]
    }
}

pub const WATER: Rgba = Rgba(0xe8, 0xee, 0xf3, 255);
pub const LAND: Rgba = Rgba(0xfb, 0xfa, 0xf6, 255);
pub const BORDER: Rgba = Rgba(0x7a, 0x84, 0x90, 255);
pub const BORDER_HOVER: Rgba = Rgba(0x0b, 0x5c, 0xad, 255);
pub const SELECTED_REGION: Rgba = Rgba(0xe3, 0xee, 0xfa, 255);
pub const LABEL: Rgba = Rgba(0x44, 0x4b, 0x55, 255);
pub const ARC: Rgba = Rgba(0xb3, 0x59, 0x00, 150);
pub const HIGHLIGHT: Rgba = Rgba(0x1c, 0x1f, 0x24, 255);

/// A kind's marker colour: the kinds table's light colour (the map is drawn on its light land colour).
pub fn kind_colour(k: ActorKind) -> Rgba {
    let (r, g, b) = crate::kinds::LIGHT[k.index()];
    Rgba(r, g, b, 255)
}

/// The second cue beside colour: each kind has its own marker shape.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Shape {
    Circle,
    /// A regular polygon with `sides` corners, turned by `turn` radians (0: a corner points up).
    Polygon {
        sides: u8,
        turn: f32,
    },
}

/// A kind's marker shape: its mark in the kinds table, as a regular polygon.
pub fn kind_shape(k: ActorKind) -> Shape {
    match crate::kinds::mark(k).regular() {
        Some((sides, turn)) => Shape::Polygon { sides, turn },
        None => Shape::Circle,
    }
}

/// Corner points of a shape of radius `r` around (x, y) (a circle as a 20-gon, for renderers without arcs).
pub fn shape_points(shape: Shape, x: f32, y: f32, r: f32) -> Vec<[f32; 2]> {
    let (n, turn) = match shape {
        Shape::Circle => (20, 0.0),
        Shape::Polygon { sides, turn } => (sides as usize, turn),
    };
    // Polygons with few corners look smaller than a circle of the same radius: grow them a little.
    let r = match n {
        3 => r * 1.25,
        4 => r * 1.1,
        _ => r,
    };
    (0..n)
        .map(|i| {
            let a = turn + i as f32 * std::f32::consts::TAU / n as f32 - std::f32::consts::FRAC_PI_2;
            [x + r * a.cos(), y + r * a.sin()]
        })
        .collect()
}

pub struct RegionDraw {
    pub key: &'static str,
    /// Closed rings in CSS px; fill with the even-odd rule.
    pub rings: Vec<Vec<[f32; 2]>>,
    pub fill: Rgba,
    pub stroke: Rgba,
    pub stroke_width: f32,
}

pub struct ArcDraw {
    pub from: [f32; 2],
    pub ctrl: [f32; 2],
    pub to: [f32; 2],
    pub width: f32,
    pub colour: Rgba,
}

pub struct MarkerDraw {
    pub item: Item,
    pub x: f32,
    pub y: f32,
    pub r: f32,
    /// Single actors: fill colour and shape. Clusters: `segments` instead.
    pub fill: Rgba,
    pub shape: Shape,
    /// For clusters: share of each kind (fractions summing to 1) drawn as a ring.
    pub segments: Vec<(f32, Rgba)>,
    pub count: u32,
    pub highlighted: bool,
}

pub struct LabelDraw {
    pub x: f32,
    pub y: f32,
    pub text: String,
    pub size: f32,
    pub bold: bool,
    pub colour: Rgba,
}

/// Everything one frame draws, back to front: regions, arcs, markers, then text.
#[derive(Default)]
pub struct Scene {
    pub background: Option<Rgba>,
    pub regions: Vec<RegionDraw>,
    pub arcs: Vec<ArcDraw>,
    pub markers: Vec<MarkerDraw>,
    pub labels: Vec<LabelDraw>,
}

impl Scene {
    /// The topmost marker under (x, y) CSS px (markers are drawn in order, so search from the end).
    pub fn marker_at(&self, x: f32, y: f32) -> Option<&MarkerDraw> {
        self.markers.iter().rev().find(|m| {
            let (dx, dy) = (m.x - x, m.y - y);
            dx * dx + dy * dy <= (m.r + 3.0) * (m.r + 3.0)
        })
    }
}
