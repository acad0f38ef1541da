//! Wire types: serde structs that mirror export format v1 (docs/data-format.md) field for field.
//!
//! They are the contract with the outside world and are used to *write* exports (`generate`, the demo
//! builder). Import reads the JSON tree itself so that it can report every problem with its path.

use serde::{Deserialize, Serialize};

/// Current format version written by ecomap.
pub const FORMAT_VERSION: &str = "1.1";

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Text {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub de: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub en: String,
}

impl Text {
    pub fn new(de: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            de: de.into(),
            en: en.into(),
        }
    }
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Export {
    pub meta: Meta,
    pub technologies: Vec<Technology>,
    pub sectors: Vec<Sector>,
    pub regions: Vec<Region>,
    pub actors: Vec<Actor>,
    pub projects: Vec<Project>,
    #[serde(default)]
    pub links: Vec<Link>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Meta {
    pub format_version: String,
    pub title: Text,
    pub date: String,
    pub source: String,
    pub licence: String,
    pub languages: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_year: Option<u16>,
    /// Format 1.1: the operator's addresses (`crate::contact`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Contact>,
}

/// `meta.contact` (format 1.1): http(s) or mailto URLs, each optional (`crate::contact`).
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Contact {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_notice: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub privacy: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corrections: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback: Option<String>,
}

impl Contact {
    /// The addresses given, keyed as `crate::contact::KEYS`, in that order.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let [a, b, c, d] = crate::contact::KEYS;
        [
            (a, &self.legal_notice),
            (b, &self.privacy),
            (c, &self.corrections),
            (d, &self.feedback),
        ]
        .into_iter()
        .filter_map(|(k, v)| Some((k, v.clone()?)))
        .collect()
    }
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Technology {
    pub id: String,
    pub name: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Sector {
    pub id: String,
    pub name: Text,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Region {
    pub id: String,
    pub name: String,
    /// "BE" or "BB".
    pub state: String,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Location {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Position {
    pub x: f32,
    pub y: f32,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Actor {
    pub id: String,
    pub name: String,
    /// startup | sme | corporation | research | university | network | public
    pub kind: String,
    #[serde(default)]
    pub sectors: Vec<String>,
    #[serde(default)]
    pub technologies: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub founded: Option<u16>,
    /// "1-9" | "10-49" | "50-249" | "250+"
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// "YYYY-MM-DD"
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub fictional: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<Position>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Participant {
    pub actor: String,
    /// "lead" | "partner"
    pub role: String,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Project {
    pub id: String,
    pub title: Text,
    pub start: u16,
    pub end: u16,
    /// "new" | "ongoing" | "completed"
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Total volume in whole EUR.
    pub volume: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub programme: Option<String>,
    #[serde(default)]
    pub technologies: Vec<String>,
    #[serde(default)]
    pub participants: Vec<Participant>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub fictional: bool,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Link {
    pub source: String,
    pub target: String,
    /// partnership | membership | spin-off | investment | customer | other
    pub kind: String,
}
