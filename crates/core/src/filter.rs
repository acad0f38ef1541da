//! Faceted filtering: a [`Filter`] turns into a [`Selection`] (actors, projects, ordered list, facet counts).
//!
//! OR within a facet, AND across facets; each facet value's count applies every other facet, the years and
//! the search text, but not its own facet (standard faceted search: "what would choosing this value give").

use crate::bitset::Bitset;
use crate::index::Index;
use crate::model::{ActorId, ActorKind, Dataset, ProjectId, RegionId, SectorId, TechnologyId};
use crate::text::fold;

/// What the visitor filters by. An empty facet (or `years: None`, or blank `text`) does not filter.
///
/// - `technologies`, `sectors`, `kinds`, `regions`: actor facets. An actor matches a facet when it has any of
///   the chosen values (OR); it is selected when it matches every non-empty facet (AND). Technologies and
///   sectors are the ones the actor lists itself, not those of its projects.
/// - `years: Some((from, to))` (inclusive): keeps actors founded by `to` (unknown founding year: kept). It
///   does **not** drop actors that have no project in the range. Projects are kept when active in the range
///   (`start <= to && end >= from`). A reversed range `(to, from)` is read as `(from, to)`.
/// - `text`: after `text::fold` (lowercase, no diacritics, single spaces), the whole query is one substring
///   that must occur in the actor's folded *name* (not its address, region, description or technologies).
///   "tät ber" finds "Technische Universität Berlin"; "berlin universitat" does not.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    pub technologies: Vec<TechnologyId>,
    pub sectors: Vec<SectorId>,
    pub kinds: Vec<ActorKind>,
    pub regions: Vec<RegionId>,
    pub years: Option<(u16, u16)>,
    pub text: String,
}

impl Filter {
    /// True when nothing is filtered.
    pub fn is_empty(&self) -> bool {
        self.technologies.is_empty()
            && self.sectors.is_empty()
            && self.kinds.is_empty()
            && self.regions.is_empty()
            && self.years.is_none()
            && self.text.trim().is_empty()
    }

    /// The year range with `from <= to`.
    pub fn year_range(&self) -> Option<(u16, u16)> {
        self.years.map(|(a, b)| if a <= b { (a, b) } else { (b, a) })
    }
}

/// Actor counts per facet value; each count ignores its own facet's choice (see the module doc).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FacetCounts {
    /// Indexed by `TechnologyId`.
    pub technology: Vec<u32>,
    /// Indexed by `SectorId`.
    pub sector: Vec<u32>,
    /// Indexed by `ActorKind::index()`.
    pub kind: [u32; 7],
    /// Indexed by `RegionId`.
    pub region: Vec<u32>,
    /// Actors without a region, under the same filters as `region`.
    pub no_region: u32,
}

/// The filtered set.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Selection {
    /// Selected actors, indexed by `ActorId`.
    pub actors: Bitset,
    /// Projects active in the year range (if any) with at least one selected participant, by `ProjectId`.
    pub projects: Bitset,
    /// The selected actors in list order: with search text, names where the name or one of its words starts
    /// with the query first, then the other matches; each group by folded name. Without text, by folded name.
    pub list: Vec<ActorId>,
    pub counts: FacetCounts,
}

impl Selection {
    /// Number of selected actors.
    pub fn actor_count(&self) -> usize {
        self.list.len()
    }
}

/// Union of the chosen values' bitsets, or `None` when the facet has no choice (it does not filter). Chosen
/// ids the index does not know (say, from an old URL) match nothing.
fn union<'a>(n: usize, chosen: bool, sets: impl Iterator<Item = &'a Bitset>) -> Option<Bitset> {
    if !chosen {
        return None;
    }
    let mut out = Bitset::new(n);
    for s in sets {
        out.or_with(s);
    }
    Some(out)
}

/// `base ∩ every given facet union`.
fn mask(base: &Bitset, unions: &[&Option<Bitset>]) -> Bitset {
    let mut m = base.clone();
    for u in unions.iter().copied().flatten() {
        m.and_with(u);
    }
    m
}

