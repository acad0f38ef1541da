//! The regional strengths and gaps of a technology as a choropleth (issue 17, item 4): the 30 districts and
//! counties from core's basemap (`geo::region_outlines`), coloured by the location quotient's class, Berlin
//! again enlarged beside Brandenburg, with a legend; and the same as small multiples, one map per technology
//! (the regions view). The classes are core's (`concentration::Class`). Plotters' SVG backend; only
//! allow-listed elements.

use ecomap_core::geo::{region_outlines, BBox, RegionOutline};
use ecomap_core::insight::concentration::{Class, RegionShare};
use ecomap_core::model::{Dataset, Lang, LonLat};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::texts::texts;

const WIDTH: u32 = 640;
const MAP_HEIGHT: u32 = 420;
const LEGEND: u32 = 76;

/// The colours of core's classes (`concentration::Class`, in its order): strength, above, below, gap, too few
/// actors to tell, no actors.
const COLOURS: [(u8, u8, u8); 6] = [
    (0xb3, 0x43, 0x00),
    (0xf4, 0xa5, 0x82),
    (0x92, 0xc5, 0xde),
    (0x21, 0x66, 0xac),
    (0xd9, 0xd9, 0xd9),
    (0xff, 0xff, 0xff),
];

const _: () = assert!(COLOURS.len() == Class::ALL.len());

fn class(r: &RegionShare) -> usize {
    r.class().index()
}

/// Projects lon/lat into a box of pixels (equirectangular, scaled by the cosine of the middle latitude).
struct Frame {
    bbox: BBox,
    origin: (i32, i32),
    scale: f64,
    k: f64,
}

impl Frame {
    fn new(bbox: BBox, origin: (i32, i32), size: (f64, f64)) -> Frame {
        let k = ((bbox.min_lat + bbox.max_lat) / 2.0).to_radians().cos();
        let w = (bbox.max_lon - bbox.min_lon) * k;
        let h = bbox.max_lat - bbox.min_lat;
        Frame {
            bbox,
            origin,
            scale: (size.0 / w).min(size.1 / h),
            k,
        }
    }
    fn px(&self, p: LonLat) -> (i32, i32) {
        let x = (p.lon - self.bbox.min_lon) * self.k * self.scale;
        let y = (self.bbox.max_lat - p.lat) * self.scale;
        (self.origin.0 + x.round() as i32, self.origin.1 + y.round() as i32)
    }
}

fn union(outlines: &[&RegionOutline]) -> Option<BBox> {
    outlines.iter().map(|o| o.bbox).reduce(|a, b| BBox {
        min_lon: a.min_lon.min(b.min_lon),
        min_lat: a.min_lat.min(b.min_lat),
        max_lon: a.max_lon.max(b.max_lon),
        max_lat: a.max_lat.max(b.max_lat),
    })
}

/// The basemap's outlines, larger regions first (a region inside another is drawn over it), Berlin's apart,
/// and the boxes of both; `None` without a basemap.
struct Outlines {
    all: Vec<&'static RegionOutline>,
    berlin: Vec<&'static RegionOutline>,
    whole: BBox,
    city: BBox,
}

fn outlines() -> Option<Outlines> {
    let mut all: Vec<&RegionOutline> = region_outlines().iter().collect();
    let area = |b: &BBox| (b.max_lon - b.min_lon) * (b.max_lat - b.min_lat);
    all.sort_by(|a, b| area(&b.bbox).total_cmp(&area(&a.bbox)));
    let berlin: Vec<&RegionOutline> = all.iter().copied().filter(|o| o.key.starts_with("11")).collect();
    let (whole, city) = (union(&all)?, union(&berlin)?);
    Some(Outlines {
        all,
        berlin,
        whole,
        city,
    })
}

/// How far (in pixels) a simplified outline may stray from the basemap's: under a pixel, so not visible.
const TOLERANCE_PX: f64 = 0.7;

