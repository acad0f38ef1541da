//! The styles one chart is drawn with: fonts, lines and fills from its palette, and the numbers every part
//! needs (font size, largest total, whether the chart is stacked).

use plotters::prelude::*;

use super::super::chart_spec::ChartSpec;
use super::super::theme::{self, Palette};

pub fn rgb(c: (u8, u8, u8)) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

/// A chart's spec with its palette's styles.
pub struct Pens<'a> {
    pub spec: &'a ChartSpec,
    pub palette: &'a Palette,
    /// The base font size in pixels (axis names, labels; ticks and values one smaller).
    pub font_size: u32,
    /// The largest category total (at least 1), the end of the value axis before its headroom.
    pub max: f64,
    text: RGBColor,
}

impl<'a> Pens<'a> {
    pub fn new(spec: &'a ChartSpec, palette: &'a Palette) -> Pens<'a> {
        let max = (0..spec.categories.len())
            .map(|c| spec.total(c))
            .max()
            .unwrap_or(0)
            .max(1) as f64;
        Pens {
            spec,
            palette,
            font_size: palette.font,
            max,
            text: rgb(palette.text),
        }
    }

    /// Text in the palette's text colour.
    pub fn styled(&self, size: u32, style: FontStyle) -> TextStyle<'static> {
        ("sans-serif", size, style).into_font().color(&self.text)
    }

    /// Regular text in the palette's text colour.
    pub fn font(&self, size: u32) -> TextStyle<'static> {
        self.styled(size, FontStyle::Normal)
    }

    pub fn background(&self) -> RGBColor {
        rgb(self.palette.background)
    }

    pub fn axis(&self) -> ShapeStyle {
        ShapeStyle::from(&rgb(self.palette.text)).stroke_width(1)
    }

    pub fn grid(&self) -> ShapeStyle {
        ShapeStyle::from(&rgb(self.palette.grid)).stroke_width(1)
    }

    /// The line between two stacked segments (background colour).
    pub fn separator(&self) -> ShapeStyle {
        ShapeStyle::from(&rgb(self.palette.background)).stroke_width(self.palette.stroke)
    }

    /// The outline of a chosen column or bar.
    pub fn outline(&self) -> ShapeStyle {
        ShapeStyle::from(&rgb(self.palette.text)).stroke_width(2)
    }

    /// The colour of series `s` (a single series takes the accent colour).
    pub fn series_colour(&self, s: usize) -> (u8, u8, u8) {
        let i = self.spec.series.get(s).map(|x| x.colour).unwrap_or(0);
        theme::colour(self.palette, i, self.spec.series.len() == 1)
    }

    /// How values and ticks are written on the value axis.
    pub fn value_label(&self, v: &f64) -> String {
        self.spec.unit.format(v.max(0.0).round() as u64, self.spec.lang)
    }

    /// A value as the chart writes it.
    pub fn value(&self, v: u64) -> String {
        self.spec.unit.format(v, self.spec.lang)
    }
}
