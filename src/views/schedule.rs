//! Callbacks a view schedules for later (the next animation frame, a timeout) as handles the view owns:
//! dropping or cancelling the handle cancels the callback, so nothing a view scheduled runs after the view is
//! gone. A view keeps its slots in the state it releases on cleanup; a late callback then cannot happen,
//! rather than having to check whether it still may run.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use leptos::leptos_dom::helpers::{AnimationFrameRequestHandle, TimeoutHandle};
use leptos::prelude::{request_animation_frame_with_handle, set_timeout_with_handle};

/// At most one pending animation-frame callback; cancelled when cancelled, replaced or dropped.
#[derive(Default)]
pub struct FrameSlot {
    handle: Rc<Cell<Option<AnimationFrameRequestHandle>>>,
}

impl FrameSlot {
    /// Runs `f` in the next animation frame, unless a frame is already pending (that one runs instead and
    /// `f` is dropped). Returns whether `f` was scheduled.
    pub fn request(&self, f: impl FnOnce() + 'static) -> bool {
        if self.pending() {
            return false;
        }
        let slot = Rc::downgrade(&self.handle);
        let handle = request_animation_frame_with_handle(move || {
            // The frame is no longer pending once it runs (so `f` may request the next one).
            if let Some(slot) = slot.upgrade() {
                slot.set(None);
            }
            f();
        })
        .ok();
        self.handle.set(handle);
        handle.is_some()
    }

    /// Runs `f` in the next animation frame instead of whatever was pending.
    pub fn replace(&self, f: impl FnOnce() + 'static) -> bool {
        self.cancel();
        self.request(f)
    }

    pub fn pending(&self) -> bool {
        let h = self.handle.get();
        h.is_some()
    }

    pub fn cancel(&self) {
        if let Some(h) = self.handle.take() {
            h.cancel();
        }
    }
}

impl Drop for FrameSlot {
    fn drop(&mut self) {
        self.cancel();
    }
}

/// At most one pending timeout; a new one replaces the old (a debounce), and dropping cancels it.
#[derive(Default)]
pub struct TimerSlot {
    handle: Rc<Cell<Option<TimeoutHandle>>>,
}

impl TimerSlot {
    /// Runs `f` after `delay`, cancelling the timeout set before it.
    pub fn restart(&self, delay: Duration, f: impl FnOnce() + 'static) {
        self.cancel();
        let slot = Rc::downgrade(&self.handle);
        let handle = set_timeout_with_handle(
            move || {
                if let Some(slot) = slot.upgrade() {
                    slot.set(None);
                }
                f();
            },
            delay,
        )
        .ok();
        self.handle.set(handle);
    }

    pub fn cancel(&self) {
        if let Some(h) = self.handle.take() {
            h.clear();
        }
    }
}

impl Drop for TimerSlot {
    fn drop(&mut self) {
        self.cancel();
    }
}
