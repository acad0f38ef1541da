//! The site's `config.json` beside index.html (docs/embedding.md), read by core's one parser of it, the same the
//! server builds its CSP from: the embed's message origins (`embed/incoming.rs`) and the map's tile servers
//! (`views/map/tiles.rs`) are checked against it.

use ecomap_core::config::Config;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Relative: the app may live under a path prefix.
const CONFIG: &str = "config.json";

/// The configuration; `None` when it is missing or invalid (callers say what they fall back to; an invalid
/// file is also named on the console with the JSON path of the culprit, for the site's operator).
pub async fn read() -> Option<Config> {
    let resp = JsFuture::from(web_sys::window()?.fetch_with_str(CONFIG)).await.ok()?;
    let resp: web_sys::Response = resp.dyn_into().ok()?;
    if !resp.ok() {
        return None;
    }
    let text = JsFuture::from(resp.text().ok()?).await.ok()?.as_string()?;
    Config::parse(&text)
        .map_err(|e| web_sys::console::warn_1(&format!("ecomap: {CONFIG} is invalid, the defaults apply: {e}").into()))
        .ok()
}

/// The page's own origin (`location.origin`).
pub fn own_origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}
