//! The Query: everything a visitor chose (filters, search text, focus, view, language), and its URL form.
//!
//! The URL is a serialisation of the Query, so reload, back/forward and shared links restore the same state.
//! Parsing never fails: unknown or invalid parameters are ignored and reported as notices.

use crate::filter::Filter;
use crate::model::{ActorId, ActorKind, Dataset, Lang, TechnologyId};

/// Which main view is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum View {
    #[default]
    List,
    Map,
    Network,
    Charts,
}

impl View {
    pub const ALL: [View; 4] = [View::List, View::Map, View::Network, View::Charts];
    pub fn key(self) -> &'static str {
        match self {
            View::List => "list",
            View::Map => "map",
            View::Network => "network",
            View::Charts => "charts",
        }
    }
    pub fn parse(s: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.key() == s)
    }
}

/// The one item a visitor opened in the detail panel, by its key in the export.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Focus {
    Actor(String),
    Technology(String),
}

/// The whole interface state that belongs in a link. Keys are the export's string ids, so a link keeps
/// working when the export is regenerated.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pub view: View,
    /// `None`: follow the browser language.
    pub lang: Option<Lang>,
    pub technologies: Vec<String>,
    pub sectors: Vec<String>,
    pub kinds: Vec<ActorKind>,
    pub regions: Vec<String>,
    pub years: Option<(u16, u16)>,
    pub text: String,
    pub focus: Option<Focus>,
    /// Another export to load instead of the demo (`?data=URL`).
    pub data: Option<String>,
}

/// A parameter that was ignored, with a message for the visitor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryNotice {
    pub param: String,
    pub message_en: String,
    pub message_de: String,
}

impl QueryNotice {
    fn new(param: &str, en: String, de: String) -> QueryNotice {
        QueryNotice {
            param: param.to_string(),
            message_en: en,
            message_de: de,
        }
    }
    pub fn message(&self, lang: Lang) -> &str {
        match lang {
            Lang::De => &self.message_de,
            Lang::En => &self.message_en,
        }
    }
}

/// Parameters the app owns; others are reported as unknown.
const PARAMS: [&str; 12] = [
    "view",
    "lang",
    "tech",
    "sector",
    "kind",
    "region",
    "years",
    "q",
    "actor",
    "technology",
    "data",
    "embed",
];

/// Years accepted in `years=`: wide enough for old institutions, narrow enough to catch typos.
const YEAR_MIN: u16 = 1000;
const YEAR_MAX: u16 = 2200;

