//! The comparison's, the regional strengths' and the suggestions' documents on the demo export, checked
//! against core's figures.

use ecomap_core::filter::select;
use ecomap_core::index::Index;
use ecomap_core::insight::compare::compare;
use ecomap_core::insight::concentration::{matrix, Class};
use ecomap_core::insight::partners::{existing_partners, suggest_partners};
use ecomap_core::model::{Dataset, Lang, TechnologyId};
use ecomap_core::query::ResolvedFocus;

use crate::demo_data::{demo, with_inputs};
use crate::doc::Doc;

/// The document `what` for the query string `search`.
fn doc(ds: &Dataset, idx: &Index, what: &str, search: &str) -> Doc {
    with_inputs(ds, idx, search, |i, focus| {
        let actor = match focus {
            Some(ResolvedFocus::Actor(a)) => Some(a),
            _ => None,
        };
        match what {
            "compare" => crate::compare::document(i, None),
            "regions" => crate::regions::document(i),
            _ => crate::suggestions::document(i, actor),
        }
    })
}

fn section<'a>(d: &'a Doc, id: &str) -> &'a crate::doc::Section {
    d.sections
        .iter()
        .find(|s| s.testid == id)
        .unwrap_or_else(|| panic!("{id}"))
}

#[test]
fn the_comparison_marks_shared_actors_in_both_columns_and_its_overlap_adds_up() {
    let (ds, idx) = demo();
    let d = doc(&ds, &idx, "compare", "view=compare&compare=ai,iot");
    assert_eq!(d.title, "Comparison: Artificial Intelligence · Internet of Things");
    let shared = &section(&d, "compare-shared").tables[0];
    assert!(!shared.rows.is_empty());
    let (ai, iot) = (TechnologyId(0), TechnologyId(2));
    for row in &shared.rows {
        assert_eq!((row[1].t.as_str(), row[2].t.as_str()), ("✓", "✓"));
        let key = row[0].actor.as_deref().expect("an actor button");
        let a = ds.actors.iter().find(|a| a.key == key).expect("actor");
        assert!(a.technologies.contains(&ai) && a.technologies.contains(&iot), "{key}");
    }
    // The overlap's counts partition the actors of either technology.
    let sel = select(&ds, &idx, &Default::default());
    let either = sel
        .actors
        .iter_ones()
        .filter(|&a| ds.actors[a].technologies.iter().any(|t| [ai, iot].contains(t)))
        .count();
    let overlap = &section(&d, "compare-overlap");
    let sum: usize = overlap.tables[0]
        .rows
        .iter()
        .map(|r| r[1].t.replace(',', "").parse::<usize>().unwrap_or(0))
        .sum();
    assert_eq!(sum, either);
    assert_eq!(overlap.svg.len(), 1);
    // Centrality is still computing: said so, and the section is busy.
    assert!(section(&d, "compare-central").busy);
    // Links: each profile, add each other technology, all regions; no "remove" with two.
    let links: Vec<&str> = section(&d, "compare-summary")
        .links
        .iter()
        .map(|c| c.t.as_str())
        .collect();
    assert!(links.contains(&"add: Blockchain") && !links.iter().any(|l| l.starts_with("remove")));
    let c = compare(&ds, &idx, &Default::default(), &sel, &[ai, iot], None).expect("two");
    assert_eq!(shared.rows.len(), c.shared_actors.len().min(crate::compare::LIST_ROWS));
}

#[test]
fn a_comparison_of_one_or_of_unknown_technologies_says_what_to_choose() {
    let (ds, idx) = demo();
    let d = doc(&ds, &idx, "compare", "view=compare&compare=ai,nope");
    assert_eq!(d.sections.len(), 1);
    let s = &d.sections[0];
    assert!(s.lines[0].contains("two to four"));
    assert!(s.lines.iter().any(|l| l.contains("“nope”: not in the data")));
    assert!(s.links.iter().any(|c| c.t == "add: Internet of Things"));
    let four = doc(&ds, &idx, "compare", "view=compare&compare=ai,iot,vr,ar");
    let links: Vec<&str> = section(&four, "compare-summary")
        .links
        .iter()
        .map(|c| c.t.as_str())
        .collect();
    assert!(links.contains(&"remove: Virtual Reality") && !links.iter().any(|l| l.starts_with("add")));
}

#[test]
fn the_strengths_and_gaps_follow_cores_classes() {
    let (ds, idx) = demo();
    let d = doc(&ds, &idx, "regions", "view=regions");
    let sel = select(&ds, &idx, &Default::default());
    let m = matrix(&idx, &sel);
    let gaps = &section(&d, "regions-gaps").tables[0];
    assert_eq!(gaps.rows.len(), ds.technologies.len());
    for (row, c) in gaps.rows.iter().zip(&m) {
        for r in &c.regions {
            let name = &ds.region(r.region).name;
            let listed = |cell: &str| cell.split(", ").any(|e| e.starts_with(&format!("{name} (")));
            assert_eq!(listed(&row[2].t), r.class() == Class::WellAbove, "{name} strength");
            assert_eq!(listed(&row[3].t), r.class() == Class::WellBelow, "{name} gap");
        }
    }
    let table = &section(&d, "regions-table").tables[0];
    assert_eq!(table.rows.len(), ds.regions.len());
    assert_eq!(table.head.len(), 2 + ds.technologies.len());
    assert_eq!(section(&d, "regions-maps").svg.len(), 1);
}

#[test]
fn suggestions_are_cores_with_their_reasons_and_never_a_partner() {
    let (ds, idx) = demo();
    let d = doc(&ds, &idx, "suggestions", "view=map&actor=tu-berlin");
    let rows = &d.sections[0].tables[0].rows;
    assert!(!rows.is_empty());
    let a = ecomap_core::model::ActorId(ds.actors.iter().position(|a| a.key == "tu-berlin").expect("tu") as u32);
    let sel = select(&ds, &idx, &Default::default());
    let want = suggest_partners(&ds, &idx, &sel, a, 10);
    let partners = existing_partners(&idx, a);
    assert_eq!(rows.len(), want.len());
    for (row, s) in rows.iter().zip(&want) {
        assert_eq!(row[0].actor.as_deref(), Some(ds.actor(s.actor).key.as_str()));
        assert_eq!(row[1].t, s.text(&ds, Lang::En));
        assert!(!partners.contains(&s.actor) && s.actor != a);
    }
    let none = doc(&ds, &idx, "suggestions", "view=map");
    assert!(none.sections[0].lines[0].contains("Open an actor"));
}
