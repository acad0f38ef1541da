//! Partner suggestions for an actor: selected actors it has not worked with yet, scored from what they have in
//! common, each with its reasons as data and as one line of text (de/en), never a black box.
//!
//! Candidates: selected actors other than the actor itself with no project shared with it at all (any year,
//! any size, in view or not) and no explicit link to it, that share a technology with it, or a partner in the
//! collaboration graph in view (the `CollabGraph` rule: projects in view with at most
//! `MAX_COLLABORATION_PARTICIPANTS` participants, both actors selected), or lie within [`NEARBY_KM`].
//! Score = shared technologies (1 each) + Adamic-Adar over the shared partners (Σ 1 / ln degree, degree = a
//! partner's collaborators in view) + nearness (NEARBY_KM / (NEARBY_KM + km), 1 at the same place, ½ at
//! NEARBY_KM; 0 without coordinates). Highest first, ties by id, so the list is the same on every run. The
//! distance is the haversine great-circle distance on a sphere of radius 6,371 km.

use super::texts;
use crate::filter::Selection;
use crate::index::{Index, MAX_COLLABORATION_PARTICIPANTS};
use crate::model::{ActorId, Dataset, Lang, LonLat, TechnologyId};

/// Within this distance an actor is a candidate for being near, and its nearness is ½.
pub const NEARBY_KM: f64 = 5.0;
/// Suggestions listed when no limit is given.
pub const LIMIT: usize = 10;

/// Why an actor is suggested: every figure of the score, each checkable against the data.
#[derive(Clone, Debug, PartialEq)]
pub struct Reasons {
    /// Technologies both list, by id.
    pub shared_technologies: Vec<TechnologyId>,
    /// Collaborators in view of both (common neighbours in the collaboration graph), by id.
    pub shared_partners: Vec<ActorId>,
    /// Σ over the shared partners of 1 / ln(their degree).
    pub adamic_adar: f64,
    /// Great-circle distance, when both have coordinates.
    pub distance_km: Option<f64>,
}

/// One suggested partner.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    pub actor: ActorId,
    pub score: f64,
    pub reasons: Reasons,
}

impl Suggestion {
    /// "works on IoT and InfoSec like you; 2 shared partners; 3 km away" (parts without a figure left out).
    pub fn text(&self, ds: &Dataset, lang: Lang) -> String {
        let r = &self.reasons;
        let mut parts: Vec<String> = Vec::new();
        if !r.shared_technologies.is_empty() {
            let names: Vec<&str> = r
                .shared_technologies
                .iter()
                .map(|&t| ds.technology(t).name.get(lang))
                .collect();
            parts.push(texts::shared_technologies(&texts::list(&names, lang), lang));
        }
        if !r.shared_partners.is_empty() {
            parts.push(texts::shared_partners(r.shared_partners.len(), lang));
        }
        if let Some(km) = r.distance_km {
            parts.push(texts::distance(km, lang));
        }
        parts.join("; ")
    }
}

