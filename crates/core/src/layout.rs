//! ForceAtlas2 layout with a Barnes-Hut quadtree: deterministic for a seed, never NaN, driven by `step`.
//!
//! Design: the quadtree knows nothing about forces; it offers two generic walks (post-order `visit_after` to
//! accumulate, pre-order `visit` to prune), as d3-quadtree does. The layout keeps flat named arrays
//! (`x`, `y`, `mass`, `dx`, ...): the app's Web Worker builds one from the arrays the page sends
//! ([`LayoutState::from_parts`]) and runs `step`; the page's fallback runs `step(state, 1)` per animation frame.

use crate::generate::SplitMix64;
use crate::graph::Graph;

/// The force walk runs once per cell of at most this many bodies (see `repulsion`).
const GROUP_SIZE: u32 = 32;
/// Leaves hold up to this many bodies; their forces are computed exactly.
const LEAF_SIZE: usize = 8;
/// Deeper cells become leaves whatever they hold (coincident bodies end here).
const MAX_DEPTH: u32 = 28;
/// Pairs closer than this are pushed apart as if this far, in a direction derived from their ids.
const MIN_DISTANCE: f32 = 0.01;

/// One square cell of the quadtree, in pre-order; `skip` is the index after its subtree.
#[derive(Clone, Copy, Debug, Default)]
pub struct Cell {
    pub x0: f32,
    pub y0: f32,
    pub size: f32,
    /// Bodies of this cell are `QuadTree::order[start..end]`.
    pub start: u32,
    pub end: u32,
    pub skip: u32,
    pub leaf: bool,
}

/// A region quadtree over points, rebuilt per layout step into reused buffers.
#[derive(Clone, Debug, Default)]
pub struct QuadTree {
    pub cells: Vec<Cell>,
    /// Body ids in tree order (each leaf's bodies are contiguous).
    pub order: Vec<u32>,
}

impl QuadTree {
    /// Rebuilds the tree over the points `(x[i], y[i])`. O(n log n); coincident points share a leaf.
    pub fn build(&mut self, x: &[f32], y: &[f32]) {
        self.cells.clear();
        self.order.clear();
        let n = x.len().min(y.len());
        if n == 0 {
            return;
        }
        self.order.extend(0..n as u32);
        let (mut x0, mut y0, mut x1, mut y1) = (f32::INFINITY, f32::INFINITY, f32::NEG_INFINITY, f32::NEG_INFINITY);
        for i in 0..n {
            x0 = x0.min(x[i]);
            y0 = y0.min(y[i]);
            x1 = x1.max(x[i]);
            y1 = y1.max(y[i]);
        }
        let size = ((x1 - x0).max(y1 - y0) * 1.0001).max(1e-3);
        self.build_cell(x, y, 0, n, x0, y0, size, 0);
    }

    #[allow(clippy::too_many_arguments)]
    fn build_cell(&mut self, x: &[f32], y: &[f32], start: usize, end: usize, x0: f32, y0: f32, size: f32, depth: u32) {
        let me = self.cells.len();
        let leaf = end - start <= LEAF_SIZE || depth >= MAX_DEPTH;
        self.cells.push(Cell {
            x0,
            y0,
            size,
            start: start as u32,
            end: end as u32,
            skip: 0,
            leaf,
        });
        if !leaf {
            let h = size * 0.5;
            let (mx, my) = (x0 + h, y0 + h);
            let order = &mut self.order;
            let mid = partition(&mut order[start..end], |i| y[i as usize] < my) + start;
            let q0 = partition(&mut order[start..mid], |i| x[i as usize] < mx) + start;
            let q1 = partition(&mut order[mid..end], |i| x[i as usize] < mx) + mid;
            for (s, e, cx, cy) in [
                (start, q0, x0, y0),
                (q0, mid, mx, y0),
                (mid, q1, x0, my),
                (q1, end, mx, my),
            ] {
                if s < e {
                    self.build_cell(x, y, s, e, cx, cy, h, depth + 1);
                }
            }
        }
        self.cells[me].skip = self.cells.len() as u32;
    }

    /// Calls `f(cell)` for every cell after all of its descendants (post-order): accumulate bottom-up.
    pub fn visit_after(&self, mut f: impl FnMut(usize)) {
        for c in (0..self.cells.len()).rev() {
            f(c);
        }
    }

    /// Walks cells in pre-order; `f(cell)` returns true to descend into the cell's children.
    pub fn visit(&self, mut f: impl FnMut(usize) -> bool) {
        let mut c = 0;
        while c < self.cells.len() {
            c = if f(c) { c + 1 } else { self.cells[c].skip as usize };
        }
    }

