//! One input policy for the map and the network stage (the rules are `ecomap_core::input_policy`): the
//! policy chosen once, from the shell's mode and the framing; the stage's non-passive touch listeners; the
//! hint over the stage.
//!
//! - `current()` is the policy of a stage mounted now: the shell mode's forced choice if it has one
//!   (`set_shell_rule`: embed forces cooperative, kiosk direct), else `InputPolicy::choose` of the
//!   placement (framed: `window.top != window.self`).
//! - A view keeps one [`Gestures`] per stage: its handlers ask it whether a touch pointer or a wheel turn is
//!   the camera's, and the stage carries `data-input=policy.key()` (style/map.css and style/network.css set
//!   `touch-action` by it). On a cooperative stage `Gestures::attach` adds the touch listeners that keep the
//!   page still under two or more fingers, and the hint: an element of the stage (not a component; it exists
//!   only there) that `show` fills and a timer empties, like an engine keeps its canvas.

mod texts;

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use leptos::__reexports::send_wrapper::SendWrapper;
use leptos::prelude::{on_cleanup, Effect, GetUntracked, Memo};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

pub use ecomap_core::input_policy::{Hint, InputPolicy, Placement};
use ecomap_core::model::Lang;
pub use texts::Surface;

use crate::state::use_app;
use crate::views::schedule::TimerSlot;

/// How long a hint stays on the stage.
const HINT_FOR: Duration = Duration::from_millis(1500);

/// What the shell's mode says about gestures; the full shell (the default) fills the screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ShellRule {
    /// The mode keeps the view on one screen; false lets the page's scrolling decide.
    pub fills_screen: bool,
    /// A policy the mode forces (e.g. embed: cooperative, kiosk: direct), or tests through a hook.
    pub forced: Option<InputPolicy>,
}

impl ShellRule {
    pub const FULL: ShellRule = ShellRule {
        fills_screen: true,
        forced: None,
    };
}

thread_local! {
    static RULE: Cell<ShellRule> = const { Cell::new(ShellRule::FULL) };
}

/// Sets the shell mode's rule; stages mounted from now on follow it.
pub fn set_shell_rule(rule: ShellRule) {
    RULE.with(|r| r.set(rule));
}

/// The policy of a stage mounted now.
pub fn current() -> InputPolicy {
    let rule = RULE.with(Cell::get);
    rule.forced.unwrap_or_else(|| {
        InputPolicy::choose(Placement {
            framed: framed(),
            fills_screen: rule.fills_screen,
            page_scrolls: !rule.fills_screen && page_scrolls(),
        })
    })
}

/// The app runs inside another page's frame (`window.top` is another window; comparing window proxies is
/// allowed across origins).
fn framed() -> bool {
    let Some(w) = web_sys::window() else { return false };
    match w.top() {
        Ok(Some(top)) => !js_sys::Object::is(&top, &w),
        _ => false,
    }
}

/// The document is taller than the window.
fn page_scrolls() -> bool {
    let Some(w) = web_sys::window() else { return false };
    let inner = w.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
    w.document()
        .and_then(|d| d.document_element())
        .is_some_and(|el| el.scroll_height() as f64 > inner + 1.0)
}

/// The middle of the part of `el` inside the window, in px from `el`'s top; None when none of it is.
fn visible_middle(el: &web_sys::Element) -> Option<f64> {
    let r = el.get_bounding_client_rect();
    let height = web_sys::window()?.inner_height().ok()?.as_f64()?;
    let (top, bottom) = (r.top().max(0.0), r.bottom().min(height));
    (bottom > top).then(|| (top + bottom) / 2.0 - r.top())
}

/// A listener on an element, removed when dropped.
struct Listener {
    target: web_sys::EventTarget,
    name: &'static str,
    callback: Closure<dyn FnMut(web_sys::TouchEvent)>,
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self
            .target
            .remove_event_listener_with_callback(self.name, self.callback.as_ref().unchecked_ref());
    }
}

/// The policy of one stage, its hint and its touch listeners. Cheap to clone into handlers.
#[derive(Clone)]
pub struct Gestures {
    pub policy: InputPolicy,
    surface: Surface,
    lang: Memo<Lang>,
    /// The stage and the hint in it, once attached (cooperative stages only).
    stage: Rc<RefCell<Option<(web_sys::HtmlElement, web_sys::HtmlElement)>>>,
    timer: Rc<TimerSlot>,
    listeners: Rc<RefCell<Vec<Listener>>>,
}

impl Gestures {
    /// The gestures of a stage mounted now (the policy is read once, for the stage's life).
    pub fn new(surface: Surface) -> Gestures {
        Gestures {
            policy: current(),
            surface,
            lang: use_app().lang,
            stage: Rc::default(),
            timer: Rc::default(),
            listeners: Rc::default(),
        }
    }

    /// Whether pointer `ev` moves the camera while `down` pointers are down on the stage: mouse and pen
    /// always; touch by the policy (the page scrolls under one finger when cooperative).
    pub fn pointer_moves_camera(&self, ev: &web_sys::PointerEvent, down: usize) -> bool {
        ev.pointer_type() != "touch" || self.policy.camera_takes_touches(down)
    }

