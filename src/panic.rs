//! A panic never blanks the page: the hook logs the details and shows a message with a reload button.
//!
//! It builds the message with plain DOM calls, since the reactive system may be what panicked.

use std::panic;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

const MESSAGE: &str = "Something went wrong. Details are in the browser console. / \
                       Ein unerwarteter Fehler ist aufgetreten. Details stehen in der Browser-Konsole.";

pub fn install_hook() {
    panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_message();
    }));
}

fn show_message() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = doc.body() else { return };
    if doc.get_element_by_id("panic-overlay").is_some() {
        return;
    }
    let Ok(overlay) = doc.create_element("div") else { return };
    overlay.set_id("panic-overlay");
    let _ = overlay.set_attribute("role", "alertdialog");
    let _ = overlay.set_attribute("data-testid", "panic");
    let Ok(p) = doc.create_element("p") else { return };
    p.set_text_content(Some(MESSAGE));
    let Ok(button) = doc.create_element("button") else {
        return;
    };
    button.set_text_content(Some("Reload / Neu laden"));
    // An event listener, not an inline `onclick`: the app runs under a CSP without 'unsafe-inline'.
    let reload = Closure::<dyn FnMut()>::new(|| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    let _ = button.add_event_listener_with_callback("click", reload.as_ref().unchecked_ref());
    reload.forget();
    let _ = overlay.append_child(&p);
    let _ = overlay.append_child(&button);
    let _ = body.append_child(&overlay);
    // The visitor's next key press reaches the button (the page behind may be unusable).
    if let Some(b) = button.dyn_ref::<web_sys::HtmlElement>() {
        let _ = b.focus();
    }
    if let Some(el) = doc.document_element() {
        let _ = el.set_attribute("data-ready", "error");
        // A kiosk has nobody to press the button: it starts over by itself (crate::kiosk).
        if el.has_attribute(crate::kiosk::START_ATTR) {
            let restart = Closure::<dyn FnMut()>::new(crate::kiosk::restart_page);
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
                    restart.as_ref().unchecked_ref(),
                    KIOSK_RESTART_MS,
                );
            }
            restart.forget();
        }
    }
}

/// How long a kiosk shows the panic message before it starts over.
const KIOSK_RESTART_MS: i32 = 5000;
