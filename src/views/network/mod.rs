//! The network view: actors and technologies as a force-directed graph (ForceAtlas2 from ecomap-core), drawn
//! by a small renderer trait (Canvas 2D here), linked to the filters, the focus and the search.
//!
//! The layout runs in a Web Worker (`layout_client.rs` here, `crate::layout_worker` there) and the page only
//! draws the positions it sends, once per animation frame; without a worker it runs on the page, one iteration
//! per frame. It animates while it converges, stops by itself and can be paused; with prefers-reduced-motion
//! it is computed without animation. Test markers live on the root: `data-drawn`, `data-layout`,
//! `data-layout-runner`, `data-hovered`, `data-highlighted-count`, `data-visible-count`.

mod camera;
mod canvas2d;
mod engine;
mod labels;
mod layout_client;
mod render;
mod webgl2;

use std::cell::RefCell;
use std::rc::{Rc, Weak};
use std::time::Duration;

use ecomap_core::graph::{GraphMode, NodeRef as GraphNode};
use ecomap_core::graph_walk::NavKey;
use ecomap_core::model::Lang;
use ecomap_core::query::{Focus, ResolvedFocus};
use leptos::__reexports::send_wrapper::SendWrapper;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::state::use_app;
use crate::views::resize::ResizeWatch;
use crate::views::schedule::{FrameSlot, TimerSlot};
use engine::{Engine, LayoutStatus, ListItem, SizeBy};
use layout_client::LayoutClient;

/// Layout time per animation frame when the layout runs on the page (no worker).
const SLICE_MS: f64 = 8.0;
/// Nodes in the accessible list.
const LIST_MAX: usize = 40;
const HIDE_KEY: &str = "ecomap.network.hide";
const RENDERER_KEY: &str = "ecomap.network.renderer";
const SIZE_KEY: &str = "ecomap.network.size";

/// The canvases' size in CSS px (the stage's box inside its border) and the device pixel ratio.
fn stage_size(stage: &web_sys::HtmlElement) -> (f32, f32, f32) {
    let dpr = web_sys::window().map(|w| w.device_pixel_ratio()).unwrap_or(1.0) as f32;
    let dpr = if dpr.is_finite() && dpr > 0.0 { dpr } else { 1.0 };
    (stage.client_width() as f32, stage.client_height() as f32, dpr)
}

/// Moves every canvas of the stage (the drawing and a WebGL2 overlay) by a CSS transform ("" resets it).
fn set_canvas_transform(live: &Live, value: &str) {
    let Some(stage) = live.stage.borrow().clone() else {
        return;
    };
    let Ok(list) = stage.query_selector_all(".network-canvas") else {
        return;
    };
    for k in 0..list.length() {
        if let Some(el) = list.item(k).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.style().set_property("transform", value);
        }
    }
}

struct ViewTexts {
    label: &'static str,
    mode: &'static str,
    ecosystems: &'static str,
    collaboration: &'static str,
    all: &'static str,
    filtered: &'static str,
    fade: &'static str,
    hide: &'static str,
    ego: &'static str,
    ego_off: &'static str,
    ego_1: &'static str,
    ego_2: &'static str,
    pause: &'static str,
    resume: &'static str,
    /// The button once the layout stopped by itself: run more iterations from where it is.
    rerun: &'static str,
    running: &'static str,
    paused: &'static str,
    done: &'static str,
    nodes: &'static str,
    help: &'static str,
    fit: &'static str,
    technology: &'static str,
    renderer: &'static str,
    size: &'static str,
    size_degree: &'static str,
    size_volume: &'static str,
    legend_degree: &'static str,
    legend_volume: &'static str,
    options: &'static str,
}

const DE: ViewTexts = ViewTexts {
    label: "Netzwerk der Akteure und Technologien",
    mode: "Ansicht",
    ecosystems: "Technologie-Ökosysteme",
    collaboration: "Kooperationen",
    all: "Alles",
    filtered: "Nicht Gewählte",
    fade: "abblenden",
    hide: "ausblenden",
    ego: "Umfeld der Auswahl",
    ego_off: "aus",
    ego_1: "direkte Nachbarn",
    ego_2: "zwei Schritte",
    pause: "Layout anhalten",
    resume: "Layout fortsetzen",
    rerun: "Layout weiterrechnen",
    running: "Layout läuft",
    paused: "Layout angehalten",
    done: "Layout fertig",
    nodes: "Knoten im Netzwerk (wichtigste zuerst)",
    help: "Pfeiltasten: zum nächsten Knoten in dieser Richtung; N: nächster Nachbar; Enter: Details; Esc: zurück. Ziehen zum Verschieben, Mausrad oder zwei Finger zum Zoomen.",
    fit: "Alles zeigen",
    technology: "Technologie",
    renderer: "Zeichnen mit",
    size: "Größe nach",
    size_degree: "Verbindungen",
    size_volume: "Projektvolumen",
    legend_degree: "Größe: Zahl der Verbindungen",
    legend_volume: "Größe (Fläche): Volumen der Projekte",
    options: "Einstellungen",
};

