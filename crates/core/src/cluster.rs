//! Hierarchical point clustering for the map (the supercluster algorithm): one KD-tree per zoom, each level
//! built from the level below by greedy merging within a radius, so a zoom's clusters are answered by a range query.
//!
//! Levels run from `max_zoom + 1` (the points themselves) down to `min_zoom`. Every node records the node of the
//! level above that holds it (`up`), so children, leaves, expansion zooms and "which cluster is this actor in at
//! zoom z" (for aggregated arcs) are walks over plain arrays. A [`ClusterId`] packs the level and the index.

use crate::bitset::Bitset;
use crate::index::Collaboration;
use crate::model::{ActorId, ActorKind, Dataset, Eur};
use crate::projection::project;
use crate::projection::{Css, World, WorldBox, TILE_PX};

const KINDS: usize = ActorKind::ALL.len();
const NODE_SIZE: usize = 64;

/// A static 2-D KD-tree over points (after mourner/kdbush): one array of ids and one of coordinates, sorted
/// so that each node's median splits its range; queries return ids.
#[derive(Clone, Debug, Default)]
pub struct KdTree {
    ids: Vec<u32>,
    coords: Vec<[f64; 2]>,
}

impl KdTree {
    pub fn new(points: impl Iterator<Item = [f64; 2]>) -> KdTree {
        let coords: Vec<[f64; 2]> = points.collect();
        let mut items: Vec<(u32, [f64; 2])> = coords.iter().enumerate().map(|(i, &c)| (i as u32, c)).collect();
        let n = items.len();
        if n > 0 {
            sort_kd(&mut items, 0, n - 1, 0);
        }
        KdTree {
            ids: items.iter().map(|i| i.0).collect(),
            coords: items.iter().map(|i| i.1).collect(),
        }
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Ids of the points inside the box (inclusive), pushed into `out`.
    pub fn range(&self, min: [f64; 2], max: [f64; 2], out: &mut Vec<u32>) {
        if self.ids.is_empty() {
            return;
        }
        let mut stack = vec![(0usize, self.ids.len() - 1, 0u8)];
        while let Some((left, right, axis)) = stack.pop() {
            if right - left <= NODE_SIZE {
                for i in left..=right {
                    let [x, y] = self.coords[i];
                    if x >= min[0] && x <= max[0] && y >= min[1] && y <= max[1] {
                        out.push(self.ids[i]);
                    }
                }
                continue;
            }
            let m = (left + right) >> 1;
            let [x, y] = self.coords[m];
            if x >= min[0] && x <= max[0] && y >= min[1] && y <= max[1] {
                out.push(self.ids[m]);
            }
            let v = self.coords[m][axis as usize];
            let (lo, hi) = (min[axis as usize], max[axis as usize]);
            if lo <= v && m > left {
                stack.push((left, m - 1, 1 - axis));
            }
            if hi >= v {
                stack.push((m + 1, right, 1 - axis));
            }
        }
    }

    /// Ids of the points within distance `r` of `c`, pushed into `out`.
    pub fn within(&self, c: [f64; 2], r: f64, out: &mut Vec<u32>) {
        self.within_with(c, r, out, &mut Vec::new());
    }

    /// [`Self::within`] with a caller's scratch stack, so a loop of queries allocates nothing.
    pub fn within_with(&self, c: [f64; 2], r: f64, out: &mut Vec<u32>, stack: &mut Vec<(usize, usize, u8)>) {
        if self.ids.is_empty() {
            return;
        }
        let r2 = r * r;
        stack.clear();
        stack.push((0usize, self.ids.len() - 1, 0u8));
        while let Some((left, right, axis)) = stack.pop() {
            if right - left <= NODE_SIZE {
                for i in left..=right {
                    if d2(self.coords[i], c) <= r2 {
                        out.push(self.ids[i]);
                    }
                }
                continue;
            }
            let m = (left + right) >> 1;
            if d2(self.coords[m], c) <= r2 {
                out.push(self.ids[m]);
            }
            let v = self.coords[m][axis as usize];
            let q = c[axis as usize];
            if q - r <= v && m > left {
                stack.push((left, m - 1, 1 - axis));
            }
            if q + r >= v {
                stack.push((m + 1, right, 1 - axis));
            }
        }
    }
}

fn d2(a: [f64; 2], b: [f64; 2]) -> f64 {
    let (dx, dy) = (a[0] - b[0], a[1] - b[1]);
    dx * dx + dy * dy
}

fn sort_kd(items: &mut [(u32, [f64; 2])], left: usize, right: usize, axis: usize) {
    if right - left <= NODE_SIZE {
        return;
    }
    let m = (left + right) >> 1;
    items[left..=right].select_nth_unstable_by(m - left, |a, b| a.1[axis].total_cmp(&b.1[axis]));
    if m > left {
        sort_kd(items, left, m - 1, 1 - axis);
    }
    sort_kd(items, m + 1, right, 1 - axis);
}

/// One input point: an actor at a world position.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub actor: ActorId,
    pub at: World,
    pub kind: ActorKind,
}

