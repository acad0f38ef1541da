//! The network engine: graph + layout + camera + per-node display state, turned into a `Frame` for a renderer.
//!
//! Not reactive: the view's `Live` (live.rs) owns it in a `RefCell`; the view feeds it the selection, focus,
//! pointer and keyboard input, and takes the positions of the layout worker (`apply_update`) or, when there is
//! no worker, runs the layout itself in slices per animation frame (`run_slice`). Beside this file:
//! `engine/size.rs` (radii, shapes), `engine/shown.rs` (what the filters, focus and ego depth show),
//! `engine/frame.rs` (the frame a renderer draws), `engine/pick.rs` (hit tests, the accessible list),
//! `engine/navigate.rs` (keyboard walking through `ecomap_core::graph_walk`).

mod frame;
mod navigate;
mod pick;
mod shown;
mod size;
#[cfg(test)]
mod tests;

use ecomap_core::bitset::Bitset;
use ecomap_core::graph::{Graph, GraphMode, NodeRef};
use ecomap_core::layout::{start_positions, step, LayoutState, Settings};
use ecomap_core::model::{Dataset, Lang};

use super::camera::Camera;
use super::layout_client::Update;
use super::render::{Frame, Palette, Renderer, Shape};
pub use pick::ListItem;
pub use size::{shape_of, SizeBy};

/// The layout stops by itself below this movement (mean step / extent) or after `MAX_ITERATIONS`.
pub const STOP_MOVEMENT: f32 = 0.0008;
pub const MAX_ITERATIONS: u32 = 600;

/// Where the layout stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LayoutStatus {
    Running,
    Paused,
    Done,
}

impl LayoutStatus {
    /// The `data-layout` marker on the view's root.
    pub fn key(self) -> &'static str {
        match self {
            LayoutStatus::Running => "running",
            LayoutStatus::Paused => "paused",
            LayoutStatus::Done => "done",
        }
    }
}

pub struct Engine {
    pub graph: Graph,
    pub layout: LayoutState,
    pub status: LayoutStatus,
    pub camera: Camera,
    /// The camera the canvas content was drawn with (for CSS-transform panning).
    pub drawn: Camera,
    /// The visitor moved the camera: stop fitting to the layout.
    pub user_camera: bool,
    pub width: f32,
    pub height: f32,
    pub dpr: f32,
    /// Per node: selected by the filters (and inside the ego network, if any).
    pub shown: Vec<bool>,
    /// Hide (true) or fade (false) nodes that are not shown.
    pub hide: bool,
    pub hovered: Option<u32>,
    pub keyboard: Option<u32>,
    pub highlighted: Vec<bool>,
    pub highlighted_count: u32,
    pub size_by: SizeBy,
    /// The edges of the projects in view (`Graph::edges_in_view`; None: every edge, no year is chosen) and
    /// how many there are.
    edges_in_view: Option<Bitset>,
    pub edge_count: usize,
    /// Each actor's project volume in view (size by volume), by actor index.
    volume_in_view: Vec<u64>,
    /// The last frame's edge subsample: 1 draws every edge; n draws every n-th (only while the layout moves).
    pub edge_stride: usize,
    radius: Vec<f32>,
    colour: Vec<u8>,
    shape: Vec<Shape>,
    names: Vec<String>,
    /// Node ids by importance (technologies first, then degree): label and list order.
    importance: Vec<u32>,
    sx: Vec<f32>,
    sy: Vec<f32>,
    frame: Frame,
    pub palette: Palette,
    pub renderer: Box<dyn Renderer>,
    pub last_iteration_ms: f64,
    /// Every iteration's time (for the benchmark's median) and the layout's start and duration.
    pub iteration_ms: Vec<f32>,
    pub started_ms: f64,
    pub layout_ms: f64,
}

impl Engine {
    pub fn new(
        ds: &Dataset,
        idx: &ecomap_core::index::Index,
        mode: GraphMode,
        lang: Lang,
        renderer: Box<dyn Renderer>,
    ) -> Engine {
        let graph = Graph::build(ds, idx, mode);
        let known: Vec<Option<(f32, f32)>> = ds.actors.iter().map(|a| a.position).collect();
        let (x, y) = start_positions(&graph, &known, 1);
        let layout = LayoutState::new(&graph, x, y, Settings::readable());
        let n = graph.len();
        let volume_in_view = size::all_volumes(idx, graph.actors);
        let radius = size::radii(&graph, &volume_in_view, SizeBy::Degree);
        let edge_count = graph.edges.len();
        let mut colour = Vec::with_capacity(n);
        let mut shape = Vec::with_capacity(n);
        let mut names = Vec::with_capacity(n);
        for i in 0..n as u32 {
            match graph.node(i) {
                NodeRef::Actor(a) => {
                    let actor = ds.actor(a);
                    colour.push(actor.kind.index() as u8);
                    shape.push(shape_of(actor.kind));
                    names.push(actor.name.clone());
                }
                NodeRef::Technology(t) => {
                    colour.push(7);
                    shape.push(Shape::Octagon);
                    names.push(ds.technology(t).name.get(lang).to_string());
                }
            }
        }
        let mut importance: Vec<u32> = (0..n as u32).collect();
        ecomap_core::order::sort_by(&mut importance, |&a, &b| {
            let ta = a as usize >= graph.actors;
            let tb = b as usize >= graph.actors;
            tb.cmp(&ta).then(graph.degree(b).cmp(&graph.degree(a))).then(a.cmp(&b))
        });
        Engine {
            shown: vec![true; n],
            highlighted: vec![false; n],
            highlighted_count: 0,
            size_by: SizeBy::Degree,
            edges_in_view: None,
            edge_count,
            volume_in_view,
            edge_stride: 1,
            graph,
            layout,
            status: if n == 0 {
                LayoutStatus::Done
            } else {
                LayoutStatus::Running
            },
            camera: Camera::default(),
            drawn: Camera::default(),
            user_camera: false,
            width: 300.0,
            height: 300.0,
            dpr: 1.0,
            hide: false,
            hovered: None,
            keyboard: None,
            radius,
            colour,
            shape,
            names,
            importance,
            sx: vec![0.0; n],
            sy: vec![0.0; n],
            frame: Frame::default(),
            palette: Palette::default(),
            renderer,
            last_iteration_ms: 0.0,
            iteration_ms: Vec::new(),
            started_ms: 0.0,
            layout_ms: 0.0,
        }
    }

