//! Geometry over the embedded basemap: which region a point lies in, and whether it lies in
//! Berlin-Brandenburg at all (with a tolerance, because the basemap's outline is simplified).
//!
//! The basemap (30 polygons, WGS84, keys as in `regions::REGIONS`) is `public/data/basemap.geojson`, parsed
//! once. With the feature `embedded-basemap` (on by default: the CLI, xtask, tests and benches) it is compiled
//! in and parsed lazily; the app builds core without it and installs the file it fetched beside the export
//! ([`install_basemap`]) before the first import, so the wasm carries no copy. Until then no point lies in any
//! region and there are no outlines.
//! Each ring keeps its edges bucketed in latitude bands, so a point test looks at a handful of edges.

use std::sync::OnceLock;

use crate::model::LonLat;
use crate::regions;

/// The basemap as GeoJSON: Berlin's 12 Bezirke and Brandenburg's 18 Kreise, property `ags` = region key.
/// The one copy is `public/data/basemap.geojson`, the file the app fetches (`cargo xtask basemap` writes it).
#[cfg(feature = "embedded-basemap")]
pub const BASEMAP_GEOJSON: &str = include_str!("../../../public/data/basemap.geojson");

/// A point this close to the outline of Berlin-Brandenburg counts as inside (the outline is simplified).
pub const OUTLINE_TOLERANCE_KM: f64 = 5.0;

const KM_PER_DEG_LAT: f64 = 110.57;
const KM_PER_DEG_LON_EQUATOR: f64 = 111.32;
/// Latitude bands per ring: enough that a band holds a few edges of a 300-vertex ring.
const BANDS: usize = 64;

/// An axis-aligned box in lon/lat degrees.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BBox {
    pub min_lon: f64,
    pub min_lat: f64,
    pub max_lon: f64,
    pub max_lat: f64,
}

impl BBox {
    const EMPTY: BBox = BBox {
        min_lon: f64::INFINITY,
        min_lat: f64::INFINITY,
        max_lon: f64::NEG_INFINITY,
        max_lat: f64::NEG_INFINITY,
    };

    fn extend(&mut self, p: [f64; 2]) {
        self.min_lon = self.min_lon.min(p[0]);
        self.max_lon = self.max_lon.max(p[0]);
        self.min_lat = self.min_lat.min(p[1]);
        self.max_lat = self.max_lat.max(p[1]);
    }
    fn union(&mut self, o: &BBox) {
        self.extend([o.min_lon, o.min_lat]);
        self.extend([o.max_lon, o.max_lat]);
    }
    pub fn contains(&self, p: LonLat) -> bool {
        p.lon >= self.min_lon && p.lon <= self.max_lon && p.lat >= self.min_lat && p.lat <= self.max_lat
    }
    /// The box grown by `km` on every side (longitude scaled at the box's northern edge, the widest case).
    pub fn grown_km(&self, km: f64) -> BBox {
        let dlat = km / KM_PER_DEG_LAT;
        let dlon = km / (KM_PER_DEG_LON_EQUATOR * self.max_lat.abs().min(89.0).to_radians().cos());
        BBox {
            min_lon: self.min_lon - dlon,
            min_lat: self.min_lat - dlat,
            max_lon: self.max_lon + dlon,
            max_lat: self.max_lat + dlat,
        }
    }
}

/// One closed ring with its edges bucketed by latitude band.
struct Ring {
    pts: Vec<[f64; 2]>,
    bbox: BBox,
    band_height: f64,
    /// For each band, the indices `i` of the edges `pts[i]..pts[i+1]` whose latitude span touches it.
    bands: Vec<Vec<u32>>,
}

impl Ring {
    fn new(mut pts: Vec<[f64; 2]>) -> Ring {
        if pts.first() != pts.last() {
            if let Some(&first) = pts.first() {
                pts.push(first);
            }
        }
        let mut bbox = BBox::EMPTY;
        pts.iter().for_each(|&p| bbox.extend(p));
        let band_height = ((bbox.max_lat - bbox.min_lat) / BANDS as f64).max(1e-12);
        let mut bands = vec![Vec::new(); BANDS];
        for i in 0..pts.len().saturating_sub(1) {
            let (a, b) = (pts[i][1], pts[i + 1][1]);
            let lo = band_of(a.min(b), bbox.min_lat, band_height);
            let hi = band_of(a.max(b), bbox.min_lat, band_height);
            for band in &mut bands[lo..=hi] {
                band.push(i as u32);
            }
        }
        Ring {
            pts,
            bbox,
            band_height,
            bands,
        }
    }