    /// The children of an inner cell (empty for a leaf).
    pub fn children(&self, c: usize) -> impl Iterator<Item = usize> + '_ {
        let end = self.cells[c].skip as usize;
        let mut next = if self.cells[c].leaf { end } else { c + 1 };
        std::iter::from_fn(move || {
            (next < end).then(|| {
                let k = next;
                next = self.cells[k].skip as usize;
                k
            })
        })
    }

    /// The body ids of a cell.
    pub fn bodies(&self, c: usize) -> &[u32] {
        let cell = &self.cells[c];
        &self.order[cell.start as usize..cell.end as usize]
    }
}

/// Moves the items for which `pred` holds to the front; returns their count.
fn partition(v: &mut [u32], pred: impl Fn(u32) -> bool) -> usize {
    let mut k = 0;
    for i in 0..v.len() {
        if pred(v[i]) {
            v.swap(i, k);
            k += 1;
        }
    }
    k
}

/// ForceAtlas2 settings (names as in Gephi / graphology).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Settings {
    /// Repulsion strength (kr).
    pub scaling_ratio: f32,
    /// Pull towards the origin, proportional to mass.
    pub gravity: f32,
    /// Gravity grows with the distance (FA2's "strong gravity"): isolated nodes and small components stay
    /// near the rest instead of drifting to the edge.
    pub strong_gravity: bool,
    /// Barnes-Hut accuracy: a cell of side s at distance d counts as one body when s / d < theta (<= 0.7).
    pub theta: f32,
    /// Edge weights count as weight^influence (0 = unweighted).
    pub edge_weight_influence: f32,
    /// Larger lets nodes swing more (Gephi's jitter tolerance).
    pub jitter_tolerance: f32,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            scaling_ratio: 2.0,
            gravity: 1.0,
            strong_gravity: false,
            theta: 0.5,
            edge_weight_influence: 1.0,
            jitter_tolerance: 1.0,
        }
    }
}

impl Settings {
    /// What the app and `ecomap layout` use: strong gravity keeps isolated actors and small components near
    /// the rest (on the demo the farthest node is 2.8x the median distance from the centre instead of 6.7x);
    /// theta 0.7 (the largest that never lets a cell act on a body inside it) takes about a third less
    /// repulsion time than theta 0.5 at 50k nodes. Its force error against the exact sum: below 2 % summed in
    /// tests/layout.rs; on the 50k synthetic collaboration graph 0.1 % (start) and 0.3 % (after 150
    /// iterations) summed, 99 % of the nodes within 1.3 % (`layout-force-error` of `cargo bench --bench
    /// network`, docs/benchmarks.md). Both layouts end at the same quality (bench/layout.mjs).
    pub fn readable() -> Settings {
        Settings {
            strong_gravity: true,
            gravity: 0.05,
            theta: 0.7,
            ..Settings::default()
        }
    }
}

/// Everything the layout needs between steps, as flat arrays indexed by node (or edge).
#[derive(Clone, Debug, Default)]
pub struct LayoutState {
    pub settings: Settings,
    pub x: Vec<f32>,
    pub y: Vec<f32>,
    /// Degree + 1 (FA2's mass: hubs repel more).
    pub mass: Vec<f32>,
    pub edge_a: Vec<u32>,
    pub edge_b: Vec<u32>,
    pub edge_w: Vec<f32>,
    pub dx: Vec<f32>,
    pub dy: Vec<f32>,
    old_dx: Vec<f32>,
    old_dy: Vec<f32>,
    /// Global speed and its efficiency (FA2's adaptive speed).
    pub speed: f32,
    speed_efficiency: f32,
    /// Iterations run so far.
    pub iterations: u32,
    /// Mean displacement of the last iteration relative to the layout's extent (small = converged).
    pub movement: f32,
    tree: QuadTree,
    walk: Vec<WalkCell>,
    bodies: Vec<(f32, f32, f32, u32)>,
    /// The grouped walk's lists for one leaf: far cells (centre of mass, mass) and near leaves (body range).
    far: Vec<(f32, f32, f32)>,
    near: Vec<(u32, u32)>,
}

/// Deterministic unit direction for a pair of (coincident) bodies; opposite for (b, a).
fn pair_direction(a: u32, b: u32) -> (f32, f32) {
    let (lo, hi) = (a.min(b), a.max(b));
    let mut r = SplitMix64::new(((lo as u64) << 32) | hi as u64);
    let angle = (r.unit() * std::f64::consts::TAU) as f32;
    let s = if a < b { 1.0 } else { -1.0 };
    (angle.cos() * s, angle.sin() * s)
}

