//! The one configuration of origins (`config.json` beside index.html; docs/embedding.md, docs/hosting.md):
//! which sites may frame the app (`embedOrigins`, the CSP `frame-ancestors`), whose messages an embed accepts
//! (`messageOrigins`), where the app may load data from (`dataOrigins`, the CSP `connect-src`) and which map tile
//! servers a visitor may turn on under the map (`tileOrigins`, the CSP `img-src`). Read by the
//! static app at start and by `cargo xtask serve` (and the test server), which turn it into the CSP header.
//!
//! An origin is written as a browser shows it: `https://partner.example`, `http://localhost:8080`, a wildcard
//! subdomain `https://*.partner.example` (names and IPv4 addresses; no IPv6 literals); one trailing `/` is dropped, names are lower-cased and default ports
//! left out, so `https://Partner.example:443/` is `https://partner.example`. Keywords: `*` (any), `'self'`
//! (the app's own origin) and, in `embedOrigins` alone, `'none'` (never framed). Errors name the field path
//! (`embedOrigins[1]: ...`).

use serde_json::{Map, Value};

/// The file's name beside index.html.
pub const FILE: &str = "config.json";

/// The kiosk's settings object (`crate::kiosk::KioskConfig`), beside the origin lists.
const KIOSK: &str = "kiosk";
/// The operator's addresses for the accessibility statement (`crate::contact`; the same keys as an export's
/// `meta.contact`).
const CONTACT: &str = "contact";

/// The configuration; [`Default`] is the file the app ships (`public/config.json`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// Sites that may show the app in a frame (CSP `frame-ancestors`).
    pub embed_origins: Vec<String>,
    /// Origins an embed accepts messages (`ecomap:setQuery`) from; its own origin is always accepted.
    pub message_origins: Vec<String>,
    /// Where the app may fetch data (`?data=URL`) besides its own origin (CSP `connect-src`).
    pub data_origins: Vec<String>,
    /// The tile servers a visitor may choose for the optional map tiles (CSP `img-src`); none are requested
    /// until a visitor turns tiles on.
    pub tile_origins: Vec<String>,
    /// The kiosk's exit PIN and idle time (`kiosk`, an object; `crate::kiosk`).
    pub kiosk: crate::kiosk::KioskConfig,
}

/// The tile server of the map's default tile template (`tileOrigins`' default).
pub const DEFAULT_TILE_ORIGIN: &str = "https://tile.openstreetmap.org";

impl Default for Config {
    fn default() -> Config {
        let any = || vec!["*".to_string()];
        Config {
            embed_origins: any(),
            message_origins: any(),
            data_origins: any(),
            tile_origins: vec![DEFAULT_TILE_ORIGIN.to_string()],
            kiosk: crate::kiosk::KioskConfig::default(),
        }
    }
}

/// A field of the file: its name and the keywords it accepts besides origins.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Embed,
    Message,
    Data,
    Tiles,
}

impl Field {
    pub const ALL: [Field; 4] = [Field::Embed, Field::Message, Field::Data, Field::Tiles];

    pub fn name(self) -> &'static str {
        match self {
            Field::Embed => "embedOrigins",
            Field::Message => "messageOrigins",
            Field::Data => "dataOrigins",
            Field::Tiles => "tileOrigins",
        }
    }

    fn keywords(self) -> &'static [&'static str] {
        match self {
            Field::Embed => &["*", "'self'", "'none'"],
            Field::Message | Field::Data | Field::Tiles => &["*", "'self'"],
        }
    }
}

/// A configuration that cannot be used, with the JSON path of the culprit (`embedOrigins[1]`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

fn err(path: impl Into<String>, message: impl Into<String>) -> ConfigError {
    ConfigError {
        path: path.into(),
        message: message.into(),
    }
}

