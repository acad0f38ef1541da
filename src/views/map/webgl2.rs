//! The WebGL2 renderer (not yet written: `new` declines, so the Canvas 2D renderer draws).
//! Kept behind the same `Renderer` trait so the view does not change when it lands.

use web_sys::HtmlCanvasElement;

use super::render::Renderer;

pub struct WebGl2Renderer;

impl WebGl2Renderer {
    pub fn new(_canvas: &HtmlCanvasElement) -> Option<WebGl2Renderer> {
        None
    }
}

impl Renderer for WebGl2Renderer {
    fn name(&self) -> &'static str {
        "webgl2"
    }
    fn resize(&mut self, _vp: &ecomap_core::projection::Viewport) {}
    fn draw(&mut self, _scene: &super::scene::Scene, _vp: &ecomap_core::projection::Viewport) {}
}
