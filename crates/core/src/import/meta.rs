//! `meta`: the format version check (which may refuse the file) and the export's descriptive fields.
//!
//! Version rule: missing → warning, read as 1.0; 1.0 and 1.1 (which added `contact`) → read; 1.x with x > 1 →
//! notice, loaded; any other major → refused.

use serde_json::{Map, Value};

use super::context::{At, Ctx, NOT_A_LIST};
use super::fields::{present, type_de, type_en, LIST, STRING};
use crate::model::Meta;
use crate::report::{Code, Severity};
use crate::wire::FORMAT_VERSION;

/// What a file without a readable version is read as (the first format; every later 1.x only adds fields).
const ASSUMED: &str = "1.0";

const AT: At<'static> = At {
    section: "meta",
    index: NOT_A_LIST,
    id: None,
};
const KNOWN: [&str; 9] = [
    "format_version",
    "title",
    "date",
    "source",
    "licence",
    "languages",
    "notes",
    "reference_year",
    "contact",
];

/// Checks `meta.format_version`; `Err` means the file is refused (the problem is already reported).
pub(super) fn check_version(ctx: &mut Ctx<'_>, meta: Option<&Map<String, Value>>) -> Result<String, ()> {
    let path = "$.meta.format_version";
    let found = match meta.and_then(|m| present(m, "format_version")) {
        None => {
            ctx.report_at(
                Severity::Warning,
                Code::VersionMissing,
                path,
                format!("meta.format_version is missing: read as format {ASSUMED}"),
                format!("meta.format_version fehlt; gelesen als Format {ASSUMED}"),
            );
            return Ok(ASSUMED.to_string());
        }
        Some(Value::String(s)) => s.trim(),
        Some(other) => {
            ctx.report_at(
                Severity::Warning,
                Code::WrongType,
                path,
                format!(
                    "meta.format_version must be a string such as \"{FORMAT_VERSION}\", found {}: read as format \
                     {ASSUMED}",
                    type_en(other)
                ),
                format!(
                    "meta.format_version muss ein Text wie „{FORMAT_VERSION}“ sein, gefunden: {}; gelesen als \
                     Format {ASSUMED}",
                    type_de(other)
                ),
            );
            return Ok(ASSUMED.to_string());
        }
    };
    let parsed = found
        .split_once('.')
        .and_then(|(a, b)| Some((a.parse::<u32>().ok()?, b.parse::<u32>().ok()?)));
    match parsed {
        // 1.1 added the optional `meta.contact`.
        Some((1, 0 | 1)) => Ok(found.to_string()),
        Some((1, _)) => {
            ctx.report_at(
                Severity::Notice,
                Code::VersionNewerMinor,
                path,
                format!(
                    "format version \"{found}\" is a newer minor version than this ecomap reads ({FORMAT_VERSION}): \
                     loading; unknown fields are ignored"
                ),
                format!(
                    "Formatversion „{found}“ ist eine neuere Unterversion als die von ecomap gelesene \
                     ({FORMAT_VERSION}): wird geladen; unbekannte Felder werden ignoriert"
                ),
            );
            Ok(found.to_string())
        }
        Some((major, _)) => {
            ctx.report_at(
                Severity::Error,
                Code::UnsupportedVersion,
                path,
                format!(
                    "format version \"{found}\" (major version {major}) cannot be read: this ecomap reads format \
                     {FORMAT_VERSION} (1.x); the file is refused"
                ),
                format!(
                    "Formatversion „{found}“ (Hauptversion {major}) kann nicht gelesen werden: diese ecomap liest \
                     Format {FORMAT_VERSION} (1.x); die Datei wird abgelehnt"
                ),
            );
            Err(())
        }
        None => {
            ctx.report_at(
                Severity::Warning,
                Code::VersionInvalid,
                path,
                format!("format version \"{found}\" is not of the form MAJOR.MINOR: read as {ASSUMED}"),
                format!("Formatversion „{found}“ hat nicht die Form HAUPT.UNTER; gelesen als {ASSUMED}"),
            );
            Ok(ASSUMED.to_string())
        }
    }
}

/// True for "YYYY-MM-DD" with a plausible month and day.
pub(super) fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && matches!(s[5..7].parse::<u8>(), Ok(1..=12))
        && matches!(s[8..10].parse::<u8>(), Ok(1..=31))
}

