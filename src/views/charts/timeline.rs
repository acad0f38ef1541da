//! The timeline: a year slider with a play button, mounted once above the view tabs so every view (list, map,
//! network, charts) follows it. It writes only `query.years` (the single year in view, or the end of a range).
//!
//! Playing steps one year every 1.2 s until the last year, and is always started by the visitor (pausable).
//! Nothing animates in between steps, so it respects prefers-reduced-motion; arrow keys step the slider.

use std::time::Duration;

use ecomap_core::stats;
use leptos::leptos_dom::helpers::IntervalHandle;
use leptos::prelude::*;

use super::texts::view_texts;
use crate::state::{use_app, AppState};

/// Milliseconds between two steps while playing.
pub const STEP_MS: u64 = 1_200;

/// The years after moving the timeline to `y`: a range (from < to) keeps its start when it still fits, so the
/// range grows or shrinks; otherwise the single year `y`.
pub fn years_at(current: Option<(u16, u16)>, y: u16) -> (u16, u16) {
    match current {
        Some((a, b)) if a.min(b) < a.max(b) && a.min(b) <= y => (a.min(b), y),
        _ => (y, y),
    }
}

fn set_year(state: AppState, y: u16) {
    let now = state.query.with_untracked(|q| q.years);
    let next = years_at(now, y);
    if now != Some(next) {
        state.set_filters(|q| q.years = Some(next));
    }
}

/// Playing the timeline: one year every `STEP_MS` until the last year; always started by the visitor.
#[derive(Clone, Copy)]
struct Playback {
    state: AppState,
    /// The data's first and last project year.
    span: Memo<Option<(u16, u16)>>,
    /// The year in view, within the span.
    value: Memo<Option<u16>>,
    playing: RwSignal<bool>,
    handle: StoredValue<Option<IntervalHandle>>,
}

impl Playback {
    fn stop(self) {
        if let Some(h) = self.handle.get_value() {
            h.clear();
        }
        self.handle.set_value(None);
        self.playing.set(false);
    }

    /// One step of the interval: the next year, stopping at the last.
    fn step(self) {
        let (Some((_, to)), Some(y)) = (self.span.get_untracked(), self.value.get_untracked()) else {
            self.stop();
            return;
        };
        if y >= to {
            self.stop();
            return;
        }
        set_year(self.state, y + 1);
        if y + 1 >= to {
            self.stop();
        }
    }

    /// The play button: pauses, or shows the next year at once and starts the interval.
    fn toggle(self) {
        if self.playing.get_untracked() {
            self.stop();
            return;
        }
        let (Some((from, to)), Some(y)) = (self.span.get_untracked(), self.value.get_untracked()) else {
            return;
        };
        // From the end, play starts again at the first year (shown at once: the first step).
        if y >= to {
            set_year(self.state, from);
        } else {
            set_year(self.state, y + 1);
        }
        if let Ok(h) = set_interval_with_handle(move || self.step(), Duration::from_millis(STEP_MS)) {
            self.handle.set_value(Some(h));
            self.playing.set(true);
        }
    }

    /// Clears the interval when the timeline goes (without touching signals).
    fn release(self) {
        if let Some(h) = self.handle.get_value() {
            h.clear();
        }
    }
}

#[component]
pub fn Timeline() -> impl IntoView {
    let state = use_app();
    let t = move || view_texts(state.lang.get());
    let span = Memo::new(move |_| {
        state
            .data
            .with(|d| d.as_ref().and_then(|d| stats::project_year_span(&d.0.ds)))
    });
    let value = Memo::new(move |_| {
        let (from, to) = span.get()?;
        let y = state.data.with(|d| {
            d.as_ref()
                .and_then(|d| state.filter.with(|f| f.as_ref()?.year_in_view(&d.0.ds)))
        })?;
        Some(y.clamp(from, to))
    });
    let playback = Playback {
        state,
        span,
        value,
        playing: RwSignal::new(false),
        handle: StoredValue::new(None),
    };
    let playing = playback.playing;
    on_cleanup(move || playback.release());
    let on_input = move |ev: leptos::ev::Event| {
        if let Ok(y) = event_target_value(&ev).parse::<u16>() {
            set_year(state, y);
        }
    };
    // The slot keeps its height while the data loads, so the view below does not move when the timeline comes.
    view! {
        <div class="timeline-slot">
        <Show when=move || span.get().is_some()>
            <section class="timeline" data-testid="timeline" aria-label=move || t().timeline>
                <button type="button" class="timeline-play" data-testid="timeline-play"
                    aria-pressed=move || playing.get().to_string()
                    on:click=move |_| playback.toggle()>
                    <span aria-hidden="true">{move || if playing.get() { "❚❚ " } else { "▶ " }}</span>
                    {move || if playing.get() { t().pause } else { t().play }}
                </button>
                <label for="timeline-year">{move || t().timeline_all}</label>
                <input id="timeline-year" type="range" step="1" data-testid="timeline-slider"
                    min=move || span.get().map(|s| s.0).unwrap_or(0).to_string()
                    max=move || span.get().map(|s| s.1).unwrap_or(0).to_string()
                    prop:value=move || value.get().map(|v| v.to_string()).unwrap_or_default()
                    on:input=on_input/>
                <output for="timeline-year" data-testid="timeline-year">{move || value.get().map(|v| v.to_string())}</output>
            </section>
        </Show>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::years_at;

    #[test]
    fn the_timeline_moves_a_single_year_or_the_end_of_a_range() {
        assert_eq!(years_at(None, 2021), (2021, 2021));
        assert_eq!(years_at(Some((2025, 2025)), 2026), (2026, 2026));
        assert_eq!(years_at(Some((2019, 2023)), 2025), (2019, 2025));
        assert_eq!(years_at(Some((2023, 2019)), 2021), (2019, 2021));
        assert_eq!(
            years_at(Some((2022, 2024)), 2020),
            (2020, 2020),
            "before the start: a single year"
        );
    }
}
