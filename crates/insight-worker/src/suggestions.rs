//! Partner suggestions for the actor open in the detail panel as a document (core's
//! `insight::partners::suggest_partners`): each suggested actor opens its own detail, with its reasons in one
//! line and its score.

use ecomap_core::insight::partners::{suggest_partners, LIMIT};
use ecomap_core::model::ActorId;

use crate::doc::{Cell, Doc, Section, Table};
use crate::profile::Inputs;
use crate::texts::decimal;
use crate::texts_regions::regions_texts;

/// The suggestions for `actor` (`None`: no actor open).
pub fn document(i: &Inputs, actor: Option<ActorId>) -> Doc {
    let rt = regions_texts(i.lang);
    let Some(a) = actor else {
        return Doc {
            testid: "suggestions",
            title: rt.suggestions.to_string(),
            sections: vec![Section {
                testid: "suggestions-list",
                lines: vec![rt.no_actor.to_string()],
                ..Section::default()
            }],
        };
    };
    let list = suggest_partners(i.ds, i.idx, i.sel, a, LIMIT);
    let rows = list
        .iter()
        .map(|s| {
            let other = i.ds.actor(s.actor);
            vec![
                Cell::actor(other.name.clone(), &other.key),
                Cell::text(s.text(i.ds, i.lang)),
                Cell::num(decimal(s.score, 2, i.lang)),
            ]
        })
        .collect();
    let mut lines = vec![rt.suggestions_note.to_string()];
    if list.is_empty() {
        lines.push(rt.no_suggestions.to_string());
    }
    Doc {
        testid: "suggestions",
        title: rt.suggestions.to_string(),
        sections: vec![Section {
            testid: "suggestions-list",
            lines,
            tables: vec![Table {
                caption: rt.suggestions_caption.to_string(),
                head: vec![rt.partner.to_string(), rt.why.to_string(), rt.score.to_string()],
                rows,
            }],
            ..Section::default()
        }],
    }
}
