//! What the map view shows reactively besides the canvases: the markers on its root (`data-*`, for tests and
//! the tile layer), the tooltip, and the visible markers mirrored in the accessible list. These signals are
//! written from events only (animation frames, timers, resize, input, context loss), never by an effect.

use ecomap_core::projection::{Camera, Viewport};
use leptos::prelude::*;

/// What the hover tooltip shows: position (CSS px in the map) and lines of text.
#[derive(Clone, Debug, PartialEq)]
pub struct Tip {
    pub x: f64,
    pub y: f64,
    pub lines: Vec<String>,
}

/// One visible marker for the accessible list: what it is and where (CSS px in the map).
#[derive(Clone, Debug, PartialEq)]
pub struct MarkerInfo {
    pub item: ecomap_core::cluster::Item,
    pub x: f32,
    pub y: f32,
    /// Radius drawn, CSS px (the focus ring goes around it).
    pub r: f32,
    pub count: u32,
}

/// What one drawn frame showed: published on the view's root for tests, and the camera for the tile layer.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FrameReport {
    pub markers: usize,
    /// Actors in the largest marker.
    pub largest: u32,
    /// Markers drawn highlighted (the list's hovered row).
    pub highlighted: usize,
    pub arcs: usize,
    /// Arcs with an end in view (more than `arcs` when the strongest were drawn only).
    pub arcs_in_view: usize,
    pub camera: Camera,
    pub viewport: Viewport,
    pub renderer: &'static str,
    /// Frames drawn so far by the view's engine.
    pub frames: u32,
}

/// Reactive handles the scheduler and the input code update (besides the engine itself).
#[derive(Clone, Copy)]
pub struct MapSignals {
    pub tip: RwSignal<Option<Tip>>,
    pub drawn: RwSignal<bool>,
    pub markers: RwSignal<usize>,
    pub largest: RwSignal<u32>,
    pub zoom: RwSignal<f64>,
    pub renderer: RwSignal<&'static str>,
    /// The visible markers when the camera last rested (an accessible list of buttons mirrors them).
    pub items: RwSignal<Vec<MarkerInfo>>,
    /// Arcs drawn in the last frame, and how many had an end in view.
    pub arcs: RwSignal<usize>,
    pub arcs_in_view: RwSignal<usize>,
    /// True while the WebGL context is lost.
    pub lost: RwSignal<bool>,
    /// Frames drawn (tests wait for a new one).
    pub frames: RwSignal<u32>,
    /// Markers drawn highlighted (the list's hovered row).
    pub highlighted: RwSignal<usize>,
    /// The camera of the last frame (the tile layer follows it).
    pub camera: RwSignal<Option<(Camera, Viewport)>>,
}

impl MapSignals {
    pub fn new() -> MapSignals {
        MapSignals {
            tip: RwSignal::new(None),
            drawn: RwSignal::new(false),
            markers: RwSignal::new(0),
            largest: RwSignal::new(0),
            zoom: RwSignal::new(0.0),
            renderer: RwSignal::new(""),
            camera: RwSignal::new(None),
            items: RwSignal::new(Vec::new()),
            lost: RwSignal::new(false),
            arcs: RwSignal::new(0),
            arcs_in_view: RwSignal::new(0),
            frames: RwSignal::new(0),
            highlighted: RwSignal::new(0),
        }
    }

    /// Shows what a frame drew. Called from events only (an animation frame, a resize), never by an effect.
    pub fn publish_frame(&self, r: &FrameReport) {
        self.arcs.set(r.arcs);
        self.arcs_in_view.set(r.arcs_in_view);
        self.highlighted.set(r.highlighted);
        self.frames.set(r.frames);
        self.markers.set(r.markers);
        self.largest.set(r.largest);
        self.zoom.set(r.camera.zoom);
        self.camera.set(Some((r.camera, r.viewport)));
        if self.renderer.get_untracked() != r.renderer {
            self.renderer.set(r.renderer);
        }
    }
}
