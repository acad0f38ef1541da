//! The import report: every problem found in an export, with where it is and what it means.
//!
//! Core produces `Problem`s; the app's report panel and the CLI render them. Messages exist in German and
//! English; `code` (a [`Code`], exported as its stable string) is what tests and tools match on.

mod code;

use crate::model::Lang;
pub use code::Code;

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
    /// What kind of problem; `code.as_str()` is the stable machine-readable code, e.g. "duplicate-id".
    pub code: Code,
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

/// How many problems of one code and severity are kept in full; the rest are only counted (`ImportReport::more`), so a
/// file with a million faulty records gives a short report in bounded memory.
pub const KEPT_PER_CODE: usize = 20;

/// Problems of one code and severity beyond the first [`KEPT_PER_CODE`]: only counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct More {
    pub code: Code,
    pub severity: Severity,
    pub count: usize,
}

/// All problems of one import: the first [`KEPT_PER_CODE`] of each code and severity in file order, and how
/// many more.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Name of the file or URL the export came from (for messages).
    pub source_name: String,
    pub problems: Vec<Problem>,
    /// Problems counted but not kept, per code and severity, in the order their code first appeared.
    pub more: Vec<More>,
    /// True when the file as a whole could not be read (syntax error, limits, unsupported major version):
    /// the dataset is then empty.
    pub fatal: bool,
}

/// One line of a report grouped by code: a problem, or the count of the rest of its code.
#[derive(Clone, Copy, Debug)]
pub enum Line<'r> {
    Problem(&'r Problem),
    More(&'r More),
}

impl ImportReport {
    /// All problems of `severity`, those only counted included.
    pub fn count(&self, severity: Severity) -> usize {
        self.problems.iter().filter(|p| p.severity == severity).count()
            + self
                .more
                .iter()
                .filter(|m| m.severity == severity)
                .map(|m| m.count)
                .sum::<usize>()
    }

    /// The report grouped by code (codes in the order they first appear, each code's problems in file order),
    /// each group followed by its "and N more" lines.
    pub fn lines(&self) -> Vec<Line<'_>> {
        let mut codes: Vec<Code> = Vec::new();
        for c in self
            .problems
            .iter()
            .map(|p| p.code)
            .chain(self.more.iter().map(|m| m.code))
        {
            if !codes.contains(&c) {
                codes.push(c);
            }
        }
        let mut out = Vec::with_capacity(self.problems.len() + self.more.len());
        for c in codes {
            out.extend(self.problems.iter().filter(|p| p.code == c).map(Line::Problem));
            out.extend(self.more.iter().filter(|m| m.code == c).map(Line::More));
        }
        out
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
        self.problems.is_empty() && self.more.is_empty()
    }
}

fn severity_label(severity: Severity, lang: Lang) -> &'static str {
    match (severity, lang) {
        (Severity::Error, Lang::En) => "error",
        (Severity::Warning, Lang::En) => "warning",
        (Severity::Notice, Lang::En) => "notice",
        (Severity::Error, Lang::De) => "Fehler",
        (Severity::Warning, Lang::De) => "Warnung",
        (Severity::Notice, Lang::De) => "Hinweis",
    }
}

/// Counts as words: "2 errors, 1 warning, 0 notices" / "2 Fehler, 1 Warnung, 0 Hinweise".
pub fn summary(report: &ImportReport, lang: Lang) -> String {
    let (e, w, n) = (report.errors(), report.warnings(), report.notices());
    let counts = match lang {
        Lang::En => format!(
            "{e} error{}, {w} warning{}, {n} notice{}",
            if e == 1 { "" } else { "s" },
            if w == 1 { "" } else { "s" },
            if n == 1 { "" } else { "s" }
        ),
        Lang::De => format!(
            "{e} Fehler, {w} Warnung{}, {n} Hinweis{}",
            if w == 1 { "" } else { "en" },
            if n == 1 { "" } else { "e" }
        ),
    };
    let verdict = match (report.fatal, lang) {
        (true, Lang::En) => " (the file could not be loaded)",
        (true, Lang::De) => " (die Datei konnte nicht geladen werden)",
        (false, _) => "",
    };
    format!("{}: {counts}{verdict}", report.source_name)
}

impl More {
    /// "and 998,000 more errors [self-link]" / "und 998.000 weitere Fehler [self-link]".
    pub fn message(&self, lang: Lang) -> String {
        let n = crate::format::int(self.count as u64, lang);
        let what = severity_label(self.severity, lang);
        let plural = match (self.count == 1, lang, self.severity) {
            (true, _, _) | (false, Lang::De, Severity::Error) => "",
            (false, Lang::En, _) => "s",
            (false, Lang::De, Severity::Warning) => "en",
            (false, Lang::De, Severity::Notice) => "e",
        };
        let what = format!("{what}{plural}");
        match lang {
            Lang::En => format!("and {n} more {what} of this code (only the first {KEPT_PER_CODE} are listed)"),
            Lang::De => format!("und {n} weitere {what} dieser Art (nur die ersten {KEPT_PER_CODE} werden aufgeführt)"),
        }
    }
}

/// One line per problem (`error  $.actors[17].name  (id "a-17")  message`), grouped by code with an "and N
/// more" line where a code had more than [`KEPT_PER_CODE`], then a summary line.
pub fn render_text(report: &ImportReport, lang: Lang) -> String {
    let width = [Severity::Error, Severity::Warning, Severity::Notice]
        .iter()
        .map(|s| severity_label(*s, lang).chars().count())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for line in report.lines() {
        let p = match line {
            Line::Problem(p) => p,
            Line::More(m) => {
                let label = severity_label(m.severity, lang);
                out.push_str(&format!("{label:<width$}  …  {}  [{}]\n", m.message(lang), m.code));
                continue;
            }
        };
        let label = severity_label(p.severity, lang);
        out.push_str(&format!("{label:<width$}  {}", p.path));
        if let Some(id) = &p.record {
            match lang {
                Lang::En => out.push_str(&format!("  (id \"{id}\")")),
                Lang::De => out.push_str(&format!("  (ID „{id}“)")),
            }
        }
        out.push_str(&format!("  {}  [{}]\n", p.message(lang), p.code));
    }
    out.push_str(&summary(report, lang));
    out.push('\n');
    out
}

/// The report as JSON: `{source, fatal, counts: {error, warning, notice}, problems: [{severity, code,
/// record, path, line, column, message, message_en, message_de}], more: [{severity, code, count}]}`;
/// `message` is in `lang`; `counts` include the problems only counted in `more`.
pub fn render_json(report: &ImportReport, lang: Lang) -> String {
    let problems: Vec<serde_json::Value> = report
        .problems
        .iter()
        .map(|p| {
            serde_json::json!({
                "severity": p.severity.key(),
                "code": p.code.as_str(),
                "record": p.record,
                "path": p.path,
                "line": p.line_col.map(|(l, _)| l),
                "column": p.line_col.map(|(_, c)| c),
                "message": p.message(lang),
                "message_en": p.message_en,
                "message_de": p.message_de,
            })
        })
        .collect();
    let more: Vec<serde_json::Value> = report
        .more
        .iter()
        .map(|m| serde_json::json!({ "severity": m.severity.key(), "code": m.code.as_str(), "count": m.count }))
        .collect();
    let value = serde_json::json!({
        "source": report.source_name,
        "fatal": report.fatal,
        "counts": { "error": report.errors(), "warning": report.warnings(), "notice": report.notices() },
        "problems": problems,
        "more": more,
    });
    serde_json::to_string_pretty(&value).unwrap_or_default()
}