impl LayoutState {
    /// A state for `graph` starting at `(x, y)` (see [`start_positions`]).
    pub fn new(graph: &Graph, x: Vec<f32>, y: Vec<f32>, settings: Settings) -> LayoutState {
        let n = graph.len();
        debug_assert_eq!(x.len(), n);
        let mass = (0..n as u32).map(|i| graph.degree(i) as f32 + 1.0).collect();
        let w = settings.edge_weight_influence;
        LayoutState::from_parts(
            x,
            y,
            mass,
            graph.edges.iter().map(|e| e.a).collect(),
            graph.edges.iter().map(|e| e.b).collect(),
            graph
                .edges
                .iter()
                .map(|e| if w == 0.0 { 1.0 } else { e.weight.powf(w) })
                .collect(),
            settings,
        )
    }

    /// A state from flat arrays (what a Web Worker receives): positions, masses and edges with their weights
    /// already raised to the edge-weight influence. Edges naming a node out of range are ignored, and arrays
    /// of unequal length are cut to the shortest, so a malformed message can never make a step panic.
    #[allow(clippy::too_many_arguments)]
    pub fn from_parts(
        mut x: Vec<f32>,
        mut y: Vec<f32>,
        mut mass: Vec<f32>,
        edge_a: Vec<u32>,
        edge_b: Vec<u32>,
        edge_w: Vec<f32>,
        settings: Settings,
    ) -> LayoutState {
        let n = x.len().min(y.len()).min(mass.len());
        x.truncate(n);
        y.truncate(n);
        mass.truncate(n);
        let (mut ea, mut eb, mut ew) = (Vec::new(), Vec::new(), Vec::new());
        for ((&a, &b), &w) in edge_a.iter().zip(&edge_b).zip(&edge_w) {
            if (a as usize) < n && (b as usize) < n && w.is_finite() {
                ea.push(a);
                eb.push(b);
                ew.push(w);
            }
        }
        LayoutState {
            settings,
            x,
            y,
            mass,
            edge_a: ea,
            edge_b: eb,
            edge_w: ew,
            dx: vec![0.0; n],
            dy: vec![0.0; n],
            old_dx: vec![0.0; n],
            old_dy: vec![0.0; n],
            speed: 1.0,
            speed_efficiency: 1.0,
            iterations: 0,
            movement: f32::INFINITY,
            ..LayoutState::default()
        }
    }

    /// Makes a stopped layout run again (resume after it stopped by itself): movement unknown, and the
    /// iteration count starts over once it has reached `max_iterations`.
    pub fn wake(&mut self, max_iterations: u32) {
        self.movement = f32::INFINITY;
        if self.iterations >= max_iterations {
            self.iterations = 0;
        }
    }

    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.x.len()
    }

    pub fn is_empty(&self) -> bool {
        self.x.is_empty()
    }
}

