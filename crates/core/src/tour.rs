//! Tours (issue 15, docs/tours.md, docs/tour.schema.json): a title in German and English and steps, each a
//! view, a Query in its URL form (read by the one registry, `crate::params`), an optional camera (`map=z/lat/lon`
//! or `net=x,y,zoom`, `crate::camera_hash`), a caption and a duration. `Tour::load` reads a tour with errors
//! that name the step; `check` names keys the export does not have; `Player` is the step logic the app's
//! presentation and kiosk modes share.

pub mod player;

use serde_json::{Map, Value};

use crate::camera_hash::NetCamera;
use crate::model::{Dataset, Lang};
use crate::projection::Camera;
use crate::query::{Query, QueryNotice, View};

/// A text in German and English (at least one of them given; the other falls back to it).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Text {
    pub de: String,
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
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    /// map, network, charts or list.
    pub view: String,
    /// The link's query without `view` (it is the field above): `tech=ai&years=2020-2024`.
    pub query: String,
    /// `map=z/lat/lon` for the map, `net=x,y,zoom` for the network; none: the view frames what it shows.
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
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tour {
    /// The format's version: 1.
    pub version: u32,
    pub title: Text,
    pub steps: Vec<Step>,
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

/// Reads a JSON object's fields by name; a field it does not know is an error (a typo would be lost).
struct Fields<'a> {
    obj: &'a Map<String, Value>,
    step: Option<usize>,
    path: String,
}

impl<'a> Fields<'a> {
    fn of(v: &'a Value, step: Option<usize>, path: &str, known: &[&str]) -> Result<Fields<'a>, TourError> {
        let obj = v.as_object().ok_or_else(|| err(step, path, "must be a JSON object"))?;
        if let Some(k) = obj.keys().find(|k| !known.contains(&k.as_str())) {
            return Err(err(
                step,
                path,
                format!("unknown field `{k}`, expected one of {}", known.join(", ")),
            ));
        }
        Ok(Fields {
            obj,
            step,
            path: path.to_string(),
        })
    }

    fn at(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    fn string(&self, key: &str, required: bool) -> Result<Option<String>, TourError> {
        match self.obj.get(key) {
            None if required => Err(err(self.step, self.at(key), "missing")),
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(err(self.step, self.at(key), "must be a string")),
        }
    }

    fn number(&self, key: &str) -> Result<Option<f64>, TourError> {
        match self.obj.get(key) {
            None => Ok(None),
            Some(v) => v
                .as_f64()
                .map(Some)
                .ok_or_else(|| err(self.step, self.at(key), "must be a number")),
        }
    }

    fn text(&self, key: &str) -> Result<Text, TourError> {
        let v = self
            .obj
            .get(key)
            .ok_or_else(|| err(self.step, self.at(key), "missing"))?;
        let f = Fields::of(v, self.step, &self.at(key), &["de", "en"])?;
        Ok(Text {
            de: f.string("de", false)?.unwrap_or_default(),
            en: f.string("en", false)?.unwrap_or_default(),
        })
    }
}

impl Tour {
    /// Reads and checks a tour file (its shape; `check` compares it with an export).
    pub fn load(text: &str) -> Result<Tour, TourError> {
        let value: Value = serde_json::from_str(text).map_err(|e| err(None, "(file)", format!("not JSON: {e}")))?;
        if !value.is_object() {
            return Err(err(None, "(file)", "a tour is a JSON object with title and steps"));
        }
        let top = Fields::of(&value, None, "", &["$schema", "version", "title", "steps"])?;
        let version = top.number("version")?.unwrap_or(1.0);
        if version != 1.0 {
            return Err(err(None, "version", format!("must be 1, not {version}")));
        }
        let title = top.text("title")?;
        let steps = match top.obj.get("steps") {
            None => return Err(err(None, "steps", "missing")),
            Some(Value::Array(a)) if a.is_empty() => return Err(err(None, "steps", "a tour needs at least one step")),
            Some(Value::Array(a)) => a,
            Some(_) => return Err(err(None, "steps", "must be a list of steps")),
        };
        let mut tour = Tour {
            version: 1,
            title,
            steps: Vec::new(),
        };
        for (i, v) in steps.iter().enumerate() {
            let path = format!("steps[{i}]");
            let n = Some(i + 1);
            let f = Fields::of(v, n, &path, &["view", "query", "camera", "caption", "duration"])?;
            let step = Step {
                view: f.string("view", true)?.unwrap_or_default(),
                query: f.string("query", false)?.unwrap_or_default(),
                camera: f.string("camera", false)?,
                caption: f.text("caption")?,
                duration: f
                    .number("duration")?
                    .ok_or_else(|| err(n, format!("{path}.duration"), "missing"))?,
            };
            step.validate()
                .map_err(|(field, m)| err(n, format!("{path}.{field}"), m))?;
            tour.steps.push(step);
        }
        Ok(tour)
    }

    /// The tour as indented JSON (what the editor downloads; `load` reads it back).
    pub fn to_json(&self) -> String {
        let text = |t: &Text| format!("{{ \"de\": {}, \"en\": {} }}", json_string(&t.de), json_string(&t.en));
        let steps: Vec<String> = self
            .steps
            .iter()
            .map(|s| {
                let camera = s
                    .camera
                    .as_ref()
                    .map(|c| format!("\n      \"camera\": {},", json_string(c)))
                    .unwrap_or_default();
                format!(
                    "    {{\n      \"view\": {},\n      \"query\": {},{camera}\n      \"caption\": {},\n      \"duration\": {}\n    }}",
                    json_string(&s.view),
                    json_string(&s.query),
                    text(&s.caption),
                    s.duration
                )
            })
            .collect();
        format!(
            "{{\n  \"version\": 1,\n  \"title\": {},\n  \"steps\": [\n{}\n  ]\n}}\n",
            text(&self.title),
            steps.join(",\n")
        )
    }
}

/// A JSON string literal.
fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

impl Step {
    fn validate(&self) -> Result<(), (&'static str, String)> {
        let view =
            View::parse(&self.view).ok_or(("view", format!("“{}” is not map, network, charts or list", self.view)))?;
        if !(1.0..=600.0).contains(&self.duration) {
            return Err((
                "duration",
                format!("{} is not between 1 and 600 seconds", self.duration),
            ));
        }
        if self.caption.de.trim().is_empty() && self.caption.en.trim().is_empty() {
            return Err(("caption", "needs de or en".into()));
        }
        let (q, notices) = parse_query(&self.query);
        if let Some(n) = notices.first() {
            return Err(("query", n.message_en.clone()));
        }
        if q.page_mode.is_some() || q.embed.on || q.data.is_some() || q.tour.is_some() || q.view != View::default() {
            return Err((
                "query",
                "view, mode, embed, data and tour are not a step's to set".into(),
            ));
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
            .map(|(k, v)| format!("{k}={}", crate::query::encode(&v)))
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
