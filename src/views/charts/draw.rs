//! Draws one bar chart (columns or horizontal bars, stacked or not) with plotters' SVG backend into a String,
//! and keeps each bar's data key and pixel rectangle so a click or hover maps back to the value it shows.
//!
//! Plotters' generic types stay inside this file: the view hands it a `ChartSpec` built from core::stats.
//! Text from data (actor names) is escaped by plotters' SVG backend (`escape_and_push`, tested below); control
//! characters, which XML does not allow even escaped, are dropped here before drawing.

use ecomap_core::format;
use ecomap_core::model::{ActorKind, Eur, Lang};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// What a bar stands for: clicking it sets this filter (or opens this actor).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Key {
    Year(u16),
    Technology(String),
    Sector(String),
    Kind(ActorKind),
    Actor(String),
}

/// Money or a count: how values and ticks are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Eur,
    Count,
}

impl Unit {
    pub fn format(self, v: u64, lang: Lang) -> String {
        match self {
            Unit::Eur => format::eur_compact(Eur(v), lang),
            Unit::Count => format::int(v, lang),
        }
    }
}

/// Columns (categories along x, e.g. years) or bars (categories down the y axis, e.g. actors).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Orientation {
    Columns,
    Bars,
}

/// One category (a column or bar).
#[derive(Clone, Debug, PartialEq)]
pub struct Category {
    pub label: String,
    pub key: Key,
    /// Part of the current filter: drawn with an outline and a bold label (not by colour alone).
    pub chosen: bool,
}

/// One series of a stacked chart (a technology, an actor kind); numbered in the legend and inside segments.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub name: String,
    pub key: Option<Key>,
    /// Index into the theme's series colours.
    pub colour: usize,
}

/// Everything a chart shows, already localised.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartSpec {
    /// Stable name (test ids, file names).
    pub id: &'static str,
    pub title: String,
    /// The selected totals in one line ("2025: 98 projects, €68.9M, 42 new").
    pub summary: String,
    /// How to read it ("a project counts under each of its technologies").
    pub note: String,
    pub category_axis: String,
    pub value_axis: String,
    pub orientation: Orientation,
    pub unit: Unit,
    pub categories: Vec<Category>,
    pub series: Vec<Series>,
    /// `[category][series]`.
    pub values: Vec<Vec<u64>>,
    pub lang: Lang,
}

impl ChartSpec {
    pub fn total(&self, category: usize) -> u64 {
        self.values.get(category).map(|v| v.iter().sum()).unwrap_or(0)
    }
}

/// Colours and sizes of a chart theme.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    pub background: (u8, u8, u8),
    pub text: (u8, u8, u8),
    pub grid: (u8, u8, u8),
    pub accent: (u8, u8, u8),
    /// Technology colours (by `TechnologyId`, cycled), then kinds by `ActorKind::index()` from offset 16.
    pub series: &'static [(u8, u8, u8)],
    pub kinds: &'static [(u8, u8, u8); 7],
    pub font: u32,
    /// Separator line between stacked segments.
    pub stroke: u32,
}

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

/// A drawn chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Drawn {
    pub svg: String,
    pub width: u32,
    pub height: u32,
    /// Segments first, then whole columns/bars (so the first hit is the most precise).
    pub hits: Vec<Hit>,
}

/// The first rectangle containing `(x, y)` (SVG pixels).
pub fn hit_at(hits: &[Hit], x: f64, y: f64) -> Option<&Hit> {
    hits.iter()
        .find(|h| x >= h.x0 as f64 && x <= h.x1 as f64 && y >= h.y0 as f64 && y <= h.y1 as f64)
}

/// Drops characters XML 1.0 forbids even when escaped (plotters escapes `<>&"'` itself).
pub fn clean_label(s: &str) -> String {
    s.chars()
        .filter(|&c| !(c.is_control() && c != '\t') && c != '\u{fffe}' && c != '\u{ffff}')
        .collect()
}

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

fn rgb(c: (u8, u8, u8)) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

