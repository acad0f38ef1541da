//! A record's JSON tree, read like serde_json's `Value` but noting each duplicate key with its path (a
//! `Value` keeps the later value silently; the importer keeps it too, and says so).

use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::context::{At, Ctx, NOT_A_LIST};
use crate::report::{Code, Severity};

/// Where a value sits inside the tree being read: a chain of keys and indices up to its root.
#[derive(Clone, Copy)]
enum Seg<'a> {
    Root,
    Key(&'a str, &'a Seg<'a>),
    Index(usize, &'a Seg<'a>),
}

impl Seg<'_> {
    /// `participants[1].actor` (relative to the root; built only when a duplicate is found).
    fn path(&self) -> String {
        let mut parts = Vec::new();
        let mut seg = self;
        loop {
            match seg {
                Seg::Root => break,
                Seg::Key(k, parent) => {
                    parts.push(format!(".{k}"));
                    seg = parent;
                }
                Seg::Index(i, parent) => {
                    parts.push(format!("[{i}]"));
                    seg = parent;
                }
            }
        }
        let joined: String = parts.into_iter().rev().collect();
        joined.strip_prefix('.').map(str::to_string).unwrap_or(joined)
    }
}

/// Reads one JSON value as a `Value`, pushing the path of every repeated key onto `dups`.
pub(super) struct Tree<'s, 'd> {
    seg: &'s Seg<'s>,
    dups: &'d mut Vec<String>,
}

const ROOT: Seg<'static> = Seg::Root;

impl<'d> Tree<'static, 'd> {
    pub fn root(dups: &'d mut Vec<String>) -> Self {
        Tree { seg: &ROOT, dups }
    }
}

impl<'de> DeserializeSeed<'de> for Tree<'_, '_> {
    type Value = Value;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Tree<'_, '_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }
    fn visit_i64<E>(self, n: i64) -> Result<Value, E> {
        Ok(Value::from(n))
    }
    fn visit_u64<E>(self, n: u64) -> Result<Value, E> {
        Ok(Value::from(n))
    }
    fn visit_f64<E>(self, n: f64) -> Result<Value, E> {
        Ok(Value::from(n))
    }
    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(Value::String(s.to_string()))
    }
    fn visit_string<E>(self, s: String) -> Result<Value, E> {
        Ok(Value::String(s))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        loop {
            let seg = Seg::Index(items.len(), self.seg);
            let tree = Tree {
                seg: &seg,
                dups: &mut *self.dups,
            };
            match seq.next_element_seed(tree)? {
                Some(v) => items.push(v),
                None => break,
            }
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Value, A::Error> {
        let mut map = Map::new();
        while let Some(key) = access.next_key::<String>()? {
            let v = {
                let seg = Seg::Key(&key, self.seg);
                let tree = Tree {
                    seg: &seg,
                    dups: &mut *self.dups,
                };
                access.next_value_seed(tree)?
            };
            // `contains_key` and `insert` (not the entry API): the same map code a `Value` uses, no second copy.
            if map.contains_key(&key) {
                self.dups.push(Seg::Key(&key, self.seg).path());
            }
            map.insert(key, v);
        }
        Ok(Value::Object(map))
    }
}

/// Reports the duplicate keys `dups` (paths as `Tree` writes them) of `v`, read at `$.section` (`index` =
/// `NOT_A_LIST`: `v` is the whole section, whose paths may start with a record's `[n]`) or at
/// `$.section[index]`.
#[cold]
#[inline(never)]
pub(super) fn report_duplicates(ctx: &mut Ctx<'_>, section: &'static str, index: usize, v: &Value, dups: &[String]) {
    for path in dups {
        let (index, record, field) = match (index, path.strip_prefix('[')) {
            (NOT_A_LIST, Some(rest)) => {
                let (n, field) = rest.split_once(']').unwrap_or((rest, ""));
                let i = n.parse::<usize>().unwrap_or(0);
                (i, v.get(i), field.strip_prefix('.').unwrap_or(field))
            }
            (NOT_A_LIST, None) => (NOT_A_LIST, None, path.as_str()),
            (i, _) => (i, Some(v), path.as_str()),
        };
        let id = record.and_then(|r| r.get("id")).and_then(Value::as_str).map(str::trim);
        let at = At { section, index, id };
        let key = field.rsplit('.').next().unwrap_or(field);
        let which = match id {
            Some(id) => (format!(" of record \"{id}\""), format!(" im Datensatz „{id}“")),
            None => (String::new(), String::new()),
        };
        ctx.report(
            Severity::Warning,
            Code::DuplicateKey,
            at,
            field,
            format!("the key \"{key}\" appears twice{}: the later value is used", which.0),
            format!(
                "Der Schlüssel „{key}“ kommt zweimal vor{}: der spätere Wert gilt",
                which.1
            ),
        );
    }
}
