//! Keyboard navigation on the engine: arrows, N, Enter and Escape move the focus ring and the neighbour walk
//! through `ecomap_core::graph_walk` (tested natively there); the engine projects the nodes to the screen,
//! applies the result and keeps the newly focused node on screen.

use ecomap_core::graph_walk::{self, Cursor, NavKey, Scene, Step};

use super::Engine;

/// A node focused by an arrow within this many px of the stage's edge is centred.
const EDGE_MARGIN: f32 = 20.0;

impl Engine {
    /// Applies a navigation key; the step says which node to open, if any. None when there is no node to
    /// start from (nothing focused and nothing shown): the key does nothing.
    pub fn navigate(&mut self, key: NavKey) -> Option<Step> {
        if matches!(key, NavKey::Arrow(_)) {
            self.project();
        }
        let fallback = if self.keyboard.is_none() {
            self.most_important_shown()
        } else {
            None
        };
        let scene = Scene {
            graph: &self.graph,
            x: &self.sx,
            y: &self.sy,
            shown: &self.shown,
        };
        let cursor = Cursor {
            focused: self.keyboard,
            walked: self.hovered,
        };
        let step = graph_walk::navigate(&scene, cursor, key, fallback)?;
        self.keyboard = step.cursor.focused;
        self.hovered = step.cursor.walked;
        if let Some(to) = step.moved_to {
            self.keep_on_screen(to);
        }
        self.update_highlight();
        Some(step)
    }

    /// Moves the focus ring to a node (an entry of the accessible list got the focus).
    pub fn focus_node(&mut self, node: u32) {
        self.keyboard = Some(node);
        self.update_highlight();
    }

    /// The first shown node in importance order (where keyboard navigation starts).
    fn most_important_shown(&self) -> Option<u32> {
        self.importance.iter().copied().find(|&i| self.shown[i as usize])
    }

    /// Centres the camera on a node near or beyond the stage's edge.
    fn keep_on_screen(&mut self, node: u32) {
        let i = node as usize;
        let (sx, sy) = self
            .camera
            .to_screen(self.layout.x[i], self.layout.y[i], self.width, self.height);
        let m = EDGE_MARGIN;
        if sx < m || sy < m || sx > self.width - m || sy > self.height - m {
            self.centre_on(node);
            self.user_camera = true;
        }
    }
}
