//! The camera: world (layout units) → CSS pixels, `screen = (world - centre) · scale + size / 2`.
//!
//! The drawn image can be moved by a CSS transform between two cameras while the pointer moves, so pan and
//! zoom cost no redraw; the engine redraws when the camera rests.

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Camera {
    pub x: f32,
    pub y: f32,
    /// CSS pixels per layout unit.
    pub scale: f32,
}

impl Default for Camera {
    fn default() -> Camera {
        Camera {
            x: 0.0,
            y: 0.0,
            scale: 1.0,
        }
    }
}

impl Camera {
    pub fn to_screen(self, x: f32, y: f32, w: f32, h: f32) -> (f32, f32) {
        ((x - self.x) * self.scale + w * 0.5, (y - self.y) * self.scale + h * 0.5)
    }

    pub fn to_world(self, sx: f32, sy: f32, w: f32, h: f32) -> (f32, f32) {
        (
            (sx - w * 0.5) / self.scale + self.x,
            (sy - h * 0.5) / self.scale + self.y,
        )
    }

    /// A camera showing the box `[x0, y0, x1, y1]` with a margin.
    pub fn fit(b: [f32; 4], w: f32, h: f32) -> Camera {
        let bw = (b[2] - b[0]).max(1e-3);
        let bh = (b[3] - b[1]).max(1e-3);
        let scale = ((w - 40.0).max(10.0) / bw).min((h - 40.0).max(10.0) / bh);
        Camera {
            x: (b[0] + b[2]) * 0.5,
            y: (b[1] + b[3]) * 0.5,
            scale: if scale.is_finite() && scale > 0.0 { scale } else { 1.0 },
        }
    }

    /// Zooms by `factor` keeping the screen point (sx, sy) fixed.
    pub fn zoom_at(&mut self, factor: f32, sx: f32, sy: f32, w: f32, h: f32) {
        let (wx, wy) = self.to_world(sx, sy, w, h);
        self.scale = (self.scale * factor).clamp(1e-6, 1e6);
        let (nx, ny) = self.to_world(sx, sy, w, h);
        self.x += wx - nx;
        self.y += wy - ny;
    }

    /// The CSS transform that moves an image drawn with `drawn` to where `self` would draw it
    /// (transform-origin at the centre).
    pub fn css_transform_from(&self, drawn: &Camera) -> String {
        let r = self.scale / drawn.scale;
        let tx = (drawn.x - self.x) * self.scale;
        let ty = (drawn.y - self.y) * self.scale;
        format!("translate({tx}px, {ty}px) scale({r})")
    }
}
