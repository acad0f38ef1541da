//! The facets a visitor filters actors by (technology, sector, kind, region): one type that knows, for each,
//! its URL parameter, which values it has in a dataset, what a value's key is, which values an actor has (so
//! the index builds its bitsets), and where its counts are. The Query, the Filter, the index, filtering, the
//! filter panel and the charts all go through it.
//!
//! Adding a facet: a variant in [`Facet`], an arm in each method below, and its title in the app's texts
//! (`i18n.rs`). Nothing else (ARCHITECTURE.md, "Recipes").

use crate::model::{ActorId, ActorKind, Dataset};

/// An actor facet. OR within a facet, AND across facets; a value's count applies every other facet but not its
/// own (crate::filter).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Facet {
    Technology,
    Sector,
    Kind,
    Region,
}

/// How many facets there are (arrays indexed by [`Facet::index`]).
pub const FACETS: usize = 4;

/// Something per facet, indexed by [`Facet`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PerFacet<T>(pub [T; FACETS]);

impl<T> PerFacet<T> {
    pub fn get(&self, f: Facet) -> &T {
        &self.0[f.index()]
    }
    pub fn get_mut(&mut self, f: Facet) -> &mut T {
        &mut self.0[f.index()]
    }
    /// Builds one value per facet.
    pub fn from_fn(mut make: impl FnMut(Facet) -> T) -> PerFacet<T> {
        PerFacet(Facet::ALL.map(&mut make))
    }
}

impl Facet {
    pub const ALL: [Facet; FACETS] = [Facet::Technology, Facet::Sector, Facet::Kind, Facet::Region];

    pub fn index(self) -> usize {
        self as usize
    }

    /// Its URL parameter (`?tech=ai&kind=sme`), repeated once per chosen value.
    pub fn param(self) -> &'static str {
        match self {
            Facet::Technology => "tech",
            Facet::Sector => "sector",
            Facet::Kind => "kind",
            Facet::Region => "region",
        }
    }

    /// Its name in test ids and data attributes (`facet-technology`).
    pub fn key(self) -> &'static str {
        match self {
            Facet::Technology => "technology",
            Facet::Sector => "sector",
            Facet::Kind => "kind",
            Facet::Region => "region",
        }
    }

    /// A URL value as a key this facet can hold, or None when it can never be one (an unknown kind). Keys of
    /// data records (technologies, sectors, regions) are checked against the loaded data later, in
    /// `Query::resolve`, so a link made for another export still opens.
    pub fn accepts(self, value: &str) -> bool {
        match self {
            Facet::Kind => ActorKind::parse(value).is_some(),
            Facet::Technology | Facet::Sector | Facet::Region => !value.is_empty(),
        }
    }

    /// How many values the facet has in `ds` (its dense ids are `0..len`).
    pub fn len(self, ds: &Dataset) -> usize {
        match self {
            Facet::Technology => ds.technologies.len(),
            Facet::Sector => ds.sectors.len(),
            Facet::Kind => ActorKind::ALL.len(),
            Facet::Region => ds.regions.len(),
        }
    }

    /// The key of value `id` (as in the URL and the export).
    pub fn value_key(self, ds: &Dataset, id: u32) -> &str {
        let i = id as usize;
        match self {
            Facet::Technology => &ds.technologies[i].key,
            Facet::Sector => &ds.sectors[i].key,
            Facet::Kind => ActorKind::ALL[i].key(),
            Facet::Region => &ds.regions[i].key,
        }
    }

    /// The dense id of the value with this key, if `ds` has it.
    pub fn find(self, ds: &Dataset, key: &str) -> Option<u32> {
        match self {
            Facet::Technology => ds.find_technology(key).map(|t| t.0 as u32),
            Facet::Sector => ds.find_sector(key).map(|s| s.0 as u32),
            Facet::Kind => ActorKind::parse(key).map(|k| k.index() as u32),
            Facet::Region => ds.find_region(key).map(|r| r.0 as u32),
        }
    }

    /// Calls `each` with every value actor `a` has in this facet (what the index's bitsets are built from).
    /// Kind: exactly one; region: none when the actor has no region.
    pub fn for_each_actor_value(self, ds: &Dataset, a: ActorId, mut each: impl FnMut(u32)) {
        let actor = ds.actor(a);
        match self {
            Facet::Technology => actor.technologies.iter().for_each(|t| each(t.0 as u32)),
            Facet::Sector => actor.sectors.iter().for_each(|s| each(s.0 as u32)),
            Facet::Kind => each(actor.kind.index() as u32),
            Facet::Region => actor.location.region.into_iter().for_each(|r| each(r.0 as u32)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn params_and_keys_are_distinct() {
        let mut params: Vec<&str> = Facet::ALL.iter().map(|f| f.param()).collect();
        params.sort();
        params.dedup();
        assert_eq!(params.len(), FACETS);
        for (i, f) in Facet::ALL.iter().enumerate() {
            assert_eq!(f.index(), i);
        }
    }

    #[test]
    fn kinds_are_checked_when_read_other_keys_later() {
        assert!(Facet::Kind.accepts("sme"));
        assert!(!Facet::Kind.accepts("alien"));
        assert!(Facet::Technology.accepts("anything"));
        assert!(!Facet::Region.accepts(""));
    }
}
