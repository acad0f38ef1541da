//! Tours (issue 15, docs/tours.md, docs/tour.schema.json): a title in German and English and steps, each a
//! view, a Query in its URL form (read by the one registry, `crate::params`), an optional camera (`map=z/lat/lon`
//! or `net=x,y,zoom`, `crate::camera_hash`), a caption and a duration. `Tour::load` reads a tour with errors
//! that name the step; `check` names keys the export does not have; `Player` is the step logic the app's
//! presentation and kiosk modes share.

pub mod player;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::camera_hash::NetCamera;
use crate::model::{Dataset, Lang};
use crate::projection::Camera;
use crate::query::{Query, QueryNotice, View};

/// A text in German and English (at least one of them given; the other falls back to it).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    #[serde(default)]
    pub de: String,
    #[serde(default)]
    pub en: String,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        let (a, b) = match lang {
            Lang::De => (&self.de, &self.en),
            Lang::En => (&self.en, &self.de),
        };
        if a.trim().is_empty() {
            b
        } else {
            a
        }
    }
}

/// One step of a tour, as written in the JSON file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// map, network, charts or list.
    pub view: String,
    /// The link's query without `view` (it is the field above): `tech=ai&years=2020-2024`.
    #[serde(default)]
    pub query: String,
    /// `map=z/lat/lon` for the map, `net=x,y,zoom` for the network; none: the view frames what it shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub camera: Option<String>,
    pub caption: Text,
    /// Seconds before the player moves on by itself (1-600).
    pub duration: f64,
}

/// A step's camera, read.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum StepCamera {
    Map(Camera),
    Net(NetCamera),
}

impl StepCamera {
    pub fn to_hash(&self) -> String {
        match self {
            StepCamera::Map(c) => c.to_hash(),
            StepCamera::Net(c) => c.to_hash(),
        }
    }
}

/// A tour file.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tour {
    /// The format's version: 1.
    #[serde(default = "one")]
    pub version: u32,
    pub title: Text,
    pub steps: Vec<Step>,
}

fn one() -> u32 {
    1
}