/// Repulsion forces only (Barnes-Hut with `theta`, or exact when `theta == 0`), into `state.dx/dy`.
/// Exposed so tests can compare the approximation with the exact O(n²) sum.
pub fn repulsion(state: &mut LayoutState, theta: f32) {
    let n = state.len();
    state.dx.iter_mut().for_each(|v| *v = 0.0);
    state.dy.iter_mut().for_each(|v| *v = 0.0);
    if n < 2 {
        return;
    }
    let kr = state.settings.scaling_ratio;
    let min_d2 = MIN_DISTANCE * MIN_DISTANCE;
    let (x, y, m) = (&state.x, &state.y, &state.mass);
    if theta <= 0.0 {
        for i in 0..n {
            let (mut fx, mut fy) = (0.0f32, 0.0f32);
            for j in 0..n {
                if i != j {
                    let (gx, gy) = pair_force(i as u32, j as u32, x[i] - x[j], y[i] - y[j], m[i] * m[j], kr, min_d2);
                    fx += gx;
                    fy += gy;
                }
            }
            state.dx[i] = fx;
            state.dy[i] = fy;
        }
        return;
    }
    state.tree.build(x, y);
    let tree = &state.tree;
    // Post-order walk: mass and centre of mass of every cell.
    let cells = tree.cells.len();
    let walk = &mut state.walk;
    walk.clear();
    walk.resize(cells, WalkCell::default());
    tree.visit_after(|c| {
        let (mut sm, mut sx, mut sy) = (0.0f32, 0.0f32, 0.0f32);
        let cell = &tree.cells[c];
        if cell.leaf {
            for &b in tree.bodies(c) {
                let b = b as usize;
                sm += m[b];
                sx += m[b] * x[b];
                sy += m[b] * y[b];
            }
        } else {
            for k in tree.children(c) {
                let w = &walk[k];
                sm += w.mass;
                sx += w.mass * w.x;
                sy += w.mass * w.y;
            }
        }
        walk[c] = WalkCell {
            x: if sm > 0.0 { sx / sm } else { 0.0 },
            y: if sm > 0.0 { sy / sm } else { 0.0 },
            mass: sm,
            // A cell counts as one body when size / d < theta, i.e. d² > size² / theta².
            far2: cell.size * cell.size / (theta * theta),
            skip: cell.skip,
            start: cell.start,
            end: if cell.leaf { cell.end } else { cell.start },
        };
    });
    // Bodies in tree order, so a leaf's bodies are contiguous in memory.
    let bodies = &mut state.bodies;
    bodies.clear();
    bodies.extend(
        tree.order
            .iter()
            .map(|&i| (x[i as usize], y[i as usize], m[i as usize], i)),
    );
    // Grouped walk (Barnes 1990): the tree is walked once per leaf instead of once per body. A cell counts
    // as one body for the whole leaf when it is far enough from the leaf's bounding box (so for every body in
    // it: never less accurate than the per-body test); the walk's two lists are then summed per body in
    // tight loops. Cells that contain the leaf are always opened (no body ever acts on itself).
    let walk = &state.walk;
    let bodies = &state.bodies;
    let far = &mut state.far;
    let near = &mut state.near;
    let mut g = 0usize;
    while g < walk.len() {
        let cell = &tree.cells[g];
        if !cell.leaf && cell.end - cell.start > GROUP_SIZE {
            g += 1;
            continue;
        }
        let group = *cell;
        let gi = g;
        g = cell.skip as usize;
        let (gs, ge) = (group.start as usize, group.end as usize);
        let (mut bx0, mut by0, mut bx1, mut by1) = (f32::INFINITY, f32::INFINITY, f32::NEG_INFINITY, f32::NEG_INFINITY);
        for &(xb, yb, _, _) in &bodies[gs..ge] {
            bx0 = bx0.min(xb);
            by0 = by0.min(yb);
            bx1 = bx1.max(xb);
            by1 = by1.max(yb);
        }
        far.clear();
        near.clear();
        let mut c = 0usize;
        while c < walk.len() {
            let w = &walk[c];
            // In pre-order, the cells containing the group are those whose subtree [c, skip) holds it.
            let contains = c <= gi && gi < w.skip as usize;
            // Distance from the cell's centre of mass to the nearest point of the leaf's bounding box.
            let ddx = (bx0 - w.x).max(0.0).max(w.x - bx1);
            let ddy = (by0 - w.y).max(0.0).max(w.y - by1);
            if !contains && ddx * ddx + ddy * ddy > w.far2 {
                far.push((w.x, w.y, w.mass));
                c = w.skip as usize;
            } else if w.end > w.start {
                near.push((w.start, w.end));
                c = w.skip as usize;
            } else {
                c += 1;
            }
        }
        for (k, &(xi, yi, mi, i)) in bodies[gs..ge].iter().enumerate() {
            let k = k + gs;
            // Far cells: kr · m_i · M / d along the line; kr · m_i is applied once at the end.
            let (mut ffx, mut ffy) = (0.0f32, 0.0f32);
            for &(cx, cy, cm) in far.iter() {
                let (ddx, ddy) = (xi - cx, yi - cy);
                let f = cm / (ddx * ddx + ddy * ddy);
                ffx += ddx * f;
                ffy += ddy * f;
            }
            let (mut fx, mut fy) = (ffx * kr * mi, ffy * kr * mi);
            for &(s, e) in near.iter() {
                let s = s as usize;
                for (kj, &(xj, yj, mj, j)) in bodies[s..e as usize].iter().enumerate() {
                    if kj + s != k {
                        let (gx, gy) = pair_force(i, j, xi - xj, yi - yj, mi * mj, kr, min_d2);
                        fx += gx;
                        fy += gy;
                    }
                }
            }
            state.dx[i as usize] = fx;
            state.dy[i as usize] = fy;
        }
    }
}

