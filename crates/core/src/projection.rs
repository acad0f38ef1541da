//! Web Mercator projection and camera maths for the map: lon/lat → world [0..1] → CSS px → device px.
//!
//! Conventions, written down once: world x grows east, world y grows south, both in [0, 1] over the whole
//! Mercator square; at zoom z the world is `TILE_PX · 2^z` CSS px wide; the camera is a centre + zoom
//! (fractional), so it fits in a URL hash (`map=z/lat/lon`); device px = CSS px · device pixel ratio.

use crate::geo::BBox;
use crate::model::LonLat;

/// CSS px of the whole world at zoom 0 (the usual tile size).
pub const TILE_PX: f64 = 256.0;
/// Latitude limit of the Mercator square.
pub const MAX_LAT: f64 = 85.051_128_78;
/// Zoom limits of the map camera.
pub const MIN_ZOOM: f64 = 5.0;
pub const MAX_ZOOM: f64 = 19.0;

/// A position on the Mercator square, x and y in [0, 1] (y down).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct World {
    pub x: f64,
    pub y: f64,
}

/// A position in CSS pixels relative to the top left of the map's canvas.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Css {
    pub x: f64,
    pub y: f64,
}

/// A box on the Mercator square (min is north-west: y grows south).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WorldBox {
    pub min: World,
    pub max: World,
}

impl WorldBox {
    pub fn contains(&self, w: World) -> bool {
        w.x >= self.min.x && w.x <= self.max.x && w.y >= self.min.y && w.y <= self.max.y
    }
    /// The box grown by `f` times its size on every side.
    pub fn grown(&self, f: f64) -> WorldBox {
        let (dx, dy) = ((self.max.x - self.min.x) * f, (self.max.y - self.min.y) * f);
        WorldBox {
            min: World {
                x: self.min.x - dx,
                y: self.min.y - dy,
            },
            max: World {
                x: self.max.x + dx,
                y: self.max.y + dy,
            },
        }
    }
}

/// Longitude → world x.
pub fn lon_x(lon: f64) -> f64 {
    lon / 360.0 + 0.5
}

/// Latitude → world y (clamped to the Mercator square).
pub fn lat_y(lat: f64) -> f64 {
    let s = lat.clamp(-MAX_LAT, MAX_LAT).to_radians().sin();
    (0.5 - 0.25 * ((1.0 + s) / (1.0 - s)).ln() / std::f64::consts::PI).clamp(0.0, 1.0)
}

/// World x → longitude.
pub fn x_lon(x: f64) -> f64 {
    (x - 0.5) * 360.0
}

/// World y → latitude.
pub fn y_lat(y: f64) -> f64 {
    let y2 = (180.0 - y * 360.0) * std::f64::consts::PI / 180.0;
    360.0 * y2.exp().atan() / std::f64::consts::PI - 90.0
}

pub fn project(p: LonLat) -> World {
    World {
        x: lon_x(p.lon),
        y: lat_y(p.lat),
    }
}

pub fn unproject(w: World) -> LonLat {
    LonLat {
        lon: x_lon(w.x),
        lat: y_lat(w.y),
    }
}

/// A lon/lat box as a world box.
pub fn bbox_to_world(b: &BBox) -> WorldBox {
    WorldBox {
        min: World {
            x: lon_x(b.min_lon),
            y: lat_y(b.max_lat),
        },
        max: World {
            x: lon_x(b.max_lon),
            y: lat_y(b.min_lat),
        },
    }
}

/// The size of the map's canvas.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    pub width: f64,
    pub height: f64,
    /// Device pixels per CSS pixel.
    pub dpr: f64,
}

impl Viewport {
    /// Size of the backing store in device pixels (at least 1 × 1).
    pub fn device_size(&self) -> (u32, u32) {
        (
            (self.width * self.dpr).round().max(1.0) as u32,
            (self.height * self.dpr).round().max(1.0) as u32,
        )
    }
}

/// Where the map looks: the world position at the canvas centre and a fractional zoom.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Camera {
    pub center: World,
    pub zoom: f64,
}

impl Camera {
    pub fn new(center: LonLat, zoom: f64) -> Camera {
        Camera {
            center: project(center),
            zoom: zoom.clamp(MIN_ZOOM, MAX_ZOOM),
        }
    }

