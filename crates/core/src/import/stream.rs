//! Reads the JSON in one pass with serde visitors, handing each record of `actors`, `projects` and `links` to
//! its section reader as soon as it is parsed, so a record's tree is freed right after it is checked.
//!
//! Streaming needs what a section refers to first (the order ecomap writes: meta, technologies, sectors,
//! regions, actors, projects, links). A big section that comes earlier than that (keys sorted as `jq -S`
//! writes them, `actors` before `meta`, a missing optional section) is only checked for syntax and kept as
//! its slice of the text (a `RawValue`, no tree), then streamed record by record once what it needs is read.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use super::context::{At, Ctx, NOT_A_LIST};
use super::fields::{type_de, type_en, OBJECT};
use super::ids::Ids;
use super::tree::{report_duplicates, Tree};
use super::{actors, links, meta, projects, regions, taxonomy};
use crate::model::{Actor, Dataset, Project};
use crate::report::{Code, Severity};

/// The top-level sections of format v1, in the order they are read.
pub const SECTIONS: [&str; 7] = [
    "meta",
    "technologies",
    "sectors",
    "regions",
    "actors",
    "projects",
    "links",
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Big {
    Actors,
    Projects,
    Links,
}

impl Big {
    fn name(self) -> &'static str {
        match self {
            Big::Actors => "actors",
            Big::Projects => "projects",
            Big::Links => "links",
        }
    }
}

/// Marker error: the file is refused; the problem is already in the report.
const REFUSED: &str = "ecomap: file refused";

/// What has been read so far; `'t` is the text's lifetime (big sections read early are slices of it).
pub(super) struct Reader<'c, 'l, 't> {
    ctx: &'c mut Ctx<'l>,
    seen: Vec<&'static str>,
    meta: Option<Value>,
    small: [Option<Value>; 3],
    big: [Option<&'t RawValue>; 3],
    /// Duplicate keys found in meta and the small sections (paths from the section).
    dups: [Vec<String>; 4],
    prepared: bool,
    refused: bool,
    dataset: Dataset,
    technology_ids: Ids,
    sector_ids: Ids,
    region_ids: Ids,
    actor_ids: Ids,
    project_ids: Ids,
    actors: Vec<Actor>,
    projects: Vec<Project>,
    links: links::Links,
    done: [bool; 3],
}

