//! Building the frame a renderer draws: nodes projected to the screen, edges, nodes and labels sorted into
//! layers (faded, normal, highlighted), the focus ring. The level of detail (edge budgets, label limits)
//! lives here.

use super::super::labels;
use super::super::render::{Frame, Label, Layer, NodeDraw};
use super::{Engine, LayoutStatus};

/// While the layout animates, a frame above this many edges draws a regular subsample (every n-th edge of
/// the graph, technology edges as any other); highlighted edges are always drawn. At rest every edge in view
/// is drawn. The legend says when a frame was thinned (docs/network.md).
const MOVING_EDGE_BUDGET: usize = 30_000;

impl Engine {
    /// Screen positions of every node for the current camera.
    pub(super) fn project(&mut self) {
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
        let sf = self.size_factor();
        let mut frame = std::mem::take(&mut self.frame);
        frame.clear();
        frame.width = self.width;
        frame.height = self.height;
        self.push_edges(&mut frame, moving);
        self.push_nodes(&mut frame, sf);
        self.push_labels(&mut frame, sf, moving);
        if let Some(k) = self.keyboard {
            let k = k as usize;
            frame.ring = Some((self.sx[k], self.sy[k], self.radius[k] * sf));
        }
        self.renderer.draw(&frame, &self.palette);
        self.frame = frame;
        self.drawn = self.camera;
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

    /// Whether the screen point lies inside the stage grown by `margin` px on every side.
    fn on_stage(&self, x: f32, y: f32, margin: f32) -> bool {
        x > -margin && y > -margin && x < self.width + margin && y < self.height + margin
    }

    /// Edges: skip hidden ends, off-screen and sub-pixel ones; a regular subsample above the budget.
    fn push_edges(&mut self, frame: &mut Frame, moving: bool) {
        let (w, h) = (self.width, self.height);
        let ne = self.edge_count;
        let stride = if moving && ne > MOVING_EDGE_BUDGET {
            ne.div_ceil(MOVING_EDGE_BUDGET)
        } else {
            1
        };
        self.edge_stride = stride;
        let centre = self.hovered.or(self.keyboard);
        for (k, e) in self.graph.edges.iter().enumerate() {
            if !self.edge_in_view(k) {
                continue;
            }
            let (a, b) = (e.a as usize, e.b as usize);
            let hl = self.highlighted[a]
                && self.highlighted[b]
                && centre.is_some_and(|c| c as usize == a || c as usize == b);
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
            frame.edges[layer as usize].push([x0, y0, x1, y1]);
        }
    }

    /// Nodes on screen with their layer (the renderer paints faded, then normal, then highlighted).
    fn push_nodes(&self, frame: &mut Frame, sf: f32) {
        for i in 0..self.len() {
            if !self.drawable(i) {
                continue;
            }
            let r = self.radius[i] * sf;
            if !self.on_stage(self.sx[i], self.sy[i], r + 2.0) {
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
    }

    /// Labels: the highlighted node and its neighbours first, then by importance, the ones that fit.
    fn push_labels(&self, frame: &mut Frame, sf: f32, moving: bool) {
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
        let scale = crate::browser::label_scale();
        order.extend(
            self.importance
                .iter()
                .copied()
                .filter(|&i| self.shown[i as usize] && self.on_stage(self.sx[i as usize], self.sy[i as usize], 0.0))
                .take(400),
        );
        let mut seen = std::collections::HashSet::new();
        order.retain(|i| seen.insert(*i));
        let cands: Vec<(f32, f32, f32)> = order
            .iter()
            .map(|&i| {
                let tech = i as usize >= self.graph.actors;
                let cw = if tech { 7.5 } else { 6.2 } * scale;
                let i = i as usize;
                let text_w = self.names[i].chars().count().min(40) as f32 * cw;
                (text_w, self.sx[i] + self.radius[i] * sf + 3.0, self.sy[i])
            })
            .collect();
        for k in labels::place(&cands, self.width, self.height, 15.0 * scale, limit) {
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
    }
}