impl Query {
    /// Reads a query from URL parameters (already percent-decoded, in order). Never fails.
    pub fn from_params<'a>(params: impl IntoIterator<Item = (&'a str, &'a str)>) -> (Query, Vec<QueryNotice>) {
        let mut q = Query::default();
        let mut notices = Vec::new();
        for (key, value) in params {
            let value = value.trim();
            match key {
                "view" => match View::parse(value) {
                    Some(v) => q.view = v,
                    None => notices.push(invalid(key, value)),
                },
                "lang" => match Lang::parse(value) {
                    Some(l) => q.lang = Some(l),
                    None => notices.push(invalid(key, value)),
                },
                "tech" => push_key(&mut q.technologies, value),
                "sector" => push_key(&mut q.sectors, value),
                "region" => push_key(&mut q.regions, value),
                "kind" => match ActorKind::parse(value) {
                    Some(k) if !q.kinds.contains(&k) => q.kinds.push(k),
                    Some(_) => {}
                    None => notices.push(invalid(key, value)),
                },
                "years" => match parse_years(value) {
                    Some(r) => q.years = Some(r),
                    None => notices.push(invalid(key, value)),
                },
                "q" => q.text = value.to_string(),
                "actor" if !value.is_empty() => q.focus = Some(Focus::Actor(value.to_string())),
                "technology" if !value.is_empty() => q.focus = Some(Focus::Technology(value.to_string())),
                "data" if !value.is_empty() => q.data = Some(value.to_string()),
                "embed" => {}
                _ if PARAMS.contains(&key) => notices.push(invalid(key, value)),
                _ => notices.push(QueryNotice::new(
                    key,
                    format!("Unknown link parameter “{key}” was ignored."),
                    format!("Unbekannter Link-Parameter „{key}“ wurde ignoriert."),
                )),
            }
        }
        (q, notices)
    }

    /// The URL parameters of this query, in a stable order; defaults are left out so links stay short.
    pub fn to_params(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if self.view != View::List {
            out.push(("view", self.view.key().to_string()));
        }
        if let Some(l) = self.lang {
            out.push(("lang", l.code().to_string()));
        }
        if let Some(d) = &self.data {
            out.push(("data", d.clone()));
        }
        out.extend(self.technologies.iter().map(|t| ("tech", t.clone())));
        out.extend(self.sectors.iter().map(|t| ("sector", t.clone())));
        out.extend(self.kinds.iter().map(|k| ("kind", k.key().to_string())));
        out.extend(self.regions.iter().map(|t| ("region", t.clone())));
        if let Some((a, b)) = self.years {
            out.push(("years", format!("{a}-{b}")));
        }
        if !self.text.is_empty() {
            out.push(("q", self.text.clone()));
        }
        match &self.focus {
            Some(Focus::Actor(k)) => out.push(("actor", k.clone())),
            Some(Focus::Technology(k)) => out.push(("technology", k.clone())),
            None => {}
        }
        out
    }

    /// True when any filter (not view, language or focus) is set.
    pub fn has_filters(&self) -> bool {
        !(self.technologies.is_empty()
            && self.sectors.is_empty()
            && self.kinds.is_empty()
            && self.regions.is_empty()
            && self.years.is_none()
            && self.text.trim().is_empty())
    }

    /// Removes every filter, keeping view, language, focus and data source.
    pub fn clear_filters(&mut self) {
        self.technologies.clear();
        self.sectors.clear();
        self.kinds.clear();
        self.regions.clear();
        self.years = None;
        self.text.clear();
    }

    /// Turns a facet value on or off.
    pub fn toggle<T: PartialEq + Clone>(list: &mut Vec<T>, value: &T) {
        if let Some(i) = list.iter().position(|v| v == value) {
            list.remove(i);
        } else {
            list.push(value.clone());
        }
    }

    /// Resolves keys against a dataset: the filter for core, and notices for keys the export does not have
    /// (those are ignored, so a link made for another export still opens).
    pub fn resolve(&self, ds: &Dataset) -> (Filter, Option<ResolvedFocus>, Vec<QueryNotice>) {
        let mut notices = Vec::new();
        let mut f = Filter::default();
        for key in &self.technologies {
            match ds.find_technology(key) {
                Some(id) => f.technologies.push(id),
                None => notices.push(unknown_key("tech", key)),
            }
        }
        for key in &self.sectors {
            match ds.find_sector(key) {
                Some(id) => f.sectors.push(id),
                None => notices.push(unknown_key("sector", key)),
            }
        }
        for key in &self.regions {
            match ds.find_region(key) {
                Some(id) => f.regions.push(id),
                None => notices.push(unknown_key("region", key)),
            }
        }
        f.kinds = self.kinds.clone();
        f.years = self.years;
        f.text = self.text.clone();
        let focus = match &self.focus {
            Some(Focus::Actor(k)) => match ds.find_actor(k) {
                Some(id) => Some(ResolvedFocus::Actor(id)),
                None => {
                    notices.push(unknown_key("actor", k));
                    None
                }
            },
            Some(Focus::Technology(k)) => match ds.find_technology(k) {
                Some(id) => Some(ResolvedFocus::Technology(id)),
                None => {
                    notices.push(unknown_key("technology", k));
                    None
                }
            },
            None => None,
        };
        (f, focus, notices)
    }
}

