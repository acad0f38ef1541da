//! Node sizes and shapes: an actor's radius by degree or by project volume, technologies as large octagon
//! hubs, a shape per actor kind, and the gentle growth with zoom.

use ecomap_core::graph::{Graph, NodeRef};
use ecomap_core::index::Index;
use ecomap_core::model::{ActorId, ActorKind};
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
pub(super) fn radii(graph: &Graph, idx: &Index, by: SizeBy) -> Vec<f32> {
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

impl Engine {
    /// Sizes actors by degree or by project volume.
    pub fn set_size_by(&mut self, by: SizeBy, idx: &Index) {
        if by != self.size_by {
            self.size_by = by;
            self.radius = radii(&self.graph, idx, by);
        }
    }

    /// Node size grows a little with zoom, so a zoomed-in cluster separates.
    pub(super) fn size_factor(&self) -> f32 {
        let fit = Camera::fit(self.bounds(), self.width, self.height).scale;
        (self.camera.scale / fit).sqrt().clamp(0.7, 2.5)
    }
}
