//! The network engine: graph + layout + camera + per-node display state, turned into a `Frame` for a renderer.
//!
//! Not reactive: the component (mod.rs) owns it in an `Rc<RefCell<_>>`, feeds it the selection, focus and
//! pointer input, and takes the positions of the layout worker (`apply_update`) or, when there is no worker,
//! runs the layout itself in slices per animation frame (`run_slice`).

use ecomap_core::graph::{EdgeKind, Graph, GraphMode, NodeRef};
use ecomap_core::layout::{start_positions, step, LayoutState, Settings};
use ecomap_core::model::{ActorId, ActorKind, Dataset, Lang};
use ecomap_core::stats::{area_radius, size_reference};

use super::camera::Camera;
use super::labels;
use super::layout_client::Update;
use super::render::{Frame, Label, Layer, NodeDraw, Palette, Renderer, Shape};

/// The layout stops by itself below this movement (mean step / extent) or after `MAX_ITERATIONS`.
pub const STOP_MOVEMENT: f32 = 0.0008;
pub const MAX_ITERATIONS: u32 = 600;
/// Above this many edges, a frame draws a regular subsample of them (fewer while the layout moves);
/// highlighted edges are always drawn.
const MOVING_EDGE_BUDGET: usize = 30_000;
const REST_EDGE_BUDGET: usize = 60_000;

/// Where the layout stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LayoutStatus {
    Running,
    Paused,
    Done,
}

impl LayoutStatus {
    pub fn key(self) -> &'static str {
        match self {
            LayoutStatus::Running => "running",
            LayoutStatus::Paused => "paused",
            LayoutStatus::Done => "done",
        }
    }
}

pub fn shape_of(kind: ActorKind) -> Shape {
    match kind {
        ActorKind::Startup => Shape::Triangle,
        ActorKind::Sme => Shape::Circle,
        ActorKind::Corporation => Shape::Square,
        ActorKind::Research => Shape::Diamond,
        ActorKind::University => Shape::Pentagon,
        ActorKind::Network => Shape::Hexagon,
        ActorKind::Public => Shape::TriangleDown,
    }
}

/// What an actor's size shows (technologies are always the large octagon hubs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SizeBy {
    /// Number of connections in the current graph.
    Degree,
    /// Sum of the total volumes of the projects the actor takes part in.
    Volume,
}

impl SizeBy {
    pub fn key(self) -> &'static str {
        match self {
            SizeBy::Degree => "degree",
            SizeBy::Volume => "volume",
        }
    }

    pub fn parse(s: &str) -> Option<SizeBy> {
        match s {
            "degree" => Some(SizeBy::Degree),
            "volume" => Some(SizeBy::Volume),
            _ => None,
        }
    }
}

/// Radius of a technology hub; actors range from `ACTOR_MIN` to `ACTOR_MAX` (CSS px, before the zoom factor).
const HUB_RADIUS: f32 = 14.0;
const ACTOR_MIN: f32 = 2.5;
const ACTOR_MAX: f32 = 12.0;

/// Node radii for a size choice: by degree `2.5 + 1.2 √degree` (capped), by volume on an area scale whose
/// maximum is reached at the 98th percentile of the actors' volumes.
fn radii(graph: &Graph, idx: &ecomap_core::index::Index, by: SizeBy) -> Vec<f32> {
    let reference = match by {
        SizeBy::Degree => 0.0,
        SizeBy::Volume => size_reference((0..graph.actors).map(|a| idx.actor_volume(ActorId(a as u32)).0)),
    };
    (0..graph.len() as u32)
        .map(|i| match graph.node(i) {
            NodeRef::Technology(_) => HUB_RADIUS,
            NodeRef::Actor(a) => match by {
                SizeBy::Degree => (ACTOR_MIN + 1.2 * (graph.degree(i) as f32).sqrt()).min(ACTOR_MAX),
                SizeBy::Volume => area_radius(idx.actor_volume(a).0 as f64, reference, ACTOR_MIN, ACTOR_MAX),
            },
        })
        .collect()
}

