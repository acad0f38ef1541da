//! The lock of an embed: the filters an embedding page fixed in its link (`lock=tech,kind,...` with the values
//! the link gives those facets and years). A visitor may narrow inside them (untick some locked values, never
//! all; a smaller year range inside the locked one) and never widen them: no other value, no clearing. Every
//! change of the filters goes through `Lock::allows` (a visitor's click is refused when it would widen) or
//! `Lock::clamp` ("clear all" and the host's `ecomap:setQuery` are brought inside the lock).

use crate::facet::{Facet, PerFacet};
use crate::query::Query;

/// The locked values; nothing is locked by default (then every query is allowed).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lock {
    /// Per facet: `Some(values)` when locked (empty: the facet stays unfiltered).
    facets: PerFacet<Option<Vec<String>>>,
    /// `Some(range)` when the years are locked (`Some(None)`: no year range may be chosen).
    years: Option<Option<(u16, u16)>>,
}

impl Lock {
    /// The lock an embed link sets: its locked facets and years with the values the link gives them. Only in
    /// embed mode; the explorer has no lock.
    pub fn of(q: &Query) -> Lock {
        if !q.embed.on {
            return Lock::default();
        }
        let set = q.embed.lock;
        Lock {
            facets: PerFacet::from_fn(|f| set.facet(f).then(|| q.chosen(f).to_vec())),
            years: set.years().then_some(q.years),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.years.is_none() && self.facets.0.iter().all(Option::is_none)
    }

    /// The locked values of a facet, `None` when it is not locked.
    pub fn values(&self, f: Facet) -> Option<&[String]> {
        self.facets.get(f).as_deref()
    }

    /// Whether a facet value's chip carries the lock (and no remove button).
    pub fn locks(&self, f: Facet) -> bool {
        self.facets.get(f).is_some()
    }

    /// The locked year range: `Some(None)` when the years are locked to none chosen.
    pub fn years(&self) -> Option<Option<(u16, u16)>> {
        self.years
    }

    /// Whether a visitor's query stays inside the lock.
    pub fn allows(&self, q: &Query) -> bool {
        let facets_ok = Facet::ALL.into_iter().all(|f| match self.values(f) {
            None => true,
            Some([]) => q.chosen(f).is_empty(),
            Some(locked) => {
                let chosen = q.chosen(f);
                !chosen.is_empty() && chosen.iter().all(|k| locked.contains(k))
            }
        });
        let years_ok = match self.years {
            None => true,
            Some(None) => q.years.is_none(),
            Some(Some((a, b))) => q.years.is_some_and(|(c, d)| a <= c && d <= b),
        };
        facets_ok && years_ok
    }

    /// Brings a query inside the lock: a locked facet keeps only its locked values, and all of them when none
    /// would remain; the year range is cut to the locked one, and is the locked one when none or nothing would
    /// remain. Other filters stay as they are.
    pub fn clamp(&self, q: &mut Query) {
        for f in Facet::ALL {
            let Some(locked) = self.values(f) else { continue };
            let chosen = q.chosen.get_mut(f);
            chosen.retain(|k| locked.contains(k));
            if chosen.is_empty() {
                chosen.extend(locked.iter().cloned());
            }
        }
        match self.years {
            None => {}
            Some(None) => q.years = None,
            Some(Some((a, b))) => {
                let cut = q.years.map(|(c, d)| (c.max(a), d.min(b))).filter(|(c, d)| c <= d);
                q.years = Some(cut.unwrap_or((a, b)));
            }
        }
    }

    /// The narrowest year span a visitor may choose within `span` (the data's years).
    pub fn year_span(&self, span: (u16, u16)) -> (u16, u16) {
        match self.years {
            Some(Some((a, b))) => (a.max(span.0).min(span.1), b.min(span.1).max(span.0)),
            _ => span,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(s: &str) -> Query {
        Query::from_params(s.split('&').filter_map(|p| p.split_once('='))).0
    }

    #[test]
    fn only_an_embed_locks_and_only_what_it_names() {
        assert!(
            Lock::of(&query("lock=tech&tech=ai")).is_empty(),
            "no lock without embed=1"
        );
        let lock = Lock::of(&query("embed=1&lock=tech&tech=ai&tech=iot&kind=sme"));
        assert_eq!(
            lock.values(Facet::Technology),
            Some(&["ai".to_string(), "iot".to_string()][..])
        );
        assert!(lock.values(Facet::Kind).is_none(), "kind is chosen but not locked");
        assert!(lock.locks(Facet::Technology) && !lock.locks(Facet::Kind));
        assert!(lock.years().is_none());
    }

    #[test]
    fn a_visitor_narrows_inside_the_lock_and_never_widens_it() {
        let start = query("embed=1&lock=tech,kind&tech=ai&tech=iot&kind=startup");
        let lock = Lock::of(&start);
        assert!(lock.allows(&start));
        let mut q = start.clone();
        q.toggle(Facet::Technology, "iot");
        assert!(lock.allows(&q), "unticking one of two locked values narrows");
        let mut last = q.clone();
        last.toggle(Facet::Technology, "ai");
        assert!(
            !lock.allows(&last),
            "unticking the last locked value would widen to every technology"
        );
        let mut other = start.clone();
        other.toggle(Facet::Technology, "media");
        assert!(!lock.allows(&other), "another value widens");
        let mut cleared = start.clone();
        cleared.clear_filters();
        assert!(!lock.allows(&cleared));
        let mut free = start.clone();
        free.toggle(Facet::Sector, "games");
        free.text = "lab".into();
        assert!(lock.allows(&free), "filters that are not locked stay free");
    }

    #[test]
    fn a_locked_facet_without_values_stays_unfiltered() {
        let start = query("embed=1&lock=region");
        let lock = Lock::of(&start);
        let mut q = start.clone();
        q.toggle(Facet::Region, "11001");
        assert!(!lock.allows(&q));
        lock.clamp(&mut q);
        assert!(q.chosen(Facet::Region).is_empty());
    }

    #[test]
    fn locked_years_narrow_inside_the_range() {
        let lock = Lock::of(&query("embed=1&lock=years&years=2020-2024"));
        let with = |y: Option<(u16, u16)>| Query {
            years: y,
            ..Query::default()
        };
        assert!(lock.allows(&with(Some((2021, 2023)))));
        assert!(!lock.allows(&with(Some((2019, 2023)))));
        assert!(!lock.allows(&with(None)), "no range is every year: wider");
        let mut q = with(Some((2018, 2022)));
        lock.clamp(&mut q);
        assert_eq!(q.years, Some((2020, 2022)), "cut to the lock");
        let mut q = with(Some((2010, 2012)));
        lock.clamp(&mut q);
        assert_eq!(q.years, Some((2020, 2024)), "nothing left: the locked range");
        assert_eq!(lock.year_span((2015, 2023)), (2020, 2023));
        let none = Lock::of(&query("embed=1&lock=years"));
        let mut q = with(Some((2021, 2021)));
        assert!(!none.allows(&q));
        none.clamp(&mut q);
        assert_eq!(q.years, None);
        assert_eq!(none.year_span((2015, 2023)), (2015, 2023));
    }

    #[test]
    fn clamp_keeps_locked_values_and_restores_the_lock_when_none_remain() {
        let start = query("embed=1&lock=tech&tech=ai&tech=iot");
        let lock = Lock::of(&start);
        let mut q = query("tech=iot&tech=media&kind=sme");
        lock.clamp(&mut q);
        assert_eq!(q.chosen(Facet::Technology), ["iot".to_string()]);
        assert_eq!(q.chosen(Facet::Kind), ["sme".to_string()], "unlocked facets untouched");
        assert!(lock.allows(&q));
        let mut q = query("tech=media");
        lock.clamp(&mut q);
        assert_eq!(q.chosen(Facet::Technology), start.chosen(Facet::Technology));
        let mut q = Query::default();
        lock.clamp(&mut q);
        assert!(lock.allows(&q), "clearing returns to the lock");
    }

    #[test]
    fn no_lock_allows_everything_and_clamps_nothing() {
        let lock = Lock::default();
        let mut q = query("tech=ai&years=2020");
        assert!(lock.allows(&Query::default()) && lock.allows(&q));
        let before = q.clone();
        lock.clamp(&mut q);
        assert_eq!(q, before);
    }
}
