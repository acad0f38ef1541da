//! The layout Web Worker: ecomap-core's ForceAtlas2 runs off the main thread, so the page only draws.
//!
//! `public/layout-worker.js` starts a module worker that loads this same wasm module and calls
//! [`layout_worker_start`] (in a worker, `crate::start` returns at once: there is no document). The page side
//! is `views/network/layout_client.rs`. Messages are plain objects with typed arrays:
//!
//! | direction | `kind` | fields |
//! |---|---|---|
//! | worker → page | `ready` | once, when the worker listens |
//! | page → worker | `job` | `job` (id), `x`, `y`, `mass` (Float32Array), `a`, `b` (Uint32Array), `w` (Float32Array), `stop`, `max`; replaces any earlier job |
//! | page → worker | `pause`, `resume`, `ack` | `job` |
//! | worker → page | `positions` | `job`, `status` (running, done), `iterations`, `movement`, `x`, `y`, `times` (ms per iteration since the last message) |
//!
//! Back-pressure as in graphology's supervisor: the worker keeps iterating, but sends intermediate positions
//! only when the page has acknowledged the previous ones (and at most once per display frame), so a slow page
//! is never flooded. The final message always goes. A pause stops the iterations; the page holds its picture.

use std::cell::RefCell;
use std::rc::Rc;

use ecomap_core::layout::{step, LayoutState, Settings};
use js_sys::{Array, Float32Array, Object, Reflect, Uint32Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageChannel, MessageEvent, Performance};

/// Least time between two intermediate position messages: one display frame.
const POST_EVERY_MS: f64 = 16.0;
/// Iterations run back to back until this much time has passed; then messages (pause, ack) get a turn.
const BATCH_MS: f64 = 12.0;

/// Layout status names shared with the page.
pub const RUNNING: &str = "running";
pub const DONE: &str = "done";

struct Job {
    id: u32,
    layout: LayoutState,
    stop: f32,
    max: u32,
    running: bool,
    done: bool,
    acked: bool,
    last_post: f64,
    times: Vec<f32>,
}

struct WorkerState {
    scope: DedicatedWorkerGlobalScope,
    performance: Option<Performance>,
    /// Yields to the event loop between batches without setTimeout's clamping.
    channel: MessageChannel,
    scheduled: bool,
    job: Option<Job>,
}

// Reading and writing message fields; the page side (`views/network/layout_client.rs`) uses the same ones.

pub(crate) fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

pub(crate) fn set(obj: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), value);
}

pub(crate) fn get_u32(obj: &JsValue, key: &str) -> u32 {
    get(obj, key)
        .as_f64()
        .filter(|v| v.is_finite() && *v >= 0.0)
        .unwrap_or(0.0) as u32
}

pub(crate) fn f32s(obj: &JsValue, key: &str) -> Vec<f32> {
    get(obj, key)
        .dyn_into::<Float32Array>()
        .map(|a| a.to_vec())
        .unwrap_or_default()
}

fn u32s(obj: &JsValue, key: &str) -> Vec<u32> {
    get(obj, key)
        .dyn_into::<Uint32Array>()
        .map(|a| a.to_vec())
        .unwrap_or_default()
}

/// Milliseconds from the worker's clock (0 without one).
fn clock(performance: &Option<Performance>) -> f64 {
    performance.as_ref().map(|p| p.now()).unwrap_or(0.0)
}

impl WorkerState {
    fn schedule(&mut self) {
        if !self.scheduled {
            self.scheduled = true;
            let _ = self.channel.port2().post_message(&JsValue::NULL);
        }
    }

