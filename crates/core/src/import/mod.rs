//! Import: turns the bytes of an export (format v1, docs/data-format.md) into a validated `Dataset` and an
//! `ImportReport` listing every problem with its JSON path, record id and a message in German and English.
//!
//! It never panics and never fails as a whole unless the file itself is unreadable (then `report.fatal`).
//! Records are read one at a time (streamed: see `stream`), so one bad record never hides the valid rest,
//! and sections in dependency order (taxonomy and regions, actors, projects, links).

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
mod stream;
mod taxonomy;
mod tree;

use crate::model::Dataset;
use crate::report::{Code, ImportReport};
use context::Ctx;

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
        Limits {
            max_bytes: 200 * 1024 * 1024,
            max_depth: 32,
            max_string_chars: 10_000,
            max_records: 1_000_000,
        }
    }
}

pub use stream::SECTIONS;

/// Imports an export with the default [`Limits`].
pub fn import(bytes: &[u8], source_name: &str) -> (Dataset, ImportReport) {
    import_with(bytes, source_name, &Limits::default())
}

/// Imports an export. Never panics; `report.fatal` is set (and the dataset empty) only when the file as a
/// whole cannot be read.
pub fn import_with(bytes: &[u8], source_name: &str, limits: &Limits) -> (Dataset, ImportReport) {
    let mut report = ImportReport {
        source_name: source_name.to_string(),
        ..ImportReport::default()
    };
    let fatal = |mut report: ImportReport, problem| {
        report.problems = vec![problem];
        report.fatal = true;
        (Dataset::default(), report)
    };
    let text = match decode::decode(bytes, limits) {
        Ok(text) => text,
        Err(problem) => return fatal(report, *problem),
    };
    if !text.text.trim_start().starts_with('{') {
        return fatal(report, decode::not_an_object(&text));
    }
    let mut ctx = Ctx::new(limits);
    match stream::Reader::new(&mut ctx).read(&text.text) {
        // A syntax error anywhere voids what was read before it: the file is refused as a whole.
        Err((base, e)) => fatal(report, decode::syntax_problem(&text, base, &e)),
        Ok(Some(dataset)) => {
            report.problems = ctx.problems;
            report.more = ctx.more;
            (dataset, report)
        }
        // Refused (unsupported version, too many records): only the reason counts, not what was read before.
        Ok(None) => {
            let reasons = [Code::UnsupportedVersion, Code::TooManyRecords];
            match ctx.problems.into_iter().find(|p| reasons.contains(&p.code)) {
                Some(problem) => fatal(report, problem),
                None => {
                    report.fatal = true;
                    (Dataset::default(), report)
                }
            }
        }
    }
}
