//! The comparison of two to four technologies as a document (core's `insight::compare`, localised): their
//! figures in aligned columns, actors and projects over the years, the overlap (an UpSet chart and its table),
//! the actors active in several, the shared projects, the most central actors and the strongest regions, with
//! links to change the comparison.

use ecomap_core::format;
use ecomap_core::insight::centrality::Centrality;
use ecomap_core::insight::compare::{compare, members, Combination, Comparison, MAX_TECHNOLOGIES, MIN_TECHNOLOGIES};
use ecomap_core::model::{Lang, TechnologyId};

use crate::doc::{Cell, Doc, Section, Table};
use crate::nav;
use crate::profile::Inputs;
use crate::texts::{decimal, texts};
use crate::texts_compare::{compare_texts, first_of};

/// Rows of the actor and project lists.
pub const LIST_ROWS: usize = 50;
/// Rows of the aligned rankings.
const RANKS: usize = 10;

fn int(n: usize, lang: Lang) -> String {
    format::int(n as u64, lang)
}

/// The comparison document of the Query's `compare=` keys; `centrality` is `None` while it is computed.
pub fn document(i: &Inputs, centrality: Option<&Centrality>) -> Doc {
    let ct = compare_texts(i.lang);
    let mut techs: Vec<TechnologyId> = Vec::new();
    let mut unknown: Vec<String> = Vec::new();
    for key in &i.query.compare {
        match i.ds.technologies.iter().position(|t| &t.key == key) {
            Some(t) => techs.push(TechnologyId(t as u16)),
            None => unknown.push(format!("“{key}”: {}", ct.unknown)),
        }
    }
    let comparison = compare(i.ds, i.idx, i.filter, i.sel, &techs, centrality);
    let names = |c: &Comparison| -> Vec<String> {
        c.technologies
            .iter()
            .map(|&t| i.ds.technology(t).name.get(i.lang).to_string())
            .collect()
    };
    let Ok(c) = comparison else {
        // Fewer than 2 or more than 4: say so, and offer the technologies to choose from.
        let mut lines = vec![ct.choose.to_string()];
        lines.extend(unknown);
        return Doc {
            testid: "compare",
            title: ct.title.to_string(),
            sections: vec![Section {
                testid: "compare-summary",
                lines,
                links: change_links(i, &techs),
                ..Section::default()
            }],
        };
    };
    let names = names(&c);
    let mut summary = summary(i, &c, &names, centrality);
    summary.lines.extend(unknown);
    Doc {
        testid: "compare",
        title: format!("{}: {}", ct.title, names.join(" · ")),
        sections: vec![
            summary,
            years(i, &c, &names),
            overlap(i, &c, &names),
            shared_actors(i, &c, &names),
            shared_projects(i, &c),
            central(i, &c, &names, centrality),
            regions(i, &c, &names),
        ],
    }
}

/// Add one more (while under 4), remove one (while over 2), open each profile, all regions.
fn change_links(i: &Inputs, techs: &[TechnologyId]) -> Vec<Cell> {
    let ct = compare_texts(i.lang);
    let name = |t: TechnologyId| i.ds.technology(t).name.get(i.lang).to_string();
    let mut links = Vec::new();
    if techs.len() > MIN_TECHNOLOGIES {
        for &t in techs {
            let rest: Vec<TechnologyId> = techs.iter().copied().filter(|&x| x != t).collect();
            links.push(Cell::link(
                format!("{}: {}", ct.remove, name(t)),
                nav::compare(i.query, i.ds, &rest),
            ));
        }
    }
    if techs.len() < MAX_TECHNOLOGIES {
        for t in (0..i.ds.technologies.len()).map(|t| TechnologyId(t as u16)) {
            if !techs.contains(&t) {
                let more: Vec<TechnologyId> = techs.iter().copied().chain([t]).collect();
                links.push(Cell::link(
                    format!("{}: {}", ct.add, name(t)),
                    nav::compare(i.query, i.ds, &more),
                ));
            }
        }
    }
    links.push(Cell::link(ct.all_regions, nav::regions(i.query)));
    links
}

fn head(first: &str, names: &[String]) -> Vec<String> {
    std::iter::once(first.to_string())
        .chain(names.iter().cloned())
        .collect()
}

