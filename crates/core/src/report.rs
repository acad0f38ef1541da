//! The import report: every problem found in an export, with where it is and what it means.
//!
//! Core produces `Problem`s; the app's report panel and the CLI render them. Messages exist in German and
//! English; `code` is stable so tests and tools can match on it.

use crate::model::Lang;

/// How bad a problem is. Errors skip a record (or refuse the file); warnings drop a field or a reference;
/// notices change nothing the visitor sees.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Notice,
    Warning,
    Error,
}

impl Severity {
    pub fn key(self) -> &'static str {
        match self {
            Severity::Notice => "notice",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// One problem in an export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    /// Stable machine-readable code, e.g. "duplicate-id", "json-syntax".
    pub code: &'static str,
    /// The `id` of the record concerned, when known.
    pub record: Option<String>,
    /// JSON path, e.g. `$.actors[17].location.lat` (`$` for the whole file).
    pub path: String,
    /// 1-based line and column (in characters) for syntax errors.
    pub line_col: Option<(usize, usize)>,
    pub message_en: String,
    pub message_de: String,
}

impl Problem {
    pub fn message(&self, lang: Lang) -> &str {
        match lang {
            Lang::De => &self.message_de,
            Lang::En => &self.message_en,
        }
    }
}

/// All problems of one import, in file order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Name of the file or URL the export came from (for messages).
    pub source_name: String,
    pub problems: Vec<Problem>,
    /// True when the file as a whole could not be read (syntax error, limits, unsupported major version):
    /// the dataset is then empty.
    pub fatal: bool,
}

impl ImportReport {
    pub fn count(&self, severity: Severity) -> usize {
        self.problems.iter().filter(|p| p.severity == severity).count()
    }
    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }
    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }
    pub fn notices(&self) -> usize {
        self.count(Severity::Notice)
    }
    pub fn is_clean(&self) -> bool {
        self.problems.is_empty()
    }
}
