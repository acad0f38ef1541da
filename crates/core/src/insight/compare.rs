//! Two to four technologies side by side: their profiles, the actors active in several of them, their shared
//! projects, and the UpSet-style intersections (every exact combination of the chosen technologies with its
//! actor count).
//!
//! An actor is active in a technology when it is selected and lists it (the profile's rule); a shared project
//! is a project in view that lists two or more of them. A combination's actors list exactly that subset of the
//! chosen technologies (so the intersections partition the actors of any of them).

use super::centrality::Centrality;
use super::profile::{profile, Profile};
use crate::filter::{Filter, Selection};
use crate::index::Index;
use crate::model::{ActorId, Dataset, ProjectId, TechnologyId};

/// The fewest and the most technologies a comparison takes.
pub const MIN_TECHNOLOGIES: usize = 2;
pub const MAX_TECHNOLOGIES: usize = 4;

/// A set of the chosen technologies: bit `i` is `Comparison::technologies[i]`.
pub type Combination = u8;

/// One exact combination and its actors.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Intersection {
    pub combination: Combination,
    /// The technologies of the combination, in the comparison's order.
    pub technologies: Vec<TechnologyId>,
    /// Selected actors that list exactly these of the chosen technologies.
    pub actors: u32,
}

/// The comparison of 2-4 technologies.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// The chosen technologies, in the order asked (duplicates removed).
    pub technologies: Vec<TechnologyId>,
    /// One profile per technology, in that order.
    pub profiles: Vec<Profile>,
    /// Selected actors active in two or more of them, with their combination: most technologies first, then
    /// by name.
    pub shared_actors: Vec<(ActorId, Combination)>,
    /// Projects in view that list two or more of them, with their combination, by id.
    pub shared_projects: Vec<(ProjectId, Combination)>,
    /// Every combination with at least one actor: most actors first, then fewer technologies, then by bits.
    pub intersections: Vec<Intersection>,
}

/// Why no comparison was made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CompareError {
    /// Fewer than 2 or more than 4 distinct technologies (the count given).
    Count(usize),
    /// A technology the data does not have.
    Unknown(TechnologyId),
}

/// The technologies of `c`, in the comparison's order.
pub fn members(technologies: &[TechnologyId], c: Combination) -> Vec<TechnologyId> {
    technologies
        .iter()
        .enumerate()
        .filter(|(i, _)| c & (1 << i) != 0)
        .map(|(_, &t)| t)
        .collect()
}

/// Compares `technologies` under `filter` and its selection `sel` (module doc for the rules).
pub fn compare(
    ds: &Dataset,
    idx: &Index,
    filter: &Filter,
    sel: &Selection,
    technologies: &[TechnologyId],
    centrality: Option<&Centrality>,
) -> Result<Comparison, CompareError> {
    let mut techs: Vec<TechnologyId> = Vec::new();
    for &t in technologies {
        if !techs.contains(&t) {
            techs.push(t);
        }
    }
    if !(MIN_TECHNOLOGIES..=MAX_TECHNOLOGIES).contains(&techs.len()) {
        return Err(CompareError::Count(techs.len()));
    }
    if let Some(&t) = techs.iter().find(|t| t.index() >= idx.technology_count()) {
        return Err(CompareError::Unknown(t));
    }
    let combination_of = |list: &[TechnologyId]| -> Combination {
        techs
            .iter()
            .enumerate()
            .filter(|(_, t)| list.contains(t))
            .fold(0, |c, (i, _)| c | (1 << i))
    };
    let mut counts = [0u32; 1 << MAX_TECHNOLOGIES];
    let mut shared_actors: Vec<(ActorId, Combination)> = Vec::new();
    for a in sel.actors.iter_ones() {
        let c = combination_of(&ds.actors[a].technologies);
        counts[c as usize] += 1;
        if c.count_ones() >= 2 {
            shared_actors.push((ActorId(a as u32), c));
        }
    }
    crate::order::sort_by(&mut shared_actors, |x, y| {
        y.1.count_ones()
            .cmp(&x.1.count_ones())
            .then(idx.name_rank(x.0).cmp(&idx.name_rank(y.0)))
    });
    let shared_projects: Vec<(ProjectId, Combination)> = sel
        .projects
        .iter_ones()
        .map(|p| (ProjectId(p as u32), combination_of(&ds.projects[p].technologies)))
        .filter(|(_, c)| c.count_ones() >= 2)
        .collect();
    let mut intersections: Vec<Intersection> = (1..1u8 << techs.len())
        .filter(|&c| counts[c as usize] > 0)
        .map(|c| Intersection {
            combination: c,
            technologies: members(&techs, c),
            actors: counts[c as usize],
        })
        .collect();
    intersections.sort_by(|x, y| {
        y.actors
            .cmp(&x.actors)
            .then(x.combination.count_ones().cmp(&y.combination.count_ones()))
            .then(x.combination.cmp(&y.combination))
    });
    let profiles = techs
        .iter()
        .map(|&t| profile(ds, idx, filter, sel, t, centrality))
        .collect();
    Ok(Comparison {
        technologies: techs,
        profiles,
        shared_actors,
        shared_projects,
        intersections,
    })
}

#[cfg(test)]
#[path = "compare_tests.rs"]
mod tests;
