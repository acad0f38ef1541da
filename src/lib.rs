//! ecomap: the Leptos app (CSR). Thin by design: components wire visitors' actions to the Query and render
//! what ecomap-core computes. See ARCHITECTURE.md for the picture.

pub mod app;
pub mod browser;
pub mod components;
pub mod embed;
pub mod i18n;
pub mod kinds;
pub mod layout_worker;
pub mod load;
pub mod panic;
pub mod perf;
pub mod present;
pub mod shell;
pub mod state;
pub mod test_hooks;
pub mod url;
pub mod views;

/// Mounts the app on the page body. Does nothing in a Web Worker (no window): the layout worker loads the
/// same module and starts with [`layout_worker::layout_worker_start`] instead.
pub fn start() {
    if web_sys::window().is_none() {
        return;
    }
    panic::install_hook();
    // The basemap's download starts before anything mounts (the export's follows when the app reads the URL).
    load::start_basemap();
    kinds::install_tokens();
    // The static skeleton of index.html (the first paint before the wasm) gives way to the app.
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("skeleton"))
    {
        el.remove();
    }
    leptos::mount::mount_to_body(app::App);
}
