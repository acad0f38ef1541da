//! Figures over a selection: the headline for a year and per-technology profiles.
//!
//! Years follow decisions.md: a project is active in Y when start <= Y <= end; headline volume is the sum of
//! the total volumes of active projects; a project with several technologies counts under each of them.

use crate::filter::Selection;
use crate::index::Index;
use crate::model::{ActorId, Dataset, Eur, ProjectId, TechnologyId};

/// The headline figures for one year ("98 projects, 68.9 M EUR, 42 new").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Headline {
    pub year: u16,
    /// Selected projects active in `year`.
    pub projects: u32,
    /// Sum of their total volumes.
    pub volume: Eur,
    /// Those of them that start in `year`.
    pub new_projects: u32,
    /// Selected actors (the length of the list the visitor sees; not limited to project participants).
    pub actors: u32,
}

/// The year the headline describes: `meta.reference_year`, else the latest project start year; `None` for a
/// dataset without either.
pub fn reference_year(ds: &Dataset) -> Option<u16> {
    ds.meta
        .reference_year
        .or_else(|| ds.projects.iter().map(|p| p.start).max())
}

/// Headline figures of the selection for `year`. Projects come from `sel.projects`, so a year outside the
/// selection's year range gives zero projects.
pub fn headline(ds: &Dataset, sel: &Selection, year: u16) -> Headline {
    let mut h = Headline {
        year,
        actors: sel.actors.count_ones(),
        ..Headline::default()
    };
    for p in sel.projects.iter_ones() {
        let Some(pr) = ds.projects.get(p) else { continue };
        if pr.active_in(year) {
            h.projects += 1;
            h.volume.0 += pr.volume.0;
            if pr.start == year {
                h.new_projects += 1;
            }
        }
    }
    h
}

/// What the selection holds for one technology.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TechnologyProfile {
    /// Selected actors that list the technology, by `ActorKind::index()`.
    pub actors_by_kind: [u32; 7],
    /// Up to 10 selected actors by number of the technology's selected projects they take part in, then by
    /// the volume of those projects, then by name: (actor, projects, volume). Actors with no such project
    /// are not listed.
    pub leading_actors: Vec<(ActorId, u32, Eur)>,
    /// Selected projects that list the technology, by id.
    pub projects: Vec<ProjectId>,
    /// Sum of their total volumes (a project counts fully under each of its technologies).
    pub volume: Eur,
    /// Selected actors that list the technology.
    pub actors: u32,
}

/// How many leading actors a profile lists.
pub const LEADING_ACTORS: usize = 10;

/// The profile of technology `t` within the selection.
pub fn technology_profile(ds: &Dataset, idx: &Index, t: TechnologyId, sel: &Selection) -> TechnologyProfile {
    let mut prof = TechnologyProfile::default();
    if t.index() >= idx.technology_count() {
        return prof;
    }
    let t_actors = idx.technology_actors(t);
    for a in sel.actors.iter_ones() {
        if t_actors.get(a) {
            prof.actors += 1;
            prof.actors_by_kind[ds.actors[a].kind.index()] += 1;
        }
    }
    let t_projects = idx.technology_projects(t);
    // (actor, projects, volume) accumulated per participation, then merged.
    let mut parts: Vec<(ActorId, Eur)> = Vec::new();
    for p in sel.projects.iter_ones() {
        if !t_projects.get(p) {
            continue;
        }
        let pid = ProjectId(p as u32);
        let vol = ds.project(pid).volume;
        prof.projects.push(pid);
        prof.volume.0 += vol.0;
        parts.extend(
            idx.project_actors(pid)
                .iter()
                .filter(|a| sel.actors.get(a.index()))
                .map(|&a| (a, vol)),
        );
    }
    parts.sort_unstable_by_key(|&(a, _)| a);
    let mut leading: Vec<(ActorId, u32, Eur)> = Vec::new();
    for (a, v) in parts {
        match leading.last_mut() {
            Some((last, c, sum)) if *last == a => {
                *c += 1;
                sum.0 += v.0;
            }
            _ => leading.push((a, 1, v)),
        }
    }
    leading.sort_unstable_by(|x, y| {
        y.1.cmp(&x.1)
            .then(y.2.cmp(&x.2))
            .then(idx.name_rank(x.0).cmp(&idx.name_rank(y.0)))
    });
    leading.truncate(LEADING_ACTORS);
    prof.leading_actors = leading;
    prof
}
