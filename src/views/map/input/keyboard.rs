//! The map stage's keys: arrows pan by 100 px, `+`/`=` and `-`/`_` zoom by a level, `0` shows the whole region.

use super::Handlers;

/// How far an arrow key pans, CSS px.
const PAN_STEP: f64 = 100.0;

impl Handlers {
    pub fn key(&self, ev: web_sys::KeyboardEvent) {
        // Keys on a control inside the stage (a marker's button, a zoom button) are that control's own.
        if ev.target() != ev.current_target() {
            return;
        }
        let Some((cam, _)) = self.cam() else { return };
        let new_cam = match ev.key().as_str() {
            "ArrowLeft" => cam.panned(PAN_STEP, 0.0),
            "ArrowRight" => cam.panned(-PAN_STEP, 0.0),
            "ArrowUp" => cam.panned(0.0, PAN_STEP),
            "ArrowDown" => cam.panned(0.0, -PAN_STEP),
            "+" | "=" => {
                ev.prevent_default();
                return self.zoom_by(1.0);
            }
            "-" | "_" => {
                ev.prevent_default();
                return self.zoom_by(-1.0);
            }
            "0" => {
                ev.prevent_default();
                return self.home();
            }
            _ => return,
        };
        ev.prevent_default();
        self.sched.set_camera(new_cam);
    }
}
