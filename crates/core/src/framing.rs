//! Where the map looks and what it keeps clear: the start framing of Berlin-Brandenburg, the Berlin inset's
//! place on the stage, its camera, when it shows, and its groups (one per Bezirk). Pure, so the map view
//! only asks and native tests check (docs/map.md, "Start framing and the Berlin inset").
//!
//! The inset sits at the stage's bottom left, above the credits line. It shows while Berlin is small in the
//! main view: the main camera's zoom is below both the inset's own zoom and one level less than the zoom that
//! fits Berlin to the stage. On a small stage (narrower than [`MIN_STAGE_WIDTH`] or lower than
//! [`MIN_STAGE_HEIGHT`]) a compact button takes its place, by the same rule against the Berlin zoom. The
//! start framing fits the whole region; where that would put land under the inset, it takes the largest zoom
//! at which the region, moved right or up within the stage, keeps [`CLEARANCE`] px away from the inset.
//!
//! The inset groups the actors by Bezirk ([`district_groups`]) rather than by the map's clustering: at the
//! zoom where Berlin fills a 200-300 px inset, the clusters' 60 px radius keeps Berlin in one to four
//! bubbles (the demo: 218 actors in one at 220 px), and a deeper level gives about twenty overlapping ones.

use crate::cluster::Point;
use crate::geo::{self, BBox};
use crate::model::{ActorId, ActorKind, Dataset, State};
use crate::projection::{bbox_to_world, project, unproject, Camera, Css, Viewport, World, WorldBox};
use crate::regions;

/// Padding around a fitted box, CSS px.
pub const FIT_PADDING: f64 = 28.0;
/// The deepest zoom a fit goes to.
pub const FIT_MAX_ZOOM: f64 = 16.0;
/// Below this stage width or height the inset would be too small to read: a compact button instead.
pub const MIN_STAGE_WIDTH: f64 = 600.0;
pub const MIN_STAGE_HEIGHT: f64 = 380.0;
/// The inset's distance from the stage's left edge, and from its bottom edge (room for the credits line).
pub const INSET_LEFT: f64 = 10.0;
pub const INSET_BOTTOM: f64 = 28.0;
/// The inset's width: this share of the stage's width, within `INSET_MIN_WIDTH..=INSET_MAX_WIDTH` px.
pub const INSET_SHARE: f64 = 0.22;
pub const INSET_MIN_WIDTH: f64 = 200.0;
pub const INSET_MAX_WIDTH: f64 = 300.0;
/// The inset takes at most this share of the stage's height.
pub const INSET_MAX_HEIGHT_SHARE: f64 = 0.45;
/// Padding around Berlin inside the inset, CSS px.
pub const INSET_PADDING: f64 = 6.0;
/// The compact button on small stages, CSS px (44 px tall: a touch target), above a two-line credits box.
pub const BUTTON_WIDTH: f64 = 84.0;
pub const BUTTON_HEIGHT: f64 = 44.0;
pub const BUTTON_BOTTOM: f64 = 40.0;
/// At the start framing, land stays this far from the inset or the button, CSS px.
pub const CLEARANCE: f64 = 12.0;
/// The step (in zoom levels) of the search for the start framing's zoom.
const ZOOM_STEP: f64 = 0.05;

/// A rectangle on the stage, CSS px from the top left of its canvas.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl Rect {
    pub fn right(&self) -> f64 {
        self.x + self.width
    }
    pub fn bottom(&self) -> f64 {
        self.y + self.height
    }
    pub fn contains(&self, c: Css) -> bool {
        c.x >= self.x && c.x <= self.right() && c.y >= self.y && c.y <= self.bottom()
    }
    /// The rectangle grown by `d` px on every side.
    pub fn grown(&self, d: f64) -> Rect {
        Rect {
            x: self.x - d,
            y: self.y - d,
            width: self.width + 2.0 * d,
            height: self.height + 2.0 * d,
        }
    }
    /// A viewport of this size (for drawing into the inset).
    pub fn viewport(&self, dpr: f64) -> Viewport {
        Viewport {
            width: self.width,
            height: self.height,
            dpr,
        }
    }
}

