//! Search suggestions: the actors, technologies and regions (Berlin's districts, Brandenburg's counties) that
//! best fit what a visitor is typing, in three groups, at most [`MAX_SUGGESTIONS`] in all.
//!
//! Names and the query are folded alike (`text::fold`: case, diacritics, German transliteration, letters such
//! as ł or ø), so "mueller" suggests "Müller" and "lodz" "Łódź". Within a group a name that starts with the
//! query ranks first, then one with a word starting with it, then one containing it; ties go to the larger
//! item (an actor's projects, a technology's or region's actors), then to the name (technologies and regions:
//! the export's order). Actors are searched in the index's folded-name buffer (one scan, no allocation per
//! actor); technologies (by their German and English names) and regions are few and folded per call.

use crate::facet::Facet;
use crate::index::Index;
use crate::model::{ActorId, Dataset};
use crate::text::{fold, fold_into, is_word_char};

/// At most this many suggestions in all.
pub const MAX_SUGGESTIONS: usize = 8;

/// Each group with matches keeps at least this many (when it has them); actors get the rest first.
const MIN_PER_GROUP: usize = 2;

/// What a suggestion names; also the order of the groups.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SuggestionKind {
    Actor,
    Technology,
    Region,
}

impl SuggestionKind {
    pub const ALL: [SuggestionKind; 3] = [
        SuggestionKind::Actor,
        SuggestionKind::Technology,
        SuggestionKind::Region,
    ];

    /// Its name in test ids and data attributes.
    pub fn key(self) -> &'static str {
        match self {
            SuggestionKind::Actor => "actor",
            SuggestionKind::Technology => "technology",
            SuggestionKind::Region => "region",
        }
    }
}

/// How the query meets a name; the earlier, the better.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchAt {
    /// The name starts with the query.
    Start,
    /// A later word of the name starts with it.
    WordStart,
    /// It occurs inside a word.
    Inside,
}

/// One suggestion: an actor (`ActorId`), a technology (`TechnologyId`) or a region (`RegionId`) by dense id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Suggestion {
    pub kind: SuggestionKind,
    pub id: u32,
    pub at: MatchAt,
}

/// A ranking key, the smaller the better: where the query meets the name (2 bits), then the larger size, then
/// `order` (an actor's rank in name order; for technologies and regions their order in the export).
fn rank_key(at: MatchAt, size: usize, order: usize) -> u64 {
    let smaller_is_larger = u32::MAX - size.min(u32::MAX as usize) as u32;
    ((at as u64) << 62) | (u64::from(smaller_is_larger) << 30) | (order as u64 & ((1 << 30) - 1))
}

/// Keeps the `MAX_SUGGESTIONS` best `(key, id)` in `top`, sorted, equal keys in arrival order; no allocation
/// beyond `top`'s capacity.
fn keep_best(top: &mut Vec<(u64, u32)>, key: u64, id: u32) {
    if top.len() == MAX_SUGGESTIONS && top.last().is_some_and(|&(worst, _)| worst <= key) {
        return;
    }
    let at = top.partition_point(|&(k, _)| k <= key);
    top.truncate(MAX_SUGGESTIONS - 1);
    top.insert(at.min(top.len()), (key, id));
}

/// How `q` (folded, not empty) meets `names` (folded, separated by '\n'), if it occurs at all: the best place.
pub fn match_at(names: &str, q: &str) -> Option<MatchAt> {
    let mut best: Option<MatchAt> = None;
    let mut prev: Option<char> = None;
    for (i, c) in names.char_indices() {
        if names[i..].starts_with(q) {
            let at = match prev {
                None | Some('\n') => MatchAt::Start,
                Some(p) if !is_word_char(p) => MatchAt::WordStart,
                Some(_) => MatchAt::Inside,
            };
            if at == MatchAt::Start {
                return Some(at);
            }
            best = Some(best.map_or(at, |b| b.min(at)));
        }
        prev = Some(c);
    }
    best
}

/// How many of each group's matches to show: each keeps up to [`MIN_PER_GROUP`], then actors, technologies and
/// regions in turn take what is left of [`MAX_SUGGESTIONS`].
fn allocate(found: [usize; 3]) -> [usize; 3] {
    let mut take = found.map(|n| n.min(MIN_PER_GROUP));
    let mut left = MAX_SUGGESTIONS.saturating_sub(take.iter().sum());
    for (t, n) in take.iter_mut().zip(found) {
        let more = (n - *t).min(left);
        *t += more;
        left -= more;
    }
    take
}

