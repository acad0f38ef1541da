//! The network graph model: actors and technologies as nodes; actor-technology, collaboration and link edges.
//!
//! Node ids are dense: actor `a` is node `a.0`, technology `t` is node `actors + t.0` (when the mode has
//! technology nodes), so positions stay meaningful when filters change. Adjacency is CSR over both directions.

use crate::bitset::Bitset;
use crate::index::Index;
use crate::model::{ActorId, Dataset, TechnologyId};

/// Which picture the network shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum GraphMode {
    /// Technologies as hubs, each actor linked to its technologies: the cluster's own picture.
    #[default]
    Ecosystems,
    /// Who works with whom: actor-actor edges through shared projects and explicit links; no technology nodes.
    Collaboration,
    /// Both: technology hubs plus collaboration and link edges.
    All,
}

impl GraphMode {
    pub const ALL: [GraphMode; 3] = [GraphMode::Ecosystems, GraphMode::Collaboration, GraphMode::All];
    pub fn key(self) -> &'static str {
        match self {
            GraphMode::Ecosystems => "ecosystems",
            GraphMode::Collaboration => "collaboration",
            GraphMode::All => "all",
        }
    }
    pub fn parse(s: &str) -> Option<GraphMode> {
        GraphMode::ALL.into_iter().find(|m| m.key() == s)
    }
    fn has_technologies(self) -> bool {
        self != GraphMode::Collaboration
    }
    fn has_collaborations(self) -> bool {
        self != GraphMode::Ecosystems
    }
}

/// What a node stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NodeRef {
    Actor(ActorId),
    Technology(TechnologyId),
}

/// Why two nodes are joined.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EdgeKind {
    /// An actor works with a technology.
    Technology,
    /// Two actors share projects.
    Collaboration,
    /// An explicit link from the export (and no shared project).
    Link,
}

/// One undirected edge, `a < b`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Edge {
    pub a: u32,
    pub b: u32,
    /// Attraction weight: 1 for a technology or link edge, 1 + ln(shared projects) for collaborations.
    pub weight: f32,
    pub kind: EdgeKind,
}

/// The graph for one dataset and mode. Build with [`Graph::build`].
#[derive(Clone, Debug, Default)]
pub struct Graph {
    pub mode: GraphMode,
    /// Number of actor nodes (= actors in the dataset); technology nodes follow.
    pub actors: usize,
    /// Number of technology nodes (0 in collaboration mode).
    pub technologies: usize,
    /// Undirected edges, sorted by (a, b), no duplicates, no self-loops.
    pub edges: Vec<Edge>,
    /// CSR: neighbours of node `i` are `neighbours[offsets[i]..offsets[i + 1]]` (both directions).
    pub offsets: Vec<u32>,
    pub neighbours: Vec<u32>,
    /// Edge index (into `edges`) for each `neighbours` entry.
    pub neighbour_edges: Vec<u32>,
}

impl Graph {
    /// Builds the graph in O(actors + technology memberships + collaborations · log).
    pub fn build(ds: &Dataset, idx: &Index, mode: GraphMode) -> Graph {
        let n = ds.actors.len();
        let nt = if mode.has_technologies() {
            ds.technologies.len()
        } else {
            0
        };
        let mut edges: Vec<Edge> = Vec::new();
        if mode.has_technologies() {
            for (i, a) in ds.actors.iter().enumerate() {
                for t in &a.technologies {
                    edges.push(Edge {
                        a: i as u32,
                        b: (n + t.0 as usize) as u32,
                        weight: 1.0,
                        kind: EdgeKind::Technology,
                    });
                }
            }
        }
        if mode.has_collaborations() {
            for c in idx.collaborations() {
                edges.push(Edge {
                    a: c.a.0,
                    b: c.b.0,
                    weight: 1.0 + (c.projects as f32).ln(),
                    kind: EdgeKind::Collaboration,
                });
            }
            for l in &ds.links {
                let (a, b) = (l.source.0.min(l.target.0), l.source.0.max(l.target.0));
                edges.push(Edge {
                    a,
                    b,
                    weight: 1.0,
                    kind: EdgeKind::Link,
                });
            }
        }
        Graph::from_edges(mode, n, nt, edges)
    }