/// Douglas-Peucker in pixel space: the points of `pts` needed to stay within `tol` pixels of it (its first and
/// last always kept). Whole-pixel outlines of the basemap have far more points than a small map can show.
fn simplify(pts: &[(i32, i32)], tol: f64) -> Vec<(i32, i32)> {
    if pts.len() < 3 {
        return pts.to_vec();
    }
    let mut keep = vec![false; pts.len()];
    keep[0] = true;
    keep[pts.len() - 1] = true;
    let mut stack = vec![(0usize, pts.len() - 1)];
    while let Some((a, b)) = stack.pop() {
        let (ax, ay) = (f64::from(pts[a].0), f64::from(pts[a].1));
        let (dx, dy) = (f64::from(pts[b].0) - ax, f64::from(pts[b].1) - ay);
        let len = dx.hypot(dy);
        let mut far = (0.0, a);
        for (i, p) in pts.iter().enumerate().take(b).skip(a + 1) {
            let (px, py) = (f64::from(p.0) - ax, f64::from(p.1) - ay);
            // Distance to the segment's line, or to its start when the segment is a point (a closed ring).
            let d = if len > 0.0 {
                (px * dy - py * dx).abs() / len
            } else {
                px.hypot(py)
            };
            if d > far.0 {
                far = (d, i);
            }
        }
        if far.0 > tol {
            keep[far.1] = true;
            stack.push((a, far.1));
            stack.push((far.1, b));
        }
    }
    pts.iter().zip(keep).filter(|(_, k)| *k).map(|(&p, _)| p).collect()
}

type Area<'a> = DrawingArea<SVGBackend<'a>, plotters::coord::Shift>;

/// Draws one map: Brandenburg with Berlin into `whole` (origin, size), Berlin again into `inset`.
fn draw_map(
    root: &Area,
    o: &Outlines,
    ds: &Dataset,
    regions: &[RegionShare],
    whole: ((i32, i32), (f64, f64)),
    inset: ((i32, i32), (f64, f64)),
    stroke: u32,
) {
    let class_of = |key: &str| {
        regions
            .iter()
            .find(|r| ds.region(r.region).key == key)
            .map(class)
            .unwrap_or(5)
    };
    let frames = [
        (Frame::new(o.whole, whole.0, whole.1), &o.all),
        (Frame::new(o.city, inset.0, inset.1), &o.berlin),
    ];
    for (frame, outlines) in &frames {
        for o in outlines.iter() {
            let (r, g, b) = COLOURS[class_of(o.key)];
            for ring in &o.rings {
                let pts: Vec<(i32, i32)> = ring.iter().map(|&p| frame.px(p)).collect();
                let pts = simplify(&pts, TOLERANCE_PX);
                let _ = root.draw(&Polygon::new(pts.clone(), RGBColor(r, g, b).filled()));
                let _ = root.draw(&PathElement::new(pts, RGBColor(0x40, 0x40, 0x40).stroke_width(stroke)));
            }
        }
    }
}

fn font(size: u32) -> TextStyle<'static> {
    ("sans-serif", size).into_font().color(&BLACK)
}

/// The choropleth of `regions` (every region's quotient for one technology); empty without a basemap.
pub fn choropleth(ds: &Dataset, regions: &[RegionShare], lang: Lang) -> String {
    let Some(o) = outlines() else { return String::new() };
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, MAP_HEIGHT + LEGEND)).into_drawing_area();
        let _ = root.fill(&WHITE);
        let whole = ((8, 8), (400.0, f64::from(MAP_HEIGHT) - 16.0));
        draw_map(&root, &o, ds, regions, whole, ((420, 40), (212.0, 212.0)), 1);
        let _ = root.draw(&Text::new("Berlin", (420, 20), font(14)));
        draw_legend(&root, MAP_HEIGHT as i32 + 4, lang);
        let _ = root.present();
    }
    svg
}

/// Small multiples: one map per (title, quotients), two in a row, with one legend; empty without a basemap.
pub fn small_multiples(ds: &Dataset, maps: &[(String, Vec<RegionShare>)], lang: Lang) -> String {
    const PANEL: (i32, i32) = (316, 214);
    let Some(o) = outlines() else { return String::new() };
    if maps.is_empty() {
        return String::new();
    }
    let rows = maps.len().div_ceil(2) as i32;
    let height = (rows * PANEL.1) as u32 + LEGEND;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        let _ = root.fill(&WHITE);
        for (k, (title, regions)) in maps.iter().enumerate() {
            let (x, y) = (4 + (k as i32 % 2) * (PANEL.0 + 4), (k as i32 / 2) * PANEL.1);
            let _ = root.draw(&Text::new(
                title.clone(),
                (x + 2, y + 4),
                ("sans-serif", 15, FontStyle::Bold).into_font().color(&BLACK),
            ));
            draw_map(
                &root,
                &o,
                ds,
                regions,
                ((x, y + 26), (196.0, 180.0)),
                ((x + 202, y + 52), (112.0, 112.0)),
                1,
            );
            let _ = root.draw(&Text::new("Berlin", (x + 202, y + 34), font(12)));
        }
        draw_legend(&root, rows * PANEL.1 + 4, lang);
        let _ = root.present();
    }
    svg
}

