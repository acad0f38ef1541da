//! The Query: everything a visitor chose (filters, search text, focus, view, language, the views' options),
//! and its URL form.
//!
//! The URL is a serialisation of the Query, so reload, back/forward and shared links restore the same state.
//! Parsing never fails: unknown or invalid parameters are ignored and reported as notices. Every parameter is
//! one entry of the registry in `crate::params`; facets are `crate::facet::Facet`.

use crate::embed::{Embed, PageMode};
use crate::facet::{Facet, PerFacet};
use crate::filter::Filter;
use crate::model::{ActorId, Dataset, Lang, TechnologyId};
use crate::params::PARAMS;
use crate::view_state::{MapState, NetworkState, ViewOption};

/// Which main view is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum View {
    List,
    /// The start view: the product is an ecosystem map.
    #[default]
    Map,
    Network,
    Charts,
    /// A technology's ecosystem profile (the focused technology; docs/insight.md): not a tab, opened from the
    /// technology's detail panel.
    Profile,
    /// Two to four technologies side by side (`compare=`): not a tab, opened from a profile.
    Compare,
    /// Every technology's regional strengths and gaps: not a tab, opened from a profile or a comparison.
    Regions,
}

impl View {
    /// In tab order: the map first (the start view).
    pub const ALL: [View; 4] = [View::Map, View::List, View::Network, View::Charts];
    pub fn key(self) -> &'static str {
        match self {
            View::List => "list",
            View::Map => "map",
            View::Network => "network",
            View::Charts => "charts",
            View::Profile => "profile",
            View::Compare => "compare",
            View::Regions => "regions",
        }
    }
    pub fn parse(s: &str) -> Option<View> {
        View::ALL
            .into_iter()
            .chain([View::Profile, View::Compare, View::Regions])
            .find(|v| v.key() == s)
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
    /// The chosen values of each facet, by key, in the order chosen (kinds are checked when read).
    pub chosen: PerFacet<Vec<String>>,
    pub years: Option<(u16, u16)>,
    pub text: String,
    pub focus: Option<Focus>,
    /// The technologies a comparison shows (`compare=ai,iot`), by key, as given: the insight worker resolves
    /// them (docs/insight.md).
    pub compare: Vec<String>,
    /// Another export to load instead of the demo (`?data=URL`).
    pub data: Option<String>,
    /// The network view's options the link carries (mode, ego depth, node size, fade or hide).
    pub network: NetworkState,
    /// The map view's options the link carries (arcs and their weight, shading, marker size).
    pub map: MapState,
    /// Embed mode and its options (`embed=1`, `panels=`, `lock=`, `theme=`, `height=`; crate::embed).
    pub embed: Embed,
    /// The presentation or kiosk mode (`mode=present|kiosk`); never together with `embed=1`.
    pub page_mode: Option<PageMode>,
    /// The tour a presentation plays (`tour=URL`; the demo tour when absent; docs/tours.md).
    pub tour: Option<String>,
}

/// Percent-encodes a parameter's value (unreserved characters and `,` kept).
pub(crate) fn encode(s: &str) -> String {
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

/// A parameter that was ignored, with a message for the visitor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryNotice {
    pub param: String,
    pub message_en: String,
    pub message_de: String,
}

