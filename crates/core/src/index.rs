//! The index built once after import: adjacency in CSR form, facet bitsets, folded search keys and name order.
//!
//! Everything `filter::select` and `stats` need per call is precomputed here, so a filter change costs a few
//! bitset operations and one scan of the search buffer, with no sorting and no allocation per actor.

use crate::bitset::Bitset;
use crate::facet::{Facet, PerFacet};
use crate::model::{ActorId, ActorKind, Dataset, Eur, LinkKind, ProjectId, RegionId, SectorId, TechnologyId};
use crate::text::{fold_into, is_word_char};

/// Separates names in the search buffer; `fold` turns every whitespace into a space, so no folded name or
/// query contains it and no match can run across two names.
const NAME_SEP: char = '\n';

/// One edge of the collaboration graph: two actors (`a < b`) that share at least one project.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Collaboration {
    pub a: ActorId,
    pub b: ActorId,
    /// Number of shared projects.
    pub projects: u32,
    /// Sum of the total volumes of the shared projects.
    pub volume: Eur,
}

/// Projects with more participants add no edges to the collaboration graph: they are programmes rather than
/// consortia, and their participants² pairs would swamp the graph (and memory).
pub const MAX_COLLABORATION_PARTICIPANTS: usize = 100;

/// Precomputed lookups over one `Dataset`. Build with [`Index::build`]; valid only for that dataset.
#[derive(Clone, Debug, Default)]
pub struct Index {
    n_actors: usize,
    n_projects: usize,
    // CSR adjacency: actor -> projects (sorted by project id), project -> actors (participant order, deduped).
    actor_project_offsets: Vec<u32>,
    actor_project_list: Vec<ProjectId>,
    project_actor_offsets: Vec<u32>,
    project_actor_list: Vec<ActorId>,
    // Explicit links, both directions: actor -> (other actor, kind).
    link_offsets: Vec<u32>,
    link_list: Vec<(ActorId, LinkKind)>,
    // Facets over actors: per facet, per value, the actors that have it (crate::facet).
    facet_actors: PerFacet<Vec<Bitset>>,
    no_region_actors: Bitset,
    // Projects per technology.
    technology_projects: Vec<Bitset>,
    // Per-actor and per-project columns.
    founded: Vec<Option<u16>>,
    actor_volume: Vec<Eur>,
    project_years: Vec<(u16, u16)>,
    project_volume: Vec<Eur>,
    // Search: folded names concatenated in name order, each followed by NAME_SEP.
    search_buf: String,
    /// `search_starts[r]` = byte offset of the name of rank `r`; one extra entry = `search_buf.len()`.
    search_starts: Vec<u32>,
    /// Actors sorted by (folded name, id).
    name_order: Vec<ActorId>,
    /// Inverse of `name_order`.
    name_rank: Vec<u32>,
}

fn csr<T: Copy>(n: usize, pairs: &[(u32, T)]) -> (Vec<u32>, Vec<T>) {
    let mut offsets = vec![0u32; n + 1];
    for &(k, _) in pairs {
        offsets[k as usize + 1] += 1;
    }
    for i in 0..n {
        offsets[i + 1] += offsets[i];
    }
    let mut fill = offsets.clone();
    let mut list: Vec<Option<T>> = vec![None; pairs.len()];
    for &(k, v) in pairs {
        let slot = &mut fill[k as usize];
        list[*slot as usize] = Some(v);
        *slot += 1;
    }
    (offsets, list.into_iter().flatten().collect())
}

