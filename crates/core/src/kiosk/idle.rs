//! The kiosk's idle clock: after `idle` seconds without a touch a countdown of `warn` seconds shows ("Starting
//! over in 9 s, touch to stay"), and then the kiosk resets to the start of its tour. Any touch, key or pointer
//! movement starts the clock again. Times are milliseconds from any fixed start (the page's clock).

/// What the kiosk shows at a moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdleState {
    /// Someone is using it.
    Active,
    /// The countdown: whole seconds left (rounded up, so it never shows 0 before the reset).
    Warning { seconds_left: u32 },
    /// Time to reset.
    Reset,
}

#[derive(Clone, Copy, Debug)]
pub struct IdleClock {
    idle_ms: f64,
    warn_ms: f64,
    last_touch: f64,
}

/// The countdown's length, within the idle time.
pub const WARN_SECONDS: u32 = 10;

impl IdleClock {
    /// A clock that resets after `idle_seconds` without a touch, the last [`WARN_SECONDS`] of them shown as a
    /// countdown (never more than half of the idle time).
    pub fn new(idle_seconds: u32, now: f64) -> IdleClock {
        let idle_ms = f64::from(idle_seconds.max(1)) * 1000.0;
        IdleClock {
            idle_ms,
            warn_ms: (f64::from(WARN_SECONDS) * 1000.0).min(idle_ms / 2.0),
            last_touch: now,
        }
    }

    /// A touch, key or pointer movement at `now`.
    pub fn touch(&mut self, now: f64) {
        self.last_touch = self.last_touch.max(now);
    }

    pub fn state(&self, now: f64) -> IdleState {
        let left = self.idle_ms - (now - self.last_touch);
        if left <= 0.0 {
            IdleState::Reset
        } else if left <= self.warn_ms {
            IdleState::Warning {
                seconds_left: (left / 1000.0).ceil() as u32,
            }
        } else {
            IdleState::Active
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_down_the_last_ten_seconds_then_resets() {
        let mut c = IdleClock::new(60, 1_000.0);
        assert_eq!(c.state(1_000.0), IdleState::Active);
        assert_eq!(c.state(50_999.0), IdleState::Active);
        assert_eq!(c.state(51_000.0), IdleState::Warning { seconds_left: 10 });
        assert_eq!(c.state(60_500.0), IdleState::Warning { seconds_left: 1 });
        assert_eq!(c.state(61_000.0), IdleState::Reset);
        c.touch(60_000.0);
        assert_eq!(
            c.state(61_000.0),
            IdleState::Active,
            "a touch in the countdown keeps the visitor's view"
        );
        c.touch(10.0);
        assert_eq!(
            c.state(61_000.0),
            IdleState::Active,
            "a late event never moves the clock back"
        );
    }

    #[test]
    fn a_short_idle_time_warns_for_half_of_it() {
        let c = IdleClock::new(5, 0.0);
        assert_eq!(c.state(2_499.0), IdleState::Active);
        assert_eq!(c.state(2_500.0), IdleState::Warning { seconds_left: 3 });
        let c = IdleClock::new(20, 0.0);
        assert_eq!(c.state(9_999.0), IdleState::Active);
        assert_eq!(c.state(10_000.0), IdleState::Warning { seconds_left: 10 });
    }
}
