//! Hit rectangles: where each bar or segment was drawn, in SVG pixels, and what it stands for, so a click or
//! hover on the page maps back to the value under it.

use super::super::chart_spec::Key;

/// Where a bar or segment is drawn, in SVG pixels, and what it stands for.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub x0: i32,
    pub y0: i32,
    pub x1: i32,
    pub y1: i32,
    pub key: Key,
    /// Plain text for the tooltip.
    pub tip: String,
}

/// The first rectangle containing `(x, y)` (SVG pixels).
pub fn hit_at(hits: &[Hit], x: f64, y: f64) -> Option<&Hit> {
    hits.iter()
        .find(|h| x >= h.x0 as f64 && x <= h.x1 as f64 && y >= h.y0 as f64 && y <= h.y1 as f64)
}
