//! Behaviour of the map's projection and camera: round trips, zooming around a point, fitting boxes, and
//! the camera's URL hash form.

use ecomap_core::geo;
use ecomap_core::model::LonLat;
use ecomap_core::projection::*;

const VP: Viewport = Viewport {
    width: 1280.0,
    height: 800.0,
    dpr: 2.0,
};

fn close(a: f64, b: f64, eps: f64) -> bool {
    (a - b).abs() <= eps
}

#[test]
fn lon_lat_round_trips_through_world() {
    for &(lon, lat) in &[
        (13.06566, 52.39886),
        (0.0, 0.0),
        (-179.9, -84.0),
        (179.9, 84.0),
        (14.55, 51.36),
    ] {
        let back = unproject(project(LonLat { lon, lat }));
        assert!(
            close(back.lon, lon, 1e-9) && close(back.lat, lat, 1e-9),
            "{lon},{lat} -> {back:?}"
        );
    }
    // Greenwich/equator is the middle of the square; north is up (smaller y).
    assert_eq!(project(LonLat { lon: 0.0, lat: 0.0 }), World { x: 0.5, y: 0.5 });
    assert!(lat_y(52.5) < lat_y(51.0));
}

#[test]
fn css_round_trips_at_every_zoom() {
    for z in [5.0, 8.3, 12.0, 18.9] {
        let cam = Camera::new(LonLat { lon: 13.4, lat: 52.5 }, z);
        for &(x, y) in &[(0.0, 0.0), (640.0, 400.0), (1279.0, 3.5), (17.25, 799.0)] {
            let w = cam.css_to_world(&VP, Css { x, y });
            let c = cam.world_to_css(&VP, w);
            assert!(close(c.x, x, 1e-6) && close(c.y, y, 1e-6), "zoom {z}: {x},{y} -> {c:?}");
        }
        // The centre of the canvas shows the camera's centre.
        let mid = cam.world_to_css(&VP, cam.center);
        assert!(close(mid.x, 640.0, 1e-9) && close(mid.y, 400.0, 1e-9));
    }
    assert_eq!(Camera::css_to_device(&VP, Css { x: 10.0, y: 4.5 }), (20.0, 9.0));
    assert_eq!(VP.device_size(), (2560, 1600));
}

#[test]
fn zooming_keeps_the_point_under_the_pointer() {
    let cam = Camera::new(LonLat { lon: 13.4, lat: 52.5 }, 9.0);
    let anchor = Css { x: 200.0, y: 600.0 };
    let before = cam.css_to_world(&VP, anchor);
    let z = cam.zoomed_around(&VP, anchor, 11.5);
    let after = z.css_to_world(&VP, anchor);
    assert!(close(before.x, after.x, 1e-12) && close(before.y, after.y, 1e-12));
    assert_eq!(z.zoom, 11.5);
    // Zoom is clamped.
    assert_eq!(cam.zoomed_around(&VP, anchor, 40.0).zoom, MAX_ZOOM);
}

#[test]
fn panning_moves_the_content_with_the_pointer() {
    let cam = Camera::new(LonLat { lon: 13.4, lat: 52.5 }, 10.0);
    let p = Css { x: 300.0, y: 300.0 };
    let w = cam.css_to_world(&VP, p);
    let moved = cam.panned(50.0, -20.0);
    let c = moved.world_to_css(&VP, w);
    assert!(close(c.x, 350.0, 1e-6) && close(c.y, 280.0, 1e-6));
}

#[test]
fn fit_shows_the_whole_box_with_padding() {
    let bb = geo::berlin_brandenburg_bbox();
    let wb = bbox_to_world(&bb);
    let cam = Camera::fit(&VP, &wb, 24.0, 16.0);
    let (a, b) = (cam.world_to_css(&VP, wb.min), cam.world_to_css(&VP, wb.max));
    assert!(
        a.x >= 23.9 && a.y >= 23.9 && b.x <= 1280.0 - 23.9 && b.y <= 800.0 - 23.9,
        "{a:?} {b:?}"
    );
    // Tight on one axis.
    assert!(close(a.x, 24.0, 0.01) || close(a.y, 24.0, 0.01));
    assert!(cam.visible(&VP).contains(wb.min) && cam.visible(&VP).contains(wb.max));
    // A single point fits at the zoom limit given.
    let p = project(LonLat { lon: 13.06, lat: 52.4 });
    let one = Camera::fit(&VP, &WorldBox { min: p, max: p }, 24.0, 14.0);
    assert_eq!(one.zoom, 14.0);
}

#[test]
fn camera_hash_round_trips_and_rejects_nonsense() {
    let cam = Camera::new(
        LonLat {
            lon: 13.06566,
            lat: 52.39886,
        },
        11.25,
    );
    let h = cam.to_hash();
    assert_eq!(h, "map=11.25/52.39886/13.06566");
    let back = Camera::from_hash(&format!("#{h}")).expect("parses");
    assert!(close(back.zoom, 11.25, 1e-9));
    let p = unproject(back.center);
    assert!(close(p.lat, 52.39886, 1e-5) && close(p.lon, 13.06566, 1e-5));
    assert!(Camera::from_hash("10/52.5/13.4").is_some());
    for bad in [
        "",
        "#",
        "map=",
        "map=a/b/c",
        "map=10/95/13",
        "map=10/52/200",
        "map=10/52",
        "map=1/2/3/4",
        "x=1",
    ] {
        assert_eq!(Camera::from_hash(bad), None, "{bad}");
    }
}
