//! `regions`: the export's list of regions, checked against the 30 keys of the basemap.
//!
//! Keys are five-digit strings (see `crate::regions`). An unknown key is kept with a warning (it has no shape
//! on the map); an absent section means the built-in 30.

use serde_json::Value;

use super::context::Ctx;
use super::ids::Ids;
use crate::model::{Region, State};
use crate::regions::{region_info, REGIONS};
use crate::report::{Code, Severity};

const FIELDS: [&str; 3] = ["id", "name", "state"];
const MAX_ENTRIES: usize = u16::MAX as usize;

pub(super) fn builtin(ids: &mut Ids) -> Vec<Region> {
    REGIONS
        .iter()
        .enumerate()
        .map(|(i, r)| {
            ids.insert(r.key, i);
            Region {
                key: r.key.to_string(),
                name: r.name.to_string(),
                state: r.state,
            }
        })
        .collect()
}

pub(super) fn read(ctx: &mut Ctx<'_>, records: &[Value], ids: &mut Ids) -> Vec<Region> {
    let mut out = Vec::new();
    for (index, v) in records.iter().enumerate() {
        let Some((at, obj, id)) = ctx.identified_record("regions", index, v, ids) else {
            continue;
        };
        let Some(name) = ctx.req_str(at, obj, "name", Code::MissingName) else {
            continue;
        };
        let Some(state_key) = ctx.req_str(at, obj, "state", Code::MissingField) else {
            continue;
        };
        let state = match state_key {
            "BE" => State::Berlin,
            "BB" => State::Brandenburg,
            other => {
                ctx.report(
                    Severity::Error,
                    Code::UnknownValue,
                    at,
                    "state",
                    format!("\"state\" must be \"BE\" or \"BB\", found \"{other}\": record skipped"),
                    format!("„state“ muss „BE“ oder „BB“ sein, gefunden: „{other}“; Datensatz übersprungen"),
                );
                continue;
            }
        };
        if !ctx.room_for(at, ids.len(), MAX_ENTRIES) {
            continue;
        }
        if region_info(id).is_none() {
            ctx.report(
                Severity::Warning,
                Code::UnknownRegion,
                at,
                "id",
                format!(
                    "region key \"{id}\" is not one of the 30 basemap keys (11001-11012, 12051-12073): kept, but it \
                     has no shape on the map"
                ),
                format!(
                    "Regionsschlüssel „{id}“ ist keiner der 30 Schlüssel der Karte (11001-11012, 12051-12073): \
                     bleibt erhalten, hat aber keine Fläche auf der Karte"
                ),
            );
        }
        ctx.unknown_fields(at, obj, "", &FIELDS);
        ids.insert(id, index);
        out.push(Region {
            key: id.to_string(),
            name: name.to_string(),
            state,
        });
    }
    ctx.finish_section("regions");
    out
}
