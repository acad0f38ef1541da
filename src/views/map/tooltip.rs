//! The hover tooltip: what it says (text only) about the marker or region under the pointer, and where it sits.

use ecomap_core::cluster::{ClusterId, Item};
use ecomap_core::format;
use ecomap_core::model::{ActorId, ActorKind, Lang};
use leptos::prelude::*;

use super::engine::Engine;
use super::signals::Tip;
use super::texts::{map_texts, MapTexts};
use crate::i18n::kind_name;
use crate::state::AppState;

/// The tooltip for a CSS point of the map (none over empty water) and the region under it when no marker is.
pub fn hover_at(e: &Engine, state: &AppState, x: f64, y: f64) -> (Option<Tip>, Option<&'static str>) {
    let lang = state.lang.get_untracked();
    let t = map_texts(lang);
    let marker = e.scene.marker_at(x as f32, y as f32).map(|m| m.item);
    let mut region = None;
    let lines = match marker {
        Some(Item::Actor(a)) => actor_lines(state, a, lang, t),
        Some(Item::Cluster(c)) => cluster_lines(e, c, lang, t),
        None => {
            region = e.region_at(x, y);
            region.map(|key| region_lines(e, key, lang, t)).unwrap_or_default()
        }
    };
    let vp = e.vp;
    let tip = (!lines.is_empty()).then(|| Tip {
        x: (x + 14.0).min(vp.width - 200.0).max(0.0),
        y: (y + 14.0).min(vp.height - 80.0).max(0.0),
        lines,
    });
    (tip, region)
}

/// Name, kind and number of projects.
fn actor_lines(state: &AppState, a: ActorId, lang: Lang, t: &MapTexts) -> Vec<String> {
    let mut lines = Vec::new();
    state.data.with_untracked(|d| {
        // A marker of the frame before new data arrived may name an actor the new data does not have.
        if let Some((d, actor)) = d.as_ref().and_then(|d| Some((d, d.0.ds.actors.get(a.index())?))) {
            lines.push(actor.name.clone());
            lines.push(kind_name(actor.kind, lang).to_string());
            let n = d.0.idx.actor_projects(a).len();
            lines.push(format!("{} {}", format::int(n as u64, lang), t.projects));
        }
    });
    lines
}

/// Number of actors, their kinds (most first) and the hint that a click zooms in.
fn cluster_lines(e: &Engine, c: ClusterId, lang: Lang, t: &MapTexts) -> Vec<String> {
    let Some(f) = e.index.as_ref().and_then(|i| i.cluster(c)) else {
        return Vec::new();
    };
    let mut kinds: Vec<(u32, ActorKind)> = ActorKind::ALL
        .iter()
        .map(|&k| (f.kinds[k.index()], k))
        .filter(|x| x.0 > 0)
        .collect();
    ecomap_core::order::sort_by_key(&mut kinds, |k| std::cmp::Reverse(k.0));
    let breakdown = kinds
        .iter()
        .map(|(n, k)| format!("{} {}", format::int(*n as u64, lang), kind_name(*k, lang)))
        .collect::<Vec<_>>()
        .join(" · ");
    vec![
        format!("{} {}", format::int(f.count as u64, lang), t.actors),
        breakdown,
        t.cluster_hint.to_string(),
    ]
}

/// The region's name, its selected actors and the hint that a click filters by it.
fn region_lines(e: &Engine, key: &'static str, lang: Lang, t: &MapTexts) -> Vec<String> {
    let name = ecomap_core::regions::region_info(key).map(|i| i.name).unwrap_or(key);
    let mut lines = vec![name.to_string()];
    if let Some(s) = e.region_slot(key) {
        let n = e.figures.region_actors.get(s).copied().unwrap_or(0.0) as u64;
        lines.push(format!("{} {}", format::int(n, lang), t.actors));
    }
    lines.push(t.region_hint.to_string());
    lines
}