/// What the stage shows for Berlin, decided by [`inset_mode`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum InsetMode {
    /// Berlin is large in the main view: nothing.
    Hidden,
    /// A small stage: a compact "Berlin" button at this place.
    Button(Rect),
    /// The inset at this place.
    Inset(Rect),
}

impl InsetMode {
    /// Where the inset or the button sits, if one shows.
    pub fn rect(&self) -> Option<Rect> {
        match *self {
            InsetMode::Hidden => None,
            InsetMode::Button(r) | InsetMode::Inset(r) => Some(r),
        }
    }
}

/// The box of Berlin's 12 Bezirke (lon/lat) in the compiled-in basemap: a constant, so the wasm carries
/// no code to compute it (a test checks it against the basemap).
pub const BERLIN_BBOX: BBox = BBox {
    min_lon: 13.0884,
    min_lat: 52.3383,
    max_lon: 13.7542,
    max_lat: 52.6706,
};

/// The box of all 30 regions (lon/lat), a constant like [`BERLIN_BBOX`] (a test checks it against the
/// basemap): the map's start framing needs no basemap, so the app's map starts before the fetched basemap is
/// installed (docs/map.md, Basemap).
pub const BERLIN_BRANDENBURG_BBOX: BBox = BBox {
    min_lon: 11.2678,
    min_lat: 51.3612,
    max_lon: 14.7656,
    max_lat: 53.5586,
};

/// True for the key of one of Berlin's Bezirke.
pub fn is_berlin(key: &str) -> bool {
    regions::region_info(key).is_some_and(|i| i.state == State::Berlin)
}

/// Berlin's box on the Mercator square.
pub fn berlin_box() -> WorldBox {
    bbox_to_world(&BERLIN_BBOX)
}

/// The whole of Berlin-Brandenburg on the Mercator square.
pub fn home_box() -> WorldBox {
    bbox_to_world(&BERLIN_BRANDENBURG_BBOX)
}

/// The inset's place on a stage of `vp` that is large enough for one: bottom left, above the credits; as
/// wide as [`INSET_SHARE`] of the stage (within the limits), as high as Berlin's shape needs, at most
/// [`INSET_MAX_HEIGHT_SHARE`] of the stage's height.
pub fn inset_rect(vp: &Viewport) -> Rect {
    let b = berlin_box();
    let aspect = (b.max.y - b.min.y) / (b.max.x - b.min.x);
    let pad = 2.0 * INSET_PADDING;
    let mut width = (vp.width * INSET_SHARE).clamp(INSET_MIN_WIDTH, INSET_MAX_WIDTH);
    let mut height = (width - pad) * aspect + pad;
    let max_height = vp.height * INSET_MAX_HEIGHT_SHARE;
    if height > max_height {
        height = max_height;
        width = (height - pad) / aspect + pad;
    }
    Rect {
        x: INSET_LEFT,
        y: vp.height - INSET_BOTTOM - height,
        width,
        height,
    }
}

/// The compact button's place on a small stage.
pub fn button_rect(vp: &Viewport) -> Rect {
    Rect {
        x: INSET_LEFT,
        y: vp.height - BUTTON_BOTTOM - BUTTON_HEIGHT,
        width: BUTTON_WIDTH,
        height: BUTTON_HEIGHT,
    }
}

/// The camera of the inset at `rect`: Berlin fills it.
pub fn inset_camera(rect: &Rect) -> Camera {
    Camera::fit(&rect.viewport(1.0), &berlin_box(), INSET_PADDING, FIT_MAX_ZOOM)
}

