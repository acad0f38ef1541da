//! The page's side of the insight worker (crates/insight-worker): started by the insight view when it opens,
//! never before (the app's first view loads no insight code), and terminated when the view closes (dropped).
//! `public/insight-worker.js` loads the worker module; the protocol is in crates/insight-worker/src/worker.rs
//! and docs/insight.md. Each answer to the newest request is rendered into the view's element at once.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, MessageEvent, Worker, WorkerOptions, WorkerType};

use super::render;

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn message(fields: &[(&str, JsValue)]) -> JsValue {
    let msg = Object::new();
    for (k, v) in fields {
        let _ = Reflect::set(&msg, &JsValue::from_str(k), v);
    }
    msg.into()
}

/// The running worker; dropping it terminates the worker.
pub struct InsightClient {
    worker: Worker,
    ready: Rc<Cell<bool>>,
    /// Messages sent before the worker listens: the data, then only the newest request.
    queue: Rc<RefCell<Vec<JsValue>>>,
    id: Rc<Cell<u32>>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
}

impl InsightClient {
    /// Starts the worker on the export at `data` (the page's address for it) and renders into `host`;
    /// `failed` prefixes a failure's message.
    pub fn spawn(data: &str, host: Element, failed: &'static str) -> Option<InsightClient> {
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker = Worker::new_with_options("insight-worker.js", &options).ok()?;
        let ready = Rc::new(Cell::new(false));
        let queue = Rc::new(RefCell::new(vec![message(&[
            ("kind", "load".into()),
            ("url", data.into()),
        ])]));
        let id = Rc::new(Cell::new(0u32));
        let on_message = {
            let (worker, ready, queue, id) = (worker.clone(), ready.clone(), queue.clone(), id.clone());
            Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
                let data = ev.data();
                match get(&data, "kind").as_string().as_deref() {
                    Some("ready") => {
                        ready.set(true);
                        for msg in queue.borrow_mut().drain(..) {
                            let _ = worker.post_message(&msg);
                        }
                    }
                    Some("doc") if get(&data, "id").as_f64() == Some(f64::from(id.get())) => {
                        render::render(&host, &get(&data, "doc").as_string().unwrap_or_default());
                        // Tests and the printed report wait for the last answer (with centrality).
                        let last = get(&data, "final").as_bool().unwrap_or(true);
                        let _ = host.set_attribute("data-final", if last { "true" } else { "false" });
                    }
                    Some("doc") => {}
                    _ => {
                        let why = get(&data, "message").as_string().unwrap_or_default();
                        render::message(&host, &format!("{failed} {why}"), false);
                    }
                }
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        Some(InsightClient {
            worker,
            ready,
            queue,
            id,
            _on_message: on_message,
        })
    }

    /// Asks for the profile of the query `search` (the page's URL query string, with the technology) in `lang`.
    pub fn profile(&self, search: &str, lang: &str) {
        self.id.set(self.id.get() + 1);
        let msg = message(&[
            ("kind", "profile".into()),
            ("id", self.id.get().into()),
            ("query", search.into()),
            ("lang", lang.into()),
        ]);
        if self.ready.get() {
            let _ = self.worker.post_message(&msg);
        } else {
            let mut q = self.queue.borrow_mut();
            q.truncate(1);
            q.push(msg);
        }
    }
}

impl Drop for InsightClient {
    fn drop(&mut self) {
        self.worker.set_onmessage(None);
        self.worker.terminate();
    }
}
