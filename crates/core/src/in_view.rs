//! What every view shows of the selection, decided once: the projects in view are `Selection::projects` (active
//! in the chosen years, decisions.md: a project counts in year Y when start <= Y <= end; under a range, when
//! active anywhere in it; with at least one selected participant). From them, here: each actor's projects and
//! volume in view (marker and node sizes), each region's figures (the choropleth), and the collaborations in
//! view (map arcs, network edges). Views read these and never decide again, so they tell the same story.

use crate::bitset::Bitset;
use crate::filter::Selection;
use crate::index::{Collaboration, Index, MAX_COLLABORATION_PARTICIPANTS};
use crate::model::{ActorId, Dataset, Eur, ProjectId};

/// One actor's share of the projects in view.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ActorFigures {
    /// Projects in view the actor takes part in.
    pub projects: u32,
    /// Sum of those projects' total volumes (a project counts fully for each participant).
    pub volume: Eur,
}

/// Per actor (by `ActorId`), its projects and volume among `projects`.
pub fn actor_figures(idx: &Index, projects: &Bitset) -> Vec<ActorFigures> {
    let mut out = vec![ActorFigures::default(); idx.actor_count()];
    for p in projects.iter_ones() {
        let pid = ProjectId(p as u32);
        let vol = idx.project_volume(pid);
        for a in idx.project_actors(pid) {
            let f = &mut out[a.index()];
            f.projects += 1;
            f.volume.0 += vol.0;
        }
    }
    out
}

/// One region's figures under the selection (the choropleth's rule, docs/map.md).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RegionFigures {
    /// Selected actors located in the region.
    pub actors: u32,
    /// Projects in view with at least one participant located in the region (each counts once per region).
    pub projects: u32,
    /// The projects' volumes in equal shares among their located participants: a project with 3 located
    /// participants, 2 of them here, adds 2/3 of its volume. Regions add up to the total of the located
    /// projects (rounded to whole euros per region).
    pub volume: Eur,
}

/// Per region (by `RegionId`), its figures under `sel`.
pub fn region_figures(ds: &Dataset, idx: &Index, sel: &Selection) -> Vec<RegionFigures> {
    let nr = ds.regions.len();
    let mut out = vec![RegionFigures::default(); nr];
    let mut volume = vec![0f64; nr];
    for a in sel.actors.iter_ones() {
        if let Some(r) = ds.actors[a].location.region.filter(|r| r.index() < nr) {
            out[r.index()].actors += 1;
        }
    }
    let mut here: Vec<usize> = Vec::new();
    for p in sel.projects.iter_ones() {
        let pid = ProjectId(p as u32);
        here.clear();
        here.extend(
            idx.project_actors(pid)
                .iter()
                .filter_map(|a| ds.actor(*a).location.region)
                .map(|r| r.index())
                .filter(|&r| r < nr),
        );
        if here.is_empty() {
            continue;
        }
        let share = idx.project_volume(pid).0 as f64 / here.len() as f64;
        for &r in &here {
            volume[r] += share;
        }
        here.sort_unstable();
        here.dedup();
        for &r in &here {
            out[r].projects += 1;
        }
    }
    for (o, v) in out.iter_mut().zip(volume) {
        o.volume = Eur(v.round() as u64);
    }
    out
}

/// The collaboration graph of the projects in `projects`: actor pairs that share at least one of them, with
/// how many and their volume (projects with more than `MAX_COLLABORATION_PARTICIPANTS` add no pairs). Sorted
/// by (a, b). `Index::collaborations` is this over every project.
pub fn collaborations(idx: &Index, projects: &Bitset) -> Vec<Collaboration> {
    let mut pairs: Vec<(ActorId, ActorId, Eur)> = Vec::new();
    for p in projects.iter_ones() {
        let pid = ProjectId(p as u32);
        let parts = idx.project_actors(pid);
        if parts.len() > MAX_COLLABORATION_PARTICIPANTS {
            continue;
        }
        let vol = idx.project_volume(pid);
        for (i, &x) in parts.iter().enumerate() {
            for &y in &parts[i + 1..] {
                pairs.push((x.min(y), x.max(y), vol));
            }
        }
    }
    pairs.sort_unstable_by_key(|&(a, b, _)| (a, b));
    let mut out: Vec<Collaboration> = Vec::new();
    for (a, b, v) in pairs {
        match out.last_mut() {
            Some(e) if e.a == a && e.b == b => {
                e.projects += 1;
                e.volume.0 += v.0;
            }
            _ => out.push(Collaboration {
                a,
                b,
                projects: 1,
                volume: v,
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facet::Facet;
    use crate::filter::{select, Filter};
    use crate::generate::generate;
    use crate::import::import;

    fn data() -> (Dataset, Index) {
        let json = serde_json::to_vec(&generate(400, 3)).unwrap_or_default();
        let ds = import(&json, "generated").0;
        let idx = Index::build(&ds);
        (ds, idx)
    }

    #[test]
    fn region_volumes_add_up_to_the_located_projects() {
        let (ds, idx) = data();
        for f in [
            Filter::default(),
            Filter {
                years: Some((2021, 2021)),
                ..Filter::default()
            },
            Filter::default().with(Facet::Technology, [0, 2]),
        ] {
            let sel = select(&ds, &idx, &f);
            let regions = region_figures(&ds, &idx, &sel);
            let located: u64 = sel
                .projects
                .iter_ones()
                .map(|p| ProjectId(p as u32))
                .filter(|&p| {
                    idx.project_actors(p)
                        .iter()
                        .any(|a| ds.actor(*a).location.region.is_some())
                })
                .map(|p| idx.project_volume(p).0)
                .sum();
            let sum: u64 = regions.iter().map(|r| r.volume.0).sum();
            // Rounded per region: at most half a euro each.
            assert!(sum.abs_diff(located) <= regions.len() as u64, "{sum} vs {located}");
            assert!(located > 0);
            let actors: u32 = regions.iter().map(|r| r.actors).sum();
            let with_region = sel
                .actors
                .iter_ones()
                .filter(|&a| ds.actors[a].location.region.is_some())
                .count();
            assert_eq!(actors as usize, with_region);
        }
    }

    #[test]
    fn actor_figures_count_only_projects_in_view() {
        let (ds, idx) = data();
        let (from, to) = crate::stats::project_year_span(&ds).unwrap_or((2020, 2020));
        for year in from..=to {
            let sel = select(
                &ds,
                &idx,
                &Filter {
                    years: Some((year, year)),
                    ..Filter::default()
                },
            );
            let figs = actor_figures(&idx, &sel.projects);
            for (a, f) in figs.iter().enumerate() {
                let mine: Vec<usize> = sel
                    .projects
                    .iter_ones()
                    .filter(|&p| ds.projects[p].participants.iter().any(|x| x.actor.index() == a))
                    .collect();
                assert_eq!(f.projects as usize, mine.len(), "actor {a} in {year}");
                let vol: u64 = mine.iter().map(|&p| ds.projects[p].volume.0).sum();
                assert_eq!(f.volume.0, vol);
                // Never a project outside the year.
                assert!(mine
                    .iter()
                    .all(|&p| ds.projects[p].start <= year && year <= ds.projects[p].end));
            }
        }
    }
}
