//! What only an exported chart carries inside its SVG (on the page these are HTML around it): the title and
//! the selected totals above the plot, the numbered legend and the note below it.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::labels::{clean_label, ink_on, shorten};
use super::pens::{rgb, Pens};
use super::Canvas;

/// Width of one legend entry (swatch and name), in pixels.
const LEGEND_ENTRY: i32 = 190;

/// How many legend entries fit in one row at `width`.
pub fn legend_per_row(width: u32) -> usize {
    ((width as i32 - 20) / LEGEND_ENTRY).max(1) as usize
}

/// The title (bold) and the summary line, at the top left.
pub fn draw_heading(root: &Canvas, pens: &Pens) {
    let f = pens.font_size;
    let _ = root.draw(&Text::new(
        clean_label(&pens.spec.title),
        (10, 6),
        pens.styled(f + 4, FontStyle::Bold).pos(Pos::new(HPos::Left, VPos::Top)),
    ));
    let _ = root.draw(&Text::new(
        clean_label(&pens.spec.summary),
        (10, 6 + f as i32 + 10),
        pens.font(f).pos(Pos::new(HPos::Left, VPos::Top)),
    ));
}

/// Numbered swatches in stack order (the same numbers as inside the segments) with the series' names, in rows.
pub fn draw_legend(bottom: &Canvas, pens: &Pens, width: u32) {
    let f = pens.font_size as i32;
    let per_row = legend_per_row(width);
    for (s, series) in pens.spec.series.iter().enumerate() {
        let (row, col) = (s / per_row, s % per_row);
        let x = 10 + col as i32 * LEGEND_ENTRY;
        let y = row as i32 * (f + 10) + 4;
        let c = pens.series_colour(s);
        let _ = bottom.draw(&Rectangle::new([(x, y), (x + f + 4, y + f + 4)], rgb(c).filled()));
        let _ = bottom.draw(&Text::new(
            format!("{}", s + 1),
            (x + (f + 4) / 2, y + (f + 4) / 2),
            ("sans-serif", pens.font_size - 1)
                .into_font()
                .color(&ink_on(c))
                .pos(Pos::new(HPos::Center, VPos::Center)),
        ));
        let _ = bottom.draw(&Text::new(
            shorten(&clean_label(&series.name), 24),
            (x + f + 10, y + (f + 4) / 2),
            pens.font(pens.font_size - 1).pos(Pos::new(HPos::Left, VPos::Center)),
        ));
    }
}

/// The note (italic) below the legend's `legend_rows` rows.
pub fn draw_note(bottom: &Canvas, pens: &Pens, legend_rows: usize) {
    let f = pens.font_size;
    let y = legend_rows as i32 * (f as i32 + 10) + 6;
    let _ = bottom.draw(&Text::new(
        clean_label(&pens.spec.note),
        (10, y),
        pens.styled(f - 1, FontStyle::Italic)
            .pos(Pos::new(HPos::Left, VPos::Top)),
    ));
}