impl QueryNotice {
    pub(crate) fn new(param: &str, en: String, de: String) -> QueryNotice {
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

impl Query {
    /// Reads a query from URL parameters (already percent-decoded, in order). Never fails: a parameter the
    /// registry does not know, or a value its entry refuses, is ignored with a notice.
    pub fn from_params<'a>(params: impl IntoIterator<Item = (&'a str, &'a str)>) -> (Query, Vec<QueryNotice>) {
        // The generic part stays this small: every caller shares one copy of the reading.
        let pairs: Vec<(&str, &str)> = params.into_iter().collect();
        Query::from_pairs(&pairs)
    }

    fn from_pairs(params: &[(&str, &str)]) -> (Query, Vec<QueryNotice>) {
        let mut q = Query::default();
        let mut notices = Vec::new();
        for &(key, value) in params {
            let value = value.trim();
            match PARAMS.iter().find(|p| p.name == key) {
                Some(p) => {
                    if !(p.read)(&mut q, value) {
                        notices.push(invalid(key, value));
                    }
                }
                None => notices.push(QueryNotice::new(
                    key,
                    format!("Unknown link parameter “{key}” was ignored."),
                    format!("Unbekannter Link-Parameter „{key}“ wurde ignoriert."),
                )),
            }
        }
        crate::embed::refuse_page_mode(&mut q, &mut notices);
        (q, notices)
    }

    /// The URL parameters of this query, in the registry's order; defaults are left out so links stay short.
    pub fn to_params(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        for p in &PARAMS {
            (p.write)(self, &mut out);
        }
        out
    }

    /// `?a=b&c=d` (percent-encoded; "" for the default query): the link of this query, for the insight
    /// worker's documents (the app has `url::to_search`, the browser's encoder).
    pub fn to_search(&self) -> String {
        let pairs: Vec<String> = self
            .to_params()
            .into_iter()
            .map(|(k, v)| format!("{k}={}", encode(&v)))
            .collect();
        if pairs.is_empty() {
            String::new()
        } else {
            format!("?{}", pairs.join("&"))
        }
    }

    /// This query without its embed options: the link "Open in the full explorer" of an embed opens.
    pub fn without_embed(&self) -> Query {
        Query {
            embed: Embed::default(),
            ..self.clone()
        }
    }

    /// The chosen keys of a facet.
    pub fn chosen(&self, f: Facet) -> &[String] {
        self.chosen.get(f)
    }

    /// Whether a facet value is chosen.
    pub fn is_chosen(&self, f: Facet, key: &str) -> bool {
        self.chosen.get(f).iter().any(|k| k == key)
    }

    /// Turns a facet value on or off (a key the facet can never hold, such as an unknown kind, is ignored).
    pub fn toggle(&mut self, f: Facet, key: &str) {
        let list = self.chosen.get_mut(f);
        if let Some(i) = list.iter().position(|v| v == key) {
            list.remove(i);
        } else if f.accepts(key) {
            list.push(key.to_string());
        }
    }

    /// Adds a facet value read from a link (no duplicates); false when the facet can never hold it.
    pub(crate) fn add_chosen(&mut self, f: Facet, key: &str) -> bool {
        if !f.accepts(key) {
            return false;
        }
        if !self.is_chosen(f, key) {
            self.chosen.get_mut(f).push(key.to_string());
        }
        true
    }

    /// True when any filter (not view, language or focus) is set.
    pub fn has_filters(&self) -> bool {
        self.filter_count() > 0
    }

    /// How many filters are active: each chosen facet value, the year range and the search text count one each
    /// (the number on the filter button; one chip each).
    pub fn filter_count(&self) -> usize {
        self.chosen.0.iter().map(Vec::len).sum::<usize>()
            + usize::from(self.years.is_some())
            + usize::from(!self.text.trim().is_empty())
    }

    /// A visitor's choice of a view option; it stays in the Query (and the link) even when it is the default,
    /// so it wins over what the browser remembers for as long as the visitor stays.
    pub fn set_view_option(&mut self, option: ViewOption) {
        let (n, m) = (&mut self.network, &mut self.map);
        match option {
            ViewOption::Mode(v) => n.mode = Some(v),
            ViewOption::Ego(v) => n.ego = Some(v),
            ViewOption::Nodes(v) => n.nodes = Some(v),
            ViewOption::Unselected(v) => n.unselected = Some(v),
            ViewOption::Arcs(v) => m.arcs = Some(v),
            ViewOption::ArcWeight(v) => m.arc_weight = Some(v),
            ViewOption::Shading(v) => m.shading = Some(v),
            ViewOption::Markers(v) => m.markers = Some(v),
        }
    }

    /// Removes every filter, keeping view, language, focus, the views' options and data source.
    pub fn clear_filters(&mut self) {
        self.chosen = PerFacet::default();
        self.years = None;
        self.text.clear();
    }

    /// Resolves keys against a dataset, once per change of the Query or the data: the filter for core, the
    /// focus, and notices for keys the export does not have (those are ignored, so a link made for another
    /// export still opens). Views read this, never the Query's keys.
    pub fn resolve(&self, ds: &Dataset) -> Resolved {
        let mut notices = Vec::new();
        let mut f = Filter::default();
        for facet in Facet::ALL {
            for key in self.chosen(facet) {
                match facet.find(ds, key) {
                    Some(id) => f.chosen.get_mut(facet).push(id),
                    None => notices.push(unknown_key(facet.param(), key)),
                }
            }
        }
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
        Resolved {
            filter: f,
            focus,
            notices,
        }
    }
}

/// A Query resolved against the loaded data: what every view reads.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Resolved {
    pub filter: Filter,
    pub focus: Option<ResolvedFocus>,
    /// Keys in the link that this data does not have (ignored).
    pub notices: Vec<QueryNotice>,
}

/// The focus as dense ids of a loaded dataset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResolvedFocus {
    Actor(ActorId),
    Technology(TechnologyId),
}

/// Years accepted in `years=`: wide enough for old institutions, narrow enough to catch typos.
const YEAR_MIN: u16 = 1000;
const YEAR_MAX: u16 = 2200;

