//! The ecosystem profile of one technology as a document (core's `insight::profile`, localised and formatted):
//! the summary, the years (chart and table), the most central actors (or "computing" until the centrality is
//! ready), the regions with their location quotients and the neighbour technologies.

use ecomap_core::filter::{Filter, Selection};
use ecomap_core::format;
use ecomap_core::index::Index;
use ecomap_core::insight::centrality::{Centrality, Method};
use ecomap_core::insight::profile::{profile, profile_years, Profile};
use ecomap_core::model::{ActorKind, Dataset, Lang, TechnologyId};
use ecomap_core::query::Query;

use crate::doc::{Cell, Doc, Section, Table};
use crate::texts::{class_word, decimal, kind_name, percent, sampled, texts, Texts};

/// What a profile is computed from.
pub struct Inputs<'a> {
    pub ds: &'a Dataset,
    pub idx: &'a Index,
    pub filter: &'a Filter,
    pub sel: &'a Selection,
    pub lang: Lang,
    /// The page's Query (the links to other views keep its filters).
    pub query: &'a Query,
}

/// The profile document of `t`; `centrality` is `None` while it is being computed.
pub fn document(i: &Inputs, t: Option<TechnologyId>, centrality: Option<&Centrality>) -> Doc {
    let tx = texts(i.lang);
    let Some(t) = t else {
        return Doc {
            testid: "profile",
            title: tx.profile.to_string(),
            sections: vec![Section {
                testid: "profile-summary",
                lines: vec![tx.unknown.to_string()],
                ..Section::default()
            }],
        };
    };
    let p = profile(i.ds, i.idx, i.filter, i.sel, t, centrality);
    let name = i.ds.technology(t).name.get(i.lang).to_string();
    Doc {
        testid: "profile",
        title: format!("{}: {name}", tx.profile),
        sections: vec![
            summary(i, &p, tx),
            years(i, &p, tx),
            central(i, &p, centrality, tx),
            regions(i, &p, tx),
            neighbours(i, &p, tx),
        ],
    }
}

fn int(n: u32, lang: Lang) -> String {
    format::int(u64::from(n), lang)
}

fn summary(i: &Inputs, p: &Profile, tx: &Texts) -> Section {
    let l = i.lang;
    let s = &p.summary;
    let mut lines = vec![format!(
        "{} {} · {} {} · {} {}",
        int(s.actors, l),
        tx.actors,
        int(s.projects.len() as u32, l),
        tx.projects,
        format::eur_compact(s.volume, l),
        tx.volume
    )];
    if let Some((a, b)) = profile_years(i.ds, i.filter) {
        lines.push(format!("{}: {a}–{b}", tx.years));
    }
    Section {
        testid: "profile-summary",
        lines,
        ..Section::default()
    }
}

fn years(i: &Inputs, p: &Profile, tx: &Texts) -> Section {
    let l = i.lang;
    let kinds: Vec<ActorKind> = ActorKind::ALL
        .into_iter()
        .filter(|k| p.years.iter().any(|y| y.actors_by_kind[k.index()] > 0))
        .collect();
    let mut head = vec![tx.year.to_string()];
    head.extend(kinds.iter().map(|&k| kind_name(k, l).to_string()));
    head.extend([tx.running, tx.running_volume, tx.started, tx.started_volume].map(str::to_string));
    let rows = p
        .years
        .iter()
        .map(|y| {
            let mut row = vec![Cell::text(y.year.to_string())];
            row.extend(kinds.iter().map(|k| Cell::num(int(y.actors_by_kind[k.index()], l))));
            let f = &y.figures;
            row.push(Cell::num(int(f.running_projects, l)));
            row.push(Cell::num(format::eur_compact(f.running_volume, l)));
            row.push(Cell::num(int(f.started_projects, l)));
            row.push(Cell::num(format::eur_compact(f.started_volume, l)));
            row
        })
        .collect();
    let chart = crate::chart::actors_by_kind(&p.years, l);
    Section {
        testid: "profile-years",
        heading: tx.over_years.to_string(),
        lines: vec![tx.years_note.to_string()],
        svg: if chart.is_empty() { Vec::new() } else { vec![chart] },
        tables: vec![Table {
            caption: tx.by_kind_caption.to_string(),
            head,
            rows,
        }],
        ..Section::default()
    }
}

fn central(i: &Inputs, p: &Profile, c: Option<&Centrality>, tx: &Texts) -> Section {
    let l = i.lang;
    let Some(c) = c else {
        return Section {
            testid: "profile-central",
            heading: tx.central.to_string(),
            lines: vec![tx.computing.to_string()],
            busy: true,
            ..Section::default()
        };
    };
    let method = match c.method {
        Method::Exact => tx.exact.to_string(),
        Method::Sampled {
            pivots,
            population,
            seed,
        } => sampled(
            &format::int(pivots as u64, l),
            &format::int(population as u64, l),
            seed,
            &decimal(c.bound, 4, l),
            l,
        ),
    };
    // Exact figures have no error to state: no column for it.
    let sampled = matches!(c.method, Method::Sampled { .. });
    let rows: Vec<Vec<Cell>> = p
        .central
        .iter()
        .map(|a| {
            let actor = i.ds.actor(a.actor);
            let mut row = vec![
                Cell::actor(actor.name.clone(), &actor.key),
                Cell::num(int(a.degree, l)),
                Cell::num(decimal(a.betweenness, 4, l)),
            ];
            if sampled {
                row.push(Cell::num(decimal(a.std_error, 4, l)));
            }
            row
        })
        .collect();
    let mut head = vec![tx.actor.to_string(), tx.degree.to_string(), tx.betweenness.to_string()];
    if sampled {
        head.push(tx.std_error.to_string());
    }
    let mut lines = vec![method];
    if rows.is_empty() {
        lines.push(tx.none.to_string());
    }
    Section {
        testid: "profile-central",
        heading: tx.central.to_string(),
        lines,
        tables: vec![Table {
            caption: tx.central_caption.to_string(),
            head,
            rows,
        }],
        ..Section::default()
    }
}

