//! `projects`: funded projects with years, volume, technologies and participating actors.
//!
//! Required: id, title, start, end (end >= start), volume. A bad volume (negative or above 10 billion EUR)
//! is read as 0 ("unknown") with a warning; participants that name no known actor are dropped.

use serde_json::{Map, Value};

use super::context::{At, Ctx};
use super::fields::{present, NUMBER, OBJECT};
use super::ids::Ids;
use crate::model::{ActorId, Eur, Participant, Project, ProjectStatus, Role, TechnologyId};
use crate::report::{Code, Severity};

const FIELDS: [&str; 10] = [
    "id",
    "title",
    "start",
    "end",
    "status",
    "volume",
    "programme",
    "technologies",
    "participants",
    "fictional",
];
/// Project years must lie in this range (the cluster's data begins long after 1900).
pub const PROJECT_YEARS: std::ops::RangeInclusive<i64> = 1900..=2200;
/// A volume above this (in EUR) is taken as a typing error.
pub const MAX_VOLUME_EUR: u64 = 10_000_000_000;

pub(super) struct Refs<'a> {
    pub technologies: &'a Ids,
    pub actors: &'a Ids,
}

/// Reads the project at `index` into `out`. Call `ctx.finish_section("projects")` after the last.
pub(super) fn one(ctx: &mut Ctx<'_>, index: usize, v: &Value, refs: &Refs<'_>, ids: &mut Ids, out: &mut Vec<Project>) {
    let Some((at, obj, id)) = ctx.identified_record("projects", index, v, ids) else {
        return;
    };
    ctx.last_error = None;
    match project(ctx, at, obj, refs) {
        Some(project) => {
            ids.insert(id, index);
            out.push(project);
        }
        None => ids.skip(id, index, ctx.last_error),
    }
}

fn year(ctx: &mut Ctx<'_>, at: At<'_>, obj: &Map<String, Value>, field: &str) -> Option<u16> {
    let Some(y) = ctx.int(Severity::Error, at, obj, field) else {
        if present(obj, field).is_none() {
            ctx.missing(Code::MissingField, at, field);
        }
        return None;
    };
    if PROJECT_YEARS.contains(&y) {
        return Some(y as u16);
    }
    ctx.report(
        Severity::Error,
        Code::YearOutOfRange,
        at,
        field,
        format!(
            "\"{field}\" is {y}, outside {}..{}: record skipped",
            PROJECT_YEARS.start(),
            PROJECT_YEARS.end()
        ),
        format!(
            "„{field}“ ist {y}, außerhalb von {}..{}; Datensatz übersprungen",
            PROJECT_YEARS.start(),
            PROJECT_YEARS.end()
        ),
    );
    None
}

fn project(ctx: &mut Ctx<'_>, at: At<'_>, obj: &Map<String, Value>, refs: &Refs<'_>) -> Option<Project> {
    let title = ctx.text(at, obj, "title", Some(Code::MissingName)).ok()?;
    let start = year(ctx, at, obj, "start")?;
    let end = year(ctx, at, obj, "end")?;
    if end < start {
        ctx.report(
            Severity::Error,
            Code::EndBeforeStart,
            at,
            "end",
            format!("the project ends ({end}) before it starts ({start}): record skipped"),
            format!("Das Projekt endet ({end}) vor seinem Beginn ({start}); Datensatz übersprungen"),
        );
        return None;
    }
    let volume = volume(ctx, at, obj)?;
    ctx.unknown_fields(at, obj, "", &FIELDS);
    let status = ctx.opt_str(at, obj, "status").and_then(|s| {
        let parsed = ProjectStatus::parse(s);
        if parsed.is_none() {
            ctx.unknown_value(at, "status", s, &ProjectStatus::ALL.map(|p| p.key()));
        }
        parsed
    });
    let programme = ctx.opt_str(at, obj, "programme").map(str::to_string);
    let technologies = ctx
        .refs(
            at,
            obj,
            "technologies",
            refs.technologies,
            Code::UnknownTechnology,
            ("technology", "Technologie"),
        )
        .into_iter()
        .map(|t| TechnologyId(t as u16))
        .collect();
    let participants = participants(ctx, at, obj, refs.actors);
    let fictional = ctx.opt_bool(at, obj, "fictional").unwrap_or(false);
    Some(Project {
        key: at.id.unwrap_or_default().to_string(),
        title,
        start,
        end,
        status,
        volume,
        programme,
        technologies,
        participants,
        fictional,
    })
}

