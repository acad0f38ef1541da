//! The map's layers as display lists: regions (with optional shading), collaboration arcs, markers and
//! cluster bubbles, and labels. Pure functions of the camera and what core computed; no drawing here.

use ecomap_core::cluster::{spread_identical, AggregatedArc, ClusterId, ClusterIndex, Found, Item};
use ecomap_core::framing::DistrictGroup;
use ecomap_core::geo;
use ecomap_core::model::{ActorId, ActorKind, LonLat};
use ecomap_core::projection::{project, Camera, Css, Viewport, World};
use ecomap_core::regions;

use super::scene::*;

/// A region outline projected to world coordinates once.
pub struct WorldRegion {
    pub key: &'static str,
    pub name: &'static str,
    pub rings: Vec<Vec<World>>,
    pub label_at: World,
    /// Width of the region's box in world units (for "does the label fit").
    pub width: f64,
}

pub fn world_regions() -> Vec<WorldRegion> {
    geo::region_outlines()
        .iter()
        .map(|o| WorldRegion {
            key: o.key,
            name: regions::region_info(o.key).map(|i| i.name).unwrap_or(o.key),
            rings: o
                .rings
                .iter()
                .map(|r| r.iter().map(|&p| project(p)).collect())
                .collect(),
            label_at: project(o.label_at),
            width: project(LonLat {
                lon: o.bbox.max_lon,
                lat: o.bbox.min_lat,
            })
            .x - project(LonLat {
                lon: o.bbox.min_lon,
                lat: o.bbox.min_lat,
            })
            .x,
        })
        .collect()
}

/// How regions are shaded, what markers are sized by, what arcs are weighted by: core's link-state types.
pub use ecomap_core::view_state::{ArcWeight, MarkerSize as SizeBy, Shading};

/// What the layers show besides regions and markers: the visitor's options under the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LayerStyle {
    pub show_arcs: bool,
    pub arc_weight: ArcWeight,
    pub shading: Shading,
    pub size_by: SizeBy,
}

impl Default for LayerStyle {
    fn default() -> LayerStyle {
        LayerStyle {
            show_arcs: false,
            arc_weight: ArcWeight::Projects,
            shading: Shading::None,
            size_by: SizeBy::Uniform,
        }
    }
}

/// The choropleth ramp (light to dark blue; the darkest class still shows borders at 3:1).
pub const RAMP: [Rgba; 5] = [
    Rgba(0xf1, 0xf6, 0xfc, 255),
    Rgba(0xc9, 0xdd, 0xf2, 255),
    Rgba(0x93, 0xbd, 0xe6, 255),
    Rgba(0x5a, 0x98, 0xd4, 255),
    Rgba(0x2f, 0x6f, 0xb0, 255),
];

/// The class (0..5) of a value on a square-root scale up to `max`.
pub fn ramp_class(v: f64, max: f64) -> usize {
    if max <= 0.0 || v <= 0.0 {
        return 0;
    }
    (((v / max).sqrt() * 5.0).ceil() as usize).clamp(1, 5) - 1
}

fn css(cam: &Camera, vp: &Viewport, w: World) -> [f32; 2] {
    let c = cam.world_to_css(vp, w);
    [c.x as f32, c.y as f32]
}

pub struct RegionStyle<'a> {
    pub selected: &'a [String],
    pub hovered: Option<&'static str>,
    /// Per region (in `world_regions` order) the shading value, when shading is on.
    pub values: Option<&'a [f64]>,
}

pub fn regions(out: &mut Scene, cam: &Camera, vp: &Viewport, regions: &[WorldRegion], style: &RegionStyle) {
    let max = style
        .values
        .map(|v| v.iter().copied().fold(0.0, f64::max))
        .unwrap_or(0.0);
    let mut hovered = None;
    for (i, r) in regions.iter().enumerate() {
        let selected = style.selected.iter().any(|k| k == r.key);
        let fill = match style.values {
            Some(v) => RAMP[ramp_class(v.get(i).copied().unwrap_or(0.0), max)],
            None if selected => SELECTED_REGION,
            None => LAND,
        };
        let draw = RegionDraw {
            key: r.key,
            rings: r
                .rings
                .iter()
                .map(|ring| ring.iter().map(|&w| css(cam, vp, w)).collect())
                .collect(),
            fill,
            stroke: if selected { BORDER_HOVER } else { BORDER },
            stroke_width: if selected { 2.5 } else { 1.0 },
        };
        if style.hovered == Some(r.key) {
            hovered = Some(draw);
        } else {
            out.regions.push(draw);
        }
    }
    // The hovered region last, so its whole border shows on top of its neighbours'.
    if let Some(mut h) = hovered {
        h.stroke = BORDER_HOVER;
        h.stroke_width = h.stroke_width.max(2.0);
        out.regions.push(h);
    }
}

