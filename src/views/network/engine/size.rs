//! Node sizes and shapes: an actor's radius by degree or by project volume, technologies as large octagon
//! hubs, a shape per actor kind, and the gentle growth with zoom.

use ecomap_core::bitset::Bitset;
use ecomap_core::graph::{Graph, NodeRef};
use ecomap_core::index::Index;
use ecomap_core::model::ActorKind;
use ecomap_core::stats::{area_radius, size_reference};

use super::super::camera::Camera;
use super::super::render::Shape;
use super::Engine;

/// Radius of a technology hub; actors range from `ACTOR_MIN` to `ACTOR_MAX` (CSS px, before the zoom factor).
const HUB_RADIUS: f32 = 14.0;
const ACTOR_MIN: f32 = 2.5;
const ACTOR_MAX: f32 = 12.0;

/// What an actor's size shows (technologies are always the large octagon hubs): core's link-state type.
pub use ecomap_core::view_state::NodeSize as SizeBy;

/// The shape of an actor kind's nodes (the second cue beside colour; the legend draws the same).
pub fn shape_of(kind: ActorKind) -> Shape {
    crate::kinds::mark(kind)
}

/// Node radii for a size choice: by degree `2.5 + 1.2 √degree` (capped), by volume on an area scale whose
/// maximum is reached at the 98th percentile of the actors' volumes.
pub(super) fn radii(graph: &Graph, volume: &[u64], by: SizeBy) -> Vec<f32> {
    let reference = match by {
        SizeBy::Degree => 0.0,
        SizeBy::Volume => size_reference(volume.iter().copied()),
    };
    (0..graph.len() as u32)
        .map(|i| match graph.node(i) {
            NodeRef::Technology(_) => HUB_RADIUS,
            NodeRef::Actor(a) => match by {
                SizeBy::Degree => (ACTOR_MIN + 1.2 * (graph.degree(i) as f32).sqrt()).min(ACTOR_MAX),
                SizeBy::Volume => area_radius(
                    volume.get(a.index()).copied().unwrap_or(0) as f64,
                    reference,
                    ACTOR_MIN,
                    ACTOR_MAX,
                ),
            },
        })
        .collect()
}

/// Each of the first `actors` actors' volume over every project (no year chosen).
pub(super) fn all_volumes(idx: &Index, actors: usize) -> Vec<u64> {
    (0..actors)
        .map(|a| idx.actor_volume(ecomap_core::model::ActorId(a as u32)).0)
        .collect()
}

impl Engine {
    /// Sizes actors by degree or by the volume of their projects in view.
    pub fn set_size_by(&mut self, by: SizeBy) {
        if by != self.size_by {
            self.size_by = by;
            self.radius = radii(&self.graph, &self.volume_in_view, by);
        }
    }

    /// Follows the projects in view (`Selection::projects`) when a year range is chosen (`None`: no year is
    /// chosen, every project counts): which collaboration edges are in view, and each actor's volume in view
    /// (node size by volume). Core decides both (`Graph::edges_in_view`, `in_view::actor_figures`).
    pub fn set_projects_in_view(&mut self, idx: &Index, projects: Option<&Bitset>) {
        match projects {
            Some(p) => {
                let edges = self.graph.edges_in_view(idx, p);
                self.edge_count = edges.count_ones() as usize;
                self.edges_in_view = Some(edges);
                self.volume_in_view = ecomap_core::in_view::actor_figures(idx, p)
                    .iter()
                    .map(|f| f.volume.0)
                    .collect();
            }
            None => {
                self.edge_count = self.graph.edges.len();
                self.edges_in_view = None;
                self.volume_in_view = all_volumes(idx, self.graph.actors);
            }
        }
        if self.size_by == SizeBy::Volume {
            self.radius = radii(&self.graph, &self.volume_in_view, self.size_by);
        }
    }

    /// Whether edge `k` belongs to the picture (its collaboration has a project in view).
    pub(super) fn edge_in_view(&self, k: usize) -> bool {
        self.edges_in_view.as_ref().is_none_or(|b| b.get(k))
    }

    /// Node size grows a little with zoom, so a zoomed-in cluster separates.
    pub(super) fn size_factor(&self) -> f32 {
        let fit = Camera::fit(self.bounds(), self.width, self.height).scale;
        (self.camera.scale / fit).sqrt().clamp(0.7, 2.5)
    }
}