impl<'c, 'l, 't> Reader<'c, 'l, 't> {
    pub fn new(ctx: &'c mut Ctx<'l>) -> Reader<'c, 'l, 't> {
        Reader {
            ctx,
            seen: Vec::new(),
            meta: None,
            small: [None, None, None],
            big: [None, None, None],
            dups: Default::default(),
            prepared: false,
            refused: false,
            dataset: Dataset::default(),
            technology_ids: Ids::default(),
            sector_ids: Ids::default(),
            region_ids: Ids::default(),
            actor_ids: Ids::default(),
            project_ids: Ids::default(),
            actors: Vec::new(),
            projects: Vec::new(),
            links: links::Links::default(),
            done: [false; 3],
        }
    }

    /// Reads `text` (whose top level must be an object). `Ok(None)`: refused; `Err`: a JSON syntax error
    /// in `text[offset..]`, with that offset.
    pub fn read(mut self, text: &'t str) -> Result<Option<Dataset>, (usize, serde_json::Error)> {
        let mut de = serde_json::Deserializer::from_str(text);
        let result = de::Deserializer::deserialize_map(&mut de, Root(&mut self)).and_then(|()| de.end());
        match result {
            Err(_) if self.refused => return Ok(None),
            Err(e) => return Err((0, e)),
            Ok(()) => {}
        }
        if !self.prepare() {
            return Ok(None);
        }
        for (i, section) in [Big::Actors, Big::Projects, Big::Links].into_iter().enumerate() {
            if self.done[i] {
                continue;
            }
            let Some(raw) = self.big[i].take() else {
                section_missing(self.ctx, section.name());
                continue;
            };
            // The slice was checked for syntax when it was skipped; read it again, now record by record.
            let slice = raw.get();
            let offset = (slice.as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
            let mut de = serde_json::Deserializer::from_str(slice);
            let records = Records {
                reader: &mut self,
                section,
            };
            match records.deserialize(&mut de) {
                Err(_) if self.refused => return Ok(None),
                Err(e) => return Err((offset, e)),
                Ok(()) => {}
            }
        }
        let mut dataset = self.dataset;
        dataset.actors = self.actors;
        dataset.projects = self.projects;
        dataset.links = self.links.links;
        Ok(Some(dataset))
    }

    fn record(&mut self, section: Big, index: usize, v: &Value, dups: &[String]) {
        if !dups.is_empty() {
            report_duplicates(self.ctx, section.name(), index, v, dups);
        }
        match section {
            Big::Actors => {
                let refs = actors::Refs {
                    technologies: &self.technology_ids,
                    sectors: &self.sector_ids,
                    regions: &self.region_ids,
                };
                actors::one(self.ctx, index, v, &refs, &mut self.actor_ids, &mut self.actors);
            }
            Big::Projects => {
                let refs = projects::Refs {
                    technologies: &self.technology_ids,
                    actors: &self.actor_ids,
                };
                projects::one(self.ctx, index, v, &refs, &mut self.project_ids, &mut self.projects);
            }
            Big::Links => self.links.one(self.ctx, index, v, &self.actor_ids, &self.project_ids),
        }
    }

    fn can_stream(&self, section: Big) -> bool {
        match section {
            Big::Actors => ["meta", "technologies", "sectors", "regions"]
                .iter()
                .all(|s| self.seen.contains(s)),
            Big::Projects => self.done[0],
            Big::Links => self.done[0] && self.done[1],
        }
    }

    /// Checks the version and reads meta, taxonomy and regions (once). False: the file is refused.
    fn prepare(&mut self) -> bool {
        if self.prepared {
            return !self.refused;
        }
        self.prepared = true;
        let meta_value = self.meta.take();
        let dups = std::mem::take(&mut self.dups);
        for (name, (dups, v)) in
            SECTIONS.iter().zip(
                dups.iter()
                    .zip([&meta_value, &self.small[0], &self.small[1], &self.small[2]]),
            )
        {
            if let (false, Some(v)) = (dups.is_empty(), v) {
                report_duplicates(self.ctx, name, NOT_A_LIST, v, dups);
            }
        }
        let meta_obj = match &meta_value {
            Some(Value::Object(m)) => Some(m),
            None | Some(Value::Null) => None,
            Some(other) => {
                let at = At {
                    section: "meta",
                    index: NOT_A_LIST,
                    id: None,
                };
                self.ctx.wrong_type(Severity::Warning, at, "", OBJECT, other);
                None
            }
        };
        let Ok(version) = meta::check_version(self.ctx, meta_obj) else {
            self.refused = true;
            return false;
        };
        let [technologies, sectors, regions] = [0, 1, 2].map(|i| self.small[i].take());
        // A section over the limit refuses the file (the first one found is the reason given).
        let (Ok(technologies), Ok(sectors), Ok(regions)) = (
            section_list(self.ctx, "technologies", technologies.as_ref()),
            section_list(self.ctx, "sectors", sectors.as_ref()),
            section_list(self.ctx, "regions", regions.as_ref()),
        ) else {
            self.refused = true;
            return false;
        };
        self.dataset.meta = meta::read(self.ctx, meta_obj, version);
        self.dataset.technologies = match technologies {
            Some(records) => taxonomy::technologies(self.ctx, records, &mut self.technology_ids),
            None => {
                let builtin = builtin(crate::taxonomy::wire_technologies());
                taxonomy::technologies(self.ctx, &builtin, &mut self.technology_ids)
            }
        };
        self.dataset.sectors = match sectors {
            Some(records) => taxonomy::sectors(self.ctx, records, &mut self.sector_ids),
            None => taxonomy::sectors(
                self.ctx,
                &builtin(crate::taxonomy::wire_sectors()),
                &mut self.sector_ids,
            ),
        };
        self.dataset.regions = match regions {
            Some(records) => regions::read(self.ctx, records, &mut self.region_ids),
            None => regions::builtin(&mut self.region_ids),
        };
        true
    }

    fn refuse_too_many<E: de::Error>(&mut self, name: &str, at_least: usize) -> E {
        let max = self.ctx.limits.max_records;
        self.ctx.report_at(
            Severity::Error,
            Code::TooManyRecords,
            &format!("$.{name}"),
            format!("\"{name}\" has more than {max} records ({at_least} or more): the file is refused"),
            format!("„{name}“ hat mehr als {max} Datensätze ({at_least} oder mehr): die Datei wird abgelehnt"),
        );
        self.refused = true;
        E::custom(REFUSED)
    }
}

/// The built-in taxonomy as JSON records, read through the same code as the export's own lists.
fn builtin<T: serde::Serialize>(records: Vec<T>) -> Vec<Value> {
    records.iter().filter_map(|r| serde_json::to_value(r).ok()).collect()
}