/// Black or white, whichever reads better on `c` (WCAG relative luminance).
fn ink_on(c: (u8, u8, u8)) -> RGBColor {
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

/// The series number (1-based) centred in a stacked segment, so colour is never the only cue.
fn segment_number<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
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

fn series_colour(p: &Palette, spec: &ChartSpec, s: usize) -> (u8, u8, u8) {
    let i = spec.series.get(s).map(|x| x.colour).unwrap_or(0);
    super::theme::colour(p, i, spec.series.len() == 1)
}

/// Estimated text width in pixels (the exact width is the browser's business; this only decides what fits).
fn text_width(s: &str, size: u32) -> i32 {
    (s.chars().count() as f64 * size as f64 * 0.58) as i32
}

/// Draws `spec` at `width` pixels wide. `standalone` adds the title, summary and note inside the SVG (for
/// export); on the page those are HTML around it.
pub fn draw(spec: &ChartSpec, p: &Palette, width: u32, standalone: bool) -> Drawn {
    let mut svg = String::new();
    let f = p.font;
    let n = spec.categories.len().max(1);
    let stacked = spec.series.len() > 1;
    let legend_rows = if stacked && standalone {
        // Legend entries flow in rows; ~ (width / entry) per row.
        let per_row = ((width as i32 - 20) / 190).max(1) as usize;
        spec.series.len().div_ceil(per_row)
    } else {
        0
    };
    let head = if standalone { 2 * (f + 10) + 8 } else { 6 };
    let foot = legend_rows as u32 * (f + 10) + if standalone && !spec.note.is_empty() { f + 12 } else { 0 } + 6;
    let plot_h = match spec.orientation {
        Orientation::Columns => 300.min(width * 3 / 4).max(200),
        Orientation::Bars => n as u32 * (f + 14) + 2 * f + 30,
    };
    let height = head + plot_h + foot;
    let max = (0..spec.categories.len())
        .map(|c| spec.total(c))
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let mut hits = Vec::new();
    let lang = spec.lang;
    let text = rgb(p.text);
    let styled = |size: u32, st: FontStyle| ("sans-serif", size, st).into_font().color(&text);
    let font = |size: u32| styled(size, FontStyle::Normal);
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        let _ = root.fill(&rgb(p.background));
        if standalone {
            let _ = root.draw(&Text::new(
                clean_label(&spec.title),
                (10, 6),
                styled(f + 4, FontStyle::Bold).pos(Pos::new(HPos::Left, VPos::Top)),
            ));
            let _ = root.draw(&Text::new(
                clean_label(&spec.summary),
                (10, 6 + f as i32 + 10),
                font(f).pos(Pos::new(HPos::Left, VPos::Top)),
            ));
        }
        let (top, rest) = root.split_vertically(head);
        let _ = top;
        let (area, bottom) = rest.split_vertically(plot_h);
        let label_w = match spec.orientation {
            Orientation::Columns => (f * 6).min(width / 4),
            Orientation::Bars => (width * 2 / 5).min(f * 17),
        };
        let value_fmt = |v: &f64| spec.unit.format(v.max(0.0).round() as u64, lang);
        let axis_style = ShapeStyle::from(&rgb(p.text)).stroke_width(1);
        let grid_style = ShapeStyle::from(&rgb(p.grid)).stroke_width(1);
        let sep = ShapeStyle::from(&rgb(p.background)).stroke_width(p.stroke);
        let outline = ShapeStyle::from(&rgb(p.text)).stroke_width(2);
        match spec.orientation {
            Orientation::Columns => {
                let Ok(mut chart) = ChartBuilder::on(&area)
                    .margin_right(12)
                    .margin_top(4)
                    .x_label_area_size(2 * f + 14)
                    .y_label_area_size(label_w + f + 6)
                    .build_cartesian_2d(-0.5f64..(n as f64 - 0.5), 0f64..max * 1.12)
                else {
                    return Drawn {
                        svg: String::new(),
                        width,
                        height,
                        hits,
                    };
                };
                let _ = chart
                    .configure_mesh()
                    .disable_x_mesh()
                    .x_labels(0)
                    .y_labels(5)
                    .y_label_formatter(&value_fmt)
                    .y_desc(clean_label(&spec.value_axis))
                    .x_desc(clean_label(&spec.category_axis))
                    .axis_desc_style(font(f))
                    .label_style(font(f - 1))
                    .axis_style(axis_style)
                    .bold_line_style(grid_style)
                    .light_line_style(TRANSPARENT)
                    .draw();
                let col_w = {
                    let (a, _) = chart.backend_coord(&(0.0, 0.0));
                    let (b, _) = chart.backend_coord(&(1.0, 0.0));
                    (b - a).max(1)
                };
                let mut column_hits = Vec::new();
                for (i, cat) in spec.categories.iter().enumerate() {
                    let x = i as f64;
                    let mut base = 0u64;
                    let mut tip = format!("{}: {}", clean_label(&cat.label), spec.unit.format(spec.total(i), lang));
                    for (s, &v) in spec.values[i].iter().enumerate() {
                        if v == 0 {
                            continue;
                        }
                        let c = series_colour(p, spec, s);
                        let (x0, y0) = chart.backend_coord(&(x - 0.36, (base + v) as f64));
                        let (x1, y1) = chart.backend_coord(&(x + 0.36, base as f64));
                        let _ = chart.draw_series(std::iter::once(Rectangle::new(
                            [(x - 0.36, base as f64), (x + 0.36, (base + v) as f64)],
                            rgb(c).filled(),
                        )));
                        if stacked {
                            let _ = chart.draw_series(std::iter::once(Rectangle::new(
                                [(x - 0.36, base as f64), (x + 0.36, (base + v) as f64)],
                                sep,
                            )));
                            if y1 - y0 >= f as i32 + 2 && x1 - x0 >= f as i32 {
                                segment_number(&root, s, (x0, y0), (x1, y1), f, c);
                            }
                            let name = spec.series.get(s).map(|x| clean_label(&x.name)).unwrap_or_default();
                            let seg_tip = format!(
                                "{} · {} {}: {}",
                                clean_label(&cat.label),
                                s + 1,
                                name,
                                spec.unit.format(v, lang)
                            );
                            tip.push_str(&format!("\n{} {}: {}", s + 1, name, spec.unit.format(v, lang)));
                            hits.push(Hit {
                                x0,
                                y0,
                                x1,
                                y1,
                                key: cat.key.clone(),
                                tip: seg_tip,
                            });
                        }
                        base += v;
                    }
                    let (cx, _) = chart.backend_coord(&(x, 0.0));
                    let (_, ytop) = chart.backend_coord(&(x, max * 1.12));
                    let (_, ybase) = chart.backend_coord(&(x, 0.0));
                    let (_, ybar) = chart.backend_coord(&(x, base as f64));
                    if cat.chosen {
                        let _ = chart.draw_series(std::iter::once(Rectangle::new(
                            [(x - 0.42, 0.0), (x + 0.42, (base as f64).max(max * 0.02))],
                            outline,
                        )));
                    }
                    // Direct label: the column's total above it, when it fits.
                    let total = spec.unit.format(base, lang);
                    if text_width(&total, f - 1) <= col_w - 2 {
                        let _ = root.draw(&Text::new(
                            total,
                            (cx, ybar - 3),
                            font(f - 1).pos(Pos::new(HPos::Center, VPos::Bottom)),
                        ));
                    }
                    // Narrow columns (phones): label every k-th column (and the chosen one), never overlapping.
                    let label = clean_label(&cat.label);
                    let every = ((text_width(&label, f) + 6) / col_w + 1).max(1) as usize;
                    let near_chosen = (i.saturating_sub(every - 1)..(i + every).min(spec.categories.len()))
                        .any(|j| j != i && spec.categories[j].chosen);
                    if (i % every == 0 && !near_chosen) || cat.chosen {
                        let style = if cat.chosen {
                            styled(f, FontStyle::Bold)
                        } else {
                            font(f)
                        };
                        let _ = root.draw(&Text::new(
                            label,
                            (cx, ybase + 6),
                            style.pos(Pos::new(HPos::Center, VPos::Top)),
                        ));
                    }
                    column_hits.push(Hit {
                        x0: cx - col_w / 2,
                        y0: ytop,
                        x1: cx + col_w / 2,
                        y1: ybase + f as i32 + 8,
                        key: cat.key.clone(),
                        tip,
                    });
                }
                hits.extend(column_hits);
            }
            Orientation::Bars => {
                let Ok(mut chart) = ChartBuilder::on(&area)
                    .margin_right(12)
                    .margin_top(4)
                    .x_label_area_size(2 * f + 14)
                    .y_label_area_size(label_w)
                    .build_cartesian_2d(0f64..max * 1.3, -0.5f64..(n as f64 - 0.5))
                else {
                    return Drawn {
                        svg: String::new(),
                        width,
                        height,
                        hits,
                    };
                };
                let _ = chart
                    .configure_mesh()
                    .disable_y_mesh()
                    .y_labels(0)
                    .x_labels(4)
                    .x_label_formatter(&value_fmt)
                    .x_desc(clean_label(&spec.value_axis))
                    .axis_desc_style(font(f))
                    .label_style(font(f - 1))
                    .axis_style(axis_style)
                    .bold_line_style(grid_style)
                    .light_line_style(TRANSPARENT)
                    .draw();
                let row_h = {
                    let (_, a) = chart.backend_coord(&(0.0, 0.0));
                    let (_, b) = chart.backend_coord(&(0.0, 1.0));
                    (a - b).abs().max(1)
                };
                let mut bar_hits = Vec::new();
                for (i, cat) in spec.categories.iter().enumerate() {
                    // The first category at the top.
                    let y = (n - 1 - i) as f64;
                    let mut base = 0u64;
                    let mut tip = format!("{}: {}", clean_label(&cat.label), spec.unit.format(spec.total(i), lang));
                    for (s, &v) in spec.values[i].iter().enumerate() {
                        if v == 0 {
                            continue;
                        }
                        let c = series_colour(p, spec, s);
                        let (x0, y0) = chart.backend_coord(&(base as f64, y + 0.34));
                        let (x1, y1) = chart.backend_coord(&((base + v) as f64, y - 0.34));
                        let _ = chart.draw_series(std::iter::once(Rectangle::new(
                            [(base as f64, y - 0.34), ((base + v) as f64, y + 0.34)],
                            rgb(c).filled(),
                        )));
                        if stacked {
                            let _ = chart.draw_series(std::iter::once(Rectangle::new(
                                [(base as f64, y - 0.34), ((base + v) as f64, y + 0.34)],
                                sep,
                            )));
                            if x1 - x0 >= f as i32 + 2 && y1 - y0 >= f as i32 {
                                segment_number(&root, s, (x0, y0), (x1, y1), f, c);
                            }
                            let name = spec.series.get(s).map(|x| clean_label(&x.name)).unwrap_or_default();
                            tip.push_str(&format!("\n{} {}: {}", s + 1, name, spec.unit.format(v, lang)));
                            let seg_tip = format!(
                                "{} · {} {}: {}",
                                clean_label(&cat.label),
                                s + 1,
                                name,
                                spec.unit.format(v, lang)
                            );
                            hits.push(Hit {
                                x0,
                                y0,
                                x1,
                                y1,
                                key: cat.key.clone(),
                                tip: seg_tip,
                            });
                        }
                        base += v;
                    }
                    let (xl, cy) = chart.backend_coord(&(0.0, y));
                    let (xr, _) = chart.backend_coord(&(max * 1.3, y));
                    let (xbar, _) = chart.backend_coord(&(base as f64, y));
                    if cat.chosen {
                        let _ = chart.draw_series(std::iter::once(Rectangle::new(
                            [(0.0, y - 0.42), ((base as f64).max(max * 0.02), y + 0.42)],
                            outline,
                        )));
                    }
                    let _ = root.draw(&Text::new(
                        spec.unit.format(base, lang),
                        (xbar + 4, cy),
                        font(f - 1).pos(Pos::new(HPos::Left, VPos::Center)),
                    ));
                    let label = shorten(
                        &clean_label(&cat.label),
                        ((label_w as i32 - 8) / (f as i32 * 6 / 10).max(1)) as usize,
                    );
                    let style = if cat.chosen {
                        styled(f, FontStyle::Bold)
                    } else {
                        font(f)
                    };
                    let _ = root.draw(&Text::new(
                        label,
                        (xl - 6, cy),
                        style.pos(Pos::new(HPos::Right, VPos::Center)),
                    ));
                    bar_hits.push(Hit {
                        x0: 0,
                        y0: cy - row_h / 2,
                        x1: xr,
                        y1: cy + row_h / 2,
                        key: cat.key.clone(),
                        tip,
                    });
                }
                hits.extend(bar_hits);
            }
        }
        // Legend (exports only; the page has HTML legend buttons): numbered swatches in stack order, the same
        // numbers as inside the segments.
        if stacked && standalone {
            let per_row = ((width as i32 - 20) / 190).max(1) as usize;
            for (s, series) in spec.series.iter().enumerate() {
                let (row, col) = (s / per_row, s % per_row);
                let x = 10 + col as i32 * 190;
                let y = row as i32 * (f as i32 + 10) + 4;
                let c = series_colour(p, spec, s);
                let _ = bottom.draw(&Rectangle::new(
                    [(x, y), (x + f as i32 + 4, y + f as i32 + 4)],
                    rgb(c).filled(),
                ));
                let _ = bottom.draw(&Text::new(
                    format!("{}", s + 1),
                    (x + (f as i32 + 4) / 2, y + (f as i32 + 4) / 2),
                    ("sans-serif", f - 1)
                        .into_font()
                        .color(&ink_on(c))
                        .pos(Pos::new(HPos::Center, VPos::Center)),
                ));
                let _ = bottom.draw(&Text::new(
                    shorten(&clean_label(&series.name), 24),
                    (x + f as i32 + 10, y + (f as i32 + 4) / 2),
                    font(f - 1).pos(Pos::new(HPos::Left, VPos::Center)),
                ));
            }
        }
        if standalone && !spec.note.is_empty() {
            let y = legend_rows as i32 * (f as i32 + 10) + 6;
            let _ = bottom.draw(&Text::new(
                clean_label(&spec.note),
                (10, y),
                styled(f - 1, FontStyle::Italic).pos(Pos::new(HPos::Left, VPos::Top)),
            ));
        }
        let _ = root.present();
    }
    Drawn {
        svg,
        width,
        height,
        hits,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn spec(names: &[&str], orientation: Orientation, series: usize) -> ChartSpec {
        ChartSpec {
            id: "top-actors",
            title: "Top <10> & more".into(),
            summary: "2025: 3 projects, €1.2M".into(),
            note: "a \"note\" with 'quotes'".into(),
            category_axis: "Actor".into(),
            value_axis: "Volume (EUR)".into(),
            orientation,
            unit: Unit::Eur,
            categories: names
                .iter()
                .enumerate()
                .map(|(i, n)| Category {
                    label: n.to_string(),
                    key: Key::Actor(format!("a{i}")),
                    chosen: i == 0,
                })
                .collect(),
            series: (0..series)
                .map(|s| Series {
                    name: format!("S<{s}>&"),
                    key: None,
                    colour: s,
                })
                .collect(),
            values: (0..names.len())
                .map(|i| (0..series).map(|s| 1_000_000 * (i + s + 1) as u64).collect())
                .collect(),
            lang: Lang::En,
        }
    }

    /// A small well-formedness check: tags nest and close, attributes are quoted, `&` starts an entity, and no
    /// `<` appears inside text or attribute values. (No XML crate in the tree; the browser test parses with
    /// DOMParser.)
    fn assert_well_formed(svg: &str) {
        let b = svg.as_bytes();
        let mut stack: Vec<String> = Vec::new();
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'<' => {
                    let end = i + svg[i..].find('>').expect("unclosed tag");
                    let tag = &svg[i + 1..end];
                    if let Some(name) = tag.strip_prefix('/') {
                        assert_eq!(stack.pop().as_deref(), Some(name.trim()), "mismatched </{name}>");
                    } else if !tag.starts_with('?') && !tag.starts_with('!') {
                        let self_closing = tag.ends_with('/');
                        let body = tag.trim_end_matches('/');
                        let name: String = body.chars().take_while(|c| !c.is_whitespace()).collect();
                        assert!(
                            name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == ':'),
                            "bad tag name {name:?}"
                        );
                        // Attribute values: name="value" with no raw < or " inside.
                        let mut rest = &body[name.len()..];
                        while let Some(eq) = rest.find('=') {
                            assert_eq!(&rest[eq + 1..eq + 2], "\"", "unquoted attribute in <{tag}>");
                            let close = rest[eq + 2..].find('"').expect("unclosed attribute");
                            let value = &rest[eq + 2..eq + 2 + close];
                            assert!(!value.contains('<'), "raw < in attribute {value:?}");
                            rest = &rest[eq + 2 + close + 1..];
                        }
                        if !self_closing {
                            stack.push(name);
                        }
                    }
                    i = end + 1;
                }
                b'&' => {
                    let end = svg[i..].find(';').expect("& without ;");
                    let ent = &svg[i + 1..i + end];
                    assert!(
                        ["lt", "gt", "amp", "quot", "apos"].contains(&ent) || ent.starts_with('#'),
                        "bad entity &{ent};"
                    );
                    i += end + 1;
                }
                c => {
                    assert!(c >= 0x20 || c == b'\n' || c == b'\t' || c == b'\r', "control byte {c}");
                    i += 1;
                }
            }
        }
        assert!(stack.is_empty(), "unclosed elements {stack:?}");
    }

    const EVIL: &str = "<img src=x onerror=alert(1)>";

    #[test]
    fn actor_names_from_data_never_become_markup() {
        let names = [EVIL, "A&B", "Quote \" and ' apostrophe", "Bell\u{7}\u{0}Null"];
        for orientation in [Orientation::Bars, Orientation::Columns] {
            for standalone in [false, true] {
                let drawn = draw(
                    &spec(&names, orientation, 1),
                    &super::super::theme::LIGHT,
                    640,
                    standalone,
                );
                assert_well_formed(&drawn.svg);
                assert!(!drawn.svg.contains("<img"), "no img element");
                // Long labels are shortened on the axis; the start of the name is there, escaped.
                assert!(drawn.svg.contains("&lt;img"), "the name is there, escaped");
                let tip = drawn
                    .hits
                    .iter()
                    .find(|h| h.key == Key::Actor("a0".into()))
                    .map(|h| h.tip.clone());
                assert!(
                    tip.unwrap_or_default().starts_with(EVIL),
                    "the tooltip has the whole name as text"
                );
                assert!(drawn.svg.contains("A&amp;B"));
                assert!(drawn.svg.contains("BellNull"), "control characters dropped");
                if standalone {
                    assert!(drawn.svg.contains("Top &lt;10&gt; &amp; more"));
                    assert!(
                        drawn.svg.contains("2025: 3 projects, €1.2M"),
                        "the totals are in the export"
                    );
                }
            }
        }
        // Stacked, with series names from data in the (exported) legend.
        let drawn = draw(
            &spec(&names, Orientation::Columns, 3),
            &super::super::theme::DARK,
            400,
            true,
        );
        assert_well_formed(&drawn.svg);
        assert!(drawn.svg.contains("S&lt;1&gt;&amp;"));
    }

    #[test]
    fn a_click_maps_back_to_the_bar_under_it() {
        let s = spec(&["Alpha", "Beta", "Gamma"], Orientation::Bars, 1);
        let drawn = draw(&s, &super::super::theme::LIGHT, 600, false);
        assert_eq!(drawn.hits.len(), 3);
        for (i, h) in drawn.hits.iter().enumerate() {
            let (cx, cy) = ((h.x0 + h.x1) as f64 / 2.0, (h.y0 + h.y1) as f64 / 2.0);
            assert_eq!(
                hit_at(&drawn.hits, cx, cy).map(|h| &h.key),
                Some(&Key::Actor(format!("a{i}")))
            );
        }
        // Bars go top to bottom in category order, and nothing is hit outside the plot.
        assert!(drawn.hits[0].y1 <= drawn.hits[1].y0 + 1);
        assert_eq!(hit_at(&drawn.hits, 5.0, drawn.height as f64 + 10.0), None);

        // Stacked columns: the segment hit comes first and names its series; the key is the column's.
        let s = spec(&["2024", "2025"], Orientation::Columns, 2);
        let drawn = draw(&s, &super::super::theme::LIGHT, 600, false);
        let seg = &drawn.hits[0];
        let got = hit_at(
            &drawn.hits,
            (seg.x0 + seg.x1) as f64 / 2.0,
            (seg.y0 + seg.y1) as f64 / 2.0,
        )
        .unwrap();
        assert_eq!(got.key, Key::Actor("a0".into()));
        assert!(got.tip.contains("1 S<0>&"), "tooltips are plain text: {}", got.tip);
        // Above the column (but inside the plot) still hits the column.
        let col = drawn
            .hits
            .iter()
            .rev()
            .find(|h| h.key == Key::Actor("a1".into()))
            .unwrap();
        assert!(hit_at(&drawn.hits, (col.x0 + col.x1) as f64 / 2.0, col.y0 as f64 + 2.0).is_some());
    }
}
