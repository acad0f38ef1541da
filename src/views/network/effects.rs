//! The effects that keep the engine in step with the app and the page: a new engine when the data, the mode
//! or the renderer changes; the nodes shown by the filters, focus and ego depth; the size choice; the
//! stage's size; the accessible list's focus. Everything they start is owned by `Live` and released on
//! cleanup.

use std::rc::Rc;

use leptos::__reexports::send_wrapper::SendWrapper;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::engine::Engine;
use super::live::Live;
use super::settings::Settings;
use super::stage::{fresh_canvas, palette_from_css, renderer_for, stage_size};
use crate::shell::use_shell;
use crate::state::AppState;

/// Keeps the stage element in `Live`, for callbacks that must not read the NodeRef (it is disposed with the
/// view).
pub fn keep_stage(live: &Rc<Live>, stage_ref: NodeRef<html::Div>) {
    let weak = Rc::downgrade(live);
    Effect::new(move |_| {
        if let (Some(stage), Some(live)) = (stage_ref.get(), weak.upgrade()) {
            live.set_stage(stage.unchecked_ref::<web_sys::HtmlElement>().clone());
        }
    });
}

/// Builds the engine when the data, the mode or the renderer choice changes, on a fresh canvas, shows the
/// current selection on it and starts the layout loop. The report signals follow in the loop's first frame
/// (an effect never writes a signal; a visitor's change of mode resets them at once,
/// `Report::expect_new_picture`; after a change of renderer in the settings panel the root's `data-renderer`
/// changes with the new engine's first frame).
pub fn build_engine(state: AppState, live: &Rc<Live>, stage_ref: NodeRef<html::Div>, settings: Settings) {
    let live = live.clone();
    let chosen = use_shell().renderer;
    Effect::new(move |_| {
        let Some(data) = state.data.get() else { return };
        let mode = settings.mode.get();
        let Some(stage) = stage_ref.get() else { return };
        let Some(canvas) = fresh_canvas(&stage) else { return };
        let lang = state.lang.get_untracked();
        let Some(renderer) = renderer_for(chosen.get(), &canvas, live.on_context_change()) else {
            return;
        };
        // The previous engine (and its overlay canvas) goes before the new one is built.
        *live.engine.borrow_mut() = None;
        let mut engine = Engine::new(&data.0.ds, &data.0.idx, mode, lang, renderer);
        engine.set_size_by(settings.size_by.get_untracked());
        engine.palette = palette_from_css(&stage);
        engine.hide = settings.hide.get_untracked();
        let (w, h, dpr) = stage_size(&stage);
        engine.resize(w, h, dpr);
        live.install(engine);
        // A camera in the hash (a link, a tour step) wins over framing the layout.
        live.jump_to_hash();
        untrack(|| {
            show_projects_in_view(state, &live);
            show_selection(state, &live, settings);
        });
        live.start_loop();
    });
}

/// Gives the engine the projects in view (the edges and volumes they decide) when the selection or the years
/// change; not on a focus, ego or fade change, which leave them as they are.
fn show_projects_in_view(state: AppState, live: &Rc<Live>) {
    let sel = state.selection.get();
    let years_chosen = state.filter.with(|f| f.as_ref().is_some_and(|f| f.years.is_some()));
    let Some(d) = state.data.get_untracked() else { return };
    if let Some(engine) = live.engine.borrow_mut().as_mut() {
        let projects = sel.as_ref().filter(|_| years_chosen).map(|s| &s.0.projects);
        engine.set_projects_in_view(&d.0.idx, projects);
    }
    live.redraw(true);
}

/// Shows on the engine the nodes the filters, focus and ego depth select, and centres the searched or focused
/// node (reads the signals it depends on; untracked when a new engine takes the current state).
fn show_selection(state: AppState, live: &Rc<Live>, settings: Settings) {
    let sel = state.selection.get();
    let focus = state.focus.get();
    let depth = settings.ego_depth.get();
    let h = settings.hide.get();
    let text_empty = state
        .filter
        .with(|f| f.as_ref().is_none_or(|f| f.text.trim().is_empty()));
    let mut guard = live.engine.borrow_mut();
    let Some(engine) = guard.as_mut() else { return };
    engine.show_selection(sel.as_ref().map(|s| &*s.0), focus, depth, h, !text_empty);
    drop(guard);
    live.redraw(true);
}

/// Filters, focus and ego depth decide which nodes are shown; the search and the focus centre their node.
pub fn follow_selection(state: AppState, live: &Rc<Live>, settings: Settings) {
    let live = live.clone();
    {
        let live = live.clone();
        Effect::new(move |_| show_projects_in_view(state, &live));
    }
    Effect::new(move |_| show_selection(state, &live, settings));
}

/// Node size by degree or by project volume (a new engine takes the current choice when it is built).
pub fn follow_size_by(live: &Rc<Live>, settings: Settings) {
    let live = live.clone();
    Effect::new(move |_| {
        let by = settings.size_by.get();
        if let Some(e) = live.engine.borrow_mut().as_mut() {
            e.set_size_by(by);
        }
        live.redraw(true);
    });
}

/// Follows the stage's size, on window resizes (and pixel-ratio changes) and on layout changes such as the
/// detail panel opening beside the graph (a ResizeObserver on the stage, owned by `Live`).
pub fn follow_stage_size(live: &Rc<Live>, stage_ref: NodeRef<html::Div>) {
    let on_window = {
        let weak = Rc::downgrade(live);
        window_event_listener(leptos::ev::resize, move |_| {
            if let Some(live) = weak.upgrade() {
                live.follow_stage_size();
            }
        })
    };
    on_cleanup(move || on_window.remove());
    let weak = Rc::downgrade(live);
    Effect::new(move |_| {
        let (Some(stage), Some(live)) = (stage_ref.get(), weak.upgrade()) else {
            return;
        };
        live.watch_resize(&stage);
    });
}

/// An actor hovered in another view (the list, the map) is highlighted here too.
pub fn follow_app_hover(state: AppState, live: &Rc<Live>) {
    let live = live.clone();
    Effect::new(move |_| {
        let actor = state.hovered.get();
        let changed = live.engine.borrow_mut().as_mut().is_some_and(|e| e.follow_hover(actor));
        if changed {
            live.redraw(false);
        }
    });
}

/// Focusing an entry of the accessible list moves the keyboard focus ring to its node.
pub fn follow_list_focus(live: &Rc<Live>, list_focus: RwSignal<Option<u32>>) {
    let live = live.clone();
    Effect::new(move |_| {
        let Some(node) = list_focus.get() else { return };
        if let Some(e) = live.engine.borrow_mut().as_mut() {
            e.focus_node(node);
        }
        live.redraw(false);
    });
}

/// Everything the view scheduled or started ends with it (single-threaded: wasm has one thread).
pub fn release_on_cleanup(live: &Rc<Live>) {
    let live = SendWrapper::new(live.clone());
    on_cleanup(move || live.release());
}

/// Refines a finished layout when the visitor asks for it in the settings panel (`Shell::refine` counts the
/// requests; the view's first run only reads the count).
pub fn follow_refine(live: &Rc<Live>) {
    let weak = Rc::downgrade(live);
    let requests = use_shell().refine;
    Effect::new(move |prev: Option<u32>| {
        let n = requests.get();
        if prev.is_some_and(|p| p != n) {
            if let Some(live) = weak.upgrade() {
                live.refine();
            }
        }
        n
    });
}
