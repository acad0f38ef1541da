//! `actors`: companies, research institutions, networks and public bodies, each with kind, sectors,
//! technologies and location.
//!
//! Required: id, name, kind. Everything else is optional; a bad optional value is dropped with a warning.

use serde_json::{Map, Value};

use super::context::{At, Ctx};
use super::fields::{present, NUMBER};
use super::ids::Ids;
use super::location;
use crate::model::{Actor, ActorKind, SectorId, SizeBand, TechnologyId};
use crate::report::{Code, Severity};

const FIELDS: [&str; 14] = [
    "id",
    "name",
    "kind",
    "sectors",
    "technologies",
    "location",
    "website",
    "description",
    "founded",
    "size",
    "source",
    "updated",
    "fictional",
    "position",
];

/// The oldest plausible founding year (Europe's oldest universities nearby are of the 14th century).
pub const OLDEST_FOUNDING_YEAR: u16 = 1348;

/// The id spaces an actor refers to.
pub(super) struct Refs<'a> {
    pub technologies: &'a Ids,
    pub sectors: &'a Ids,
    pub regions: &'a Ids,
}

/// Reads the actor at `index` into `out` (or reports why not). Call `ctx.finish_section("actors")` after the last.
pub(super) fn one(ctx: &mut Ctx<'_>, index: usize, v: &Value, refs: &Refs<'_>, ids: &mut Ids, out: &mut Vec<Actor>) {
    let Some((at, obj, id)) = ctx.identified_record("actors", index, v, ids) else {
        return;
    };
    ctx.last_error = None;
    match actor(ctx, at, obj, refs) {
        Some(actor) => {
            ids.insert(id, index);
            out.push(actor);
        }
        None => ids.skip(id, index, ctx.last_error),
    }
}

fn actor(ctx: &mut Ctx<'_>, at: At<'_>, obj: &Map<String, Value>, refs: &Refs<'_>) -> Option<Actor> {
    let key = at.id.unwrap_or_default();
    let name = ctx.req_str(at, obj, "name", Code::MissingName)?;
    let kind_key = ctx.req_str(at, obj, "kind", Code::MissingField)?;
    let Some(kind) = ActorKind::parse(kind_key) else {
        let known: Vec<&str> = ActorKind::ALL.iter().map(|k| k.key()).collect();
        ctx.report(
            Severity::Error,
            Code::UnknownKind,
            at,
            "kind",
            format!(
                "unknown actor kind \"{kind_key}\" (expected one of {}): record skipped",
                known.join(", ")
            ),
            format!(
                "Unbekannte Akteursart „{kind_key}“ (erwartet: {}); Datensatz übersprungen",
                known.join(", ")
            ),
        );
        return None;
    };
    ctx.unknown_fields(at, obj, "", &FIELDS);
    let sectors = ctx.refs(
        at,
        obj,
        "sectors",
        refs.sectors,
        Code::UnknownSector,
        ("sector", "Branche"),
    );
    let technologies = ctx.refs(
        at,
        obj,
        "technologies",
        refs.technologies,
        Code::UnknownTechnology,
        ("technology", "Technologie"),
    );
    let location = location::read(ctx, at, obj, refs.regions);
    let website = ctx.opt_str(at, obj, "website").and_then(|url| website(ctx, at, url));
    let description = ctx.text(at, obj, "description", None).unwrap_or_default();
    let founded = founded(ctx, at, obj);
    let size = ctx.opt_str(at, obj, "size").and_then(|s| {
        let parsed = SizeBand::parse(s);
        if parsed.is_none() {
            ctx.unknown_value(at, "size", s, &SizeBand::ALL.map(|b| b.key()));
        }
        parsed
    });
    let source = ctx.opt_str(at, obj, "source").map(str::to_string);
    let updated = ctx.opt_str(at, obj, "updated").and_then(|d| {
        if super::meta::is_iso_date(d) {
            Some(d.to_string())
        } else {
            ctx.report(
                Severity::Warning,
                Code::DateInvalid,
                at,
                "updated",
                format!("\"updated\" is \"{d}\", not a date of the form YYYY-MM-DD: ignored"),
                format!("„updated“ ist „{d}“, kein Datum der Form JJJJ-MM-TT; ignoriert"),
            );
            None
        }
    });
    let fictional = ctx.opt_bool(at, obj, "fictional").unwrap_or(false);
    let position = position(ctx, at, obj);
    Some(Actor {
        key: key.to_string(),
        name: name.to_string(),
        kind,
        sectors: sectors.into_iter().map(|s| SectorId(s as u16)).collect(),
        technologies: technologies.into_iter().map(|t| TechnologyId(t as u16)).collect(),
        location,
        website,
        description,
        founded,
        size,
        source,
        updated,
        fictional,
        position,
    })
}