    /// Crossings of a ray from `p` towards +lon (even-odd rule).
    fn crossings(&self, p: LonLat) -> usize {
        if p.lat < self.bbox.min_lat || p.lat > self.bbox.max_lat {
            return 0;
        }
        let band = band_of(p.lat, self.bbox.min_lat, self.band_height);
        let mut n = 0;
        for &i in &self.bands[band] {
            let [x1, y1] = self.pts[i as usize];
            let [x2, y2] = self.pts[i as usize + 1];
            if (y1 > p.lat) != (y2 > p.lat) {
                let x = x1 + (p.lat - y1) * (x2 - x1) / (y2 - y1);
                if p.lon < x {
                    n += 1;
                }
            }
        }
        n
    }

    /// Smallest distance from `p` to any edge, in km (equirectangular around `p`: exact enough at 5 km).
    fn distance_km(&self, p: LonLat) -> f64 {
        let kx = KM_PER_DEG_LON_EQUATOR * p.lat.to_radians().cos();
        let ky = KM_PER_DEG_LAT;
        let mut best = f64::INFINITY;
        for w in self.pts.windows(2) {
            let (ax, ay) = ((w[0][0] - p.lon) * kx, (w[0][1] - p.lat) * ky);
            let (bx, by) = ((w[1][0] - p.lon) * kx, (w[1][1] - p.lat) * ky);
            let (dx, dy) = (bx - ax, by - ay);
            let len2 = dx * dx + dy * dy;
            let t = if len2 > 0.0 {
                (-(ax * dx + ay * dy) / len2).clamp(0.0, 1.0)
            } else {
                0.0
            };
            let (cx, cy) = (ax + t * dx, ay + t * dy);
            best = best.min((cx * cx + cy * cy).sqrt());
        }
        best
    }
}

fn band_of(lat: f64, min_lat: f64, h: f64) -> usize {
    (((lat - min_lat) / h) as usize).min(BANDS - 1)
}

/// One region of the basemap: all rings of all its polygons (holes included; even-odd decides).
struct Shape {
    key: &'static str,
    bbox: BBox,
    rings: Vec<Ring>,
}

impl Shape {
    fn contains(&self, p: LonLat) -> bool {
        self.bbox.contains(p) && self.rings.iter().map(|r| r.crossings(p)).sum::<usize>() % 2 == 1
    }
}

struct Basemap {
    shapes: Vec<Shape>,
    bbox: BBox,
    /// The outlines for drawing, derived once on first use.
    outlines: OnceLock<Vec<RegionOutline>>,
}

static BASEMAP: OnceLock<Basemap> = OnceLock::new();

/// No basemap yet (the app before [`install_basemap`]): no regions, an empty box.
#[cfg(not(feature = "embedded-basemap"))]
static NO_BASEMAP: Basemap = Basemap {
    shapes: Vec::new(),
    bbox: BBox::EMPTY,
    outlines: OnceLock::new(),
};

#[cfg(feature = "embedded-basemap")]
fn basemap() -> &'static Basemap {
    BASEMAP.get_or_init(|| parse_basemap(BASEMAP_GEOJSON))
}

#[cfg(not(feature = "embedded-basemap"))]
fn basemap() -> &'static Basemap {
    BASEMAP.get().unwrap_or(&NO_BASEMAP)
}

/// Why a basemap text was refused: it does not hold the 30 regions (wrong file, truncated, not GeoJSON).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BasemapError {
    /// Regions found (of `regions::REGIONS.len()`).
    pub regions: usize,
}

/// Installs the basemap from its GeoJSON text (the app's fetched `data/basemap.geojson`). Checks that every
/// one of the 30 regions has an outline; a valid text after a basemap is in use (installed before, or the
/// compiled-in copy) leaves that one in place.
pub fn install_basemap(text: &str) -> Result<(), BasemapError> {
    let map = parse_basemap(text);
    let regions = map.shapes.len();
    if regions != regions::REGIONS.len() || map.shapes.iter().any(|s| s.rings.is_empty()) {
        return Err(BasemapError { regions });
    }
    let _ = BASEMAP.set(map);
    Ok(())
}

/// True once a basemap is there: installed, or compiled in (always, with `embedded-basemap`).
pub fn basemap_ready() -> bool {
    cfg!(feature = "embedded-basemap") || BASEMAP.get().is_some()
}

