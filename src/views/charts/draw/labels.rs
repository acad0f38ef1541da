//! Text helpers for drawing: labels cleaned for XML, shortened to fit, their estimated width, and the ink
//! colour that reads on a fill.

use plotters::prelude::*;

/// Drops characters XML 1.0 forbids even when escaped (plotters escapes `<>&"'` itself).
pub fn clean_label(s: &str) -> String {
    s.chars()
        .filter(|&c| !(c.is_control() && c != '\t') && c != '\u{fffe}' && c != '\u{ffff}')
        .collect()
}

/// `s` cut to at most `max` characters, the last one an ellipsis when cut.
pub fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

/// Estimated text width in pixels (the exact width is the browser's business; this only decides what fits).
pub fn text_width(s: &str, size: u32) -> i32 {
    (s.chars().count() as f64 * size as f64 * 0.58) as i32
}

/// Black or white, whichever reads better on `c` (WCAG relative luminance).
pub fn ink_on(c: (u8, u8, u8)) -> RGBColor {
    let lin = |v: u8| {
        let v = v as f64 / 255.0;
        if v <= 0.03928 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    let l = 0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2);
    if (l + 0.05) / 0.05 > 1.05 / (l + 0.05) {
        BLACK
    } else {
        WHITE
    }
}