fn draw_legend(root: &Area, top: i32, lang: Lang) {
    let tx = texts(lang);
    let labels = [
        tx.lq_well_above,
        tx.lq_above,
        tx.lq_below,
        tx.lq_well_below,
        tx.too_few,
        tx.no_actors,
    ];
    let col = (WIDTH as i32 - 16) / 2;
    for (i, label) in labels.iter().enumerate() {
        let x = 8 + (i as i32 % 2) * col;
        let y = top + (i as i32 / 2) * 24;
        let (r, g, b) = COLOURS[i];
        let _ = root.draw(&Rectangle::new([(x, y), (x + 14, y + 14)], RGBColor(r, g, b).filled()));
        let _ = root.draw(&Rectangle::new([(x, y), (x + 14, y + 14)], RGBColor(0x40, 0x40, 0x40)));
        let style = font(14).pos(Pos::new(HPos::Left, VPos::Center));
        let _ = root.draw(&Text::new(*label, (x + 20, y + 7), style));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simplifying_keeps_corners_and_drops_what_a_pixel_cannot_show() {
        let line: Vec<(i32, i32)> = (0..50).map(|x| (x, 0)).collect();
        assert_eq!(simplify(&line, 0.7), [(0, 0), (49, 0)]);
        // A closed square with points along its sides: its four corners and the closing point remain.
        let mut square: Vec<(i32, i32)> = Vec::new();
        square.extend((0..10).map(|x| (x, 0)));
        square.extend((0..10).map(|y| (10, y)));
        square.extend((0..10).map(|x| (10 - x, 10)));
        square.extend((0..=10).map(|y| (0, 10 - y)));
        assert_eq!(simplify(&square, 0.7), [(0, 0), (10, 0), (10, 10), (0, 10), (0, 0)]);
        // A one-pixel wiggle stays (over the tolerance), a half-pixel one goes.
        assert_eq!(simplify(&[(0, 0), (5, 1), (10, 0)], 0.7).len(), 3);
        assert_eq!(simplify(&[(0, 0), (5, 1), (10, 0)], 1.5).len(), 2);
    }
    use ecomap_core::filter::{select, Filter};
    use ecomap_core::insight::concentration::concentration;
    use ecomap_core::model::TechnologyId;

    #[test]
    fn every_region_is_drawn_in_its_class_with_a_legend() {
        let (ds, idx) = crate::demo_data::demo();
        let sel = select(&ds, &idx, &Filter::default());
        let c = concentration(&idx, &sel, TechnologyId(0));
        let svg = choropleth(&ds, &c.regions, Lang::En);
        assert!(crate::chart::allow::check(&svg) > 100);
        // 30 regions (and Berlin's 12 again in the inset), one polygon per ring at least.
        assert!(svg.matches("<polygon").count() >= 42);
        for (i, r) in c.regions.iter().enumerate().take(5) {
            let (red, g, b) = COLOURS[class(r)];
            assert!(
                svg.contains(&format!("#{red:02X}{g:02X}{b:02X}")),
                "region {i}'s colour is drawn"
            );
        }
        assert!(svg.contains("strength"));
        // Small multiples: every map's regions, one legend.
        let m = ecomap_core::insight::concentration::matrix(&idx, &sel);
        let maps: Vec<(String, Vec<RegionShare>)> = m
            .iter()
            .map(|c| (format!("T{}", c.technology.0), c.regions.clone()))
            .collect();
        let many = small_multiples(&ds, &maps, Lang::De);
        assert!(crate::chart::allow::check(&many) > 100);
        assert_eq!(
            many.matches("<polygon").count(),
            svg.matches("<polygon").count() * maps.len()
        );
        assert_eq!(many.matches("Stärke").count(), 1, "one legend");
        assert!(many.contains("T1\n</text>"), "each map has its title");
    }
}