pub(crate) fn parse_years(s: &str) -> Option<(u16, u16)> {
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
    use crate::view_state::{ArcWeight, EgoDepth, GraphMode, MarkerSize, NodeSize, Shading, Unselected};

    fn parse(s: &str) -> (Query, Vec<QueryNotice>) {
        let pairs: Vec<(&str, &str)> = s
            .split('&')
            .filter(|p| !p.is_empty())
            .filter_map(|p| p.split_once('='))
            .collect();
        Query::from_params(pairs)
    }

    #[test]
    fn the_profile_view_is_a_link_but_not_a_tab() {
        let (q, notices) = parse("view=profile&technology=ai");
        assert!(notices.is_empty());
        assert_eq!(q.view, View::Profile);
        assert_eq!(q.focus, Some(Focus::Technology("ai".into())));
        assert!(!View::ALL.contains(&View::Profile));
        let search: Vec<String> = q.to_params().iter().map(|(k, v)| format!("{k}={v}")).collect();
        assert_eq!(parse(&search.join("&")).0, q);
    }

    #[test]
    fn the_comparison_and_the_regions_are_links_with_their_technologies() {
        let (q, notices) = parse("view=compare&compare=ai, iot,,blockchain");
        assert!(notices.is_empty());
        assert_eq!(q.view, View::Compare);
        assert_eq!(q.compare, ["ai", "iot", "blockchain"]);
        let search: Vec<String> = q.to_params().iter().map(|(k, v)| format!("{k}={v}")).collect();
        assert_eq!(search, ["view=compare", "compare=ai,iot,blockchain"]);
        assert_eq!(q.to_search(), "?view=compare&compare=ai,iot,blockchain");
        let (back, _) = crate::tour::parse_query(
            &Query {
                text: "a&b ü".into(),
                ..q.clone()
            }
            .to_search(),
        );
        assert_eq!(back.text, "a&b ü");
        assert_eq!(parse(&search.join("&")).0, q);
        // An empty list is refused with a notice; the regions view takes no parameter of its own.
        let (q, notices) = parse("view=regions&compare=,");
        assert_eq!((q.view, q.compare.len(), notices.len()), (View::Regions, 0, 1));
        assert!(View::ALL.iter().all(|v| !matches!(v, View::Compare | View::Regions)));
    }

    #[test]
    fn round_trip_restores_every_field() {
        let q = Query {
            view: View::Charts,
            lang: Some(Lang::De),
            chosen: PerFacet([
                vec!["ai".into(), "iot".into()],
                vec!["games".into()],
                vec!["startup".into(), "university".into()],
                vec!["11001".into()],
            ]),
            years: Some((2021, 2024)),
            text: "universität".into(),
            focus: Some(Focus::Actor("tu-berlin".into())),
            compare: vec!["ai".into(), "vr".into()],
            data: Some("https://example.org/x.json".into()),
            network: NetworkState {
                mode: Some(GraphMode::Collaboration),
                ego: Some(EgoDepth::Two),
                nodes: Some(NodeSize::Volume),
                unselected: Some(Unselected::Hide),
            },
            map: MapState {
                arcs: Some(true),
                arc_weight: Some(ArcWeight::Volume),
                shading: Some(Shading::Actors),
                markers: Some(MarkerSize::Projects),
            },
            embed: Embed {
                on: true,
                panels: crate::embed::Panels::parse("filters,list").unwrap_or_default(),
                lock: crate::embed::LockSet::parse("tech,years").unwrap_or_default(),
                theme: Some(crate::embed::Theme::Dark),
                height: Some(crate::embed::Height::Px(600)),
                chart: Some(crate::embed::Chart::TopActors),
            },
            page_mode: None,
            tour: Some("tours/x.json".into()),
        };
        let params = q.to_params();
        let (back, notices) = Query::from_params(params.iter().map(|(k, v)| (*k, v.as_str())));
        assert_eq!(back, q);
        assert!(notices.is_empty());
    }

    #[test]
    fn filter_count_counts_each_value_the_years_and_the_text() {
        let mut q = Query::default();
        assert_eq!((q.filter_count(), q.has_filters()), (0, false));
        q.toggle(Facet::Technology, "ai");
        q.toggle(Facet::Technology, "iot");
        q.years = Some((2020, 2020));
        q.text = "  ".into();
        assert_eq!(q.filter_count(), 3, "blank text is no filter");
        q.text = "lab".into();
        assert_eq!(q.filter_count(), 4);
        q.clear_filters();
        assert_eq!((q.filter_count(), q.has_filters()), (0, false));
    }

    #[test]
    fn default_query_writes_only_its_view() {
        // The view is always written, so a list link stays a list link when the start view changes.
        assert_eq!(Query::default().to_params(), vec![("view", "map".to_string())]);
        let list = Query {
            view: View::List,
            ..Query::default()
        };
        assert_eq!(list.to_params(), vec![("view", "list".to_string())]);
    }

    #[test]
    fn view_options_are_short_keys_and_defaults_stay_out_of_links() {
        let (q, notices) = parse("view=network&mode=all&ego=1&nodes=volume&unselected=hide");
        assert!(notices.is_empty());
        assert_eq!(q.network.mode, Some(GraphMode::All));
        assert_eq!(q.network.ego, Some(EgoDepth::One));
        assert_eq!(q.map, MapState::default(), "options the link does not carry are None");
        let (q, _) = parse("arcs=on&arcweight=volume&shading=volume&markers=volume");
        let written: Vec<String> = q.to_params().iter().map(|(k, v)| format!("{k}={v}")).collect();
        // The view is always written (map, the start view), the options after it.
        assert_eq!(
            written,
            [
                "view=map",
                "arcs=on",
                "arcweight=volume",
                "shading=volume",
                "markers=volume"
            ]
        );
        // A default read from a link wins over what the browser remembers, but is never written.
        let (q, notices) = parse("mode=ecosystems&ego=0&nodes=degree&unselected=fade&arcs=off&shading=none");
        assert!(notices.is_empty());
        assert_eq!(q.network.mode, Some(GraphMode::Ecosystems));
        assert_eq!(q.map.arcs, Some(false));
        assert_eq!(q.to_params(), vec![("view", "map".to_string())], "only the view");
    }

    #[test]
    fn unknown_view_option_values_are_ignored_with_notices() {
        let (q, notices) = parse("mode=globe&ego=3&nodes=&arcs=yes&shading=volume&markers=huge");
        assert_eq!(q.network, NetworkState::default());
        assert_eq!(q.map.arcs, None);
        assert_eq!(q.map.shading, Some(Shading::Volume), "the valid rest applies");
        assert_eq!(q.map.markers, None);
        let params: Vec<&str> = notices.iter().map(|n| n.param.as_str()).collect();
        assert_eq!(params, vec!["mode", "ego", "nodes", "arcs", "markers"]);
        assert!(notices[0].message_en.contains("invalid value “globe”"));
    }

    #[test]
    fn a_chosen_view_option_stays_and_filters_do_not_touch_it() {
        let mut q = Query::default();
        q.set_view_option(ViewOption::Mode(GraphMode::Collaboration));
        q.set_view_option(ViewOption::Ego(EgoDepth::One));
        q.set_view_option(ViewOption::Nodes(NodeSize::Degree));
        q.set_view_option(ViewOption::Unselected(Unselected::Hide));
        q.set_view_option(ViewOption::Arcs(true));
        q.set_view_option(ViewOption::ArcWeight(ArcWeight::Volume));
        q.set_view_option(ViewOption::Shading(Shading::Actors));
        q.set_view_option(ViewOption::Markers(MarkerSize::Volume));
        assert_eq!(
            q.network.nodes,
            Some(NodeSize::Degree),
            "a chosen default stays in the Query"
        );
        assert!(!q.has_filters());
        q.toggle(Facet::Kind, "sme");
        q.clear_filters();
        let written: Vec<&str> = q.to_params().iter().map(|(k, _)| *k).collect();
        assert_eq!(
            written,
            [
                "view",
                "mode",
                "ego",
                "unselected",
                "arcs",
                "arcweight",
                "shading",
                "markers"
            ]
        );
    }

    #[test]
    fn unknown_and_invalid_params_are_ignored_with_notices() {
        let (q, notices) = parse("view=globe&kind=alien&years=2025-2020&foo=1&tech=ai");
        assert_eq!(q.view, View::Map);
        assert!(q.chosen(Facet::Kind).is_empty());
        assert_eq!(q.years, None);
        assert_eq!(q.chosen(Facet::Technology), ["ai".to_string()]);
        let params: Vec<&str> = notices.iter().map(|n| n.param.as_str()).collect();
        assert_eq!(params, vec!["view", "kind", "years", "foo"]);
        assert!(notices[3].message_en.contains("Unknown"));
        assert!(notices[3].message_de.contains("Unbekannter"));
    }

    #[test]
    fn single_year_and_duplicates() {
        let (q, n) = parse("years=2025&tech=ai&tech=ai&kind=sme&kind=sme");
        assert_eq!(q.years, Some((2025, 2025)));
        assert_eq!(q.chosen(Facet::Technology).len(), 1);
        assert_eq!(q.chosen(Facet::Kind), ["sme".to_string()]);
        assert!(n.is_empty());
    }

    #[test]
    fn toggle_adds_and_removes() {
        let mut q = Query::default();
        q.toggle(Facet::Sector, "games");
        q.toggle(Facet::Sector, "music");
        q.toggle(Facet::Sector, "games");
        q.toggle(Facet::Kind, "alien");
        assert_eq!(q.chosen(Facet::Sector), ["music".to_string()]);
        assert!(q.chosen(Facet::Kind).is_empty());
        assert!(q.has_filters());
        q.clear_filters();
        assert!(!q.has_filters());
    }
}