impl Index {
    /// Builds the index in O(actors · log actors + participations + links).
    pub fn build(ds: &Dataset) -> Index {
        let n = ds.actors.len();
        let np = ds.projects.len();

        // project -> actors (deduplicated, participant order), and the reverse.
        let mut pa_pairs: Vec<(u32, ActorId)> = Vec::new();
        let mut ap_pairs: Vec<(u32, ProjectId)> = Vec::new();
        let mut actor_volume = vec![Eur(0); n];
        let mut project_years = Vec::with_capacity(np);
        let mut project_volume = Vec::with_capacity(np);
        let mut technology_projects = vec![Bitset::new(np); ds.technologies.len()];
        let mut last_project = vec![0u32; n];
        for (pi, p) in ds.projects.iter().enumerate() {
            project_years.push((p.start, p.end));
            project_volume.push(p.volume);
            for t in &p.technologies {
                if let Some(b) = technology_projects.get_mut(t.index()) {
                    b.set(pi);
                }
            }
            for part in &p.participants {
                let a = part.actor;
                // `last_project[a]` = 1 + the last project that listed `a`: drops repeated participants in O(1).
                if a.index() >= n || last_project[a.index()] == pi as u32 + 1 {
                    continue;
                }
                last_project[a.index()] = pi as u32 + 1;
                pa_pairs.push((pi as u32, a));
                ap_pairs.push((a.0, ProjectId(pi as u32)));
                actor_volume[a.index()].0 += p.volume.0;
            }
        }
        let (project_actor_offsets, project_actor_list) = csr(np, &pa_pairs);
        // ap_pairs are generated in project order, so each actor's list comes out sorted by project id.
        let (actor_project_offsets, actor_project_list) = csr(n, &ap_pairs);

        let mut link_pairs: Vec<(u32, (ActorId, LinkKind))> = Vec::with_capacity(ds.links.len() * 2);
        for l in &ds.links {
            if l.source.index() < n && l.target.index() < n && l.source != l.target {
                link_pairs.push((l.source.0, (l.target, l.kind)));
                link_pairs.push((l.target.0, (l.source, l.kind)));
            }
        }
        let (link_offsets, link_list) = csr(n, &link_pairs);

        let mut facet_actors = PerFacet::from_fn(|f| vec![Bitset::new(n); f.len(ds)]);
        let mut no_region_actors = Bitset::new(n);
        let mut founded = Vec::with_capacity(n);
        let mut folded = String::new();
        let mut name_spans: Vec<(u32, u32)> = Vec::with_capacity(n);
        for (ai, a) in ds.actors.iter().enumerate() {
            for f in Facet::ALL {
                let bits = facet_actors.get_mut(f);
                f.for_each_actor_value(ds, ActorId(ai as u32), |v| {
                    if let Some(b) = bits.get_mut(v as usize) {
                        b.set(ai);
                    }
                });
            }
            if a.location.region.is_none_or(|r| r.index() >= ds.regions.len()) {
                no_region_actors.set(ai);
            }
            founded.push(a.founded);
            let start = folded.len();
            fold_into(&a.name, &mut folded);
            name_spans.push((start as u32, folded.len() as u32));
        }

        let mut name_order: Vec<ActorId> = (0..n as u32).map(ActorId).collect();
        let name_of = |a: ActorId| {
            let (s, e) = name_spans[a.index()];
            &folded[s as usize..e as usize]
        };
        name_order.sort_unstable_by(|&x, &y| name_of(x).cmp(name_of(y)).then(x.cmp(&y)));
        let mut name_rank = vec![0u32; n];
        let mut search_buf = String::with_capacity(folded.len() + n);
        let mut search_starts = Vec::with_capacity(n + 1);
        for (r, &a) in name_order.iter().enumerate() {
            name_rank[a.index()] = r as u32;
            search_starts.push(search_buf.len() as u32);
            search_buf.push_str(name_of(a));
            search_buf.push(NAME_SEP);
        }
        search_starts.push(search_buf.len() as u32);

        Index {
            n_actors: n,
            n_projects: np,
            actor_project_offsets,
            actor_project_list,
            project_actor_offsets,
            project_actor_list,
            link_offsets,
            link_list,
            facet_actors,
            no_region_actors,
            technology_projects,
            founded,
            actor_volume,
            project_years,
            project_volume,
            search_buf,
            search_starts,
            name_order,
            name_rank,
        }
    }

