//! Loading an export: download with progress (or read a local file), then import and index it.
//!
//! The basemap (the 30 regions' outlines, which the import needs to place actors and the map draws) is a
//! static file too: core is built without its compiled-in copy, and [`start_basemap`] fetches
//! `data/basemap.geojson` once, at start, in parallel with the export; it is installed into core
//! (`geo::install_basemap`) before the first import runs. A failed or invalid basemap is a load failure
//! naming that file, with the retry button.
//!
//! A dropped or picked file is read in the browser only; nothing is uploaded. Import never fails as a whole
//! unless the file is unreadable: its report is shown beside whatever was valid.
//!
//! Big files are refused early, never crash the page: `File.size` and `Content-Length` are compared with the
//! importer's size limit before a byte is read; a file and a download are both read as a stream straight into
//! one buffer in wasm memory (no second copy as a JS ArrayBuffer); every growth of that buffer, and the room the
//! import needs beside it, is asked of the browser first (`try_reserve`), so running out of memory ends in a
//! message with the size that failed.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use ecomap_core::index::Index;
use js_sys::Uint8Array;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::perf;
use crate::state::{AppState, DataRef, LoadState, Loaded};

/// The export loaded when the URL names none (relative, so the app works under any path prefix).
pub const DEFAULT_DATA: &str = "data/demo.json";
/// The basemap, relative like the export (public/data/basemap.geojson).
pub const BASEMAP_URL: &str = "data/basemap.geojson";

/// Why loading failed, kept as data (`LoadState::Failed`) and put in words when shown
/// (`i18n::load_error_message`), so a language switch translates it too.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// The request did not complete: offline, blocked, or a cross-origin server without CORS.
    Network,
    Http(u16),
    /// The download or the file read broke off, with the browser's own words.
    Read(String),
    /// The basemap file arrived but does not hold the 30 regions (it holds `regions`).
    Basemap {
        regions: usize,
    },
    /// Over the importer's size limit (bytes; refused before reading, or as soon as the stream passed it).
    TooLarge(f64),
    /// The browser could not give the app this many bytes of memory.
    OutOfMemory(f64),
}

/// The largest export read: the importer's own limit.
pub fn max_bytes() -> f64 {
    ecomap_core::import::Limits::default().max_bytes as f64
}

/// What the import needs beside the file's bytes, as a multiple of them (measured: about 1.6 for a 50,000-actor
/// export, docs/benchmarks.md).
const IMPORT_ROOM: usize = 2;

fn js_error_text(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_default()
}

thread_local! {
    /// The number of the newest load (see `Ticket`).
    static NEWEST: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// One load at a time: each load (a `?data=` address, back or forward, a picked or dropped file) takes the next
/// ticket, which makes every older one stale. A stale load stops at its next step (a chunk read, the basemap,
/// the frame before the import) and never touches the app's state again, so an old download finishing late
/// never replaces newer data.
#[derive(Clone, Copy)]
struct Ticket(u32);

impl Ticket {
    fn next() -> Self {
        NEWEST.with(|n| {
            n.set(n.get().wrapping_add(1));
            Ticket(n.get())
        })
    }

    /// The basemap's own download: shared by every load, never stale.
    const ANY: Ticket = Ticket(u32::MAX);

    fn current(self) -> bool {
        self.0 == u32::MAX || NEWEST.with(|n| n.get() == self.0)
    }
}

/// What a download brought: the bytes, and whether the service worker answered from its cache.
struct Downloaded {
    bytes: Vec<u8>,
    from_cache: bool,
}

/// Downloads `url`, reporting (bytes loaded, total bytes when known).
async fn download(url: &str, ticket: Ticket, progress: impl Fn(f64, Option<f64>)) -> Result<Downloaded, LoadError> {
    let window = web_sys::window().ok_or(LoadError::Network)?;
    let resp = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| LoadError::Network)?;
    let resp: web_sys::Response = resp.dyn_into().map_err(|_| LoadError::Network)?;
    if !resp.ok() {
        return Err(LoadError::Http(resp.status()));
    }
    // Content-Length counts the bytes on the wire: with Content-Encoding (a precompressed export) they are
    // fewer than the bytes the body stream yields, so the total is unknown then (and never below what came).
    let headers = resp.headers();
    let encoded = headers
        .get("content-encoding")
        .ok()
        .flatten()
        .is_some_and(|e| !e.trim().is_empty() && e.trim() != "identity");
    let total = headers
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|v| v.parse::<f64>().ok())
        .filter(|_| !encoded);
    let from_cache = crate::offline::answered_from_cache(&resp);
    let Some(body) = resp.body() else {
        return Ok(Downloaded {
            bytes: Vec::new(),
            from_cache,
        });
    };
    if let Some(total) = total.filter(|t| *t > max_bytes()) {
        let _ = body.cancel();
        return Err(LoadError::TooLarge(total));
    }
    let bytes = read_stream(body, total, ticket, &progress).await?;
    Ok(Downloaded { bytes, from_cache })
}