/// A node in the accessible list (and the test hook): its id, name and screen position.
#[derive(Clone, Debug, PartialEq)]
pub struct ListItem {
    pub node: u32,
    pub name: String,
    pub technology: bool,
    pub x: f32,
    pub y: f32,
    /// Drawn radius in CSS px.
    pub r: f32,
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
        let radius = radii(&graph, idx, SizeBy::Degree);
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
        importance.sort_by_key(|&i| (i as usize) < graph.actors);
        importance.sort_by(|&a, &b| {
            let ta = a as usize >= graph.actors;
            let tb = b as usize >= graph.actors;
            tb.cmp(&ta).then(graph.degree(b).cmp(&graph.degree(a))).then(a.cmp(&b))
        });
        Engine {
            shown: vec![true; n],
            highlighted: vec![false; n],
            highlighted_count: 0,
            size_by: SizeBy::Degree,
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

    /// Sizes actors by degree or by project volume.
    pub fn set_size_by(&mut self, by: SizeBy, idx: &ecomap_core::index::Index) {
        if by != self.size_by {
            self.size_by = by;
            self.radius = radii(&self.graph, idx, by);
        }
    }

    /// Median iteration time so far, in ms.
    pub fn median_iteration_ms(&self) -> f32 {
        let mut v = self.iteration_ms.clone();
        v.sort_by(|a, b| a.total_cmp(b));
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

    /// Which nodes are drawn: `selected(actor index)` from the filters, `ego` limits to an ego network.
    pub fn set_shown(&mut self, selected: impl Fn(usize) -> bool, ego: Option<&[(u32, u8)]>) {
        let n = self.len();
        let na = self.graph.actors;
        for i in 0..na {
            self.shown[i] = selected(i);
        }
        // A technology is shown when one of its actors is.
        for i in na..n {
            let any = self.graph.neighbours(i as u32).iter().any(|&j| self.shown[j as usize]);
            self.shown[i] = any;
        }
        if let Some(ego) = ego {
            let mut inside = vec![false; n];
            for &(v, _) in ego {
                inside[v as usize] = true;
            }
            for (s, ins) in self.shown.iter_mut().zip(&inside) {
                *s = *s && *ins;
            }
            for &(v, _) in ego.iter().take(1) {
                self.shown[v as usize] = true;
            }
        }
        self.update_highlight();
    }

    pub fn visible_count(&self) -> u32 {
        self.shown.iter().filter(|&&s| s).count() as u32
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

    fn drawable(&self, i: usize) -> bool {
        self.shown[i] || !self.hide
    }

    fn layer(&self, i: usize) -> Layer {
        if !self.shown[i] {
            Layer::Faded
        } else if self.highlighted_count > 0 {
            if self.highlighted[i] {
                Layer::Highlight
            } else {
                Layer::Faded
            }
        } else {
            Layer::Normal
        }
    }

    /// Node size grows a little with zoom, so a zoomed-in cluster separates.
    fn size_factor(&self) -> f32 {
        let fit = Camera::fit(self.bounds(), self.width, self.height).scale;
        (self.camera.scale / fit).sqrt().clamp(0.7, 2.5)
    }

    /// Screen positions of every node for the current camera.
    fn project(&mut self) {
        let (w, h) = (self.width, self.height);
        for i in 0..self.len() {
            let (x, y) = self.camera.to_screen(self.layout.x[i], self.layout.y[i], w, h);
            self.sx[i] = x;
            self.sy[i] = y;
        }
    }

    /// Builds the frame and draws it. `moving`: the layout animates (fewer edges and labels).
    pub fn draw(&mut self, moving: bool) {
        if self.status == LayoutStatus::Running && !self.user_camera {
            self.fit();
        }
        self.project();
        let (w, h) = (self.width, self.height);
        let sf = self.size_factor();
        let mut frame = std::mem::take(&mut self.frame);
        frame.clear();
        frame.width = w;
        frame.height = h;
        let inside = |x: f32, y: f32, m: f32| x > -m && y > -m && x < w + m && y < h + m;
        // Edges: skip hidden ends, off-screen and sub-pixel ones; a regular subsample above the budget.
        let ne = self.graph.edges.len();
        let budget = if moving { MOVING_EDGE_BUDGET } else { REST_EDGE_BUDGET };
        let stride = if ne > budget { ne.div_ceil(budget) } else { 1 };
        for (k, e) in self.graph.edges.iter().enumerate() {
            let (a, b) = (e.a as usize, e.b as usize);
            let hl = self.highlighted[a]
                && self.highlighted[b]
                && self
                    .hovered
                    .or(self.keyboard)
                    .is_some_and(|h| h as usize == a || h as usize == b);
            if !hl && stride > 1 && k % stride != 0 {
                continue;
            }
            if !self.drawable(a) || !self.drawable(b) {
                continue;
            }
            let (x0, y0, x1, y1) = (self.sx[a], self.sy[a], self.sx[b], self.sy[b]);
            if (x0 < 0.0 && x1 < 0.0) || (y0 < 0.0 && y1 < 0.0) || (x0 > w && x1 > w) || (y0 > h && y1 > h) {
                continue;
            }
            if !hl && (x0 - x1).abs() + (y0 - y1).abs() < 0.5 {
                continue;
            }
            let layer = if hl {
                Layer::Highlight
            } else if self.shown[a] && self.shown[b] && self.highlighted_count == 0 {
                Layer::Normal
            } else {
                Layer::Faded
            };
            // Technology edges are lighter than collaborations: many actors share a hub.
            if layer == Layer::Normal && e.kind == EdgeKind::Technology && ne > 2000 && k % 2 == 1 {
                continue;
            }
            frame.edges[layer as usize].push([x0, y0, x1, y1]);
        }
        // Nodes: faded first, then normal, highlighted last (drawn on top per layer by the renderer).
        for i in 0..self.len() {
            if !self.drawable(i) {
                continue;
            }
            let r = self.radius[i] * sf;
            if !inside(self.sx[i], self.sy[i], r + 2.0) {
                continue;
            }
            frame.nodes.push(NodeDraw {
                x: self.sx[i],
                y: self.sy[i],
                r,
                shape: self.shape[i],
                colour: self.colour[i],
                layer: self.layer(i),
            });
        }
        // Labels: highlighted first, then by importance, the ones that fit.
        let mut order: Vec<u32> = Vec::new();
        if let Some(hn) = self.hovered.or(self.keyboard) {
            order.push(hn);
            order.extend(
                self.graph
                    .neighbours(hn)
                    .iter()
                    .copied()
                    .filter(|&j| self.shown[j as usize]),
            );
        }
        let limit = if moving { 12 } else { 60 };
        order.extend(
            self.importance
                .iter()
                .copied()
                .filter(|&i| self.shown[i as usize] && inside(self.sx[i as usize], self.sy[i as usize], 0.0))
                .take(400),
        );
        let mut seen = std::collections::HashSet::new();
        order.retain(|i| seen.insert(*i));
        let cands: Vec<(f32, f32, f32)> = order
            .iter()
            .map(|&i| {
                let tech = i as usize >= self.graph.actors;
                let cw = if tech { 7.5 } else { 6.2 };
                let i = i as usize;
                let text_w = self.names[i].chars().count().min(40) as f32 * cw;
                (text_w, self.sx[i] + self.radius[i] * sf + 3.0, self.sy[i])
            })
            .collect();
        for k in labels::place(&cands, w, h, 15.0, limit) {
            let i = order[k] as usize;
            let mut text = self.names[i].clone();
            if text.chars().count() > 40 {
                text = text.chars().take(39).collect::<String>() + "…";
            }
            frame.labels.push(Label {
                text,
                x: cands[k].1,
                y: cands[k].2,
                strong: i >= self.graph.actors || Some(i as u32) == self.hovered,
            });
        }
        if let Some(k) = self.keyboard {
            let k = k as usize;
            frame.ring = Some((self.sx[k], self.sy[k], self.radius[k] * sf));
        }
        self.renderer.draw(&frame, &self.palette);
        self.frame = frame;
        self.drawn = self.camera;
    }

    /// The shown node under the screen point, if any (nearest within its radius + 4 px).
    pub fn pick(&self, px: f32, py: f32) -> Option<u32> {
        let (w, h) = (self.width, self.height);
        let sf = self.size_factor();
        let mut best: Option<(f32, u32)> = None;
        for i in 0..self.len() {
            if !self.shown[i] {
                continue;
            }
            let (x, y) = self.camera.to_screen(self.layout.x[i], self.layout.y[i], w, h);
            let d2 = (x - px).powi(2) + (y - py).powi(2);
            let r = self.radius[i] * sf + 4.0;
            if d2 <= r * r && best.is_none_or(|(bd, _)| d2 < bd) {
                best = Some((d2, i as u32));
            }
        }
        best.map(|(_, i)| i)
    }

    /// The nearest shown node from `from` in a direction (dx, dy) on screen (a 90° cone).
    pub fn nearest_in_direction(&self, from: u32, dx: f32, dy: f32) -> Option<u32> {
        let (w, h) = (self.width, self.height);
        let (fx, fy) = self
            .camera
            .to_screen(self.layout.x[from as usize], self.layout.y[from as usize], w, h);
        let mut best: Option<(f32, u32)> = None;
        for i in 0..self.len() {
            if !self.shown[i] || i as u32 == from {
                continue;
            }
            let (x, y) = self.camera.to_screen(self.layout.x[i], self.layout.y[i], w, h);
            let (vx, vy) = (x - fx, y - fy);
            let along = vx * dx + vy * dy;
            let across = (vx * dy - vy * dx).abs();
            if along <= 0.0 || across > along {
                continue;
            }
            let score = along + 2.0 * across;
            if best.is_none_or(|(b, _)| score < b) {
                best = Some((score, i as u32));
            }
        }
        best.map(|(_, i)| i)
    }

    /// The most important shown nodes with their screen positions (the accessible list).
    pub fn list(&self, max: usize) -> Vec<ListItem> {
        let (w, h) = (self.width, self.height);
        let sf = self.size_factor();
        let mut out: Vec<ListItem> = Vec::new();
        let push = |i: u32, out: &mut Vec<ListItem>| {
            if out.iter().any(|it| it.node == i) {
                return;
            }
            let (x, y) = self
                .camera
                .to_screen(self.layout.x[i as usize], self.layout.y[i as usize], w, h);
            out.push(ListItem {
                node: i,
                name: self.names[i as usize].clone(),
                technology: i as usize >= self.graph.actors,
                x,
                y,
                r: self.radius[i as usize] * sf,
            });
        };
        if let Some(k) = self.keyboard {
            push(k, &mut out);
            for &j in self.graph.neighbours(k) {
                if self.shown[j as usize] && out.len() < max {
                    push(j, &mut out);
                }
            }
        }
        for &i in &self.importance {
            if out.len() >= max {
                break;
            }
            if self.shown[i as usize] {
                push(i, &mut out);
            }
        }
        out
    }

    pub fn resize(&mut self, w: f32, h: f32, dpr: f32) {
        self.width = w.max(1.0);
        self.height = h.max(1.0);
        self.dpr = dpr;
        self.renderer.resize(self.width, self.height, dpr);
    }
}