    pub fn actor_count(&self) -> usize {
        self.n_actors
    }
    pub fn project_count(&self) -> usize {
        self.n_projects
    }

    /// The projects an actor participates in, by increasing id (each once).
    pub fn actor_projects(&self, a: ActorId) -> &[ProjectId] {
        let i = a.index();
        &self.actor_project_list[self.actor_project_offsets[i] as usize..self.actor_project_offsets[i + 1] as usize]
    }

    /// The participants of a project in the export's order (each actor once).
    pub fn project_actors(&self, p: ProjectId) -> &[ActorId] {
        let i = p.index();
        &self.project_actor_list[self.project_actor_offsets[i] as usize..self.project_actor_offsets[i + 1] as usize]
    }

    /// The actors linked to `a` by explicit links, in either direction, with the link kind.
    pub fn actor_links(&self, a: ActorId) -> &[(ActorId, LinkKind)] {
        let i = a.index();
        &self.link_list[self.link_offsets[i] as usize..self.link_offsets[i + 1] as usize]
    }

    /// Actors that have value `id` of facet `f` (a technology or sector they list, their kind, their region).
    pub fn facet_actors(&self, f: Facet, id: u32) -> &Bitset {
        &self.facet_actors.get(f)[id as usize]
    }
    /// How many values facet `f` has in the indexed dataset.
    pub fn facet_len(&self, f: Facet) -> usize {
        self.facet_actors.get(f).len()
    }
    /// Actors that list technology `t`.
    pub fn technology_actors(&self, t: TechnologyId) -> &Bitset {
        self.facet_actors(Facet::Technology, t.0 as u32)
    }
    /// Actors that list sector `s`.
    pub fn sector_actors(&self, s: SectorId) -> &Bitset {
        self.facet_actors(Facet::Sector, s.0 as u32)
    }
    /// Actors of kind `k`.
    pub fn kind_actors(&self, k: ActorKind) -> &Bitset {
        self.facet_actors(Facet::Kind, k.index() as u32)
    }
    /// Actors located in region `r`.
    pub fn region_actors(&self, r: RegionId) -> &Bitset {
        self.facet_actors(Facet::Region, r.0 as u32)
    }
    /// Actors without a region.
    pub fn no_region_actors(&self) -> &Bitset {
        &self.no_region_actors
    }
    /// Projects that list technology `t`.
    pub fn technology_projects(&self, t: TechnologyId) -> &Bitset {
        &self.technology_projects[t.index()]
    }
    pub fn technology_count(&self) -> usize {
        self.facet_len(Facet::Technology)
    }
    pub fn sector_count(&self) -> usize {
        self.facet_len(Facet::Sector)
    }
    pub fn region_count(&self) -> usize {
        self.facet_len(Facet::Region)
    }

    /// The founding year of an actor, when known.
    pub fn founded(&self, a: ActorId) -> Option<u16> {
        self.founded[a.index()]
    }

    /// (start, end) of a project.
    pub fn project_years(&self, p: ProjectId) -> (u16, u16) {
        self.project_years[p.index()]
    }

    /// The total volume of a project.
    pub fn project_volume(&self, p: ProjectId) -> Eur {
        self.project_volume[p.index()]
    }

    /// The collaboration graph: every pair of actors sharing projects, weighted by count and volume, sorted
    /// by (a, b); projects with more than [`MAX_COLLABORATION_PARTICIPANTS`] participants are left out.
    /// Computed on demand in O(sum of participants² + edges · log edges); the map's arcs, the network and the
    /// charts read this one (filter it by `Selection::actors` for a view).
    pub fn collaborations(&self) -> Vec<Collaboration> {
        crate::in_view::collaborations(self, &Bitset::full(self.n_projects))
    }

