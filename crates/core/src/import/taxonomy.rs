//! `technologies` and `sectors`: the export's own lists of technology fields and sectors.
//!
//! A section that is absent falls back to the cluster's built-in taxonomy (`crate::taxonomy`); an empty list
//! stays empty.

use serde_json::{Map, Value};

use super::context::{At, Ctx};
use super::ids::Ids;
use crate::model::{Localized, Sector, Technology};
use crate::report::{Code, Severity};

const TECHNOLOGY_FIELDS: [&str; 3] = ["id", "name", "description"];
const SECTOR_FIELDS: [&str; 2] = ["id", "name"];
/// Dense ids of technologies and sectors are u16.
const MAX_ENTRIES: usize = u16::MAX as usize;

pub(super) fn technologies(ctx: &mut Ctx<'_>, records: &[Value], ids: &mut Ids) -> Vec<Technology> {
    named_records(
        ctx,
        "technologies",
        records,
        ids,
        &TECHNOLOGY_FIELDS,
        |ctx, at, obj, key, name| {
            let description = ctx.text(at, obj, "description", None).unwrap_or_default();
            Technology { key, name, description }
        },
    )
}

pub(super) fn sectors(ctx: &mut Ctx<'_>, records: &[Value], ids: &mut Ids) -> Vec<Sector> {
    named_records(ctx, "sectors", records, ids, &SECTOR_FIELDS, |_, _, _, key, name| {
        Sector { key, name }
    })
}

/// Reads a section of records with an id and a localized name (technologies, sectors): each record is
/// checked for id, name and room in the u16 id space; `make` reads the section's other fields.
fn named_records<T>(
    ctx: &mut Ctx<'_>,
    section: &'static str,
    records: &[Value],
    ids: &mut Ids,
    fields: &[&str],
    make: impl Fn(&mut Ctx<'_>, At<'_>, &Map<String, Value>, String, Localized) -> T,
) -> Vec<T> {
    let mut out = Vec::new();
    for (index, v) in records.iter().enumerate() {
        let Some((at, obj, id)) = ctx.identified_record(section, index, v, ids) else {
            continue;
        };
        let Ok(name) = ctx.text(at, obj, "name", Some(Code::MissingName)) else {
            continue;
        };
        if !ctx.room_for(at, ids.len(), MAX_ENTRIES) {
            continue;
        }
        ctx.unknown_fields(at, obj, "", fields);
        let record = make(ctx, at, obj, id.to_string(), name);
        ids.insert(id, index);
        out.push(record);
    }
    ctx.finish_section(section);
    out
}

impl Ctx<'_> {
    /// The record as an object, or `None` after an error.
    pub fn record_object<'v>(&mut self, at: At<'_>, v: &'v Value) -> Option<&'v serde_json::Map<String, Value>> {
        match v {
            Value::Object(m) => Some(m),
            other => {
                self.report(
                    Severity::Error,
                    Code::RecordNotObject,
                    at,
                    "",
                    format!(
                        "each entry of \"{}\" must be an object, found {}: entry skipped",
                        at.section,
                        super::fields::type_en(other)
                    ),
                    format!(
                        "Jeder Eintrag von „{}“ muss ein Objekt sein, gefunden: {}; Eintrag übersprungen",
                        at.section,
                        super::fields::type_de(other)
                    ),
                );
                None
            }
        }
    }

    /// False (and an error) when a section whose ids are u16 is full.
    pub fn room_for(&mut self, at: At<'_>, len: usize, max: usize) -> bool {
        if len < max {
            return true;
        }
        self.report(
            Severity::Error,
            Code::TooManyRecords,
            at,
            "",
            format!("\"{}\" may hold at most {max} entries: record skipped", at.section),
            format!(
                "„{}“ darf höchstens {max} Einträge haben; Datensatz übersprungen",
                at.section
            ),
        );
        false
    }
}
