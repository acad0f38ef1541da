//! The kiosk's hidden exit: a long press (2 s) on an invisible corner target, then the PIN from config.json
//! (`kiosk.pin`) on an on-screen pad (a kiosk has no keyboard). The right PIN leaves kiosk mode for the
//! explorer with the same view and filters; without a PIN in the configuration the exit is off.

use std::cell::RefCell;
use std::rc::Rc;

use ecomap_core::kiosk::KioskConfig;
use ecomap_core::model::Lang;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::dom::{self, text};
use super::texts::kiosk_texts;

const ID: &str = "kiosk-pin";
/// How long the corner must be held.
const HOLD_MS: u64 = 2000;

/// The invisible corner target (top left, 44 px, plain DOM at the end of the body): held for [`HOLD_MS`], it asks
/// for the PIN; without a PIN in the configuration it does nothing.
pub fn corner(config: Rc<RefCell<KioskConfig>>, lang: Memo<Lang>, leave: Rc<dyn Fn()>) {
    let Some(doc) = dom::document() else { return };
    let button = text(
        &doc,
        "button",
        &[
            ("type", "button"),
            ("class", "kiosk-exit-corner"),
            ("data-testid", "kiosk-exit-corner"),
            ("tabindex", "-1"),
        ],
        "",
    );
    let b = button.clone();
    Effect::new(move |_| {
        let _ = b.set_attribute("aria-label", kiosk_texts(lang.get()).exit_corner);
    });
    let hold: Rc<RefCell<Option<TimeoutHandle>>> = Rc::new(RefCell::new(None));
    let h = hold.clone();
    let down = Closure::<dyn Fn()>::new(move || {
        let Some(pin) = config.borrow().pin.clone() else {
            return;
        };
        let lang = lang.get_untracked();
        let leave = leave.clone();
        let held = move || ask(pin, lang, leave);
        if let Ok(timer) = set_timeout_with_handle(held, std::time::Duration::from_millis(HOLD_MS)) {
            if let Some(old) = h.borrow_mut().replace(timer) {
                old.clear();
            }
        }
    });
    let cancel = Closure::<dyn Fn()>::new(move || {
        if let Some(t) = hold.borrow_mut().take() {
            t.clear();
        }
    });
    let _ = button.add_event_listener_with_callback("pointerdown", down.as_ref().unchecked_ref());
    for name in ["pointerup", "pointerleave", "pointercancel"] {
        let _ = button.add_event_listener_with_callback(name, cancel.as_ref().unchecked_ref());
    }
    down.forget();
    cancel.forget();
    if let Some(body) = doc.body() {
        let _ = body.append_child(&button);
    }
}

/// The PIN pad: digits, delete, OK and cancel; the entered digits as dots. (The dialog is made once per page
/// with the first call's listener; every later call shows the same pad, with what was entered cleared.)
fn ask(pin: String, lang: Lang, leave: Rc<dyn Fn()>) {
    let Some(doc) = dom::document() else { return };
    let entered = Rc::new(RefCell::new(String::new()));
    let t = kiosk_texts(lang);
    let show = {
        let entered = entered.clone();
        move |wrong: bool| {
            if let Some(e) = doc.get_element_by_id("kiosk-pin-entered") {
                e.set_text_content(Some(&"•".repeat(entered.borrow().len())));
            }
            if let Some(e) = doc.get_element_by_id("kiosk-pin-wrong") {
                e.set_text_content(Some(if wrong { t.pin_wrong } else { "" }));
            }
        }
    };
    let Some(d) = dom::dialog(ID, "kiosk-pin-title", move |action| {
        let a = action.get_attribute("data-action").unwrap_or_default();
        match a.as_str() {
            "cancel" => {
                entered.borrow_mut().clear();
                show(false);
                dom::close(ID);
            }
            "delete" => {
                entered.borrow_mut().pop();
                show(false);
            }
            "ok" => {
                let right = KioskConfig {
                    pin: Some(pin.clone()),
                    ..KioskConfig::default()
                }
                .pin_opens(&entered.borrow());
                entered.borrow_mut().clear();
                if right {
                    dom::close(ID);
                    leave();
                } else {
                    show(true);
                }
            }
            digit if digit.len() == 1 && entered.borrow().len() < 8 => {
                entered.borrow_mut().push_str(digit);
                show(false);
            }
            _ => {}
        }
    }) else {
        return;
    };
    let Some(doc) = dom::document() else { return };
    d.set_text_content(None);
    let _ = d.append_child(&text(&doc, "p", &[("id", "kiosk-pin-title")], t.pin_title));
    let _ = d.append_child(&text(
        &doc,
        "p",
        &[
            ("id", "kiosk-pin-entered"),
            ("class", "kiosk-pin-entered"),
            ("aria-live", "polite"),
        ],
        "",
    ));
    let _ = d.append_child(&text(&doc, "p", &[("id", "kiosk-pin-wrong"), ("role", "alert")], ""));
    let pad = text(&doc, "div", &[("class", "kiosk-pin-pad")], "");
    for key in ["1", "2", "3", "4", "5", "6", "7", "8", "9", "delete", "0", "ok"] {
        let label = match key {
            "delete" => t.delete,
            "ok" => t.ok,
            digit => digit,
        };
        let testid = format!("kiosk-pin-{key}");
        let _ = pad.append_child(&text(
            &doc,
            "button",
            &[("type", "button"), ("data-action", key), ("data-testid", &testid)],
            label,
        ));
    }
    let _ = d.append_child(&pad);
    let _ = d.append_child(&text(
        &doc,
        "button",
        &[("type", "button"), ("class", "button"), ("data-action", "cancel")],
        t.cancel,
    ));
    if !d.open() {
        let _ = d.show_modal();
    }
}

/// Closes the pad (the kiosk starts over).
pub fn close() {
    dom::close(ID);
}
