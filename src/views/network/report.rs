//! What the engine reports to the page as signals: the data attributes on the view's root, the status line
//! and the accessible list. `publish` copies the engine's state into them.

use leptos::prelude::*;

use super::engine::{Engine, LayoutStatus, ListItem};

/// Nodes in the accessible list.
const LIST_MAX: usize = 40;

#[derive(Clone, Copy)]
pub struct Report {
    /// `data-layout` shows `LayoutStatus::key()`.
    pub status: RwSignal<LayoutStatus>,
    pub drawn: RwSignal<bool>,
    pub hovered: RwSignal<String>,
    pub keyboard: RwSignal<String>,
    pub highlighted: RwSignal<u32>,
    pub visible: RwSignal<u32>,
    pub iterations: RwSignal<u32>,
    /// Benchmark figures: median iteration ms, layout ms (start to stop), quality when done.
    pub timing: RwSignal<(f32, f64, f32)>,
    pub list: RwSignal<Vec<ListItem>>,
    pub renderer: RwSignal<&'static str>,
    /// Edges of the current picture (the projects in view), and how many the last frame drew at most: fewer
    /// only while the layout animates (docs/network.md); the legend says so then.
    pub edges: RwSignal<usize>,
    pub edges_shown: RwSignal<usize>,
    /// Where the layout runs: "worker" or "page".
    pub runner: RwSignal<&'static str>,
    /// The WebGL2 context is lost (drawing paused until the browser restores it).
    pub lost: RwSignal<bool>,
    /// The camera (`data-camera`: "x/y/scale", the centre in layout units and CSS px per unit), set as it
    /// moves.
    pub camera: RwSignal<String>,
}

impl Report {
    pub fn new() -> Report {
        Report {
            status: RwSignal::new(LayoutStatus::Running),
            drawn: RwSignal::new(false),
            hovered: RwSignal::new(String::new()),
            keyboard: RwSignal::new(String::new()),
            highlighted: RwSignal::new(0),
            visible: RwSignal::new(0),
            iterations: RwSignal::new(0),
            timing: RwSignal::new((0.0, 0.0, 0.0)),
            list: RwSignal::new(Vec::new()),
            renderer: RwSignal::new(""),
            edges: RwSignal::new(0),
            edges_shown: RwSignal::new(0),
            runner: RwSignal::new(""),
            lost: RwSignal::new(false),
            camera: RwSignal::new(String::new()),
        }
    }

    /// The visitor asked for another picture (another graph mode): until the new engine's first frame the root
    /// says its layout runs and nothing is drawn, never the previous engine's state.
    pub fn expect_new_picture(self) {
        self.status.set(LayoutStatus::Running);
        self.drawn.set(false);
        self.lost.set(false);
    }

    /// The engine's camera on `data-camera` (when it changed); also called by the visitor's pan and zoom.
    pub fn show_camera(self, engine: &Engine) {
        let c = engine.camera;
        let text = format!("{:.2}/{:.2}/{:.5}", c.x, c.y, c.scale);
        if self.camera.with_untracked(|old| *old != text) {
            self.camera.set(text);
        }
    }

    /// Publishes the engine's state to the signals (from an animation frame, never from an effect);
    /// `with_list` also rebuilds the accessible list and the benchmark figures.
    pub fn publish(self, engine: &Engine, with_list: bool) {
        self.status.set(engine.status);
        if self.renderer.get_untracked() != engine.renderer.name() {
            self.renderer.set(engine.renderer.name());
        }
        if self.edges.get_untracked() != engine.edge_count {
            self.edges.set(engine.edge_count);
        }
        let shown = engine.edge_count / engine.edge_stride.max(1);
        if self.edges_shown.get_untracked() != shown {
            self.edges_shown.set(shown);
        }
        self.hovered
            .set(engine.hovered.map(|h| engine.name(h).to_string()).unwrap_or_default());
        self.keyboard
            .set(engine.keyboard.map(|h| engine.name(h).to_string()).unwrap_or_default());
        self.highlighted.set(engine.highlighted_count);
        self.visible.set(engine.visible_count());
        self.iterations.set(engine.layout.iterations);
        self.show_camera(engine);
        if with_list {
            self.list.set(engine.list(LIST_MAX));
            let q = ecomap_core::layout::state_quality(&engine.layout).unwrap_or(0.0);
            self.timing.set((engine.median_iteration_ms(), engine.layout_ms, q));
        }
    }
}