/// The file's `contact` (the addresses public/accessibility.html links to; they win over an export's
/// `meta.contact`, field by field: docs/accessibility.md), checked and keyed as `crate::contact::KEYS`; none
/// without it. An error names the path of the first bad one (`contact.privacy`). [`Config::parse`] only
/// accepts the key: the app never reads the addresses (the static statement page does), so it does not pay
/// for this check; `cargo xtask build` and `serve` run it.
pub fn contact(text: &str) -> Result<Vec<(&'static str, String)>, ConfigError> {
    let v: Value = serde_json::from_str(text).map_err(|e| err(FILE, format!("not JSON: {e}")))?;
    let Some(v) = v.get(CONTACT) else { return Ok(Vec::new()) };
    let m = v.as_object().ok_or_else(|| err(CONTACT, "must be an object"))?;
    if let Some(k) = m.keys().find(|k| !crate::contact::KEYS.contains(&k.as_str())) {
        return Err(err(format!("{CONTACT}.{k}"), "unknown field"));
    }
    let mut out = Vec::new();
    for key in crate::contact::KEYS {
        if let Some(v) = m.get(key) {
            let url = v
                .as_str()
                .ok_or(("must be a URL string", ""))
                .and_then(crate::contact::url);
            out.push((key, url.map_err(|(why, _)| err(format!("{CONTACT}.{key}"), why))?));
        }
    }
    Ok(out)
}

/// Checks one entry and returns it in its normal form (see the module's doc).
pub fn origin(field: Field, entry: &str) -> Result<String, String> {
    let e = entry.trim();
    if field.keywords().contains(&e) {
        return Ok(e.to_string());
    }
    if matches!(e, "self" | "none") {
        return Err(format!("write the keyword with single quotes: \"'{e}'\""));
    }
    let bad = |why: &str| {
        let keywords = field.keywords().join(", ");
        Err(format!(
            "{entry:?} is not an origin ({why}); write e.g. \"https://partner.example\" or one of {keywords}"
        ))
    };
    let Some((scheme, rest)) = e.split_once("://") else {
        return bad("no scheme://");
    };
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "https" && scheme != "http" {
        return bad("only http and https");
    }
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    if rest.contains(['/', '?', '#', '@', ' ', '\'', '"', ';', ',']) {
        return bad("only scheme, host and port; no path, query or user");
    }
    let (host, port) = match rest.rsplit_once(':') {
        Some((h, p)) => (h, Some(p)),
        None => (rest, None),
    };
    let host = host.to_ascii_lowercase();
    let name = host.strip_prefix("*.").unwrap_or(&host);
    let labels_ok = !name.is_empty()
        && name
            .split('.')
            .all(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'));
    if !labels_ok {
        return bad("the host is not a name like partner.example");
    }
    let default = if scheme == "https" { "443" } else { "80" };
    match port {
        None => Ok(format!("{scheme}://{host}")),
        Some(p) if p == default => Ok(format!("{scheme}://{host}")),
        Some(p) if p.parse::<u16>().is_ok_and(|n| n > 0) => Ok(format!("{scheme}://{host}:{p}")),
        Some(_) => bad("the port is not a number from 1 to 65535"),
    }
}

/// A list of origins in a field: each checked ([`origin`]); `'none'` only alone; `embedOrigins` not empty.
pub fn origins<'a>(field: Field, entries: impl IntoIterator<Item = &'a str>) -> Result<Vec<String>, ConfigError> {
    let mut out = Vec::new();
    for (i, e) in entries.into_iter().enumerate() {
        let o = origin(field, e).map_err(|m| err(format!("{}[{i}]", field.name()), m))?;
        if !out.contains(&o) {
            out.push(o);
        }
    }
    if field == Field::Embed && out.is_empty() {
        return Err(err(field.name(), "is empty: write [\"'none'\"] to refuse every frame"));
    }
    if out.len() > 1 && out.iter().any(|o| o == "'none'") {
        return Err(err(field.name(), "'none' cannot stand beside other origins"));
    }
    Ok(out)
}