    /// CSS px per world unit.
    pub fn scale(&self) -> f64 {
        TILE_PX * self.zoom.exp2()
    }

    pub fn world_to_css(&self, vp: &Viewport, w: World) -> Css {
        let s = self.scale();
        Css {
            x: (w.x - self.center.x) * s + vp.width / 2.0,
            y: (w.y - self.center.y) * s + vp.height / 2.0,
        }
    }

    pub fn css_to_world(&self, vp: &Viewport, c: Css) -> World {
        let s = self.scale();
        World {
            x: (c.x - vp.width / 2.0) / s + self.center.x,
            y: (c.y - vp.height / 2.0) / s + self.center.y,
        }
    }

    pub fn css_to_device(vp: &Viewport, c: Css) -> (f64, f64) {
        (c.x * vp.dpr, c.y * vp.dpr)
    }

    /// The world box the viewport shows.
    pub fn visible(&self, vp: &Viewport) -> WorldBox {
        WorldBox {
            min: self.css_to_world(vp, Css { x: 0.0, y: 0.0 }),
            max: self.css_to_world(
                vp,
                Css {
                    x: vp.width,
                    y: vp.height,
                },
            ),
        }
    }

    /// Moves the map by a drag of (dx, dy) CSS px (the content follows the pointer).
    pub fn panned(&self, dx: f64, dy: f64) -> Camera {
        let s = self.scale();
        Camera {
            center: World {
                x: (self.center.x - dx / s).clamp(0.0, 1.0),
                y: (self.center.y - dy / s).clamp(0.0, 1.0),
            },
            zoom: self.zoom,
        }
    }

    /// Zooms to `zoom`, keeping the world point under `anchor` (CSS px) where it is.
    pub fn zoomed_around(&self, vp: &Viewport, anchor: Css, zoom: f64) -> Camera {
        let zoom = zoom.clamp(MIN_ZOOM, MAX_ZOOM);
        let w = self.css_to_world(vp, anchor);
        let s = TILE_PX * zoom.exp2();
        Camera {
            center: World {
                x: w.x - (anchor.x - vp.width / 2.0) / s,
                y: w.y - (anchor.y - vp.height / 2.0) / s,
            },
            zoom,
        }
    }

    /// The camera that shows `b` whole with `padding` CSS px on every side, zoom at most `max_zoom`.
    pub fn fit(vp: &Viewport, b: &WorldBox, padding: f64, max_zoom: f64) -> Camera {
        let w = (b.max.x - b.min.x).max(1e-12);
        let h = (b.max.y - b.min.y).max(1e-12);
        let aw = (vp.width - 2.0 * padding).max(1.0);
        let ah = (vp.height - 2.0 * padding).max(1.0);
        let zoom = (aw / (w * TILE_PX)).min(ah / (h * TILE_PX)).log2();
        Camera {
            center: World {
                x: (b.min.x + b.max.x) / 2.0,
                y: (b.min.y + b.max.y) / 2.0,
            },
            zoom: zoom.clamp(MIN_ZOOM, max_zoom.min(MAX_ZOOM)),
        }
    }

    /// The hash form `map=z/lat/lon` (zoom to 2 decimals, degrees to 5: about 1 m).
    pub fn to_hash(&self) -> String {
        let p = unproject(self.center);
        format!("map={:.2}/{:.5}/{:.5}", self.zoom, p.lat, p.lon)
    }

    /// Reads `map=z/lat/lon` (also `#map=...`, or a bare `z/lat/lon`); `None` when malformed or out of range.
    pub fn from_hash(hash: &str) -> Option<Camera> {
        let h = hash.trim_start_matches('#');
        let body = h
            .split('&')
            .find_map(|part| part.strip_prefix("map="))
            .or_else(|| (!h.contains('=')).then_some(h))?;
        let mut it = body.split('/').map(|s| s.trim().parse::<f64>());
        let (z, lat, lon) = (it.next()?.ok()?, it.next()?.ok()?, it.next()?.ok()?);
        if it.next().is_some() || !z.is_finite() || !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
            return None;
        }
        Some(Camera::new(LonLat { lon, lat }, z))
    }
}