fn regions(i: &Inputs, p: &Profile, tx: &Texts) -> Section {
    let l = i.lang;
    let rows = p
        .regions
        .ranked()
        .iter()
        .map(|r| {
            let standing = class_word(r.class(), tx.too_few, l);
            vec![
                Cell::text(i.ds.region(r.region).name.clone()),
                Cell::num(r.lq.map(|q| decimal(q, 2, l)).unwrap_or_else(|| "–".to_string())),
                Cell::text(standing),
                Cell::num(int(r.technology_actors, l)),
                Cell::num(int(r.actors, l)),
            ]
        })
        .collect();
    let map = crate::choropleth::choropleth(i.ds, &p.regions.regions, l);
    Section {
        testid: "profile-regions",
        heading: tx.regions.to_string(),
        lines: vec![tx.regions_note.to_string(), tx.map_note.to_string()],
        svg: if map.is_empty() { Vec::new() } else { vec![map] },
        tables: vec![Table {
            caption: tx.regions_caption.to_string(),
            head: [tx.region, tx.lq, tx.standing, tx.tech_actors, tx.all_actors]
                .map(str::to_string)
                .to_vec(),
            rows,
        }],
        links: vec![Cell::link(tx.all_regions, crate::nav::regions(i.query))],
        ..Section::default()
    }
}

fn neighbours(i: &Inputs, p: &Profile, tx: &Texts) -> Section {
    let l = i.lang;
    let rows = p
        .neighbours
        .iter()
        .filter(|n| n.shared_actors > 0 || n.shared_projects > 0)
        .map(|n| {
            let t = i.ds.technology(n.technology);
            vec![
                Cell::tech(t.name.get(l).to_string(), &t.key),
                Cell::num(int(n.shared_actors, l)),
                Cell::num(percent(n.actor_share, l)),
                Cell::num(int(n.shared_projects, l)),
                Cell::num(percent(n.project_share, l)),
            ]
        })
        .collect();
    let share = |what: &str| format!("{what}: {}", tx.share);
    Section {
        testid: "profile-neighbours",
        heading: tx.neighbours.to_string(),
        tables: vec![Table {
            caption: tx.neighbours_caption.to_string(),
            head: vec![
                tx.technology.to_string(),
                tx.shared_actors.to_string(),
                share(tx.shared_actors),
                tx.shared_projects.to_string(),
                share(tx.shared_projects),
            ],
            rows,
        }],
        // Compare with each other technology, the closest neighbours first.
        links: p
            .neighbours
            .iter()
            .map(|n| {
                let name = i.ds.technology(n.technology).name.get(l);
                let href = crate::nav::compare(i.query, i.ds, &[p.technology, n.technology]);
                Cell::link(format!("{} {name}", tx.compare_with), href)
            })
            .collect(),
        ..Section::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo_data::with_inputs;
    use ecomap_core::query::ResolvedFocus;

    #[test]
    fn the_demo_profile_has_every_section_and_follows_the_years() {
        let (ds, idx) = crate::demo_data::demo();
        let tech = |focus| match focus {
            Some(ResolvedFocus::Technology(t)) => Some(t),
            _ => None,
        };
        let doc = |search: &str| {
            with_inputs(&ds, &idx, search, |i, focus| {
                serde_json::to_string(&document(i, tech(focus), None)).expect("json")
            })
        };
        let all = doc("view=profile&technology=ai");
        for id in [
            "profile-years",
            "profile-central",
            "profile-regions",
            "profile-neighbours",
            "Computing centrality",
        ] {
            assert!(all.contains(id), "{id} missing");
        }
        assert!(all.contains("<svg"));
        let narrow = doc("view=profile&technology=ai&years=2020-2020");
        assert_ne!(all, narrow);
        assert!(doc("view=profile&technology=nope").contains("not in the data"));
        // With an exact centrality: its figures, and no error column (there is no error to state).
        let central = with_inputs(&ds, &idx, "technology=ai", |i, focus| {
            let c = ecomap_core::insight::centrality::centrality(
                &ecomap_core::insight::CollabGraph::of(i.idx, i.sel),
                Default::default(),
            );
            let t = tech(focus);
            assert!(t.is_some(), "the technology resolves");
            document(i, t, Some(&c)).sections.swap_remove(2)
        });
        assert_eq!(central.testid, "profile-central");
        assert_eq!(central.tables[0].head.len(), 3);
        assert!(central.tables[0].rows.len() >= 3);
        assert!(central.lines[0].contains("exactly"));
    }
}