impl Config {
    /// Reads `config.json`. A missing field keeps its default; an unknown field is an error (a misspelt name
    /// would otherwise be ignored silently).
    pub fn parse(text: &str) -> Result<Config, ConfigError> {
        let v: Value = serde_json::from_str(text).map_err(|e| {
            err(
                FILE,
                format!("not JSON (line {}, column {}): {e}", e.line(), e.column()),
            )
        })?;
        let Value::Object(map) = v else {
            return Err(err(FILE, "must be a JSON object"));
        };
        let mut c = Config::default();
        for key in map.keys() {
            if key != KIOSK && key != CONTACT && !Field::ALL.iter().any(|f| f.name() == key) {
                let known = Field::ALL.map(Field::name).join(", ");
                return Err(err(
                    key.as_str(),
                    format!("unknown field (known: {known}, {KIOSK}, {CONTACT})"),
                ));
            }
        }
        if let Some(k) = map.get(KIOSK) {
            c.kiosk = crate::kiosk::KioskConfig::parse(k).map_err(|(path, m)| err(path, m))?;
        }
        for f in Field::ALL {
            if let Some(list) = list_of(&map, f)? {
                *c.field_mut(f) = origins(f, list)?;
            }
        }
        Ok(c)
    }

    pub fn field(&self, f: Field) -> &Vec<String> {
        match f {
            Field::Embed => &self.embed_origins,
            Field::Message => &self.message_origins,
            Field::Data => &self.data_origins,
            Field::Tiles => &self.tile_origins,
        }
    }

    fn field_mut(&mut self, f: Field) -> &mut Vec<String> {
        match f {
            Field::Embed => &mut self.embed_origins,
            Field::Message => &mut self.message_origins,
            Field::Data => &mut self.data_origins,
            Field::Tiles => &mut self.tile_origins,
        }
    }

    /// The file's text, one field per line (what `cargo xtask serve --embed-origins` writes into dist/).
    pub fn to_json(&self) -> String {
        let mut fields: Vec<String> = Field::ALL
            .iter()
            .map(|&f| format!("  \"{}\": {}", f.name(), Value::from(self.field(f).clone())))
            .collect();
        if self.kiosk != crate::kiosk::KioskConfig::default() {
            let mut k = serde_json::Map::new();
            if let Some(pin) = &self.kiosk.pin {
                k.insert("pin".into(), pin.clone().into());
            }
            k.insert("idleSeconds".into(), self.kiosk.idle_seconds.into());
            fields.push(format!("  \"{KIOSK}\": {}", Value::Object(k)));
        }
        format!("{{\n{}\n}}\n", fields.join(",\n"))
    }

    /// The CSP directive `frame-ancestors ...`.
    pub fn frame_ancestors(&self) -> String {
        format!("frame-ancestors {}", self.embed_origins.join(" "))
    }

    /// The CSP directive `connect-src ...`: the app's own origin, the data origins, and `data:`/`blob:` (the
    /// app reads files a visitor opens).
    pub fn connect_src(&self) -> String {
        let mut parts: Vec<&str> = Vec::new();
        if !self.data_origins.iter().any(|o| o == "*") {
            parts.push("'self'");
        }
        parts.extend(self.data_origins.iter().map(String::as_str).filter(|o| *o != "'self'"));
        parts.extend(["data:", "blob:"]);
        format!("connect-src {}", parts.join(" "))
    }

    /// The CSP directive `img-src ...`: the app's own images, `data:`/`blob:` (exports of charts and views) and
    /// the allowed tile servers.
    pub fn img_src(&self) -> String {
        let mut parts = vec!["'self'", "data:", "blob:"];
        parts.extend(self.tile_origins.iter().map(String::as_str).filter(|o| *o != "'self'"));
        format!("img-src {}", parts.join(" "))
    }

    /// Whether a tile URL template (`https://host/{z}/{x}/{y}.png`) may be used on a page of origin `own`.
    pub fn accepts_tiles(&self, template: &str, own: &str) -> bool {
        let Some((scheme, rest)) = template.split_once("://") else {
            return false;
        };
        let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
        origin(Field::Tiles, &format!("{scheme}://{host}"))
            .is_ok_and(|o| self.tile_origins.iter().any(|e| matches(e, &o, own)))
    }

    /// Whether an embed whose own origin is `own` accepts a message from `from` (both as browsers write
    /// origins: `event.origin`, `location.origin`).
    pub fn accepts_message(&self, from: &str, own: &str) -> bool {
        from == own || self.message_origins.iter().any(|o| matches(o, from, own))
    }
}