const EN: ViewTexts = ViewTexts {
    label: "Network of actors and technologies",
    mode: "Show",
    ecosystems: "Technology ecosystems",
    collaboration: "Collaboration",
    all: "All",
    filtered: "Not selected",
    fade: "fade",
    hide: "hide",
    ego: "Around the selection",
    ego_off: "off",
    ego_1: "direct neighbours",
    ego_2: "two steps",
    pause: "Pause layout",
    resume: "Resume layout",
    rerun: "Refine layout",
    running: "Layout running",
    paused: "Layout paused",
    done: "Layout done",
    nodes: "Nodes in the network (most important first)",
    help: "Arrow keys: nearest node in that direction; N: next neighbour; Enter: details; Esc: back. Drag to pan, wheel or two fingers to zoom.",
    fit: "Show all",
    technology: "Technology",
    renderer: "Draw with",
    size: "Size by",
    size_degree: "connections",
    size_volume: "project volume",
    legend_degree: "Size: number of connections",
    legend_volume: "Size (area): volume of projects",
    options: "Options",
};

fn texts(lang: Lang) -> &'static ViewTexts {
    match lang {
        Lang::De => &DE,
        Lang::En => &EN,
    }
}

/// Signals the engine reports to the page (data attributes, status line, accessible list).
#[derive(Clone, Copy)]
struct Report {
    status: RwSignal<&'static str>,
    drawn: RwSignal<bool>,
    hovered: RwSignal<String>,
    keyboard: RwSignal<String>,
    highlighted: RwSignal<u32>,
    visible: RwSignal<u32>,
    iterations: RwSignal<u32>,
    /// Benchmark figures: median iteration ms, layout ms (start to stop), quality when done.
    timing: RwSignal<(f32, f64, f32)>,
    list: RwSignal<Vec<ListItem>>,
    renderer: RwSignal<&'static str>,
    edges: RwSignal<usize>,
    /// Where the layout runs: "worker" or "page".
    runner: RwSignal<&'static str>,
    /// The WebGL2 context is lost (drawing paused until the browser restores it).
    lost: RwSignal<bool>,
}

/// What the view owns while it is on screen. `release()` (on cleanup) drops the engine, with its GPU state and
/// the listeners on its canvas, terminates the layout worker, disconnects the resize observer and cancels every
/// frame and timer the view scheduled: no callback of the view can run after the view is gone. Callbacks hold
/// a `Weak<Live>`, so they do not keep it alive either.
#[derive(Default)]
struct Live {
    engine: RefCell<Option<Engine>>,
    /// The layout worker, started with the first engine; None when it could not start.
    client: RefCell<Option<LayoutClient>>,
    /// The stage element, for callbacks (the NodeRef is disposed with the view).
    stage: RefCell<Option<web_sys::HtmlElement>>,
    resize: RefCell<Option<ResizeWatch>>,
    /// The layout loop's next frame.
    tick: FrameSlot,
    /// A redraw at rest in the next frame.
    redraw: FrameSlot,
    /// The redraw once the camera has rested after a pan or zoom.
    rest: TimerSlot,
}

impl Live {
    fn release(&self) {
        self.tick.cancel();
        self.redraw.cancel();
        self.rest.cancel();
        self.resize.borrow_mut().take();
        self.client.borrow_mut().take();
        self.engine.borrow_mut().take();
        self.stage.borrow_mut().take();
    }

    /// (Re)starts the layout loop in the next frame.
    fn start_loop(self: &Rc<Live>, report: Report) {
        let weak = Rc::downgrade(self);
        self.tick.replace(move || tick(weak, report));
    }
}

type Shared = Rc<Live>;

/// Whether the layout runs in the worker (it started and has not failed).
fn remote(client: &RefCell<Option<LayoutClient>>) -> bool {
    client.borrow().as_ref().is_some_and(|c| !c.failed())
}

/// Applies the newest positions from the worker, if any; Some(stopped) when there were some.
fn pump(engine: &mut Engine, client: &RefCell<Option<LayoutClient>>) -> Option<bool> {
    let guard = client.borrow();
    let c = guard.as_ref()?;
    let update = c.take()?;
    c.ack();
    Some(engine.apply_update(&update, now()))
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

fn reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten())
        .is_some_and(|m| m.matches())
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// Keeps a toolbar choice for the next visit (nothing when storage is unavailable, e.g. blocked in an iframe).
fn remember(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, value);
    }
}