/// The suggestions for `text` (folded here): actors first, then technologies (by their German or English
/// name), then regions, each group best first; empty for blank text. One scan of the index's folded actor
/// names, and the technologies' and regions' names folded into one reused buffer: no allocation per item.
pub fn suggest(ds: &Dataset, idx: &Index, text: &str) -> Vec<Suggestion> {
    let q = fold(text);
    if q.is_empty() {
        return Vec::new();
    }
    let mut groups: [Vec<(u64, u32)>; 3] = std::array::from_fn(|_| Vec::with_capacity(MAX_SUGGESTIONS));
    idx.search_ranks(&q, &mut |rank, word_start| {
        let a: ActorId = idx.actor_at_rank(rank);
        let at = if !word_start {
            MatchAt::Inside
        } else if idx.folded_name(a).starts_with(q.as_str()) {
            MatchAt::Start
        } else {
            MatchAt::WordStart
        };
        keep_best(&mut groups[0], rank_key(at, idx.actor_projects(a).len(), rank), a.0);
    });
    let mut name = String::new();
    let mut small = |group: usize, facet: Facet, id: usize, names: [&str; 2]| {
        name.clear();
        for n in names {
            name.push('\n');
            fold_into(n, &mut name);
        }
        if let Some(at) = match_at(&name, &q) {
            let size = if id < idx.facet_len(facet) {
                idx.facet_actors(facet, id as u32).count_ones()
            } else {
                0
            };
            keep_best(&mut groups[group], rank_key(at, size as usize, id), id as u32);
        }
    };
    for (i, t) in ds.technologies.iter().enumerate() {
        small(1, Facet::Technology, i, [&t.name.de, &t.name.en]);
    }
    for (i, r) in ds.regions.iter().enumerate() {
        small(2, Facet::Region, i, [&r.name, ""]);
    }
    let take = allocate(groups.each_ref().map(Vec::len));
    let mut out = Vec::with_capacity(MAX_SUGGESTIONS);
    for ((kind, group), n) in SuggestionKind::ALL.into_iter().zip(groups).zip(take) {
        let found = group.into_iter().take(n);
        out.extend(found.map(|(key, id)| Suggestion {
            kind,
            id,
            at: MatchAt::from_key(key),
        }));
    }
    out
}

impl MatchAt {
    fn from_key(key: u64) -> MatchAt {
        match key >> 62 {
            0 => MatchAt::Start,
            1 => MatchAt::WordStart,
            _ => MatchAt::Inside,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn match_places() {
        assert_eq!(match_at("mitte", "mit"), Some(MatchAt::Start));
        assert_eq!(match_at("treptow-kopenick", "kop"), Some(MatchAt::WordStart));
        assert_eq!(match_at("pankow", "kow"), Some(MatchAt::Inside));
        // The second name (English after German) starts with it.
        assert_eq!(
            match_at("kunstliche intelligenz\nartificial intelligence", "art"),
            Some(MatchAt::Start)
        );
        // The best place counts, not the first.
        assert_eq!(match_at("barnim barn", "arn"), Some(MatchAt::Inside));
        assert_eq!(match_at("abab ab", "ab"), Some(MatchAt::Start));
        assert_eq!(match_at("xab ab", "ab"), Some(MatchAt::WordStart));
        assert_eq!(match_at("mitte", "x"), None);
    }

    #[test]
    fn slots_are_shared_out() {
        assert_eq!(allocate([20, 20, 20]), [4, 2, 2]);
        assert_eq!(allocate([20, 1, 0]), [7, 1, 0]);
        assert_eq!(allocate([0, 3, 20]), [0, 3, 5]);
        assert_eq!(allocate([1, 1, 1]), [1, 1, 1]);
        assert_eq!(allocate([0, 0, 0]), [0, 0, 0]);
    }

    #[test]
    fn keeps_the_best_in_order() {
        let mut top = Vec::new();
        for i in 0..20u32 {
            let at = if i % 3 == 0 { MatchAt::Start } else { MatchAt::Inside };
            keep_best(&mut top, rank_key(at, i as usize % 5, i as usize), i);
        }
        assert_eq!(top.len(), MAX_SUGGESTIONS);
        let ids: Vec<u32> = top.iter().map(|&(_, id)| id).collect();
        // The starts (multiples of 3) by size (i % 5) descending, ties by name rank.
        assert_eq!(&ids[..7], &[9, 3, 18, 12, 6, 0, 15]);
        assert_eq!(ids[7], 4, "then the best inside match (size 4, first by name)");
        assert_eq!(MatchAt::from_key(top[0].0), MatchAt::Start);
        assert_eq!(MatchAt::from_key(top[7].0), MatchAt::Inside);
    }
}
