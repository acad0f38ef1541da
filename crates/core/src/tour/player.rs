//! The tour player's logic, shared by the presentation and kiosk modes: which step shows, whether it moves on
//! by itself, and what a key or a swipe asks for. The app owns the timer and applies a step through the Query.

/// What a visitor asks the player for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Next,
    Previous,
    First,
    Last,
    TogglePause,
}

/// The action of a key (`KeyboardEvent.key`): presenter clickers send PageDown/PageUp (some send arrows).
pub fn key_action(key: &str) -> Option<Action> {
    Some(match key {
        "ArrowRight" | " " | "Spacebar" | "PageDown" => Action::Next,
        "ArrowLeft" | "PageUp" => Action::Previous,
        "Home" => Action::First,
        "End" => Action::Last,
        "p" | "P" | "k" | "K" => Action::TogglePause,
        _ => return None,
    })
}

/// The action of a swipe by (dx, dy) CSS px: a mostly horizontal move of at least 50 px; to the left is next.
pub fn swipe_action(dx: f64, dy: f64) -> Option<Action> {
    if dx.abs() < 50.0 || dx.abs() < 2.0 * dy.abs() {
        return None;
    }
    Some(if dx < 0.0 { Action::Next } else { Action::Previous })
}

/// Where a tour stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Player {
    len: usize,
    index: usize,
    /// The visitor paused (no auto-advance until resumed).
    pub paused: bool,
    /// After the last step the first comes again (the kiosk's attract loop); else the player rests there.
    pub looping: bool,
}

impl Player {
    pub fn new(len: usize, looping: bool) -> Player {
        Player {
            len: len.max(1),
            index: 0,
            paused: false,
            looping,
        }
    }

    /// The step shown (0-based).
    pub fn index(&self) -> usize {
        self.index
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        false
    }

    /// Whether the step's timer should move on (not paused, and not resting on the last step of a one-way
    /// tour).
    pub fn auto_advances(&self) -> bool {
        !self.paused && (self.looping || self.index + 1 < self.len)
    }

    /// Applies an action; the new index when the step changed.
    pub fn act(&mut self, a: Action) -> Option<usize> {
        let old = self.index;
        match a {
            Action::Next if self.index + 1 < self.len => self.index += 1,
            Action::Next if self.looping => self.index = 0,
            Action::Next => {}
            Action::Previous => self.index = self.index.saturating_sub(1),
            Action::First => self.index = 0,
            Action::Last => self.index = self.len - 1,
            Action::TogglePause => self.paused = !self.paused,
        }
        (self.index != old).then_some(self.index)
    }

    /// Back to the first step, playing (the kiosk's idle reset).
    pub fn restart(&mut self) {
        self.index = 0;
        self.paused = false;
    }
}
