//! The profile's chart, drawn with plotters' SVG backend: actors by kind in each year as stacked columns, with
//! a legend. Only the elements of the page's allow-list (src/views/charts/svg_dom.rs): rect, line, text.

use ecomap_core::insight::profile::ProfileYear;
use ecomap_core::model::{ActorKind, Lang};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::texts::kind_name;

/// One colour per kind, in `ActorKind::ALL` order (3:1 or more against white).
const COLOURS: [(u8, u8, u8); 7] = [
    (0xd9, 0x4f, 0x00),
    (0x0b, 0x5c, 0xad),
    (0x5b, 0x3a, 0x99),
    (0x1b, 0x7a, 0x3e),
    (0x9c, 0x27, 0x6b),
    (0x6b, 0x5b, 0x00),
    (0x47, 0x55, 0x69),
];

const WIDTH: u32 = 640;
const HEIGHT: u32 = 300;
const LEGEND: u32 = 52;

/// The stacked columns of `years`; empty without years.
pub fn actors_by_kind(years: &[ProfileYear], lang: Lang) -> String {
    if years.is_empty() {
        return String::new();
    }
    let max = years
        .iter()
        .map(|y| y.actors_by_kind.iter().sum::<u32>())
        .max()
        .unwrap_or(0)
        .max(1);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, HEIGHT)).into_drawing_area();
        let _ = root.fill(&WHITE);
        let (area, legend) = root.split_vertically(HEIGHT - LEGEND);
        let font = |size: u32| ("sans-serif", size).into_font().color(&BLACK);
        let n = years.len();
        let Ok(mut plot) = ChartBuilder::on(&area)
            .margin(8)
            .x_label_area_size(28)
            .y_label_area_size(44)
            .build_cartesian_2d(-0.5f64..(n as f64 - 0.5), 0f64..max as f64 * 1.05)
        else {
            return String::new();
        };
        let every = n.div_ceil(12).max(1);
        let label = |x: &f64| {
            let i = x.round();
            if (x - i).abs() > 1e-6 || i < 0.0 || i as usize >= n || !(i as usize).is_multiple_of(every) {
                return String::new();
            }
            years[i as usize].year.to_string()
        };
        let _ = plot
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(n)
            .x_label_formatter(&label)
            .y_labels(5)
            .y_label_formatter(&|v: &f64| ecomap_core::format::int(v.max(0.0).round() as u64, lang))
            .label_style(font(14))
            .axis_style(BLACK)
            .bold_line_style(RGBColor(0xdd, 0xdd, 0xdd))
            .light_line_style(TRANSPARENT)
            .draw();
        for (i, y) in years.iter().enumerate() {
            let mut base = 0f64;
            for k in ActorKind::ALL {
                let v = f64::from(y.actors_by_kind[k.index()]);
                if v == 0.0 {
                    continue;
                }
                let (r, g, b) = COLOURS[k.index()];
                let x = i as f64;
                let _ = plot.draw_series(std::iter::once(Rectangle::new(
                    [(x - 0.38, base), (x + 0.38, base + v)],
                    RGBColor(r, g, b).filled(),
                )));
                base += v;
            }
        }
        draw_legend(&legend, lang);
        let _ = root.present();
    }
    svg
}

fn draw_legend(area: &DrawingArea<SVGBackend, plotters::coord::Shift>, lang: Lang) {
    let col = (WIDTH - 16) as i32 / 4;
    for (i, k) in ActorKind::ALL.into_iter().enumerate() {
        let x = 8 + (i as i32 % 4) * col;
        let y = 6 + (i as i32 / 4) * 22;
        let (r, g, b) = COLOURS[k.index()];
        let _ = area.draw(&Rectangle::new([(x, y), (x + 12, y + 12)], RGBColor(r, g, b).filled()));
        let style = ("sans-serif", 12)
            .into_font()
            .color(&BLACK)
            .pos(Pos::new(HPos::Left, VPos::Center));
        let _ = area.draw(&Text::new(kind_name(k, lang), (x + 18, y + 6), style));
    }
}

/// The page's allow-list (public/insight.js) for the worker's SVG, checked in tests.
#[cfg(test)]
pub(crate) mod allow {
    /// The names in `list` of public/insight.js (`const LIST = ["a", "b"];`).
    fn page_list(list: &str) -> Vec<String> {
        let js = include_str!("../../../public/insight.js");
        let line = js
            .lines()
            .find(|l| l.starts_with(&format!("const {list} = [")))
            .expect(list);
        line.split('"').skip(1).step_by(2).map(str::to_string).collect()
    }

    /// Panics unless every element and attribute of `svg` is allowed; returns how many attributes it checked.
    pub fn check(svg: &str) -> usize {
        assert!(svg.starts_with("<svg"));
        let (elements, attributes) = (page_list("SVG_ELEMENTS"), page_list("SVG_ATTRIBUTES"));
        let mut checked = 0;
        for tag in svg
            .split('<')
            .skip(1)
            .filter(|t| !t.starts_with('/') && !t.starts_with('?'))
        {
            let name: String = tag.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
            assert!(elements.contains(&name), "element {name}");
            let head = tag.split('>').next().unwrap_or_default();
            for attr in head
                .split('"')
                .step_by(2)
                .filter_map(|p| p.trim().rsplit(' ').next())
                .filter(|a| a.ends_with('='))
            {
                let attr = attr.trim_end_matches('=');
                assert!(attributes.iter().any(|a| a == attr), "attribute {attr} of {name}");
                checked += 1;
            }
        }
        checked
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chart_passes_the_pages_allow_list() {
        let years: Vec<ProfileYear> = (2019..2025)
            .map(|year| ProfileYear {
                year,
                actors_by_kind: [3, 2, 1, 0, 4, 1, 2],
                ..ProfileYear::default()
            })
            .collect();
        let svg = actors_by_kind(&years, Lang::De);
        let checked = allow::check(&svg);
        assert!(checked > 100, "{checked} attributes checked");
        assert!(svg.contains("Hochschule"), "the legend names the kinds");
    }
}