/// The main camera that shows Berlin whole on a stage of `vp` (what activating the inset does).
pub fn berlin_camera(vp: &Viewport) -> Camera {
    Camera::fit(vp, &berlin_box(), FIT_PADDING, FIT_MAX_ZOOM)
}

/// What the stage of `vp` shows for Berlin while the main camera is `cam`.
pub fn inset_mode(vp: &Viewport, cam: &Camera) -> InsetMode {
    let berlin_zoom = berlin_camera(vp).zoom;
    if vp.width < MIN_STAGE_WIDTH || vp.height < MIN_STAGE_HEIGHT {
        return if cam.zoom < berlin_zoom - 1.0 {
            InsetMode::Button(button_rect(vp))
        } else {
            InsetMode::Hidden
        };
    }
    let rect = inset_rect(vp);
    if cam.zoom < inset_camera(&rect).zoom.min(berlin_zoom - 1.0) {
        InsetMode::Inset(rect)
    } else {
        InsetMode::Hidden
    }
}

/// True when some region lies (partly) under `r` with the camera `cam`: a basemap vertex inside it, or its
/// centre inside a region (the rectangle lies wholly inside one).
pub fn land_under(vp: &Viewport, cam: &Camera, r: &Rect) -> bool {
    // The rectangle in lon/lat (Web Mercator keeps the axes), so the vertices need no projection.
    let at = |x, y| unproject(cam.css_to_world(vp, Css { x, y }));
    let (nw, se) = (at(r.x, r.y), at(r.right(), r.bottom()));
    let b = BBox {
        min_lon: nw.lon,
        min_lat: se.lat,
        max_lon: se.lon,
        max_lat: nw.lat,
    };
    geo::region_outlines()
        .iter()
        .flat_map(|o| o.rings.iter().flatten())
        .any(|&p| b.contains(p))
        || geo::region_at(at(r.x + r.width / 2.0, r.y + r.height / 2.0)).is_some()
}

/// The camera that shows `b` at `zoom` with its box's top left corner at `left`, `top` (CSS px).
fn placed(vp: &Viewport, b: &WorldBox, zoom: f64, left: f64, top: f64) -> Camera {
    let s = Camera { center: b.min, zoom }.scale();
    Camera {
        center: World {
            x: b.min.x + (vp.width / 2.0 - left) / s,
            y: b.min.y + (vp.height / 2.0 - top) / s,
        },
        zoom,
    }
}

/// The camera that fits `b` into the part `area` of the stage (with [`FIT_PADDING`]).
fn fit_in(vp: &Viewport, b: &WorldBox, area: &Rect) -> Camera {
    let fit = Camera::fit(&area.viewport(vp.dpr), b, FIT_PADDING, FIT_MAX_ZOOM);
    let s = fit.scale();
    let (bw, bh) = ((b.max.x - b.min.x) * s, (b.max.y - b.min.y) * s);
    placed(
        vp,
        b,
        fit.zoom,
        area.x + (area.width - bw) / 2.0,
        area.y + (area.height - bh) / 2.0,
    )
}

