//! What the map reads from the browser besides events: the stage's size and pixel ratio, and the visitor's
//! settings in localStorage (the forced renderer, the online tiles).

use ecomap_core::projection::Viewport;

/// localStorage key that forces the Canvas 2D renderer ("canvas2d"), for tests and weak GPUs.
pub const RENDERER_KEY: &str = "ecomap.map.renderer";

/// The element's size in CSS px (at least 1 × 1) and the device pixel ratio.
pub fn viewport_of(el: &web_sys::HtmlElement) -> Viewport {
    Viewport {
        width: (el.client_width() as f64).max(1.0),
        height: (el.client_height() as f64).max(1.0),
        dpr: crate::browser::pixel_ratio(),
    }
}

pub use crate::browser::stored as storage_get;

pub fn force_canvas2d() -> bool {
    storage_get(RENDERER_KEY).as_deref() == Some("canvas2d")
}
