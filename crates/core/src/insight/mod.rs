//! Insight over a selection: centrality, regional concentration, technology profiles, comparisons and partner
//! suggestions (issue 17, docs/insight.md).
//!
//! Everything here follows a `Filter`/`Selection`: the actors are the selected ones and the projects those in
//! view (`Selection::projects`, `in_view.rs`); no rule of what counts is decided again here. The collaboration
//! graph of a selection ([`CollabGraph`]) is `in_view::collaborations` over the projects in view, kept to the
//! pairs whose two actors are both selected.

pub mod centrality;
pub mod compare;
pub mod concentration;
pub mod partners;
pub mod profile;
mod texts;

use crate::filter::Selection;
use crate::index::Index;
use crate::model::ActorId;

/// The collaboration graph of a selection: one node per selected actor (by increasing `ActorId`), an edge
/// between two of them when they share a project in view (`in_view::collaborations`: projects with more than
/// `MAX_COLLABORATION_PARTICIPANTS` participants add none). Unweighted CSR.
#[derive(Clone, Debug, Default)]
pub struct CollabGraph {
    /// The actor of each node, increasing.
    pub nodes: Vec<ActorId>,
    /// The node of each actor (`u32::MAX`: not selected), by `ActorId`.
    node_of: Vec<u32>,
    offsets: Vec<u32>,
    adjacency: Vec<u32>,
}

impl CollabGraph {
    /// Builds the graph of `sel` in O(collaborations in view).
    pub fn of(idx: &Index, sel: &Selection) -> CollabGraph {
        let nodes: Vec<ActorId> = sel.actors.iter_ones().map(|a| ActorId(a as u32)).collect();
        let mut node_of = vec![u32::MAX; idx.actor_count()];
        for (i, a) in nodes.iter().enumerate() {
            node_of[a.index()] = i as u32;
        }
        let mut pairs: Vec<(u32, u32)> = Vec::new();
        for c in crate::in_view::collaborations(idx, &sel.projects) {
            let (x, y) = (node_of[c.a.index()], node_of[c.b.index()]);
            if x != u32::MAX && y != u32::MAX {
                pairs.push((x, y));
            }
        }
        CollabGraph::from_pairs(nodes, node_of, &pairs)
    }

    /// A graph over `n` nodes (actor `i` is node `i`) from undirected pairs; for tests and benchmarks.
    /// Self-loops and repeated pairs are dropped.
    pub fn from_edges(n: usize, edges: &[(u32, u32)]) -> CollabGraph {
        let nodes: Vec<ActorId> = (0..n as u32).map(ActorId).collect();
        let node_of: Vec<u32> = (0..n as u32).collect();
        let mut pairs: Vec<(u32, u32)> = edges
            .iter()
            .filter(|&&(a, b)| a != b && (a as usize) < n && (b as usize) < n)
            .map(|&(a, b)| (a.min(b), a.max(b)))
            .collect();
        pairs.sort_unstable();
        pairs.dedup();
        CollabGraph::from_pairs(nodes, node_of, &pairs)
    }

    fn from_pairs(nodes: Vec<ActorId>, node_of: Vec<u32>, pairs: &[(u32, u32)]) -> CollabGraph {
        let n = nodes.len();
        let mut offsets = vec![0u32; n + 1];
        for &(a, b) in pairs {
            offsets[a as usize + 1] += 1;
            offsets[b as usize + 1] += 1;
        }
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }
        let mut fill = offsets.clone();
        let mut adjacency = vec![0u32; pairs.len() * 2];
        for &(a, b) in pairs {
            for (from, to) in [(a, b), (b, a)] {
                let slot = &mut fill[from as usize];
                adjacency[*slot as usize] = to;
                *slot += 1;
            }
        }
        CollabGraph {
            nodes,
            node_of,
            offsets,
            adjacency,
        }
    }

    /// Number of nodes (selected actors).
    pub fn len(&self) -> usize {
        self.nodes.len()
    }
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }
    /// Number of edges.
    pub fn edge_count(&self) -> usize {
        self.adjacency.len() / 2
    }
    /// The node of actor `a`, when it is selected.
    pub fn node(&self, a: ActorId) -> Option<u32> {
        self.node_of.get(a.index()).copied().filter(|&v| v != u32::MAX)
    }
    /// The neighbours of node `v`.
    pub fn neighbours(&self, v: u32) -> &[u32] {
        &self.adjacency[self.offsets[v as usize] as usize..self.offsets[v as usize + 1] as usize]
    }
    /// The degree of node `v` (distinct collaborators in view).
    pub fn degree(&self, v: u32) -> u32 {
        self.offsets[v as usize + 1] - self.offsets[v as usize]
    }
}
