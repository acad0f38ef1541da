//! Chart themes: light, dark and a high-contrast presentation theme (bigger text, black on white).
//!
//! Series colours keep 3:1 against their background; segments are also numbered, so colour is never the only cue.

use leptos::prelude::*;

/// Colours and sizes of a chart theme.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    pub background: (u8, u8, u8),
    pub text: (u8, u8, u8),
    pub grid: (u8, u8, u8),
    pub accent: (u8, u8, u8),
    /// Technology colours (by `TechnologyId`, cycled), then kinds by `ActorKind::index()` from offset 16.
    pub series: &'static [(u8, u8, u8)],
    pub kinds: &'static [(u8, u8, u8); 7],
    pub font: u32,
    /// Separator line between stacked segments.
    pub stroke: u32,
}

/// The visitor's choice; `Auto` follows the system's light or dark preference.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ChartTheme {
    #[default]
    Auto,
    Light,
    Dark,
    Contrast,
}

impl ChartTheme {
    pub const ALL: [ChartTheme; 4] = [
        ChartTheme::Auto,
        ChartTheme::Light,
        ChartTheme::Dark,
        ChartTheme::Contrast,
    ];
    pub fn key(self) -> &'static str {
        match self {
            ChartTheme::Auto => "auto",
            ChartTheme::Light => "light",
            ChartTheme::Dark => "dark",
            ChartTheme::Contrast => "contrast",
        }
    }
    pub fn parse(s: &str) -> Option<ChartTheme> {
        ChartTheme::ALL.into_iter().find(|t| t.key() == s)
    }
    /// The theme to draw with (never `Auto`).
    pub fn resolve(self, system_dark: bool) -> ChartTheme {
        match self {
            ChartTheme::Auto if system_dark => ChartTheme::Dark,
            ChartTheme::Auto => ChartTheme::Light,
            t => t,
        }
    }
    pub fn palette(self) -> &'static Palette {
        match self {
            ChartTheme::Dark => &DARK,
            ChartTheme::Contrast => &CONTRAST,
            _ => &LIGHT,
        }
    }
}

/// The visitor's choice with the system's preference it resolves against (view state, not in the URL).
#[derive(Clone, Copy)]
pub struct ThemeChoice {
    pub chosen: RwSignal<ChartTheme>,
    pub system_dark: bool,
}

impl ThemeChoice {
    /// Starts at `Auto`.
    pub fn new(system_dark: bool) -> ThemeChoice {
        ThemeChoice {
            chosen: RwSignal::new(ChartTheme::Auto),
            system_dark,
        }
    }

    /// The theme the charts are drawn with, tracked.
    pub fn drawn(self) -> ChartTheme {
        self.chosen.get().resolve(self.system_dark)
    }

    /// The palette the charts are drawn with, tracked.
    pub fn palette(self) -> &'static Palette {
        self.drawn().palette()
    }

    /// The palette the charts are drawn with, untracked (for event handlers).
    pub fn palette_untracked(self) -> &'static Palette {
        self.chosen.get_untracked().resolve(self.system_dark).palette()
    }
}

/// Hex form of a colour for CSS (legend swatches on the page).
pub fn hex(c: (u8, u8, u8)) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

/// The colour of series colour index `i` (see `Palette::series`, kinds from 16).
pub fn colour(p: &Palette, i: usize, single: bool) -> (u8, u8, u8) {
    if i >= 16 {
        p.kinds[(i - 16) % 7]
    } else if single {
        p.accent
    } else {
        p.series[i % p.series.len()]
    }
}

pub static LIGHT: Palette = Palette {
    background: (255, 255, 255),
    text: (28, 31, 36),
    grid: (208, 212, 218),
    accent: (11, 92, 173),
    series: &[
        (11, 92, 173),
        (194, 65, 12),
        (43, 138, 62),
        (123, 63, 184),
        (181, 18, 122),
        (15, 118, 110),
        (138, 83, 0),
        (61, 79, 159),
        (92, 95, 102),
    ],
    kinds: &crate::kinds::LIGHT,
    font: 14,
    stroke: 1,
};

pub static DARK: Palette = Palette {
    background: (29, 33, 40),
    text: (232, 234, 237),
    grid: (58, 65, 76),
    accent: (116, 179, 242),
    series: &[
        (116, 179, 242),
        (251, 146, 60),
        (108, 201, 122),
        (196, 161, 240),
        (244, 143, 197),
        (94, 234, 212),
        (240, 179, 90),
        (165, 180, 252),
        (156, 163, 175),
    ],
    kinds: &crate::kinds::DARK,
    font: 14,
    stroke: 1,
};

pub static CONTRAST: Palette = Palette {
    background: (255, 255, 255),
    text: (0, 0, 0),
    grid: (110, 110, 110),
    accent: (0, 0, 170),
    series: &[
        (0, 0, 170),
        (170, 0, 0),
        (0, 100, 0),
        (90, 0, 160),
        (150, 0, 90),
        (0, 85, 85),
        (110, 60, 0),
        (0, 0, 0),
        (80, 80, 80),
    ],
    kinds: &crate::kinds::CONTRAST,
    font: 18,
    stroke: 2,
};
