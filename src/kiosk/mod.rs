//! Kiosk mode (`?mode=kiosk`, issue 15, docs/presenting.md): the app left alone on a touch screen at a stand.
//!
//! - **Attract loop**: while nobody touches it, the tour (`?tour=URL`, else the demo tour) plays as a loop in
//!   the presentation's look (`crate::present`'s player); the first touch ends it and leaves the explorer on
//!   that step, touch first (`html[data-kiosk]`, style/kiosk.css: targets of at least 44 px, no text
//!   selection, no context menu, no pinch zoom of the page itself, no search field, share or settings).
//! - **Idle reset**: after `kiosk.idleSeconds` of config.json (default 90) without a touch, a visible
//!   countdown of 10 s (core's `kiosk::idle`), then the attract loop from the first step again.
//! - **Outbound links** open a QR code to scan (`qr_dialog.rs`) instead of another site.
//! - **Kept awake** by the Screen Wake Lock API where the browser has it (asked again when the page returns).
//! - **Starts over by itself**: after a panic (the message shows 5 s) or a WebGL context lost for 3 s, the page
//!   reloads its start address, which plays the tour.
//! - **Hidden exit**: a long press in the top-left corner and the PIN of config.json (`exit.rs`).

mod dom;
pub mod exit;
pub mod qr_dialog;
pub mod texts;

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use ecomap_core::kiosk::idle::{IdleClock, IdleState};
use ecomap_core::kiosk::KioskConfig;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::present::player::{Presenter, DEFAULT_TOUR};
use crate::shell::{use_shell, Mode, Shell};
use crate::state::AppState;
use texts::kiosk_texts;

/// The root's attribute holding the address the kiosk restarts at (the panic hook reads it: plain DOM).
pub const START_ATTR: &str = "data-kiosk-start";
/// How long a lost WebGL context may stay lost before the kiosk reloads.
const LOST_MS: u64 = 3000;

/// The kiosk's shared state (its layer and `start`): config.json's settings once read (plain shared state, no
/// signal: nothing redraws on them), the countdown's seconds left while it shows.
#[derive(Clone)]
struct Kiosk {
    config: Rc<RefCell<KioskConfig>>,
    countdown: RwSignal<Option<u32>>,
    clock: Rc<RefCell<IdleClock>>,
}

/// Reloads the kiosk's start address (the tour from its first step).
pub fn restart_page() {
    let Some(w) = web_sys::window() else { return };
    let start = w
        .document()
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute(START_ATTR));
    match start {
        Some(url) => {
            let _ = w.location().replace(&url);
        }
        None => {
            let _ = w.location().reload();
        }
    }
}

/// Starts the kiosk when the page is one (`Mode::Kiosk`).
pub fn start(state: AppState, presenter: Presenter) -> Option<()> {
    let shell = use_shell();
    if shell.mode != Mode::Kiosk {
        return None;
    }
    // Touch first: one finger pans the map and the network, even where the page could scroll.
    crate::views::input_policy::set_shell_rule(crate::views::input_policy::ShellRule {
        fills_screen: true,
        forced: Some(ecomap_core::input_policy::InputPolicy::Direct),
    });
    let root = web_sys::window()?.document()?.document_element()?;
    let _ = root.set_attribute("data-kiosk", "on");
    let here = web_sys::window()?.location().href().ok()?;
    let _ = root.set_attribute(START_ATTR, &here);
    let kiosk = Kiosk {
        config: Rc::new(RefCell::new(KioskConfig::default())),
        countdown: RwSignal::new(None),
        clock: Rc::new(RefCell::new(IdleClock::new(
            ecomap_core::kiosk::DEFAULT_IDLE_SECONDS,
            crate::browser::now_ms(),
        ))),
    };
    let k = kiosk.clone();
    leptos::task::spawn_local(async move {
        if let Some(c) = crate::site_config::read().await {
            *k.clock.borrow_mut() = IdleClock::new(c.kiosk.idle_seconds, crate::browser::now_ms());
            *k.config.borrow_mut() = c.kiosk;
        }
    });
    attract(state, presenter, shell);
    watch_idle(state, presenter, shell, &kiosk);
    guard_page(state);
    keep_awake();
    layer(state, shell, &kiosk, presenter);
    Some(())
}