/// A cell as the force walk reads it: centre of mass, mass, pruning distance, and (for a leaf) its bodies.
#[derive(Clone, Copy, Debug, Default)]
struct WalkCell {
    x: f32,
    y: f32,
    mass: f32,
    far2: f32,
    skip: u32,
    start: u32,
    /// `end > start` only for leaves.
    end: u32,
}

/// FA2 repulsion between two bodies: kr · m_i · m_j / d along the line between them, away from each other.
#[inline(always)]
fn pair_force(i: u32, j: u32, ddx: f32, ddy: f32, mm: f32, kr: f32, min_d2: f32) -> (f32, f32) {
    let d2 = ddx * ddx + ddy * ddy;
    if d2 < min_d2 {
        let (ux, uy) = pair_direction(i, j);
        let f = kr * mm / MIN_DISTANCE;
        return (ux * f, uy * f);
    }
    let f = kr * mm / d2;
    (ddx * f, ddy * f)
}

/// Runs `iterations` ForceAtlas2 iterations (Barnes-Hut repulsion, linear attraction, gravity, adaptive
/// speed with swinging). Safe on empty graphs, isolated nodes and coincident positions.
pub fn step(state: &mut LayoutState, iterations: u32) {
    for _ in 0..iterations {
        iterate(state);
    }
}

fn iterate(state: &mut LayoutState) {
    let n = state.len();
    if n == 0 {
        state.movement = 0.0;
        return;
    }
    std::mem::swap(&mut state.dx, &mut state.old_dx);
    std::mem::swap(&mut state.dy, &mut state.old_dy);
    let s = state.settings;
    repulsion(state, s.theta);
    // Gravity towards the origin: g · m (independent of distance), or g · m · d when strong.
    for i in 0..n {
        if s.strong_gravity {
            let f = s.gravity * state.mass[i];
            state.dx[i] -= state.x[i] * f;
            state.dy[i] -= state.y[i] * f;
            continue;
        }
        let d = (state.x[i] * state.x[i] + state.y[i] * state.y[i]).sqrt();
        if d > 0.0 {
            let f = s.gravity * state.mass[i] / d;
            state.dx[i] -= state.x[i] * f;
            state.dy[i] -= state.y[i] * f;
        }
    }
    // Linear attraction along edges.
    for k in 0..state.edge_a.len() {
        let (a, b) = (state.edge_a[k] as usize, state.edge_b[k] as usize);
        let w = state.edge_w[k];
        let ddx = (state.x[a] - state.x[b]) * w;
        let ddy = (state.y[a] - state.y[b]) * w;
        state.dx[a] -= ddx;
        state.dy[a] -= ddy;
        state.dx[b] += ddx;
        state.dy[b] += ddy;
    }
    // Adaptive speed (Gephi's ForceAtlas2): measure swinging against effective traction.
    let (mut swinging, mut traction) = (0.0f64, 0.0f64);
    for i in 0..n {
        let m = state.mass[i] as f64;
        let (ox, oy, nx, ny) = (state.old_dx[i], state.old_dy[i], state.dx[i], state.dy[i]);
        swinging += m * (((ox - nx) * (ox - nx) + (oy - ny) * (oy - ny)) as f64).sqrt();
        traction += 0.5 * m * (((ox + nx) * (ox + nx) + (oy + ny) * (oy + ny)) as f64).sqrt();
    }
    let nf = n as f64;
    let estimated = 0.05 * nf.sqrt();
    let min_jt = estimated.sqrt();
    let max_jt = 10.0;
    let jt0 = s.jitter_tolerance as f64;
    let mut jt = jt0 * (estimated * traction / (nf * nf)).clamp(min_jt.min(max_jt), max_jt);
    let min_eff = 0.05;
    let mut eff = state.speed_efficiency as f64;
    if traction > 0.0 && swinging / traction > 2.0 {
        if eff > min_eff {
            eff *= 0.5;
        }
        jt = jt.max(jt0);
    }
    let speed = state.speed as f64;
    let target = if swinging > 0.0 {
        jt * eff * traction / swinging
    } else {
        speed * 1.5
    };
    if swinging > jt * traction {
        if eff > min_eff {
            eff *= 0.7;
        }
    } else if speed < 1000.0 {
        eff *= 1.3;
    }
    let new_speed = (speed + (target - speed).min(0.5 * speed)).max(1e-6);
    state.speed = new_speed as f32;
    state.speed_efficiency = eff as f32;
    // Apply, capping each move at a tenth of the extent (no explosion, never NaN).
    let extent = extent(&state.x, &state.y).max(1.0);
    let cap = 0.1 * extent;
    let sp = state.speed;
    let mut moved = 0.0f64;
    for i in 0..n {
        let (ox, oy, nx, ny) = (state.old_dx[i], state.old_dy[i], state.dx[i], state.dy[i]);
        let sw = state.mass[i] * ((ox - nx) * (ox - nx) + (oy - ny) * (oy - ny)).sqrt();
        let f = sp / (1.0 + (sp * sw).sqrt());
        let (mut mx, mut my) = (nx * f, ny * f);
        let len = (mx * mx + my * my).sqrt();
        if !len.is_finite() {
            continue;
        }
        if len > cap {
            mx *= cap / len;
            my *= cap / len;
        }
        state.x[i] += mx;
        state.y[i] += my;
        moved += len.min(cap) as f64;
    }
    state.movement = (moved / nf / extent as f64) as f32;
    state.iterations += 1;
}

