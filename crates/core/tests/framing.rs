//! The map's start framing and its Berlin inset: the whole region fits every stage with its padding and
//! keeps clear of the inset; the inset shows while Berlin is small and hides once it is large; Berlin fills
//! the inset, where the demo's one Berlin bubble splits into several groups.

use ecomap_core::cluster::Point;
use ecomap_core::cluster::{selection_points, ClusterIndex, ClusterOptions};
use ecomap_core::filter::{select, Filter};
use ecomap_core::framing::*;
use ecomap_core::index::Index;
use ecomap_core::model::ActorId;
use ecomap_core::projection::{unproject, Camera, Viewport, WorldBox};

/// Map stages of the page at 390, 1024, 1440 and 1920 px wide (with and without side panels), phones held
/// both ways, and small and odd ones.
const STAGES: [(f64, f64); 12] = [
    (388.0, 490.0),
    (370.0, 560.0),
    (820.0, 360.0),
    (600.0, 380.0),
    (700.0, 450.0),
    (1000.0, 600.0),
    (660.0, 640.0),
    (1400.0, 640.0),
    (1100.0, 800.0),
    (1880.0, 900.0),
    (1500.0, 640.0),
    (640.0, 900.0),
];

fn vp((width, height): (f64, f64)) -> Viewport {
    Viewport {
        width,
        height,
        dpr: 1.0,
    }
}

/// The box on the stage, CSS px: (left, top, right, bottom).
fn on_stage(vp: &Viewport, cam: &Camera, b: &WorldBox) -> (f64, f64, f64, f64) {
    let (a, z) = (cam.world_to_css(vp, b.min), cam.world_to_css(vp, b.max));
    (a.x, a.y, z.x, z.y)
}

#[test]
fn the_whole_region_fits_every_stage_with_its_padding_and_keeps_clear_of_the_inset() {
    for s in STAGES {
        let vp = vp(s);
        let cam = start_camera(&vp);
        let (l, t, r, b) = on_stage(&vp, &cam, &home_box());
        let eps = 0.01;
        assert!(
            l >= FIT_PADDING - eps && t >= FIT_PADDING - eps,
            "{s:?}: {:?}",
            (l, t, r, b)
        );
        assert!(
            r <= vp.width - FIT_PADDING + eps && b <= vp.height - FIT_PADDING + eps,
            "{s:?}: {:?}",
            (l, t, r, b)
        );
        // Not lost in a corner: it is at least 70 % as large as the plain fit on its larger side.
        let full = Camera::fit(&vp, &home_box(), FIT_PADDING, FIT_MAX_ZOOM);
        assert!(
            cam.zoom >= full.zoom + (0.7f64).log2(),
            "{s:?}: {} vs {}",
            cam.zoom,
            full.zoom
        );
        let mode = inset_mode(&vp, &cam);
        let rect = mode
            .rect()
            .unwrap_or_else(|| panic!("{s:?}: Berlin is small at the start"));
        assert!(
            !land_under(&vp, &cam, &rect.grown(CLEARANCE)),
            "{s:?}: land under {rect:?}"
        );
        // The inset or the button lies on the stage.
        assert!(rect.x >= 0.0 && rect.y >= 0.0 && rect.right() <= vp.width && rect.bottom() <= vp.height);
        let small = vp.width < MIN_STAGE_WIDTH || vp.height < MIN_STAGE_HEIGHT;
        assert_eq!(matches!(mode, InsetMode::Button(_)), small, "{s:?}: {mode:?}");
    }
}

#[test]
fn on_a_wide_stage_the_plain_fit_is_kept_when_nothing_lies_under_the_inset() {
    let vp = vp((1400.0, 640.0));
    let full = Camera::fit(&vp, &home_box(), FIT_PADDING, FIT_MAX_ZOOM);
    assert_eq!(start_camera(&vp), full);
}