/// Plays the tour as a loop in the presentation's look.
fn attract(state: AppState, presenter: Presenter, shell: Shell) {
    exit::close();
    qr_dialog::close();
    state.open(None);
    shell.presenting.set(true);
    let url = state
        .query
        .with_untracked(|q| q.tour.clone())
        .unwrap_or_else(|| DEFAULT_TOUR.to_string());
    presenter.load(url, true);
}

/// The idle clock: every touch, key or pointer movement restarts it; a touch during the attract loop ends the
/// loop (and is not taken as a click on what lies under the finger then); idle, it counts down and starts over.
fn watch_idle(state: AppState, presenter: Presenter, shell: Shell, kiosk: &Kiosk) {
    let clock = kiosk.clock.clone();
    let countdown = kiosk.countdown;
    let swallow_click = Rc::new(RefCell::new(false));
    let activity = {
        let (clock, swallow) = (clock.clone(), swallow_click.clone());
        Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
            clock.borrow_mut().touch(crate::browser::now_ms());
            // Pointer moves come in storms: write the countdown only while it shows.
            if countdown.with_untracked(Option::is_some) {
                countdown.set(None);
            }
            if ev.type_() == "pointerdown" && shell.presenting.get_untracked() {
                presenter.stop();
                shell.presenting.set(false);
                *swallow.borrow_mut() = true;
                ev.prevent_default();
                ev.stop_propagation();
            }
        })
    };
    let click = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        if swallow_click.replace(false) {
            ev.prevent_default();
            ev.stop_propagation();
        }
    });
    if let Some(w) = web_sys::window() {
        for name in ["pointerdown", "pointermove", "keydown", "wheel"] {
            let _ = w.add_event_listener_with_callback_and_bool(name, activity.as_ref().unchecked_ref(), true);
        }
        let _ = w.add_event_listener_with_callback_and_bool("click", click.as_ref().unchecked_ref(), true);
    }
    activity.forget();
    click.forget();
    let tick = set_interval_with_handle(
        move || {
            if shell.presenting.get_untracked() {
                clock.borrow_mut().touch(crate::browser::now_ms());
                return;
            }
            let now = crate::browser::now_ms();
            match clock.borrow().state(now) {
                IdleState::Active => countdown.set(None),
                IdleState::Warning { seconds_left } => countdown.set(Some(seconds_left)),
                IdleState::Reset => {
                    countdown.set(None);
                    attract(state, presenter, shell);
                }
            }
        },
        Duration::from_millis(250),
    );
    if let Ok(t) = tick {
        on_cleanup(move || t.clear());
    }
}

/// No context menu; outbound links become QR codes; a WebGL context lost for [`LOST_MS`] reloads the kiosk.
fn guard_page(state: AppState) {
    let Some(w) = web_sys::window() else { return };
    let menu = Closure::<dyn Fn(web_sys::Event)>::new(|ev: web_sys::Event| ev.prevent_default());
    let _ = w.add_event_listener_with_callback("contextmenu", menu.as_ref().unchecked_ref());
    menu.forget();
    let links = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let Some(a) = target.and_then(|t| t.closest("a[href]").ok().flatten()) else {
            return;
        };
        let href = js_sys::Reflect::get(&a, &"href".into())
            .ok()
            .and_then(|h| h.as_string())
            .unwrap_or_default();
        if ecomap_core::kiosk::is_outbound(&href, &crate::site_config::own_origin()) {
            ev.prevent_default();
            ev.stop_propagation();
            qr_dialog::show(&href, state.lang.get_untracked());
        }
    });
    let _ = w.add_event_listener_with_callback_and_bool("click", links.as_ref().unchecked_ref(), true);
    links.forget();
    let lost = Closure::<dyn Fn()>::new(|| {
        let _ = set_timeout_with_handle(
            || {
                let still = crate::kiosk::dom::document()
                    .and_then(|d| d.query_selector("[data-context=lost]").ok().flatten())
                    .is_some();
                if still {
                    restart_page();
                }
            },
            Duration::from_millis(LOST_MS),
        );
    });
    let _ = w.add_event_listener_with_callback_and_bool("webglcontextlost", lost.as_ref().unchecked_ref(), true);
    lost.forget();
}

