//! The regional strengths and gaps of a technology as a choropleth (issue 17, item 4): the 30 districts and
//! counties from core's basemap (`geo::region_outlines`), coloured by the location quotient's class, Berlin
//! again enlarged beside Brandenburg, with a legend. Plotters' SVG backend; only allow-listed elements.

use ecomap_core::geo::{region_outlines, BBox, RegionOutline};
use ecomap_core::insight::concentration::RegionShare;
use ecomap_core::model::{Dataset, Lang, LonLat};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::texts::texts;

const WIDTH: u32 = 640;
const MAP_HEIGHT: u32 = 420;
const LEGEND: u32 = 76;

/// The classes, darkest first, with their colours: well above (LQ >= 1.25), above, below, well below
/// (LQ < 0.8), too few actors, no actors.
const COLOURS: [(u8, u8, u8); 6] = [
    (0xb3, 0x43, 0x00),
    (0xf4, 0xa5, 0x82),
    (0x92, 0xc5, 0xde),
    (0x21, 0x66, 0xac),
    (0xd9, 0xd9, 0xd9),
    (0xff, 0xff, 0xff),
];

fn class(r: &RegionShare) -> usize {
    match (r.lq, r.too_few) {
        (None, _) => 5,
        (Some(_), true) if r.actors > 0 => 4,
        (Some(q), _) if q >= 1.25 => 0,
        (Some(q), _) if q >= 1.0 => 1,
        (Some(q), _) if q >= 0.8 => 2,
        _ => 3,
    }
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

/// The choropleth of `regions` (every region's quotient); empty without a basemap.
pub fn choropleth(ds: &Dataset, regions: &[RegionShare], lang: Lang) -> String {
    let class_of = |key: &str| {
        regions
            .iter()
            .find(|r| ds.region(r.region).key == key)
            .map(class)
            .unwrap_or(5)
    };
    // Larger regions first, so a region inside another (a town in its county) is drawn over it.
    let mut all: Vec<&RegionOutline> = region_outlines().iter().collect();
    let area = |b: &BBox| (b.max_lon - b.min_lon) * (b.max_lat - b.min_lat);
    all.sort_by(|a, b| area(&b.bbox).total_cmp(&area(&a.bbox)));
    let berlin: Vec<&RegionOutline> = all.iter().copied().filter(|o| o.key.starts_with("11")).collect();
    let (Some(whole), Some(city)) = (union(&all), union(&berlin)) else {
        return String::new();
    };
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, MAP_HEIGHT + LEGEND)).into_drawing_area();
        let _ = root.fill(&WHITE);
        let frames = [
            (Frame::new(whole, (8, 8), (400.0, f64::from(MAP_HEIGHT) - 16.0)), &all),
            (Frame::new(city, (420, 40), (212.0, 212.0)), &berlin),
        ];
        for (frame, outlines) in &frames {
            for o in outlines.iter() {
                let (r, g, b) = COLOURS[class_of(o.key)];
                for ring in &o.rings {
                    let pts: Vec<(i32, i32)> = ring.iter().map(|&p| frame.px(p)).collect();
                    let _ = root.draw(&Polygon::new(pts.clone(), RGBColor(r, g, b).filled()));
                    let _ = root.draw(&PathElement::new(pts, RGBColor(0x40, 0x40, 0x40).stroke_width(1)));
                }
            }
        }
        let font = |size: u32| ("sans-serif", size).into_font().color(&BLACK);
        let _ = root.draw(&Text::new("Berlin", (420, 20), font(14)));
        draw_legend(&root, lang);
        let _ = root.present();
    }
    svg
}

fn draw_legend(root: &DrawingArea<SVGBackend, plotters::coord::Shift>, lang: Lang) {
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
        let y = MAP_HEIGHT as i32 + 4 + (i as i32 / 2) * 24;
        let (r, g, b) = COLOURS[i];
        let _ = root.draw(&Rectangle::new([(x, y), (x + 14, y + 14)], RGBColor(r, g, b).filled()));
        let _ = root.draw(&Rectangle::new([(x, y), (x + 14, y + 14)], RGBColor(0x40, 0x40, 0x40)));
        let style = ("sans-serif", 14)
            .into_font()
            .color(&BLACK)
            .pos(Pos::new(HPos::Left, VPos::Center));
        let _ = root.draw(&Text::new(*label, (x + 20, y + 7), style));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ecomap_core::filter::{select, Filter};
    use ecomap_core::index::Index;
    use ecomap_core::insight::concentration::concentration;
    use ecomap_core::model::TechnologyId;

    #[test]
    fn every_region_is_drawn_in_its_class_with_a_legend() {
        let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data/demo.json")).expect("demo");
        let (ds, _) = ecomap_core::import::import(&bytes, "demo.json");
        let idx = Index::build(&ds);
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
        assert!(svg.contains("well above the cluster average"));
    }
}
