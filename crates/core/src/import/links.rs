//! `links`: typed relations between two actors (partnership, membership, spin-off, investment, customer,
//! other). Links connect actors only, never projects.
//!
//! Unknown kind → kept as `other` (warning); self-links and dangling ends dropped (warning); a repeat of an
//! existing link, or the reverse of a partnership, dropped (notice).

use std::collections::HashSet;

use serde_json::Value;

use super::context::{At, Ctx};
use super::ids::Ids;
use crate::model::{ActorId, Link, LinkKind};
use crate::report::{Code, Severity};

const FIELDS: [&str; 3] = ["source", "target", "kind"];

/// Links read so far, with the keys that find repeats. Call `ctx.finish_section("links")` after the last.
#[derive(Default)]
pub(super) struct Links {
    pub links: Vec<Link>,
    seen: HashSet<(u32, u32, LinkKind), super::ids::FxBuild>,
}

impl Links {
    /// Reads the link at `index` from its JSON tree.
    pub fn one(&mut self, ctx: &mut Ctx<'_>, index: usize, v: &Value, actors: &Ids, projects: &Ids) {
        let at = At {
            section: "links",
            index,
            id: None,
        };
        let Some(obj) = ctx.record_object(at, v) else { return };
        let source = ctx.req_str(at, obj, "source", Code::MissingField);
        let target = ctx.req_str(at, obj, "target", Code::MissingField);
        ctx.unknown_fields(at, obj, "", &FIELDS);
        let kind = ctx.opt_str(at, obj, "kind");
        if let Some(link) = resolve(ctx, at, [source, target], kind, actors, projects) {
            self.push(ctx, at, link, [source.unwrap_or_default(), target.unwrap_or_default()]);
        }
    }

    /// Reads a link whose three fields are plain, non-empty strings within the limits and that has no other
    /// fields (the fast path of `stream`, which then needs no JSON tree).
    pub fn plain(
        &mut self,
        ctx: &mut Ctx<'_>,
        index: usize,
        ends: [&str; 2],
        kind: &str,
        actors: &Ids,
        projects: &Ids,
    ) {
        let at = At {
            section: "links",
            index,
            id: None,
        };
        let ends = ends.map(str::trim);
        if let Some(link) = resolve(ctx, at, ends.map(Some), Some(kind.trim()), actors, projects) {
            self.push(ctx, at, link, ends);
        }
    }

    fn push(&mut self, ctx: &mut Ctx<'_>, at: At<'_>, link: Link, [a, b]: [&str; 2]) {
        // Partnership is symmetric: a→b and b→a are one link.
        let key = if link.kind == LinkKind::Partnership {
            (
                link.source.0.min(link.target.0),
                link.source.0.max(link.target.0),
                link.kind,
            )
        } else {
            (link.source.0, link.target.0, link.kind)
        };
        if !self.seen.insert(key) {
            ctx.report(
                Severity::Notice,
                Code::DuplicateLink,
                at,
                "",
                format!(
                    "this {} link from \"{a}\" to \"{b}\" repeats an earlier one between the same actors: dropped",
                    link.kind.key()
                ),
                format!(
                    "Diese Verbindung ({}) von „{a}“ zu „{b}“ wiederholt eine frühere zwischen denselben Akteuren: \
                     entfernt",
                    link.kind.key()
                ),
            );
            return;
        }
        self.links.push(link);
    }
}

/// The actor an end names; `None` (after a warning) for an unknown one. A missing end was reported by the reader.
fn end(ctx: &mut Ctx<'_>, at: At<'_>, field: &str, key: Option<&str>, actors: &Ids, projects: &Ids) -> Option<ActorId> {
    let key = key?;
    if let Some(dense) = actors.get(key) {
        return Some(ActorId(dense));
    }
    let (en, de) = if projects.get(key).is_some() {
        (
            " (a project: links connect actors only)".to_string(),
            " (ein Projekt: Verbindungen verknüpfen nur Akteure)".to_string(),
        )
    } else {
        actors.why_unknown("actors", key)
    };
    ctx.report(
        Severity::Warning,
        Code::UnknownActor,
        at,
        field,
        format!("\"{field}\" names no known actor: \"{key}\"{en}; link dropped"),
        format!("„{field}“ nennt keinen bekannten Akteur: „{key}“{de}; Verbindung entfernt"),
    );
    None
}

fn resolve(
    ctx: &mut Ctx<'_>,
    at: At<'_>,
    ends: [Option<&str>; 2],
    kind: Option<&str>,
    actors: &Ids,
    projects: &Ids,
) -> Option<Link> {
    let source = end(ctx, at, "source", ends[0], actors, projects);
    let target = end(ctx, at, "target", ends[1], actors, projects);
    let (source, target) = (source?, target?);
    let kind = match kind {
        Some(k) => LinkKind::parse(k).unwrap_or_else(|| {
            let known: Vec<&str> = LinkKind::ALL.iter().map(|k| k.key()).collect();
            ctx.report(
                Severity::Warning,
                Code::UnknownLinkKind,
                at,
                "kind",
                format!(
                    "unknown link kind \"{k}\" (known: {}): kept as \"other\"",
                    known.join(", ")
                ),
                format!(
                    "Unbekannte Verbindungsart „{k}“ (bekannt: {}): als „other“ übernommen",
                    known.join(", ")
                ),
            );
            LinkKind::Other
        }),
        None => {
            ctx.report(
                Severity::Warning,
                Code::UnknownLinkKind,
                at,
                "kind",
                "the link has no \"kind\": kept as \"other\"".into(),
                "Die Verbindung hat keine Art („kind“): als „other“ übernommen".into(),
            );
            LinkKind::Other
        }
    };
    if source == target {
        let [a, b] = ends.map(Option::unwrap_or_default);
        ctx.report(
            Severity::Warning,
            Code::SelfLink,
            at,
            "",
            format!("the link connects an actor with itself (source \"{a}\", target \"{b}\"): dropped"),
            format!("Die Verbindung verknüpft einen Akteur mit sich selbst (source „{a}“, target „{b}“): entfernt"),
        );
        return None;
    }
    Some(Link { source, target, kind })
}