/// Applies `f`. O(actors/64 × facet values + actors + participations + matched names); allocates only
/// a few bitsets and the list.
pub fn select(ds: &Dataset, idx: &Index, f: &Filter) -> Selection {
    let n = idx.actor_count();
    let np = idx.project_count();
    debug_assert_eq!(n, ds.actors.len());
    let years = f.year_range();

    // Base: the filters that are not facets (years, text).
    let mut base = Bitset::full(n);
    if let Some((_, to)) = years {
        for a in 0..n {
            if idx.founded(ActorId(a as u32)).is_some_and(|y| y > to) {
                base.clear(a);
            }
        }
    }
    let query = fold(&f.text);
    // (rank, word_start) of names that match the text, in name order.
    let mut hits: Vec<(u32, bool)> = Vec::new();
    if !query.is_empty() {
        let mut text_bits = Bitset::new(n);
        idx.search_ranks(&query, |r, w| {
            hits.push((r as u32, w));
            text_bits.set(idx.actor_at_rank(r).index());
        });
        base.and_with(&text_bits);
    }

    let tech = union(
        n,
        !f.technologies.is_empty(),
        f.technologies
            .iter()
            .filter(|t| t.index() < idx.technology_count())
            .map(|&t| idx.technology_actors(t)),
    );
    let sect = union(
        n,
        !f.sectors.is_empty(),
        f.sectors
            .iter()
            .filter(|s| s.index() < idx.sector_count())
            .map(|&s| idx.sector_actors(s)),
    );
    let kind = union(n, !f.kinds.is_empty(), f.kinds.iter().map(|&k| idx.kind_actors(k)));
    let regn = union(
        n,
        !f.regions.is_empty(),
        f.regions
            .iter()
            .filter(|r| r.index() < idx.region_count())
            .map(|&r| idx.region_actors(r)),
    );

    let m_tech = mask(&base, &[&sect, &kind, &regn]);
    let m_sect = mask(&base, &[&tech, &kind, &regn]);
    let m_kind = mask(&base, &[&tech, &sect, &regn]);
    let m_regn = mask(&base, &[&tech, &sect, &kind]);
    let counts = FacetCounts {
        technology: (0..idx.technology_count())
            .map(|t| idx.technology_actors(TechnologyId(t as u16)).and_count(&m_tech))
            .collect(),
        sector: (0..idx.sector_count())
            .map(|s| idx.sector_actors(SectorId(s as u16)).and_count(&m_sect))
            .collect(),
        kind: ActorKind::ALL.map(|k| idx.kind_actors(k).and_count(&m_kind)),
        region: (0..idx.region_count())
            .map(|r| idx.region_actors(RegionId(r as u16)).and_count(&m_regn))
            .collect(),
        no_region: idx.no_region_actors().and_count(&m_regn),
    };

    let mut actors = m_tech;
    if let Some(t) = &tech {
        actors.and_with(t);
    }

    let mut projects = Bitset::new(np);
    for p in 0..np {
        let pid = ProjectId(p as u32);
        if let Some((from, to)) = years {
            let (s, e) = idx.project_years(pid);
            if s > to || e < from {
                continue;
            }
        }
        if idx.project_actors(pid).iter().any(|a| actors.get(a.index())) {
            projects.set(p);
        }
    }

    let list: Vec<ActorId> = if query.is_empty() {
        idx.name_order()
            .iter()
            .copied()
            .filter(|a| actors.get(a.index()))
            .collect()
    } else {
        let mut list = Vec::with_capacity(hits.len());
        for want_word_start in [true, false] {
            list.extend(
                hits.iter()
                    .filter(|&&(_, w)| w == want_word_start)
                    .map(|&(r, _)| idx.actor_at_rank(r as usize))
                    .filter(|a| actors.get(a.index())),
            );
        }
        list
    };

    Selection {
        actors,
        projects,
        list,
        counts,
    }
}