    /// Sends the job's positions with `status` and clears the collected iteration times.
    fn post(&mut self, status: &str) {
        let now = clock(&self.performance);
        let Some(job) = self.job.as_mut() else { return };
        let msg = Object::new();
        set(&msg, "kind", &"positions".into());
        set(&msg, "job", &job.id.into());
        set(&msg, "status", &status.into());
        set(&msg, "iterations", &job.layout.iterations.into());
        set(&msg, "movement", &f64::from(job.layout.movement).into());
        let x = Float32Array::from(&job.layout.x[..]);
        let y = Float32Array::from(&job.layout.y[..]);
        set(&msg, "x", &x);
        set(&msg, "y", &y);
        set(&msg, "times", &Float32Array::from(&job.times[..]));
        job.times.clear();
        job.acked = false;
        job.last_post = now;
        // The position buffers move to the page instead of being copied.
        let transfer = Array::of2(&x.buffer(), &y.buffer());
        let _ = self.scope.post_message_with_transfer(&msg, &transfer);
    }

    /// Runs iterations for about `BATCH_MS`, sends positions when due, and schedules the next batch.
    fn batch(&mut self) {
        self.scheduled = false;
        let performance = &self.performance;
        let now = || clock(performance);
        let start = now();
        let Some(job) = self.job.as_mut() else { return };
        if !job.running {
            return;
        }
        loop {
            let t = now();
            step(&mut job.layout, 1);
            job.times.push((now() - t) as f32);
            if job.layout.movement < job.stop || job.layout.iterations >= job.max {
                job.running = false;
                job.done = true;
                break;
            }
            if now() - start > BATCH_MS {
                break;
            }
        }
        let due = job.acked && now() - job.last_post >= POST_EVERY_MS;
        if job.done {
            self.post(DONE);
        } else {
            if due {
                self.post(RUNNING);
            }
            self.schedule();
        }
    }

    fn on_message(&mut self, data: &JsValue) {
        let kind = get(data, "kind").as_string().unwrap_or_default();
        let id = get_u32(data, "job");
        if kind == "job" {
            let layout = LayoutState::from_parts(
                f32s(data, "x"),
                f32s(data, "y"),
                f32s(data, "mass"),
                u32s(data, "a"),
                u32s(data, "b"),
                f32s(data, "w"),
                Settings::readable(),
            );
            self.job = Some(Job {
                id,
                layout,
                stop: get(data, "stop").as_f64().unwrap_or(0.0) as f32,
                max: get_u32(data, "max"),
                running: true,
                done: false,
                acked: true,
                last_post: f64::NEG_INFINITY,
                times: Vec::new(),
            });
            self.schedule();
            return;
        }
        let Some(job) = self.job.as_mut().filter(|j| j.id == id) else {
            return;
        };
        match kind.as_str() {
            "pause" => job.running = false,
            "resume" if !job.running => {
                job.layout.wake(job.max);
                job.running = true;
                job.done = false;
                self.schedule();
            }
            "ack" => job.acked = true,
            _ => {}
        }
    }
}

/// Entry point of the layout worker (called by `public/layout-worker.js` after the wasm module is loaded).
#[wasm_bindgen]
pub fn layout_worker_start() {
    console_error_panic_hook::set_once();
    let Ok(scope) = js_sys::global().dyn_into::<DedicatedWorkerGlobalScope>() else {
        return;
    };
    let Ok(channel) = MessageChannel::new() else {
        return;
    };
    let state = Rc::new(RefCell::new(WorkerState {
        performance: scope.performance(),
        scope: scope.clone(),
        channel: channel.clone(),
        scheduled: false,
        job: None,
    }));
    // Both handlers live as long as the worker: leaking them once is intended.
    let s = state.clone();
    let on_batch = Closure::<dyn FnMut(MessageEvent)>::new(move |_: MessageEvent| s.borrow_mut().batch());
    channel.port1().set_onmessage(Some(on_batch.as_ref().unchecked_ref()));
    on_batch.forget();
    let s = state.clone();
    let on_message =
        Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| s.borrow_mut().on_message(&ev.data()));
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let ready = Object::new();
    set(&ready, "kind", &"ready".into());
    let _ = scope.post_message(&ready);
}
