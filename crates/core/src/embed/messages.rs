//! The messages between an embed and its host page (docs/embedding.md, "Messages"), version 1: the events the
//! frame posts (`ecomap:ready`, `height`, `selection`, `focus`, `view`) as JSON text the app hands to
//! `postMessage`, and the one message it accepts (`ecomap:setQuery`), checked against its schema. Which origins
//! a frame accepts messages from is `crate::config::Config::accepts_message`. Nothing in a message is ever
//! treated as HTML: the query is read like a link's, through the registry of URL parameters.

use serde_json::Value;

use crate::query::{Focus, Query, View};

/// The version of the messages; a message of another version is ignored.
pub const VERSION: u64 = 1;
/// How many actor ids `ecomap:selection` carries at most.
pub const MAX_IDS: usize = 1000;
/// The longest query `ecomap:setQuery` may carry, in characters.
pub const MAX_QUERY: usize = 2000;
/// The URL parameters `ecomap:setQuery` may set: the filters.
pub const FILTER_PARAMS: [&str; 6] = ["tech", "sector", "kind", "region", "years", "q"];

/// A JSON string literal of `s`.
fn quote(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// An event's JSON text: its type and version, then `fields` (already JSON). Written by hand rather than
/// through `serde_json::Value`: the app's wasm stays smaller.
fn event(ty: &str, fields: &[(&str, String)]) -> String {
    let mut out = format!("{{\"type\":\"ecomap:{ty}\",\"version\":{VERSION}");
    for (k, v) in fields {
        out.push_str(&format!(",\"{k}\":{v}"));
    }
    out.push('}');
    out
}

fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    quote(&mut out, s);
    out
}

fn string_or_null(s: Option<&str>) -> String {
    s.map_or_else(|| "null".to_string(), string)
}

/// `{type: "ecomap:ready", version, view}`: the data is loaded and the view shows it.
pub fn ready(view: View) -> String {
    event("ready", &[("view", string(view.key()))])
}

/// `{type: "ecomap:height", version, height}`: the document's content height in CSS pixels.
pub fn height(px: u32) -> String {
    event("height", &[("height", px.to_string())])
}

/// `{type: "ecomap:selection", version, actors, projects, ids}`: the counts of the filtered set and the
/// export ids of its first [`MAX_IDS`] actors in list order.
pub fn selection<'a>(actors: usize, projects: usize, ids: impl Iterator<Item = &'a str>) -> String {
    let mut list = String::from("[");
    for (i, id) in ids.take(MAX_IDS).enumerate() {
        if i > 0 {
            list.push(',');
        }
        quote(&mut list, id);
    }
    list.push(']');
    event(
        "selection",
        &[
            ("actors", actors.to_string()),
            ("projects", projects.to_string()),
            ("ids", list),
        ],
    )
}

/// `{type: "ecomap:focus", version, actor, technology}`: the item opened in the detail panel (export ids),
/// both null when it closes.
pub fn focus(focus: Option<&Focus>) -> String {
    let (actor, technology) = match focus {
        Some(Focus::Actor(k)) => (Some(k.as_str()), None),
        Some(Focus::Technology(k)) => (None, Some(k.as_str())),
        None => (None, None),
    };
    event(
        "focus",
        &[
            ("actor", string_or_null(actor)),
            ("technology", string_or_null(technology)),
        ],
    )
}

/// `{type: "ecomap:view", version, view}`: the view shown changed.
pub fn view(view: View) -> String {
    event("view", &[("view", string(view.key()))])
}

/// Why an incoming message was ignored; the frame logs one console notice per kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Reject {
    /// Its origin is not in `messageOrigins`.
    Origin,
    /// Not a JSON object with a string `type` (other scripts on the host page post messages too).
    NotObject,
    /// A `type` the frame does not accept.
    UnknownType,
    /// `version` is not 1.
    Version,
    /// `query` is missing, not a string, or longer than [`MAX_QUERY`] characters.
    Shape,
    /// The query names a parameter that is not a filter, or a value a link would refuse.
    Params,
}