    /// Sum of the total volumes of the actor's projects (a project counts fully for each participant).
    pub fn actor_volume(&self, a: ActorId) -> Eur {
        self.actor_volume[a.index()]
    }

    /// All actors sorted by folded name (ties by id): the list order without search text.
    pub fn name_order(&self) -> &[ActorId] {
        &self.name_order
    }

    /// Position of `a` in `name_order` (for sorting subsets by name without comparing strings).
    pub fn name_rank(&self, a: ActorId) -> u32 {
        self.name_rank[a.index()]
    }

    /// The folded name of `a` (see `text::fold`).
    pub fn folded_name(&self, a: ActorId) -> &str {
        let r = self.name_rank[a.index()] as usize;
        self.folded_name_at_rank(r)
    }

    fn folded_name_at_rank(&self, r: usize) -> &str {
        // The stored span ends with NAME_SEP.
        &self.search_buf[self.search_starts[r] as usize..self.search_starts[r + 1] as usize - NAME_SEP.len_utf8()]
    }

    /// Actors related to `a` through shared projects and explicit links, with the number of shared projects
    /// (0 for a link without a shared project): most shared first, then by name.
    pub fn related_actors(&self, a: ActorId) -> Vec<(ActorId, u32)> {
        let mut others: Vec<ActorId> = Vec::new();
        for &p in self.actor_projects(a) {
            others.extend(self.project_actors(p).iter().copied().filter(|&b| b != a));
        }
        crate::order::sort_by(&mut others, |a, b| a.cmp(b));
        let mut out: Vec<(ActorId, u32)> = Vec::new();
        for b in others {
            match out.last_mut() {
                Some((last, c)) if *last == b => *c += 1,
                _ => out.push((b, 1)),
            }
        }
        let shared = out.len();
        for &(b, _) in self.actor_links(a) {
            if b != a
                && out[..shared].binary_search_by_key(&b, |&(x, _)| x).is_err()
                && !out[shared..].iter().any(|&(x, _)| x == b)
            {
                out.push((b, 0));
            }
        }
        crate::order::sort_by(&mut out, |x, y| {
            y.1.cmp(&x.1).then(self.name_rank(x.0).cmp(&self.name_rank(y.0)))
        });
        out
    }

    /// Finds actors whose folded name contains `folded_query` (already folded, non-empty).
    /// Calls `hit(rank, word_start)` once per matching name, in name order (dyn: one copy of the scan for the
    /// filter and the suggestions); `word_start` is true when the name or one of its words starts with the query.
    pub(crate) fn search_ranks(&self, folded_query: &str, hit: &mut dyn FnMut(usize, bool)) {
        let q = folded_query;
        if q.is_empty() {
            return;
        }
        let buf = self.search_buf.as_str();
        let starts = &self.search_starts;
        // NAME_SEP is not a word character, so a match at the start of a name is at a word start too.
        let at_word = |i: usize| !buf[..i].chars().next_back().is_some_and(is_word_char);
        // One searcher over the whole buffer (not one per name: that costs more than the scan). Its matches do
        // not overlap; when the query is all word characters, a match overlapping an earlier one cannot start
        // a word, so no word start is missed. Otherwise the rest of the name is checked explicitly.
        let explicit = !q.chars().all(is_word_char);
        let mut rank = 0usize;
        // A name matched so far only inside words.
        let mut pending: Option<usize> = None;
        // Matches before this offset are in names already reported.
        let mut skip_until = 0usize;
        for (p, _) in buf.match_indices(q) {
            if p < skip_until {
                continue;
            }
            while starts[rank + 1] as usize <= p {
                rank += 1;
            }
            // Reported below in both branches, so `pending` is overwritten there.
            if let Some(r) = pending.filter(|&r| r != rank) {
                hit(r, false);
            }
            let end = starts[rank + 1] as usize - NAME_SEP.len_utf8();
            let word_start = at_word(p)
                || (explicit
                    && buf[p..end]
                        .char_indices()
                        .skip(1)
                        .any(|(i, _)| at_word(p + i) && buf[p + i..end].starts_with(q)));
            if word_start || explicit {
                pending = None;
                hit(rank, word_start);
                skip_until = end;
            } else {
                pending = Some(rank);
            }
        }
        if let Some(r) = pending {
            hit(r, false);
        }
    }