    pub fn len(&self) -> usize {
        self.graph.len()
    }

    /// Median iteration time so far, in ms.
    pub fn median_iteration_ms(&self) -> f32 {
        let mut v = self.iteration_ms.clone();
        ecomap_core::order::sort_by(&mut v, |a, b| a.total_cmp(b));
        v.get(v.len() / 2).copied().unwrap_or(0.0)
    }

    pub fn name(&self, i: u32) -> &str {
        &self.names[i as usize]
    }

    /// Runs layout iterations until `budget_ms` would be exceeded (at least one). Returns true when it stopped.
    pub fn run_slice(&mut self, budget_ms: f64, now: impl Fn() -> f64) -> bool {
        if self.status != LayoutStatus::Running {
            return false;
        }
        let start = now();
        loop {
            let t = now();
            step(&mut self.layout, 1);
            self.last_iteration_ms = now() - t;
            self.iteration_ms.push(self.last_iteration_ms as f32);
            if self.layout.movement < STOP_MOVEMENT || self.layout.iterations >= MAX_ITERATIONS {
                self.status = LayoutStatus::Done;
                self.layout_ms = now() - self.started_ms;
                return true;
            }
            if now() - start + self.last_iteration_ms > budget_ms {
                return false;
            }
        }
    }

    /// Takes positions from the layout worker. Pause and resume are the page's: while paused, late messages
    /// are ignored (the picture and the iteration count hold still); the worker only says when it stopped.
    /// Returns true when the layout stopped with this update.
    pub fn apply_update(&mut self, u: &Update, now_ms: f64) -> bool {
        if self.status == LayoutStatus::Paused {
            return false;
        }
        if u.x.len() == self.len() && u.y.len() == self.len() {
            self.layout.x.copy_from_slice(&u.x);
            self.layout.y.copy_from_slice(&u.y);
        }
        self.layout.iterations = u.iterations;
        self.layout.movement = u.movement;
        self.iteration_ms.extend_from_slice(&u.times);
        if let Some(&t) = u.times.last() {
            self.last_iteration_ms = t as f64;
        }
        if u.done {
            let stopped = self.status != LayoutStatus::Done;
            self.status = LayoutStatus::Done;
            self.layout_ms = now_ms - self.started_ms;
            return stopped;
        }
        false
    }

    /// Pauses a running layout, or runs a paused or finished one on (up to `MAX_ITERATIONS` more); true
    /// when it runs now.
    pub fn toggle_pause(&mut self) -> bool {
        match self.status {
            LayoutStatus::Running => {
                self.status = LayoutStatus::Paused;
                false
            }
            LayoutStatus::Paused | LayoutStatus::Done => {
                self.status = LayoutStatus::Running;
                self.layout.wake(MAX_ITERATIONS);
                true
            }
        }
    }

    /// The hovered (or keyboard-focused) node and its shown neighbours.
    pub fn update_highlight(&mut self) {
        self.highlighted.iter_mut().for_each(|h| *h = false);
        self.highlighted_count = 0;
        if let Some(h) = self.hovered.or(self.keyboard) {
            if !self.shown[h as usize] && self.hide {
                return;
            }
            self.highlighted[h as usize] = true;
            self.highlighted_count = 1;
            for &j in self.graph.neighbours(h) {
                if self.shown[j as usize] && !self.highlighted[j as usize] {
                    self.highlighted[j as usize] = true;
                    self.highlighted_count += 1;
                }
            }
        }
    }

    /// Bounding box of the shown nodes (all nodes when none is shown).
    fn bounds(&self) -> [f32; 4] {
        let mut b = [f32::INFINITY, f32::INFINITY, f32::NEG_INFINITY, f32::NEG_INFINITY];
        let any = self.shown.iter().any(|&s| s);
        for i in 0..self.len() {
            if any && !self.shown[i] {
                continue;
            }
            let (x, y) = (self.layout.x[i], self.layout.y[i]);
            b = [b[0].min(x), b[1].min(y), b[2].max(x), b[3].max(y)];
        }
        if !b[0].is_finite() {
            return [-1.0, -1.0, 1.0, 1.0];
        }
        b
    }

    pub fn fit(&mut self) {
        self.camera = Camera::fit(self.bounds(), self.width, self.height);
    }

    pub fn centre_on(&mut self, i: u32) {
        if (i as usize) < self.len() {
            self.camera.x = self.layout.x[i as usize];
            self.camera.y = self.layout.y[i as usize];
        }
    }

    pub fn resize(&mut self, w: f32, h: f32, dpr: f32) {
        self.width = w.max(1.0);
        self.height = h.max(1.0);
        self.dpr = dpr;
        self.renderer.resize(self.width, self.height, dpr);
    }
}
