//! Bars: categories down the y axis (technologies, sectors, actors; the first at the top), values along x.
//! Each bar is a stack with its total after it and its label, shortened to fit, before it.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::labels::{clean_label, shorten};
use super::pens::Pens;
use super::segments::draw_stack;
use super::{Canvas, Hit, Plot};

/// Headroom after the longest bar (room for its total).
const HEADROOM: f64 = 1.3;

/// Draws the axes and every bar into `area`; `None` when plotters cannot lay the chart out.
pub fn draw(root: &Canvas, area: &Canvas, pens: &Pens, width: u32, hits: &mut Vec<Hit>) -> Option<()> {
    let f = pens.font_size;
    let n = pens.spec.categories.len().max(1);
    let label_w = (width * 2 / 5).min(f * 17);
    let mut plot = ChartBuilder::on(area)
        .margin_right(12)
        .margin_top(4)
        .x_label_area_size(2 * f + 14)
        .y_label_area_size(label_w)
        .build_cartesian_2d(0f64..pens.max * HEADROOM, -0.5f64..(n as f64 - 0.5))
        .ok()?;
    let value_label = |v: &f64| pens.value_label(v);
    let _ = plot
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(0)
        .x_labels(4)
        .x_label_formatter(&value_label)
        .x_desc(clean_label(&pens.spec.value_axis))
        .axis_desc_style(pens.font(f))
        .label_style(pens.font(f - 1))
        .axis_style(pens.axis())
        .bold_line_style(pens.grid())
        .light_line_style(TRANSPARENT)
        .draw();
    let row_h = {
        let (_, a) = plot.backend_coord(&(0.0, 0.0));
        let (_, b) = plot.backend_coord(&(0.0, 1.0));
        (a - b).abs().max(1)
    };
    let bar_hits: Vec<Hit> = (0..pens.spec.categories.len())
        .map(|i| draw_bar(&mut plot, root, pens, i, (row_h, label_w), hits))
        .collect();
    hits.extend(bar_hits);
    Some(())
}

/// Draws bar `i` (its segments' hits go to `hits`) and returns the whole bar's hit (the full row).
fn draw_bar(
    plot: &mut Plot,
    root: &Canvas,
    pens: &Pens,
    i: usize,
    (row_h, label_w): (i32, u32),
    hits: &mut Vec<Hit>,
) -> Hit {
    let (spec, f, max) = (pens.spec, pens.font_size, pens.max);
    let cat = &spec.categories[i];
    let y = (spec.categories.len().max(1) - 1 - i) as f64;
    let stack = draw_stack(plot, root, pens, i, |from, to| [(from, y - 0.34), (to, y + 0.34)], hits);
    let (xl, cy) = plot.backend_coord(&(0.0, y));
    let (xr, _) = plot.backend_coord(&(max * HEADROOM, y));
    let (xbar, _) = plot.backend_coord(&(stack.total as f64, y));
    if cat.chosen {
        let _ = plot.draw_series(std::iter::once(Rectangle::new(
            [(0.0, y - 0.42), ((stack.total as f64).max(max * 0.02), y + 0.42)],
            pens.outline(),
        )));
    }
    let _ = root.draw(&Text::new(
        pens.value(stack.total),
        (xbar + 4, cy),
        pens.font(f - 1).pos(Pos::new(HPos::Left, VPos::Center)),
    ));
    let fits = ((label_w as i32 - 8) / (f as i32 * 6 / 10).max(1)) as usize;
    let label = shorten(&clean_label(&cat.label), fits);
    let style = if cat.chosen {
        pens.styled(f, FontStyle::Bold)
    } else {
        pens.font(f)
    };
    let _ = root.draw(&Text::new(
        label,
        (xl - 6, cy),
        style.pos(Pos::new(HPos::Right, VPos::Center)),
    ));
    Hit {
        x0: 0,
        y0: cy - row_h / 2,
        x1: xr,
        y1: cy + row_h / 2,
        key: cat.key.clone(),
        tip: stack.tip,
    }
}
