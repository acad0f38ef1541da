//! The drawn charts the view shares with its cards: `ChartSet` (all six, from one memo) and `ChartRef` (one
//! card's chart in it, by position, so each card keeps its own state across redraws).

use std::sync::Arc;

use leptos::prelude::*;

use super::chart_spec::ChartSpec;
use super::draw::Drawn;

/// One chart: what it shows and how it was drawn for the page.
pub struct Chart {
    pub spec: ChartSpec,
    pub drawn: Drawn,
}

/// The drawn charts, compared by identity (a memo notifies on every redraw).
#[derive(Clone)]
pub struct ChartSet(pub Arc<Vec<Chart>>);

impl PartialEq for ChartSet {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// How many charts the view shows (fixed, so each card keeps its own state across redraws).
pub const CHARTS: usize = 6;

/// The chart at `index` of the drawn set (none before the first drawing).
#[derive(Clone, Copy)]
pub struct ChartRef {
    pub charts: Memo<Option<ChartSet>>,
    pub index: usize,
}

impl ChartRef {
    /// `f` of the chart, tracked (the caller reruns on every redraw).
    pub fn with<R>(self, f: impl FnOnce(&Chart) -> R) -> Option<R> {
        self.charts
            .with(|c| c.as_ref().and_then(|c| c.0.get(self.index)).map(f))
    }

    /// `f` of the chart, untracked (for event handlers).
    pub fn with_untracked<R>(self, f: impl FnOnce(&Chart) -> R) -> Option<R> {
        self.charts
            .with_untracked(|c| c.as_ref().and_then(|c| c.0.get(self.index)).map(f))
    }

    /// A text of the chart, tracked; empty before it is drawn.
    pub fn text(self, f: impl FnOnce(&Chart) -> String) -> String {
        self.with(f).unwrap_or_default()
    }
}
