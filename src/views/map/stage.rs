//! The map stage: the optional tiles under the base canvas, the overlay canvas that takes pointer input, the
//! tooltip, the toolbar and the credits. The stage is focusable; keys move the camera. Its `data-input` names
//! the input policy (style/map.css sets the overlay's `touch-action` by it); a cooperative stage also gets the
//! gesture hint and touch listeners (`Gestures::attach`).

use leptos::html;
use leptos::prelude::*;
use web_sys::{HtmlCanvasElement, HtmlDivElement};

use super::controls::MapControls;
use super::input::Handlers;
use super::signals::{MapSignals, Tip};
use super::texts::{map_texts, BASEMAP_CREDITS};
use super::tiles::{TileConfig, TileLayer};
use crate::state::use_app;

/// The stage and its two canvases, once mounted.
#[derive(Clone, Copy)]
pub struct StageRefs {
    pub stage: NodeRef<html::Div>,
    pub base: NodeRef<html::Canvas>,
    pub overlay: NodeRef<html::Canvas>,
}

impl StageRefs {
    pub fn new() -> StageRefs {
        StageRefs {
            stage: NodeRef::new(),
            base: NodeRef::new(),
            overlay: NodeRef::new(),
        }
    }

    /// The elements (read tracked: `None` until the stage is mounted).
    pub fn get(&self) -> Option<(HtmlDivElement, HtmlCanvasElement, HtmlCanvasElement)> {
        Some((self.stage.get()?, self.base.get()?, self.overlay.get()?))
    }
}

/// An event handler that calls `f` on its own clone of the handlers.
fn bind<E>(handlers: &Handlers, f: impl Fn(&Handlers, E) + 'static) -> impl Fn(E) + 'static {
    let handlers = handlers.clone();
    move |ev| f(&handlers, ev)
}

#[component]
pub fn MapStage(
    refs: StageRefs,
    handlers: Handlers,
    sig: MapSignals,
    tiles: RwSignal<Option<TileConfig>>,
    /// Drawn above the canvases (the Berlin inset).
    children: Children,
) -> impl IntoView {
    let state = use_app();
    let t = move || map_texts(state.lang.get());
    let StageRefs { stage, base, overlay } = refs;
    let input = handlers.gestures.policy.key();
    handlers.gestures.attach(move || stage.get().map(Into::into));
    view! {
        <div class="map-stage" node_ref=stage data-testid="map-stage" data-input=input
            tabindex="0" role="application"
            aria-roledescription=move || t().map_role aria-label=move || t().map_label aria-describedby="map-help"
            on:keydown=bind(&handlers, Handlers::key)>
            <TileLayer config=tiles camera=sig.camera/>
            <canvas class="map-canvas" node_ref=base data-testid="map-canvas"></canvas>
            <canvas class="map-overlay" node_ref=overlay
                on:pointerdown=bind(&handlers, Handlers::down)
                on:pointermove=bind(&handlers, Handlers::moved)
                on:pointerup=bind(&handlers, |h, ev| h.up(ev, true))
                on:pointercancel=bind(&handlers, |h, ev| h.up(ev, false))
                on:pointerleave=bind(&handlers, |h, _| h.leave())
                on:wheel=bind(&handlers, Handlers::wheel)
                on:dblclick=bind(&handlers, Handlers::dblclick)></canvas>
            {children()}
            <MapTooltip tip=sig.tip/>
            <MapControls handlers=handlers.clone()/>
            <p class="map-credits" data-testid="map-credits">
                {BASEMAP_CREDITS}
                {move || tiles.with(|c| c.as_ref().map(|c| format!(" · {}", c.attribution)))}
            </p>
        </div>
    }
}

/// The hover tooltip: its first line bold.
#[component]
fn MapTooltip(tip: RwSignal<Option<Tip>>) -> impl IntoView {
    move || {
        tip.get().map(|tip| {
            view! {
                <div class="map-tip" role="tooltip" data-testid="map-tooltip"
                    style:left=format!("{:.0}px", tip.x) style:top=format!("{:.0}px", tip.y)>
                    {tip.lines.into_iter().enumerate().map(|(i, l)| {
                        if i == 0 { view! { <strong>{l}</strong> }.into_any() } else { view! { <span>{l}</span> }.into_any() }
                    }).collect_view()}
                </div>
            }
        })
    }
}
