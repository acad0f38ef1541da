//! Figures over a selection: the headline for a year and per-technology profiles.
//!
//! Years follow decisions.md: a project is active in Y when start <= Y <= end; headline volume is the sum of
//! the total volumes of active projects; a project with several technologies counts under each of them.

use crate::filter::Selection;
use crate::index::Index;
use crate::model::{ActorId, Dataset, Eur, ProjectId, TechnologyId};

/// The headline figures for one year ("98 projects, 68.9 M EUR, 42 new").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Headline {
    pub year: u16,
    /// Selected projects active in `year`.
    pub projects: u32,
    /// Sum of their total volumes.
    pub volume: Eur,
    /// Those of them that start in `year`.
    pub new_projects: u32,
    /// Selected actors (the length of the list the visitor sees; not limited to project participants).
    pub actors: u32,
}

/// The year the headline describes: `meta.reference_year`, else the latest project start year; `None` for a
/// dataset without either.
pub fn reference_year(ds: &Dataset) -> Option<u16> {
    ds.meta
        .reference_year
        .or_else(|| ds.projects.iter().map(|p| p.start).max())
}

/// Headline figures of the selection for `year`. Projects come from `sel.projects`, so a year outside the
/// selection's year range gives zero projects.
pub fn headline(ds: &Dataset, sel: &Selection, year: u16) -> Headline {
    let mut h = Headline {
        year,
        actors: sel.actors.count_ones(),
        ..Headline::default()
    };
    for p in sel.projects.iter_ones() {
        let Some(pr) = ds.projects.get(p) else { continue };
        if pr.active_in(year) {
            h.projects += 1;
            h.volume.0 += pr.volume.0;
            if pr.start == year {
                h.new_projects += 1;
            }
        }
    }
    h
}

/// Figures of one year, in both readings decisions.md asks charts to offer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct YearFigures {
    pub year: u16,
    /// Projects running (active) in the year: matches the headline; not additive across years.
    pub running_projects: u32,
    pub running_volume: Eur,
    /// Projects started in the year: additive across years.
    pub started_projects: u32,
    pub started_volume: Eur,
}

/// The years `from..=to` (inclusive; swapped when reversed) for the selected projects that pass `keep`.
fn year_rows(
    ds: &Dataset,
    sel: &Selection,
    from: u16,
    to: u16,
    mut keep: impl FnMut(usize) -> bool,
) -> Vec<YearFigures> {
    let (from, to) = if from <= to { (from, to) } else { (to, from) };
    let mut rows: Vec<YearFigures> = (from..=to)
        .map(|year| YearFigures {
            year,
            ..YearFigures::default()
        })
        .collect();
    for p in sel.projects.iter_ones() {
        let Some(pr) = ds.projects.get(p) else { continue };
        if pr.end < from || pr.start > to || !keep(p) {
            continue;
        }
        for y in pr.start.max(from)..=pr.end.min(to) {
            let row = &mut rows[(y - from) as usize];
            row.running_projects += 1;
            row.running_volume.0 += pr.volume.0;
        }
        if (from..=to).contains(&pr.start) {
            let row = &mut rows[(pr.start - from) as usize];
            row.started_projects += 1;
            row.started_volume.0 += pr.volume.0;
        }
    }
    rows
}

/// Per-year figures of the selected projects for `from..=to`.
pub fn years(ds: &Dataset, sel: &Selection, from: u16, to: u16) -> Vec<YearFigures> {
    year_rows(ds, sel, from, to, |_| true)
}

/// Per-year figures per technology (indexed by `TechnologyId`). With `primary_only`, a project counts only
/// under its first listed technology, so the stacks add up to `years`; otherwise under each of its
/// technologies (say so on the chart: "a project counts under each of its technologies").
pub fn years_by_technology(
    ds: &Dataset,
    idx: &Index,
    sel: &Selection,
    from: u16,
    to: u16,
    primary_only: bool,
) -> Vec<Vec<YearFigures>> {
    (0..idx.technology_count())
        .map(|t| {
            let tid = TechnologyId(t as u16);
            if primary_only {
                year_rows(ds, sel, from, to, |p| ds.projects[p].technologies.first() == Some(&tid))
            } else {
                let tp = idx.technology_projects(tid);
                year_rows(ds, sel, from, to, |p| tp.get(p))
            }
        })
        .collect()
}