/// The selected actors that have coordinates, as points, and how many selected actors have none (the map's
/// "not on the map" note). Coordinates outside the Mercator square's latitudes are clamped by `project`.
pub fn selection_points(ds: &Dataset, selected: &Bitset) -> (Vec<Point>, usize) {
    let mut pts = Vec::with_capacity(selected.count_ones() as usize);
    let mut missing = 0;
    for i in selected.iter_ones() {
        let Some(a) = ds.actors.get(i) else { continue };
        match a.location.point {
            Some(p) if p.lon.is_finite() && p.lat.is_finite() => pts.push(Point {
                actor: ActorId(i as u32),
                at: project(p),
                kind: a.kind,
            }),
            _ => missing += 1,
        }
    }
    (pts, missing)
}

/// Options of the clustering (supercluster's `radius`, `minZoom`, `maxZoom`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ClusterOptions {
    /// Merge radius in CSS px at each zoom.
    pub radius_px: f64,
    pub min_zoom: u8,
    /// Deepest zoom with clusters; above it every point stands alone.
    pub max_zoom: u8,
}

impl Default for ClusterOptions {
    fn default() -> Self {
        ClusterOptions {
            radius_px: 60.0,
            min_zoom: 0,
            max_zoom: 16,
        }
    }
}

/// A cluster: the level (zoom) it was made at and its index in that level. Packed as `index << 5 | zoom`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClusterId(pub u32);

impl ClusterId {
    fn new(zoom: u8, index: u32) -> ClusterId {
        ClusterId((index << 5) | zoom as u32)
    }
    pub fn zoom(self) -> u8 {
        (self.0 & 31) as u8
    }
    fn index(self) -> usize {
        (self.0 >> 5) as usize
    }
}

/// What a query returns: a single actor or a cluster of several.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Item {
    Actor(ActorId),
    Cluster(ClusterId),
}

/// A visible item with its position and content.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Found {
    pub item: Item,
    pub at: World,
    /// Number of actors (1 for a single actor).
    pub count: u32,
    /// Actors per kind, indexed by `ActorKind::index`.
    pub kinds: [u32; KINDS],
}

#[derive(Clone, Copy, Debug)]
struct Node {
    at: [f64; 2],
    count: u32,
    /// Index of the node holding this one in the level above (towards `min_zoom`); `u32::MAX` at the top.
    up: u32,
    /// For a level-`max_zoom + 1` node, the point index; for a cluster, unused.
    point: u32,
    /// True when this node is a cluster (count > 1 made by merging), else a copy of a point.
    is_cluster: bool,
    /// For a copied node, the level and index where it was made (a point, or a cluster of a deeper level).
    origin: u32,
    kinds: [u32; KINDS],
}

struct Level {
    nodes: Vec<Node>,
    tree: KdTree,
}

/// The cluster hierarchy over a set of points.
pub struct ClusterIndex {
    opts: ClusterOptions,
    points: Vec<Point>,
    /// Point index of each actor id (`u32::MAX`: not clustered).
    point_of: Vec<u32>,
    /// `levels[z - min_zoom]` for z in `min_zoom..=max_zoom + 1`.
    levels: Vec<Level>,
}