impl Reject {
    /// The console notice (English: it is for the host page's developer).
    pub fn notice(self) -> &'static str {
        match self {
            Reject::Origin => "ecomap: ignored a message from an origin that config.json's messageOrigins does not allow",
            Reject::NotObject => "ecomap: ignored a message that is not an object with a string \"type\"",
            Reject::UnknownType => "ecomap: ignored a message of an unknown type (the frame accepts \"ecomap:setQuery\")",
            Reject::Version => "ecomap: ignored a message whose \"version\" is not 1",
            Reject::Shape => "ecomap: ignored an ecomap:setQuery whose \"query\" is not a string of at most 2000 characters",
            Reject::Params => "ecomap: ignored an ecomap:setQuery whose query has a parameter that is not a filter (tech, sector, kind, region, years, q) or an invalid value",
        }
    }
}

/// A message the frame accepts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Incoming {
    /// New filters (only `chosen`, `years` and `text` of this Query are set), applied within the lock.
    SetQuery(Query),
}

/// Checks a message (its data as JSON text) against the schema of the messages the frame accepts.
pub fn parse_incoming(data: &str) -> Result<Incoming, Reject> {
    let v: Value = serde_json::from_str(data).map_err(|_| Reject::NotObject)?;
    let ty = v.get("type").and_then(Value::as_str).ok_or(Reject::NotObject)?;
    if ty != "ecomap:setQuery" {
        return Err(Reject::UnknownType);
    }
    if v.get("version").and_then(Value::as_u64) != Some(VERSION) {
        return Err(Reject::Version);
    }
    let query = v
        .get("query")
        .and_then(Value::as_str)
        .filter(|q| q.chars().count() <= MAX_QUERY)
        .ok_or(Reject::Shape)?;
    filters_from_query(query).map(Incoming::SetQuery).ok_or(Reject::Params)
}

/// Reads a URL query string ("tech=ai&kind=startup", a leading "?" allowed) of filter parameters only; `None`
/// when it names anything else, has an invalid value or is not valid percent-encoded UTF-8.
pub fn filters_from_query(s: &str) -> Option<Query> {
    let s = s.strip_prefix('?').unwrap_or(s);
    let mut pairs = Vec::new();
    for part in s.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = part.split_once('=').unwrap_or((part, ""));
        let (k, v) = (percent_decode(k)?, percent_decode(v)?);
        if !FILTER_PARAMS.contains(&k.as_str()) {
            return None;
        }
        pairs.push((k, v));
    }
    let (q, notices) = Query::from_params(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    notices.is_empty().then_some(q)
}

/// `application/x-www-form-urlencoded` decoding: `+` is a space, `%XX` a byte; `None` for a broken escape or
/// bytes that are not UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let mut out = Vec::with_capacity(s.len());
    let mut bytes = s.bytes();
    while let Some(b) = bytes.next() {
        match b {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = [bytes.next()?, bytes.next()?];
                out.push(u8::from_str_radix(std::str::from_utf8(&hex).ok()?, 16).ok()?);
            }
            _ => out.push(b),
        }
    }
    String::from_utf8(out).ok()
}