/// Side of the bounding box (the larger of width and height); 0 for fewer than two points.
pub fn extent(x: &[f32], y: &[f32]) -> f32 {
    if x.is_empty() {
        return 0.0;
    }
    let (mut x0, mut y0, mut x1, mut y1) = (f32::INFINITY, f32::INFINITY, f32::NEG_INFINITY, f32::NEG_INFINITY);
    for i in 0..x.len() {
        x0 = x0.min(x[i]);
        y0 = y0.min(y[i]);
        x1 = x1.max(x[i]);
        y1 = y1.max(y[i]);
    }
    (x1 - x0).max(y1 - y0)
}

/// Start positions: technology hubs on a circle, each actor near the centroid of its hubs (or of its
/// positioned neighbours), the rest in a disc; `known[i]` (an actor's precomputed position) wins. Deterministic.
pub fn start_positions(graph: &Graph, known: &[Option<(f32, f32)>], seed: u64) -> (Vec<f32>, Vec<f32>) {
    let n = graph.len();
    let mut rng = SplitMix64::new(seed);
    let radius = 10.0 * (n.max(1) as f32).sqrt();
    let mut x = vec![0.0f32; n];
    let mut y = vec![0.0f32; n];
    let mut placed = vec![false; n];
    let any_known = known.iter().any(|p| p.is_some());
    for (i, p) in known.iter().enumerate().take(graph.actors) {
        if let Some((px, py)) = p {
            if px.is_finite() && py.is_finite() {
                x[i] = *px;
                y[i] = *py;
                placed[i] = true;
            }
        }
    }
    // Hubs: with known actor positions, at the centroid of their positioned actors; else on a circle.
    let nt = graph.technologies;
    for t in 0..nt {
        let i = graph.actors + t;
        let (mut sx, mut sy, mut c) = (0.0f32, 0.0f32, 0);
        if any_known {
            for &j in graph.neighbours(i as u32) {
                if placed[j as usize] {
                    sx += x[j as usize];
                    sy += y[j as usize];
                    c += 1;
                }
            }
        }
        if c > 0 {
            x[i] = sx / c as f32;
            y[i] = sy / c as f32;
        } else {
            let a = std::f32::consts::TAU * t as f32 / nt as f32;
            x[i] = radius * 0.6 * a.cos();
            y[i] = radius * 0.6 * a.sin();
        }
        placed[i] = true;
    }
    for i in 0..graph.actors {
        if placed[i] {
            continue;
        }
        let (mut sx, mut sy, mut c) = (0.0f32, 0.0f32, 0);
        for &j in graph.neighbours(i as u32) {
            if placed[j as usize] {
                sx += x[j as usize];
                sy += y[j as usize];
                c += 1;
            }
        }
        let angle = (rng.unit() * std::f64::consts::TAU) as f32;
        if c > 0 {
            let r = radius * 0.25 * (rng.unit() as f32).sqrt();
            x[i] = sx / c as f32 + r * angle.cos();
            y[i] = sy / c as f32 + r * angle.sin();
        } else {
            let r = radius * (rng.unit() as f32).sqrt();
            x[i] = r * angle.cos();
            y[i] = r * angle.sin();
        }
        placed[i] = true;
    }
    (x, y)
}