impl ClusterIndex {
    /// Builds the hierarchy; O(n log n) per level.
    pub fn build(points: Vec<Point>, opts: ClusterOptions) -> ClusterIndex {
        let opts = ClusterOptions {
            max_zoom: opts.max_zoom.min(30),
            min_zoom: opts.min_zoom.min(opts.max_zoom.min(30)),
            ..opts
        };
        let top = opts.max_zoom + 1;
        let nodes: Vec<Node> = points
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let mut kinds = [0; KINDS];
                kinds[p.kind.index()] = 1;
                Node {
                    at: [p.at.x, p.at.y],
                    count: 1,
                    up: u32::MAX,
                    point: i as u32,
                    is_cluster: false,
                    origin: ClusterId::new(top, i as u32).0,
                    kinds,
                }
            })
            .collect();
        let tree = KdTree::new(nodes.iter().map(|n| n.at));
        let mut levels = vec![Level { nodes, tree }];
        let mut neighbours = Vec::new();
        let mut stack = Vec::new();
        for z in (opts.min_zoom..top).rev() {
            let r = opts.radius_px / (TILE_PX * (z as f64).exp2());
            let below = levels.last_mut().expect("the points' level exists");
            let mut next: Vec<Node> = Vec::with_capacity(below.nodes.len() / 2 + 1);
            let mut taken = vec![false; below.nodes.len()];
            for i in 0..below.nodes.len() {
                if taken[i] {
                    continue;
                }
                taken[i] = true;
                let seed = below.nodes[i];
                neighbours.clear();
                below.tree.within_with(seed.at, r, &mut neighbours, &mut stack);
                let new_index = next.len() as u32;
                let (mut wx, mut wy) = (seed.at[0] * seed.count as f64, seed.at[1] * seed.count as f64);
                let mut count = seed.count;
                let mut kinds = seed.kinds;
                let mut merged_any = false;
                for &k in &neighbours {
                    let k = k as usize;
                    if taken[k] {
                        continue;
                    }
                    taken[k] = true;
                    merged_any = true;
                    let b = &mut below.nodes[k];
                    b.up = new_index;
                    wx += b.at[0] * b.count as f64;
                    wy += b.at[1] * b.count as f64;
                    count += b.count;
                    for (a, c) in kinds.iter_mut().zip(b.kinds) {
                        *a += c;
                    }
                }
                let s = &mut below.nodes[i];
                s.up = new_index;
                if merged_any {
                    next.push(Node {
                        at: [wx / count as f64, wy / count as f64],
                        count,
                        up: u32::MAX,
                        point: u32::MAX,
                        is_cluster: true,
                        origin: ClusterId::new(z, new_index).0,
                        kinds,
                    });
                } else {
                    next.push(Node { up: u32::MAX, ..seed });
                }
            }
            let tree = KdTree::new(next.iter().map(|n| n.at));
            levels.push(Level { nodes: next, tree });
        }
        levels.reverse();
        let n = points.iter().map(|p| p.actor.index() + 1).max().unwrap_or(0);
        let mut point_of = vec![u32::MAX; n];
        for (i, p) in points.iter().enumerate() {
            point_of[p.actor.index()] = i as u32;
        }
        ClusterIndex {
            opts,
            points,
            point_of,
            levels,
        }
    }

    pub fn options(&self) -> ClusterOptions {
        self.opts
    }
    pub fn points(&self) -> &[Point] {
        &self.points
    }

    fn level(&self, zoom: u8) -> &Level {
        let z = zoom.clamp(self.opts.min_zoom, self.opts.max_zoom + 1);
        &self.levels[(z - self.opts.min_zoom) as usize]
    }

    /// The level a fractional camera zoom shows.
    pub fn level_for(&self, zoom: f64) -> u8 {
        (zoom.max(0.0).floor() as u8).clamp(self.opts.min_zoom, self.opts.max_zoom + 1)
    }

    fn found(&self, n: &Node) -> Found {
        let item = if n.is_cluster {
            Item::Cluster(ClusterId(n.origin))
        } else {
            Item::Actor(self.points[n.point as usize].actor)
        };
        Found {
            item,
            at: World { x: n.at[0], y: n.at[1] },
            count: n.count,
            kinds: n.kinds,
        }
    }

    /// The items of level `zoom` inside `b`.
    pub fn get_clusters(&self, b: &WorldBox, zoom: u8) -> Vec<Found> {
        let level = self.level(zoom);
        let mut ids = Vec::new();
        level.tree.range([b.min.x, b.min.y], [b.max.x, b.max.y], &mut ids);
        ids.iter().map(|&i| self.found(&level.nodes[i as usize])).collect()
    }

    /// Every item of level `zoom`.
    pub fn all_at(&self, zoom: u8) -> Vec<Found> {
        self.level(zoom).nodes.iter().map(|n| self.found(n)).collect()
    }

    fn node(&self, id: ClusterId) -> Option<&Node> {
        let z = id.zoom();
        if z < self.opts.min_zoom || z > self.opts.max_zoom {
            return None;
        }
        self.level(z).nodes.get(id.index()).filter(|n| n.origin == id.0)
    }

    /// The cluster's summary (position, count, kinds); `None` for an unknown id.
    pub fn cluster(&self, id: ClusterId) -> Option<Found> {
        self.node(id).map(|n| self.found(n))
    }

    /// The items one level below the cluster that it is made of.
    pub fn children(&self, id: ClusterId) -> Vec<Found> {
        let Some(node) = self.node(id) else {
            return Vec::new();
        };
        let below = self.level(id.zoom() + 1);
        let r = 2.0 * self.opts.radius_px / (TILE_PX * (id.zoom() as f64).exp2());
        let mut ids = Vec::new();
        below.tree.within(node.at, r * 1.000_001, &mut ids);
        ids.sort_unstable();
        ids.iter()
            .map(|&k| &below.nodes[k as usize])
            .filter(|n| n.up as usize == id.index())
            .map(|n| self.found(n))
            .collect()
    }

    /// All actors in the cluster.
    pub fn leaves(&self, id: ClusterId) -> Vec<ActorId> {
        let mut out = Vec::new();
        let mut stack = vec![id];
        while let Some(c) = stack.pop() {
            for f in self.children(c) {
                match f.item {
                    Item::Actor(a) => out.push(a),
                    Item::Cluster(k) => stack.push(k),
                }
            }
        }
        out
    }

    /// The zoom at which the cluster splits into more than one item (at most `max_zoom + 1`).
    pub fn expansion_zoom(&self, id: ClusterId) -> u8 {
        let mut c = id;
        loop {
            let z = c.zoom() + 1;
            let ch = self.children(c);
            match ch.as_slice() {
                [one] if z <= self.opts.max_zoom => match one.item {
                    Item::Cluster(k) => c = k,
                    Item::Actor(_) => return z,
                },
                _ => return z,
            }
        }
    }

    /// For each point (in input order), the index of the node holding it at level `zoom` (see [`Self::node_at`]).
    pub fn point_nodes_at(&self, zoom: u8) -> Vec<u32> {
        let z = zoom.clamp(self.opts.min_zoom, self.opts.max_zoom + 1);
        let mut map: Vec<u32> = (0..self.points.len() as u32).collect();
        for lz in ((z + 1)..=(self.opts.max_zoom + 1)).rev() {
            let level = self.level(lz);
            for m in map.iter_mut() {
                *m = level.nodes[*m as usize].up;
            }
        }
        map
    }

    /// The item holding `actor` at level `zoom` (the actor itself or a cluster); `None` when not clustered.
    pub fn item_of(&self, actor: ActorId, zoom: u8) -> Option<Found> {
        let mut i = *self.point_of.get(actor.index())?;
        if i == u32::MAX {
            return None;
        }
        let z = zoom.clamp(self.opts.min_zoom, self.opts.max_zoom + 1);
        for lz in ((z + 1)..=(self.opts.max_zoom + 1)).rev() {
            i = self.level(lz).nodes[i as usize].up;
        }
        self.node_at(z, i)
    }

    /// The node with index `i` at level `zoom` (as returned by [`Self::point_nodes_at`]).
    pub fn node_at(&self, zoom: u8, i: u32) -> Option<Found> {
        self.level(zoom).nodes.get(i as usize).map(|n| self.found(n))
    }
}