/// Reads the kind colours and text colours from the page's CSS tokens.
fn palette_from_css(el: &web_sys::Element) -> render::Palette {
    let mut p = render::Palette::default();
    let Some(style) = web_sys::window().and_then(|w| w.get_computed_style(el).ok().flatten()) else {
        return p;
    };
    let get = |name: &str| {
        style
            .get_property_value(name)
            .ok()
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    for (k, kind) in ecomap_core::model::ActorKind::ALL.iter().enumerate() {
        if let Some(v) = get(&format!("--kind-{}", kind.key())) {
            p.fill[k] = v;
        }
    }
    for (slot, name) in [
        (&mut p.fill[7], "--accent"),
        (&mut p.text, "--text"),
        (&mut p.surface, "--surface"),
        (&mut p.edge, "--muted"),
        (&mut p.focus, "--focus"),
    ] {
        if let Some(v) = get(name) {
            *slot = v;
        }
    }
    p
}

/// Publishes the engine's state to the report signals (call after releasing the engine borrow).
fn publish(engine: &Engine, report: Report, with_list: bool) {
    report.status.set(engine.status.key());
    report
        .hovered
        .set(engine.hovered.map(|h| engine.name(h).to_string()).unwrap_or_default());
    report
        .keyboard
        .set(engine.keyboard.map(|h| engine.name(h).to_string()).unwrap_or_default());
    report.highlighted.set(engine.highlighted_count);
    report.visible.set(engine.visible_count());
    report.iterations.set(engine.layout.iterations);
    if with_list {
        report.list.set(engine.list(LIST_MAX));
        let q = ecomap_core::layout::state_quality(&engine.layout).unwrap_or(0.0);
        report.timing.set((engine.median_iteration_ms(), engine.layout_ms, q));
    }
}

/// One animation frame of the layout loop: draws the worker's newest positions (or, without a worker, runs a
/// slice of the layout here); schedules the next frame while the layout runs.
fn tick(live: Weak<Live>, report: Report) {
    let Some(live) = live.upgrade() else { return };
    let client = &live.client;
    let reduced = reduced_motion();
    let keep_going = {
        let mut guard = live.engine.borrow_mut();
        let Some(engine) = guard.as_mut() else { return };
        if engine.status != LayoutStatus::Running {
            false
        } else {
            let in_worker = remote(client);
            let runner = if in_worker { "worker" } else { "page" };
            if report.runner.get_untracked() != runner {
                report.runner.set(runner);
            }
            // The layout's work on the main thread this frame (the benchmark reads it): taking the worker's
            // positions, or a slice of iterations without a worker.
            let (changed, stopped) = crate::perf::timed("ecomap:network-layout-step", || {
                if in_worker {
                    pump(engine, client).map_or((false, false), |stopped| (true, stopped))
                } else {
                    (true, engine.run_slice(SLICE_MS, now))
                }
            });
            if stopped && !engine.user_camera {
                engine.fit();
            }
            // While the layout runs, the visitor's pan and zoom are drawn here (the camera has no rest).
            let camera_moved = engine.user_camera && engine.camera != engine.drawn;
            if (changed || camera_moved) && (stopped || !reduced) {
                crate::perf::timed("ecomap:network-frame", || engine.draw(!stopped));
                report.drawn.set(true);
            }
            if changed {
                publish(engine, report, stopped);
            }
            engine.status == LayoutStatus::Running
        }
    };
    if keep_going {
        let weak = Rc::downgrade(&live);
        live.tick.request(move || tick(weak, report));
    }
}

#[component]
pub fn NetworkView() -> impl IntoView {
    let state = use_app();
    let t = move || texts(state.lang.get());
    let stage_ref = NodeRef::<html::Div>::new();
    let shared: Shared = Rc::new(Live::default());
    let report = Report {
        status: RwSignal::new("running"),
        drawn: RwSignal::new(false),
        hovered: RwSignal::new(String::new()),
        keyboard: RwSignal::new(String::new()),
        highlighted: RwSignal::new(0),
        visible: RwSignal::new(0),
        iterations: RwSignal::new(0),
        timing: RwSignal::new((0.0, 0.0, 0.0)),
        list: RwSignal::new(Vec::new()),
        renderer: RwSignal::new(""),
        edges: RwSignal::new(0),
        runner: RwSignal::new(""),
        lost: RwSignal::new(false),
    };
    let mode = RwSignal::new(GraphMode::Ecosystems);
    let hide = RwSignal::new(storage().and_then(|s| s.get_item(HIDE_KEY).ok().flatten()).as_deref() == Some("1"));
    let ego_depth = RwSignal::new(0u8);
    let renderer_choice = RwSignal::new(
        storage()
            .and_then(|s| s.get_item(RENDERER_KEY).ok().flatten())
            .filter(|v| v == "canvas2d")
            .unwrap_or_else(|| "webgl2".to_string()),
    );
    let size_by = RwSignal::new(
        storage()
            .and_then(|s| s.get_item(SIZE_KEY).ok().flatten())
            .and_then(|v| SizeBy::parse(&v))
            .unwrap_or(SizeBy::Degree),
    );
    let generation = RwSignal::new(0u32);
    let options_open = RwSignal::new(false);

    // The stage element, for callbacks that outlive no view (see `Live`).
    {
        let live = Rc::downgrade(&shared);
        Effect::new(move |_| {
            if let (Some(stage), Some(live)) = (stage_ref.get(), live.upgrade()) {
                *live.stage.borrow_mut() = Some(stage.unchecked_ref::<web_sys::HtmlElement>().clone());
            }
        });
    }

    // Redraw at rest (after input or a state change) in the next frame.
    let redraw = {
        // Weak: the client's message handler holds this closure (no reference cycle keeping the view alive).
        let weak = Rc::downgrade(&shared);
        Rc::new(move |with_list: bool| {
            let Some(live) = weak.upgrade() else { return };
            let weak = weak.clone();
            live.redraw.request(move || {
                let Some(live) = weak.upgrade() else { return };
                let mut guard = live.engine.borrow_mut();
                if let Some(engine) = guard.as_mut() {
                    if engine.status != LayoutStatus::Running {
                        // The worker's last positions after a pause (while running, the layout loop takes them).
                        pump(engine, &live.client);
                        crate::perf::timed("ecomap:network-draw", || engine.draw(false));
                        set_canvas_transform(&live, "");
                    }
                    report.drawn.set(true);
                    publish(engine, report, with_list);
                }
            });
        })
    };

    // Build the engine when the data or the mode changes, and start the layout loop.
    {
        let shared = shared.clone();
        let notify: Rc<dyn Fn()> = {
            let redraw = redraw.clone();
            Rc::new(move || redraw(true))
        };
        let redraw = redraw.clone();
        Effect::new(move |_| {
            let Some(data) = state.data.get() else { return };
            let m = mode.get();
            let Some(stage) = stage_ref.get() else { return };
            // A fresh canvas per engine: a canvas keeps the first context type it was asked for.
            if let Ok(old) = stage.query_selector_all(".network-canvas") {
                for k in 0..old.length() {
                    if let Some(el) = old.item(k).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                        el.remove();
                    }
                }
            }
            let Some(canvas) = document()
                .create_element("canvas")
                .ok()
                .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
            else {
                return;
            };
            canvas.set_class_name("network-canvas");
            let _ = canvas.set_attribute("aria-hidden", "true");
            let _ = stage.append_child(&canvas);
            let lang = state.lang.get_untracked();
            // The chosen renderer, falling back to Canvas 2D when WebGL2 is unavailable.
            let chosen: Option<Box<dyn render::Renderer>> = if renderer_choice.get() == "webgl2" {
                // Context loss pauses drawing; on restore the renderer rebuilds its GPU state and we redraw.
                let redraw = redraw.clone();
                let on_change: Rc<dyn Fn(bool)> = Rc::new(move |lost: bool| {
                    report.lost.set(lost);
                    if !lost {
                        redraw(true);
                    }
                });
                let r = webgl2::WebGl2::new(canvas.clone(), on_change);
                if r.is_none() {
                    leptos::logging::warn!("network: WebGL2 unavailable, drawing with Canvas 2D");
                }
                r.map(|r| Box::new(r) as Box<dyn render::Renderer>)
            } else {
                None
            };
            let Some(renderer) = chosen
                .or_else(|| canvas2d::Canvas2d::new(canvas.clone()).map(|r| Box::new(r) as Box<dyn render::Renderer>))
            else {
                return;
            };
            // The previous engine (and its overlay canvas) goes before the new one is built.
            *shared.engine.borrow_mut() = None;
            let mut engine = Engine::new(&data.0.ds, &data.0.idx, m, lang, renderer);
            engine.set_size_by(size_by.get_untracked(), &data.0.idx);
            report.lost.set(false);
            report.renderer.set(engine.renderer.name());
            report.edges.set(engine.graph.edges.len());
            engine.palette = palette_from_css(&stage);
            engine.hide = hide.get_untracked();
            let (w, h, dpr) = stage_size(&stage);
            engine.resize(w, h, dpr);
            report.drawn.set(false);
            // The new engine's status at once (not the previous engine's until the first frame).
            report.status.set(engine.status.key());
            engine.started_ms = now();
            if engine.status == LayoutStatus::Running {
                let mut c = shared.client.borrow_mut();
                if c.is_none() {
                    *c = LayoutClient::spawn(notify.clone());
                }
                if let Some(c) = c.as_ref().filter(|c| !c.failed()) {
                    c.start(&engine.layout, engine::STOP_MOVEMENT, engine::MAX_ITERATIONS);
                }
            }
            *shared.engine.borrow_mut() = Some(engine);
            generation.update(|g| *g += 1);
            shared.start_loop(report);
        });
    }

    // Filters, focus and ego depth → which nodes are shown; search and focus centre their node.
    {
        let shared = shared.clone();
        let redraw = redraw.clone();
        Effect::new(move |_| {
            generation.track();
            let sel = state.selection.get();
            let focus = state.focus.get();
            let depth = ego_depth.get();
            let h = hide.get();
            let text_empty = state.query.with(|q| q.text.trim().is_empty());
            let mut guard = shared.engine.borrow_mut();
            let Some(engine) = guard.as_mut() else { return };
            engine.hide = h;
            let focus_node = focus.and_then(|f| match f {
                ResolvedFocus::Actor(a) => Some(engine.graph.actor_node(a)),
                ResolvedFocus::Technology(t) => engine.graph.technology_node(t),
            });
            let ego = match (focus_node, depth) {
                (Some(c), d) if d > 0 => Some(engine.graph.ego(c, d, |_| true)),
                _ => None,
            };
            match &sel {
                Some(s) => engine.set_shown(|i| s.0.actors.get(i), ego.as_deref()),
                None => engine.set_shown(|_| true, ego.as_deref()),
            }
            // Centre: the focused node, else the first search result.
            let centre = focus_node.or_else(|| {
                if text_empty {
                    None
                } else {
                    sel.as_ref()
                        .and_then(|s| s.0.list.first())
                        .map(|a| engine.graph.actor_node(*a))
                }
            });
            if let Some(c) = centre {
                if engine.status != LayoutStatus::Running {
                    engine.centre_on(c);
                    engine.user_camera = true;
                }
                engine.keyboard = Some(c);
                engine.update_highlight();
            } else if ego.is_some() || engine.status == LayoutStatus::Done {
                engine.keyboard = None;
                engine.update_highlight();
            }
            drop(guard);
            redraw(true);
        });
    }

    // Node size by degree or by project volume.
    {
        let shared = shared.clone();
        let redraw = redraw.clone();
        Effect::new(move |_| {
            let by = size_by.get();
            generation.track();
            let Some(data) = state.data.get_untracked() else { return };
            if let Some(e) = shared.engine.borrow_mut().as_mut() {
                e.set_size_by(by, &data.0.idx);
            }
            redraw(true);
        });
    }

    // Size: follow the stage's size, on window resizes (and pixel-ratio changes) and on layout changes such as
    // the detail panel opening beside the graph (a ResizeObserver on the stage).
    {
        let resize_now = {
            let weak = Rc::downgrade(&shared);
            let redraw = redraw.clone();
            Rc::new(move || {
                let Some(live) = weak.upgrade() else { return };
                let Some(stage) = live.stage.borrow().clone() else {
                    return;
                };
                let (w, h, dpr) = stage_size(&stage);
                let changed = match live.engine.borrow_mut().as_mut() {
                    Some(e) if (e.width, e.height, e.dpr) != (w, h, dpr) => {
                        e.resize(w, h, dpr);
                        true
                    }
                    _ => false,
                };
                if changed {
                    redraw(true);
                }
            })
        };
        let on_window = {
            let resize_now = resize_now.clone();
            window_event_listener(leptos::ev::resize, move |_| resize_now())
        };
        on_cleanup(move || on_window.remove());
        let weak = Rc::downgrade(&shared);
        Effect::new(move |_| {
            let (Some(stage), Some(live)) = (stage_ref.get(), weak.upgrade()) else {
                return;
            };
            if live.resize.borrow().is_none() {
                let resize_now = resize_now.clone();
                *live.resize.borrow_mut() = ResizeWatch::new(&stage, move || resize_now());
            }
        });
    }
    {
        // Everything the view scheduled or started ends with it (single-threaded: wasm has one thread).
        let live = SendWrapper::new(shared.clone());
        on_cleanup(move || live.release());
    }

    // Pointer input: hover, click, drag to pan, wheel and pinch to zoom (CSS transform while moving).
    let pointers: Rc<RefCell<Vec<(i32, f32, f32)>>> = Rc::new(RefCell::new(Vec::new()));
    let press: Rc<std::cell::Cell<Option<(f32, f32, bool)>>> = Rc::new(std::cell::Cell::new(None));
    // Pointer position in the canvas's CSS px (inside the stage's border).
    let local = move |ev: &web_sys::MouseEvent| -> (f32, f32) {
        let rect = stage_ref
            .get_untracked()
            .map(|s| {
                let r = s.get_bounding_client_rect();
                (
                    r.left() as f32 + s.client_left() as f32,
                    r.top() as f32 + s.client_top() as f32,
                )
            })
            .unwrap_or((0.0, 0.0));
        (ev.client_x() as f32 - rect.0, ev.client_y() as f32 - rect.1)
    };
    let moved_camera = {
        let shared = shared.clone();
        let redraw = redraw.clone();
        Rc::new(move || {
            let running = {
                let guard = shared.engine.borrow();
                let Some(e) = guard.as_ref() else { return };
                if e.status != LayoutStatus::Running {
                    set_canvas_transform(&shared, &e.camera.css_transform_from(&e.drawn));
                }
                e.status == LayoutStatus::Running
            };
            if running {
                return;
            }
            // Redraw when the camera has rested for 120 ms.
            let redraw = redraw.clone();
            shared.rest.restart(Duration::from_millis(120), move || redraw(true));
        })
    };
    let on_pointer_down = {
        let pointers = pointers.clone();
        let press = press.clone();
        move |ev: web_sys::PointerEvent| {
            let (x, y) = local(&ev);
            pointers.borrow_mut().push((ev.pointer_id(), x, y));
            press.set(Some((x, y, false)));
            if let Some(t) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                let _ = t.set_pointer_capture(ev.pointer_id());
            }
        }
    };
    let on_pointer_move = {
        let shared = shared.clone();
        let pointers = pointers.clone();
        let press = press.clone();
        let redraw = redraw.clone();
        let moved_camera = moved_camera.clone();
        move |ev: web_sys::PointerEvent| {
            let (x, y) = local(&ev);
            let mut ps = pointers.borrow_mut();
            let idx = ps.iter().position(|p| p.0 == ev.pointer_id());
            if let Some(k) = idx {
                let (_, ox, oy) = ps[k];
                let mut guard = shared.engine.borrow_mut();
                let Some(e) = guard.as_mut() else { return };
                if ps.len() >= 2 {
                    // Pinch: zoom by the change of distance between the first two pointers, around their middle.
                    let other = ps[1 - k.min(1)];
                    let d0 = ((ox - other.1).powi(2) + (oy - other.2).powi(2)).sqrt().max(1.0);
                    let d1 = ((x - other.1).powi(2) + (y - other.2).powi(2)).sqrt().max(1.0);
                    let (w, h) = (e.width, e.height);
                    e.camera
                        .zoom_at(d1 / d0, (x + other.1) / 2.0, (y + other.2) / 2.0, w, h);
                } else {
                    if let Some((px, py, dragging)) = press.get() {
                        if dragging || (x - px).abs() + (y - py).abs() > 4.0 {
                            press.set(Some((px, py, true)));
                            e.camera.x -= (x - ox) / e.camera.scale;
                            e.camera.y -= (y - oy) / e.camera.scale;
                        }
                    }
                }
                e.user_camera = true;
                ps[k] = (ev.pointer_id(), x, y);
                drop(guard);
                drop(ps);
                moved_camera();
                return;
            }
            drop(ps);
            let hover_changed = shared.engine.borrow_mut().as_mut().is_some_and(|e| e.hover_at(x, y));
            if hover_changed {
                redraw(false);
            }
        }
    };
    let on_pointer_up = {
        let shared = shared.clone();
        let pointers = pointers.clone();
        let press = press.clone();
        move |ev: web_sys::PointerEvent| {
            pointers.borrow_mut().retain(|p| p.0 != ev.pointer_id());
            let (x, y) = local(&ev);
            if let Some((_, _, false)) = press.take() {
                // A click: open the node's detail panel.
                let focus = {
                    let guard = shared.engine.borrow();
                    let Some(e) = guard.as_ref() else { return };
                    e.pick(x, y).map(|i| e.graph.node(i))
                };
                if let (Some(node), Some(data)) = (focus, state.data.get_untracked()) {
                    open_detail(state, &data.0.ds, node);
                }
            }
        }
    };
    let on_pointer_leave = {
        let shared = shared.clone();
        let redraw = redraw.clone();
        move |_: web_sys::PointerEvent| {
            if let Some(e) = shared.engine.borrow_mut().as_mut() {
                e.clear_hover();
            }
            redraw(false);
        }
    };
    let on_wheel = {
        let shared = shared.clone();
        let moved_camera = moved_camera.clone();
        move |ev: web_sys::WheelEvent| {
            ev.prevent_default();
            let (x, y) = local(&ev);
            {
                let mut guard = shared.engine.borrow_mut();
                let Some(e) = guard.as_mut() else { return };
                let factor = (-ev.delta_y() as f32 * 0.002).exp().clamp(0.5, 2.0);
                let (w, h) = (e.width, e.height);
                e.camera.zoom_at(factor, x, y, w, h);
                e.user_camera = true;
            }
            moved_camera();
        }
    };
    // Keyboard: arrows move between nodes, N to the next neighbour, Enter opens, Esc clears.
    let on_key = {
        let shared = shared.clone();
        let redraw = redraw.clone();
        move |ev: web_sys::KeyboardEvent| {
            let Some(key) = NavKey::from_key(&ev.key()) else { return };
            let open = {
                let mut guard = shared.engine.borrow_mut();
                let Some(e) = guard.as_mut() else { return };
                let Some(step) = e.navigate(key) else { return };
                step.open.map(|i| e.graph.node(i))
            };
            ev.prevent_default();
            if let (Some(node), Some(data)) = (open, state.data.get_untracked()) {
                open_detail(state, &data.0.ds, node);
            }
            redraw(true);
        }
    };

    let toggle_pause = {
        let shared = shared.clone();
        move |_| {
            let resume = {
                let mut guard = shared.engine.borrow_mut();
                let Some(e) = guard.as_mut() else { return };
                let c = shared.client.borrow();
                let worker = c.as_ref().filter(|c| !c.failed());
                let resume = match e.status {
                    LayoutStatus::Running => {
                        e.status = LayoutStatus::Paused;
                        if let Some(w) = worker {
                            w.pause();
                        }
                        false
                    }
                    LayoutStatus::Paused | LayoutStatus::Done => {
                        e.status = LayoutStatus::Running;
                        e.layout.wake(engine::MAX_ITERATIONS);
                        if let Some(w) = worker {
                            w.resume();
                        }
                        true
                    }
                };
                publish(e, report, true);
                resume
            };
            if resume {
                shared.start_loop(report);
            }
        }
    };
    let fit = {
        let shared = shared.clone();
        let redraw = redraw.clone();
        move |_| {
            if let Some(e) = shared.engine.borrow_mut().as_mut() {
                e.fit();
                e.user_camera = false;
            }
            redraw(true);
        }
    };
    // Focusing an item of the accessible list moves the keyboard focus ring to its node.
    let list_focus = RwSignal::new(None::<u32>);
    {
        let shared = shared.clone();
        let redraw = redraw.clone();
        Effect::new(move |_| {
            let Some(node) = list_focus.get() else { return };
            if let Some(e) = shared.engine.borrow_mut().as_mut() {
                e.focus_node(node);
            }
            redraw(false);
        });
    }

    let status_text = move || {
        let tx = t();
        match report.status.get() {
            "running" => format!("{} ({})", tx.running, report.iterations.get()),
            "paused" => tx.paused.to_string(),
            _ => tx.done.to_string(),
        }
    };
    let pause_label = move || match report.status.get() {
        "running" => t().pause,
        "paused" => t().resume,
        _ => t().rerun,
    };

    view! {
        <section
            class="network-view"
            data-testid="network-view"
            aria-label=move || t().label
            data-drawn=move || report.drawn.get().to_string()
            data-layout=move || report.status.get()
            data-layout-runner=move || report.runner.get()
            data-hovered=move || report.hovered.get()
            data-keyboard=move || report.keyboard.get()
            data-iterations=move || report.iterations.get().to_string()
            data-iteration-ms=move || format!("{:.2}", report.timing.get().0)
            data-layout-ms=move || format!("{:.0}", report.timing.get().1)
            data-quality=move || format!("{:.3}", report.timing.get().2)
            data-edge-count=move || report.edges.get().to_string()
            data-highlighted-count=move || report.highlighted.get().to_string()
            data-visible-count=move || report.visible.get().to_string()
            data-renderer=move || report.renderer.get()
            data-context=move || if report.lost.get() { "lost" } else { "ok" }
            data-size-by=move || size_by.get().key()
            data-mode=move || mode.get().key()
        >
            <div class="network-toolbar" class:open=move || options_open.get()>
                // On a phone the choices fold behind this button, so the graph stays in the first screen.
                <button
                    type="button"
                    class="network-options-toggle"
                    data-testid="network-options"
                    aria-controls="network-options"
                    aria-expanded=move || options_open.get().to_string()
                    on:click=move |_| options_open.update(|o| *o = !*o)
                >
                    {move || t().options}
                </button>
                <div class="network-options" id="network-options">
                <label>
                    <span>{move || t().mode}</span>
                    <select
                        data-testid="network-mode"
                        on:change=move |ev| {
                            if let Some(m) = GraphMode::parse(&event_target_value(&ev)) {
                                mode.set(m);
                            }
                        }
                    >
                        <option value="ecosystems" selected=move || mode.get() == GraphMode::Ecosystems>{move || t().ecosystems}</option>
                        <option value="collaboration" selected=move || mode.get() == GraphMode::Collaboration>{move || t().collaboration}</option>
                        <option value="all" selected=move || mode.get() == GraphMode::All>{move || t().all}</option>
                    </select>
                </label>
                <label>
                    <span>{move || t().filtered}</span>
                    <select
                        data-testid="network-filtered"
                        on:change=move |ev| {
                            let h = event_target_value(&ev) == "hide";
                            remember(HIDE_KEY, if h { "1" } else { "0" });
                            hide.set(h);
                        }
                    >
                        <option value="fade" selected=move || !hide.get()>{move || t().fade}</option>
                        <option value="hide" selected=move || hide.get()>{move || t().hide}</option>
                    </select>
                </label>
                <label>
                    <span>{move || t().ego}</span>
                    <select
                        data-testid="network-ego"
                        on:change=move |ev| ego_depth.set(event_target_value(&ev).parse().unwrap_or(0))
                    >
                        <option value="0" selected=move || ego_depth.get() == 0>{move || t().ego_off}</option>
                        <option value="1" selected=move || ego_depth.get() == 1>{move || t().ego_1}</option>
                        <option value="2" selected=move || ego_depth.get() == 2>{move || t().ego_2}</option>
                    </select>
                </label>
                <label>
                    <span>{move || t().renderer}</span>
                    <select
                        data-testid="network-renderer"
                        on:change=move |ev| {
                            let v = if event_target_value(&ev) == "webgl2" { "webgl2" } else { "canvas2d" };
                            remember(RENDERER_KEY, v);
                            renderer_choice.set(v.to_string());
                        }
                    >
                        <option value="webgl2" selected=move || renderer_choice.get() == "webgl2">"WebGL2"</option>
                        <option value="canvas2d" selected=move || renderer_choice.get() != "webgl2">"Canvas 2D"</option>
                    </select>
                </label>
                <label>
                    <span>{move || t().size}</span>
                    <select
                        data-testid="network-size"
                        on:change=move |ev| {
                            let by = SizeBy::parse(&event_target_value(&ev)).unwrap_or(SizeBy::Degree);
                            remember(SIZE_KEY, by.key());
                            size_by.set(by);
                        }
                    >
                        <option value="degree" selected=move || size_by.get() == SizeBy::Degree>{move || t().size_degree}</option>
                        <option value="volume" selected=move || size_by.get() == SizeBy::Volume>{move || t().size_volume}</option>
                    </select>
                </label>
                </div>
                <button type="button" data-testid="network-pause" aria-pressed=move || (report.status.get() == "paused").to_string() on:click=toggle_pause>
                    {pause_label}
                </button>
                <button type="button" data-testid="network-fit" on:click=fit>{move || t().fit}</button>
                <span class="network-status" role="status" data-testid="network-status">{status_text}</span>
            </div>
            <Legend lang=state.lang size_by=size_by/>
            <div
                class="network-stage"
                node_ref=stage_ref
                tabindex="0"
                role="application"
                aria-roledescription="graph"
                aria-label=move || t().label
                aria-describedby="network-help"
                on:pointerdown=on_pointer_down
                on:pointermove=on_pointer_move
                on:pointerup=on_pointer_up.clone()
                on:pointercancel=on_pointer_up
                on:pointerleave=on_pointer_leave
                on:wheel=on_wheel
                on:keydown=on_key
            >
            </div>
            <p id="network-help" class="network-help">{move || t().help}</p>
            <p class="visually-hidden" aria-live="polite">{move || { let h = report.hovered.get(); if h.is_empty() { report.keyboard.get() } else { h } }}</p>
            <div class="visually-hidden">
                <h3>{move || t().nodes}</h3>
                <ul data-testid="network-nodes">
                    <For each=move || report.list.get() key=|it| (it.node, (it.x * 10.0) as i64, (it.y * 10.0) as i64, (it.r * 10.0) as i64) let:it>
                        {
                            let node = it.node;
                            let label = if it.technology {
                                format!("{} ({})", it.name, t().technology)
                            } else {
                                it.name.clone()
                            };
                            view! {
                                <li>
                                    <button
                                        type="button"
                                        data-node=node
                                        data-x=format!("{:.1}", it.x)
                                        data-y=format!("{:.1}", it.y)
                                        data-r=format!("{:.1}", it.r)
                                        on:focus=move |_| list_focus.set(Some(node))
                                        on:click=move |_| {
                                            if let Some(data) = state.data.get_untracked() {
                                                let n = node_ref(&data.0.ds, node);
                                                open_detail(state, &data.0.ds, n);
                                            }
                                        }
                                    >
                                        {label}
                                    </button>
                                </li>
                            }
                        }
                    </For>
                </ul>
            </div>
        </section>
    }
}