/// The entries of one field: `None` when it is missing; an error when it is not a list of strings.
fn list_of(map: &Map<String, Value>, f: Field) -> Result<Option<Vec<&str>>, ConfigError> {
    let Some(v) = map.get(f.name()) else {
        return Ok(None);
    };
    let Value::Array(items) = v else {
        return Err(err(f.name(), "must be a list of strings, e.g. [\"*\"]"));
    };
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        out.push(
            item.as_str()
                .ok_or_else(|| err(format!("{}[{i}]", f.name()), "must be a string"))?,
        );
    }
    Ok(Some(out))
}

/// Whether a normal-form entry matches an origin: `*`, `'self'`, the same origin, or a wildcard subdomain with
/// the same scheme and port.
fn matches(entry: &str, origin: &str, own: &str) -> bool {
    match entry {
        "*" => true,
        "'self'" => origin == own,
        _ => match entry.split_once("://*.") {
            Some((scheme, rest)) => origin
                .strip_prefix(scheme)
                .and_then(|o| o.strip_prefix("://"))
                .and_then(|o| o.split_once('.'))
                .is_some_and(|(sub, tail)| !sub.is_empty() && (tail == rest || tail.ends_with(&format!(".{rest}")))),
            None => entry == origin,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(field: Field, s: &str) -> String {
        origin(field, s).unwrap_or_else(|e| format!("error: {e}"))
    }

    #[test]
    fn origins_take_their_normal_form() {
        assert_eq!(ok(Field::Embed, "https://partner.example"), "https://partner.example");
        assert_eq!(
            ok(Field::Embed, " https://Partner.Example:443/ "),
            "https://partner.example"
        );
        assert_eq!(ok(Field::Embed, "http://localhost:8080"), "http://localhost:8080");
        assert_eq!(ok(Field::Embed, "http://127.0.0.1:80"), "http://127.0.0.1");
        assert_eq!(
            ok(Field::Embed, "https://*.partner.example"),
            "https://*.partner.example"
        );
        assert_eq!(ok(Field::Message, "*"), "*");
        assert_eq!(ok(Field::Embed, "'none'"), "'none'");
    }

    #[test]
    fn what_is_not_an_origin() {
        for bad in [
            "partner.example",
            "ftp://partner.example",
            "https://partner.example/embed/",
            "https://partner.example?x=1",
            "https://user@partner.example",
            "https://",
            "https://part ner.example",
            "https://partner..example",
            "https://partner.example:0",
            "https://partner.example:99999",
            "https://partner.example:x",
            "https://[::1]:8443",
            "javascript://x",
            "https://a.example https://b.example",
            "https://a.example;script-src *",
        ] {
            assert!(origin(Field::Embed, bad).is_err(), "{bad}");
        }
        assert!(origin(Field::Message, "'none'").is_err(), "'none' only frames");
        let e = origin(Field::Embed, "self").expect_err("an error");
        assert!(e.contains("\"'self'\""), "{e}");
    }

    #[test]
    fn tile_servers_come_from_the_configuration() {
        let own = "https://app.example";
        let c = Config::default();
        assert_eq!(c.img_src(), "img-src 'self' data: blob: https://tile.openstreetmap.org");
        assert!(c.accepts_tiles("https://tile.openstreetmap.org/{z}/{x}/{y}.png", own));
        assert!(c.accepts_tiles("https://Tile.OpenStreetMap.org:443/{z}/{x}/{y}.png", own));
        assert!(!c.accepts_tiles("https://tiles.other.example/{z}/{x}/{y}.png", own));
        assert!(!c.accepts_tiles("not a url", own));
        let c = Config::parse(r#"{"tileOrigins": ["https://*.tiles.example", "'self'"]}"#).expect("valid");
        assert_eq!(c.img_src(), "img-src 'self' data: blob: https://*.tiles.example");
        assert!(c.accepts_tiles("https://a.tiles.example/{z}/{x}/{y}.png", own));
        assert!(c.accepts_tiles("https://app.example/tiles/{z}/{x}/{y}.png", own));
        assert!(!c.accepts_tiles("https://tile.openstreetmap.org/{z}/{x}/{y}.png", own));
        let kiosk = r#"{"kiosk": {"pin": "2468", "idleSeconds": 60}}"#;
        let c = Config::parse(kiosk).expect("valid");
        assert_eq!((c.kiosk.pin.as_deref(), c.kiosk.idle_seconds), (Some("2468"), 60));
        assert_eq!(Config::parse(&c.to_json()), Ok(c), "to_json keeps the kiosk's settings");
        let e = Config::parse(r#"{"kiosk": {"pin": "1"}}"#).expect_err("a short PIN");
        assert_eq!(e.path, "kiosk.pin");
        let none = Config::parse(r#"{"tileOrigins": []}"#).expect("valid");
        assert_eq!(none.img_src(), "img-src 'self' data: blob:");
    }

    #[test]
    fn the_default_is_the_shipped_file() {
        let shipped = include_str!("../../../public/config.json");
        assert_eq!(Config::parse(shipped), Ok(Config::default()));
        assert_eq!(
            Config::parse("{}"),
            Ok(Config::default()),
            "missing fields keep their defaults"
        );
        assert_eq!(Config::parse(&Config::default().to_json()), Ok(Config::default()));
    }

    #[test]
    fn errors_name_the_field_path() {
        let e = |text: &str| Config::parse(text).map(|_| ()).expect_err("an error").to_string();
        assert!(
            e(r#"{"embedOrigins": ["*", "partner.example"]}"#).starts_with("embedOrigins[1]: "),
            "{}",
            e(r#"{"embedOrigins": ["*", "partner.example"]}"#)
        );
        assert!(e(r#"{"messageOrigins": "*"}"#).starts_with("messageOrigins: must be a list"));
        assert!(e(r#"{"dataOrigins": [1]}"#).starts_with("dataOrigins[0]: must be a string"));
        assert!(e(r#"{"embedHosts": ["*"]}"#).starts_with("embedHosts: unknown field"));
        assert!(e(r#"{"embedOrigins": []}"#).starts_with("embedOrigins: is empty"));
        assert!(e(r#"{"embedOrigins": ["'none'", "https://a.example"]}"#).contains("'none'"));
        assert!(e("[1]").starts_with("config.json: must be a JSON object"));
        assert!(e("{\n  \"embedOrigins\": [\"*\",]\n}").starts_with("config.json: not JSON (line 2"));
    }

    #[test]
    fn csp_directives() {
        let c = Config::default();
        assert_eq!(c.frame_ancestors(), "frame-ancestors *");
        assert_eq!(c.connect_src(), "connect-src * data: blob:");
        let c = Config::parse(
            r#"{"embedOrigins": ["https://a.example", "https://*.b.example"], "dataOrigins": ["'self'", "https://data.example"]}"#,
        )
        .unwrap_or_default();
        assert_eq!(
            c.frame_ancestors(),
            "frame-ancestors https://a.example https://*.b.example"
        );
        assert_eq!(c.connect_src(), "connect-src 'self' https://data.example data: blob:");
        let c = Config::parse(r#"{"dataOrigins": []}"#).unwrap_or_default();
        assert_eq!(c.connect_src(), "connect-src 'self' data: blob:");
    }

    #[test]
    fn messages_are_matched_by_origin() {
        let own = "https://ecomap.example";
        let c =
            Config::parse(r#"{"messageOrigins": ["https://a.example", "https://*.b.example"]}"#).unwrap_or_default();
        assert!(c.accepts_message(own, own), "the own origin always");
        assert!(c.accepts_message("https://a.example", own));
        assert!(c.accepts_message("https://www.b.example", own));
        assert!(c.accepts_message("https://x.y.b.example", own));
        for no in [
            "https://b.example",
            "http://a.example",
            "https://a.example:8443",
            "https://evilb.example",
            "https://a.example.evil",
            "null",
        ] {
            assert!(!c.accepts_message(no, own), "{no}");
        }
        assert!(Config::default().accepts_message("null", own), "* accepts any");
        let c = Config::parse(r#"{"messageOrigins": []}"#).unwrap_or_default();
        assert!(!c.accepts_message("https://a.example", own) && c.accepts_message(own, own));
    }
}
