//! The import context: the problem list being built, the limits, and notices that are summed up per
//! section and field instead of repeated for every record (unknown fields, filled-in languages).
//!
//! Paths are formatted only when a problem is reported, so clean records cost no allocation here.

use std::collections::HashMap;

use super::Limits;
use crate::report::{Code, More, Problem, Severity, KEPT_PER_CODE};

/// `At::index` of a section that is an object, not a list (`meta`).
pub(super) const NOT_A_LIST: usize = usize::MAX;

/// Where a record sits: `$.section[index]`, with its id once known.
#[derive(Clone, Copy, Debug)]
pub(super) struct At<'a> {
    pub section: &'static str,
    pub index: usize,
    pub id: Option<&'a str>,
}

impl At<'_> {
    /// `$.actors[17]` or, with a field, `$.actors[17].location.lat`.
    pub fn path(&self, field: &str) -> String {
        let base = if self.index == NOT_A_LIST {
            format!("$.{}", self.section)
        } else {
            format!("$.{}[{}]", self.section, self.index)
        };
        if field.is_empty() {
            base
        } else {
            format!("{base}.{field}")
        }
    }
}

/// Counts one kind of repeated notice per (section, field): first occurrence and how many.
#[derive(Default)]
struct Tally {
    order: Vec<(&'static str, String)>,
    seen: HashMap<(&'static str, String), (usize, String, Option<String>)>,
}

impl Tally {
    fn add(&mut self, at: At<'_>, field: &str) {
        let key = (at.section, field.to_string());
        if let Some(entry) = self.seen.get_mut(&key) {
            entry.0 += 1;
        } else {
            self.order.push(key.clone());
            self.seen.insert(key, (1, at.path(field), at.id.map(str::to_string)));
        }
    }
    fn drain(&mut self, section: &'static str) -> Vec<(String, usize, String, Option<String>)> {
        let (mine, rest): (Vec<_>, Vec<_>) = self.order.drain(..).partition(|(s, _)| *s == section);
        self.order = rest;
        mine.into_iter()
            .filter_map(|key| {
                let (n, path, id) = self.seen.remove(&key)?;
                Some((key.1, n, path, id))
            })
            .collect()
    }
}

pub(super) struct Ctx<'l> {
    pub limits: &'l Limits,
    /// The first [`KEPT_PER_CODE`] problems of each code and severity, in file order.
    pub problems: Vec<Problem>,
    /// The problems beyond those, only counted (bounded memory for files with millions of faults).
    pub more: Vec<More>,
    kept: [u32; 3 * Code::ALL.len()],
    /// The code of the last error reported (kept or only counted): why a record was skipped.
    pub last_error: Option<Code>,
    /// Upper bound of plausible founding years (the export's year + 1; import reads no clock).
    pub latest_year: u16,
    unknown_fields: Tally,
    filled_languages: Tally,
}

impl<'l> Ctx<'l> {
    pub fn new(limits: &'l Limits) -> Ctx<'l> {
        Ctx {
            limits,
            problems: Vec::new(),
            more: Vec::new(),
            kept: [0; 3 * Code::ALL.len()],
            last_error: None,
            latest_year: 2027,
            unknown_fields: Tally::default(),
            filled_languages: Tally::default(),
        }
    }

    /// Whether one more problem of `code` and `severity` is kept in full; if not, it is counted in `more`.
    #[inline(never)]
    fn keeps(&mut self, code: Code, severity: Severity) -> bool {
        if severity == Severity::Error {
            self.last_error = Some(code);
        }
        let kept = &mut self.kept[3 * code as usize + severity as usize];
        if (*kept as usize) < KEPT_PER_CODE {
            *kept += 1;
            return true;
        }
        match self.more.iter_mut().find(|m| m.code == code && m.severity == severity) {
            Some(m) => m.count += 1,
            None => self.more.push(More {
                code,
                severity,
                count: 1,
            }),
        }
        false
    }

    /// Keeps `problem` or only counts it (see [`Ctx::keeps`]).
    pub fn push(&mut self, problem: Problem) {
        if self.keeps(problem.code, problem.severity) {
            self.problems.push(problem);
        }
    }

    /// Reports a problem of the record at `at`, field `field` (empty for the record itself).
    pub fn report(&mut self, severity: Severity, code: Code, at: At<'_>, field: &str, en: String, de: String) {
        if !self.keeps(code, severity) {
            return;
        }
        self.problems.push(Problem {
            severity,
            code,
            record: at.id.map(str::to_string),
            path: at.path(field),
            line_col: None,
            message_en: en,
            message_de: de,
        });
    }

    /// Reports a problem at a path outside any record (`$.meta.format_version`, `$.regions`).
    pub fn report_at(&mut self, severity: Severity, code: Code, path: &str, en: String, de: String) {
        if !self.keeps(code, severity) {
            return;
        }
        self.problems.push(Problem {
            severity,
            code,
            record: None,
            path: path.to_string(),
            line_col: None,
            message_en: en,
            message_de: de,
        });
    }

    /// Notes fields of `obj` not in `known` (one notice per field name and section, issued by `finish_section`).
    pub fn unknown_fields(
        &mut self,
        at: At<'_>,
        obj: &serde_json::Map<String, serde_json::Value>,
        prefix: &str,
        known: &[&str],
    ) {
        for key in obj.keys() {
            if !known.contains(&key.as_str()) {
                let field = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                self.unknown_fields.add(at, &field);
            }
        }
    }

    /// Notes that one language of a text was missing and filled from the other.
    pub fn language_filled(&mut self, at: At<'_>, field: &str) {
        self.filled_languages.add(at, field);
    }

    /// Issues the summed-up notices of `section`.
    pub fn finish_section(&mut self, section: &'static str) {
        for (field, n, path, id) in self.unknown_fields.drain(section) {
            let (en_times, de_times) = times(n);
            self.push(Problem {
                severity: Severity::Notice,
                code: Code::UnknownField,
                record: id,
                path,
                line_col: None,
                message_en: format!(
                    "unknown field \"{field}\" in {section} ({en_times}, first here): ignored; newer format \
                     versions or other tools may use it"
                ),
                message_de: format!(
                    "Unbekanntes Feld „{field}“ in {section} ({de_times}, zuerst hier): wird ignoriert"
                ),
            });
        }
        for (field, n, path, id) in self.filled_languages.drain(section) {
            let (en_times, de_times) = times(n);
            self.push(Problem {
                severity: Severity::Notice,
                code: Code::LanguageFilled,
                record: id,
                path,
                line_col: None,
                message_en: format!(
                    "\"{field}\" in {section} has only one language ({en_times}, first here): the other \
                     language shows the same text"
                ),
                message_de: format!(
                    "„{field}“ in {section} hat nur eine Sprache ({de_times}, zuerst hier): die andere Sprache \
                     zeigt denselben Text"
                ),
            });
        }
    }
}

fn times(n: usize) -> (String, String) {
    if n == 1 {
        ("once".into(), "einmal".into())
    } else {
        (format!("{n} records"), format!("{n} Datensätze"))
    }
}
