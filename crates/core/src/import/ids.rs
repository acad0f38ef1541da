//! Record ids: read, trimmed, checked for duplicates and interned to dense indices, one id space per section.
//!
//! Ids are case-sensitive. The first record with an id wins; a later duplicate is skipped and reported
//! with both positions.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::context::{At, Ctx};
use super::fields::{present, STRING};
use crate::report::Severity;

/// FxHash (rustc's hasher): much faster than SipHash on short ids. Not collision-resistant against crafted
/// keys, which here can only slow down the import of the crafted file itself.
#[derive(Default, Clone, Copy)]
pub(super) struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let word = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.write(&[i]);
    }
    fn write_u32(&mut self, i: u32) {
        self.write(&i.to_le_bytes());
    }
    fn write_u64(&mut self, i: u64) {
        self.write(&i.to_le_bytes());
    }
    fn write_usize(&mut self, i: usize) {
        self.write(&(i as u64).to_le_bytes());
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

pub(super) type FxBuild = std::hash::BuildHasherDefault<FxHasher>;

/// The ids of one section: key → dense index, and where each kept record stood in the file.
#[derive(Default)]
pub(super) struct Ids {
    pub index: HashMap<String, u32, FxBuild>,
    file_index: Vec<usize>,
}

impl Ids {
    pub fn get(&self, key: &str) -> Option<u32> {
        self.index.get(key).copied()
    }
    pub fn len(&self) -> usize {
        self.file_index.len()
    }
    /// Registers a kept record's id; its dense index is the number of records kept before it.
    pub fn insert(&mut self, key: &str, file_index: usize) -> u32 {
        let dense = self.file_index.len() as u32;
        self.index.insert(key.to_string(), dense);
        self.file_index.push(file_index);
        dense
    }
}

impl Ctx<'_> {
    /// The record's trimmed id, or `None` after an error (missing, wrong type, too long, duplicate).
    pub fn record_id<'v>(&mut self, at: At<'_>, obj: &'v Map<String, Value>, ids: &Ids) -> Option<&'v str> {
        let raw = match present(obj, "id") {
            None => {
                self.missing("missing-id", at, "id");
                return None;
            }
            Some(Value::String(s)) => s.as_str(),
            Some(other) => {
                self.wrong_type(Severity::Error, at, "id", STRING, other);
                return None;
            }
        };
        let id = raw.trim();
        if id.is_empty() {
            self.missing("missing-id", at, "id");
            return None;
        }
        let at = At { id: Some(id), ..at };
        if id.chars().count() > self.limits.max_string_chars.min(1_000) {
            self.report(
                Severity::Error,
                "string-too-long",
                at,
                "id",
                format!(
                    "the id is longer than {} characters: record skipped",
                    self.limits.max_string_chars.min(1_000)
                ),
                format!(
                    "Die ID ist länger als {} Zeichen; Datensatz übersprungen",
                    self.limits.max_string_chars.min(1_000)
                ),
            );
            return None;
        }
        if let Some(first) = ids.get(id) {
            let first_at = At {
                index: ids.file_index[first as usize],
                ..at
            };
            self.report(
                Severity::Error,
                "duplicate-id",
                at,
                "id",
                format!(
                    "duplicate id \"{id}\": this record ({}) is skipped; the first one ({}) is kept",
                    at.path(""),
                    first_at.path("")
                ),
                format!(
                    "Doppelte ID „{id}“: dieser Datensatz ({}) wird übersprungen, der erste ({}) bleibt",
                    at.path(""),
                    first_at.path("")
                ),
            );
            return None;
        }
        if id.len() != raw.len() {
            self.report(
                Severity::Warning,
                "id-whitespace",
                at,
                "id",
                format!("the id \"{raw}\" has spaces at its start or end: read as \"{id}\""),
                format!("Die ID „{raw}“ hat Leerzeichen am Anfang oder Ende; gelesen als „{id}“"),
            );
        }
        Some(id)
    }

    /// Resolves a list of references into `ids`; unknown ones are dropped with a warning, repeats silently.
    pub fn refs(
        &mut self,
        at: At<'_>,
        obj: &Map<String, Value>,
        field: &str,
        ids: &Ids,
        code: &'static str,
        what: (&str, &str),
    ) -> Vec<u32> {
        let mut out: Vec<u32> = Vec::new();
        for (i, key) in self.str_list(at, obj, field) {
            match ids.get(key) {
                Some(dense) if !out.contains(&dense) => out.push(dense),
                Some(_) => {}
                None => self.report(
                    Severity::Warning,
                    code,
                    at,
                    &format!("{field}[{i}]"),
                    format!("unknown {} \"{key}\": reference dropped", what.0),
                    format!("Unbekannte {} „{key}“: Verweis entfernt", what.1),
                ),
            }
        }
        out
    }
}
