//! The page shell: which parts of the page show in the current mode, and the open or closed state of its
//! panels (the filter drawer, the settings panel) and the device settings (the renderer).
//!
//! One shell serves every width (docs/shell.md): at 1280 px and wider the filters are a column beside the
//! view that a visitor can fold away; narrower they are a drawer over the view. The detail panel is a column
//! from 761 px and a bottom sheet on phones. Modes choose the parts: `Full` (the explorer) and `Embed` (the
//! chosen view with a slim bar and the panels the link asks for: `embed_bar.rs`, docs/embedding.md) and
//! `Present` (`?mode=present`: the view, the presentation theme and the tour's bar, `crate::present`,
//! docs/presenting.md) and `Kiosk` (`?mode=kiosk`: the explorer touch first, with the tour as an attract
//! loop, `crate::kiosk`).

pub mod embed_bar;
pub mod texts;

use ecomap_core::embed::{Panel, Panels};
use ecomap_core::query::Query;
use leptos::prelude::*;

use crate::browser;

/// Where the filters stay open beside the view on start (a column); narrower screens start with the drawer
/// closed, so the view gets the width.
pub const WIDE: &str = "(min-width: 1280px)";

/// localStorage key of the renderer choice (a device setting, never in a link).
const RENDERER_KEY: &str = "ecomap.network.renderer";

/// What draws the map and the network.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Renderer {
    WebGl2,
    Canvas2d,
}

impl Renderer {
    pub fn key(self) -> &'static str {
        match self {
            Renderer::WebGl2 => "webgl2",
            Renderer::Canvas2d => "canvas2d",
        }
    }

    /// An option value: "canvas2d" is Canvas 2D, anything else WebGL2 (the default).
    pub fn parse(value: &str) -> Renderer {
        if value == "canvas2d" {
            Renderer::Canvas2d
        } else {
            Renderer::WebGl2
        }
    }
}

/// Which parts of the page a mode shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// The explorer: header, filters, tabs, chips, timeline, the view, the detail.
    Full,
    /// In another site's page (`?embed=1`): a slim bar, the chosen view, its chips and detail, and only the
    /// panels the link names (`panels=`); no header, tabs or settings.
    Embed,
    /// On a projector (`?mode=present`): the view alone in the high-contrast presentation theme, with the
    /// tour's caption, progress and controls and the credits; no header, filters, tabs or list.
    Present,
    /// On a touch kiosk at a stand (`?mode=kiosk`): the explorer touch first, the tour as an attract loop while
    /// idle, an idle reset, outbound links as QR codes, a hidden exit (`crate::kiosk`, docs/presenting.md).
    Kiosk,
}

impl Mode {
    /// The mode a link asks for.
    pub fn of(q: &Query) -> Mode {
        if q.embed.on {
            Mode::Embed
        } else if q.page_mode == Some(ecomap_core::embed::PageMode::Present) {
            Mode::Present
        } else if q.page_mode == Some(ecomap_core::embed::PageMode::Kiosk) {
            Mode::Kiosk
        } else {
            Mode::Full
        }
    }

    /// The `data-mode` of the root element, for the stylesheet and the static skeleton.
    pub fn key(self) -> &'static str {
        match self {
            Mode::Full => "full",
            Mode::Embed => "embed",
            Mode::Present => "present",
            Mode::Kiosk => "kiosk",
        }
    }
}

/// The shell's state, provided as context.
#[derive(Clone, Copy)]
pub struct Shell {
    pub mode: Mode,
    /// The panels an embed shows (the explorer shows all of them).
    panels: Panels,
    /// The filter panel is open (a column on wide screens, a drawer otherwise).
    pub filters_open: RwSignal<bool>,
    /// The settings panel in the header is open.
    pub settings_open: RwSignal<bool>,
    pub renderer: RwSignal<Renderer>,
    /// How often the visitor asked to refine the network's finished layout (settings panel; the network view
    /// follows the count).
    pub refine: RwSignal<u32>,
    /// The page presents (`Mode::Present` from the link, or the tour editor's "Play" in the explorer; "Exit
    /// presentation" returns to the explorer). The root's `data-mode` follows it.
    pub presenting: RwSignal<bool>,
}

impl Shell {
    pub fn new(mode: Mode, panels: Panels) -> Shell {
        let renderer = browser::stored(RENDERER_KEY).map_or(Renderer::WebGl2, |v| Renderer::parse(&v));
        let shell = Shell {
            mode,
            panels,
            filters_open: RwSignal::new(false),
            settings_open: RwSignal::new(false),
            renderer: RwSignal::new(renderer),
            refine: RwSignal::new(0),
            presenting: RwSignal::new(mode == Mode::Present),
        };
        shell
            .filters_open
            .set(shell.shows(Panel::Filters) && mode != Mode::Present && browser::media_matches(WIDE));
        shell
    }

    /// Whether the page shows a panel: always in the explorer (a presentation hides them by its stylesheet), in
    /// an embed when its link names it.
    pub fn shows(self, panel: Panel) -> bool {
        self.mode != Mode::Embed || self.panels.has(panel)
    }

    /// The visitor chose a renderer: kept in localStorage only, so a shared link never turns WebGL off on
    /// another machine.
    pub fn choose_renderer(self, value: &str) {
        let r = Renderer::parse(value);
        browser::store(RENDERER_KEY, r.key());
        self.renderer.set(r);
    }

    /// Closes the filter panel when it is a drawer over the view (narrow screens); a column stays.
    pub fn close_drawer(self) {
        if !browser::media_matches(WIDE) {
            self.filters_open.set(false);
        }
    }
}

/// The shell from context.
pub fn use_shell() -> Shell {
    expect_context::<Shell>()
}