/// Great-circle distance in km (haversine, mean Earth radius 6,371 km).
pub fn haversine_km(a: LonLat, b: LonLat) -> f64 {
    let (p1, p2) = (a.lat.to_radians(), b.lat.to_radians());
    let dp = p2 - p1;
    let dl = (b.lon - a.lon).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

/// Everyone `a` has worked with: a shared project of any year and size, or an explicit link. Sorted, once each.
pub fn existing_partners(idx: &Index, a: ActorId) -> Vec<ActorId> {
    let mut out: Vec<ActorId> = idx
        .actor_projects(a)
        .iter()
        .flat_map(|&p| idx.project_actors(p).iter().copied())
        .chain(idx.actor_links(a).iter().map(|&(b, _)| b))
        .filter(|&b| b != a)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The selected collaborators of `a` in view (the collaboration graph's neighbours), into `out` (unsorted,
/// once each); `stamp` is scratch of the actors' length holding no `mark`.
fn collaborators_in_view(
    idx: &Index,
    sel: &Selection,
    a: ActorId,
    stamp: &mut [u32],
    mark: u32,
    out: &mut Vec<ActorId>,
) {
    out.clear();
    stamp[a.index()] = mark;
    for &p in idx.actor_projects(a) {
        let parts = idx.project_actors(p);
        if !sel.projects.get(p.index()) || parts.len() > MAX_COLLABORATION_PARTICIPANTS {
            continue;
        }
        for &b in parts {
            if stamp[b.index()] != mark && sel.actors.get(b.index()) {
                stamp[b.index()] = mark;
                out.push(b);
            }
        }
    }
}

/// What the collaboration graph says about `a`'s candidates: its own collaborators in view (sorted), and per
/// actor the number of collaborators shared with `a` and their Adamic-Adar sum.
struct Neighbourhood {
    own: Vec<ActorId>,
    shared: Vec<u32>,
    adamic_adar: Vec<f64>,
}

fn neighbourhood(idx: &Index, sel: &Selection, a: ActorId, stamp: &mut [u32]) -> Neighbourhood {
    let n = idx.actor_count();
    let mut own = Vec::new();
    collaborators_in_view(idx, sel, a, stamp, 1, &mut own);
    own.sort_unstable();
    let mut shared = vec![0u32; n];
    let mut adamic_adar = vec![0.0f64; n];
    let mut theirs = Vec::new();
    for (i, &w) in own.iter().enumerate() {
        collaborators_in_view(idx, sel, w, stamp, i as u32 + 2, &mut theirs);
        // w's degree counts a as well (they collaborate), so it is at least 1; ln 1 = 0 adds no weight.
        let degree = theirs.len() as f64;
        let weight = if degree > 1.0 { 1.0 / degree.ln() } else { 0.0 };
        for &c in &theirs {
            if c != a {
                shared[c.index()] += 1;
                adamic_adar[c.index()] += weight;
            }
        }
    }
    Neighbourhood {
        own,
        shared,
        adamic_adar,
    }
}

/// Up to `limit` partner suggestions for `actor` under `sel` (module doc for candidates and score).
pub fn suggest_partners(ds: &Dataset, idx: &Index, sel: &Selection, actor: ActorId, limit: usize) -> Vec<Suggestion> {
    if actor.index() >= idx.actor_count() || limit == 0 {
        return Vec::new();
    }
    let mut excluded = vec![false; idx.actor_count()];
    excluded[actor.index()] = true;
    for b in existing_partners(idx, actor) {
        excluded[b.index()] = true;
    }
    let mut stamp = vec![0u32; idx.actor_count()];
    let hood = neighbourhood(idx, sel, actor, &mut stamp);
    let me = ds.actor(actor);
    let mut mine = vec![false; ds.technologies.len()];
    for t in &me.technologies {
        mine[t.index()] = true;
    }
    let here = me.location.point;
    // First every candidate's score (no allocation per candidate), then the reasons of the best.
    let mut scored: Vec<(f64, ActorId)> = Vec::new();
    for c in sel.actors.iter_ones() {
        if excluded[c] {
            continue;
        }
        let other = &ds.actors[c];
        let techs = other.technologies.iter().filter(|t| mine[t.index()]).count();
        let distance_km = here.zip(other.location.point).map(|(x, y)| haversine_km(x, y));
        let near = distance_km.is_some_and(|d| d <= NEARBY_KM);
        if techs == 0 && hood.shared[c] == 0 && !near {
            continue;
        }
        let nearness = distance_km.map_or(0.0, |d| NEARBY_KM / (NEARBY_KM + d));
        scored.push((techs as f64 + hood.adamic_adar[c] + nearness, ActorId(c as u32)));
    }
    let order = |x: &(f64, ActorId), y: &(f64, ActorId)| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1));
    if scored.len() > limit {
        scored.select_nth_unstable_by(limit - 1, order);
        scored.truncate(limit);
    }
    scored.sort_unstable_by(order);
    let mut theirs = Vec::new();
    scored
        .into_iter()
        .enumerate()
        .map(|(i, (score, c))| {
            let other = ds.actor(c);
            let mut shared_technologies: Vec<TechnologyId> =
                other.technologies.iter().copied().filter(|t| mine[t.index()]).collect();
            shared_technologies.sort_unstable();
            let shared_partners = if hood.shared[c.index()] > 0 {
                // Stamps above those `neighbourhood` used.
                collaborators_in_view(idx, sel, c, &mut stamp, u32::MAX - i as u32, &mut theirs);
                hood.own.iter().copied().filter(|w| theirs.contains(w)).collect()
            } else {
                Vec::new()
            };
            Suggestion {
                actor: c,
                score,
                reasons: Reasons {
                    shared_technologies,
                    shared_partners,
                    adamic_adar: hood.adamic_adar[c.index()],
                    distance_km: here.zip(other.location.point).map(|(x, y)| haversine_km(x, y)),
                },
            }
        })
        .collect()
}

#[cfg(test)]
#[path = "partners_tests.rs"]
mod tests;
