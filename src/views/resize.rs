//! Following an element's size: a ResizeObserver with its callback, disconnected when dropped. The map and
//! the network view redraw through it when their stage changes size (window resize, detail panel opening).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

pub struct ResizeWatch {
    observer: web_sys::ResizeObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl ResizeWatch {
    /// Calls `on_resize` whenever `el` changes size (and once when observing starts); None without
    /// ResizeObserver.
    pub fn new(el: &web_sys::Element, mut on_resize: impl FnMut() + 'static) -> Option<ResizeWatch> {
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries: js_sys::Array| on_resize());
        let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
        observer.observe(el);
        Some(ResizeWatch {
            observer,
            _callback: callback,
        })
    }
}

impl Drop for ResizeWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