fn summary(i: &Inputs, c: &Comparison, names: &[String], centrality: Option<&Centrality>) -> Section {
    let (l, tx, ct) = (i.lang, texts(i.lang), compare_texts(i.lang));
    let row = |label: &str, cells: Vec<Cell>| std::iter::once(Cell::text(label)).chain(cells).collect::<Vec<Cell>>();
    let per = |f: &dyn Fn(usize) -> Cell| (0..c.technologies.len()).map(f).collect::<Vec<Cell>>();
    let mut rows = vec![
        row(
            ct.actors_row,
            per(&|k| Cell::num(format::int(u64::from(c.profiles[k].summary.actors), l))),
        ),
        row(
            ct.projects_row,
            per(&|k| Cell::num(int(c.profiles[k].summary.projects.len(), l))),
        ),
        row(
            ct.volume_row,
            per(&|k| Cell::num(format::eur_compact(c.profiles[k].summary.volume, l))),
        ),
        row(
            ct.strongest_region,
            per(&|k| {
                let ranked = c.profiles[k].regions.ranked();
                match ranked.first().filter(|r| !r.too_few) {
                    Some(r) => Cell::text(format!(
                        "{} ({}, {})",
                        i.ds.region(r.region).name,
                        decimal(r.lq.unwrap_or(0.0), 2, l),
                        format::int(u64::from(r.technology_actors), l)
                    )),
                    None => Cell::text(tx.too_few),
                }
            }),
        ),
    ];
    if centrality.is_some() {
        rows.push(row(
            ct.most_central,
            per(&|k| match c.profiles[k].central.first() {
                Some(a) => {
                    let actor = i.ds.actor(a.actor);
                    Cell::actor(actor.name.clone(), &actor.key)
                }
                None => Cell::text("–"),
            }),
        ));
    }
    let mut links: Vec<Cell> = c
        .technologies
        .iter()
        .map(|&t| {
            let name = i.ds.technology(t).name.get(l);
            Cell::link(format!("{}: {name}", tx.profile), nav::profile(i.query, i.ds, t))
        })
        .collect();
    links.extend(change_links(i, &c.technologies));
    Section {
        testid: "compare-summary",
        tables: vec![Table {
            caption: ct.side_by_side.to_string(),
            head: head(ct.figure, names),
            rows,
        }],
        links,
        ..Section::default()
    }
}

fn years(i: &Inputs, c: &Comparison, names: &[String]) -> Section {
    let (l, tx, ct) = (i.lang, texts(i.lang), compare_texts(i.lang));
    let mut head = vec![tx.year.to_string()];
    head.extend(names.iter().map(|n| format!("{n}: {}", ct.actors_in)));
    head.extend(names.iter().map(|n| format!("{n}: {}", ct.projects_in)));
    let rows = c.profiles[0]
        .years
        .iter()
        .enumerate()
        .map(|(y, year)| {
            let mut row = vec![Cell::text(year.year.to_string())];
            row.extend(c.profiles.iter().map(|p| {
                Cell::num(format::int(
                    p.years
                        .get(y)
                        .map_or(0, |y| y.actors_by_kind.iter().sum::<u32>())
                        .into(),
                    l,
                ))
            }));
            row.extend(c.profiles.iter().map(|p| {
                Cell::num(format::int(
                    p.years.get(y).map_or(0, |y| y.figures.running_projects).into(),
                    l,
                ))
            }));
            row
        })
        .collect();
    Section {
        testid: "compare-years",
        heading: tx.over_years.to_string(),
        lines: vec![tx.years_note.to_string()],
        tables: vec![Table {
            caption: ct.years_caption.to_string(),
            head,
            rows,
        }],
        ..Section::default()
    }
}

/// "AI + IoT", "only AI".
fn combination_name(c: &Comparison, comb: Combination, names: &[String], lang: Lang) -> String {
    let members = members(&c.technologies, comb);
    let of: Vec<&str> = members
        .iter()
        .filter_map(|t| c.technologies.iter().position(|x| x == t))
        .map(|k| names[k].as_str())
        .collect();
    if of.len() == 1 {
        format!("{} {}", compare_texts(lang).only, of[0])
    } else {
        of.join(" + ")
    }
}

fn overlap(i: &Inputs, c: &Comparison, names: &[String]) -> Section {
    let (l, ct) = (i.lang, compare_texts(i.lang));
    let rows = c
        .intersections
        .iter()
        .map(|x| {
            vec![
                Cell::text(combination_name(c, x.combination, names, l)),
                Cell::num(format::int(u64::from(x.actors), l)),
            ]
        })
        .collect();
    let chart = crate::upset::upset(c, names, l);
    Section {
        testid: "compare-overlap",
        heading: ct.overlap.to_string(),
        lines: vec![ct.overlap_note.to_string()],
        svg: if chart.is_empty() { Vec::new() } else { vec![chart] },
        tables: vec![Table {
            caption: ct.overlap_caption.to_string(),
            head: vec![ct.combination.to_string(), ct.actors_row.to_string()],
            rows,
        }],
        ..Section::default()
    }
}

fn shared_actors(i: &Inputs, c: &Comparison, names: &[String]) -> Section {
    let (l, tx, ct) = (i.lang, texts(i.lang), compare_texts(i.lang));
    let rows = c
        .shared_actors
        .iter()
        .take(LIST_ROWS)
        .map(|&(a, comb)| {
            let actor = i.ds.actor(a);
            let mut row = vec![Cell::actor(actor.name.clone(), &actor.key)];
            row.extend(
                (0..c.technologies.len()).map(|k| Cell::text(if comb & (1 << k) != 0 { ct.active } else { "" })),
            );
            row
        })
        .collect();
    let mut lines = Vec::new();
    if c.shared_actors.is_empty() {
        lines.push(tx.none.to_string());
    } else if c.shared_actors.len() > LIST_ROWS {
        lines.push(first_of(&int(c.shared_actors.len(), l), &int(LIST_ROWS, l), l));
    }
    Section {
        testid: "compare-shared",
        heading: ct.shared_actors.to_string(),
        lines,
        tables: vec![Table {
            caption: ct.shared_actors_caption.to_string(),
            head: head(tx.actor, names),
            rows,
        }],
        ..Section::default()
    }
}

