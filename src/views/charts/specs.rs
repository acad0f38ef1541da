//! Turns core::stats figures for the current selection into the six localised chart descriptions.
//!
//! Pure (no DOM): the view memoises `build` and draws each spec; tests run natively.

use ecomap_core::filter::Selection;
use ecomap_core::format;
use ecomap_core::index::Index;
use ecomap_core::model::{ActorKind, Dataset, Eur, Lang};
use ecomap_core::query::Query;
use ecomap_core::stats::{self, YearReading};

use super::chart_spec::{Category, ChartSpec, Key, Orientation, Series, Unit};
use super::texts::view_texts;
use crate::i18n::kind_name;

/// What the charts are drawn from.
pub struct Inputs<'a> {
    pub ds: &'a Dataset,
    pub idx: &'a Index,
    /// The selection (all filters).
    pub sel: &'a Selection,
    /// The selection without the year range, for the per-year charts (a facet does not filter itself).
    pub sel_all_years: &'a Selection,
    pub query: &'a Query,
    pub reading: YearReading,
    pub lang: Lang,
}

/// The year the figures describe: the end of the chosen range, else the data's reference year.
pub fn year_in_view(ds: &Dataset, q: &Query) -> Option<u16> {
    q.years.map(|y| y.0.max(y.1)).or_else(|| stats::reference_year(ds))
}

fn tech_name(ds: &Dataset, t: usize, lang: Lang) -> String {
    let tech = &ds.technologies[t];
    let n = tech.name.get(lang);
    if n.is_empty() {
        tech.key.clone()
    } else {
        n.to_string()
    }
}

