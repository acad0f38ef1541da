//! How each kind of actor (and a technology hub) looks, once for every view: its mark (the shape, the second
//! cue beside colour) and its colour in each scheme (light page, dark page, the charts' high-contrast theme).
//! The page's `--kind-*` CSS tokens are made from this table at start (`install_tokens`; style/main.css only
//! picks the light or dark one), the charts' themes and the map's markers take the colours from here, the
//! network reads the tokens. Map markers, network nodes, the list, the detail panel and every legend draw from
//! this table.

use ecomap_core::model::ActorKind;

/// An sRGB colour.
pub type Rgb = (u8, u8, u8);

/// Kind colours by `ActorKind::index()` on a light page (each at least 3:1 on white and on the map's land).
pub const LIGHT: [Rgb; 7] = [
    (217, 72, 15),
    (25, 113, 194),
    (95, 61, 196),
    (43, 138, 62),
    (8, 127, 91),
    (194, 37, 92),
    (92, 95, 102),
];
/// Kind colours on a dark page (each at least 3:1 on the dark surface).
pub const DARK: [Rgb; 7] = [
    (255, 140, 90),
    (116, 179, 242),
    (177, 151, 252),
    (105, 219, 124),
    (56, 217, 169),
    (247, 131, 172),
    (173, 181, 189),
];
/// Kind colours of the charts' high-contrast (presentation) theme.
pub const CONTRAST: [Rgb; 7] = [
    (170, 0, 0),
    (0, 0, 170),
    (90, 0, 160),
    (0, 100, 0),
    (0, 85, 85),
    (150, 0, 90),
    (60, 60, 60),
];

/// `#rrggbb`.
pub fn hex((r, g, b): Rgb) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// Sets the `--kind-*-light` and `--kind-*-dark` custom properties on the root element from the table
/// (through the CSSOM, which the Content-Security-Policy allows); style/main.css maps `--kind-*` to one of
/// them by the colour scheme.
pub fn install_tokens() {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
    else {
        return;
    };
    let style = root.style();
    for k in ActorKind::ALL {
        let _ = style.set_property(&format!("{}-light", token(k)), &hex(LIGHT[k.index()]));
        let _ = style.set_property(&format!("{}-dark", token(k)), &hex(DARK[k.index()]));
    }
}

/// A mark: a circle or a polygon, drawn around a centre with radius 1 (`outline`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Circle,
    Triangle,
    TriangleDown,
    Square,
    Diamond,
    Pentagon,
    Hexagon,
    Octagon,
}

/// The mark of each kind.
pub fn mark(kind: ActorKind) -> Mark {
    match kind {
        ActorKind::Startup => Mark::Triangle,
        ActorKind::Sme => Mark::Circle,
        ActorKind::Corporation => Mark::Square,
        ActorKind::Research => Mark::Diamond,
        ActorKind::University => Mark::Pentagon,
        ActorKind::Network => Mark::Hexagon,
        ActorKind::Public => Mark::TriangleDown,
    }
}

/// A technology hub in the network (and its legend entry).
pub const TECHNOLOGY_MARK: Mark = Mark::Octagon;
/// The colour token of a technology hub: near-black on a light page, near-white on a dark one (style/main.css),
/// never one of the kinds' hues (the SMEs are blue, so the accent blue would read as an SME).
pub const TECHNOLOGY_TOKEN: &str = "--technology";

/// The CSS custom property holding the kind's colour.
pub fn token(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Startup => "--kind-startup",
        ActorKind::Sme => "--kind-sme",
        ActorKind::Corporation => "--kind-corporation",
        ActorKind::Research => "--kind-research",
        ActorKind::University => "--kind-university",
        ActorKind::Network => "--kind-network",
        ActorKind::Public => "--kind-public",
    }
}

impl Mark {
    /// Corner points around (0, 0), y down, sized so that marks of one radius look the same size (polygons
    /// with few corners reach out further than the circle); empty for the circle.
    pub fn outline(self) -> &'static [(f32, f32)] {
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
        match self {
            Mark::Circle => &[],
            Mark::Triangle => &TRI,
            Mark::TriangleDown => &TRI_DOWN,
            Mark::Square => &SQUARE,
            Mark::Diamond => &DIAMOND,
            Mark::Pentagon => &PENTAGON,
            Mark::Hexagon => &HEXAGON,
            Mark::Octagon => &OCTAGON,
        }
    }

    /// As a regular polygon (corners, turn in radians; 0: a corner points up), for renderers that build
    /// marks from corners; None for the circle.
    pub fn regular(self) -> Option<(u8, f32)> {
        use std::f32::consts::PI;
        match self {
            Mark::Circle => None,
            Mark::Triangle => Some((3, 0.0)),
            Mark::TriangleDown => Some((3, PI)),
            Mark::Square => Some((4, PI / 4.0)),
            Mark::Diamond => Some((4, 0.0)),
            Mark::Pentagon => Some((5, 0.0)),
            Mark::Hexagon => Some((6, 0.0)),
            Mark::Octagon => Some((8, PI / 8.0)),
        }
    }

    /// The outline as SVG `points` ("x,y x,y ..."), for legends and list marks; None for the circle.
    pub fn svg_points(self) -> Option<String> {
        let pts = self.outline();
        (!pts.is_empty()).then(|| {
            pts.iter()
                .map(|(x, y)| format!("{x},{y}"))
                .collect::<Vec<_>>()
                .join(" ")
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_its_own_mark_and_token() {
        let mut marks: Vec<Mark> = ActorKind::ALL.iter().map(|&k| mark(k)).collect();
        marks.push(TECHNOLOGY_MARK);
        for (i, a) in marks.iter().enumerate() {
            assert!(marks[i + 1..].iter().all(|b| b != a), "{a:?} twice");
        }
        let mut tokens: Vec<&str> = ActorKind::ALL.iter().map(|&k| token(k)).collect();
        tokens.push(TECHNOLOGY_TOKEN);
        ecomap_core::order::sort_by(&mut tokens, |a, b| a.cmp(b));
        tokens.dedup();
        assert_eq!(tokens.len(), ActorKind::ALL.len() + 1);
    }

    #[test]
    fn outlines_fit_the_legend_box() {
        for m in [
            Mark::Triangle,
            Mark::TriangleDown,
            Mark::Square,
            Mark::Diamond,
            Mark::Pentagon,
            Mark::Hexagon,
            Mark::Octagon,
        ] {
            assert!(m.outline().len() >= 3);
            assert!(m.outline().iter().all(|(x, y)| x.abs() <= 1.3 && y.abs() <= 1.3));
        }
        assert!(Mark::Circle.svg_points().is_none());
    }
}