    /// The actor at a name rank.
    pub(crate) fn actor_at_rank(&self, r: usize) -> ActorId {
        self.name_order[r]
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::model::*;

    fn actor(name: &str) -> Actor {
        Actor {
            key: name.to_string(),
            name: name.to_string(),
            kind: ActorKind::Sme,
            sectors: vec![],
            technologies: vec![],
            location: Location::default(),
            website: None,
            description: Localized::default(),
            founded: None,
            size: None,
            source: None,
            updated: None,
            fictional: true,
            position: None,
        }
    }

    fn project(parts: &[u32], volume: u64) -> Project {
        Project {
            key: format!("p{parts:?}"),
            title: Localized::default(),
            start: 2020,
            end: 2021,
            status: None,
            volume: Eur(volume),
            programme: None,
            technologies: vec![],
            participants: parts
                .iter()
                .map(|&a| Participant {
                    actor: ActorId(a),
                    role: Role::Partner,
                })
                .collect(),
            fictional: true,
        }
    }

    fn ds() -> Dataset {
        Dataset {
            actors: ["Zeta", "Alpha", "Mitte Labs", "Beta"]
                .iter()
                .map(|n| actor(n))
                .collect(),
            projects: vec![project(&[0, 1, 2], 100), project(&[0, 1], 10), project(&[3, 3], 5)],
            links: vec![Link {
                source: ActorId(3),
                target: ActorId(0),
                kind: LinkKind::Customer,
            }],
            ..Dataset::default()
        }
    }

    #[test]
    fn csr_adjacency_and_volume() {
        let idx = Index::build(&ds());
        assert_eq!(idx.actor_projects(ActorId(0)), &[ProjectId(0), ProjectId(1)]);
        assert_eq!(idx.project_actors(ProjectId(0)), &[ActorId(0), ActorId(1), ActorId(2)]);
        // Duplicate participant counted once.
        assert_eq!(idx.project_actors(ProjectId(2)), &[ActorId(3)]);
        assert_eq!(idx.actor_volume(ActorId(0)), Eur(110));
        assert_eq!(idx.actor_volume(ActorId(3)), Eur(5));
        assert_eq!(idx.no_region_actors().count_ones(), 4);
    }

    #[test]
    fn related_actors_most_shared_first_with_links() {
        let idx = Index::build(&ds());
        assert_eq!(
            idx.related_actors(ActorId(0)),
            vec![(ActorId(1), 2), (ActorId(2), 1), (ActorId(3), 0)]
        );
        assert_eq!(idx.related_actors(ActorId(3)), vec![(ActorId(0), 0)]);
    }

    #[test]
    fn collaborations_are_weighted_pairs() {
        let idx = Index::build(&ds());
        let c = |a, b, projects, volume| Collaboration {
            a: ActorId(a),
            b: ActorId(b),
            projects,
            volume: Eur(volume),
        };
        assert_eq!(
            idx.collaborations(),
            vec![c(0, 1, 2, 110), c(0, 2, 1, 100), c(1, 2, 1, 100)]
        );
    }

    #[test]
    fn name_order_and_folded_names() {
        let idx = Index::build(&ds());
        assert_eq!(idx.name_order(), &[ActorId(1), ActorId(3), ActorId(2), ActorId(0)]);
        assert_eq!(idx.folded_name(ActorId(2)), "mitte labs");
        assert_eq!(idx.name_rank(ActorId(0)), 3);
    }
}