/// All six charts, in page order.
pub fn build(i: &Inputs) -> Vec<ChartSpec> {
    let t = view_texts(i.lang);
    let (ds, lang) = (i.ds, i.lang);
    let (from, to) = stats::project_year_span(ds).unwrap_or((2020, 2020));
    let year = year_in_view(ds, i.query);
    let chosen_tech = |k: &str| i.query.technologies.iter().any(|x| x == k);
    // One bar per technology (the charts by technology and the composition by kind).
    let technology_categories = || -> Vec<Category> {
        ds.technologies
            .iter()
            .enumerate()
            .map(|(k, tech)| Category {
                label: tech_name(ds, k, lang),
                key: Key::Technology(tech.key.clone()),
                chosen: chosen_tech(&tech.key),
            })
            .collect()
    };

    // 1. Volume per year stacked by primary technology.
    let stacks = stats::volume_by_year_and_technology(ds, i.sel_all_years, from, to, i.reading);
    let nt = ds.technologies.len();
    let mut series: Vec<Series> = (0..nt)
        .map(|k| Series {
            name: tech_name(ds, k, lang),
            key: Some(Key::Technology(ds.technologies[k].key.clone())),
            colour: k,
        })
        .collect();
    let with_none = stacks.iter().any(|r| r.without_technology.0 > 0);
    if with_none {
        series.push(Series {
            name: t.no_technology.to_string(),
            key: None,
            colour: 8,
        });
    }
    let year_cats = |rows: &mut dyn Iterator<Item = u16>| -> Vec<Category> {
        rows.map(|y| Category {
            label: y.to_string(),
            key: Key::Year(y),
            chosen: i.query.years.is_some() && Some(y) == year,
        })
        .collect()
    };
    let head = year.map(|y| stats::headline(ds, i.sel, y));
    let year_summary = head
        .map(|h| {
            format!(
                "{}: {} {}, {}, {} {}",
                h.year,
                format::int(h.projects as u64, lang),
                t.projects_word,
                format::eur_compact(h.volume, lang),
                format::int(h.new_projects as u64, lang),
                t.new_word
            )
        })
        .unwrap_or_default();
    let by_year = ChartSpec {
        id: "volume-by-year",
        title: format!(
            "{} ({})",
            t.by_year_title,
            match i.reading {
                YearReading::Running => t.running,
                YearReading::Started => t.started,
            }
        ),
        summary: year_summary.clone(),
        note: match i.reading {
            YearReading::Running => t.by_year_running_note,
            YearReading::Started => t.by_year_started_note,
        }
        .to_string(),
        category_axis: t.year.to_string(),
        value_axis: t.volume_eur.to_string(),
        orientation: Orientation::Columns,
        unit: Unit::Eur,
        categories: year_cats(&mut stacks.iter().map(|r| r.year)),
        series,
        values: stacks
            .iter()
            .map(|r| {
                let mut v: Vec<u64> = r.by_technology.iter().map(|e| e.0).collect();
                if with_none {
                    v.push(r.without_technology.0);
                }
                v
            })
            .collect(),
        lang,
    };

    // 2. Projects per year, new and ongoing.
    let no = stats::projects_new_and_ongoing(ds, i.sel_all_years, from, to);
    let new_ongoing = ChartSpec {
        id: "projects-by-year",
        title: t.new_ongoing_title.to_string(),
        summary: year_summary,
        note: t.new_ongoing_note.to_string(),
        category_axis: t.year.to_string(),
        value_axis: t.projects_count.to_string(),
        orientation: Orientation::Columns,
        unit: Unit::Count,
        categories: year_cats(&mut no.iter().map(|r| r.year)),
        series: vec![
            Series {
                name: t.new.to_string(),
                key: None,
                colour: 1,
            },
            Series {
                name: t.ongoing.to_string(),
                key: None,
                colour: 0,
            },
        ],
        values: no.iter().map(|r| vec![r.new as u64, r.ongoing as u64]).collect(),
        lang,
    };

    // The selection's totals for the other charts.
    let (n_projects, volume) = i.sel.projects.iter_ones().fold((0u64, 0u64), |(n, v), p| {
        (n + 1, v + ds.projects.get(p).map(|x| x.volume.0).unwrap_or(0))
    });
    let range = match i.query.years {
        Some((a, b)) if a == b => a.to_string(),
        Some((a, b)) => format!("{}–{}", a.min(b), a.max(b)),
        None => format!("{from}–{to}"),
    };
    let sel_summary = format!(
        "{} ({range}): {} {}, {}",
        t.selection,
        format::int(n_projects, lang),
        t.projects_word,
        format::eur_compact(Eur(volume), lang)
    );

    // 3. Volume by technology (each technology of a project).
    let by_tech = stats::volume_by_technology(ds, i.sel);
    let by_technology = ChartSpec {
        id: "volume-by-technology",
        title: t.by_technology_title.to_string(),
        summary: sel_summary.clone(),
        note: t.by_technology_note.to_string(),
        category_axis: t.technology.to_string(),
        value_axis: t.volume_eur.to_string(),
        orientation: Orientation::Bars,
        unit: Unit::Eur,
        categories: technology_categories(),
        series: vec![Series {
            name: t.volume_eur.to_string(),
            key: None,
            colour: 0,
        }],
        values: by_tech.iter().map(|s| vec![s.volume.0]).collect(),
        lang,
    };

    // 4. Volume by sector (sectors of the selected participants), largest first.
    let by_sect = stats::volume_by_sector(ds, i.idx, i.sel);
    let mut order: Vec<usize> = (0..by_sect.len()).collect();
    order.sort_by(|&a, &b| by_sect[b].volume.cmp(&by_sect[a].volume).then(a.cmp(&b)));
    let by_sector = ChartSpec {
        id: "volume-by-sector",
        title: t.by_sector_title.to_string(),
        summary: sel_summary.clone(),
        note: t.by_sector_note.to_string(),
        category_axis: t.sector.to_string(),
        value_axis: t.volume_eur.to_string(),
        orientation: Orientation::Bars,
        unit: Unit::Eur,
        categories: order
            .iter()
            .map(|&s| {
                let sec = &ds.sectors[s];
                let name = sec.name.get(lang);
                Category {
                    label: if name.is_empty() {
                        sec.key.clone()
                    } else {
                        name.to_string()
                    },
                    key: Key::Sector(sec.key.clone()),
                    chosen: i.query.sectors.contains(&sec.key),
                }
            })
            .collect(),
        series: vec![Series {
            name: t.volume_eur.to_string(),
            key: None,
            colour: 0,
        }],
        values: order.iter().map(|&s| vec![by_sect[s].volume.0]).collect(),
        lang,
    };

    // 5. Composition: actors by kind per technology.
    let comp = stats::composition(ds, i.sel);
    let composition = ChartSpec {
        id: "composition",
        title: t.composition_title.to_string(),
        summary: format!(
            "{}: {} {}",
            t.selection,
            format::int(i.sel.actors.count_ones() as u64, lang),
            t.actors_word
        ),
        note: t.composition_note.to_string(),
        category_axis: t.technology.to_string(),
        value_axis: t.actors_count.to_string(),
        orientation: Orientation::Bars,
        unit: Unit::Count,
        categories: technology_categories(),
        series: ActorKind::ALL
            .iter()
            .map(|&k| Series {
                name: kind_name(k, lang).to_string(),
                key: Some(Key::Kind(k)),
                colour: 16 + k.index(),
            })
            .collect(),
        values: comp.iter().map(|row| row.iter().map(|&c| c as u64).collect()).collect(),
        lang,
    };

    // 6. Top 10 actors by volume.
    let top = stats::top_actors(ds, i.idx, i.sel, stats::TOP_ACTORS);
    let focused = match &i.query.focus {
        Some(ecomap_core::query::Focus::Actor(k)) => Some(k.as_str()),
        _ => None,
    };
    let top_actors = ChartSpec {
        id: "top-actors",
        title: t.top_title.to_string(),
        summary: sel_summary,
        note: t.top_note.to_string(),
        category_axis: t.actor.to_string(),
        value_axis: t.volume_eur.to_string(),
        orientation: Orientation::Bars,
        unit: Unit::Eur,
        categories: top
            .iter()
            .map(|a| {
                let actor = ds.actor(a.actor);
                Category {
                    label: actor.name.clone(),
                    key: Key::Actor(actor.key.clone()),
                    chosen: focused == Some(actor.key.as_str()),
                }
            })
            .collect(),
        series: vec![Series {
            name: t.volume_eur.to_string(),
            key: None,
            colour: 0,
        }],
        values: top.iter().map(|a| vec![a.volume.0]).collect(),
        lang,
    };
    vec![by_year, new_ongoing, by_technology, by_sector, composition, top_actors]
}
