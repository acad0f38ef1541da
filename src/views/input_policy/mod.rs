//! One input policy for the map and the network stage (the rules are `ecomap_core::input_policy`): the
//! policy chosen once, from the shell's mode and the framing; the stage's non-passive touch listeners; the
//! hint over the stage.
//!
//! - `current()` is the policy of a stage mounted now: the shell mode's forced choice if it has one
//!   (`set_shell_rule`: embed forces cooperative, kiosk direct), else `InputPolicy::choose` of the
//!   placement (framed: `window.top != window.self`).
//! - A view keeps one [`Gestures`] per stage: its handlers ask it whether a touch pointer or a wheel turn is
//!   the camera's, the stage carries `data-input=policy.key()` (style/map.css and style/network.css set
//!   `touch-action` by it) and [`GestureHint`] shows the hint and attaches the touch listeners that prevent
//!   the page's scroll and zoom only for two or more fingers.

mod texts;

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use leptos::__reexports::send_wrapper::SendWrapper;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

pub use ecomap_core::input_policy::{Hint, InputPolicy, Placement};
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

/// The visitor's keyboard has ⌘ rather than Ctrl (Apple platforms), for the wheel hint.
fn apple_keyboard() -> bool {
    web_sys::window()
        .and_then(|w| w.navigator().platform().ok())
        .is_some_and(|p| p.starts_with("Mac") || p.starts_with("iP"))
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
    hint: RwSignal<Option<Hint>>,
    /// Where the hint's text stands: the middle of the stage's part inside the window (px from its top).
    hint_y: RwSignal<Option<f64>>,
    timer: Rc<TimerSlot>,
    /// The element that takes the stage's pointers (set with the touch listeners).
    target: Rc<RefCell<Option<web_sys::Element>>>,
    listeners: Rc<RefCell<Vec<Listener>>>,
}

impl Gestures {
    /// The gestures of a stage mounted now (the policy is read once, for the stage's life).
    pub fn new(surface: Surface) -> Gestures {
        Gestures::with_policy(surface, current())
    }

    pub fn with_policy(surface: Surface, policy: InputPolicy) -> Gestures {
        Gestures {
            policy,
            surface,
            hint: RwSignal::new(None),
            hint_y: RwSignal::new(None),
            timer: Rc::default(),
            target: Rc::default(),
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

    /// Shows `hint` over the stage for a moment (a new one restarts the moment).
    fn show(&self, hint: Hint) {
        if self.hint.get_untracked() != Some(hint) {
            let y = self.target.borrow().as_ref().and_then(visible_middle);
            self.hint_y.set(y);
            self.hint.set(Some(hint));
        }
        let signal = self.hint;
        self.timer.restart(HINT_FOR, move || {
            signal.try_set(None);
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

    /// Listens to touches on `target` with `passive: false` (only cooperative stages need it: in direct mode
    /// `touch-action: none` already keeps the page still).
    fn attach(&self, target: &web_sys::Element) {
        if self.policy != InputPolicy::Cooperative || !self.listeners.borrow().is_empty() {
            return;
        }
        *self.target.borrow_mut() = Some(target.clone());
        let options = web_sys::AddEventListenerOptions::new();
        options.set_passive(false);
        let mut listeners = self.listeners.borrow_mut();
        for (name, moving) in [("touchstart", false), ("touchmove", true)] {
            let me = self.clone_weakly();
            let callback =
                Closure::<dyn FnMut(web_sys::TouchEvent)>::new(move |ev: web_sys::TouchEvent| me.on_touch(&ev, moving));
            let added = target.add_event_listener_with_callback_and_add_event_listener_options(
                name,
                callback.as_ref().unchecked_ref(),
                &options,
            );
            if added.is_ok() {
                listeners.push(Listener {
                    target: target.clone().into(),
                    name,
                    callback,
                });
            }
        }
    }

    /// A copy for the listeners themselves, without the listener list (no cycle through it).
    fn clone_weakly(&self) -> Gestures {
        Gestures {
            listeners: Rc::default(),
            ..self.clone()
        }
    }

    /// Removes the listeners and cancels the hint's timer (on cleanup).
    fn release(&self) {
        self.listeners.borrow_mut().clear();
        self.target.borrow_mut().take();
        self.timer.cancel();
    }
}

/// The hint over a stage (`aria-live` polite, no pointer events), and the owner of the stage's touch
/// listeners: `target` is the element that takes the pointers, once mounted.
#[component]
pub fn GestureHint(gestures: Gestures, target: impl Fn() -> Option<web_sys::Element> + 'static) -> impl IntoView {
    let state = use_app();
    {
        let gestures = gestures.clone();
        Effect::new(move |_| {
            if let Some(el) = target() {
                gestures.attach(&el);
            }
        });
    }
    let hint = gestures.hint;
    let hint_y = gestures.hint_y;
    let surface = gestures.surface;
    {
        let gestures = SendWrapper::new(gestures);
        on_cleanup(move || gestures.release());
    }
    let apple = apple_keyboard();
    // The text stays while the hint fades out; it only changes with the next hint.
    let text = Memo::new(move |last: Option<&&'static str>| match hint.get() {
        Some(h) => texts::hint_text(state.lang.get(), surface, h, apple),
        None => last.copied().unwrap_or(""),
    });
    view! {
        <div class="gesture-hint" class:shown=move || hint.with(Option::is_some) aria-live="polite"
            data-testid="gesture-hint" data-hint=move || hint.get().map_or("", hint_key)>
            <span style=move || hint_y.get().map(|y| format!("top:{y:.0}px")).unwrap_or_default()>
                {move || text.get()}
            </span>
        </div>
    }
}

fn hint_key(h: Hint) -> &'static str {
    match h {
        Hint::Touch => "touch",
        Hint::Wheel => "wheel",
    }
}