/// A section as a list: `Ok(None)` when absent (or not a list, after an error); `Err` when over the limit.
fn section_list<'v>(ctx: &mut Ctx<'_>, name: &'static str, v: Option<&'v Value>) -> Result<Option<&'v [Value]>, ()> {
    match v {
        None | Some(Value::Null) => {
            section_missing(ctx, name);
            Ok(None)
        }
        Some(Value::Array(items)) if items.len() > ctx.limits.max_records => {
            let max = ctx.limits.max_records;
            ctx.report_at(
                Severity::Error,
                Code::TooManyRecords,
                &format!("$.{name}"),
                format!(
                    "\"{name}\" has {} records; the limit is {max}: the file is refused",
                    items.len()
                ),
                format!(
                    "„{name}“ hat {} Datensätze; die Grenze liegt bei {max}: die Datei wird abgelehnt",
                    items.len()
                ),
            );
            Err(())
        }
        Some(Value::Array(items)) => Ok(Some(items.as_slice())),
        Some(other) => {
            not_a_list(ctx, name, type_en(other), type_de(other));
            Ok(None)
        }
    }
}

fn not_a_list(ctx: &mut Ctx<'_>, name: &str, found_en: &str, found_de: &str) {
    ctx.report_at(
        Severity::Error,
        Code::WrongType,
        &format!("$.{name}"),
        format!("\"{name}\" must be a list, found {found_en}: section ignored"),
        format!("„{name}“ muss eine Liste sein, gefunden: {found_de}; Abschnitt ignoriert"),
    );
}

/// Absent sections: the taxonomy and regions fall back to the built-in lists (notice), actors and projects are
/// empty (warning), links are optional (nothing to say).
fn section_missing(ctx: &mut Ctx<'_>, name: &'static str) {
    let path = format!("$.{name}");
    match name {
        "technologies" | "sectors" | "regions" => ctx.report_at(
            Severity::Notice,
            Code::SectionMissing,
            &path,
            format!("the file has no \"{name}\" section: ecomap's built-in list is used"),
            format!("Die Datei hat keinen Abschnitt „{name}“: die eingebaute Liste von ecomap wird verwendet"),
        ),
        "actors" | "projects" => ctx.report_at(
            Severity::Warning,
            Code::SectionMissing,
            &path,
            format!("the file has no \"{name}\" section: no {name} are shown"),
            format!(
                "Die Datei hat keinen Abschnitt „{name}“: es werden keine {} gezeigt",
                if name == "actors" { "Akteure" } else { "Projekte" }
            ),
        ),
        _ => {}
    }
}

/// The top-level object.
struct Root<'r, 'c, 'l, 't>(&'r mut Reader<'c, 'l, 't>);

impl<'t> Visitor<'t> for Root<'_, '_, '_, 't> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object with meta, actors, projects, ...")
    }

    fn visit_map<A: MapAccess<'t>>(self, mut map: A) -> Result<(), A::Error> {
        let reader = self.0;
        while let Some(key) = map.next_key::<String>()? {
            let Some(&name) = SECTIONS.iter().find(|s| **s == key) else {
                map.next_value::<IgnoredAny>()?;
                reader.ctx.report_at(
                    Severity::Notice,
                    Code::UnknownField,
                    &format!("$.{key}"),
                    format!("unknown top-level section \"{key}\": ignored"),
                    format!("Unbekannter Abschnitt „{key}“ auf oberster Ebene: ignoriert"),
                );
                continue;
            };
            if reader.seen.contains(&name) {
                map.next_value::<IgnoredAny>()?;
                reader.ctx.report_at(
                    Severity::Warning,
                    Code::DuplicateSection,
                    &format!("$.{name}"),
                    format!("section \"{name}\" appears twice: the second one is ignored"),
                    format!("Abschnitt „{name}“ kommt zweimal vor: der zweite wird ignoriert"),
                );
                continue;
            }
            reader.seen.push(name);
            let big = match name {
                "meta" => {
                    reader.meta = Some(map.next_value_seed(Tree::root(&mut reader.dups[0]))?);
                    continue;
                }
                "technologies" | "sectors" | "regions" => {
                    let slot = ["technologies", "sectors", "regions"]
                        .iter()
                        .position(|s| *s == name)
                        .unwrap_or(0);
                    reader.small[slot] = Some(map.next_value_seed(Tree::root(&mut reader.dups[slot + 1]))?);
                    continue;
                }
                "actors" => Big::Actors,
                "projects" => Big::Projects,
                _ => Big::Links,
            };
            let slot = big as usize;
            if reader.can_stream(big) {
                if !reader.prepare() {
                    return Err(de::Error::custom(REFUSED));
                }
                map.next_value_seed(Records {
                    reader: &mut *reader,
                    section: big,
                })?;
                reader.done[slot] = true;
            } else {
                reader.big[slot] = Some(map.next_value::<&'t RawValue>()?);
            }
        }
        Ok(())
    }
}

