//! The four charts of the whole selection, one bar per technology, sector or actor: volume by technology,
//! volume by sector (largest first), the ecosystem's actors by kind per technology, and the top 10 actors.

use ecomap_core::facet::Facet;
use ecomap_core::format;
use ecomap_core::model::ActorKind;
use ecomap_core::query::ResolvedFocus;
use ecomap_core::stats;

use super::super::chart_spec::{Category, ChartSpec, Key, Orientation, Series, Unit};
use super::super::texts::ViewTexts;
use super::{technology_categories, Inputs};
use crate::i18n::kind_name;

/// The one series of a single-series volume chart.
fn volume_series(t: &ViewTexts) -> Vec<Series> {
    vec![Series {
        name: t.volume_eur.to_string(),
        key: None,
        colour: 0,
    }]
}

/// 3. Volume by technology: a project counts fully under each of its technologies.
pub fn volume_by_technology(i: &Inputs, t: &ViewTexts, summary: String) -> ChartSpec {
    let by_tech = stats::volume_by_technology(i.ds, i.sel);
    ChartSpec {
        id: "volume-by-technology",
        title: t.by_technology_title.to_string(),
        summary,
        note: t.by_technology_note.to_string(),
        category_axis: t.technology.to_string(),
        value_axis: t.volume_eur.to_string(),
        orientation: Orientation::Bars,
        unit: Unit::Eur,
        categories: technology_categories(i),
        series: volume_series(t),
        values: by_tech.iter().map(|s| vec![s.volume.0]).collect(),
        lang: i.lang,
    }
}

/// 4. Volume by sector (sectors of the selected participants), largest first.
pub fn volume_by_sector(i: &Inputs, t: &ViewTexts, summary: String) -> ChartSpec {
    let (ds, lang) = (i.ds, i.lang);
    let by_sect = stats::volume_by_sector(ds, i.idx, i.sel);
    let mut order: Vec<usize> = (0..by_sect.len()).collect();
    ecomap_core::order::sort_by(&mut order, |&a, &b| {
        by_sect[b].volume.cmp(&by_sect[a].volume).then(a.cmp(&b))
    });
    ChartSpec {
        id: "volume-by-sector",
        title: t.by_sector_title.to_string(),
        summary,
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
                    chosen: i.resolved.filter.chosen(Facet::Sector).contains(&(s as u32)),
                }
            })
            .collect(),
        series: volume_series(t),
        values: order.iter().map(|&s| vec![by_sect[s].volume.0]).collect(),
        lang,
    }
}

/// 5. Composition: selected actors by kind per technology (an actor counts under each of its technologies).
pub fn composition(i: &Inputs, t: &ViewTexts) -> ChartSpec {
    let lang = i.lang;
    let comp = stats::composition(i.ds, i.sel);
    ChartSpec {
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
        categories: technology_categories(i),
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
    }
}

/// 6. Top 10 actors by the volume of the selected projects they take part in; the focused actor is chosen.
pub fn top_actors(i: &Inputs, t: &ViewTexts, summary: String) -> ChartSpec {
    let ds = i.ds;
    let top = stats::top_actors(ds, i.idx, i.sel, stats::TOP_ACTORS);
    let focused = match i.resolved.focus {
        Some(ResolvedFocus::Actor(a)) => Some(ds.actor(a).key.as_str()),
        _ => None,
    };
    ChartSpec {
        id: "top-actors",
        title: t.top_title.to_string(),
        summary,
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
        series: volume_series(t),
        values: top.iter().map(|a| vec![a.volume.0]).collect(),
        lang: i.lang,
    }
}