/// What node `i` stands for (actors first, then technologies, as in `Graph`).
fn node_ref(ds: &ecomap_core::model::Dataset, i: u32) -> GraphNode {
    let n = ds.actors.len() as u32;
    if i < n {
        GraphNode::Actor(ecomap_core::model::ActorId(i))
    } else {
        GraphNode::Technology(ecomap_core::model::TechnologyId((i - n) as u16))
    }
}

/// Opens the detail panel for a node (actor or technology).
fn open_detail(state: crate::state::AppState, ds: &ecomap_core::model::Dataset, node: GraphNode) {
    let focus = match node {
        GraphNode::Actor(a) => Focus::Actor(ds.actor(a).key.clone()),
        GraphNode::Technology(t) => Focus::Technology(ds.technology(t).key.clone()),
    };
    state.update_query(|q| q.focus = Some(focus));
}

/// The legend: colour and shape per actor kind, and the technology hub.
#[component]
fn Legend(lang: Memo<Lang>, size_by: RwSignal<SizeBy>) -> impl IntoView {
    use ecomap_core::model::ActorKind;
    // Small SVG symbols drawn with the canvas's own polygons, so the legend matches the nodes.
    let symbol = |shape: render::Shape, colour: String| {
        let pts = render::polygon(shape);
        let inner = if pts.is_empty() {
            view! { <circle cx="0" cy="0" r="1" fill=colour></circle> }.into_any()
        } else {
            let points = pts
                .iter()
                .map(|(x, y)| format!("{x},{y}"))
                .collect::<Vec<_>>()
                .join(" ");
            view! { <polygon points=points fill=colour></polygon> }.into_any()
        };
        view! { <svg class="network-legend-sym" viewBox="-1.3 -1.3 2.6 2.6" width="14" height="14">{inner}</svg> }
    };
    let items = move || {
        let l = lang.get();
        let mut v: Vec<(render::Shape, String, String)> = ActorKind::ALL
            .iter()
            .map(|k| {
                (
                    engine::shape_of(*k),
                    format!("var(--kind-{})", k.key()),
                    crate::i18n::kind_name(*k, l).to_string(),
                )
            })
            .collect();
        v.push((
            render::Shape::Octagon,
            "var(--accent)".into(),
            texts(l).technology.to_string(),
        ));
        v
    };
    view! {
        <ul class="network-legend" aria-hidden="true">
            {move || items().into_iter().map(|(shape, colour, name)| view! {
                <li>{symbol(shape, colour)}{name}</li>
            }).collect_view()}
            <li class="network-legend-size" data-testid="network-legend-size">
                <svg class="network-legend-sym" viewBox="0 0 26 14" width="26" height="14">
                    <circle cx="3" cy="9" r="2.5" fill="var(--muted)"></circle>
                    <circle cx="17" cy="7" r="6.5" fill="var(--muted)"></circle>
                </svg>
                {move || {
                    let tx = texts(lang.get());
                    match size_by.get() {
                        SizeBy::Degree => tx.legend_degree,
                        SizeBy::Volume => tx.legend_volume,
                    }
                }}
            </li>
        </ul>
    }
}
