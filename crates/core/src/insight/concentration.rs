//! Where a technology is concentrated: the location quotient per region (Berlin's Bezirke, Brandenburg's
//! Kreise; `regions.rs`) against all actors of the selection.
//!
//! LQ = (technology actors in the region / technology actors) / (actors in the region / actors). Actors are the
//! selected ones located in a region (the map's rule: `Actor::location.region`, the index's region bitsets);
//! actors without a region count in neither, so the regions' counts add up to the totals. A technology actor
//! lists the technology itself (the filter's and `stats::technology_profile`'s rule). A region with fewer than
//! [`MIN_ACTORS`] technology actors is flagged `too_few`: its quotient is shown with its counts but never
//! leads a ranking. LQ > 1: above the cluster average; < 1: below.
//!
//! Strengths and gaps ([`Class`], the choropleths' colours and the tables' words, decided here once): a
//! strength is LQ >= [`WELL_ABOVE`] with at least `MIN_ACTORS` technology actors; a gap is LQ < [`WELL_BELOW`]
//! where at the cluster average the region would have at least `MIN_ACTORS` technology actors (`expected`), so
//! a big district with no AI actor at all is a gap, while a small county with none is only "too few to tell".

use crate::bitset::Bitset;
use crate::filter::Selection;
use crate::index::Index;
use crate::model::{RegionId, TechnologyId};

/// Below this many technology actors a region's quotient is `too_few` to be a headline.
pub const MIN_ACTORS: u32 = 5;

/// From this quotient a region with enough actors is a strength.
pub const WELL_ABOVE: f64 = 1.25;
/// Under this quotient a region where enough actors were expected is a gap.
pub const WELL_BELOW: f64 = 0.8;

/// A region's class for one technology (module doc), strongest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Class {
    /// A strength: LQ >= 1.25 with at least `MIN_ACTORS` technology actors.
    WellAbove,
    /// LQ 1 to 1.25 with at least `MIN_ACTORS` technology actors.
    Above,
    /// LQ 0.8 to 1 with at least `MIN_ACTORS` technology actors.
    Below,
    /// A gap: LQ < 0.8 where at least `MIN_ACTORS` technology actors were expected.
    WellBelow,
    /// Too few actors to tell.
    TooFew,
    /// No quotient: the region (or the technology) has no actors.
    NoActors,
}

impl Class {
    /// Every class, strongest first (the legends' order).
    pub const ALL: [Class; 6] = [
        Class::WellAbove,
        Class::Above,
        Class::Below,
        Class::WellBelow,
        Class::TooFew,
        Class::NoActors,
    ];
    pub fn index(self) -> usize {
        self as usize
    }
}

/// Against the cluster average (LQ = 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    Above,
    Even,
    Below,
}

/// One region's quotient for one technology.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RegionShare {
    pub region: RegionId,
    /// Selected actors in the region that list the technology.
    pub technology_actors: u32,
    /// Selected actors in the region.
    pub actors: u32,
    /// The location quotient; `None` when the region or the technology has no actors.
    pub lq: Option<f64>,
    /// Fewer than [`MIN_ACTORS`] technology actors here.
    pub too_few: bool,
    /// Technology actors the region would have at the cluster average (its actors × the technology's share).
    pub expected: f64,
}

impl RegionShare {
    /// Strength, gap or in between (module doc).
    pub fn class(&self) -> Class {
        let Some(lq) = self.lq else { return Class::NoActors };
        if !self.too_few {
            if lq >= WELL_ABOVE {
                return Class::WellAbove;
            }
            if lq >= 1.0 {
                return Class::Above;
            }
        }
        if lq < WELL_BELOW && self.expected >= f64::from(MIN_ACTORS) {
            Class::WellBelow
        } else if self.too_few {
            Class::TooFew
        } else {
            Class::Below
        }
    }

    /// Above, even with or below the cluster average; `None` without a quotient.
    pub fn standing(&self) -> Option<Standing> {
        self.lq.map(|lq| {
            if (lq - 1.0).abs() < 1e-9 {
                Standing::Even
            } else if lq > 1.0 {
                Standing::Above
            } else {
                Standing::Below
            }
        })
    }
}

/// One technology's quotients in every region.
#[derive(Clone, Debug, PartialEq)]
pub struct Concentration {
    pub technology: TechnologyId,
    /// Selected, located actors that list the technology (the sum of the regions' `technology_actors`).
    pub technology_actors: u32,
    /// Selected, located actors (the sum of the regions' `actors`).
    pub actors: u32,
    /// By `RegionId`.
    pub regions: Vec<RegionShare>,
}

impl Concentration {
    /// The regions as a ranking: those with enough actors first, by quotient (highest first), then the
    /// `too_few` ones, each by quotient; ties by region id. Regions without a quotient are left out.
    pub fn ranked(&self) -> Vec<RegionShare> {
        let mut out: Vec<RegionShare> = self.regions.iter().filter(|r| r.lq.is_some()).copied().collect();
        out.sort_by(|x, y| {
            x.too_few
                .cmp(&y.too_few)
                .then(y.lq.unwrap_or(0.0).total_cmp(&x.lq.unwrap_or(0.0)))
                .then(x.region.cmp(&y.region))
        });
        out
    }
}

/// The selected actors located in each region (by `RegionId`) and in all.
fn located(idx: &Index, actors: &Bitset) -> (Vec<u32>, u32) {
    let per: Vec<u32> = (0..idx.region_count())
        .map(|r| idx.region_actors(RegionId(r as u16)).and_count(actors))
        .collect();
    let all = per.iter().sum();
    (per, all)
}

fn of_technology(idx: &Index, sel: &Selection, t: TechnologyId, all: &(Vec<u32>, u32)) -> Concentration {
    let mut tech = sel.actors.clone();
    if t.index() < idx.technology_count() {
        tech.and_with(idx.technology_actors(t));
    } else {
        tech.clear_all();
    }
    let (tech_per, tech_all) = located(idx, &tech);
    let (per, actors) = all;
    let regions = tech_per
        .iter()
        .zip(per)
        .enumerate()
        .map(|(r, (&ta, &a))| {
            let lq = (a > 0 && tech_all > 0 && *actors > 0)
                .then(|| (ta as f64 / tech_all as f64) / (a as f64 / *actors as f64));
            RegionShare {
                region: RegionId(r as u16),
                technology_actors: ta,
                actors: a,
                lq,
                too_few: ta < MIN_ACTORS,
                expected: if *actors > 0 {
                    f64::from(a) * f64::from(tech_all) / f64::from(*actors)
                } else {
                    0.0
                },
            }
        })
        .collect();
    Concentration {
        technology: t,
        technology_actors: tech_all,
        actors: *actors,
        regions,
    }
}

/// Technology `t`'s quotient in every region under `sel`.
pub fn concentration(idx: &Index, sel: &Selection, t: TechnologyId) -> Concentration {
    of_technology(idx, sel, t, &located(idx, &sel.actors))
}

/// Every technology × every region (the choropleth's and the table's matrix), by `TechnologyId`.
pub fn matrix(idx: &Index, sel: &Selection) -> Vec<Concentration> {
    let all = located(idx, &sel.actors);
    (0..idx.technology_count())
        .map(|t| of_technology(idx, sel, TechnologyId(t as u16), &all))
        .collect()
}

#[cfg(test)]
#[path = "concentration_tests.rs"]
mod tests;
