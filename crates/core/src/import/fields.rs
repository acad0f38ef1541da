//! Typed reads of a record's fields, each reporting what is wrong with the field's path.
//!
//! One rule everywhere: no coercion. A required field that is missing, `null`, empty or of the wrong type skips
//! the record (error); an optional one is dropped (warning; missing, `null` and `""` simply mean "absent").

use serde_json::{Map, Value};

use super::context::{At, Ctx};
use crate::model::Localized;
use crate::report::{Code, Severity};

/// A JSON type as named in messages.
#[derive(Clone, Copy)]
pub(super) struct Expected {
    pub en: &'static str,
    pub de: &'static str,
}

pub(super) const STRING: Expected = Expected {
    en: "a string",
    de: "ein Text",
};
pub(super) const INTEGER: Expected = Expected {
    en: "a whole number",
    de: "eine ganze Zahl",
};
pub(super) const NUMBER: Expected = Expected {
    en: "a number",
    de: "eine Zahl",
};
pub(super) const BOOL: Expected = Expected {
    en: "true or false",
    de: "true oder false",
};
pub(super) const LIST: Expected = Expected {
    en: "a list",
    de: "eine Liste",
};
pub(super) const OBJECT: Expected = Expected {
    en: "an object",
    de: "ein Objekt",
};
pub(super) const TEXT: Expected = Expected {
    en: "an object with \"de\" and/or \"en\"",
    de: "ein Objekt mit „de“ und/oder „en“",
};

pub(super) fn type_en(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

pub(super) fn type_de(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "eine Zahl",
        Value::String(_) => "ein Text",
        Value::Array(_) => "eine Liste",
        Value::Object(_) => "ein Objekt",
    }
}

/// The field's value; `null` counts as missing.
pub(super) fn present<'v>(obj: &'v Map<String, Value>, field: &str) -> Option<&'v Value> {
    let key = match field.rfind('.') {
        Some(dot) => &field[dot + 1..],
        None => field,
    };
    // Records have few fields: a scan that compares lengths first beats the map's ordered string comparisons
    // (this lookup is the hottest line of an import).
    let found = if obj.len() <= 16 {
        obj.iter()
            .find(|(k, _)| k.len() == key.len() && k.as_str() == key)
            .map(|(_, v)| v)
    } else {
        obj.get(key)
    };
    found.filter(|v| !v.is_null())
}

fn consequence(severity: Severity) -> (&'static str, &'static str) {
    if severity == Severity::Error {
        ("record skipped", "Datensatz übersprungen")
    } else {
        ("field ignored", "Feld ignoriert")
    }
}