    /// Whether a wheel turn zooms the camera (then the caller prevents the page's scroll); otherwise the page
    /// scrolls and the hint says how to zoom.
    pub fn wheel_zooms(&self, ev: &web_sys::WheelEvent) -> bool {
        let modified = ev.ctrl_key() || ev.meta_key();
        if let Some(hint) = self.policy.wheel_hint(modified) {
            self.show(hint);
        }
        self.policy.wheel_zooms(modified)
    }

    /// Shows `hint` over the stage for a moment (a new one restarts the moment). Its text stands in the
    /// middle of the stage's part inside the window, and stays while the hint fades out.
    fn show(&self, hint: Hint) {
        let guard = self.stage.borrow();
        let Some((stage, el)) = guard.as_ref() else { return };
        if el.get_attribute("data-hint").as_deref() != Some(hint.key()) {
            let lang = self.lang.get_untracked();
            if let Some(span) = el.first_element_child() {
                span.set_text_content(Some(texts::hint_text(lang, self.surface, hint)));
                // Through the CSSOM: the CSP allows no inline style attribute (docs/hosting.md).
                if let Some(span) = span.dyn_ref::<web_sys::HtmlElement>() {
                    let top = visible_middle(stage).map(|y| format!("{y:.0}px")).unwrap_or_default();
                    let _ = span.style().set_property("top", &top);
                }
            }
            let _ = el.set_attribute("data-hint", hint.key());
        }
        let el = el.clone();
        self.timer.restart(HINT_FOR, move || {
            let _ = el.set_attribute("data-hint", "");
        });
    }

    /// A touch event on the stage (non-passive listener): two or more fingers are the camera's, so the page
    /// must neither scroll nor zoom; one finger scrolls the page and brings the hint when it moves.
    fn on_touch(&self, ev: &web_sys::TouchEvent, moving: bool) {
        let touches = ev.touches().length() as usize;
        if self.policy.camera_takes_touches(touches) {
            // Once the page scrolls, a touchmove cannot be cancelled (and trying would warn).
            if ev.cancelable() {
                ev.prevent_default();
            }
        } else if moving {
            if let Some(hint) = self.policy.touch_hint(touches) {
                self.show(hint);
            }
        }
    }

    /// Once `stage` is mounted (tracked), a cooperative stage gets its hint and touch listeners; both go
    /// with the view (on cleanup). Nothing happens on a direct stage: `touch-action: none` keeps the page
    /// still there.
    pub fn attach(&self, stage: impl Fn() -> Option<web_sys::HtmlElement> + 'static) {
        if self.policy != InputPolicy::Cooperative {
            return;
        }
        let me = self.clone();
        Effect::new(move |_| {
            if let Some(stage) = stage() {
                me.attach_to(stage);
            }
        });
        let me = SendWrapper::new(self.clone());
        on_cleanup(move || me.release());
    }

    fn attach_to(&self, stage: web_sys::HtmlElement) {
        if self.stage.borrow().is_some() {
            return;
        }
        let Some(hint) = hint_element() else { return };
        let _ = stage.append_child(&hint);
        *self.stage.borrow_mut() = Some((stage.clone(), hint));
        let options = web_sys::AddEventListenerOptions::new();
        options.set_passive(false);
        let mut listeners = self.listeners.borrow_mut();
        for (name, moving) in [("touchstart", false), ("touchmove", true)] {
            // The listeners' own copy leaves out the listener list (no cycle through it).
            let me = Gestures {
                listeners: Rc::default(),
                ..self.clone()
            };
            let callback =
                Closure::<dyn FnMut(web_sys::TouchEvent)>::new(move |ev: web_sys::TouchEvent| me.on_touch(&ev, moving));
            let added = stage.add_event_listener_with_callback_and_add_event_listener_options(
                name,
                callback.as_ref().unchecked_ref(),
                &options,
            );
            if added.is_ok() {
                listeners.push(Listener {
                    target: stage.clone().into(),
                    name,
                    callback,
                });
            }
        }
    }

    /// Removes the listeners and cancels the hint's timer (on cleanup).
    fn release(&self) {
        self.listeners.borrow_mut().clear();
        self.stage.borrow_mut().take();
        self.timer.cancel();
    }
}

/// `<div class="gesture-hint" aria-live="polite" data-testid="gesture-hint" data-hint=""><span>`: empty
/// until a hint shows (style/map.css; no pointer events).
fn hint_element() -> Option<web_sys::HtmlElement> {
    let doc = web_sys::window()?.document()?;
    let el = doc.create_element("div").ok()?;
    for (name, value) in [
        ("class", "gesture-hint"),
        ("aria-live", "polite"),
        ("data-testid", "gesture-hint"),
        ("data-hint", ""),
    ] {
        let _ = el.set_attribute(name, value);
    }
    let span = doc.create_element("span").ok()?;
    let _ = el.append_child(&span);
    el.dyn_into().ok()
}
