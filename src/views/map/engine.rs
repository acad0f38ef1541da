//! The map's imperative core: camera, viewport, the cluster index over the selection, the layers' options,
//! and one `draw` that builds the scene and hands it to the renderer (plus the text overlay).
//!
//! The view's `Scheduler` owns one `Engine` in an `Rc<RefCell<_>>`; effects sync it, input and frames call it.

use std::rc::Rc;
use std::sync::Arc;

use ecomap_core::bitset::Bitset;
use ecomap_core::cluster::{selection_points, AggregatedArc, ClusterIndex, ClusterOptions};
use ecomap_core::filter::Selection;
use ecomap_core::framing::{self, DistrictGroup, FIT_MAX_ZOOM, FIT_PADDING};
use ecomap_core::geo;
use ecomap_core::index::{Collaboration, Index};
use ecomap_core::model::{ActorId, Dataset, Lang};
use ecomap_core::projection::{Camera, Viewport, World, WorldBox};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use super::figures::SelectionFigures;
use super::layers::{self, LayerStyle, RegionStyle, Shading, SizeBy, Sizes, WorldRegion};
use super::render::{draw_text, size_canvas, Renderer};
use super::scene::{Scene, WATER};
use super::signals::FrameReport;

/// Most arcs drawn at once.
const ARC_LIMIT: usize = 150;

pub struct Engine {
    pub base: HtmlCanvasElement,
    pub overlay: HtmlCanvasElement,
    text: CanvasRenderingContext2d,
    pub renderer: Box<dyn Renderer>,
    pub vp: Viewport,
    pub cam: Camera,
    /// True while the camera is the start framing nobody has moved yet: a resize frames the region anew.
    pub framed: bool,
    /// Counts the selections drawn (the inset redraws when it changes).
    pub generation: u32,
    pub regions: Vec<WorldRegion>,
    pub index: Option<ClusterIndex>,
    /// The selection's actors on the map grouped by Berlin's Bezirke, for the Berlin inset.
    pub districts: Vec<DistrictGroup>,
    /// The collaboration graph of the whole dataset, computed once when arcs are first shown.
    /// Arcs with an end in view in the last frame (at most `ARC_LIMIT` of them are drawn).
    arcs_in_view: usize,
    /// The collaborations of the projects in view (arcs), built when arcs are on.
    pub collabs: Option<Rc<Vec<Collaboration>>>,
    /// The selection's projects in view (`Selection::projects`), for building `collabs` when arcs turn on.
    pub projects_in_view: Bitset,
    arcs_cache: Option<(u8, Vec<AggregatedArc>)>,
    /// The visitor's layer options.
    pub style: LayerStyle,
    /// Per actor id: number of projects and project volume (for marker sizes), with their maxima.
    actor_projects: Vec<f32>,
    actor_volume: Vec<f32>,
    max_projects: f32,
    max_volume: f32,
    /// The selection's figures per region (in `regions` order) for shading and tooltips.
    pub figures: Arc<SelectionFigures>,
    pub selected_regions: Vec<String>,
    pub hovered_region: Option<&'static str>,
    pub hovered_actor: Option<ActorId>,
    /// The actor open in the detail panel (highlighted like the hovered one).
    pub focused_actor: Option<ActorId>,
    pub lang: Lang,
    pub scene: Scene,
    /// Frames drawn so far (tests wait for a new one).
    frames: u32,
}

impl Engine {
    /// `on_change(lost)` is called when a WebGL context is lost or restored.
    pub fn new(
        base: HtmlCanvasElement,
        overlay: HtmlCanvasElement,
        force_2d: bool,
        vp: Viewport,
        on_change: Rc<dyn Fn(bool)>,
    ) -> Option<Engine> {
        let renderer = super::render::create(&base, force_2d, on_change)?;
        let text = super::render::context_2d(&overlay)?;
        let cam = framing::start_camera(&vp);
        let regions = layers::world_regions();
        let n = regions.len();
        let mut e = Engine {
            base,
            overlay,
            text,
            renderer,
            vp,
            cam,
            framed: true,
            generation: 0,
            regions,
            index: None,
            districts: Vec::new(),
            arcs_in_view: 0,
            collabs: None,
            projects_in_view: Bitset::default(),
            arcs_cache: None,
            style: LayerStyle::default(),
            actor_projects: Vec::new(),
            actor_volume: Vec::new(),
            max_projects: 0.0,
            max_volume: 0.0,
            figures: Arc::new(SelectionFigures::empty(n)),
            selected_regions: Vec::new(),
            hovered_region: None,
            hovered_actor: None,
            focused_actor: None,
            lang: Lang::De,
            scene: Scene::default(),
            frames: 0,
        };
        e.resize(vp);
        Some(e)
    }

