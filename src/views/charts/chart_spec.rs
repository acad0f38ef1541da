//! What a chart shows, already localised: `ChartSpec` with its categories, series and values, the `Key` a bar
//! stands for (what a click on it sets) and the `Unit` its values are written in.
//!
//! Pure data: `specs` builds these from core::stats, `draw` draws them, the card's table lists them.

use ecomap_core::format;
use ecomap_core::model::{ActorKind, Eur, Lang};

/// What a bar stands for: clicking it sets this filter (or opens this actor).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Key {
    Year(u16),
    Technology(String),
    Sector(String),
    Kind(ActorKind),
    Actor(String),
}

/// Money or a count: how values and ticks are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Eur,
    Count,
}

impl Unit {
    pub fn format(self, v: u64, lang: Lang) -> String {
        match self {
            Unit::Eur => format::eur_compact(Eur(v), lang),
            Unit::Count => format::int(v, lang),
        }
    }
}

/// Columns (categories along x, e.g. years) or bars (categories down the y axis, e.g. actors).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Orientation {
    Columns,
    Bars,
}

/// One category (a column or bar).
#[derive(Clone, Debug, PartialEq)]
pub struct Category {
    pub label: String,
    pub key: Key,
    /// Part of the current filter: drawn with an outline and a bold label (not by colour alone).
    pub chosen: bool,
}

/// One series of a stacked chart (a technology, an actor kind); numbered in the legend and inside segments.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub name: String,
    pub key: Option<Key>,
    /// Index into the theme's series colours.
    pub colour: usize,
}

/// Everything a chart shows, already localised.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartSpec {
    /// Stable name (test ids, file names).
    pub id: &'static str,
    pub title: String,
    /// The selected totals in one line ("2025: 98 projects, €68.9M, 42 new").
    pub summary: String,
    /// How to read it ("a project counts under each of its technologies").
    pub note: String,
    pub category_axis: String,
    pub value_axis: String,
    pub orientation: Orientation,
    pub unit: Unit,
    pub categories: Vec<Category>,
    pub series: Vec<Series>,
    /// `[category][series]`.
    pub values: Vec<Vec<u64>>,
    pub lang: Lang,
}

impl ChartSpec {
    pub fn total(&self, category: usize) -> u64 {
        self.values.get(category).map(|v| v.iter().sum()).unwrap_or(0)
    }

    /// More than one series: segments are numbered, the legend is shown, the table has a column per series.
    pub fn is_stacked(&self) -> bool {
        self.series.len() > 1
    }
}
