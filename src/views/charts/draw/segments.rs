//! One category's values stacked from zero, shared by columns and bars: each value's filled rectangle, and
//! for stacked charts its separator, its series number (when it fits) and its own hit rectangle and tooltip.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::super::chart_spec::Orientation;
use super::labels::{clean_label, ink_on};
use super::pens::{rgb, Pens};
use super::{Canvas, Hit, Plot};

/// A category's drawn stack: its total and the tooltip listing every segment.
pub struct Stack {
    pub total: u64,
    pub tip: String,
}

/// Draws category `i`'s values, one on top of the other. `rect(from, to)` is the data rectangle of a
/// segment running from value `from` to `to` (low corner first). Segment hits go to `hits`.
pub fn draw_stack(
    plot: &mut Plot,
    root: &Canvas,
    pens: &Pens,
    i: usize,
    rect: impl Fn(f64, f64) -> [(f64, f64); 2],
    hits: &mut Vec<Hit>,
) -> Stack {
    let spec = pens.spec;
    let cat = &spec.categories[i];
    let mut base = 0u64;
    let mut tip = format!("{}: {}", clean_label(&cat.label), pens.value(spec.total(i)));
    for (s, &v) in spec.values[i].iter().enumerate() {
        if v == 0 {
            continue;
        }
        let c = pens.series_colour(s);
        let corners = rect(base as f64, (base + v) as f64);
        let [low, high] = corners;
        let top_left = plot.backend_coord(&(low.0, high.1));
        let bottom_right = plot.backend_coord(&(high.0, low.1));
        let _ = plot.draw_series(std::iter::once(Rectangle::new(corners, rgb(c).filled())));
        if spec.is_stacked() {
            let _ = plot.draw_series(std::iter::once(Rectangle::new(corners, pens.separator())));
            if number_fits(pens, top_left, bottom_right) {
                draw_series_number(root, s, top_left, bottom_right, pens.font_size, c);
            }
            let name = spec.series.get(s).map(|x| clean_label(&x.name)).unwrap_or_default();
            let value = pens.value(v);
            tip.push_str(&format!("\n{} {}: {}", s + 1, name, value));
            hits.push(Hit {
                x0: top_left.0,
                y0: top_left.1,
                x1: bottom_right.0,
                y1: bottom_right.1,
                key: cat.key.clone(),
                tip: format!("{} · {} {}: {}", clean_label(&cat.label), s + 1, name, value),
            });
        }
        base += v;
    }
    Stack { total: base, tip }
}

/// A segment's number fits when the segment is a little longer than the font along the value axis and at
/// least as thick as the font across it.
fn number_fits(pens: &Pens, (x0, y0): (i32, i32), (x1, y1): (i32, i32)) -> bool {
    let (along, across) = match pens.spec.orientation {
        Orientation::Columns => (y1 - y0, x1 - x0),
        Orientation::Bars => (x1 - x0, y1 - y0),
    };
    let f = pens.font_size as i32;
    along >= f + 2 && across >= f
}

/// The series number (1-based) centred in a stacked segment, so colour is never the only cue.
fn draw_series_number(
    root: &Canvas,
    series: usize,
    (x0, y0): (i32, i32),
    (x1, y1): (i32, i32),
    font: u32,
    fill: (u8, u8, u8),
) {
    let _ = root.draw(&Text::new(
        format!("{}", series + 1),
        ((x0 + x1) / 2, (y0 + y1) / 2),
        ("sans-serif", font - 1)
            .into_font()
            .color(&ink_on(fill))
            .pos(Pos::new(HPos::Center, VPos::Center)),
    ));
}