    /// Takes the regions from the basemap once it is installed (the engine may start before: then it has none).
    pub fn take_regions(&mut self) {
        if !self.regions.is_empty() {
            return;
        }
        self.regions = layers::world_regions();
        let n = self.regions.len();
        if self.figures.region_actors.len() != n {
            self.figures = Arc::new(SelectionFigures::empty(n));
        }
    }

    /// A new stage size; the start framing follows it until the camera is moved.
    pub fn resize(&mut self, vp: Viewport) {
        self.vp = vp;
        if self.framed {
            self.cam = framing::start_camera(&vp);
        }
        self.renderer.resize(&vp);
        size_canvas(&self.overlay, &vp);
    }

    /// Rebuilds the cluster index and the marker sizes for a new selection; `figures` are the selection's (the
    /// view computes them in a memo).
    pub fn set_selection(&mut self, ds: &Dataset, idx: &Index, sel: &Selection, figures: Arc<SelectionFigures>) {
        let (points, _without_coordinates) = selection_points(ds, &sel.actors);
        self.districts = framing::district_groups(ds, &points);
        let index = crate::perf::timed("ecomap:map-index", || {
            ClusterIndex::build(points, ClusterOptions::default())
        });
        self.index = Some(index);
        self.generation = self.generation.wrapping_add(1);
        self.arcs_cache = None;
        // Arcs follow the projects in view, as every view does (a year filter thins them).
        self.projects_in_view = sel.projects.clone();
        self.collabs = None;
        self.build_collabs(idx);
        // Marker size weights of the selected actors (the largest sets the scale).
        let n = ds.actors.len();
        self.actor_projects.resize(n, 0.0);
        self.actor_volume.resize(n, 0.0);
        self.max_projects = 0.0;
        self.max_volume = 0.0;
        // Sizes count the projects in view only (core: `in_view::actor_figures`, kept in the figures).
        for a in sel.actors.iter_ones() {
            let f = figures.actors.get(a).copied().unwrap_or_default();
            let (p, v) = (f.projects as f32, f.volume.0 as f32);
            self.actor_projects[a] = p;
            self.actor_volume[a] = v;
            self.max_projects = self.max_projects.max(p);
            self.max_volume = self.max_volume.max(v);
        }
        self.figures = figures;
    }

    /// Builds the arcs' collaborations from the projects in view when arcs are shown and none are built.
    pub fn build_collabs(&mut self, idx: &Index) {
        // The projects in view belong to the selection this engine drew; new data waits for its selection.
        let same_data = self.projects_in_view.len() == idx.project_count();
        if self.style.show_arcs && self.collabs.is_none() && same_data {
            self.collabs = Some(Rc::new(ecomap_core::in_view::collaborations(
                idx,
                &self.projects_in_view,
            )));
            self.arcs_cache = None;
        }
    }

    /// The camera that shows every selected actor (the whole region when none has coordinates).
    pub fn fit_selection(&self) -> Camera {
        let pts = self.index.as_ref().map(|i| i.points()).unwrap_or(&[]);
        if pts.is_empty() {
            return self.home();
        }
        let mut b = WorldBox {
            min: World { x: 1.0, y: 1.0 },
            max: World { x: 0.0, y: 0.0 },
        };
        for p in pts {
            b.min.x = b.min.x.min(p.at.x);
            b.min.y = b.min.y.min(p.at.y);
            b.max.x = b.max.x.max(p.at.x);
            b.max.y = b.max.y.max(p.at.y);
        }
        Camera::fit(&self.vp, &b, FIT_PADDING + 20.0, FIT_MAX_ZOOM - 1.0)
    }

    /// The whole region, clear of the Berlin inset (core: `framing::start_camera`).
    pub fn home(&self) -> Camera {
        framing::start_camera(&self.vp)
    }

