//! Every technology's regional strengths and gaps as a document (issue 17, item 4; core's
//! `concentration::matrix` and its `Class`): per technology its strengths and gaps, one map per technology,
//! and the full table of location quotients with counts.

use ecomap_core::format;
use ecomap_core::insight::concentration::{matrix, Class, Concentration, RegionShare};
use ecomap_core::model::TechnologyId;

use crate::doc::{Cell, Doc, Section, Table};
use crate::nav;
use crate::profile::Inputs;
use crate::texts::{class_word, decimal, texts};
use crate::texts_regions::{gap_entry, regions_texts};

/// The document of every technology under the Query's filters.
pub fn document(i: &Inputs) -> Doc {
    let rt = regions_texts(i.lang);
    let m = matrix(i.idx, i.sel);
    let links = (0..i.ds.technologies.len())
        .map(|t| {
            let t = TechnologyId(t as u16);
            let name = i.ds.technology(t).name.get(i.lang);
            Cell::link(
                format!("{}: {name}", texts(i.lang).profile),
                nav::profile(i.query, i.ds, t),
            )
        })
        .collect();
    Doc {
        testid: "regions",
        title: rt.title.to_string(),
        sections: vec![
            Section {
                testid: "regions-summary",
                lines: vec![rt.note.to_string()],
                links,
                ..Section::default()
            },
            strengths_and_gaps(i, &m),
            maps(i, &m),
            table(i, &m),
        ],
    }
}

fn strengths_and_gaps(i: &Inputs, m: &[Concentration]) -> Section {
    let (l, tx, rt) = (i.lang, texts(i.lang), regions_texts(i.lang));
    let name = |r: &RegionShare| i.ds.region(r.region).name.clone();
    let count = |n: u32| format::int(u64::from(n), l);
    let rows = m
        .iter()
        .map(|c| {
            let t = i.ds.technology(c.technology);
            let mut strong: Vec<&RegionShare> = c.regions.iter().filter(|r| r.class() == Class::WellAbove).collect();
            strong.sort_by(|x, y| y.lq.unwrap_or(0.0).total_cmp(&x.lq.unwrap_or(0.0)));
            let mut gaps: Vec<&RegionShare> = c.regions.iter().filter(|r| r.class() == Class::WellBelow).collect();
            gaps.sort_by(|x, y| x.lq.unwrap_or(0.0).total_cmp(&y.lq.unwrap_or(0.0)));
            let strong: Vec<String> = strong
                .iter()
                .map(|r| {
                    format!(
                        "{} ({}; {})",
                        name(r),
                        decimal(r.lq.unwrap_or(0.0), 2, l),
                        count(r.technology_actors)
                    )
                })
                .collect();
            let gaps: Vec<String> = gaps
                .iter()
                .map(|r| {
                    let lq = decimal(r.lq.unwrap_or(0.0), 2, l);
                    gap_entry(
                        &name(r),
                        &lq,
                        &count(r.technology_actors),
                        &decimal(r.expected, 0, l),
                        l,
                    )
                })
                .collect();
            let or_none = |v: Vec<String>| if v.is_empty() { "–".to_string() } else { v.join(", ") };
            vec![
                Cell::tech(t.name.get(l).to_string(), &t.key),
                Cell::num(count(c.technology_actors)),
                Cell::text(or_none(strong)),
                Cell::text(or_none(gaps)),
            ]
        })
        .collect();
    Section {
        testid: "regions-gaps",
        heading: rt.summary.to_string(),
        tables: vec![Table {
            caption: rt.summary_caption.to_string(),
            head: vec![
                tx.technology.to_string(),
                tx.tech_actors.to_string(),
                rt.strengths.to_string(),
                rt.gaps.to_string(),
            ],
            rows,
        }],
        ..Section::default()
    }
}

fn maps(i: &Inputs, m: &[Concentration]) -> Section {
    let rt = regions_texts(i.lang);
    let maps: Vec<(String, Vec<RegionShare>)> = m
        .iter()
        .filter(|c| c.technology_actors > 0)
        .map(|c| {
            (
                i.ds.technology(c.technology).name.get(i.lang).to_string(),
                c.regions.clone(),
            )
        })
        .collect();
    let svg = crate::choropleth::small_multiples(i.ds, &maps, i.lang);
    Section {
        testid: "regions-maps",
        heading: rt.maps.to_string(),
        lines: vec![rt.maps_note.to_string()],
        svg: if svg.is_empty() { Vec::new() } else { vec![svg] },
        ..Section::default()
    }
}

fn table(i: &Inputs, m: &[Concentration]) -> Section {
    let (l, tx, rt) = (i.lang, texts(i.lang), regions_texts(i.lang));
    let mut head = vec![tx.region.to_string(), tx.all_actors.to_string()];
    head.extend(m.iter().map(|c| i.ds.technology(c.technology).name.get(l).to_string()));
    let rows = (0..i.ds.regions.len())
        .map(|r| {
            let actors = m.first().map_or(0, |c| c.regions[r].actors);
            let mut row = vec![
                Cell::text(i.ds.regions[r].name.clone()),
                Cell::num(format::int(u64::from(actors), l)),
            ];
            row.extend(m.iter().map(|c| {
                let s = &c.regions[r];
                let lq = s.lq.map_or_else(|| "–".to_string(), |q| decimal(q, 2, l));
                let n = format::int(u64::from(s.technology_actors), l);
                Cell::num(format!("{lq} · {n} · {}", class_word(s.class(), rt.too_few_short, l)))
            }));
            row
        })
        .collect();
    Section {
        testid: "regions-table",
        heading: rt.table.to_string(),
        lines: vec![rt.table_note.to_string()],
        tables: vec![Table {
            caption: rt.table_caption.to_string(),
            head,
            rows,
        }],
        ..Section::default()
    }
}