/// Reads a byte stream into one buffer, reporting progress; refuses it once it passes the size limit, and stops
/// reading (cancelling the stream) once a newer load has begun.
async fn read_stream(
    body: web_sys::ReadableStream,
    total: Option<f64>,
    ticket: Ticket,
    progress: &dyn Fn(f64, Option<f64>),
) -> Result<Vec<u8>, LoadError> {
    let reader: web_sys::ReadableStreamDefaultReader = body
        .get_reader()
        .dyn_into()
        .map_err(|e| LoadError::Read(js_error_text(&e)))?;
    let mut bytes: Vec<u8> = Vec::new();
    let want = total.unwrap_or(0.0);
    bytes
        .try_reserve_exact(want as usize)
        .map_err(|_| LoadError::OutOfMemory(want))?;
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|e| LoadError::Read(js_error_text(&e)))?;
        let done = js_sys::Reflect::get(&chunk, &"done".into())
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(true);
        if done {
            break;
        }
        if !ticket.current() {
            let _ = reader.cancel();
            return Err(LoadError::Network);
        }
        if let Ok(value) = js_sys::Reflect::get(&chunk, &"value".into()) {
            let arr = Uint8Array::new(&value);
            let start = bytes.len();
            let end = start + arr.length() as usize;
            if end as f64 > max_bytes() {
                let _ = reader.cancel();
                return Err(LoadError::TooLarge(end as f64));
            }
            bytes
                .try_reserve(end - start)
                .map_err(|_| LoadError::OutOfMemory(end as f64))?;
            bytes.resize(end, 0);
            arr.copy_to(&mut bytes[start..]);
        }
        let loaded = bytes.len() as f64;
        progress(loaded, total.filter(|t| *t >= loaded));
    }
    Ok(bytes)
}

/// Lets the browser paint (the progress state) before a long synchronous step.
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// The basemap's download and its outcome (`None` while it runs).
type Basemap = (js_sys::Promise, Rc<RefCell<Option<Result<(), LoadError>>>>);

thread_local! {
    /// Started once; forgotten after a failure, so that a retry downloads again.
    static BASEMAP: RefCell<Option<Basemap>> = const { RefCell::new(None) };
}

/// Starts downloading and installing the basemap, unless that is running or done.
pub fn start_basemap() {
    let _ = basemap_download();
}

/// The basemap's download, started if there is none.
fn basemap_download() -> Basemap {
    BASEMAP.with(|b| {
        b.borrow_mut()
            .get_or_insert_with(|| {
                let outcome = Rc::new(RefCell::new(None));
                let out = outcome.clone();
                let promise = wasm_bindgen_futures::future_to_promise(async move {
                    let start = perf::now();
                    let r = download(BASEMAP_URL, Ticket::ANY, |_, _| {}).await.and_then(|d| {
                        let text = String::from_utf8_lossy(&d.bytes);
                        ecomap_core::geo::install_basemap(&text).map_err(|e| LoadError::Basemap { regions: e.regions })
                    });
                    perf::measure_between("ecomap:basemap", start, perf::now());
                    *out.borrow_mut() = Some(r);
                    Ok(JsValue::UNDEFINED)
                });
                (promise, outcome)
            })
            .clone()
    })
}

/// Waits for the basemap (starting its download if needed).
async fn basemap_ready() -> Result<(), LoadError> {
    if ecomap_core::geo::basemap_ready() {
        return Ok(());
    }
    let (promise, outcome) = basemap_download();
    let _ = JsFuture::from(promise).await;
    let r = outcome.borrow().clone().unwrap_or(Err(LoadError::Network));
    if r.is_err() {
        BASEMAP.with(|b| b.borrow_mut().take());
    }
    r
}