    /// Marker sizes by the visitor's option (`None`: uniform).
    fn sizes(&self) -> Option<Sizes<'_>> {
        match self.style.size_by {
            SizeBy::Uniform => None,
            SizeBy::Projects => Some(Sizes {
                weight: &self.actor_projects,
                max: self.max_projects,
            }),
            SizeBy::Volume => Some(Sizes {
                weight: &self.actor_volume,
                max: self.max_volume,
            }),
        }
    }

    /// The shading values per region, when shading is on.
    fn shading_values(&self) -> Option<&[f64]> {
        match self.style.shading {
            Shading::None => None,
            Shading::Actors => Some(self.figures.region_actors.as_slice()),
            Shading::Volume => Some(self.figures.region_volume.as_slice()),
        }
    }

    /// The Berlin inset's scene for the camera `cam` on `vp`: regions (shaded, selected ones marked) and the
    /// selection's actors grouped by Bezirk (core: `framing::district_groups`); no arcs, no hover, no region
    /// labels (the bubbles stand on them).
    pub fn inset_scene(&self, cam: &Camera, vp: &Viewport) -> Scene {
        let mut scene = Scene {
            background: Some(WATER),
            ..Scene::default()
        };
        let style = RegionStyle {
            selected: &self.selected_regions,
            hovered: None,
            values: self.shading_values(),
        };
        layers::regions(&mut scene, cam, vp, &self.regions, &style);
        // Brandenburg around Berlin is context: paler, so Berlin's outline stands out.
        for r in scene.regions.iter_mut().filter(|r| !framing::is_berlin(r.key)) {
            r.fill = r.fill.mix(WATER, 0.6);
        }
        layers::district_markers(&mut scene, cam, vp, &self.districts, self.sizes().as_ref());
        layers::bubble_labels(&mut scene, self.lang, 11.0);
        scene
    }

    /// Builds the scene for the current camera and draws it.
    pub fn draw(&mut self) {
        let mut scene = Scene {
            background: Some(WATER),
            ..Scene::default()
        };
        let (cam, vp) = (self.cam, self.vp);
        let values = self.shading_values();
        layers::regions(
            &mut scene,
            &cam,
            &vp,
            &self.regions,
            &RegionStyle {
                selected: &self.selected_regions,
                hovered: self.hovered_region,
                values,
            },
        );
        self.arcs_in_view = 0;
        if let Some(index) = &self.index {
            if self.style.show_arcs {
                let z = index.level_for(cam.zoom);
                if self.arcs_cache.as_ref().map(|c| c.0) != Some(z) {
                    if let Some(c) = &self.collabs {
                        self.arcs_cache = Some((z, index.aggregated_arcs(z, c)));
                    }
                }
                if let Some((_, arcs)) = &self.arcs_cache {
                    self.arcs_in_view = layers::arcs(&mut scene, &cam, &vp, arcs, self.style.arc_weight, ARC_LIMIT);
                }
            }
            layers::region_labels(&mut scene, &cam, &vp, &self.regions);
            let sizes = self.sizes();
            let highlight: Vec<ActorId> = self.hovered_actor.into_iter().chain(self.focused_actor).collect();
            layers::markers(&mut scene, &cam, &vp, index, &highlight, sizes.as_ref());
            layers::bubble_labels(&mut scene, self.lang, 12.0);
        } else {
            layers::region_labels(&mut scene, &cam, &vp, &self.regions);
        }
        self.renderer.draw(&scene, &vp);
        draw_text(&self.text, &scene, &vp);
        self.scene = scene;
        self.frames = self.frames.wrapping_add(1);
    }

    /// What the last frame showed.
    pub fn report(&self) -> FrameReport {
        FrameReport {
            markers: self.scene.markers.len(),
            largest: self.scene.markers.iter().map(|m| m.count).max().unwrap_or(0),
            highlighted: self.scene.markers.iter().filter(|m| m.highlighted).count(),
            arcs: self.scene.arcs.len(),
            arcs_in_view: if self.style.show_arcs { self.arcs_in_view } else { 0 },
            camera: self.cam,
            viewport: self.vp,
            renderer: self.renderer.name(),
            frames: self.frames,
        }
    }

    /// The region under a CSS point.
    pub fn region_at(&self, x: f64, y: f64) -> Option<&'static str> {
        let w = self.cam.css_to_world(&self.vp, ecomap_core::projection::Css { x, y });
        geo::region_at(ecomap_core::projection::unproject(w))
    }

    pub fn region_slot(&self, key: &str) -> Option<usize> {
        self.regions.iter().position(|r| r.key == key)
    }
}