/// Per-year figures of the selected projects that list technology `t` for `from..=to` (one column of
/// `years_by_technology` without `primary_only`).
pub fn technology_years(
    ds: &Dataset,
    idx: &Index,
    sel: &Selection,
    t: TechnologyId,
    from: u16,
    to: u16,
) -> Vec<YearFigures> {
    if t.index() >= idx.technology_count() {
        return year_rows(ds, sel, from, to, |_| false);
    }
    let tp = idx.technology_projects(t);
    year_rows(ds, sel, from, to, |p| tp.get(p))
}

/// The years the dataset's projects span, (earliest start, latest end); `None` without projects.
pub fn project_year_span(ds: &Dataset) -> Option<(u16, u16)> {
    let from = ds.projects.iter().map(|p| p.start).min()?;
    let to = ds.projects.iter().map(|p| p.end).max()?;
    Some((from, to))
}

/// What the selection holds for one technology.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TechnologyProfile {
    /// Selected actors that list the technology, by `ActorKind::index()`.
    pub actors_by_kind: [u32; 7],
    /// Up to 10 selected actors by number of the technology's selected projects they take part in, then by
    /// the volume of those projects, then by name: (actor, projects, volume). Actors with no such project
    /// are not listed.
    pub leading_actors: Vec<(ActorId, u32, Eur)>,
    /// Selected projects that list the technology, by id.
    pub projects: Vec<ProjectId>,
    /// Sum of their total volumes (a project counts fully under each of its technologies).
    pub volume: Eur,
    /// Selected actors that list the technology.
    pub actors: u32,
}

/// How many leading actors a profile lists.
pub const LEADING_ACTORS: usize = 10;

/// The profile of technology `t` within the selection.
pub fn technology_profile(ds: &Dataset, idx: &Index, t: TechnologyId, sel: &Selection) -> TechnologyProfile {
    let mut prof = TechnologyProfile::default();
    if t.index() >= idx.technology_count() {
        return prof;
    }
    let t_actors = idx.technology_actors(t);
    for a in sel.actors.iter_ones() {
        if t_actors.get(a) {
            prof.actors += 1;
            prof.actors_by_kind[ds.actors[a].kind.index()] += 1;
        }
    }
    let t_projects = idx.technology_projects(t);
    // (actor, projects, volume) accumulated per participation, then merged.
    let mut parts: Vec<(ActorId, Eur)> = Vec::new();
    for p in sel.projects.iter_ones() {
        if !t_projects.get(p) {
            continue;
        }
        let pid = ProjectId(p as u32);
        let vol = ds.project(pid).volume;
        prof.projects.push(pid);
        prof.volume.0 += vol.0;
        parts.extend(
            idx.project_actors(pid)
                .iter()
                .filter(|a| sel.actors.get(a.index()))
                .map(|&a| (a, vol)),
        );
    }
    crate::order::sort_by_key(&mut parts, |&(a, _)| a);
    let mut leading: Vec<(ActorId, u32, Eur)> = Vec::new();
    for (a, v) in parts {
        match leading.last_mut() {
            Some((last, c, sum)) if *last == a => {
                *c += 1;
                sum.0 += v.0;
            }
            _ => leading.push((a, 1, v)),
        }
    }
    crate::order::sort_by(&mut leading, |x, y| {
        y.1.cmp(&x.1)
            .then(y.2.cmp(&x.2))
            .then(idx.name_rank(x.0).cmp(&idx.name_rank(y.0)))
    });
    leading.truncate(LEADING_ACTORS);
    prof.leading_actors = leading;
    prof
}

// ---------------------------------------------------------------------------------------------------------
// Chart aggregations (the charts view). Each is one pass over the selection; see docs/charts.md for what each
// figure means. All take the selection as it is: the view passes a selection without the year range for the
// per-year charts (a facet never filters itself), and the full selection for the others.
// ---------------------------------------------------------------------------------------------------------

