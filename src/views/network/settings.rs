//! The visitor's toolbar choices: graph mode, fade or hide what is not selected, ego depth, node size (link
//! state: the Query's `network` options, so a shared link opens them). The renderer is a device setting of the
//! shell (`Shell::renderer`, in the settings panel), never in a link. What the view shows is the link's value,
//! else what this browser remembers in localStorage (fade/hide and size; mode and ego depth are not
//! remembered), else the default;
//! a visitor's choice writes the Query (through `AppState::set_view_option`) and localStorage.

use ecomap_core::graph::GraphMode;
use ecomap_core::view_state::{effective, EgoDepth, NetworkState, Unselected, ViewOption};
use leptos::prelude::*;

use super::engine::SizeBy;
use crate::browser::{store as remember, stored};
use crate::state::AppState;

const HIDE_KEY: &str = "ecomap.network.hide";
const SIZE_KEY: &str = "ecomap.network.size";

#[derive(Clone, Copy)]
pub struct Settings {
    pub mode: Memo<GraphMode>,
    /// Hide (true) or fade (false) the nodes the filters do not select.
    pub hide: Memo<bool>,
    /// Show only the opened node's neighbourhood: 0 (off), 1 or 2 steps.
    pub ego_depth: Memo<u8>,
    pub size_by: Memo<SizeBy>,
    state: AppState,
}

impl Settings {
    /// The link's choices, else the ones kept from an earlier visit, else the defaults.
    pub fn new(state: AppState) -> Settings {
        let link: Memo<NetworkState> = Memo::new(move |_| state.query.with(|q| q.network));
        let remembered_hide = || stored(HIDE_KEY).map(|v| if v == "1" { Unselected::Hide } else { Unselected::Fade });
        Settings {
            mode: Memo::new(move |_| effective(link.get().mode, || None)),
            hide: Memo::new(move |_| effective(link.get().unselected, remembered_hide) == Unselected::Hide),
            ego_depth: Memo::new(move |_| effective(link.get().ego, || None::<EgoDepth>).steps()),
            size_by: Memo::new(move |_| {
                effective(link.get().nodes, || stored(SIZE_KEY).and_then(|v| SizeBy::parse(&v)))
            }),
            state,
        }
    }

    /// The visitor chose a graph mode.
    pub fn choose_mode(self, mode: GraphMode) {
        self.state.set_view_option(ViewOption::Mode(mode));
    }

    /// The visitor chose to hide (or fade) what is not selected.
    pub fn choose_hide(self, hide: bool) {
        remember(HIDE_KEY, if hide { "1" } else { "0" });
        let unselected = if hide { Unselected::Hide } else { Unselected::Fade };
        self.state.set_view_option(ViewOption::Unselected(unselected));
    }

    /// The visitor chose the ego depth by its option value (unknown values: off).
    pub fn choose_ego(self, value: &str) {
        let depth = EgoDepth::parse(value).unwrap_or_default();
        self.state.set_view_option(ViewOption::Ego(depth));
    }

    /// The visitor chose what node size shows by its option value (unknown values: degree).
    pub fn choose_size_by(self, value: &str) {
        let by = SizeBy::parse(value).unwrap_or_default();
        remember(SIZE_KEY, by.key());
        self.state.set_view_option(ViewOption::Nodes(by));
    }
}