/// Collaboration between two items of one level, summed over the actor pairs they hold.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AggregatedArc {
    pub from: World,
    pub to: World,
    /// Node indices at the level (see [`ClusterIndex::node_at`]); `from < to`.
    pub nodes: (u32, u32),
    /// Shared projects summed over actor pairs (a project shared by three pairs counts three times).
    pub projects: u32,
    pub volume: Eur,
    /// Number of actor pairs behind this arc.
    pub pairs: u32,
}

impl ClusterIndex {
    /// The collaborations between clustered actors, aggregated between the items of level `zoom` (pairs inside
    /// one item vanish), heaviest first by `projects`. Actors not in the index are skipped.
    pub fn aggregated_arcs(&self, zoom: u8, collaborations: &[Collaboration]) -> Vec<AggregatedArc> {
        let nodes = self.point_nodes_at(zoom);
        let level = self.level(zoom);
        let node_of = |a: ActorId| {
            let p = *self.point_of.get(a.index())?;
            nodes.get(p as usize).copied()
        };
        let mut pairs: Vec<(u32, u32, u32, u64)> = collaborations
            .iter()
            .filter_map(|c| {
                let (x, y) = (node_of(c.a)?, node_of(c.b)?);
                (x != y).then(|| (x.min(y), x.max(y), c.projects, c.volume.0))
            })
            .collect();
        pairs.sort_unstable_by_key(|p| (p.0, p.1));
        let mut out: Vec<AggregatedArc> = Vec::new();
        for (x, y, projects, volume) in pairs {
            match out.last_mut() {
                Some(a) if a.nodes == (x, y) => {
                    a.projects += projects;
                    a.volume.0 += volume;
                    a.pairs += 1;
                }
                _ => {
                    let (p, q) = (level.nodes[x as usize].at, level.nodes[y as usize].at);
                    out.push(AggregatedArc {
                        from: World { x: p[0], y: p[1] },
                        to: World { x: q[0], y: q[1] },
                        nodes: (x, y),
                        projects,
                        volume: Eur(volume),
                        pairs: 1,
                    })
                }
            }
        }
        crate::order::sort_by(&mut out, |a, b| {
            b.projects
                .cmp(&a.projects)
                .then(b.volume.cmp(&a.volume))
                .then(a.nodes.cmp(&b.nodes))
        });
        out
    }
}