/// Which reading of years a per-year chart shows (decisions.md offers both).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum YearReading {
    /// Volume of projects running in each year: matches the headline, not additive across years.
    #[default]
    Running,
    /// Volume of projects started in each year: additive across years.
    Started,
}

impl YearReading {
    pub fn key(self) -> &'static str {
        match self {
            YearReading::Running => "running",
            YearReading::Started => "started",
        }
    }
}

/// One year's volume split by primary technology (the first one a project lists), so the stacks add up to
/// the year's total in the chosen reading.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct YearStack {
    pub year: u16,
    /// Indexed by `TechnologyId`.
    pub by_technology: Vec<Eur>,
    /// Projects that list no technology.
    pub without_technology: Eur,
}

impl YearStack {
    /// The year's total (sum of the stack).
    pub fn total(&self) -> Eur {
        Eur(self.by_technology.iter().map(|v| v.0).sum::<u64>() + self.without_technology.0)
    }
}

/// Volume per year `from..=to` (swapped when reversed), stacked by primary technology, in `reading`.
pub fn volume_by_year_and_technology(
    ds: &Dataset,
    sel: &Selection,
    from: u16,
    to: u16,
    reading: YearReading,
) -> Vec<YearStack> {
    let (from, to) = if from <= to { (from, to) } else { (to, from) };
    let nt = ds.technologies.len();
    let mut rows: Vec<YearStack> = (from..=to)
        .map(|year| YearStack {
            year,
            by_technology: vec![Eur(0); nt],
            without_technology: Eur(0),
        })
        .collect();
    for p in sel.projects.iter_ones() {
        let Some(pr) = ds.projects.get(p) else { continue };
        let (a, b) = match reading {
            YearReading::Running => (pr.start.max(from), pr.end.min(to)),
            YearReading::Started => (pr.start, pr.start),
        };
        if a > b || a < from || b > to {
            continue;
        }
        let tech = pr.technologies.first().map(|t| t.index()).filter(|&t| t < nt);
        for y in a..=b {
            let row = &mut rows[(y - from) as usize];
            match tech {
                Some(t) => row.by_technology[t].0 += pr.volume.0,
                None => row.without_technology.0 += pr.volume.0,
            }
        }
    }
    rows
}

/// Projects of one year: new ones (start = year) and ongoing ones (active, start < year).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NewOngoing {
    pub year: u16,
    pub new: u32,
    pub ongoing: u32,
}

/// New and ongoing projects per year `from..=to`; `new + ongoing` is the headline's project count.
pub fn projects_new_and_ongoing(ds: &Dataset, sel: &Selection, from: u16, to: u16) -> Vec<NewOngoing> {
    years(ds, sel, from, to)
        .into_iter()
        .map(|r| NewOngoing {
            year: r.year,
            new: r.started_projects,
            ongoing: r.running_projects - r.started_projects,
        })
        .collect()
}

/// Projects and their summed volume under one category (a technology or a sector).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Share {
    pub projects: u32,
    pub volume: Eur,
}

/// Volume of the selected projects by technology, indexed by `TechnologyId`. A project counts fully under
/// each of its technologies, so the bars add up to more than the total.
pub fn volume_by_technology(ds: &Dataset, sel: &Selection) -> Vec<Share> {
    let nt = ds.technologies.len();
    let mut out = vec![Share::default(); nt];
    for p in sel.projects.iter_ones() {
        let Some(pr) = ds.projects.get(p) else { continue };
        for t in &pr.technologies {
            if let Some(s) = out.get_mut(t.index()) {
                s.projects += 1;
                s.volume.0 += pr.volume.0;
            }
        }
    }
    out
}