#[test]
fn the_inset_hides_once_berlin_is_large_and_activating_it_shows_berlin_whole() {
    for s in STAGES {
        let vp = vp(s);
        let berlin = berlin_camera(&vp);
        assert_eq!(inset_mode(&vp, &berlin), InsetMode::Hidden, "{s:?}");
        let (l, t, r, b) = on_stage(&vp, &berlin, &berlin_box());
        assert!(l >= FIT_PADDING - 0.01 && t >= FIT_PADDING - 0.01, "{s:?}");
        assert!(
            r <= vp.width - FIT_PADDING + 0.01 && b <= vp.height - FIT_PADDING + 0.01,
            "{s:?}"
        );
        // Shown while Berlin is less than half as large as when fitted and, for the inset, smaller than in
        // the inset; hidden from there on.
        let small = vp.width < MIN_STAGE_WIDTH || vp.height < MIN_STAGE_HEIGHT;
        let limit = if small {
            berlin.zoom - 1.0
        } else {
            (berlin.zoom - 1.0).min(inset_camera(&inset_rect(&vp)).zoom)
        };
        let at = |zoom| Camera { zoom, ..berlin };
        assert_ne!(inset_mode(&vp, &at(limit - 0.01)), InsetMode::Hidden, "{s:?}");
        assert_eq!(inset_mode(&vp, &at(limit + 0.01)), InsetMode::Hidden, "{s:?}");
        assert!(
            limit >= start_camera(&vp).zoom + 0.5,
            "{s:?}: shown at the start, and a bit beyond"
        );
    }
}

#[test]
fn berlin_fills_the_inset() {
    for s in STAGES {
        let vp = vp(s);
        let rect = inset_rect(&vp);
        assert!(
            rect.width >= INSET_MIN_WIDTH - 40.0 && rect.width <= INSET_MAX_WIDTH,
            "{s:?}: {rect:?}"
        );
        assert!(
            rect.height <= vp.height * INSET_MAX_HEIGHT_SHARE + 0.01,
            "{s:?}: {rect:?}"
        );
        let ivp = rect.viewport(1.0);
        let cam = inset_camera(&rect);
        let (l, t, r, b) = on_stage(&ivp, &cam, &berlin_box());
        let (dl, dt, dr, db) = (l, t, ivp.width - r, ivp.height - b);
        let least = dl.min(dt).min(dr).min(db);
        assert!(
            (least - INSET_PADDING).abs() < 0.5,
            "{s:?}: margins {:?}",
            (dl, dt, dr, db)
        );
        // Berlin's shape decides the inset's: the margins are even on both axes.
        assert!((dl - dt).abs() < 2.0, "{s:?}: margins {:?}", (dl, dt, dr, db));
    }
}

#[test]
fn berlin_is_its_twelve_bezirke() {
    let b = BERLIN_BBOX;
    // The union of the Bezirke's boxes in the compiled-in basemap (`cargo xtask basemap` may change it).
    let union = ecomap_core::geo::region_outlines()
        .iter()
        .filter(|o| is_berlin(o.key))
        .map(|o| o.bbox)
        .reduce(|a, o| ecomap_core::geo::BBox {
            min_lon: a.min_lon.min(o.min_lon),
            min_lat: a.min_lat.min(o.min_lat),
            max_lon: a.max_lon.max(o.max_lon),
            max_lat: a.max_lat.max(o.max_lat),
        })
        .expect("the basemap has Berlin's Bezirke");
    assert_eq!(b, union, "update framing::BERLIN_BBOX to the basemap's");
    assert_eq!(
        BERLIN_BRANDENBURG_BBOX,
        ecomap_core::geo::berlin_brandenburg_bbox(),
        "update framing::BERLIN_BRANDENBURG_BBOX to the basemap's"
    );
    assert_eq!(
        ecomap_core::geo::region_outlines()
            .iter()
            .filter(|o| is_berlin(o.key))
            .count(),
        12
    );
    let alex = ecomap_core::model::LonLat {
        lon: 13.41053,
        lat: 52.52437,
    };
    assert!(b.contains(alex));
    assert!(!b.contains(ecomap_core::model::LonLat {
        lon: 14.32888,
        lat: 51.75769
    }));
    assert!(is_berlin("11001") && is_berlin("11012") && !is_berlin("12054") && !is_berlin("x"));
    // About 45 km by 38 km.
    assert!((b.max_lon - b.min_lon - 0.68).abs() < 0.05 && (b.max_lat - b.min_lat - 0.34).abs() < 0.05);
}

fn demo() -> ecomap_core::model::Dataset {
    let bytes = include_bytes!("../../../public/data/demo.json");
    let (ds, report) = ecomap_core::import::import(bytes, "demo.json");
    assert_eq!(report.errors(), 0);
    ds
}