/// One big section, read record by record.
struct Records<'r, 'c, 'l, 't> {
    reader: &'r mut Reader<'c, 'l, 't>,
    section: Big,
}

impl<'de> DeserializeSeed<'de> for Records<'_, '_, '_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl Records<'_, '_, '_, '_> {
    fn not_a_list<E>(self, en: &str, de_: &str) -> Result<(), E> {
        not_a_list(self.reader.ctx, self.section.name(), en, de_);
        Ok(())
    }
}

impl<'de> Visitor<'de> for Records<'_, '_, '_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of records")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let max = self.reader.ctx.limits.max_records;
        let mut index = 0;
        let mut dups = Vec::new();
        if self.section == Big::Links {
            // Links are the most numerous records: plain ones skip the JSON tree.
            let max_chars = self.reader.ctx.limits.max_string_chars;
            while let Some(link) = seq.next_element_seed(LinkSeed {
                max_chars,
                dups: &mut dups,
            })? {
                if index >= max {
                    return Err(self.reader.refuse_too_many(self.section.name(), index + 1));
                }
                let r = &mut *self.reader;
                match link {
                    LinkRecord::Plain([source, target, kind]) => {
                        r.links
                            .plain(r.ctx, index, [&source, &target], &kind, &r.actor_ids, &r.project_ids)
                    }
                    LinkRecord::Tree(v) => r.record(Big::Links, index, &v, &dups),
                }
                dups.clear();
                index += 1;
            }
        } else {
            while let Some(v) = seq.next_element_seed(Tree::root(&mut dups))? {
                if index >= max {
                    return Err(self.reader.refuse_too_many(self.section.name(), index + 1));
                }
                self.reader.record(self.section, index, &v, &dups);
                dups.clear();
                index += 1;
            }
        }
        self.reader.ctx.finish_section(self.section.name());
        Ok(())
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        section_missing(self.reader.ctx, self.section.name());
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        self.not_a_list("an object", "ein Objekt")
    }
    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        self.not_a_list("true/false", "true/false")
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        self.not_a_list("a number", "eine Zahl")
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        self.not_a_list("a number", "eine Zahl")
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        self.not_a_list("a number", "eine Zahl")
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        self.not_a_list("a string", "ein Text")
    }
}

const LINK_FIELDS: [&str; 3] = ["source", "target", "kind"];

/// A link as read from the stream: its three strings when it is plain (exactly `source`, `target` and `kind`,
/// each a non-blank string within the length limit), else its JSON tree for the full checks.
enum LinkRecord<'de> {
    Plain([Cow<'de, str>; 3]),
    Tree(Value),
}

struct LinkSeed<'d> {
    max_chars: usize,
    /// Keys that appear twice in the link (the link then takes its tree form).
    dups: &'d mut Vec<String>,
}