/// Volume of the selected projects by sector, indexed by `SectorId`. Projects have no sector of their own:
/// a project counts (fully, once) under every sector that at least one of its *selected* participants lists.
/// Like technologies, the bars add up to more than the total.
pub fn volume_by_sector(ds: &Dataset, idx: &Index, sel: &Selection) -> Vec<Share> {
    let ns = ds.sectors.len();
    let mut out = vec![Share::default(); ns];
    // The last project counted under each sector, so a project counts once per sector.
    let mut seen: Vec<u32> = vec![u32::MAX; ns];
    for p in sel.projects.iter_ones() {
        let pid = ProjectId(p as u32);
        let vol = ds.project(pid).volume;
        for &a in idx.project_actors(pid) {
            if !sel.actors.get(a.index()) {
                continue;
            }
            for s in &ds.actor(a).sectors {
                let si = s.index();
                if si < ns && seen[si] != p as u32 {
                    seen[si] = p as u32;
                    out[si].projects += 1;
                    out[si].volume.0 += vol.0;
                }
            }
        }
    }
    out
}

/// The ecosystem around each technology: selected actors that list it, by `ActorKind::index()`; indexed by
/// `TechnologyId`. An actor with several technologies counts under each.
pub fn composition(ds: &Dataset, sel: &Selection) -> Vec<[u32; 7]> {
    let nt = ds.technologies.len();
    let mut out = vec![[0u32; 7]; nt];
    for a in sel.actors.iter_ones() {
        let Some(actor) = ds.actors.get(a) else { continue };
        for t in &actor.technologies {
            if let Some(row) = out.get_mut(t.index()) {
                row[actor.kind.index()] += 1;
            }
        }
    }
    out
}

/// One actor's share of the selected projects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TopActor {
    pub actor: ActorId,
    /// Sum of the total volumes of the selected projects it takes part in (each project fully).
    pub volume: Eur,
    pub projects: u32,
}

/// How many actors the top chart shows.
pub const TOP_ACTORS: usize = 10;

/// Up to `n` selected actors by the volume of the selected projects they take part in, then by number of
/// projects, then by name. Actors without a selected project are not listed.
pub fn top_actors(ds: &Dataset, idx: &Index, sel: &Selection, n: usize) -> Vec<TopActor> {
    let mut volume = vec![0u64; ds.actors.len()];
    let mut count = vec![0u32; ds.actors.len()];
    for p in sel.projects.iter_ones() {
        let pid = ProjectId(p as u32);
        let vol = ds.project(pid).volume.0;
        for &a in idx.project_actors(pid) {
            if sel.actors.get(a.index()) {
                volume[a.index()] += vol;
                count[a.index()] += 1;
            }
        }
    }
    let mut all: Vec<TopActor> = (0..ds.actors.len())
        .filter(|&a| count[a] > 0)
        .map(|a| TopActor {
            actor: ActorId(a as u32),
            volume: Eur(volume[a]),
            projects: count[a],
        })
        .collect();
    let order = |x: &TopActor, y: &TopActor| {
        y.volume
            .cmp(&x.volume)
            .then(y.projects.cmp(&x.projects))
            .then(idx.name_rank(x.actor).cmp(&idx.name_rank(y.actor)))
    };
    if all.len() > n && n > 0 {
        all.select_nth_unstable_by(n - 1, order);
    }
    all.truncate(n);
    crate::order::sort_by(&mut all, order);
    all
}

/// The reference for a size scale over `values` (e.g. actors' project volumes): the 98th percentile of the
/// positive values, so one outlier does not shrink every other mark; 0 when none is positive.
pub fn size_reference(values: impl IntoIterator<Item = u64>) -> f64 {
    let mut v: Vec<u64> = values.into_iter().filter(|&x| x > 0).collect();
    if v.is_empty() {
        return 0.0;
    }
    let k = ((v.len() - 1) as f64 * 0.98).round() as usize;
    let (_, nth, _) = v.select_nth_unstable(k);
    *nth as f64
}

/// A radius on an area-proportional scale: `min` at 0, `max` at `reference` and above, and in between the
/// area above the smallest mark grows linearly with the value (r² = min² + (max² − min²) · value / reference).
/// Without a positive reference every mark is `min`.
pub fn area_radius(value: f64, reference: f64, min: f32, max: f32) -> f32 {
    if reference <= 0.0 || value.is_nan() || value <= 0.0 {
        return min;
    }
    let t = (value / reference).min(1.0) as f32;
    (min * min + (max * max - min * min) * t).sqrt()
}