/// The region key of an actor of `ds`.
fn region_key(ds: &ecomap_core::model::Dataset, a: ActorId) -> Option<&str> {
    let r = ds.actors[a.index()].location.region?;
    Some(ds.regions[r.index()].key.as_str())
}

#[test]
fn the_demos_berlin_bubble_splits_into_one_group_per_bezirk_in_the_inset() {
    let ds = demo();
    let idx = Index::build(&ds);
    let sel = select(&ds, &idx, &Filter::default());
    let (points, _) = selection_points(&ds, &sel.actors);
    let groups = district_groups(&ds, &points);
    let berlin = BerlinGroups::of(&groups);
    // Every Bezirk has actors in the demo; each group holds the actors on the map located in its Bezirk.
    assert_eq!(berlin.groups, 12, "{groups:?}");
    assert!(groups.windows(2).all(|w| w[0].count >= w[1].count), "largest first");
    for g in &groups {
        assert!(is_berlin(g.key));
        assert_eq!(g.kinds.iter().sum::<u32>(), g.count);
        let here = points
            .iter()
            .filter(|p| region_key(&ds, p.actor) == Some(g.key))
            .count();
        assert_eq!(g.count as usize, here, "{}", g.key);
        assert_eq!(region_key(&ds, g.actor), Some(g.key));
        assert_eq!(
            ecomap_core::geo::region_at(unproject(g.at)),
            Some(g.key),
            "label point in its Bezirk"
        );
    }
    let index = ClusterIndex::build(points, ClusterOptions::default());
    for s in [(1000.0, 600.0), (1400.0, 640.0), (700.0, 450.0), (1880.0, 900.0)] {
        let vp = vp(s);
        let start = start_camera(&vp);
        // At the start one bubble holds most of Berlin.
        let main = index.get_clusters(&home_box(), index.level_for(start.zoom));
        let largest = main.iter().map(|f| f.count).max().unwrap_or(0);
        assert!(
            largest >= 200 && berlin.actors >= largest * 3 / 4,
            "{s:?}: largest {largest}, {berlin:?}"
        );
        let InsetMode::Inset(rect) = inset_mode(&vp, &start) else {
            panic!("{s:?}: the inset shows at the start");
        };
        // Every group is on the inset.
        let cam = inset_camera(&rect);
        let ivp = rect.viewport(1.0);
        for g in &groups {
            let c = cam.world_to_css(&ivp, g.at);
            assert!(
                c.x >= 0.0 && c.x <= ivp.width && c.y >= 0.0 && c.y <= ivp.height,
                "{s:?}"
            );
        }
    }
}

#[test]
fn only_actors_located_in_berlin_make_groups() {
    let ds = demo();
    let idx = Index::build(&ds);
    let sel = select(&ds, &idx, &Filter::default());
    let (points, _) = selection_points(&ds, &sel.actors);
    let (berlin, elsewhere): (Vec<Point>, Vec<Point>) = points
        .iter()
        .partition(|p| region_key(&ds, p.actor).is_some_and(is_berlin));
    assert!(!berlin.is_empty() && !elsewhere.is_empty());
    assert!(district_groups(&ds, &elsewhere).is_empty());
    assert!(district_groups(&ds, &[]).is_empty());
    // Two actors of one Bezirk: one group of two; one alone: its marker names it.
    let key = region_key(&ds, berlin[0].actor).expect("located in Berlin");
    let same: Vec<Point> = berlin
        .iter()
        .filter(|p| region_key(&ds, p.actor) == Some(key))
        .take(2)
        .copied()
        .collect();
    let other = *berlin
        .iter()
        .find(|p| region_key(&ds, p.actor) != Some(key))
        .expect("actors in another Bezirk");
    let groups = district_groups(&ds, &[same[0], other, same[1]]);
    assert_eq!(groups.len(), 2);
    let two = groups.iter().find(|g| g.key == key).expect("the group of two");
    let one = groups.iter().find(|g| g.key != key).expect("the group of one");
    assert_eq!((two.count, one.count, one.actor), (2, 1, other.actor));
    assert_eq!(BerlinGroups::of(&groups), BerlinGroups { actors: 3, groups: 2 });
}
