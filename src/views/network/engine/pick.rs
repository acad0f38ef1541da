//! Finding nodes on screen: the node under the pointer (hover and click), and the most important shown nodes
//! with their screen positions for the accessible list.

use super::Engine;

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

impl Engine {
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

    /// Hovers the node under the screen point (or none); true when that changed what is hovered.
    pub fn hover_at(&mut self, px: f32, py: f32) -> bool {
        let hit = self.pick(px, py);
        if hit == self.hovered {
            return false;
        }
        self.hovered = hit;
        self.update_highlight();
        true
    }

    /// The actor hovered here, if the hovered node is an actor.
    pub fn hovered_actor(&self) -> Option<ecomap_core::model::ActorId> {
        match self.graph.node(self.hovered?) {
            ecomap_core::graph::NodeRef::Actor(a) => Some(a),
            ecomap_core::graph::NodeRef::Technology(_) => None,
        }
    }

    /// Follows the app's hover (an actor hovered in the list or on the map); false when nothing changed.
    pub fn follow_hover(&mut self, actor: Option<ecomap_core::model::ActorId>) -> bool {
        let node = actor
            .map(|a| self.graph.actor_node(a))
            .filter(|&n| (n as usize) < self.len());
        if node == self.hovered || (node.is_none() && self.hovered.is_some_and(|h| h as usize >= self.graph.actors)) {
            return false;
        }
        self.hovered = node;
        self.update_highlight();
        true
    }

    /// The pointer left the stage: nothing is hovered.
    pub fn clear_hover(&mut self) {
        self.hovered = None;
        self.update_highlight();
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
}
