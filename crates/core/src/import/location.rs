//! An actor's `location`: coordinates checked against Berlin-Brandenburg, and its region key, given or
//! derived from the point.
//!
//! A bad point is dropped (the actor stays, off the map); a given region key wins over the derived one.

use serde_json::{Map, Value};

use super::context::{At, Ctx};
use super::decode::short_number;
use super::fields::{present, NUMBER};
use super::ids::Ids;
use crate::geo;
use crate::model::{Location, LonLat, RegionId};
use crate::report::{Code, Severity};

const FIELDS: [&str; 4] = ["lon", "lat", "address", "region"];

pub(super) fn read(ctx: &mut Ctx<'_>, at: At<'_>, actor: &Map<String, Value>, regions: &Ids) -> Location {
    let mut out = Location::default();
    let Some(obj) = ctx.opt_object(at, actor, "location") else {
        return out;
    };
    ctx.unknown_fields(at, obj, "location", &FIELDS);
    out.address = ctx.opt_str(at, obj, "location.address").map(str::to_string);
    let given =
        ctx.opt_str(at, obj, "location.region")
            .and_then(|key| match regions.get(key) {
                Some(dense) => Some((key, RegionId(dense as u16))),
                None => {
                    ctx.report(
                Severity::Warning,
                Code::UnknownRegion,
                at,
                "location.region",
                format!("unknown region key \"{key}\": region dropped (expected one of 11001-11012, 12051-12073)"),
                format!("Unbekannter Regionsschlüssel „{key}“: Region entfernt (erwartet: 11001-11012, 12051-12073)"),
            );
                    None
                }
            });
    out.region = given.map(|(_, id)| id);
    let Some(point) = point(ctx, at, obj) else { return out };
    match geo::region_at(point) {
        Some(key) => {
            out.point = Some(point);
            match given {
                None => out.region = regions.get(key).map(|d| RegionId(d as u16)),
                Some((given_key, _)) if given_key != key => ctx.report(
                    Severity::Notice,
                    Code::RegionMismatch,
                    at,
                    "location.region",
                    format!(
                        "the point lies in region \"{key}\" on the basemap, not in \"{given_key}\": the given \
                         region is kept (the basemap is simplified near borders)"
                    ),
                    format!(
                        "Der Punkt liegt auf der Karte in Region „{key}“, nicht in „{given_key}“: die angegebene \
                         Region bleibt (die Karte ist an Grenzen vereinfacht)"
                    ),
                ),
                Some(_) => {}
            }
        }
        None if geo::in_berlin_brandenburg(point) => out.point = Some(point),
        None => {
            let swapped = LonLat {
                lon: point.lat,
                lat: point.lon,
            };
            if geo::in_berlin_brandenburg(swapped) {
                ctx.report(
                    Severity::Warning,
                    Code::CoordinatesSwapped,
                    at,
                    "location",
                    format!(
                        "lat and lon look swapped (lon {}, lat {} lies outside Berlin-Brandenburg; the other way \
                         round it would lie inside): the actor is not shown on the map",
                        point.lon, point.lat
                    ),
                    format!(
                        "lat und lon scheinen vertauscht (lon {}, lat {} liegt außerhalb von Berlin-Brandenburg, \
                         umgekehrt läge der Punkt innerhalb): der Akteur erscheint nicht auf der Karte",
                        point.lon, point.lat
                    ),
                );
            } else {
                ctx.report(
                    Severity::Warning,
                    Code::OutsideBerlinBrandenburg,
                    at,
                    "location",
                    format!(
                        "lon {}, lat {} lies more than {} km outside Berlin-Brandenburg: the actor is not shown \
                         on the map",
                        point.lon,
                        point.lat,
                        geo::OUTLINE_TOLERANCE_KM
                    ),
                    format!(
                        "lon {}, lat {} liegt mehr als {} km außerhalb von Berlin-Brandenburg: der Akteur \
                         erscheint nicht auf der Karte",
                        point.lon,
                        point.lat,
                        geo::OUTLINE_TOLERANCE_KM
                    ),
                );
            }
        }
    }
    out
}

/// Reads lon/lat as WGS84 degrees; `None` when absent or unusable (with a warning for the latter).
fn point(ctx: &mut Ctx<'_>, at: At<'_>, obj: &Map<String, Value>) -> Option<LonLat> {
    let lon = present(obj, "lon");
    let lat = present(obj, "lat");
    let (lon, lat) = match (lon, lat) {
        (None, None) => return None,
        (Some(lon), Some(lat)) => (lon, lat),
        (Some(_), None) | (None, Some(_)) => {
            let missing = if lon.is_none() { "lon" } else { "lat" };
            ctx.report(
                Severity::Warning,
                Code::CoordinatesInvalid,
                at,
                &format!("location.{missing}"),
                format!(
                    "location has only one coordinate (\"{missing}\" is missing): the actor is not shown on the map"
                ),
                format!(
                    "location hat nur eine Koordinate („{missing}“ fehlt): der Akteur erscheint nicht auf der Karte"
                ),
            );
            return None;
        }
    };
    let mut ok = true;
    for (name, v) in [("location.lon", lon), ("location.lat", lat)] {
        if !v.is_number() {
            ctx.wrong_type(Severity::Warning, at, name, NUMBER, v);
            ok = false;
        }
    }
    let (lon, lat) = (lon.as_f64()?, lat.as_f64()?);
    if !ok {
        return None;
    }
    if !(lon.is_finite() && lat.is_finite() && (-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat)) {
        let (lon, lat) = (short_number(lon), short_number(lat));
        ctx.report(
            Severity::Warning,
            Code::CoordinatesInvalid,
            at,
            "location",
            format!(
                "lon {lon}, lat {lat} are not WGS84 degrees (lon -180..180, lat -90..90): the actor is not shown \
                 on the map"
            ),
            format!(
                "lon {lon}, lat {lat} sind keine WGS84-Grad (lon -180..180, lat -90..90): der Akteur erscheint \
                 nicht auf der Karte"
            ),
        );
        return None;
    }
    Some(LonLat { lon, lat })
}
