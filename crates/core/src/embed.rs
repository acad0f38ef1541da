//! Embed mode (issue 14, docs/embedding.md): the options an embed link carries (`embed=1`, `panels=`, `lock=`,
//! `theme=`, `height=`, `chart=`), the page modes of the presentation issue (`mode=present|kiosk`, which an embed refuses),
//! the lock (`lock::Lock`: the filters an embedding page fixed, which a visitor may narrow and never widen) and
//! the messages between the frame and its host page (`messages`). Each option is one entry of the registry in
//! `crate::params`; everything here is pure and tested natively.

pub mod lock;
pub mod messages;

use crate::facet::Facet;
use crate::query::{Query, QueryNotice};

/// A panel an embed may show beside its view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    /// The view's legend (kinds, the choropleth's classes).
    Legend,
    Filters,
    /// The result list below the view.
    List,
    /// The charts' timeline above the view.
    Timeline,
}

impl Panel {
    pub const ALL: [Panel; 4] = [Panel::Legend, Panel::Filters, Panel::List, Panel::Timeline];

    pub fn key(self) -> &'static str {
        match self {
            Panel::Legend => "legend",
            Panel::Filters => "filters",
            Panel::List => "list",
            Panel::Timeline => "timeline",
        }
    }
}

/// Reads a comma-separated list of names into bits (bit i: `names[i]`); an empty value is the empty set,
/// `None` when any name is unknown (then the whole value is ignored with a notice).
fn parse_bits(value: &str, names: &[&str]) -> Option<u8> {
    let mut bits = 0u8;
    for part in value.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        bits |= 1 << names.iter().position(|n| *n == part)?;
    }
    Some(bits)
}

fn write_bits(bits: u8, names: &[&str]) -> String {
    let chosen: Vec<&str> = (0..names.len())
        .filter(|i| bits & (1 << i) != 0)
        .map(|i| names[i])
        .collect();
    chosen.join(",")
}

const PANEL_KEYS: [&str; 4] = ["legend", "filters", "list", "timeline"];

/// The panels an embed shows (`panels=legend,filters,list,timeline`); the legend alone by default.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Panels(u8);

impl Default for Panels {
    fn default() -> Panels {
        Panels(1)
    }
}

impl Panels {
    pub fn has(self, p: Panel) -> bool {
        self.0 & (1 << p as u8) != 0
    }
    pub fn parse(value: &str) -> Option<Panels> {
        parse_bits(value, &PANEL_KEYS).map(Panels)
    }
    /// The URL value ("" for none).
    pub fn key(self) -> String {
        write_bits(self.0, &PANEL_KEYS)
    }
}

/// The names `lock=` takes: each facet's URL parameter, then `years`.
const LOCK_KEYS: [&str; 5] = ["tech", "sector", "kind", "region", "years"];

/// Which filters an embed locks (`lock=tech,kind,sector,region,years`): the values the link gives them are
/// the most a visitor can see (`lock::Lock`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LockSet(u8);

impl LockSet {
    pub fn facet(self, f: Facet) -> bool {
        self.0 & (1 << f.index()) != 0
    }
    pub fn years(self) -> bool {
        self.0 & (1 << 4) != 0
    }
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
    pub fn parse(value: &str) -> Option<LockSet> {
        debug_assert!(Facet::ALL.iter().all(|f| LOCK_KEYS[f.index()] == f.param()));
        parse_bits(value, &LOCK_KEYS).map(LockSet)
    }
    /// Both locks together (`lock=` may be repeated).
    pub fn union(self, other: LockSet) -> LockSet {
        LockSet(self.0 | other.0)
    }
    pub fn key(self) -> String {
        write_bits(self.0, &LOCK_KEYS)
    }
}

/// The embed's colour scheme (`theme=`); without it the system's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    pub fn key(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
    pub fn parse(s: &str) -> Option<Theme> {
        [Theme::Light, Theme::Dark].into_iter().find(|t| t.key() == s)
    }
}

/// The embed's height policy (`height=auto|N`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Height {
    /// The frame's height follows its content: the page is laid out at its natural height and the frame
    /// reports it to the host (`ecomap:height`).
    Auto,
    /// A fixed height in CSS pixels (the host sizes the frame; the page fills it).
    Px(u16),
}

