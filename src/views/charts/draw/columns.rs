//! Columns: categories along x (years), values up the y axis. Each column is a stack with its total above it
//! (when it fits) and its label below; narrow columns label every k-th one.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::labels::{clean_label, text_width};
use super::pens::Pens;
use super::segments::draw_stack;
use super::{Canvas, Hit, Plot};

/// Headroom above the tallest column (room for its total).
const HEADROOM: f64 = 1.12;

/// Draws the axes and every column into `area`; `None` when plotters cannot lay the chart out.
pub fn draw(root: &Canvas, area: &Canvas, pens: &Pens, width: u32, hits: &mut Vec<Hit>) -> Option<()> {
    let f = pens.font_size;
    let n = pens.spec.categories.len().max(1);
    let label_w = (f * 6).min(width / 4);
    let mut plot = ChartBuilder::on(area)
        .margin_right(12)
        .margin_top(4)
        .x_label_area_size(2 * f + 14)
        .y_label_area_size(label_w + f + 6)
        .build_cartesian_2d(-0.5f64..(n as f64 - 0.5), 0f64..pens.max * HEADROOM)
        .ok()?;
    let value_label = |v: &f64| pens.value_label(v);
    let _ = plot
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .y_labels(5)
        .y_label_formatter(&value_label)
        .y_desc(clean_label(&pens.spec.value_axis))
        .x_desc(clean_label(&pens.spec.category_axis))
        .axis_desc_style(pens.font(f))
        .label_style(pens.font(f - 1))
        .axis_style(pens.axis())
        .bold_line_style(pens.grid())
        .light_line_style(TRANSPARENT)
        .draw();
    let col_w = {
        let (a, _) = plot.backend_coord(&(0.0, 0.0));
        let (b, _) = plot.backend_coord(&(1.0, 0.0));
        (b - a).max(1)
    };
    let column_hits: Vec<Hit> = (0..pens.spec.categories.len())
        .map(|i| draw_column(&mut plot, root, pens, i, col_w, hits))
        .collect();
    hits.extend(column_hits);
    Some(())
}

/// Draws column `i` (its segments' hits go to `hits`) and returns the whole column's hit.
fn draw_column(plot: &mut Plot, root: &Canvas, pens: &Pens, i: usize, col_w: i32, hits: &mut Vec<Hit>) -> Hit {
    let (spec, f, max) = (pens.spec, pens.font_size, pens.max);
    let cat = &spec.categories[i];
    let x = i as f64;
    let stack = draw_stack(plot, root, pens, i, |from, to| [(x - 0.36, from), (x + 0.36, to)], hits);
    let (cx, _) = plot.backend_coord(&(x, 0.0));
    let (_, ytop) = plot.backend_coord(&(x, max * HEADROOM));
    let (_, ybase) = plot.backend_coord(&(x, 0.0));
    let (_, ybar) = plot.backend_coord(&(x, stack.total as f64));
    if cat.chosen {
        let _ = plot.draw_series(std::iter::once(Rectangle::new(
            [(x - 0.42, 0.0), (x + 0.42, (stack.total as f64).max(max * 0.02))],
            pens.outline(),
        )));
    }
    let total = pens.value(stack.total);
    if text_width(&total, f - 1) <= col_w - 2 {
        let _ = root.draw(&Text::new(
            total,
            (cx, ybar - 3),
            pens.font(f - 1).pos(Pos::new(HPos::Center, VPos::Bottom)),
        ));
    }
    let label = clean_label(&cat.label);
    if shows_label(pens, i, &label, col_w) {
        let style = if cat.chosen {
            pens.styled(f, FontStyle::Bold)
        } else {
            pens.font(f)
        };
        let _ = root.draw(&Text::new(
            label,
            (cx, ybase + 6),
            style.pos(Pos::new(HPos::Center, VPos::Top)),
        ));
    }
    Hit {
        x0: cx - col_w / 2,
        y0: ytop,
        x1: cx + col_w / 2,
        y1: ybase + f as i32 + 8,
        key: cat.key.clone(),
        tip: stack.tip,
    }
}

/// Narrow columns (phones): every k-th column is labelled, and the chosen one, never overlapping.
fn shows_label(pens: &Pens, i: usize, label: &str, col_w: i32) -> bool {
    let categories = &pens.spec.categories;
    let every = ((text_width(label, pens.font_size) + 6) / col_w + 1).max(1) as usize;
    let near_chosen =
        (i.saturating_sub(every - 1)..(i + every).min(categories.len())).any(|j| j != i && categories[j].chosen);
    (i.is_multiple_of(every) && !near_chosen) || categories[i].chosen
}