/// Whole EUR. Missing or not a number skips the record; negative or absurd → 0 with a warning;
/// a fraction is rounded with a notice.
fn volume(ctx: &mut Ctx<'_>, at: At<'_>, obj: &Map<String, Value>) -> Option<Eur> {
    let v = match present(obj, "volume") {
        None => {
            ctx.missing(Code::MissingField, at, "volume");
            return None;
        }
        Some(v) => v,
    };
    let Some(f) = v.as_f64() else {
        ctx.wrong_type(Severity::Error, at, "volume", NUMBER, v);
        return None;
    };
    if let Some(n) = v.as_u64() {
        if n <= MAX_VOLUME_EUR {
            return Some(Eur(n));
        }
    }
    if f < 0.0 || f > MAX_VOLUME_EUR as f64 {
        let shown = v.to_string();
        ctx.report(
            Severity::Warning,
            Code::VolumeInvalid,
            at,
            "volume",
            format!("volume {shown} EUR is negative or above 10 billion EUR: read as 0 (unknown)"),
            format!("Volumen {shown} EUR ist negativ oder größer als 10 Milliarden EUR: gelesen als 0 (unbekannt)"),
        );
        return Some(Eur(0));
    }
    let rounded = f.round();
    if rounded != f {
        ctx.report(
            Severity::Notice,
            Code::VolumeRounded,
            at,
            "volume",
            format!("volume {f} has cents: rounded to {rounded} EUR (the format counts whole euros)"),
            format!("Volumen {f} hat Cent-Anteile: auf {rounded} EUR gerundet (das Format zählt ganze Euro)"),
        );
    }
    Some(Eur(rounded as u64))
}

fn participants(ctx: &mut Ctx<'_>, at: At<'_>, obj: &Map<String, Value>, actors: &Ids) -> Vec<Participant> {
    let items = match present(obj, "participants") {
        None => return Vec::new(),
        Some(Value::Array(items)) => items,
        Some(other) => {
            ctx.wrong_type(Severity::Warning, at, "participants", super::fields::LIST, other);
            return Vec::new();
        }
    };
    let mut out: Vec<Participant> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let field = || format!("participants[{i}]");
        let Some(p) = item.as_object() else {
            ctx.wrong_type(Severity::Warning, at, &field(), OBJECT, item);
            continue;
        };
        ctx.unknown_fields(at, p, "participants[]", &["actor", "role"]);
        let actor_field = format!("{}.actor", field());
        let Some(key) = ctx.opt_str(at, p, &actor_field) else {
            if present(p, "actor").is_none() {
                ctx.report(
                    Severity::Warning,
                    Code::MissingField,
                    at,
                    &actor_field,
                    "participant without \"actor\": dropped".into(),
                    "Beteiligter ohne „actor“: entfernt".into(),
                );
            }
            continue;
        };
        let Some(dense) = actors.get(key) else {
            let (en, de) = actors.why_unknown("actors", key);
            ctx.report(
                Severity::Warning,
                Code::UnknownActor,
                at,
                &actor_field,
                format!("unknown actor \"{key}\"{en}: participant dropped"),
                format!("Unbekannter Akteur „{key}“{de}: Beteiligung entfernt"),
            );
            continue;
        };
        let actor = ActorId(dense);
        let role_field = format!("{}.role", field());
        let role = match ctx.opt_str(at, p, &role_field) {
            Some(r) => Role::parse(r).unwrap_or_else(|| {
                ctx.report(
                    Severity::Warning,
                    Code::UnknownValue,
                    at,
                    &role_field,
                    format!("role \"{r}\" is neither \"lead\" nor \"partner\": read as \"partner\""),
                    format!("Rolle „{r}“ ist weder „lead“ noch „partner“: gelesen als „partner“"),
                );
                Role::Partner
            }),
            None => {
                ctx.report(
                    Severity::Warning,
                    Code::MissingField,
                    at,
                    &role_field,
                    format!("participant \"{key}\" has no role: read as \"partner\""),
                    format!("Beteiligter „{key}“ hat keine Rolle: gelesen als „partner“"),
                );
                Role::Partner
            }
        };
        if out.iter().any(|q| q.actor == actor) {
            ctx.report(
                Severity::Notice,
                Code::DuplicateParticipant,
                at,
                &field(),
                format!("actor \"{key}\" is listed twice in this project: the second entry is dropped"),
                format!("Akteur „{key}“ ist in diesem Projekt doppelt aufgeführt: der zweite Eintrag entfällt"),
            );
            continue;
        }
        out.push(Participant { actor, role });
    }
    out
}