/// The start framing (and "Whole region"): Berlin-Brandenburg whole with [`FIT_PADDING`], clear of the
/// inset or the button that shows with it. When fitting the stage would put land within [`CLEARANCE`] px of
/// them, the region moves right and/or up within the stage, at the largest zoom (in steps of 0.05) where
/// that keeps it clear; at worst it fits the part of the stage right of or above them.
pub fn start_camera(vp: &Viewport) -> Camera {
    let b = home_box();
    let full = Camera::fit(vp, &b, FIT_PADDING, FIT_MAX_ZOOM);
    let Some(obstacle) = inset_mode(vp, &full).rect() else {
        return full;
    };
    let clear = obstacle.grown(CLEARANCE);
    if !land_under(vp, &full, &clear) {
        return full;
    }
    let right = Rect {
        x: clear.right(),
        y: 0.0,
        width: (vp.width - clear.right()).max(1.0),
        height: vp.height,
    };
    let above = Rect {
        x: 0.0,
        y: 0.0,
        width: vp.width,
        height: clear.y.max(1.0),
    };
    let fallback = [fit_in(vp, &b, &right), fit_in(vp, &b, &above)]
        .into_iter()
        .max_by(|a, b| a.zoom.total_cmp(&b.zoom))
        .unwrap_or(full);
    let mut zoom = full.zoom;
    while zoom > fallback.zoom {
        let s = Camera { center: b.min, zoom }.scale();
        let (bw, bh) = ((b.max.x - b.min.x) * s, (b.max.y - b.min.y) * s);
        let (sx, sy) = (
            (vp.width - 2.0 * FIT_PADDING - bw).max(0.0),
            (vp.height - 2.0 * FIT_PADDING - bh).max(0.0),
        );
        // Centred first, then moved right, up, and both: the inset sits at the bottom left.
        for (fx, fy) in [(0.5, 0.5), (1.0, 0.5), (0.5, 0.0), (1.0, 0.0)] {
            let cam = placed(vp, &b, zoom, FIT_PADDING + sx * fx, FIT_PADDING + sy * fy);
            if !land_under(vp, &cam, &clear) {
                return cam;
            }
        }
        zoom -= ZOOM_STEP;
    }
    fallback
}

/// One group of the inset: the actors on the map located in one Bezirk, drawn at its label point.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DistrictGroup {
    /// The Bezirk's region key.
    pub key: &'static str,
    pub at: World,
    pub count: u32,
    /// Actors per kind, indexed by `ActorKind::index`.
    pub kinds: [u32; ActorKind::ALL.len()],
    /// One of its actors (the group's only one when `count` is 1).
    pub actor: ActorId,
}

/// The inset's groups, largest first: per Bezirk the actors of `points` (those on the map) located in it
/// by their region, as the region figures, the shading and the region filter count them; Bezirke without
/// any are left out, and so is every actor outside Berlin.
pub fn district_groups(ds: &Dataset, points: &[Point]) -> Vec<DistrictGroup> {
    let outlines = geo::region_outlines();
    // The dataset's region ids → basemap slots of Berlin's Bezirke.
    let slot: Vec<Option<usize>> = ds
        .regions
        .iter()
        .map(|r| {
            outlines
                .iter()
                .position(|o| o.key == r.key)
                .filter(|&i| is_berlin(outlines[i].key))
        })
        .collect();
    let mut groups: Vec<Option<DistrictGroup>> = vec![None; outlines.len()];
    for p in points {
        let region = ds.actors.get(p.actor.index()).and_then(|a| a.location.region);
        let Some(i) = region.and_then(|r| slot.get(r.index()).copied().flatten()) else {
            continue;
        };
        let g = groups[i].get_or_insert(DistrictGroup {
            key: outlines[i].key,
            at: project(outlines[i].label_at),
            count: 0,
            kinds: [0; ActorKind::ALL.len()],
            actor: p.actor,
        });
        g.count += 1;
        g.kinds[p.kind.index()] += 1;
    }
    let mut groups: Vec<DistrictGroup> = groups.into_iter().flatten().collect();
    // Largest first (drawn first, so smaller ones stay visible); an insertion sort of at most 12 groups.
    for i in 1..groups.len() {
        let mut j = i;
        while j > 0 && groups[j - 1].count < groups[j].count {
            groups.swap(j - 1, j);
            j -= 1;
        }
    }
    groups
}

/// What the inset shows over Berlin: its actors, in how many groups.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BerlinGroups {
    pub actors: u32,
    pub groups: u32,
}

impl BerlinGroups {
    pub fn of(groups: &[DistrictGroup]) -> BerlinGroups {
        BerlinGroups {
            actors: groups.iter().map(|g| g.count).sum(),
            groups: groups.len() as u32,
        }
    }
}