/// Why a tour could not be read: where (`steps[2].duration`; the step is `index + 1` for people) and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TourError {
    /// 1-based step number, when the problem is in a step.
    pub step: Option<usize>,
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for TourError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.step {
            Some(n) => write!(f, "step {n} ({}): {}", self.path, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

fn err(step: Option<usize>, path: impl Into<String>, message: impl Into<String>) -> TourError {
    TourError {
        step,
        path: path.into(),
        message: message.into(),
    }
}

impl Tour {
    /// Reads and checks a tour file (its shape; `check` compares it with an export).
    pub fn load(text: &str) -> Result<Tour, TourError> {
        let value: Value = serde_json::from_str(text).map_err(|e| err(None, "(file)", format!("not JSON: {e}")))?;
        let Value::Object(mut top) = value else {
            return Err(err(None, "(file)", "a tour is a JSON object with title and steps"));
        };
        top.remove("$schema");
        let steps = top.remove("steps").ok_or_else(|| err(None, "steps", "missing"))?;
        let Value::Array(steps) = steps else {
            return Err(err(None, "steps", "must be a list of steps"));
        };
        top.insert("steps".into(), Value::Array(Vec::new()));
        let head: Tour = serde_json::from_value(Value::Object(top)).map_err(|e| err(None, "(tour)", e.to_string()))?;
        if head.version != 1 {
            return Err(err(None, "version", format!("must be 1, not {}", head.version)));
        }
        if steps.is_empty() {
            return Err(err(None, "steps", "a tour needs at least one step"));
        }
        let mut tour = Tour { steps: Vec::new(), ..head };
        for (i, v) in steps.into_iter().enumerate() {
            let path = format!("steps[{i}]");
            let step: Step = serde_json::from_value(v).map_err(|e| err(Some(i + 1), path.clone(), e.to_string()))?;
            step.validate().map_err(|(field, m)| err(Some(i + 1), format!("{path}.{field}"), m))?;
            tour.steps.push(step);
        }
        Ok(tour)
    }

    /// The tour as pretty JSON (what the editor downloads).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

impl Step {
    fn validate(&self) -> Result<(), (&'static str, String)> {
        let view = View::parse(&self.view).ok_or(("view", format!("“{}” is not map, network, charts or list", self.view)))?;
        if !(1.0..=600.0).contains(&self.duration) {
            return Err(("duration", format!("{} is not between 1 and 600 seconds", self.duration)));
        }
        if self.caption.de.trim().is_empty() && self.caption.en.trim().is_empty() {
            return Err(("caption", "needs de or en".into()));
        }
        let (q, notices) = parse_query(&self.query);
        if let Some(n) = notices.first() {
            return Err(("query", n.message_en.clone()));
        }
        if q.page_mode.is_some() || q.embed.on || q.data.is_some() || q.tour.is_some() || q.view != View::default() {
            return Err(("query", "view, mode, embed, data and tour are not a step's to set".into()));
        }
        match (&self.camera, view) {
            (None, _) => {}
            (Some(c), _) => match self.camera() {
                Some(StepCamera::Map(_)) if view == View::Map => {}
                Some(StepCamera::Net(_)) if view == View::Network => {}
                Some(_) => return Err(("camera", format!("“{c}” is not a camera of the {} view", self.view))),
                None => return Err(("camera", format!("“{c}” is not map=z/lat/lon or net=x,y,zoom"))),
            },
        }
        Ok(())
    }

    /// The view (the map when unknown; `Tour::load` refuses unknown views).
    pub fn view(&self) -> View {
        View::parse(&self.view).unwrap_or_default()
    }

    /// The step's Query: its query string read by the registry, with its view.
    pub fn to_query(&self) -> Query {
        let mut q = parse_query(&self.query).0;
        q.view = self.view();
        q
    }

    pub fn camera(&self) -> Option<StepCamera> {
        let c = self.camera.as_deref()?.trim_start_matches('#');
        if c.starts_with("map=") {
            Camera::from_hash(c).map(StepCamera::Map)
        } else {
            NetCamera::from_hash(c).map(StepCamera::Net)
        }
    }

    /// A step recording what a visitor sees: the query's filters and view options (not its mode, language,
    /// data source or embed options) and the camera.
    pub fn record(q: &Query, camera: Option<StepCamera>, caption: Text, duration: f64) -> Step {
        let kept = Query {
            view: View::default(),
            lang: None,
            data: None,
            embed: Default::default(),
            page_mode: None,
            tour: None,
            ..q.clone()
        };
        let query: Vec<String> = kept
            .to_params()
            .into_iter()
            .filter(|(k, _)| *k != "view")
            .map(|(k, v)| format!("{k}={}", encode(&v)))
            .collect();
        Step {
            view: q.view.key().to_string(),
            query: query.join("&"),
            camera: camera.map(|c| c.to_hash()),
            caption,
            duration,
        }
    }
}

/// Reads `a=b&c=d` (percent-encoded, `+` a space; a leading `?` allowed) with the registry.
pub fn parse_query(s: &str) -> (Query, Vec<QueryNotice>) {
    let pairs: Vec<(String, String)> = s
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect();
    Query::from_params(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}

fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => match (hex(b[i + 1]), hex(b[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~,".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// One problem `check` found: the 1-based step and what (in both languages).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TourIssue {
    pub step: usize,
    pub notice: QueryNotice,
}

/// What of a tour an export does not have: every technology, sector, region, actor or opened item a step
/// names that is not in `ds`, with its step number.
pub fn check(tour: &Tour, ds: &Dataset) -> Vec<TourIssue> {
    let mut out = Vec::new();
    for (i, s) in tour.steps.iter().enumerate() {
        for notice in s.to_query().resolve(ds).notices {
            out.push(TourIssue { step: i + 1, notice });
        }
    }
    out
}

#[cfg(test)]
mod tests;
