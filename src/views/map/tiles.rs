//! Optional online tiles under the map: off by default (then the map requests nothing from any other host);
//! a visitor can set a URL template with its attribution, stored in localStorage, never in the shared URL.
//!
//! Tiles are plain `<img>` elements placed under a translucent map, so no CORS is needed for WebGL. The site's
//! config.json names the tile servers its CSP allows (`tileOrigins`, `img-src`); a template on another server
//! is refused with that list, never left to fail image by image.

use ecomap_core::projection::{Camera, Viewport, World};
use leptos::prelude::*;

use super::browser::storage_get;
use super::texts::map_texts;
use crate::state::use_app;

const TEMPLATE_KEY: &str = "ecomap.map.tiles";
const ATTRIBUTION_KEY: &str = "ecomap.map.tiles-attribution";
const DEFAULT_TEMPLATE: &str = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
const DEFAULT_ATTRIBUTION: &str = "© OpenStreetMap contributors";

#[derive(Clone, Debug, PartialEq)]
pub struct TileConfig {
    pub template: String,
    pub attribution: String,
}

/// The visitor's stored tile setting once the site's configuration allows its server (`None`, the default,
/// means no tiles; until the check nothing is requested).
pub fn restore(config: RwSignal<Option<TileConfig>>) {
    let Some(stored) = stored_config() else { return };
    leptos::task::spawn_local(async move {
        if allowed(&stored.template).await.is_ok() {
            config.set(Some(stored));
        }
    });
}

/// Whether the site allows the template's server; else the allowed servers, for the visitor.
async fn allowed(template: &str) -> Result<(), String> {
    let site = crate::site_config::read().await.unwrap_or_default();
    if site.accepts_tiles(template, &crate::site_config::own_origin()) {
        Ok(())
    } else {
        Err(site.tile_origins.join(", "))
    }
}

fn stored_config() -> Option<TileConfig> {
    let template = storage_get(TEMPLATE_KEY).filter(|t| valid_template(t))?;
    Some(TileConfig {
        template,
        attribution: storage_get(ATTRIBUTION_KEY).unwrap_or_default(),
    })
}

fn valid_template(t: &str) -> bool {
    t.starts_with("https://") && t.contains("{z}") && t.contains("{x}") && t.contains("{y}")
}

fn store(cfg: Option<&TileConfig>) {
    use crate::browser::{forget, store};
    match cfg {
        Some(c) => {
            store(TEMPLATE_KEY, &c.template);
            store(ATTRIBUTION_KEY, &c.attribution);
        }
        None => {
            forget(TEMPLATE_KEY);
            forget(ATTRIBUTION_KEY);
        }
    }
}

/// Tiles covering the viewport at the camera's rounded zoom: (url, left, top, size) in CSS px.
fn tiles_for(template: &str, cam: &Camera, vp: &Viewport) -> Vec<(String, f64, f64, f64)> {
    let z = cam.zoom.round().clamp(0.0, 19.0) as i32;
    let n = 1i64 << z;
    let v = cam.visible(vp);
    let tx = |x: f64| ((x * n as f64).floor() as i64).clamp(0, n - 1);
    let mut out = Vec::new();
    for y in tx(v.min.y)..=tx(v.max.y) {
        for x in tx(v.min.x)..=tx(v.max.x) {
            let at = cam.world_to_css(
                vp,
                World {
                    x: x as f64 / n as f64,
                    y: y as f64 / n as f64,
                },
            );
            let size = cam.scale() / n as f64;
            let url = template
                .replace("{z}", &z.to_string())
                .replace("{x}", &x.to_string())
                .replace("{y}", &y.to_string());
            out.push((url, at.x, at.y, size));
        }
    }
    out.truncate(64);
    out
}

#[component]
pub fn TileLayer(config: RwSignal<Option<TileConfig>>, camera: RwSignal<Option<(Camera, Viewport)>>) -> impl IntoView {
    move || {
        let cfg = config.get()?;
        let (cam, vp) = camera.get()?;
        Some(view! {
            <div class="map-tiles" aria-hidden="true" data-testid="map-tiles">
                {tiles_for(&cfg.template, &cam, &vp).into_iter().map(|(url, x, y, s)| view! {
                    <img src=url alt="" width=format!("{s:.2}") height=format!("{s:.2}")
                        style:left=format!("{x:.2}px") style:top=format!("{y:.2}px") style:width=format!("{s:.2}px") style:height=format!("{s:.2}px")/>
                }).collect_view()}
            </div>
        })
    }
}

#[component]
pub fn TileSettings(config: RwSignal<Option<TileConfig>>) -> impl IntoView {
    let state = use_app();
    let t = move || map_texts(state.lang.get());
    let template = RwSignal::new(
        config
            .get_untracked()
            .map(|c| c.template)
            .unwrap_or_else(|| DEFAULT_TEMPLATE.to_string()),
    );
    let attribution = RwSignal::new(
        config
            .get_untracked()
            .map(|c| c.attribution)
            .unwrap_or_else(|| DEFAULT_ATTRIBUTION.to_string()),
    );
    // The servers the site allows, shown when a template names another one.
    let refused = RwSignal::new(None::<String>);
    let apply = move |_| {
        let c = TileConfig {
            template: template.get_untracked().trim().to_string(),
            attribution: attribution.get_untracked().trim().to_string(),
        };
        if !valid_template(&c.template) {
            return;
        }
        leptos::task::spawn_local(async move {
            match allowed(&c.template).await {
                Ok(()) => {
                    refused.set(None);
                    store(Some(&c));
                    config.set(Some(c));
                }
                Err(servers) => refused.set(Some(servers)),
            }
        });
    };
    let off = move |_| {
        store(None);
        config.set(None);
    };
    let refusal = move || {
        refused.get().map(|servers| {
            let t = t();
            let servers = if servers.is_empty() {
                t.tiles_none_allowed.to_string()
            } else {
                servers
            };
            format!("{} {servers}", t.tiles_refused)
        })
    };
    view! {
        <details class="map-tiles-settings" data-testid="map-tiles-settings">
            <summary>{move || t().tiles} ": " {move || if config.with(|c| c.is_some()) { "✓" } else { "—" }}</summary>
            <p class="muted">{move || t().tiles_note}</p>
            <label>{move || t().tiles_template}
                <input type="url" prop:value=move || template.get() on:input=move |ev| template.set(event_target_value(&ev))/>
            </label>
            <label>{move || t().tiles_attribution}
                <input type="text" prop:value=move || attribution.get() on:input=move |ev| attribution.set(event_target_value(&ev))/>
            </label>
            <button type="button" on:click=apply>{move || t().tiles_apply}</button>
            " "
            <button type="button" on:click=off>{move || t().tiles_off}</button>
            <p class="tiles-refused" role="alert" data-testid="tiles-refused">{refusal}</p>
        </details>
    }
}
