//! The ecosystem profile of one technology under the selection: actors by kind over the years, projects and
//! volume over the years, the most central actors, the regions where it is concentrated, and its neighbour
//! technologies.
//!
//! Rules (docs/insight.md), all taken from the existing core: a technology actor is a selected actor that lists
//! the technology; its projects are the projects in view that list it (`stats::technology_profile`). An actor
//! counts in year Y when it takes part in one of the technology's projects in view that is active in Y
//! (decisions.md's year rule); the years are the filter's range, else the span of the data's projects.
//! Projects and volume per year are `stats::technology_years` (running and started). The central actors are
//! the technology actors ranked in the selection's [`Centrality`] (computed apart, in a worker: pass `None`
//! until it is ready). Regions are [`concentration`]'s quotients; neighbours are the other technologies with
//! the actors and projects they share with this one.

use super::centrality::{ActorCentrality, Centrality};
use super::concentration::{concentration, Concentration};
use crate::bitset::Bitset;
use crate::filter::{Filter, Selection};
use crate::index::Index;
use crate::model::{Dataset, ProjectId, TechnologyId};
use crate::stats::{self, TechnologyProfile, YearFigures};

/// How many central actors a profile lists.
pub const CENTRAL_ACTORS: usize = 10;

/// One year of a profile.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ProfileYear {
    pub year: u16,
    /// Technology actors with one of its projects in view active this year, by `ActorKind::index()`.
    pub actors_by_kind: [u32; 7],
    /// The technology's projects and volume this year (running and started).
    pub figures: YearFigures,
}

/// Another technology next to this one.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Neighbour {
    pub technology: TechnologyId,
    /// Selected actors that list both.
    pub shared_actors: u32,
    /// `shared_actors` / this technology's selected actors (0 without any).
    pub actor_share: f64,
    /// Projects in view that list both.
    pub shared_projects: u32,
    /// `shared_projects` / this technology's projects in view (0 without any).
    pub project_share: f64,
}

/// The profile of one technology (module doc for every rule).
#[derive(Clone, Debug, PartialEq)]
pub struct Profile {
    pub technology: TechnologyId,
    /// Totals: actors (by kind), projects, volume, leading actors by projects (`stats::technology_profile`).
    pub summary: TechnologyProfile,
    pub years: Vec<ProfileYear>,
    /// Up to [`CENTRAL_ACTORS`] technology actors by betweenness, then degree; empty without a centrality.
    pub central: Vec<ActorCentrality>,
    /// Location quotients per region (`Concentration::ranked` puts "too few" last).
    pub regions: Concentration,
    /// The other technologies by shared actors, then shared projects, then id.
    pub neighbours: Vec<Neighbour>,
}

/// The years a profile spans: the filter's range, else the data's project years.
pub fn profile_years(ds: &Dataset, filter: &Filter) -> Option<(u16, u16)> {
    filter.year_range().or_else(|| stats::project_year_span(ds))
}

/// The profile of technology `t` under `filter` and its selection `sel`.
pub fn profile(
    ds: &Dataset,
    idx: &Index,
    filter: &Filter,
    sel: &Selection,
    t: TechnologyId,
    centrality: Option<&Centrality>,
) -> Profile {
    let known = t.index() < idx.technology_count();
    let summary = stats::technology_profile(ds, idx, t, sel);
    let mut actors = sel.actors.clone();
    if known {
        actors.and_with(idx.technology_actors(t));
    } else {
        actors.clear_all();
    }
    let years = match profile_years(ds, filter) {
        Some((from, to)) => years_of(ds, idx, sel, t, &actors, &summary.projects, from, to),
        None => Vec::new(),
    };
    let central = centrality
        .map(|c| c.top_where(CENTRAL_ACTORS, |a| actors.get(a.index())))
        .unwrap_or_default();
    Profile {
        technology: t,
        years,
        central,
        regions: concentration(idx, sel, t),
        neighbours: neighbours(idx, t, &actors, &summary),
        summary,
    }
}

/// Per year: actors by kind (from the technology's projects in view) and the year figures.
#[allow(clippy::too_many_arguments)]
fn years_of(
    ds: &Dataset,
    idx: &Index,
    sel: &Selection,
    t: TechnologyId,
    actors: &Bitset,
    projects: &[ProjectId],
    from: u16,
    to: u16,
) -> Vec<ProfileYear> {
    let span = (to - from) as usize + 1;
    let mut active = vec![Bitset::new(idx.actor_count()); span];
    for &p in projects {
        let (s, e) = idx.project_years(p);
        let (s, e) = (s.max(from), e.min(to));
        if s > e {
            continue;
        }
        for a in idx.project_actors(p).iter().filter(|a| actors.get(a.index())) {
            for y in s..=e {
                active[(y - from) as usize].set(a.index());
            }
        }
    }
    stats::technology_years(ds, idx, sel, t, from, to)
        .into_iter()
        .zip(active)
        .map(|(figures, bits)| {
            let mut by_kind = [0u32; 7];
            for a in bits.iter_ones() {
                by_kind[ds.actors[a].kind.index()] += 1;
            }
            ProfileYear {
                year: figures.year,
                actors_by_kind: by_kind,
                figures,
            }
        })
        .collect()
}

fn neighbours(idx: &Index, t: TechnologyId, actors: &Bitset, summary: &TechnologyProfile) -> Vec<Neighbour> {
    let own_projects = Bitset::from_indices(idx.project_count(), summary.projects.iter().map(|p| p.index()));
    let share = |x: u32, of: usize| if of == 0 { 0.0 } else { x as f64 / of as f64 };
    let mut out: Vec<Neighbour> = (0..idx.technology_count() as u16)
        .map(TechnologyId)
        .filter(|&u| u != t)
        .map(|u| {
            let shared_actors = actors.and_count(idx.technology_actors(u));
            let shared_projects = own_projects.and_count(idx.technology_projects(u));
            Neighbour {
                technology: u,
                shared_actors,
                actor_share: share(shared_actors, summary.actors as usize),
                shared_projects,
                project_share: share(shared_projects, summary.projects.len()),
            }
        })
        .collect();
    out.sort_by(|x, y| {
        y.shared_actors
            .cmp(&x.shared_actors)
            .then(y.shared_projects.cmp(&x.shared_projects))
            .then(x.technology.cmp(&y.technology))
    });
    out
}

#[cfg(test)]
#[path = "profile_tests.rs"]
mod tests;
