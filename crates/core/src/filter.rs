//! Faceted filtering: a [`Filter`] turns into a [`Selection`] (actors, projects, ordered list, facet counts).
//!
//! OR within a facet, AND across facets; each facet value's count applies every other facet, the years and
//! the search text, but not its own facet (standard faceted search: "what would choosing this value give").

use crate::bitset::Bitset;
use crate::facet::{Facet, PerFacet, FACETS};
use crate::index::Index;
use crate::model::{ActorId, ActorKind, Dataset, ProjectId, RegionId, SectorId, TechnologyId};
use crate::stats;
use crate::text::fold;

/// What the visitor filters by. An empty facet (or `years: None`, or blank `text`) does not filter.
///
/// - `chosen`: per actor facet (technology, sector, kind, region; `crate::facet`), the dense ids of the chosen
///   values. An actor matches a facet when it has any of the chosen values (OR); it is selected when it
///   matches every non-empty facet (AND). Technologies and sectors are the ones the actor lists itself, not
///   those of its projects.
/// - `years: Some((from, to))` (inclusive): keeps actors founded by `to` (unknown founding year: kept). It
///   does **not** drop actors that have no project in the range. Projects are kept when active in the range
///   (`start <= to && end >= from`). A reversed range `(to, from)` is read as `(from, to)`.
/// - `text`: after `text::fold` (lowercase, no diacritics, single spaces), the whole query is one substring
///   that must occur in the actor's folded *name* (not its address, region, description or technologies).
///   "tät ber" finds "Technische Universität Berlin"; "berlin universitat" does not.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    pub chosen: PerFacet<Vec<u32>>,
    pub years: Option<(u16, u16)>,
    pub text: String,
}

impl Filter {
    /// True when nothing is filtered.
    pub fn is_empty(&self) -> bool {
        self.chosen.0.iter().all(Vec::is_empty) && self.years.is_none() && self.text.trim().is_empty()
    }

    /// The chosen value ids of facet `f`.
    pub fn chosen(&self, f: Facet) -> &[u32] {
        self.chosen.get(f)
    }

    /// This filter with `ids` chosen in facet `f` (for tests and tools).
    pub fn with(mut self, f: Facet, ids: impl IntoIterator<Item = u32>) -> Filter {
        self.chosen.get_mut(f).extend(ids);
        self
    }

    /// Chosen technologies.
    pub fn technologies(&self) -> impl Iterator<Item = TechnologyId> + '_ {
        self.chosen(Facet::Technology).iter().map(|&t| TechnologyId(t as u16))
    }
    /// Chosen sectors.
    pub fn sectors(&self) -> impl Iterator<Item = SectorId> + '_ {
        self.chosen(Facet::Sector).iter().map(|&s| SectorId(s as u16))
    }
    /// Chosen kinds.
    pub fn kinds(&self) -> impl Iterator<Item = ActorKind> + '_ {
        self.chosen(Facet::Kind)
            .iter()
            .filter_map(|&k| ActorKind::ALL.get(k as usize).copied())
    }
    /// Chosen regions.
    pub fn regions(&self) -> impl Iterator<Item = RegionId> + '_ {
        self.chosen(Facet::Region).iter().map(|&r| RegionId(r as u16))
    }

    /// This filter without its year range (what a per-year chart shows across the years).
    pub fn without_years(&self) -> Filter {
        Filter {
            years: None,
            ..self.clone()
        }
    }

    /// The year range with `from <= to`.
    pub fn year_range(&self) -> Option<(u16, u16)> {
        self.years.map(|(a, b)| if a <= b { (a, b) } else { (b, a) })
    }

    /// The year the headline figures describe: the end of the chosen year range, else the data's reference
    /// year (decisions.md). The one place this rule lives; the header and the charts read it.
    pub fn year_in_view(&self, ds: &Dataset) -> Option<u16> {
        self.year_range()
            .map(|(_, to)| to)
            .or_else(|| stats::reference_year(ds))
    }
}

/// Actor counts per facet value; each count ignores its own facet's choice (see the module doc).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FacetCounts {
    /// Per facet, indexed by the value's dense id (`TechnologyId`, `SectorId`, `ActorKind::index()`, `RegionId`).
    pub by_facet: PerFacet<Vec<u32>>,
    /// Actors without a region, under the same filters as the regions.
    pub no_region: u32,
}

impl FacetCounts {
    /// The counts of facet `f`, by value id.
    pub fn of(&self, f: Facet) -> &[u32] {
        self.by_facet.get(f)
    }
    /// The count of value `id` of facet `f` (0 for an id it does not have).
    pub fn count(&self, f: Facet, id: u32) -> u32 {
        self.of(f).get(id as usize).copied().unwrap_or(0)
    }
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

/// `base ∩ every facet union except facet number `skip``.
fn mask(base: &Bitset, unions: &[Option<Bitset>; FACETS], skip: usize) -> Bitset {
    let mut m = base.clone();
    for (i, u) in unions.iter().enumerate() {
        if let (true, Some(u)) = (i != skip, u) {
            m.and_with(u);
        }
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
        idx.search_ranks(&query, &mut |r, w| {
            hits.push((r as u32, w));
            text_bits.set(idx.actor_at_rank(r).index());
        });
        base.and_with(&text_bits);
    }

    // Per facet: the actors that have any chosen value (None: the facet does not filter).
    let unions: [Option<Bitset>; FACETS] = Facet::ALL.map(|facet| {
        let chosen = f.chosen(facet);
        union(
            n,
            !chosen.is_empty(),
            chosen
                .iter()
                .filter(|&&id| (id as usize) < idx.facet_len(facet))
                .map(|&id| idx.facet_actors(facet, id)),
        )
    });
    // Each facet's counts apply every other facet (what choosing a value would give).
    let masks: [Bitset; FACETS] = std::array::from_fn(|i| mask(&base, &unions, i));
    let counts = FacetCounts {
        by_facet: PerFacet::from_fn(|facet| {
            let m = &masks[facet.index()];
            (0..idx.facet_len(facet) as u32)
                .map(|id| idx.facet_actors(facet, id).and_count(m))
                .collect()
        }),
        no_region: idx.no_region_actors().and_count(&masks[Facet::Region.index()]),
    };

    let [mut actors, ..] = masks;
    if let Some(u) = &unions[0] {
        actors.and_with(u);
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
