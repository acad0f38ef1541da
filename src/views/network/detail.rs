//! Opening a node's detail panel: the node's actor or technology becomes the query's focus (so the URL and
//! the result list follow).

use ecomap_core::graph::NodeRef as GraphNode;
use ecomap_core::model::{ActorId, Dataset, TechnologyId};
use ecomap_core::query::Focus;

use crate::state::AppState;

/// What node `i` stands for (actors first, then technologies, as in `Graph`).
pub fn node_ref(ds: &Dataset, i: u32) -> GraphNode {
    let n = ds.actors.len() as u32;
    if i < n {
        GraphNode::Actor(ActorId(i))
    } else {
        GraphNode::Technology(TechnologyId((i - n) as u16))
    }
}

/// Opens the detail panel for a node (actor or technology).
pub fn open_detail(state: AppState, ds: &Dataset, node: GraphNode) {
    let focus = match node {
        GraphNode::Actor(a) => Focus::Actor(ds.actor(a).key.clone()),
        GraphNode::Technology(t) => Focus::Technology(ds.technology(t).key.clone()),
    };
    state.open(Some(focus));
}