/// Layout quality: mean edge length / mean distance of `samples` random node pairs (seeded). 1.0 is as good
/// as random; lower is better. None without edges or nodes.
///
/// There is no absolute threshold for "readable": how low it can go is a property of the graph. A layout has
/// converged when ForceAtlas2 no longer improves it: on the 50k synthetic collaboration graph (random
/// collaborations) ecomap's layout reaches 0.533 after about 60 iterations and stops by itself at 0.534
/// (152 iterations); graphology-layout-forceatlas2 from the same start reaches 0.540 in 300 iterations with
/// its recommended settings and 0.532 with ecomap's (docs/benchmarks.md, Layout). The app's self-stop rule is
/// judged against that reference: within 5 % of what graphology reaches in 300 iterations.
pub fn quality(x: &[f32], y: &[f32], edge_a: &[u32], edge_b: &[u32], samples: usize, seed: u64) -> Option<f32> {
    let n = x.len();
    if n < 2 || edge_a.is_empty() {
        return None;
    }
    let d = |i: usize, j: usize| (((x[i] - x[j]) as f64).powi(2) + ((y[i] - y[j]) as f64).powi(2)).sqrt();
    let mut rng = SplitMix64::new(seed);
    let ne = edge_a.len();
    let take = ne.min(samples.max(1));
    let mut edge_sum = 0.0;
    for k in 0..take {
        let e = if ne <= samples { k } else { rng.below(ne) };
        edge_sum += d(edge_a[e] as usize, edge_b[e] as usize);
    }
    let mut pair_sum = 0.0;
    for _ in 0..samples.max(1) {
        let i = rng.below(n);
        let mut j = rng.below(n - 1);
        if j >= i {
            j += 1;
        }
        pair_sum += d(i, j);
    }
    if pair_sum <= 0.0 {
        return None;
    }
    Some(((edge_sum / take as f64) / (pair_sum / samples.max(1) as f64)) as f32)
}

/// [`quality`] of a state with 2,000 samples and a fixed seed.
pub fn state_quality(state: &LayoutState) -> Option<f32> {
    quality(&state.x, &state.y, &state.edge_a, &state.edge_b, 2000, 7)
}

/// Layout quality, second measure: the share of nodes (those with at least one edge) whose nearest other node
/// in the drawing is one of their graph neighbours. 1.0 = every node sits next to a neighbour; a random
/// drawing scores about mean degree / n. Higher is better. Ties in distance go to the lower node id, so the
/// result is exact and deterministic (a uniform grid finds the nearest node; tests/layout.rs checks it
/// against brute force). Nodes with non-finite positions count as misses and are never anyone's nearest.
/// None without edges or with fewer than two nodes.
pub fn neighbour_share(x: &[f32], y: &[f32], edge_a: &[u32], edge_b: &[u32]) -> Option<f32> {
    let n = x.len().min(y.len());
    if n < 2 {
        return None;
    }
    let adj = Adjacency::new(n, edge_a, edge_b);
    let grid = Grid::new(&x[..n], &y[..n]);
    let (mut counted, mut hits) = (0usize, 0usize);
    for i in 0..n {
        if adj.degree(i) == 0 {
            continue;
        }
        counted += 1;
        if let Some(j) = grid.nearest(&x[..n], &y[..n], i) {
            hits += usize::from(adj.has(i, j));
        }
    }
    (counted > 0).then(|| (hits as f64 / counted as f64) as f32)
}

/// [`neighbour_share`] of a state.
pub fn state_neighbour_share(state: &LayoutState) -> Option<f32> {
    neighbour_share(&state.x, &state.y, &state.edge_a, &state.edge_b)
}

/// Sorted neighbour lists (CSR) from an edge list; edges naming a node out of range are ignored.
struct Adjacency {
    offsets: Vec<u32>,
    targets: Vec<u32>,
}

impl Adjacency {
    fn new(n: usize, edge_a: &[u32], edge_b: &[u32]) -> Adjacency {
        let edges = || {
            edge_a
                .iter()
                .zip(edge_b)
                .map(|(&a, &b)| (a as usize, b as usize))
                .filter(move |&(a, b)| a < n && b < n && a != b)
        };
        let mut offsets = vec![0u32; n + 1];
        for (a, b) in edges() {
            offsets[a + 1] += 1;
            offsets[b + 1] += 1;
        }
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }
        let mut fill = offsets.clone();
        let mut targets = vec![0u32; offsets[n] as usize];
        for (a, b) in edges() {
            for (from, to) in [(a, b), (b, a)] {
                targets[fill[from] as usize] = to as u32;
                fill[from] += 1;
            }
        }
        for i in 0..n {
            targets[offsets[i] as usize..offsets[i + 1] as usize].sort_unstable();
        }
        Adjacency { offsets, targets }
    }

    fn degree(&self, i: usize) -> usize {
        (self.offsets[i + 1] - self.offsets[i]) as usize
    }

    fn has(&self, i: usize, j: usize) -> bool {
        self.targets[self.offsets[i] as usize..self.offsets[i + 1] as usize]
            .binary_search(&(j as u32))
            .is_ok()
    }
}