impl Height {
    pub fn parse(s: &str) -> Option<Height> {
        if s == "auto" {
            return Some(Height::Auto);
        }
        let px: u16 = s.strip_suffix("px").unwrap_or(s).parse().ok()?;
        (100..=10_000).contains(&px).then_some(Height::Px(px))
    }
    pub fn key(self) -> String {
        match self {
            Height::Auto => "auto".to_string(),
            Height::Px(px) => px.to_string(),
        }
    }
}

/// The page modes of the presentation issue (`mode=present|kiosk`); their behaviour comes with that issue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageMode {
    Present,
    Kiosk,
}

impl PageMode {
    pub fn key(self) -> &'static str {
        match self {
            PageMode::Present => "present",
            PageMode::Kiosk => "kiosk",
        }
    }
    pub fn parse(s: &str) -> Option<PageMode> {
        [PageMode::Present, PageMode::Kiosk].into_iter().find(|m| m.key() == s)
    }
}

/// One chart of the charts view, for an embed of that chart alone (`chart=`), in the view's page order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Chart {
    VolumeByYear,
    ProjectsByYear,
    VolumeByTechnology,
    VolumeBySector,
    Composition,
    TopActors,
}

impl Chart {
    pub const ALL: [Chart; 6] = [
        Chart::VolumeByYear,
        Chart::ProjectsByYear,
        Chart::VolumeByTechnology,
        Chart::VolumeBySector,
        Chart::Composition,
        Chart::TopActors,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Chart::VolumeByYear => "volume-by-year",
            Chart::ProjectsByYear => "projects-by-year",
            Chart::VolumeByTechnology => "volume-by-technology",
            Chart::VolumeBySector => "volume-by-sector",
            Chart::Composition => "composition",
            Chart::TopActors => "top-actors",
        }
    }
    pub fn parse(s: &str) -> Option<Chart> {
        Chart::ALL.into_iter().find(|c| c.key() == s)
    }
    /// Its position in the charts view's page order.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// The embed options of a link.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Embed {
    /// `embed=1`: the page is embedded (no app header, a slim bar, good-guest rules).
    pub on: bool,
    pub panels: Panels,
    pub lock: LockSet,
    pub theme: Option<Theme>,
    pub height: Option<Height>,
    /// `chart=`: an embed of the charts view shows this chart alone.
    pub chart: Option<Chart>,
}

impl Embed {
    /// The frame reports its content height to the host.
    pub fn auto_height(&self) -> bool {
        self.on && self.height == Some(Height::Auto)
    }
    /// The one chart an embed shows (none outside an embed: the full app always shows all six).
    pub fn one_chart(&self) -> Option<Chart> {
        self.chart.filter(|_| self.on)
    }
}