impl Ctx<'_> {
    pub fn wrong_type(&mut self, severity: Severity, at: At<'_>, field: &str, expected: Expected, found: &Value) {
        let (en, de) = consequence(severity);
        let huge = found
            .as_object()
            .filter(|o| o.len() == 1)
            .and_then(|o| o.get(super::decode::HUGE));
        if let Some(number) = huge.and_then(Value::as_str) {
            self.report(
                severity,
                Code::WrongType,
                at,
                field,
                format!("\"{field}\" is {number}, a number out of range (beyond ±1.8e308): {en}"),
                format!("„{field}“ ist {number}, eine Zahl außerhalb des darstellbaren Bereichs (über ±1,8e308); {de}"),
            );
            return;
        }
        self.report(
            severity,
            Code::WrongType,
            at,
            field,
            format!("\"{field}\" must be {}, found {}: {en}", expected.en, type_en(found)),
            format!(
                "„{field}“ muss {} sein, gefunden: {}; {de}",
                expected.de,
                type_de(found)
            ),
        );
    }

    pub fn missing(&mut self, code: Code, at: At<'_>, field: &str) {
        self.report(
            Severity::Error,
            code,
            at,
            field,
            format!("required field \"{field}\" is missing or empty: record skipped"),
            format!("Pflichtfeld „{field}“ fehlt oder ist leer; Datensatz übersprungen"),
        );
    }

    /// False (and a problem) when `s` is longer than the string limit.
    fn length_ok(&mut self, severity: Severity, at: At<'_>, field: &str, s: &str) -> bool {
        let max = self.limits.max_string_chars;
        if s.len() <= max {
            return true;
        }
        let n = s.chars().count();
        if n <= max {
            return true;
        }
        let (en, de) = consequence(severity);
        self.report(
            severity,
            Code::StringTooLong,
            at,
            field,
            format!("\"{field}\" has {n} characters; the limit is {max}: {en}"),
            format!("„{field}“ hat {n} Zeichen; die Grenze liegt bei {max}; {de}"),
        );
        false
    }

    /// A required string, trimmed; `None` (after an error) skips the record.
    pub fn req_str<'v>(
        &mut self,
        at: At<'_>,
        obj: &'v Map<String, Value>,
        field: &str,
        missing_code: Code,
    ) -> Option<&'v str> {
        match present(obj, field) {
            None => {
                self.missing(missing_code, at, field);
                None
            }
            Some(Value::String(s)) if s.trim().is_empty() => {
                self.missing(missing_code, at, field);
                None
            }
            Some(Value::String(s)) => self.length_ok(Severity::Error, at, field, s).then(|| s.trim()),
            Some(other) => {
                self.wrong_type(Severity::Error, at, field, STRING, other);
                None
            }
        }
    }

    /// An optional string, trimmed; missing, `null` and `""` give `None` silently.
    pub fn opt_str<'v>(&mut self, at: At<'_>, obj: &'v Map<String, Value>, field: &str) -> Option<&'v str> {
        match present(obj, field)? {
            Value::String(s) if s.trim().is_empty() => None,
            Value::String(s) => self.length_ok(Severity::Warning, at, field, s).then(|| s.trim()),
            other => {
                self.wrong_type(Severity::Warning, at, field, STRING, other);
                None
            }
        }
    }

    /// A whole number; `severity` says whether a bad value skips the record (Error) or drops the field.
    pub fn int(&mut self, severity: Severity, at: At<'_>, obj: &Map<String, Value>, field: &str) -> Option<i64> {
        let v = present(obj, field)?;
        if let Some(n) = v.as_i64() {
            return Some(n);
        }
        match v.as_f64() {
            Some(f) if f.fract() == 0.0 && f.abs() < 9.0e15 => Some(f as i64),
            _ => {
                self.wrong_type(severity, at, field, INTEGER, v);
                None
            }
        }
    }

    pub fn opt_bool(&mut self, at: At<'_>, obj: &Map<String, Value>, field: &str) -> Option<bool> {
        match present(obj, field)? {
            Value::Bool(b) => Some(*b),
            other => {
                self.wrong_type(Severity::Warning, at, field, BOOL, other);
                None
            }
        }
    }

    /// An optional object (wrong type: warning, dropped).
    pub fn opt_object<'v>(
        &mut self,
        at: At<'_>,
        obj: &'v Map<String, Value>,
        field: &str,
    ) -> Option<&'v Map<String, Value>> {
        match present(obj, field)? {
            Value::Object(m) => Some(m),
            other => {
                self.wrong_type(Severity::Warning, at, field, OBJECT, other);
                None
            }
        }
    }

    /// A list of strings, each trimmed, with its position; bad items are dropped with a warning.
    pub fn str_list<'v>(&mut self, at: At<'_>, obj: &'v Map<String, Value>, field: &str) -> Vec<(usize, &'v str)> {
        let items = match present(obj, field) {
            None => return Vec::new(),
            Some(Value::Array(items)) => items,
            Some(other) => {
                self.wrong_type(Severity::Warning, at, field, LIST, other);
                return Vec::new();
            }
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            match item {
                Value::String(s) if !s.trim().is_empty() => out.push((i, s.trim())),
                Value::String(_) => {}
                other => self.wrong_type(Severity::Warning, at, &format!("{field}[{i}]"), STRING, other),
            }
        }
        out
    }

    /// A text in German and English (`{"de": ..., "en": ...}`); a missing language is filled from the other.
    /// With `required`, an absent or empty text is an error with that code and gives `Err` (skip the record).
    pub fn text(
        &mut self,
        at: At<'_>,
        obj: &Map<String, Value>,
        field: &str,
        required: Option<Code>,
    ) -> Result<Localized, ()> {
        let severity = if required.is_some() {
            Severity::Error
        } else {
            Severity::Warning
        };
        let map = match present(obj, field) {
            None => None,
            Some(Value::Object(m)) => Some(m),
            Some(other) => {
                self.wrong_type(severity, at, field, TEXT, other);
                return if required.is_some() {
                    Err(())
                } else {
                    Ok(Localized::default())
                };
            }
        };
        let mut text = Localized::default();
        if let Some(map) = map {
            self.unknown_fields(at, map, field, &["de", "en"]);
            let de = self.lang(at, map, field, "de", severity);
            let en = self.lang(at, map, field, "en", severity);
            match (de, en) {
                (Err(()), _) | (_, Err(())) if required.is_some() => return Err(()),
                _ => {}
            }
            text.de = de.ok().flatten().unwrap_or_default().to_string();
            text.en = en.ok().flatten().unwrap_or_default().to_string();
        }
        if text.is_empty() {
            if let Some(code) = required {
                self.missing(code, at, field);
                return Err(());
            }
            return Ok(text);
        }
        if text.de.is_empty() {
            text.de = text.en.clone();
            self.language_filled(at, field);
        } else if text.en.is_empty() {
            text.en = text.de.clone();
            self.language_filled(at, field);
        }
        Ok(text)
    }

    fn lang<'v>(
        &mut self,
        at: At<'_>,
        map: &'v Map<String, Value>,
        field: &str,
        lang: &str,
        severity: Severity,
    ) -> Result<Option<&'v str>, ()> {
        match map.get(lang) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
            Some(Value::String(s)) => {
                // The path is formatted only for an over-long text: clean records allocate nothing here.
                if s.len() <= self.limits.max_string_chars
                    || self.length_ok(severity, at, &format!("{field}.{lang}"), s)
                {
                    Ok(Some(s.trim()))
                } else {
                    Err(())
                }
            }
            Some(other) => {
                self.wrong_type(severity, at, &format!("{field}.{lang}"), STRING, other);
                Err(())
            }
        }
    }
}