impl<'de> DeserializeSeed<'de> for LinkSeed<'_> {
    type Value = LinkRecord<'de>;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<LinkRecord<'de>, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for LinkSeed<'_> {
    type Value = LinkRecord<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a link")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<LinkRecord<'de>, A::Error> {
        let mut plain: [Option<Cow<'de, str>>; 3] = [None, None, None];
        let mut tree: Option<Map<String, Value>> = None;
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            let slot = LINK_FIELDS.iter().position(|n| *n == key);
            let repeated = match slot {
                Some(i) => plain[i].is_some(),
                None => false,
            } || tree.as_ref().is_some_and(|t| t.contains_key(key.as_ref()));
            if repeated {
                self.dups.push(key.to_string());
                // The tree form keeps the later value, as a record's tree does.
                to_tree(&mut plain, &mut tree);
            }
            match slot {
                Some(i) if plain[i].is_none() && tree.is_none() => match map.next_value::<StrOrTree<'de>>()? {
                    StrOrTree::Str(s) if !s.trim().is_empty() && s.len() <= self.max_chars => plain[i] = Some(s),
                    StrOrTree::Str(s) => {
                        to_tree(&mut plain, &mut tree).insert(key.into_owned(), Value::String(s.into_owned()));
                    }
                    StrOrTree::Tree(v) => {
                        to_tree(&mut plain, &mut tree).insert(key.into_owned(), v);
                    }
                },
                _ => {
                    let v: Value = map.next_value()?;
                    to_tree(&mut plain, &mut tree).insert(key.into_owned(), v);
                }
            }
        }
        if let (None, [Some(_), Some(_), Some(_)]) = (&tree, &plain) {
            let [source, target, kind] = plain.map(Option::unwrap_or_default);
            return Ok(LinkRecord::Plain([source, target, kind]));
        }
        let tree = std::mem::take(to_tree(&mut plain, &mut tree));
        Ok(LinkRecord::Tree(Value::Object(tree)))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<LinkRecord<'de>, A::Error> {
        Value::deserialize(de::value::SeqAccessDeserializer::new(seq)).map(LinkRecord::Tree)
    }
    fn visit_unit<E>(self) -> Result<LinkRecord<'de>, E> {
        Ok(LinkRecord::Tree(Value::Null))
    }
    fn visit_bool<E>(self, b: bool) -> Result<LinkRecord<'de>, E> {
        Ok(LinkRecord::Tree(Value::Bool(b)))
    }
    fn visit_i64<E>(self, n: i64) -> Result<LinkRecord<'de>, E> {
        Ok(LinkRecord::Tree(Value::from(n)))
    }
    fn visit_u64<E>(self, n: u64) -> Result<LinkRecord<'de>, E> {
        Ok(LinkRecord::Tree(Value::from(n)))
    }
    fn visit_f64<E>(self, n: f64) -> Result<LinkRecord<'de>, E> {
        Ok(LinkRecord::Tree(Value::from(n)))
    }
    fn visit_str<E>(self, s: &str) -> Result<LinkRecord<'de>, E> {
        Ok(LinkRecord::Tree(Value::String(s.to_string())))
    }
}

/// Switches a link being read to its tree form, moving the strings read so far into it.
fn to_tree<'t>(
    plain: &mut [Option<Cow<'_, str>>; 3],
    tree: &'t mut Option<Map<String, Value>>,
) -> &'t mut Map<String, Value> {
    let tree = tree.get_or_insert_with(Map::new);
    for (i, s) in plain.iter_mut().enumerate() {
        if let Some(s) = s.take() {
            tree.insert(LINK_FIELDS[i].to_string(), Value::String(s.into_owned()));
        }
    }
    tree
}

/// A field value: a string (borrowed from the input when it has no escapes) or any other JSON value.
enum StrOrTree<'de> {
    Str(Cow<'de, str>),
    Tree(Value),
}

impl<'de> serde::Deserialize<'de> for StrOrTree<'de> {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = StrOrTree<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_borrowed_str<E>(self, s: &'de str) -> Result<StrOrTree<'de>, E> {
                Ok(StrOrTree::Str(Cow::Borrowed(s)))
            }
            fn visit_str<E>(self, s: &str) -> Result<StrOrTree<'de>, E> {
                Ok(StrOrTree::Str(Cow::Owned(s.to_string())))
            }
            fn visit_string<E>(self, s: String) -> Result<StrOrTree<'de>, E> {
                Ok(StrOrTree::Str(Cow::Owned(s)))
            }
            fn visit_unit<E>(self) -> Result<StrOrTree<'de>, E> {
                Ok(StrOrTree::Tree(Value::Null))
            }
            fn visit_bool<E>(self, b: bool) -> Result<StrOrTree<'de>, E> {
                Ok(StrOrTree::Tree(Value::Bool(b)))
            }
            fn visit_i64<E>(self, n: i64) -> Result<StrOrTree<'de>, E> {
                Ok(StrOrTree::Tree(Value::from(n)))
            }
            fn visit_u64<E>(self, n: u64) -> Result<StrOrTree<'de>, E> {
                Ok(StrOrTree::Tree(Value::from(n)))
            }
            fn visit_f64<E>(self, n: f64) -> Result<StrOrTree<'de>, E> {
                Ok(StrOrTree::Tree(Value::from(n)))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<StrOrTree<'de>, A::Error> {
                Value::deserialize(de::value::SeqAccessDeserializer::new(seq)).map(StrOrTree::Tree)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<StrOrTree<'de>, A::Error> {
                Value::deserialize(de::value::MapAccessDeserializer::new(map)).map(StrOrTree::Tree)
            }
        }
        d.deserialize_any(V)
    }
}