/// An embed is a guest on another page: it never turns into a presentation or a kiosk (full screen, idle
/// resets, a wake lock). `embed=1` with `mode=present|kiosk` keeps the embed and drops the mode, with a notice.
pub(crate) fn refuse_page_mode(q: &mut Query, notices: &mut Vec<QueryNotice>) {
    if let (true, Some(mode)) = (q.embed.on, q.page_mode) {
        q.page_mode = None;
        let m = mode.key();
        notices.push(QueryNotice::new(
            "mode",
            format!("An embedded map cannot be shown in “{m}” mode; “mode={m}” was ignored."),
            format!("Eine eingebettete Karte kann nicht im Modus „{m}“ laufen; „mode={m}“ wurde ignoriert."),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> (Query, Vec<QueryNotice>) {
        Query::from_params(s.split('&').filter_map(|p| p.split_once('=')))
    }

    #[test]
    fn one_chart_is_read_written_and_only_taken_in_an_embed() {
        for c in Chart::ALL {
            let (q, notices) = parse(&format!("embed=1&view=charts&chart={}", c.key()));
            assert!(notices.is_empty(), "{notices:?}");
            assert_eq!(
                (q.embed.one_chart(), c.index()),
                (Some(c), Chart::ALL.iter().position(|x| *x == c).unwrap_or(usize::MAX))
            );
            let back: Vec<String> = q.to_params().iter().map(|(k, v)| format!("{k}={v}")).collect();
            assert!(back.contains(&format!("chart={}", c.key())), "{back:?}");
        }
        let (q, _) = parse("view=charts&chart=composition");
        assert_eq!(q.embed.one_chart(), None, "the full app shows all six charts");
        let (q, notices) = parse("embed=1&chart=pie");
        assert_eq!(
            (q.embed.chart, notices.len()),
            (None, 1),
            "an unknown chart is ignored with a notice"
        );
    }

    #[test]
    fn embed_options_are_read_written_and_round_trip() {
        let (q, notices) = parse(
            "embed=1&view=network&panels=filters,list&lock=tech,years&tech=ai&years=2022-2024&theme=dark&height=auto",
        );
        assert!(notices.is_empty(), "{notices:?}");
        assert!(q.embed.on);
        assert!(q.embed.panels.has(Panel::Filters) && q.embed.panels.has(Panel::List));
        assert!(!q.embed.panels.has(Panel::Legend), "a list names every panel shown");
        assert!(q.embed.lock.facet(Facet::Technology) && q.embed.lock.years());
        assert!(!q.embed.lock.facet(Facet::Kind));
        assert_eq!((q.embed.theme, q.embed.height), (Some(Theme::Dark), Some(Height::Auto)));
        assert!(q.embed.auto_height());
        let written: Vec<String> = q.to_params().iter().map(|(k, v)| format!("{k}={v}")).collect();
        assert_eq!(
            written,
            [
                "view=network",
                "tech=ai",
                "years=2022-2024",
                "embed=1",
                "panels=filters,list",
                "lock=tech,years",
                "theme=dark",
                "height=auto"
            ]
        );
        let (back, _) = Query::from_params(q.to_params().iter().map(|(k, v)| (*k, v.as_str())));
        assert_eq!(back, q);
    }

    #[test]
    fn defaults_stay_out_of_links_and_the_legend_shows_by_default() {
        let (q, notices) = parse("embed=1&height=480");
        assert!(notices.is_empty());
        assert_eq!(q.embed.panels, Panels::default());
        assert!(Panels::default().has(Panel::Legend) && !Panels::default().has(Panel::List));
        assert_eq!(q.embed.height, Some(Height::Px(480)));
        assert!(!q.embed.auto_height());
        let written: Vec<&str> = q.to_params().iter().map(|(k, _)| *k).collect();
        assert_eq!(written, ["view", "embed", "height"]);
        let (q, notices) = parse("panels=&lock=");
        assert!(notices.is_empty(), "empty lists are valid: no panels, no lock");
        assert!(!q.embed.panels.has(Panel::Legend));
        assert_eq!(q.embed.panels.key(), "");
        assert!(q.embed.lock.is_empty());
    }

    #[test]
    fn invalid_embed_options_are_ignored_with_notices() {
        let (q, notices) = parse("embed=yes&panels=legend,map&lock=tech,view&theme=blue&height=12&height=huge");
        assert_eq!(q.embed, Embed::default());
        let params: Vec<&str> = notices.iter().map(|n| n.param.as_str()).collect();
        assert_eq!(params, ["embed", "panels", "lock", "theme", "height", "height"]);
    }

    #[test]
    fn repeated_locks_add_up() {
        let (q, _) = parse("lock=tech&lock=region,kind");
        assert_eq!(q.embed.lock.key(), "tech,kind,region");
        assert!(!q.embed.lock.facet(Facet::Sector));
    }

    #[test]
    fn page_modes_are_read_beside_the_network_mode_and_refused_in_an_embed() {
        let (q, notices) = parse("mode=present&mode=collaboration");
        assert!(notices.is_empty());
        assert_eq!(q.page_mode, Some(PageMode::Present));
        assert_eq!(q.network.mode, Some(crate::view_state::GraphMode::Collaboration));
        let written: Vec<String> = q.to_params().iter().map(|(k, v)| format!("{k}={v}")).collect();
        assert_eq!(written, ["view=map", "mode=collaboration", "mode=present"]);

        let (q, notices) = parse("embed=1&mode=kiosk");
        assert!(q.embed.on, "the embed stays");
        assert_eq!(q.page_mode, None, "the kiosk mode is refused");
        assert_eq!(notices.len(), 1);
        assert_eq!(notices[0].param, "mode");
        assert!(notices[0].message_en.contains("“kiosk”"));
        assert!(notices[0].message_de.contains("„kiosk“"));
    }
}