/// Reads the rest of `meta`. Missing fields that ecomap writes are warnings: nothing is skipped.
pub(super) fn read(ctx: &mut Ctx<'_>, meta: Option<&Map<String, Value>>, format_version: String) -> Meta {
    let mut out = Meta {
        format_version,
        ..Meta::default()
    };
    let Some(m) = meta else {
        ctx.report_at(
            Severity::Warning,
            Code::MissingField,
            "$.meta",
            "the file has no \"meta\" section (title, date, source, licence)".into(),
            "Die Datei hat keinen Abschnitt „meta“ (Titel, Datum, Quelle, Lizenz)".into(),
        );
        return out;
    };
    let at = AT;
    ctx.unknown_fields(at, m, "", &KNOWN);
    for field in ["title", "date", "source", "licence", "languages"] {
        if present(m, field).is_none() {
            ctx.report_at(
                Severity::Warning,
                Code::MissingField,
                &format!("$.meta.{field}"),
                format!("meta.{field} is missing"),
                format!("meta.{field} fehlt"),
            );
        }
    }
    out.title = ctx.meta_text(m, "title");
    out.notes = ctx.meta_text(m, "notes");
    if let Some(date) = ctx.meta_str(m, "date") {
        if is_iso_date(&date) {
            if let Ok(year) = date[..4].parse::<u16>() {
                ctx.latest_year = ctx.latest_year.max(year.saturating_add(1));
            }
            out.date = date;
        } else {
            ctx.report_at(
                Severity::Warning,
                Code::DateInvalid,
                "$.meta.date",
                format!("meta.date \"{date}\" is not a date of the form YYYY-MM-DD: ignored"),
                format!("meta.date „{date}“ ist kein Datum der Form JJJJ-MM-TT; ignoriert"),
            );
        }
    }
    out.source = ctx.meta_str(m, "source").unwrap_or_default();
    out.licence = ctx.meta_str(m, "licence").unwrap_or_default();
    match present(m, "languages") {
        Some(Value::Array(items)) => {
            out.languages = items
                .iter()
                .filter_map(|v| v.as_str())
                .map(|s| s.trim().to_string())
                .collect();
            if out.languages.len() != items.len() {
                ctx.report_at(
                    Severity::Warning,
                    Code::WrongType,
                    "$.meta.languages",
                    "meta.languages must be a list of strings such as [\"de\", \"en\"]: other items ignored".into(),
                    "meta.languages muss eine Liste von Texten wie [\"de\", \"en\"] sein; andere Einträge ignoriert"
                        .into(),
                );
            }
        }
        Some(other) => ctx.wrong_type(Severity::Warning, at, "languages", LIST, other),
        None => {}
    }
    match ctx.int(Severity::Warning, at, m, "reference_year") {
        Some(y) if (1900..=2200).contains(&y) => {
            out.reference_year = Some(y as u16);
            ctx.latest_year = ctx.latest_year.max(y as u16 + 1);
        }
        Some(y) => ctx.report_at(
            Severity::Warning,
            Code::YearOutOfRange,
            "$.meta.reference_year",
            format!("meta.reference_year {y} is outside 1900..2200: ignored"),
            format!("meta.reference_year {y} liegt außerhalb von 1900..2200; ignoriert"),
        ),
        None => {}
    }
    #[cfg(feature = "contact-check")]
    {
        out.contact = contact(ctx, present(m, "contact"));
    }
    ctx.finish_section("meta");
    out
}

/// `meta.contact` (format 1.1): each address checked by `crate::contact::url`; a bad one is left out with a
/// warning that names its path. Only with the feature `contact-check` (the app leaves it out: Cargo.toml).
#[cfg(feature = "contact-check")]
fn contact(ctx: &mut Ctx<'_>, v: Option<&Value>) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    match v {
        None => {}
        Some(Value::Object(c)) => {
            ctx.unknown_fields(AT, c, "contact", &crate::contact::KEYS);
            for key in crate::contact::KEYS {
                let found = present(c, key).map(|v| v.as_str().ok_or(v));
                match found.map(|s| s.map(|s| (s, crate::contact::url(s)))) {
                    None => {}
                    Some(Ok((_, Ok(url)))) => out.push((key, url)),
                    Some(Ok((s, Err((en, de))))) => bad_contact(ctx, key, s, en, de),
                    Some(Err(_)) => bad_contact(ctx, key, "", "is not a URL string", "ist keine URL als Text"),
                }
            }
        }
        Some(_) => bad_contact(ctx, "", "", "is not an object", "ist kein Objekt"),
    }
    out
}

#[cfg(feature = "contact-check")]
#[cold]
#[inline(never)]
fn bad_contact(ctx: &mut Ctx<'_>, key: &str, value: &str, en: &str, de: &str) {
    let field = if key.is_empty() {
        "contact".to_string()
    } else {
        format!("contact.{key}")
    };
    ctx.report_at(
        Severity::Warning,
        Code::ContactInvalid,
        &format!("$.meta.{field}"),
        format!("meta.{field} \"{value}\" {en}: left out"),
        format!("meta.{field} „{value}“ {de}; weggelassen"),
    );
}

impl Ctx<'_> {
    fn meta_str(&mut self, m: &Map<String, Value>, field: &str) -> Option<String> {
        match present(m, field)? {
            Value::String(s) => Some(s.trim().to_string()),
            other => {
                self.wrong_type(Severity::Warning, AT, field, STRING, other);
                None
            }
        }
    }
    fn meta_text(&mut self, m: &Map<String, Value>, field: &str) -> crate::model::Localized {
        self.text(AT, m, field, None).unwrap_or_default()
    }
}