/// Imports and indexes `bytes`, then makes them the app's data, once the basemap is there.
async fn prepare_with_basemap(state: AppState, bytes: Vec<u8>, source: String, ticket: Ticket) {
    match basemap_ready().await {
        Ok(()) => prepare(state, bytes, source, ticket).await,
        Err(error) => fail(state, BASEMAP_URL.to_string(), error, ticket),
    }
}

/// Shows a load's failure, unless a newer load has begun.
fn fail(state: AppState, source: String, error: LoadError, ticket: Ticket) {
    if !ticket.current() {
        return;
    }
    set_ready_marker("error");
    state.load.set(LoadState::Failed { source, error });
}

/// Imports and indexes `bytes`, then makes them the app's data.
async fn prepare(state: AppState, bytes: Vec<u8>, source: String, ticket: Ticket) {
    if !ticket.current() {
        return;
    }
    state.load.set(LoadState::Preparing { source: source.clone() });
    next_frame().await;
    if !ticket.current() {
        return;
    }
    // Ask for the import's room first: a browser that cannot give it refuses here, with the size.
    let room = bytes.len().saturating_mul(IMPORT_ROOM);
    if Vec::<u8>::new().try_reserve_exact(room).is_err() {
        return fail(
            state,
            source,
            LoadError::OutOfMemory((bytes.len() + room) as f64),
            ticket,
        );
    }
    // Should the import still run out of memory (a trap, not a panic), public/loader.js names this size.
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    if let Some(root) = &root {
        let _ = root.set_attribute("data-importing", &bytes.len().to_string());
    }
    let (ds, report) = perf::timed("ecomap:import", || ecomap_core::import::import(&bytes, &source));
    drop(bytes);
    if let Some(root) = &root {
        let _ = root.remove_attribute("data-importing");
    }
    let idx = perf::timed("ecomap:index", || Index::build(&ds));
    if report.fatal {
        state.report_open.set(true);
    }
    state.data.set(Some(DataRef(Arc::new(Loaded {
        ds,
        idx,
        report,
        source,
    }))));
    state.load.set(LoadState::Ready);
}

/// Shows a load's progress (bytes loaded, total when known) while it is the newest.
fn downloading(state: AppState, ticket: Ticket, source: String) -> impl Fn(f64, Option<f64>) {
    move |loaded, total| {
        if ticket.current() {
            state.load.set(LoadState::Downloading {
                source: source.clone(),
                loaded,
                total,
            });
        }
    }
}

/// Downloads and prepares the export at `url`.
pub fn load_url(state: AppState, url: String) {
    start_basemap();
    let ticket = Ticket::next();
    leptos::task::spawn_local(async move {
        let progress = downloading(state, ticket, url.clone());
        progress(0.0, None);
        let start = perf::now();
        let result = download(&url, ticket, progress).await;
        perf::measure_between("ecomap:download", start, perf::now());
        match result {
            Ok(d) if ticket.current() => {
                crate::offline::set_from_cache(d.from_cache);
                prepare_with_basemap(state, d.bytes, url, ticket).await
            }
            Ok(_) => {}
            Err(e) => fail(state, url, e, ticket),
        }
    });
}

/// Reads a file the visitor dropped or picked, locally, and prepares it.
pub fn load_file(state: AppState, file: web_sys::File) {
    let ticket = Ticket::next();
    leptos::task::spawn_local(async move {
        let (name, size) = (file.name(), file.size());
        if size > max_bytes() {
            return fail(state, name, LoadError::TooLarge(size), ticket);
        }
        let progress = downloading(state, ticket, name.clone());
        progress(0.0, Some(size));
        match read_stream(file.stream(), Some(size), ticket, &progress).await {
            Ok(bytes) if ticket.current() => {
                crate::offline::set_from_cache(false);
                // The insight worker imports the same file (public/insight.js posts it; docs/insight.md).
                let _ = js_sys::Reflect::set(&js_sys::global(), &"ecomapFile".into(), &file);
                prepare_with_basemap(state, bytes, name, ticket).await
            }
            Ok(_) => {}
            Err(e) => fail(state, name, e, ticket),
        }
    });
}

/// Sets `<html data-ready="...">`, the marker tests and benchmarks wait for.
pub fn set_ready_marker(value: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = el.set_attribute("data-ready", value);
    }
}
