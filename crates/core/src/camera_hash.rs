//! The cameras in the URL hash: `#map=z/lat/lon` (the map, `projection::Camera`) and `#net=x,y,zoom` (the
//! network: the centre in layout units and `zoom = log2(CSS px per layout unit)`), each one part of the hash
//! (`#map=...&net=...`), so a view writing its camera keeps the other's. Also the easing both views use for a
//! tour's camera transitions (`ease`, `lerp_map`, `NetCamera::lerp`).

use crate::projection::{Camera, World};

/// The network view's camera in its URL form.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NetCamera {
    pub x: f64,
    pub y: f64,
    /// log2 of CSS pixels per layout unit.
    pub zoom: f64,
}

impl NetCamera {
    /// From a centre and a scale (CSS px per layout unit).
    pub fn from_scale(x: f64, y: f64, scale: f64) -> NetCamera {
        NetCamera {
            x,
            y,
            zoom: scale.max(1e-9).log2(),
        }
    }

    /// CSS pixels per layout unit.
    pub fn scale(&self) -> f64 {
        self.zoom.exp2()
    }

    /// The hash part `net=x,y,zoom` (3 decimals for the centre, 2 for the zoom).
    pub fn to_hash(&self) -> String {
        format!("net={:.3},{:.3},{:.2}", self.x, self.y, self.zoom)
    }

    /// Reads the `net=` part of a hash (with or without `#`); `None` when absent, malformed or out of range.
    pub fn from_hash(hash: &str) -> Option<NetCamera> {
        let body = hash_part(hash, "net")?;
        let mut it = body.split(',').map(|s| s.trim().parse::<f64>());
        let (x, y, zoom) = (it.next()?.ok()?, it.next()?.ok()?, it.next()?.ok()?);
        let ok = it.next().is_none()
            && [x, y].iter().all(|v| v.is_finite() && v.abs() <= 1e7)
            && (-30.0..=30.0).contains(&zoom);
        ok.then_some(NetCamera { x, y, zoom })
    }

    /// The camera a fraction `t` (0..=1) of the way from `self` to `to` (zoom on a log scale).
    pub fn lerp(&self, to: &NetCamera, t: f64) -> NetCamera {
        NetCamera {
            x: mix(self.x, to.x, t),
            y: mix(self.y, to.y, t),
            zoom: mix(self.zoom, to.zoom, t),
        }
    }
}

fn mix(a: f64, b: f64, t: f64) -> f64 {
    a + (b - a) * t
}

/// The map camera a fraction `t` of the way from `a` to `b` (centre in world units, zoom linear).
pub fn lerp_map(a: &Camera, b: &Camera, t: f64) -> Camera {
    Camera {
        center: World {
            x: mix(a.center.x, b.center.x, t),
            y: mix(a.center.y, b.center.y, t),
        },
        zoom: mix(a.zoom, b.zoom, t),
    }
}

/// Ease in and out (cubic) of a linear progress `t`, clamped to 0..=1.
pub fn ease(t: f64) -> f64 {
    let t = t.clamp(0.0, 1.0);
    if t < 0.5 {
        4.0 * t * t * t
    } else {
        1.0 - (-2.0 * t + 2.0).powi(3) / 2.0
    }
}

/// How long a tour's camera transition takes.
pub const TRANSITION_MS: f64 = 600.0;

/// The value of `key=` in a hash (`#a=1&b=2`, the `#` optional).
pub fn hash_part<'a>(hash: &'a str, key: &str) -> Option<&'a str> {
    hash.trim_start_matches('#')
        .split('&')
        .find_map(|p| p.strip_prefix(key).and_then(|r| r.strip_prefix('=')))
}

