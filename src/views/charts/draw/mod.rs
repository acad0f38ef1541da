//! Draws one bar chart (columns or horizontal bars, stacked or not) with plotters' SVG backend into a String,
//! and keeps each bar's data key and pixel rectangle so a click or hover maps back to the value it shows.
//!
//! Plotters' generic types stay inside this folder: the view hands it a `ChartSpec` built from core::stats.
//! `columns.rs` and `bars.rs` draw the two orientations, `segments.rs` the stacked values both share,
//! `standalone.rs` what only exports carry (title, summary, legend, note), `pens.rs` the styles, `labels.rs`
//! the text helpers and `hit.rs` the rectangles a click is looked up in.
//! Text from data (actor names) is escaped by plotters' SVG backend (`escape_and_push`, tested in `tests.rs`);
//! control characters, which XML does not allow even escaped, are dropped (`clean_label`) before drawing.

mod bars;
mod columns;
mod hit;
mod labels;
mod pens;
mod segments;
mod standalone;
#[cfg(test)]
mod tests;
#[cfg(test)]
pub mod xml_check;

use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;

use super::chart_spec::{ChartSpec, Orientation};
use super::theme::Palette;
pub use hit::{hit_at, Hit};
pub use labels::clean_label;
use pens::Pens;

/// A drawn chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Drawn {
    pub svg: String,
    pub width: u32,
    pub height: u32,
    /// Segments first, then whole columns/bars (so the first hit is the most precise).
    pub hits: Vec<Hit>,
}

/// The whole SVG as a drawing area (pixels).
type Canvas<'a> = DrawingArea<SVGBackend<'a>, Shift>;
/// The plot with its value and category axes (both `f64`: columns and bars share one type).
type Plot<'a, 'b> = ChartContext<'a, SVGBackend<'b>, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// The chart's three horizontal bands, top to bottom, in SVG pixels.
struct Bands {
    /// Title and summary (exports), else a small margin.
    head: u32,
    plot: u32,
    /// Legend rows and note (exports), and a margin.
    foot: u32,
    legend_rows: usize,
}

impl Bands {
    fn new(spec: &ChartSpec, font: u32, width: u32, standalone: bool) -> Bands {
        let legend_rows = if spec.is_stacked() && standalone {
            spec.series.len().div_ceil(standalone::legend_per_row(width))
        } else {
            0
        };
        let head = if standalone { 2 * (font + 10) + 8 } else { 6 };
        let note = if standalone && !spec.note.is_empty() {
            font + 12
        } else {
            0
        };
        let foot = legend_rows as u32 * (font + 10) + note + 6;
        let categories = spec.categories.len().max(1) as u32;
        let plot = match spec.orientation {
            Orientation::Columns => 300.min(width * 3 / 4).max(200),
            Orientation::Bars => categories * (font + 14) + 2 * font + 30,
        };
        Bands {
            head,
            plot,
            foot,
            legend_rows,
        }
    }

    fn height(&self) -> u32 {
        self.head + self.plot + self.foot
    }
}

/// Draws `spec` at `width` pixels wide. `standalone` adds the title, summary and note inside the SVG (for
/// export); on the page those are HTML around it.
pub fn draw(spec: &ChartSpec, p: &Palette, width: u32, standalone: bool) -> Drawn {
    let bands = Bands::new(spec, p.font, width, standalone);
    let height = bands.height();
    let pens = Pens::new(spec, p);
    let mut hits = Vec::new();
    let mut svg = String::new();
    let plotted = {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        let _ = root.fill(&pens.background());
        if standalone {
            standalone::draw_heading(&root, &pens);
        }
        let (_, below_head) = root.split_vertically(bands.head);
        let (area, bottom) = below_head.split_vertically(bands.plot);
        let plotted = match spec.orientation {
            Orientation::Columns => columns::draw(&root, &area, &pens, width, &mut hits),
            Orientation::Bars => bars::draw(&root, &area, &pens, width, &mut hits),
        };
        if plotted.is_some() {
            if spec.is_stacked() && standalone {
                standalone::draw_legend(&bottom, &pens, width);
            }
            if standalone && !spec.note.is_empty() {
                standalone::draw_note(&bottom, &pens, bands.legend_rows);
            }
            let _ = root.present();
        }
        plotted
    };
    if plotted.is_none() {
        svg.clear();
    }
    Drawn {
        svg,
        width,
        height,
        hits,
    }
}
