//! The page side of the layout worker (`crate::layout_worker`): starts the worker, sends it a job built from
//! the engine's layout arrays, and keeps the latest positions it sent until the next animation frame takes
//! them. When the worker cannot start or fails, `failed()` turns true and the view lays out on the main thread.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use ecomap_core::layout::LayoutState;
use js_sys::{Float32Array, Object, Uint32Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};

use crate::layout_worker::{f32s, get, get_u32, set, DONE};

/// Positions (and progress) the worker sent for a job.
pub struct Update {
    pub x: Vec<f32>,
    pub y: Vec<f32>,
    pub iterations: u32,
    pub movement: f32,
    pub done: bool,
    /// Time of every iteration run since the previous update, in ms.
    pub times: Vec<f32>,
}

pub struct LayoutClient {
    worker: Worker,
    ready: Rc<Cell<bool>>,
    /// Messages for the worker until it says it is ready.
    queue: Rc<RefCell<Vec<JsValue>>>,
    inbox: Rc<RefCell<Option<Update>>>,
    failed: Rc<Cell<bool>>,
    job: Rc<Cell<u32>>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

/// The worker script's URL with the app's JS and wasm URLs, from the loader's script element (see
/// public/loader.js); None outside the real page (e.g. in wasm-bindgen tests).
fn worker_url() -> Option<String> {
    let doc = web_sys::window()?.document()?;
    let el = doc.query_selector("script[data-ecomap-loader]").ok()??;
    let base = doc.base_uri().ok()??;
    let abs = |rel: &str| web_sys::Url::new_with_base(rel, &base).ok().map(|u| u.href());
    let js = abs(&el.get_attribute("data-js")?)?;
    let wasm = abs(&el.get_attribute("data-wasm")?)?;
    let url = web_sys::Url::new_with_base("layout-worker.js", &base).ok()?;
    url.search_params().set("js", &js);
    url.search_params().set("wasm", &wasm);
    Some(url.href())
}

impl LayoutClient {
    /// Starts the worker; `notify` runs (on the main thread) after each message that changes something.
    pub fn spawn(notify: Rc<dyn Fn()>) -> Option<LayoutClient> {
        let url = worker_url()?;
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker = Worker::new_with_options(&url, &options).ok()?;
        let ready = Rc::new(Cell::new(false));
        let queue: Rc<RefCell<Vec<JsValue>>> = Rc::new(RefCell::new(Vec::new()));
        let inbox: Rc<RefCell<Option<Update>>> = Rc::new(RefCell::new(None));
        let failed = Rc::new(Cell::new(false));
        let job = Rc::new(Cell::new(0u32));
        let on_message = {
            let (worker, ready, queue, inbox, failed, job, notify) = (
                worker.clone(),
                ready.clone(),
                queue.clone(),
                inbox.clone(),
                failed.clone(),
                job.clone(),
                notify.clone(),
            );
            Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
                let data = ev.data();
                match get(&data, "kind").as_string().as_deref() {
                    Some("ready") => {
                        ready.set(true);
                        for msg in queue.borrow_mut().drain(..) {
                            let _ = worker.post_message(&msg);
                        }
                    }
                    Some("positions") => {
                        if get(&data, "job").as_f64() != Some(f64::from(job.get())) {
                            return;
                        }
                        let status = get(&data, "status").as_string().unwrap_or_default();
                        let mut times = f32s(&data, "times");
                        // An update the page has not drawn yet is replaced, but its iteration times count.
                        if let Some(old) = inbox.borrow_mut().take() {
                            let mut all = old.times;
                            all.append(&mut times);
                            times = all;
                        }
                        *inbox.borrow_mut() = Some(Update {
                            x: f32s(&data, "x"),
                            y: f32s(&data, "y"),
                            iterations: get_u32(&data, "iterations"),
                            movement: get(&data, "movement").as_f64().unwrap_or(f64::INFINITY) as f32,
                            done: status == DONE,
                            times,
                        });
                        notify();
                    }
                    _ => {
                        let why = get(&data, "message").as_string().unwrap_or_default();
                        leptos::logging::warn!("network: the layout worker failed ({why}); laying out on the page");
                        failed.set(true);
                        notify();
                    }
                }
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        let on_error = {
            let (failed, notify) = (failed.clone(), notify.clone());
            Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
                ev.prevent_default();
                let why = ev
                    .dyn_ref::<web_sys::ErrorEvent>()
                    .map(|e| e.message())
                    .unwrap_or_default();
                leptos::logging::warn!("network: the layout worker stopped ({why}); laying out on the page");
                failed.set(true);
                notify();
            })
        };
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        worker.set_onmessageerror(Some(on_error.as_ref().unchecked_ref()));
        Some(LayoutClient {
            worker,
            ready,
            queue,
            inbox,
            failed,
            job,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    pub fn failed(&self) -> bool {
        self.failed.get()
    }

    fn send(&self, msg: JsValue) {
        if self.ready.get() {
            let _ = self.worker.post_message(&msg);
        } else {
            self.queue.borrow_mut().push(msg);
        }
    }

    fn command(&self, kind: &str) {
        let msg = Object::new();
        set(&msg, "kind", &kind.into());
        set(&msg, "job", &self.job.get().into());
        self.send(msg.into());
    }

    /// Starts laying out `layout` (replacing any earlier job); the worker stops by itself below `stop`
    /// movement or after `max` iterations.
    pub fn start(&self, layout: &LayoutState, stop: f32, max: u32) {
        self.job.set(self.job.get().wrapping_add(1));
        self.inbox.borrow_mut().take();
        // Commands of the earlier job still queued would be dropped by the worker anyway.
        self.queue.borrow_mut().clear();
        let msg = Object::new();
        set(&msg, "kind", &"job".into());
        set(&msg, "job", &self.job.get().into());
        set(&msg, "x", &Float32Array::from(&layout.x[..]));
        set(&msg, "y", &Float32Array::from(&layout.y[..]));
        set(&msg, "mass", &Float32Array::from(&layout.mass[..]));
        set(&msg, "a", &Uint32Array::from(&layout.edge_a[..]));
        set(&msg, "b", &Uint32Array::from(&layout.edge_b[..]));
        set(&msg, "w", &Float32Array::from(&layout.edge_w[..]));
        set(&msg, "stop", &f64::from(stop).into());
        set(&msg, "max", &max.into());
        self.send(msg.into());
    }

    pub fn pause(&self) {
        self.command("pause");
    }

    pub fn resume(&self) {
        self.command("resume");
    }

    /// Tells the worker the last positions were taken (it sends the next ones only then).
    pub fn ack(&self) {
        self.command("ack");
    }

    /// The newest positions of the current job, if any arrived since the last call.
    pub fn take(&self) -> Option<Update> {
        self.inbox.borrow_mut().take()
    }
}

impl Drop for LayoutClient {
    fn drop(&mut self) {
        // Unhook first: a message already queued for the page must not reach the closures dropped with us.
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.set_onmessageerror(None);
        self.worker.terminate();
    }
}