/// Applies a host's filters to the visitor's query: the filters are replaced, everything else stays (the lock
/// is applied after this, by the caller).
pub fn apply_filters(target: &mut Query, filters: &Query) {
    target.chosen = filters.chosen.clone();
    target.years = filters.years;
    target.text = filters.text.clone();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facet::Facet;
    use serde_json::json;

    #[test]
    fn events_are_versioned_json_objects() {
        let v: Value = serde_json::from_str(&ready(View::Map)).unwrap_or_default();
        assert_eq!(v, json!({"type": "ecomap:ready", "version": 1, "view": "map"}));
        let v: Value = serde_json::from_str(&height(812)).unwrap_or_default();
        assert_eq!(v["height"], 812);
        let v: Value = serde_json::from_str(&focus(Some(&Focus::Actor("tu-berlin".into())))).unwrap_or_default();
        assert_eq!(
            v,
            json!({"type": "ecomap:focus", "version": 1, "actor": "tu-berlin", "technology": null})
        );
        let v: Value = serde_json::from_str(&focus(None)).unwrap_or_default();
        assert_eq!(
            v,
            json!({"type": "ecomap:focus", "version": 1, "actor": null, "technology": null})
        );
        let v: Value = serde_json::from_str(&view(View::Charts)).unwrap_or_default();
        assert_eq!(v["view"], "charts");
        let odd = "a\"b\\c\u{1}d</script>ü";
        let v: Value = serde_json::from_str(&focus(Some(&Focus::Technology(odd.into())))).unwrap_or_default();
        assert_eq!(v["technology"], odd, "any id survives as a JSON string");
    }

    #[test]
    fn selection_carries_counts_and_at_most_1000_ids() {
        let ids: Vec<String> = (0..1500).map(|i| format!("a{i}")).collect();
        let v: Value = serde_json::from_str(&selection(1500, 42, ids.iter().map(String::as_str))).unwrap_or_default();
        assert_eq!((v["actors"].as_u64(), v["projects"].as_u64()), (Some(1500), Some(42)));
        let got = v["ids"].as_array().map(Vec::len);
        assert_eq!(got, Some(MAX_IDS));
        assert_eq!(v["ids"][0], "a0");
        assert_eq!(v["ids"][999], "a999");
    }

    #[test]
    fn set_query_is_read_like_a_link_of_filters() {
        let msg = json!({"type": "ecomap:setQuery", "version": 1, "query": "?tech=ai&kind=startup&years=2021-2023&q=Lab+K%C3%B6penick"});
        let Ok(Incoming::SetQuery(q)) = parse_incoming(&msg.to_string()) else {
            panic!("a valid setQuery");
        };
        assert_eq!(q.chosen(Facet::Technology), ["ai".to_string()]);
        assert_eq!(q.chosen(Facet::Kind), ["startup".to_string()]);
        assert_eq!(q.years, Some((2021, 2023)));
        assert_eq!(q.text, "Lab Köpenick");
        let empty = json!({"type": "ecomap:setQuery", "version": 1, "query": ""});
        assert_eq!(
            parse_incoming(&empty.to_string()),
            Ok(Incoming::SetQuery(Query::default()))
        );
    }

    #[test]
    fn anything_else_is_rejected_by_kind() {
        let cases = [
            ("not json", Reject::NotObject),
            ("\"ecomap:setQuery\"", Reject::NotObject),
            (r#"{"type": 3}"#, Reject::NotObject),
            (r#"{"type": "ecomap:ready", "version": 1}"#, Reject::UnknownType),
            (
                r#"{"type": "ecomap:setQuery", "version": 2, "query": ""}"#,
                Reject::Version,
            ),
            (r#"{"type": "ecomap:setQuery", "query": ""}"#, Reject::Version),
            (r#"{"type": "ecomap:setQuery", "version": 1}"#, Reject::Shape),
            (
                r#"{"type": "ecomap:setQuery", "version": 1, "query": ["tech=ai"]}"#,
                Reject::Shape,
            ),
            (
                r#"{"type": "ecomap:setQuery", "version": 1, "query": "view=network"}"#,
                Reject::Params,
            ),
            (
                r#"{"type": "ecomap:setQuery", "version": 1, "query": "tech=ai&data=https://evil.example/x.json"}"#,
                Reject::Params,
            ),
            (
                r#"{"type": "ecomap:setQuery", "version": 1, "query": "kind=alien"}"#,
                Reject::Params,
            ),
            (
                r#"{"type": "ecomap:setQuery", "version": 1, "query": "tech=%ZZ"}"#,
                Reject::Params,
            ),
            (
                r#"{"type": "ecomap:setQuery", "version": 1, "query": "tech=%C3"}"#,
                Reject::Params,
            ),
        ];
        for (data, want) in cases {
            assert_eq!(parse_incoming(data), Err(want), "{data}");
        }
        let long = json!({"type": "ecomap:setQuery", "version": 1, "query": format!("q={}", "x".repeat(MAX_QUERY))});
        assert_eq!(parse_incoming(&long.to_string()), Err(Reject::Shape));
        let markup = json!({"type": "ecomap:setQuery", "version": 1, "query": "q=<img src=x onerror=alert(1)>"});
        let Ok(Incoming::SetQuery(q)) = parse_incoming(&markup.to_string()) else {
            panic!("search text is text");
        };
        assert_eq!(q.text, "<img src=x onerror=alert(1)>", "kept as text, shown as text");
    }

    #[test]
    fn apply_filters_replaces_the_filters_only() {
        let (mut target, _) = Query::from_params([("view", "network"), ("tech", "iot"), ("actor", "x"), ("q", "a")]);
        let (filters, _) = Query::from_params([("kind", "sme")]);
        apply_filters(&mut target, &filters);
        assert_eq!(target.view, View::Network);
        assert!(target.focus.is_some());
        assert!(target.chosen(Facet::Technology).is_empty());
        assert_eq!(target.chosen(Facet::Kind), ["sme".to_string()]);
        assert_eq!(target.text, "");
    }
}
