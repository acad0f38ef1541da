//! How each kind of actor (and a technology hub) looks, once for every view: its mark (the shape, the second
//! cue beside colour) and the CSS custom property that holds its colour. Colours themselves live once, in the
//! `--kind-*` tokens of style/main.css (light and dark); renderers read them from the page
//! (`browser::css_var`), the legend and list marks use them directly. Map markers, network nodes, the list,
//! the detail panel and every legend draw from this table.

use ecomap_core::model::ActorKind;

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
/// The colour token of a technology hub.
pub const TECHNOLOGY_TOKEN: &str = "--accent";

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
        tokens.sort();
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
