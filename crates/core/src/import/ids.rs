//! Record ids: read, trimmed, checked for duplicates and interned to dense indices, one id space per section.
//!
//! Ids are case-sensitive. The first record with an id wins; a later duplicate is skipped and reported
//! with both positions.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::context::{At, Ctx};
use super::fields::{present, STRING};
use crate::report::{Code, Severity};

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
    /// The multiply leaves the low bits (which pick the hash table's bucket) depending on few input bits, so
    /// ids like "a-00017" collided in long probe chains (a quarter of the import time in memcmp). A final
    /// mix (murmur3's fmix64) spreads every input bit over the whole hash.
    fn finish(&self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

pub(super) type FxBuild = std::hash::BuildHasherDefault<FxHasher>;

/// Longest id kept inside the hash table itself.
const INLINE: usize = 22;

/// An id as a hash-table key. Short ids (nearly all) live inside the table, so a lookup reads one cache
/// line instead of chasing a pointer to the key's bytes: that chase dominated import at 50k actors.
#[derive(Clone)]
enum Key {
    Inline { len: u8, bytes: [u8; INLINE] },
    Heap(Box<str>),
}

impl Key {
    fn new(s: &str) -> Key {
        if s.len() <= INLINE {
            let mut bytes = [0u8; INLINE];
            bytes[..s.len()].copy_from_slice(s.as_bytes());
            Key::Inline {
                len: s.len() as u8,
                bytes,
            }
        } else {
            Key::Heap(s.into())
        }
    }
    fn as_str(&self) -> &str {
        match self {
            // Built from a whole `&str`, so the prefix is valid UTF-8.
            Key::Inline { len, bytes } => std::str::from_utf8(&bytes[..*len as usize]).unwrap_or_default(),
            Key::Heap(s) => s,
        }
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        self.as_str() == other.as_str()
    }
}
impl Eq for Key {}

/// Hashes like `str`, as `Borrow<str>` requires.
impl std::hash::Hash for Key {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl std::borrow::Borrow<str> for Key {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

/// The ids of one section: key → dense index, and where each kept record stood in the file.
#[derive(Default)]
pub(super) struct Ids {
    index: HashMap<Key, u32, FxBuild>,
    file_index: Vec<usize>,
    /// Records skipped after their id was read (the first per id): where each stood and why. In `index` such
    /// an id maps to `SKIPPED + i`, i its place here (one table for both keeps the code small).
    skipped: Vec<(usize, Code)>,
}

/// Dense indices from here on in `Ids::index` name skipped records, not kept ones.
const SKIPPED: u32 = 1 << 31;

impl Ids {
    pub fn get(&self, key: &str) -> Option<u32> {
        self.index.get(key).copied().filter(|i| *i < SKIPPED)
    }
    pub fn len(&self) -> usize {
        self.file_index.len()
    }
    /// Notes that the record at `file_index` with the valid id `key` was skipped, and why.
    pub fn skip(&mut self, key: &str, file_index: usize, why: Option<Code>) {
        if let (Some(why), None) = (why, self.index.get(key)) {
            self.index.insert(Key::new(key), SKIPPED + self.skipped.len() as u32);
            self.skipped.push((file_index, why));
        }
    }

    /// " (the record "a-1" at $.actors[3] was skipped: missing-name)", for a reference to a skipped record.
    #[inline(never)]
    pub fn why_unknown(&self, section: &str, key: &str) -> (String, String) {
        let skipped = self.index.get(key).and_then(|i| i.checked_sub(SKIPPED));
        match skipped.and_then(|i| self.skipped.get(i as usize)) {
            Some((index, code)) => (
                format!(" (the record \"{key}\" at $.{section}[{index}] was skipped: {code})"),
                format!(" (der Datensatz „{key}“ bei $.{section}[{index}] wurde übersprungen: {code})"),
            ),
            None => (String::new(), String::new()),
        }
    }

    /// Registers a kept record's id; its dense index is the number of records kept before it.
    pub fn insert(&mut self, key: &str, file_index: usize) -> u32 {
        let dense = self.file_index.len() as u32;
        // A later record with the id of a skipped one is kept under it (the skipped one claimed nothing).
        self.index.insert(Key::new(key), dense);
        self.file_index.push(file_index);
        dense
    }
}

impl Ctx<'_> {
    /// The start of every record with an id: entry `index` of `section` must be an object with a valid, new
    /// id. Returns where it sits (with its id), the object and the id, or `None` after reporting why not.
    pub fn identified_record<'v>(
        &mut self,
        section: &'static str,
        index: usize,
        v: &'v Value,
        ids: &Ids,
    ) -> Option<(At<'v>, &'v Map<String, Value>, &'v str)> {
        let at = At {
            section,
            index,
            id: None,
        };
        let obj = self.record_object(at, v)?;
        let id = self.record_id(at, obj, ids)?;
        Some((At { id: Some(id), ..at }, obj, id))
    }

    /// The record's trimmed id, or `None` after an error (missing, wrong type, too long, duplicate).
    pub fn record_id<'v>(&mut self, at: At<'_>, obj: &'v Map<String, Value>, ids: &Ids) -> Option<&'v str> {
        let raw = match present(obj, "id") {
            None => {
                self.missing(Code::MissingId, at, "id");
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
            self.missing(Code::MissingId, at, "id");
            return None;
        }
        let at = At { id: Some(id), ..at };
        if id.chars().count() > self.limits.max_string_chars.min(1_000) {
            self.report(
                Severity::Error,
                Code::StringTooLong,
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
                Code::DuplicateId,
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
                Code::IdWhitespace,
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
        code: Code,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_long_ids_are_found_and_distinct() {
        let mut ids = Ids::default();
        let long = "x".repeat(INLINE + 5);
        let keys = ["a-1", "a-10", "Umlaut-ä-ö", &long, "x".repeat(INLINE).leak()];
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(ids.insert(k, i), i as u32);
        }
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(ids.get(k), Some(i as u32), "{k}");
        }
        assert_eq!(ids.get("a-100"), None);
        assert_eq!(ids.get("A-1"), None, "ids are case-sensitive");
        assert_eq!(ids.get(&"x".repeat(INLINE + 1)), None);
    }
}