fn shared_projects(i: &Inputs, c: &Comparison) -> Section {
    let (l, tx, ct) = (i.lang, texts(i.lang), compare_texts(i.lang));
    let mut projects = c.shared_projects.clone();
    ecomap_core::order::sort_by(&mut projects, |x, y| {
        i.ds.project(y.0)
            .volume
            .cmp(&i.ds.project(x.0).volume)
            .then(x.0.cmp(&y.0))
    });
    let rows = projects
        .iter()
        .take(LIST_ROWS)
        .map(|&(p, comb)| {
            let pr = i.ds.project(p);
            let techs: Vec<&str> = members(&c.technologies, comb)
                .iter()
                .map(|&t| i.ds.technology(t).name.get(l))
                .collect();
            vec![
                Cell::text(pr.title.get(l).to_string()),
                Cell::text(techs.join(", ")),
                Cell::text(format!("{}–{}", pr.start, pr.end)),
                Cell::num(format::eur_compact(pr.volume, l)),
            ]
        })
        .collect();
    let mut lines = Vec::new();
    if projects.is_empty() {
        lines.push(tx.none.to_string());
    } else if projects.len() > LIST_ROWS {
        lines.push(first_of(&int(projects.len(), l), &int(LIST_ROWS, l), l));
    }
    Section {
        testid: "compare-projects",
        heading: ct.shared_projects.to_string(),
        lines,
        tables: vec![Table {
            caption: ct.shared_projects_caption.to_string(),
            head: vec![
                ct.project.to_string(),
                ct.technologies.to_string(),
                tx.years.to_string(),
                tx.volume.to_string(),
            ],
            rows,
        }],
        ..Section::default()
    }
}

fn central(i: &Inputs, c: &Comparison, names: &[String], centrality: Option<&Centrality>) -> Section {
    let (l, tx, ct) = (i.lang, texts(i.lang), compare_texts(i.lang));
    if centrality.is_none() {
        return Section {
            testid: "compare-central",
            heading: tx.central.to_string(),
            lines: vec![tx.computing.to_string()],
            busy: true,
            ..Section::default()
        };
    }
    let rows: Vec<Vec<Cell>> = (0..RANKS)
        .take_while(|&r| c.profiles.iter().any(|p| p.central.len() > r))
        .map(|r| {
            let mut row = vec![Cell::num(int(r + 1, l))];
            row.extend(c.profiles.iter().map(|p| match p.central.get(r) {
                Some(a) => {
                    let actor = i.ds.actor(a.actor);
                    Cell::actor(actor.name.clone(), &actor.key)
                }
                None => Cell::text(""),
            }));
            row
        })
        .collect();
    Section {
        testid: "compare-central",
        heading: tx.central.to_string(),
        lines: if rows.is_empty() {
            vec![tx.none.to_string()]
        } else {
            Vec::new()
        },
        tables: vec![Table {
            caption: ct.central_caption.to_string(),
            head: head(ct.rank, names),
            rows,
        }],
        ..Section::default()
    }
}

fn regions(i: &Inputs, c: &Comparison, names: &[String]) -> Section {
    let (l, tx, ct) = (i.lang, texts(i.lang), compare_texts(i.lang));
    let ranked: Vec<_> = c.profiles.iter().map(|p| p.regions.ranked()).collect();
    let rows = (0..5)
        .take_while(|&r| ranked.iter().any(|x| x.len() > r))
        .map(|r| {
            let mut row = vec![Cell::num(int(r + 1, l))];
            row.extend(ranked.iter().map(|x| match x.get(r) {
                Some(s) => Cell::text(format!(
                    "{} ({}, {}{})",
                    i.ds.region(s.region).name,
                    decimal(s.lq.unwrap_or(0.0), 2, l),
                    format::int(u64::from(s.technology_actors), l),
                    if s.too_few {
                        format!("; {}", tx.too_few)
                    } else {
                        String::new()
                    }
                )),
                None => Cell::text(""),
            }));
            row
        })
        .collect();
    Section {
        testid: "compare-regions",
        heading: tx.regions.to_string(),
        lines: vec![tx.regions_note.to_string()],
        tables: vec![Table {
            caption: ct.regions_caption.to_string(),
            head: head(ct.rank, names),
            rows,
        }],
        links: vec![Cell::link(ct.all_regions, nav::regions(i.query))],
        ..Section::default()
    }
}
