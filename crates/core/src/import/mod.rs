//! Import: turns the bytes of an export (format v1, docs/data-format.md) into a validated `Dataset` and an
//! `ImportReport` listing every problem with its JSON path, record id and a message in German and English.
//!
//! It never panics and never fails as a whole unless the file itself is unreadable (then `report.fatal`).
//! Sections are read in dependency order (taxonomy and regions, actors, projects, links) from a
//! `serde_json::Value` tree, one record at a time, so one bad record never hides the valid rest.

mod actors;
mod context;
mod decode;
mod fields;
mod ids;
mod links;
mod location;
mod meta;
mod projects;
mod regions;
mod taxonomy;

use serde_json::{Map, Value};

use crate::model::Dataset;
use crate::report::{ImportReport, Severity};
use context::Ctx;
use ids::Ids;

pub use actors::OLDEST_FOUNDING_YEAR;
pub use projects::{MAX_VOLUME_EUR, PROJECT_YEARS};

/// Limits that protect the app from files it cannot handle. Passing one refuses the file (size, depth,
/// records per section) or drops the field (string length).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Largest file accepted, in bytes (200 MB).
    pub max_bytes: usize,
    /// Deepest nesting of lists and objects (32; a valid export needs 5).
    pub max_depth: usize,
    /// Longest string, in characters (10,000).
    pub max_string_chars: usize,
    /// Most records in one section (1,000,000).
    pub max_records: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits { max_bytes: 200 * 1024 * 1024, max_depth: 32, max_string_chars: 10_000, max_records: 1_000_000 }
    }
}

/// The top-level sections of format v1, in the order they are read.
pub const SECTIONS: [&str; 7] = ["meta", "technologies", "sectors", "regions", "actors", "projects", "links"];

/// Imports an export with the default [`Limits`].
pub fn import(bytes: &[u8], source_name: &str) -> (Dataset, ImportReport) {
    import_with(bytes, source_name, &Limits::default())
}

/// Imports an export. Never panics; `report.fatal` is set (and the dataset empty) only when the file as a
/// whole cannot be read.
pub fn import_with(bytes: &[u8], source_name: &str, limits: &Limits) -> (Dataset, ImportReport) {
    let mut report = ImportReport { source_name: source_name.to_string(), ..ImportReport::default() };
    let root = match decode::parse(bytes, limits) {
        Ok(root) => root,
        Err(problem) => {
            report.problems.push(problem);
            report.fatal = true;
            return (Dataset::default(), report);
        }
    };
    let mut ctx = Ctx::new(limits);
    let dataset = read(&mut ctx, &root);
    report.problems = ctx.problems;
    report.fatal = dataset.is_none();
    (dataset.unwrap_or_default(), report)
}

/// `None` when the file is refused (unsupported major version, too many records).
fn read(ctx: &mut Ctx<'_>, root: &Map<String, Value>) -> Option<Dataset> {
    for key in root.keys().filter(|k| !SECTIONS.contains(&k.as_str())) {
        ctx.report_at(
            Severity::Notice,
            "unknown-field",
            &format!("$.{key}"),
            format!("unknown top-level section \"{key}\": ignored"),
            format!("Unbekannter Abschnitt „{key}“ auf oberster Ebene: ignoriert"),
        );
    }
    let meta_obj = match root.get("meta") {
        Some(Value::Object(m)) => Some(m),
        None | Some(Value::Null) => None,
        Some(other) => {
            ctx.wrong_type(Severity::Warning, section_at("meta"), "", fields::OBJECT, other);
            None
        }
    };
    let version = meta::check_version(ctx, meta_obj).ok()?;
    let sections = Sections::get(ctx, root)?;
    let meta = meta::read(ctx, meta_obj, version);

    let mut technology_ids = Ids::default();
    let technologies = match sections.technologies {
        Some(records) => taxonomy::technologies(ctx, records, &mut technology_ids),
        None => taxonomy::technologies(ctx, &builtin(crate::taxonomy::wire_technologies()), &mut technology_ids),
    };
    let mut sector_ids = Ids::default();
    let sectors = match sections.sectors {
        Some(records) => taxonomy::sectors(ctx, records, &mut sector_ids),
        None => taxonomy::sectors(ctx, &builtin(crate::taxonomy::wire_sectors()), &mut sector_ids),
    };
    let mut region_ids = Ids::default();
    let regions = match sections.regions {
        Some(records) => regions::read(ctx, records, &mut region_ids),
        None => regions::builtin(&mut region_ids),
    };
    let mut actor_ids = Ids::default();
    let actor_refs = actors::Refs { technologies: &technology_ids, sectors: &sector_ids, regions: &region_ids };
    let actors = actors::read(ctx, sections.actors.unwrap_or_default(), &actor_refs, &mut actor_ids);
    let mut project_ids = Ids::default();
    let project_refs = projects::Refs { technologies: &technology_ids, actors: &actor_ids };
    let projects = projects::read(ctx, sections.projects.unwrap_or_default(), &project_refs, &mut project_ids);
    let links = links::read(ctx, sections.links.unwrap_or_default(), &actor_ids, &project_ids);
    Some(Dataset { meta, technologies, sectors, regions, actors, projects, links })
}

