//! Many embeds on one page: an embed's WebGL contexts are given back while its page is hidden
//! (`document.hidden`) or the frame is out of view (an IntersectionObserver on the body: in a frame it sees the
//! frame's place in the host's window; its margin keeps contexts near the window where the host is the same
//! origin, and a short delay keeps a frame scrolled past briefly from flickering), and restored when it
//! returns (`views::gl::park`; the views redraw on the restored context).

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::views::gl;
use crate::views::schedule::TimerSlot;

/// How long a frame stays out of view before its contexts are given back.
const DELAY: Duration = Duration::from_millis(800);

/// Starts watching for the page's lifetime.
pub fn watch() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = doc.body() else { return };
    let in_view = Rc::new(Cell::new(true));
    let timer = Rc::new(TimerSlot::default());
    let update = {
        let (doc, in_view) = (doc.clone(), in_view.clone());
        move || {
            if in_view.get() && !doc.hidden() {
                timer.cancel();
                gl::park(false);
            } else {
                timer.restart(DELAY, || gl::park(true));
            }
        }
    };
    let on_entries = {
        let update = update.clone();
        Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            if let Some(e) = entries.iter().last() {
                in_view.set(
                    e.unchecked_into::<web_sys::IntersectionObserverEntry>()
                        .is_intersecting(),
                );
            }
            update();
        })
    };
    let init = web_sys::IntersectionObserverInit::new();
    init.set_root_margin("100% 0px");
    if let Ok(o) = web_sys::IntersectionObserver::new_with_options(on_entries.as_ref().unchecked_ref(), &init) {
        o.observe(&body);
    }
    let on_visibility = Closure::<dyn FnMut()>::new(update);
    let _ = doc.add_event_listener_with_callback("visibilitychange", on_visibility.as_ref().unchecked_ref());
    // Both live as long as the page.
    on_entries.forget();
    on_visibility.forget();
}