/// Region names where they fit (the box wider than the text), skipping those a marker would hide anyway.
pub fn region_labels(out: &mut Scene, cam: &Camera, vp: &Viewport, regions: &[WorldRegion]) {
    let s = cam.scale();
    for r in regions {
        let width_px = r.width * s;
        let text_px = r.name.chars().count() as f64 * 6.5 * crate::browser::label_scale() as f64;
        if width_px < text_px * 1.1 || width_px > vp.width * 3.0 {
            continue;
        }
        let [x, y] = css(cam, vp, r.label_at);
        if x < -100.0 || y < -20.0 || x > vp.width as f32 + 100.0 || y > vp.height as f32 + 20.0 {
            continue;
        }
        out.labels.push(LabelDraw {
            x,
            y,
            text: r.name.to_string(),
            size: 12.0,
            bold: false,
            colour: LABEL,
        });
    }
}

/// The kind of a single actor from its one-hot breakdown.
pub fn kind_of(f: &Found) -> ActorKind {
    let i = f.kinds.iter().position(|&c| c > 0).unwrap_or(0);
    ActorKind::ALL[i]
}

pub fn bubble_radius(count: u32) -> f32 {
    13.0 + 5.0 * (count.max(1) as f32).log10()
}

pub const MARKER_RADIUS: f32 = 6.5;

/// Optional marker size: per actor a weight (indexed by `ActorId`) and the largest weight.
pub struct Sizes<'a> {
    pub weight: &'a [f32],
    pub max: f32,
}

/// Radius of a single actor's marker: fixed, or by weight on a square-root scale (area ∝ weight).
fn marker_radius(a: ActorId, sizes: Option<&Sizes>) -> f32 {
    match sizes {
        Some(s) if s.max > 0.0 => {
            let w = s.weight.get(a.index()).copied().unwrap_or(0.0).max(0.0);
            4.5 + 9.0 * (w / s.max).sqrt()
        }
        _ => MARKER_RADIUS,
    }
}

/// A single actor's marker at (x, y): its kind's colour and shape, sized by `sizes`, larger when highlighted.
fn actor_marker(f: &Found, a: ActorId, (x, y): (f32, f32), highlighted: bool, sizes: Option<&Sizes>) -> MarkerDraw {
    let k = kind_of(f);
    let r = marker_radius(a, sizes);
    MarkerDraw {
        item: f.item,
        x,
        y,
        r: if highlighted { r * 1.6 } else { r },
        fill: kind_colour(k),
        shape: kind_shape(k),
        segments: Vec::new(),
        count: 1,
        highlighted,
    }
}

/// A cluster's bubble at (x, y): white, with its kinds' shares as segments.
fn cluster_bubble(f: &Found, (x, y): (f32, f32), highlighted: bool) -> MarkerDraw {
    let total = f.count.max(1) as f32;
    let segments = ActorKind::ALL
        .iter()
        .filter(|k| f.kinds[k.index()] > 0)
        .map(|&k| (f.kinds[k.index()] as f32 / total, kind_colour(k)))
        .collect();
    MarkerDraw {
        item: f.item,
        x,
        y,
        r: bubble_radius(f.count),
        fill: Rgba(255, 255, 255, 240),
        shape: Shape::Circle,
        segments,
        count: f.count,
        highlighted,
    }
}

/// Markers and cluster bubbles of the visible level; at the deepest level, actors sharing a spot spread out.
/// The markers or bubbles holding an actor of `highlight` (the one hovered in any view, the one open in the
/// detail panel) are highlighted.
pub fn markers(
    out: &mut Scene,
    cam: &Camera,
    vp: &Viewport,
    index: &ClusterIndex,
    highlight: &[ActorId],
    sizes: Option<&Sizes>,
) {
    let z = index.level_for(cam.zoom);
    let view = cam.visible(vp).grown(0.1);
    let found = index.get_clusters(&view, z);
    let offsets = if z > index.options().max_zoom {
        spread_identical(&found, 2.5 * MARKER_RADIUS as f64 + 3.0)
    } else {
        vec![Css { x: 0.0, y: 0.0 }; found.len()]
    };
    let hl_items: Vec<_> = highlight
        .iter()
        .filter_map(|&a| index.item_of(a, z))
        .map(|f| f.item)
        .collect();
    // Bubbles under single markers; bigger first so small ones stay clickable.
    let mut order: Vec<usize> = (0..found.len()).collect();
    ecomap_core::order::sort_by(&mut order, |&a, &b| found[b].count.cmp(&found[a].count));
    for i in order {
        let f = &found[i];
        let [x, y] = css(cam, vp, f.at);
        let at = (x + offsets[i].x as f32, y + offsets[i].y as f32);
        let highlighted = hl_items.contains(&f.item);
        out.markers.push(match f.item {
            Item::Actor(a) => actor_marker(f, a, at, highlighted, sizes),
            Item::Cluster(_) => cluster_bubble(f, at, highlighted),
        });
    }
}

