//! The worker's runtime (wasm32 only): it listens for the page's messages, imports the export itself, and
//! answers each request with a document (docs/insight.md, "Protocol").
//!
//! | direction | `kind` | fields |
//! |---|---|---|
//! | worker → page | `ready` | once, when it listens |
//! | page → worker | `load` | `url`: the export the page loaded (absolute, same as the page's request); or `file` (a visitor's own File) and `name` |
//! | page → worker | `doc` | `id`, `what` (`profile`, `compare`, `regions`, `suggestions`), `query` (the page's URL query string), `lang` (`de`/`en`) |
//! | worker → page | `doc` | `id`, `doc` (the document as JSON text), `ms` (from message to answer), `final` (false while centrality is computing), `centralityMs` (when this answer computed it) |
//! | worker → page | `error` | `message` |
//!
//! A request that arrives before the data is ready waits (only the newest of each kind). For a profile or a comparison the
//! centrality of a selection is computed after the first answer and kept for its filter; the second answer
//! (`final`) carries it. The other documents answer once.

use std::cell::RefCell;
use std::rc::Rc;

use ecomap_core::filter::{select, Filter};
use ecomap_core::index::Index;
use ecomap_core::insight::centrality::{centrality, Centrality, Options};
use ecomap_core::insight::CollabGraph;
use ecomap_core::model::{Dataset, Lang};
use ecomap_core::query::ResolvedFocus;
use js_sys::{Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, DedicatedWorkerGlobalScope, MessageEvent, Response};

use crate::doc::Doc;
use crate::profile::Inputs;

struct Data {
    ds: Dataset,
    idx: Index,
}

struct Request {
    id: f64,
    /// What the host shows: `profile`, `compare`, `regions` or `suggestions`.
    what: String,
    query: String,
    lang: Lang,
}

#[derive(Default)]
struct State {
    data: Option<Rc<Data>>,
    /// Requests that came before the data, the newest of each kind (a view and the detail's suggestions may
    /// both wait).
    pending: Vec<Request>,
    centrality: Option<(Filter, Rc<Centrality>)>,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State::default());
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn now() -> f64 {
    scope().performance().map(|p| p.now()).unwrap_or(0.0)
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn post(fields: &[(&str, JsValue)]) {
    let msg = Object::new();
    for (k, v) in fields {
        let _ = Reflect::set(&msg, &JsValue::from_str(k), v);
    }
    let _ = scope().post_message(&msg);
}

fn post_error(message: &str) {
    post(&[("kind", "error".into()), ("message", message.into())]);
}

/// Starts listening and tells the page.
pub fn start() {
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|ev: MessageEvent| on_message(&ev.data()));
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    post(&[("kind", "ready".into())]);
}

fn on_message(msg: &JsValue) {
    match get(msg, "kind").as_string().as_deref() {
        Some("load") => {
            let url = get(msg, "url").as_string();
            let file = get(msg, "file").dyn_into::<Blob>().ok();
            let name = get(msg, "name").as_string().unwrap_or_default();
            wasm_bindgen_futures::spawn_local(async move {
                let data = match (url, file) {
                    (Some(url), _) => load(&url).await,
                    (None, Some(file)) => load_file(&file, &name).await,
                    (None, None) => Err(format!("insight worker: {name}: the file is not available")),
                };
                match data {
                    Ok(data) => {
                        let pending = STATE.with_borrow_mut(|s| {
                            s.data = Some(Rc::new(data));
                            std::mem::take(&mut s.pending)
                        });
                        for req in &pending {
                            answer(req, now());
                        }
                    }
                    Err(e) => post_error(&e),
                }
            });
        }
        Some("doc") => {
            let t0 = now();
            let req = Request {
                id: get(msg, "id").as_f64().unwrap_or(0.0),
                what: get(msg, "what").as_string().unwrap_or_default(),
                query: get(msg, "query").as_string().unwrap_or_default(),
                lang: get(msg, "lang")
                    .as_string()
                    .and_then(|l| Lang::parse(&l))
                    .unwrap_or(Lang::En),
            };
            let ready = STATE.with_borrow_mut(move |s| {
                if s.data.is_some() {
                    return Some(req);
                }
                s.pending.retain(|p| p.what != req.what);
                s.pending.push(req);
                None
            });
            if let Some(req) = ready {
                answer(&req, t0);
            }
        }
        _ => post_error("insight worker: unknown message"),
    }
}

