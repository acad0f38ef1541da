//! The visitor's toolbar choices as signals: graph mode, fade or hide what is not selected, ego depth,
//! renderer and node size. Fade/hide, renderer and size are kept in localStorage for the next visit.

use ecomap_core::graph::GraphMode;
use leptos::prelude::*;

use super::engine::SizeBy;
use crate::browser::{store as remember, stored};

const HIDE_KEY: &str = "ecomap.network.hide";
const RENDERER_KEY: &str = "ecomap.network.renderer";
const SIZE_KEY: &str = "ecomap.network.size";

#[derive(Clone, Copy)]
pub struct Settings {
    pub mode: RwSignal<GraphMode>,
    /// Hide (true) or fade (false) the nodes the filters do not select.
    pub hide: RwSignal<bool>,
    /// Show only the opened node's neighbourhood: 0 (off), 1 or 2 steps.
    pub ego_depth: RwSignal<u8>,
    /// "webgl2" (the default) or "canvas2d".
    pub renderer: RwSignal<String>,
    pub size_by: RwSignal<SizeBy>,
}

impl Settings {
    /// The defaults, with the choices kept from an earlier visit.
    pub fn from_storage() -> Settings {
        Settings {
            mode: RwSignal::new(GraphMode::Ecosystems),
            hide: RwSignal::new(stored(HIDE_KEY).as_deref() == Some("1")),
            ego_depth: RwSignal::new(0u8),
            renderer: RwSignal::new(
                stored(RENDERER_KEY)
                    .filter(|v| v == "canvas2d")
                    .unwrap_or_else(|| "webgl2".to_string()),
            ),
            size_by: RwSignal::new(
                stored(SIZE_KEY)
                    .and_then(|v| SizeBy::parse(&v))
                    .unwrap_or(SizeBy::Degree),
            ),
        }
    }

    /// The visitor chose to hide (or fade) what is not selected.
    pub fn choose_hide(self, hide: bool) {
        remember(HIDE_KEY, if hide { "1" } else { "0" });
        self.hide.set(hide);
    }

    /// The visitor chose a renderer by its option value; anything but "webgl2" is Canvas 2D.
    pub fn choose_renderer(self, value: &str) {
        let v = if value == "webgl2" { "webgl2" } else { "canvas2d" };
        remember(RENDERER_KEY, v);
        self.renderer.set(v.to_string());
    }

    /// The visitor chose what node size shows by its option value (unknown values: degree).
    pub fn choose_size_by(self, value: &str) {
        let by = SizeBy::parse(value).unwrap_or(SizeBy::Degree);
        remember(SIZE_KEY, by.key());
        self.size_by.set(by);
    }
}