/// The Berlin inset's markers: one per Bezirk with selected actors, at its label point (core:
/// `framing::district_groups`, largest first); a group of one is that actor's marker, larger groups are
/// bubbles like the clusters', a little smaller (the inset is a small picture). Never hit-tested.
pub fn district_markers(out: &mut Scene, cam: &Camera, vp: &Viewport, groups: &[DistrictGroup], sizes: Option<&Sizes>) {
    for g in groups {
        let f = Found {
            // A group is not a cluster of the index: its item only tells a bubble from a single marker.
            item: if g.count == 1 {
                Item::Actor(g.actor)
            } else {
                Item::Cluster(ClusterId(u32::MAX))
            },
            at: g.at,
            count: g.count,
            kinds: g.kinds,
        };
        let [x, y] = css(cam, vp, g.at);
        out.markers.push(match f.item {
            Item::Actor(a) => actor_marker(&f, a, (x, y), false, sizes),
            Item::Cluster(_) => MarkerDraw {
                r: 8.5 + 3.0 * (g.count as f32).log10(),
                ..cluster_bubble(&f, (x, y), false)
            },
        });
    }
}

/// Cluster counts as centred bold text (in the text layer, so WebGL needs no glyphs), `size` px (the main map
/// 12, the inset smaller).
pub fn bubble_labels(out: &mut Scene, lang: ecomap_core::model::Lang, size: f32) {
    for m in &out.markers {
        if m.count > 1 {
            out.labels.push(LabelDraw {
                x: m.x,
                y: m.y,
                text: ecomap_core::format::int(m.count as u64, lang),
                size: if m.count >= 10_000 { size - 1.0 } else { size },
                bold: true,
                colour: HIGHLIGHT,
            });
        }
    }
}

/// The heaviest arcs as curves (at most `limit`), width by weight on a square-root scale.
/// Draws the strongest `limit` arcs with an end in view (by the chosen weight); returns how many arcs have an
/// end in view, so the view can say when some were left out.
pub fn arcs(
    out: &mut Scene,
    cam: &Camera,
    vp: &Viewport,
    arcs: &[AggregatedArc],
    weight: ArcWeight,
    limit: usize,
) -> usize {
    let w = |a: &AggregatedArc| match weight {
        ArcWeight::Projects => a.projects as f64,
        ArcWeight::Volume => a.volume.0 as f64,
    };
    // Only arcs with an end in view (the rest would be lines crossing the map from nowhere to nowhere).
    let view = cam.visible(vp);
    let mut chosen: Vec<&AggregatedArc> = arcs
        .iter()
        .filter(|a| view.contains(a.from) || view.contains(a.to))
        .collect();
    // The strongest first, whichever the weight, so a cap never drops a strong arc for a weak one.
    ecomap_core::order::sort_by(&mut chosen, |a, b| w(b).total_cmp(&w(a)));
    let in_view = chosen.len();
    chosen.truncate(limit);
    let max = chosen.iter().map(|a| w(a)).fold(0.0, f64::max).max(1e-9);
    for a in chosen {
        let (p, q) = (css(cam, vp, a.from), css(cam, vp, a.to));
        let (dx, dy) = (q[0] - p[0], q[1] - p[1]);
        // Bend to the left of the direction of travel, a fifth of the length.
        let ctrl = [(p[0] + q[0]) / 2.0 + dy * 0.2, (p[1] + q[1]) / 2.0 - dx * 0.2];
        let t = (w(a) / max).sqrt() as f32;
        out.arcs.push(ArcDraw {
            from: p,
            ctrl,
            to: q,
            width: 0.75 + 5.0 * t,
            colour: Rgba(ARC.0, ARC.1, ARC.2, (60.0 + 170.0 * t) as u8),
        });
    }
    in_view
}