/// Asks the browser to keep the screen on (Screen Wake Lock API), again whenever the page becomes visible (the
/// browser releases the lock when it is hidden). Where there is none the note goes to the console, not an error.
fn keep_awake() {
    fn request() {
        let Some(nav) = web_sys::window().map(|w| w.navigator()) else {
            return;
        };
        let lock = js_sys::Reflect::get(&nav, &"wakeLock".into())
            .ok()
            .filter(|l| !l.is_undefined());
        let request = lock.as_ref().and_then(|l| {
            let f = js_sys::Reflect::get(l, &"request".into()).ok()?;
            f.dyn_into::<js_sys::Function>().ok()?.call1(l, &"screen".into()).ok()
        });
        match request.and_then(|p| p.dyn_into::<js_sys::Promise>().ok()) {
            Some(p) => {
                leptos::task::spawn_local(async move {
                    if wasm_bindgen_futures::JsFuture::from(p).await.is_err() {
                        web_sys::console::info_1(&"ecomap kiosk: the browser refused to keep the screen on".into());
                    }
                });
            }
            None => web_sys::console::info_1(&"ecomap kiosk: this browser cannot keep the screen on".into()),
        }
    }
    request();
    let again = Closure::<dyn Fn()>::new(|| {
        let visible = crate::kiosk::dom::document().is_some_and(|d| !d.hidden());
        if visible {
            request();
        }
    });
    if let Some(d) = crate::kiosk::dom::document() {
        let _ = d.add_event_listener_with_callback("visibilitychange", again.as_ref().unchecked_ref());
    }
    again.forget();
}

/// Over the page in a kiosk, in plain DOM at the end of the body: "touch to explore" during the attract loop,
/// the idle countdown and the hidden exit.
fn layer(state: AppState, shell: Shell, kiosk: &Kiosk, presenter: Presenter) {
    let Some(doc) = dom::document() else { return };
    let Some(body) = doc.body() else { return };
    let lang = Memo::new(move |_| state.lang.get());
    let countdown_signal = kiosk.countdown;
    let attract = dom::text(
        &doc,
        "p",
        &[("class", "kiosk-attract"), ("data-testid", "kiosk-attract")],
        "",
    );
    let countdown = dom::text(
        &doc,
        "div",
        &[
            ("class", "kiosk-countdown"),
            ("data-testid", "kiosk-countdown"),
            ("role", "status"),
        ],
        "",
    );
    let figure = dom::text(&doc, "p", &[("class", "kiosk-countdown-figure")], "");
    let stay = dom::text(&doc, "p", &[], "");
    let _ = countdown.append_child(&figure);
    let _ = countdown.append_child(&stay);
    let _ = body.append_child(&attract);
    let _ = body.append_child(&countdown);
    Effect::new(move |_| {
        let t = kiosk_texts(lang.get());
        attract.set_text_content(Some(t.touch_to_explore));
        let _ = attract.toggle_attribute_with_force("hidden", !shell.presenting.get());
        stay.set_text_content(Some(t.touch_to_stay));
        let left = countdown_signal.get();
        figure.set_text_content(left.map(|s| format!("{} {s} s", t.starting_over)).as_deref());
        let _ = countdown.toggle_attribute_with_force("hidden", left.is_none());
    });
    exit::corner(
        kiosk.config.clone(),
        lang,
        Rc::new(move || leave(state, presenter, shell)),
    );
}

/// Leaves kiosk mode for the explorer with the same view and filters (the hidden exit's right PIN).
fn leave(state: AppState, presenter: Presenter, shell: Shell) {
    presenter.stop();
    shell.presenting.set(false);
    let mut q = state.query.get_untracked();
    q.page_mode = None;
    q.tour = None;
    if let Some(w) = web_sys::window() {
        let path = w.location().pathname().unwrap_or_default();
        let _ = w.location().replace(&format!("{path}{}", crate::url::to_search(&q)));
    }
}