/// The hash with its `key=` part set to `part` (`part` is the whole `key=value`; `None` removes it); other
/// parts keep their order. Returns it with a leading `#`, or "" when nothing is left.
pub fn with_hash_part(hash: &str, key: &str, part: Option<&str>) -> String {
    let mut parts: Vec<&str> = hash
        .trim_start_matches('#')
        .split('&')
        .filter(|p| !p.is_empty())
        .collect();
    let pos = parts
        .iter()
        .position(|p| p.strip_prefix(key).is_some_and(|r| r.starts_with('=')));
    match (pos, part) {
        (Some(i), Some(v)) => parts[i] = v,
        (Some(i), None) => {
            parts.remove(i);
        }
        (None, Some(v)) => parts.push(v),
        (None, None) => {}
    }
    // A bare `z/lat/lon` (the map's old form) is replaced by the map's part.
    if key == "map" && part.is_some() {
        parts.retain(|p| p.contains('='));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("#{}", parts.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LonLat;

    #[test]
    fn net_camera_round_trips_and_refuses_nonsense() {
        let c = NetCamera::from_scale(12.5, -3.25, 2.0);
        assert_eq!(c.to_hash(), "net=12.500,-3.250,1.00");
        assert_eq!(NetCamera::from_hash(&format!("#map=9/52/13&{}", c.to_hash())), Some(c));
        assert!((c.scale() - 2.0).abs() < 1e-12);
        for bad in [
            "#net=1,2",
            "#net=1,2,3,4",
            "#net=a,2,3",
            "#net=1,2,99",
            "#map=1/2/3",
            "#network=1,2,3",
        ] {
            assert_eq!(NetCamera::from_hash(bad), None, "{bad}");
        }
    }

    #[test]
    fn hash_parts_are_set_without_touching_the_others() {
        assert_eq!(with_hash_part("", "net", Some("net=1,2,3")), "#net=1,2,3");
        assert_eq!(
            with_hash_part("#map=1/2/3", "net", Some("net=1,2,3")),
            "#map=1/2/3&net=1,2,3"
        );
        assert_eq!(
            with_hash_part("#map=1/2/3&net=0,0,0", "map", Some("map=4/5/6")),
            "#map=4/5/6&net=0,0,0"
        );
        assert_eq!(with_hash_part("#map=1/2/3&net=0,0,0", "map", None), "#net=0,0,0");
        assert_eq!(with_hash_part("#9/52/13", "map", Some("map=4/5/6")), "#map=4/5/6");
        assert_eq!(hash_part("#map=1/2/3&net=4,5,6", "net"), Some("4,5,6"));
        assert_eq!(hash_part("#network=4", "net"), None);
        // The map still reads its part beside the network's.
        let m = Camera::new(LonLat { lon: 13.4, lat: 52.5 }, 10.0);
        let h = with_hash_part(&format!("#{}", m.to_hash()), "net", Some("net=1,2,3"));
        assert_eq!(Camera::from_hash(&h).map(|c| c.to_hash()), Some(m.to_hash()));
    }

    #[test]
    fn easing_starts_and_ends_still_and_cameras_interpolate() {
        assert_eq!(ease(0.0), 0.0);
        assert_eq!(ease(1.0), 1.0);
        assert_eq!(ease(2.0), 1.0);
        assert!((ease(0.5) - 0.5).abs() < 1e-12);
        assert!(ease(0.1) < 0.1 && ease(0.9) > 0.9);
        let a = NetCamera {
            x: 0.0,
            y: 0.0,
            zoom: 0.0,
        };
        let b = NetCamera {
            x: 10.0,
            y: -10.0,
            zoom: 2.0,
        };
        assert_eq!(
            a.lerp(&b, 0.5),
            NetCamera {
                x: 5.0,
                y: -5.0,
                zoom: 1.0
            }
        );
        let m1 = Camera::new(LonLat { lon: 13.0, lat: 52.0 }, 8.0);
        let m2 = Camera::new(LonLat { lon: 14.0, lat: 53.0 }, 12.0);
        let mid = lerp_map(&m1, &m2, 0.5);
        assert!((mid.zoom - 10.0).abs() < 1e-12);
        assert_eq!(lerp_map(&m1, &m2, 1.0), m2);
    }
}