/// The built-in taxonomy as JSON records, read through the same code as the export's own lists.
fn builtin<T: serde::Serialize>(records: Vec<T>) -> Vec<Value> {
    records.iter().filter_map(|r| serde_json::to_value(r).ok()).collect()
}

fn section_at(section: &'static str) -> context::At<'static> {
    context::At { section, index: context::NOT_A_LIST, id: None }
}

/// The list sections of the file; `None` for one that is absent (or not a list, after an error).
struct Sections<'v> {
    technologies: Option<&'v [Value]>,
    sectors: Option<&'v [Value]>,
    regions: Option<&'v [Value]>,
    actors: Option<&'v [Value]>,
    projects: Option<&'v [Value]>,
    links: Option<&'v [Value]>,
}

impl<'v> Sections<'v> {
    /// `None` when a section has more records than the limit (the file is refused).
    fn get(ctx: &mut Ctx<'_>, root: &'v Map<String, Value>) -> Option<Sections<'v>> {
        let mut list = |name: &'static str| -> Result<Option<&'v [Value]>, ()> {
            match root.get(name) {
                None | Some(Value::Null) => {
                    section_missing(ctx, name);
                    Ok(None)
                }
                Some(Value::Array(items)) if items.len() > ctx.limits.max_records => {
                    let max = ctx.limits.max_records;
                    ctx.report_at(
                        Severity::Error,
                        "too-many-records",
                        &format!("$.{name}"),
                        format!("\"{name}\" has {} records; the limit is {max}: the file is refused", items.len()),
                        format!(
                            "„{name}“ hat {} Datensätze; die Grenze liegt bei {max}: die Datei wird abgelehnt",
                            items.len()
                        ),
                    );
                    Err(())
                }
                Some(Value::Array(items)) => Ok(Some(items.as_slice())),
                Some(other) => {
                    ctx.report_at(
                        Severity::Error,
                        "wrong-type",
                        &format!("$.{name}"),
                        format!("\"{name}\" must be a list, found {}: section ignored", fields::type_en(other)),
                        format!("„{name}“ muss eine Liste sein, gefunden: {}; Abschnitt ignoriert", fields::type_de(other)),
                    );
                    Ok(None)
                }
            }
        };
        Some(Sections {
            technologies: list("technologies").ok()?,
            sectors: list("sectors").ok()?,
            regions: list("regions").ok()?,
            actors: list("actors").ok()?,
            projects: list("projects").ok()?,
            links: list("links").ok()?,
        })
    }
}

/// Absent sections: the taxonomy and regions fall back to the built-in lists (notice), actors and projects are
/// empty (warning), links are optional (nothing to say).
fn section_missing(ctx: &mut Ctx<'_>, name: &'static str) {
    let path = format!("$.{name}");
    match name {
        "technologies" | "sectors" | "regions" => ctx.report_at(
            Severity::Notice,
            "section-missing",
            &path,
            format!("the file has no \"{name}\" section: ecomap's built-in list is used"),
            format!("Die Datei hat keinen Abschnitt „{name}“: die eingebaute Liste von ecomap wird verwendet"),
        ),
        "actors" | "projects" => ctx.report_at(
            Severity::Warning,
            "section-missing",
            &path,
            format!("the file has no \"{name}\" section: no {name} are shown"),
            format!("Die Datei hat keinen Abschnitt „{name}“: es werden keine {} gezeigt", german_plural(name)),
        ),
        _ => {}
    }
}

fn german_plural(section: &str) -> &'static str {
    if section == "actors" {
        "Akteure"
    } else {
        "Projekte"
    }
}
