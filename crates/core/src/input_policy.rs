//! The input policy of the map and the network stage: whether a touch or wheel gesture over the stage moves
//! the camera or the page around it.
//!
//! - **Direct**: the app fills the screen (the full shell; present and kiosk), so every gesture over the stage
//!   is the camera's: one finger pans, two pinch, the wheel zooms.
//! - **Cooperative**: the stage sits inside a page that scrolls (the app in another page's frame, the embed
//!   mode, a printed or long layout). One finger and a plain wheel scroll the page; two fingers pan and pinch
//!   the camera, a wheel with Ctrl or Meta zooms it (a trackpad pinch arrives as a Ctrl-wheel), and a short
//!   hint says so (cooperative gesture handling, as Google Maps' embeds do).
//!
//! Keys are the same in both. The browser side (`src/views/input_policy/`) reads the placement and applies
//! the decisions below.

/// Who a gesture over the stage belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum InputPolicy {
    Direct,
    Cooperative,
}

/// Where the stage is, as far as the policy cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Placement {
    /// The app runs in another page's frame (`window.top != window.self`).
    pub framed: bool,
    /// The shell's mode keeps the view on one screen without scrolling (full, present, kiosk); a mode that
    /// lets the page grow around the view (a printed or long layout) says false.
    pub fills_screen: bool,
    /// The document scrolls (only asked when the shell does not fill the screen).
    pub page_scrolls: bool,
}

/// What the stage tells the visitor when the page took a gesture the camera would take in direct mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Hint {
    /// One finger scrolled the page: "use two fingers".
    Touch,
    /// A plain wheel scrolled the page: "use Ctrl + scroll".
    Wheel,
}

impl Hint {
    /// Its key on the hint's `data-hint` attribute.
    pub fn key(self) -> &'static str {
        match self {
            Hint::Touch => "touch",
            Hint::Wheel => "wheel",
        }
    }
}

impl InputPolicy {
    /// The one place the policy is chosen (a shell mode may force one instead, e.g. embed or kiosk).
    pub fn choose(p: Placement) -> InputPolicy {
        if p.framed || (!p.fills_screen && p.page_scrolls) {
            InputPolicy::Cooperative
        } else {
            InputPolicy::Direct
        }
    }

    /// Its key on the stage's `data-input` attribute (the style sheets set `touch-action` by it).
    pub fn key(self) -> &'static str {
        match self {
            InputPolicy::Direct => "direct",
            InputPolicy::Cooperative => "cooperative",
        }
    }

    pub fn parse(s: &str) -> Option<InputPolicy> {
        [InputPolicy::Direct, InputPolicy::Cooperative]
            .into_iter()
            .find(|p| p.key() == s)
    }

    /// Whether `touches` fingers on the stage move the camera (else the page scrolls and nothing is
    /// prevented). Mouse and pen pointers always move the camera.
    pub fn camera_takes_touches(self, touches: usize) -> bool {
        match self {
            InputPolicy::Direct => touches >= 1,
            InputPolicy::Cooperative => touches >= 2,
        }
    }

    /// Whether a wheel turn over the stage zooms the camera (`modified`: Ctrl or Meta held, or a trackpad
    /// pinch); else it scrolls the page.
    pub fn wheel_zooms(self, modified: bool) -> bool {
        self == InputPolicy::Direct || modified
    }

    /// The hint to show after a touch sequence with `touches` fingers moved, if the camera did not take it.
    pub fn touch_hint(self, touches: usize) -> Option<Hint> {
        (touches >= 1 && !self.camera_takes_touches(touches)).then_some(Hint::Touch)
    }

    /// The hint to show after a wheel turn, if the camera did not take it.
    pub fn wheel_hint(self, modified: bool) -> Option<Hint> {
        (!self.wheel_zooms(modified)).then_some(Hint::Wheel)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(framed: bool, fills_screen: bool, page_scrolls: bool) -> InputPolicy {
        InputPolicy::choose(Placement {
            framed,
            fills_screen,
            page_scrolls,
        })
    }

    #[test]
    fn a_frame_or_a_scrolling_page_is_cooperative_a_full_screen_direct() {
        assert_eq!(at(false, true, false), InputPolicy::Direct);
        // The full shell fills the screen: its own scrolling (if any) does not make it cooperative.
        assert_eq!(at(false, true, true), InputPolicy::Direct);
        assert_eq!(at(true, true, false), InputPolicy::Cooperative);
        assert_eq!(at(true, false, false), InputPolicy::Cooperative);
        assert_eq!(at(false, false, true), InputPolicy::Cooperative);
        assert_eq!(at(false, false, false), InputPolicy::Direct);
    }

    #[test]
    fn direct_takes_every_gesture() {
        let p = InputPolicy::Direct;
        assert!(p.camera_takes_touches(1) && p.camera_takes_touches(2));
        assert!(p.wheel_zooms(false) && p.wheel_zooms(true));
        assert_eq!(p.touch_hint(1), None);
        assert_eq!(p.wheel_hint(false), None);
    }

    #[test]
    fn cooperative_leaves_one_finger_and_the_plain_wheel_to_the_page() {
        let p = InputPolicy::Cooperative;
        assert!(!p.camera_takes_touches(1));
        assert!(p.camera_takes_touches(2) && p.camera_takes_touches(3));
        assert!(!p.wheel_zooms(false));
        assert!(p.wheel_zooms(true));
        assert_eq!(p.touch_hint(1), Some(Hint::Touch));
        assert_eq!(p.touch_hint(2), None);
        assert_eq!(p.touch_hint(0), None);
        assert_eq!(p.wheel_hint(false), Some(Hint::Wheel));
        assert_eq!(p.wheel_hint(true), None);
    }

    #[test]
    fn keys_round_trip() {
        for p in [InputPolicy::Direct, InputPolicy::Cooperative] {
            assert_eq!(InputPolicy::parse(p.key()), Some(p));
        }
        assert_eq!(InputPolicy::parse("none"), None);
    }
}