    /// A graph from raw edges (self-loops dropped, duplicates merged keeping the first kind and the larger
    /// weight). Used by `build`, tests and benchmarks.
    pub fn from_edges(mode: GraphMode, actors: usize, technologies: usize, mut edges: Vec<Edge>) -> Graph {
        let nn = actors + technologies;
        for e in &mut edges {
            if e.a > e.b {
                std::mem::swap(&mut e.a, &mut e.b);
            }
        }
        edges.retain(|e| e.a != e.b && (e.b as usize) < nn && e.weight.is_finite());
        edges.sort_by_key(|e| (e.a, e.b));
        edges.dedup_by(|later, first| {
            if later.a == first.a && later.b == first.b {
                first.weight = first.weight.max(later.weight);
                true
            } else {
                false
            }
        });
        let mut offsets = vec![0u32; nn + 1];
        for e in &edges {
            offsets[e.a as usize + 1] += 1;
            offsets[e.b as usize + 1] += 1;
        }
        for i in 0..nn {
            offsets[i + 1] += offsets[i];
        }
        let mut fill = offsets.clone();
        let mut neighbours = vec![0u32; edges.len() * 2];
        let mut neighbour_edges = vec![0u32; edges.len() * 2];
        for (k, e) in edges.iter().enumerate() {
            for (from, to) in [(e.a, e.b), (e.b, e.a)] {
                let slot = &mut fill[from as usize];
                neighbours[*slot as usize] = to;
                neighbour_edges[*slot as usize] = k as u32;
                *slot += 1;
            }
        }
        Graph {
            mode,
            actors,
            technologies,
            edges,
            offsets,
            neighbours,
            neighbour_edges,
        }
    }

    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.actors + self.technologies
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// What node `i` stands for.
    pub fn node(&self, i: u32) -> NodeRef {
        let i = i as usize;
        if i < self.actors {
            NodeRef::Actor(ActorId(i as u32))
        } else {
            NodeRef::Technology(TechnologyId((i - self.actors) as u16))
        }
    }

    /// The node of an actor.
    pub fn actor_node(&self, a: ActorId) -> u32 {
        a.0
    }

    /// The node of a technology, if this mode has technology nodes.
    pub fn technology_node(&self, t: TechnologyId) -> Option<u32> {
        ((t.0 as usize) < self.technologies).then(|| (self.actors + t.0 as usize) as u32)
    }

    /// Neighbours of node `i`.
    pub fn neighbours(&self, i: u32) -> &[u32] {
        &self.neighbours[self.offsets[i as usize] as usize..self.offsets[i as usize + 1] as usize]
    }

    /// Degree of node `i`.
    pub fn degree(&self, i: u32) -> u32 {
        self.offsets[i as usize + 1] - self.offsets[i as usize]
    }

    /// Which edges are in view when only the projects in `projects` count (a `Selection::projects`): a
    /// collaboration edge when its two actors share one of them or have an explicit link; technology and link
    /// edges always (they come from the actors' own records, not from projects). By edge index. Positions stay those of the whole
    /// graph, so a year change thins the picture without re-laying it out.
    pub fn edges_in_view(&self, idx: &Index, projects: &Bitset) -> Bitset {
        let mut out = Bitset::new(self.edges.len());
        let collabs = crate::in_view::collaborations(idx, projects);
        for (i, e) in self.edges.iter().enumerate() {
            let shown = match e.kind {
                EdgeKind::Technology | EdgeKind::Link => true,
                // A pair that also has an explicit link keeps its edge (merged into one collaboration edge).
                EdgeKind::Collaboration => {
                    collabs.binary_search_by_key(&(e.a, e.b), |c| (c.a.0, c.b.0)).is_ok()
                        || ((e.a as usize) < idx.actor_count()
                            && idx.actor_links(ActorId(e.a)).iter().any(|(o, _)| o.0 == e.b))
                }
            };
            if shown {
                out.set(i);
            }
        }
        out
    }

    /// The ego network of `center`: every node within `depth` edges (breadth first), with its distance.
    /// `visible` limits the walk to nodes that are shown (pass `|_| true` for all).
    pub fn ego(&self, center: u32, depth: u8, visible: impl Fn(u32) -> bool) -> Vec<(u32, u8)> {
        if center as usize >= self.len() {
            return Vec::new();
        }
        let mut seen = vec![false; self.len()];
        seen[center as usize] = true;
        let mut out = vec![(center, 0u8)];
        let mut start = 0;
        for d in 1..=depth {
            let end = out.len();
            for k in start..end {
                let (v, _) = out[k];
                for &w in self.neighbours(v) {
                    if !seen[w as usize] && visible(w) {
                        seen[w as usize] = true;
                        out.push((w, d));
                    }
                }
            }
            start = end;
        }
        out
    }
}