/// Offsets in CSS px for `n` items at one spot, on an Archimedean spiral so each can be clicked
/// (`spacing` px between neighbours). The first sits at the centre when n == 1.
pub fn spiral(n: usize, spacing: f64) -> Vec<Css> {
    if n <= 1 {
        return vec![Css { x: 0.0, y: 0.0 }; n];
    }
    let mut out = Vec::with_capacity(n);
    let mut angle: f64 = 0.0;
    let mut radius: f64 = spacing;
    for _ in 0..n {
        out.push(Css {
            x: radius * angle.cos(),
            y: radius * angle.sin(),
        });
        // Step along the spiral by about `spacing` px of arc; the radius grows one spacing per turn.
        let step = spacing / radius;
        angle += step;
        radius += spacing * step / std::f64::consts::TAU;
    }
    out
}

/// Spreads found items that share a position (identical coordinates, seen at the deepest zoom): returns,
/// for each item, its offset in CSS px (zero for items alone at their spot).
pub fn spread_identical(items: &[Found], spacing: f64) -> Vec<Css> {
    let mut order: Vec<usize> = (0..items.len()).collect();
    crate::order::sort_by(&mut order, |&a, &b| {
        let (p, q) = (items[a].at, items[b].at);
        p.x.total_cmp(&q.x).then(p.y.total_cmp(&q.y)).then(a.cmp(&b))
    });
    let mut out = vec![Css { x: 0.0, y: 0.0 }; items.len()];
    let mut i = 0;
    while i < order.len() {
        let mut j = i + 1;
        while j < order.len() && items[order[j]].at == items[order[i]].at {
            j += 1;
        }
        if j - i > 1 {
            for (k, off) in spiral(j - i, spacing).into_iter().enumerate() {
                out[order[i + k]] = off;
            }
        }
        i = j;
    }
    out
}