/// Only absolute http(s) URLs are kept: anything else would be a link the visitor should not follow.
fn website(ctx: &mut Ctx<'_>, at: At<'_>, url: &str) -> Option<String> {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &url[8..]
    } else if lower.starts_with("http://") {
        &url[7..]
    } else {
        ""
    };
    if !rest.is_empty() && !rest.starts_with('/') && !url.chars().any(char::is_whitespace) {
        return Some(url.to_string());
    }
    ctx.report(
        Severity::Warning,
        Code::WebsiteNotHttp,
        at,
        "website",
        format!("website \"{url}\" is not an http:// or https:// address: dropped (never shown as a link)"),
        format!("Website „{url}“ ist keine http://- oder https://-Adresse: entfernt (nie als Link gezeigt)"),
    );
    None
}

fn founded(ctx: &mut Ctx<'_>, at: At<'_>, obj: &Map<String, Value>) -> Option<u16> {
    let year = ctx.int(Severity::Warning, at, obj, "founded")?;
    let latest = ctx.latest_year;
    if (i64::from(OLDEST_FOUNDING_YEAR)..=i64::from(latest)).contains(&year) {
        return Some(year as u16);
    }
    ctx.report(
        Severity::Warning,
        Code::YearOutOfRange,
        at,
        "founded",
        format!("founding year {year} is outside {OLDEST_FOUNDING_YEAR}..{latest}: ignored"),
        format!("Gründungsjahr {year} liegt außerhalb von {OLDEST_FOUNDING_YEAR}..{latest}; ignoriert"),
    );
    None
}

fn position(ctx: &mut Ctx<'_>, at: At<'_>, obj: &Map<String, Value>) -> Option<(f32, f32)> {
    let p = ctx.opt_object(at, obj, "position")?;
    ctx.unknown_fields(at, p, "position", &["x", "y"]);
    let mut xy = [0f32; 2];
    for (slot, field) in xy.iter_mut().zip(["position.x", "position.y"]) {
        match present(p, field) {
            Some(v) if v.as_f64().is_some_and(|f| (f as f32).is_finite()) => *slot = v.as_f64().unwrap_or(0.0) as f32,
            Some(v) => {
                ctx.wrong_type(Severity::Warning, at, field, NUMBER, v);
                return None;
            }
            None => {
                ctx.report(
                    Severity::Warning,
                    Code::MissingField,
                    at,
                    field,
                    format!("\"{field}\" is missing: position ignored"),
                    format!("„{field}“ fehlt; Position ignoriert"),
                );
                return None;
            }
        }
    }
    Some((xy[0], xy[1]))
}

impl Ctx<'_> {
    /// A value outside a closed list of an optional field: warning, field dropped.
    pub fn unknown_value(&mut self, at: At<'_>, field: &str, found: &str, known: &[&str]) {
        self.report(
            Severity::Warning,
            Code::UnknownValue,
            at,
            field,
            format!(
                "\"{field}\" is \"{found}\", expected one of {}: ignored",
                known.join(", ")
            ),
            format!("„{field}“ ist „{found}“, erwartet: {}; ignoriert", known.join(", ")),
        );
    }
}