/// A uniform grid over the finite points (about two per cell) for nearest-node queries.
struct Grid {
    x0: f64,
    y0: f64,
    cell: f64,
    cols: usize,
    rows: usize,
    /// Points of cell `c` are `order[start[c]..start[c + 1]]`.
    start: Vec<u32>,
    order: Vec<u32>,
}

impl Grid {
    fn new(x: &[f32], y: &[f32]) -> Grid {
        let finite: Vec<u32> = (0..x.len() as u32)
            .filter(|&i| x[i as usize].is_finite() && y[i as usize].is_finite())
            .collect();
        let (mut x0, mut y0, mut x1, mut y1) = (f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY);
        for &i in &finite {
            let (px, py) = (x[i as usize] as f64, y[i as usize] as f64);
            x0 = x0.min(px);
            y0 = y0.min(py);
            x1 = x1.max(px);
            y1 = y1.max(py);
        }
        let m = finite.len().max(1) as f64;
        let (w, h) = ((x1 - x0).max(0.0), (y1 - y0).max(0.0));
        // About two points per cell; a degenerate (line or point) extent still gets a positive cell size.
        let cell = ((w * h * 2.0 / m).sqrt()).max(w.max(h) / m).max(1e-9);
        let cols = ((w / cell) as usize + 1).min(1 << 15);
        let rows = ((h / cell) as usize + 1).min(1 << 15);
        let mut grid = Grid {
            x0: if finite.is_empty() { 0.0 } else { x0 },
            y0: if finite.is_empty() { 0.0 } else { y0 },
            cell,
            cols,
            rows,
            start: vec![0; cols * rows + 1],
            order: vec![0; finite.len()],
        };
        let cells: Vec<usize> = finite
            .iter()
            .map(|&i| grid.cell_of(x[i as usize] as f64, y[i as usize] as f64))
            .collect();
        for &c in &cells {
            grid.start[c + 1] += 1;
        }
        for c in 0..cols * rows {
            grid.start[c + 1] += grid.start[c];
        }
        let mut fill = grid.start.clone();
        for (&i, &c) in finite.iter().zip(&cells) {
            grid.order[fill[c] as usize] = i;
            fill[c] += 1;
        }
        grid
    }

    fn cell_of(&self, px: f64, py: f64) -> usize {
        let cx = (((px - self.x0) / self.cell) as usize).min(self.cols - 1);
        let cy = (((py - self.y0) / self.cell) as usize).min(self.rows - 1);
        cy * self.cols + cx
    }

    /// The nearest other finite point to point `i` (ties to the lower id); None when `i` is not finite or alone.
    fn nearest(&self, x: &[f32], y: &[f32], i: usize) -> Option<usize> {
        let (px, py) = (x[i] as f64, y[i] as f64);
        if !px.is_finite() || !py.is_finite() {
            return None;
        }
        let c = self.cell_of(px, py);
        let (cx, cy) = ((c % self.cols) as isize, (c / self.cols) as isize);
        let mut best: Option<(f64, usize)> = None;
        let max_ring = self.cols.max(self.rows) as isize;
        for r in 0..=max_ring {
            // Every point outside rings 0..r is at least r cells away from any point of the centre cell.
            if let Some((d2, _)) = best {
                let reach = (r - 1).max(0) as f64 * self.cell;
                if r > 0 && d2 < reach * reach {
                    break;
                }
            }
            for gy in (cy - r)..=(cy + r) {
                if gy < 0 || gy >= self.rows as isize {
                    continue;
                }
                let on_edge_row = gy == cy - r || gy == cy + r;
                let step = if on_edge_row { 1 } else { (2 * r).max(1) };
                let mut gx = cx - r;
                while gx <= cx + r {
                    if gx >= 0 && gx < self.cols as isize {
                        let cell = gy as usize * self.cols + gx as usize;
                        for &j in &self.order[self.start[cell] as usize..self.start[cell + 1] as usize] {
                            let j = j as usize;
                            if j == i {
                                continue;
                            }
                            let (dx, dy) = (x[j] as f64 - px, y[j] as f64 - py);
                            let d2 = dx * dx + dy * dy;
                            if best.is_none_or(|(bd, bj)| d2 < bd || (d2 == bd && j < bj)) {
                                best = Some((d2, j));
                            }
                        }
                    }
                    gx += step;
                }
            }
        }
        best.map(|(_, j)| j)
    }
}
