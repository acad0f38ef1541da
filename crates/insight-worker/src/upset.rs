//! The comparison's overlap as an UpSet chart, drawn with plotters' SVG backend: one column per exact
//! combination of the compared technologies (most actors first), a bar of its actors above and a dot matrix
//! below (a filled dot: the combination holds that technology, joined by a line). Only allow-listed elements.

use ecomap_core::format;
use ecomap_core::insight::compare::Comparison;
use ecomap_core::model::Lang;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

const WIDTH: u32 = 640;
const BARS: i32 = 180;
const ROW: i32 = 26;
const LABELS: i32 = 150;
const INK: RGBColor = RGBColor(0x1f, 0x2a, 0x44);
const BAR: RGBColor = RGBColor(0x0b, 0x5c, 0xad);
const OFF: RGBColor = RGBColor(0xc8, 0xcc, 0xd4);

/// The chart of `c`'s intersections, technologies named by `names`; empty without any.
pub fn upset(c: &Comparison, names: &[String], lang: Lang) -> String {
    let cols = c.intersections.len() as i32;
    if cols == 0 {
        return String::new();
    }
    let rows = c.technologies.len() as i32;
    let height = (BARS + 24 + rows * ROW + 8) as u32;
    let max = c.intersections.iter().map(|x| x.actors).max().unwrap_or(1).max(1);
    let step = (WIDTH as i32 - LABELS - 8) / cols;
    let x_of = |k: i32| LABELS + k * step + step / 2;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        let _ = root.fill(&WHITE);
        let font = |size: u32, h: HPos| {
            ("sans-serif", size)
                .into_font()
                .color(&INK)
                .pos(Pos::new(h, VPos::Center))
        };
        // The bars with their counts; a baseline under them.
        let top = 20;
        let _ = root.draw(&PathElement::new(vec![(LABELS, BARS), (WIDTH as i32 - 8, BARS)], INK));
        for (k, x) in c.intersections.iter().enumerate() {
            let cx = x_of(k as i32);
            let h = ((BARS - top) as f64 * f64::from(x.actors) / f64::from(max)).round() as i32;
            let half = (step / 3).clamp(3, 18);
            let _ = root.draw(&Rectangle::new(
                [(cx - half, BARS - h.max(1)), (cx + half, BARS)],
                BAR.filled(),
            ));
            let label = format::int(u64::from(x.actors), lang);
            let _ = root.draw(&Text::new(label, (cx, BARS - h.max(1) - 9), font(12, HPos::Center)));
        }
        // The matrix: a row per technology, its name on the left.
        for (r, name) in names.iter().enumerate() {
            let y = BARS + 24 + r as i32 * ROW + ROW / 2;
            let _ = root.draw(&Text::new(name.clone(), (LABELS - 10, y), font(14, HPos::Right)));
        }
        for (k, x) in c.intersections.iter().enumerate() {
            let cx = x_of(k as i32);
            let ys: Vec<i32> = (0..rows)
                .filter(|r| x.combination & (1 << r) != 0)
                .map(|r| BARS + 24 + r * ROW + ROW / 2)
                .collect();
            if let (Some(&a), Some(&b)) = (ys.first(), ys.last()) {
                if a != b {
                    let _ = root.draw(&PathElement::new(vec![(cx, a), (cx, b)], INK.stroke_width(3)));
                }
            }
            for r in 0..rows {
                let y = BARS + 24 + r * ROW + ROW / 2;
                let on = x.combination & (1 << r) != 0;
                let _ = root.draw(&Circle::new((cx, y), 7, if on { INK.filled() } else { OFF.filled() }));
            }
        }
        let _ = root.present();
    }
    svg
}

#[cfg(test)]
mod tests {
    use super::*;
    use ecomap_core::filter::{select, Filter};
    use ecomap_core::insight::compare::compare;
    use ecomap_core::model::TechnologyId;

    #[test]
    fn one_column_and_one_dot_per_technology_for_each_combination() {
        let (ds, idx) = crate::demo_data::demo();
        let f = Filter::default();
        let sel = select(&ds, &idx, &f);
        let c = compare(
            &ds,
            &idx,
            &f,
            &sel,
            &[TechnologyId(0), TechnologyId(1), TechnologyId(2)],
            None,
        )
        .expect("3");
        let names: Vec<String> = ["A", "B", "C"].map(String::from).to_vec();
        let svg = upset(&c, &names, Lang::En);
        assert!(crate::chart::allow::check(&svg) > 20);
        let n = c.intersections.len();
        assert!(n >= 3, "{n} combinations");
        assert_eq!(svg.matches("<circle").count(), n * 3);
        // One bar per combination (the background is a rect too), each count written above its bar.
        assert_eq!(svg.matches("<rect").count(), n + 1);
        for x in &c.intersections {
            assert!(svg.contains(&format!(">\n{}\n</text>", x.actors)), "{}", x.actors);
        }
    }
}