/// A visitor's own file, posted by the page.
async fn load_file(file: &Blob, name: &str) -> Result<Data, String> {
    let buf = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| format!("insight worker: {name}: {e:?}"))?;
    Ok(import(&Uint8Array::new(&buf).to_vec(), name))
}

fn import(bytes: &[u8], source: &str) -> Data {
    let (ds, _report) = ecomap_core::import::import(bytes, source);
    let idx = Index::build(&ds);
    Data { ds, idx }
}

async fn load(url: &str) -> Result<Data, String> {
    let err = |e: JsValue| format!("insight worker: {url}: {e:?}");
    let resp: Response = wasm_bindgen_futures::JsFuture::from(scope().fetch_with_str(url))
        .await
        .map_err(err)?
        .unchecked_into();
    if !resp.ok() {
        return Err(format!("insight worker: {url}: HTTP {}", resp.status()));
    }
    let buf = wasm_bindgen_futures::JsFuture::from(resp.array_buffer().map_err(err)?)
        .await
        .map_err(err)?;
    Ok(import(&Uint8Array::new(&buf).to_vec(), url))
}

fn answer(req: &Request, t0: f64) {
    let Some(data) = STATE.with_borrow(|s| s.data.clone()) else {
        return;
    };
    let (q, _) = ecomap_core::tour::parse_query(&req.query);
    let resolved = q.resolve(&data.ds);
    let filter = resolved.filter;
    let sel = select(&data.ds, &data.idx, &filter);
    let (tech, actor) = match resolved.focus {
        Some(ResolvedFocus::Technology(t)) => (Some(t), None),
        Some(ResolvedFocus::Actor(a)) => (None, Some(a)),
        None => (None, None),
    };
    let inputs = Inputs {
        ds: &data.ds,
        idx: &data.idx,
        filter: &filter,
        sel: &sel,
        lang: req.lang,
        query: &q,
    };
    // Only the profile and the comparison show centrality: they answer twice, the others once.
    let central = matches!(req.what.as_str(), "profile" | "compare");
    let build = |c: Option<&Centrality>| match req.what.as_str() {
        "compare" => crate::compare::document(&inputs, c),
        "regions" => crate::regions::document(&inputs),
        "suggestions" => crate::suggestions::document(&inputs, actor),
        _ => crate::profile::document(&inputs, tech, c),
    };
    let send = |doc: Doc, last: bool, t0: f64, extra: Option<f64>| {
        let doc = serde_json::to_string(&doc).unwrap_or_default();
        let mut fields = vec![
            ("kind", JsValue::from("doc")),
            ("id", req.id.into()),
            ("doc", doc.into()),
            ("ms", (now() - t0).into()),
            ("final", last.into()),
        ];
        if let Some(ms) = extra {
            fields.push(("centralityMs", ms.into()));
        }
        post(&fields);
    };
    if !central {
        send(build(None), true, t0, None);
        return;
    }
    let cached = STATE.with_borrow(|s| {
        s.centrality
            .as_ref()
            .filter(|(f, _)| *f == filter)
            .map(|(_, c)| c.clone())
    });
    if let Some(c) = cached {
        send(build(Some(&c)), true, t0, None);
        return;
    }
    send(build(None), false, t0, None);
    let t1 = now();
    let c = Rc::new(centrality(&CollabGraph::of(&data.idx, &sel), Options::default()));
    let ms = now() - t1;
    STATE.with_borrow_mut(|s| s.centrality = Some((filter.clone(), c.clone())));
    send(build(Some(&c)), true, now(), Some(ms));
}