/// Reads the GeoJSON; features whose `ags` is not a known region key are ignored.
fn parse_basemap(text: &str) -> Basemap {
    let mut shapes = Vec::new();
    let mut bbox = BBox::EMPTY;
    let root: serde_json::Value = serde_json::from_str(text).unwrap_or_default();
    let features = root
        .get("features")
        .and_then(|f| f.as_array())
        .map(Vec::as_slice)
        .unwrap_or_default();
    for f in features {
        let ags = f.pointer("/properties/ags").and_then(|a| a.as_str()).unwrap_or("");
        let Some(info) = regions::region_info(ags) else {
            continue;
        };
        let geometry = f.get("geometry");
        let kind = geometry
            .and_then(|g| g.get("type"))
            .and_then(|t| t.as_str())
            .unwrap_or("");
        let coords = geometry.and_then(|g| g.get("coordinates"));
        let polygons: Vec<&serde_json::Value> = match (kind, coords.and_then(|c| c.as_array())) {
            ("Polygon", Some(_)) => coords.into_iter().collect(),
            ("MultiPolygon", Some(list)) => list.iter().collect(),
            _ => continue,
        };
        let mut rings = Vec::new();
        for polygon in polygons {
            for ring in polygon.as_array().map(Vec::as_slice).unwrap_or_default() {
                let pts: Vec<[f64; 2]> = ring
                    .as_array()
                    .map(Vec::as_slice)
                    .unwrap_or_default()
                    .iter()
                    .filter_map(|c| Some([c.get(0)?.as_f64()?, c.get(1)?.as_f64()?]))
                    .collect();
                if pts.len() >= 3 {
                    rings.push(Ring::new(pts));
                }
            }
        }
        let mut shape_box = BBox::EMPTY;
        rings.iter().for_each(|r| shape_box.union(&r.bbox));
        bbox.union(&shape_box);
        shapes.push(Shape {
            key: info.key,
            bbox: shape_box,
            rings,
        });
    }
    Basemap {
        shapes,
        bbox,
        outlines: OnceLock::new(),
    }
}

/// The key of the region (`"11001"`, `"12054"`, ...) that contains `p`, if any.
pub fn region_at(p: LonLat) -> Option<&'static str> {
    basemap().shapes.iter().find(|s| s.contains(p)).map(|s| s.key)
}

/// The bounding box of Berlin-Brandenburg's basemap.
pub fn berlin_brandenburg_bbox() -> BBox {
    basemap().bbox
}

/// True when `p` lies inside Berlin-Brandenburg or within `km` of its outline.
pub fn within_km_of_berlin_brandenburg(p: LonLat, km: f64) -> bool {
    let map = basemap();
    if !map.bbox.grown_km(km).contains(p) {
        return false;
    }
    if region_at(p).is_some() {
        return true;
    }
    // Outside every polygon: the nearest point of the union lies on some polygon's edge.
    map.shapes
        .iter()
        .filter(|s| s.bbox.grown_km(km).contains(p))
        .flat_map(|s| s.rings.iter())
        .any(|r| r.bbox.grown_km(km).contains(p) && r.distance_km(p) <= km)
}

/// True when `p` lies in Berlin-Brandenburg, counting points within [`OUTLINE_TOLERANCE_KM`] of the outline.
pub fn in_berlin_brandenburg(p: LonLat) -> bool {
    within_km_of_berlin_brandenburg(p, OUTLINE_TOLERANCE_KM)
}

/// One region's outline for drawing: its rings (lon/lat, closed, outer rings and holes alike; fill with the
/// even-odd rule), its box and a point for its label that lies inside it.
#[derive(Clone, Debug)]
pub struct RegionOutline {
    pub key: &'static str,
    pub rings: Vec<Vec<LonLat>>,
    pub bbox: BBox,
    pub label_at: LonLat,
}

/// The 30 regions' outlines in basemap order, from the basemap `region_at` uses (the map draws these: region
/// clicks hit-test against exactly what is drawn). Empty before a basemap is installed.
pub fn region_outlines() -> &'static [RegionOutline] {
    let map = basemap();
    map.outlines.get_or_init(|| {
        map.shapes
            .iter()
            .map(|s| RegionOutline {
                key: s.key,
                rings: s
                    .rings
                    .iter()
                    .map(|r| r.pts.iter().map(|&[lon, lat]| LonLat { lon, lat }).collect())
                    .collect(),
                bbox: s.bbox,
                label_at: label_point(s),
            })
            .collect()
    })
}

/// The bounding box of one region, `None` for an unknown key.
pub fn region_bbox(key: &str) -> Option<BBox> {
    basemap().shapes.iter().find(|s| s.key == key).map(|s| s.bbox)
}

/// Signed area (lon/lat degrees², only compared between rings of one region).
fn ring_area(pts: &[[f64; 2]]) -> f64 {
    pts.windows(2)
        .map(|w| w[0][0] * w[1][1] - w[1][0] * w[0][1])
        .sum::<f64>()
        / 2.0
}