/// The focus as dense ids of a loaded dataset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResolvedFocus {
    Actor(ActorId),
    Technology(TechnologyId),
}

fn push_key(list: &mut Vec<String>, value: &str) {
    if !value.is_empty() && !list.iter().any(|v| v == value) {
        list.push(value.to_string());
    }
}

fn parse_years(s: &str) -> Option<(u16, u16)> {
    let (a, b) = match s.split_once('-') {
        Some((a, b)) => (a.trim().parse::<u16>().ok()?, b.trim().parse::<u16>().ok()?),
        None => {
            let y = s.parse::<u16>().ok()?;
            (y, y)
        }
    };
    let ok = |y: u16| (YEAR_MIN..=YEAR_MAX).contains(&y);
    (ok(a) && ok(b) && a <= b).then_some((a, b))
}

fn invalid(key: &str, value: &str) -> QueryNotice {
    QueryNotice::new(
        key,
        format!("Link parameter “{key}” has an invalid value “{value}” and was ignored."),
        format!("Link-Parameter „{key}“ hat einen ungültigen Wert „{value}“ und wurde ignoriert."),
    )
}

fn unknown_key(key: &str, value: &str) -> QueryNotice {
    QueryNotice::new(
        key,
        format!("“{value}” (link parameter “{key}”) is not in this data and was ignored."),
        format!("„{value}“ (Link-Parameter „{key}“) gibt es in diesen Daten nicht; ignoriert."),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> (Query, Vec<QueryNotice>) {
        let pairs: Vec<(&str, &str)> = s
            .split('&')
            .filter(|p| !p.is_empty())
            .filter_map(|p| p.split_once('='))
            .collect();
        Query::from_params(pairs)
    }

    #[test]
    fn round_trip_restores_every_field() {
        let q = Query {
            view: View::Charts,
            lang: Some(Lang::De),
            technologies: vec!["ai".into(), "iot".into()],
            sectors: vec!["games".into()],
            kinds: vec![ActorKind::Startup, ActorKind::University],
            regions: vec!["11001".into()],
            years: Some((2021, 2024)),
            text: "universität".into(),
            focus: Some(Focus::Actor("tu-berlin".into())),
            data: Some("https://example.org/x.json".into()),
        };
        let params = q.to_params();
        let (back, notices) = Query::from_params(params.iter().map(|(k, v)| (*k, v.as_str())));
        assert_eq!(back, q);
        assert!(notices.is_empty());
    }

    #[test]
    fn default_query_has_no_params() {
        assert!(Query::default().to_params().is_empty());
    }

    #[test]
    fn unknown_and_invalid_params_are_ignored_with_notices() {
        let (q, notices) = parse("view=globe&kind=alien&years=2025-2020&foo=1&tech=ai");
        assert_eq!(q.view, View::List);
        assert!(q.kinds.is_empty());
        assert_eq!(q.years, None);
        assert_eq!(q.technologies, vec!["ai".to_string()]);
        let params: Vec<&str> = notices.iter().map(|n| n.param.as_str()).collect();
        assert_eq!(params, vec!["view", "kind", "years", "foo"]);
        assert!(notices[3].message_en.contains("Unknown"));
        assert!(notices[3].message_de.contains("Unbekannter"));
    }

    #[test]
    fn single_year_and_duplicates() {
        let (q, n) = parse("years=2025&tech=ai&tech=ai&kind=sme&kind=sme");
        assert_eq!(q.years, Some((2025, 2025)));
        assert_eq!(q.technologies.len(), 1);
        assert_eq!(q.kinds, vec![ActorKind::Sme]);
        assert!(n.is_empty());
    }

    #[test]
    fn toggle_adds_and_removes() {
        let mut v = vec![1, 2];
        Query::toggle(&mut v, &3);
        Query::toggle(&mut v, &1);
        assert_eq!(v, vec![2, 3]);
    }
}
