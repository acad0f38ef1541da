//! ecomap: the Leptos app (CSR). Thin by design: components wire visitors' actions to the Query and render
//! what ecomap-core computes. See ARCHITECTURE.md for the picture.

pub mod app;
pub mod components;
pub mod i18n;
pub mod load;
pub mod panic;
pub mod perf;
pub mod state;
pub mod url;
pub mod views;

/// Mounts the app on the page body.
pub fn start() {
    panic::install_hook();
    leptos::mount::mount_to_body(app::App);
}