/// A label point inside the shape: the centroid of its largest ring when that lies inside, else the middle of
/// the widest inside stretch of the horizontal line through it (good enough for 30 compact regions).
fn label_point(s: &Shape) -> LonLat {
    let Some(ring) = s
        .rings
        .iter()
        .max_by(|a, b| ring_area(&a.pts).abs().total_cmp(&ring_area(&b.pts).abs()))
    else {
        return LonLat { lon: 0.0, lat: 0.0 };
    };
    let a = ring_area(&ring.pts);
    let (mut cx, mut cy) = (0.0, 0.0);
    for w in ring.pts.windows(2) {
        let f = w[0][0] * w[1][1] - w[1][0] * w[0][1];
        cx += (w[0][0] + w[1][0]) * f;
        cy += (w[0][1] + w[1][1]) * f;
    }
    let c = if a.abs() > 1e-15 {
        LonLat {
            lon: cx / (6.0 * a),
            lat: cy / (6.0 * a),
        }
    } else {
        LonLat {
            lon: (s.bbox.min_lon + s.bbox.max_lon) / 2.0,
            lat: (s.bbox.min_lat + s.bbox.max_lat) / 2.0,
        }
    };
    if s.contains(c) {
        return c;
    }
    // Crossings of the line lat = c.lat with every ring; inside stretches alternate (even-odd).
    let mut xs: Vec<f64> = Vec::new();
    for r in &s.rings {
        for w in r.pts.windows(2) {
            let ([x1, y1], [x2, y2]) = (w[0], w[1]);
            if (y1 > c.lat) != (y2 > c.lat) {
                xs.push(x1 + (c.lat - y1) * (x2 - x1) / (y2 - y1));
            }
        }
    }
    xs.sort_by(f64::total_cmp);
    xs.chunks_exact(2)
        .max_by(|p, q| (p[1] - p[0]).total_cmp(&(q[1] - q[0])))
        .map(|p| LonLat {
            lon: (p[0] + p[1]) / 2.0,
            lat: c.lat,
        })
        .unwrap_or(c)
}

#[cfg(all(test, feature = "embedded-basemap"))]
mod tests {
    use super::*;

    fn at(lon: f64, lat: f64) -> LonLat {
        LonLat { lon, lat }
    }

    #[test]
    fn basemap_has_all_thirty_regions() {
        assert_eq!(basemap().shapes.len(), 30);
        assert!(basemap().shapes.iter().all(|s| !s.rings.is_empty()));
        assert!(basemap_ready());
    }

    #[test]
    fn install_refuses_what_is_not_the_basemap_and_keeps_the_first() {
        assert_eq!(install_basemap("not json"), Err(BasemapError { regions: 0 }));
        let one = r#"{"features":[{"properties":{"ags":"11001"},"geometry":{"type":"Polygon",
            "coordinates":[[[13.3,52.5],[13.4,52.5],[13.4,52.6],[13.3,52.5]]]}}]}"#;
        assert_eq!(install_basemap(one), Err(BasemapError { regions: 1 }));
        // Once the compiled-in basemap is in use, installing the same file again is a no-op.
        let _ = region_at(at(13.4, 52.5));
        assert_eq!(install_basemap(BASEMAP_GEOJSON), Ok(()));
        assert_eq!(basemap().shapes.len(), 30);
    }

    #[test]
    fn known_places_fall_in_their_regions() {
        assert_eq!(region_at(at(13.3777, 52.5163)), Some("11001")); // Brandenburger Tor, Mitte
        assert_eq!(region_at(at(13.06566, 52.39886)), Some("12054")); // Potsdam
        assert_eq!(region_at(at(14.32888, 51.75769)), Some("12052")); // Cottbus (a hole in Spree-Neiße)
        assert_eq!(region_at(at(14.55062, 52.34714)), Some("12053")); // Frankfurt (Oder)
        assert_eq!(region_at(at(13.63333, 52.31667)), Some("12061")); // Wildau, Dahme-Spreewald
        assert_eq!(region_at(at(13.7373, 51.0504)), None); // Dresden
    }

    #[test]
    fn tolerance_covers_the_simplified_border_but_not_far_away() {
        assert!(in_berlin_brandenburg(at(13.41053, 52.52437)));
        // Szczecin lies ~10 km beyond the Uckermark border; Hamburg and Leipzig far away.
        assert!(!in_berlin_brandenburg(at(14.5528, 53.4285)));
        assert!(!in_berlin_brandenburg(at(9.99, 53.55)));
        assert!(!in_berlin_brandenburg(at(12.3731, 51.3397)));
        // Słubice, across the Oder from Frankfurt: within a few km of the outline.
        assert!(in_berlin_brandenburg(at(14.5606, 52.3500)));
        assert!(!in_berlin_brandenburg(at(52.52, 13.41))); // swapped
    }

    #[test]
    fn every_label_point_lies_in_its_region() {
        let outlines = region_outlines();
        assert_eq!(outlines.len(), 30);
        for o in outlines {
            assert_eq!(region_at(o.label_at), Some(o.key), "label of {}", o.key);
            assert!(o.bbox.contains(o.label_at));
            assert_eq!(region_bbox(o.key), Some(o.bbox));
        }
        assert_eq!(region_bbox("99999"), None);
    }
}
