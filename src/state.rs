//! The app's reactive state: the Query (the one source of truth), the loaded data, and what derives from them.
//!
//! The Query is resolved against the data once per change (`resolved`); views read the resolved filter, focus
//! and Selection, never the Query's string keys, and change the Query only through the intent methods below
//! (`set_filters`, `toggle_facet`, `open`, `show`, `set_view_option`, ...). Everything derived is a memo, never an effect that
//! writes a signal. Hover is app state (`hovered`), never in the URL. In an embed every change of the filters
//! stays inside the embed's lock (`ecomap_core::embed::lock`): a visitor's change that would widen it is
//! refused; "clear all" and the host page's filters are brought inside it.

use std::sync::Arc;

use ecomap_core::embed::lock::Lock;
use ecomap_core::facet::Facet;
use ecomap_core::filter::{self, Filter, Selection};
use ecomap_core::index::Index;
use ecomap_core::model::{ActorId, Dataset, Lang};
use ecomap_core::query::{Focus, Query, QueryNotice, Resolved, ResolvedFocus, View};
use ecomap_core::report::ImportReport;
use ecomap_core::view_state::ViewOption;
use leptos::prelude::*;

use crate::perf;

/// An imported export with its index, ready for every view.
pub struct Loaded {
    pub ds: Dataset,
    pub idx: Index,
    pub report: ImportReport,
    /// File name or URL the data came from.
    pub source: String,
}

/// Where loading stands.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadState {
    Downloading {
        source: String,
        loaded: f64,
        total: Option<f64>,
    },
    Preparing {
        source: String,
    },
    Ready,
    Failed {
        source: String,
        error: crate::load::LoadError,
    },
}

/// A selection shared by reference; equal only to itself, so a memo notifies on every recomputation.
#[derive(Clone)]
pub struct SelectionRef(pub Arc<Selection>);

impl PartialEq for SelectionRef {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// The loaded data, compared by identity.
#[derive(Clone)]
pub struct DataRef(pub Arc<Loaded>);

impl PartialEq for DataRef {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// Everything the components share, provided as context.
#[derive(Clone, Copy)]
pub struct AppState {
    pub query: RwSignal<Query>,
    pub data: RwSignal<Option<DataRef>>,
    pub load: RwSignal<LoadState>,
    /// Notices about the URL's own syntax (unknown parameters, invalid values).
    pub url_notices: RwSignal<Vec<QueryNotice>>,
    pub lang: Memo<Lang>,
    /// The Query resolved against the loaded data, once per change of either.
    pub resolved: Memo<Option<Resolved>>,
    pub filter: Memo<Option<Filter>>,
    pub focus: Memo<Option<ResolvedFocus>>,
    /// Notices about keys the loaded data does not have.
    pub data_notices: Memo<Vec<QueryNotice>>,
    pub selection: Memo<Option<SelectionRef>>,
    /// The selection without its year range, for per-year charts and the timeline (a facet never filters
    /// itself, so every year stays visible); the same as `selection` when no years are chosen.
    pub selection_all_years: Memo<Option<SelectionRef>>,
    pub hovered: RwSignal<Option<ActorId>>,
    pub report_open: RwSignal<bool>,
    /// The embed's lock, from the link the page started with (empty in the explorer).
    pub lock: StoredValue<Lock>,
}

impl AppState {
    pub fn new(query: Query, url_notices: Vec<QueryNotice>, browser_lang: Lang) -> AppState {
        let lock = StoredValue::new(Lock::of(&query));
        let query = RwSignal::new(query);
        let data: RwSignal<Option<DataRef>> = RwSignal::new(None);
        let lang = Memo::new(move |_| query.with(|q| q.lang).unwrap_or(browser_lang));
        let resolved = Memo::new(move |_| data.with(|d| d.as_ref().map(|d| query.with(|q| q.resolve(&d.0.ds)))));
        let filter = Memo::new(move |_| resolved.with(|r| r.as_ref().map(|r| r.filter.clone())));
        let focus = Memo::new(move |_| resolved.with(|r| r.as_ref().and_then(|r| r.focus)));
        let data_notices =
            Memo::new(move |_| resolved.with(|r| r.as_ref().map(|r| r.notices.clone()).unwrap_or_default()));
        let selection = Memo::new(move |_| {
            let d = data.get()?;
            filter.with(|f| {
                let f = f.as_ref()?;
                let sel = perf::timed("ecomap:select", || filter::select(&d.0.ds, &d.0.idx, f));
                Some(SelectionRef(Arc::new(sel)))
            })
        });
        let selection_all_years = Memo::new(move |_| {
            let d = data.get()?;
            let sel = selection.get()?;
            filter.with(|f| {
                let f = f.as_ref()?;
                if f.years.is_none() {
                    return Some(sel.clone());
                }
                let all = f.without_years();
                Some(SelectionRef(Arc::new(filter::select(&d.0.ds, &d.0.idx, &all))))
            })
        });
        AppState {
            query,
            data,
            load: RwSignal::new(LoadState::Preparing { source: String::new() }),
            url_notices: RwSignal::new(url_notices),
            lang,
            resolved,
            filter,
            focus,
            data_notices,
            selection,
            selection_all_years,
            hovered: RwSignal::new(None),
            report_open: RwSignal::new(false),
            lock,
        }
    }

    /// Changes what is filtered (facets, years, search text) as a visitor's action; marks the start of a
    /// filter update for timing. Refused (false, nothing changes) when it would widen the embed's lock.
    pub fn set_filters(&self, f: impl FnOnce(&mut Query)) -> bool {
        let mut q = self.query.get_untracked();
        f(&mut q);
        if !self.lock.with_value(|l| l.allows(&q)) {
            return false;
        }
        perf::mark("ecomap:filter-start");
        self.query.set(q);
        true
    }

    /// Chooses or un-chooses one value of a facet; false when the lock refuses it (unticking the last locked
    /// value, or a value outside the lock).
    pub fn toggle_facet(&self, facet: Facet, key: &str) -> bool {
        self.set_filters(|q| q.toggle(facet, key))
    }

    /// Removes every filter (view, language, focus and data source stay); in an embed back to its lock.
    pub fn clear_filters(&self) {
        let lock = self.lock;
        self.set_filters(|q| {
            q.clear_filters();
            lock.with_value(|l| l.clamp(q));
        });
    }

    /// Filters from outside the visitor's hands (the host page's `ecomap:setQuery`, back/forward): brought
    /// inside the lock, then set.
    pub fn set_within_lock(&self, mut q: Query) {
        self.lock.with_value(|l| l.clamp(&mut q));
        perf::mark("ecomap:filter-start");
        self.query.set(q);
    }

    /// Opens an actor or a technology in the detail panel, or closes it (`None`).
    pub fn open(&self, focus: Option<Focus>) {
        self.query.update(|q| q.focus = focus);
    }

    /// Shows a view.
    pub fn show(&self, view: View) {
        self.query.update(|q| q.view = view);
    }

    /// The visitor chose an option of a view (network mode, ego depth, node size, fade or hide; map arcs,
    /// shading, marker size): it goes into the link, so a shared link opens what the sender saw. The view
    /// remembers it in localStorage itself.
    pub fn set_view_option(&self, option: ViewOption) {
        self.query.update(|q| q.set_view_option(option));
    }

    /// Switches the interface language.
    pub fn set_lang(&self, lang: Lang) {
        self.query.update(|q| q.lang = Some(lang));
    }
}

/// The shared state from context.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
