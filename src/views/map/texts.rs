//! The map view's interface strings in German and English (kept here so the views do not collide in i18n.rs).
//! A missing translation is a missing struct field.

use ecomap_core::model::Lang;

/// The basemap's sources, always shown on the map; the same in both languages (the wording BKG asks for).
pub const BASEMAP_CREDITS: &str =
    "© GeoBasis-DE / BKG (VG250), Daten verändert · Geoportal Berlin / Ortsteile · GeoNames (CC BY 4.0)";

pub struct MapTexts {
    pub map_label: &'static str,
    /// The stage's `aria-roledescription`.
    pub map_role: &'static str,
    pub map_help: &'static str,
    pub zoom_in: &'static str,
    pub zoom_out: &'static str,
    pub reset: &'static str,
    pub fit_selection: &'static str,
    pub not_on_map_one: &'static str,
    pub not_on_map_many: &'static str,
    pub arcs: &'static str,
    /// The region table's columns: region, actors, projects, volume.
    pub region_column: [&'static str; 4],
    /// "showing N of M arcs": before N, between N and M, after M.
    pub arcs_left_out: [&'static str; 3],
    pub arcs_weight: &'static str,
    pub by_projects: &'static str,
    pub by_volume: &'static str,
    pub shading: &'static str,
    pub shading_none: &'static str,
    pub shading_actors: &'static str,
    pub shading_volume: &'static str,
    pub actors: &'static str,
    pub projects: &'static str,
    pub cluster_hint: &'static str,
    pub region_hint: &'static str,
    pub tiles: &'static str,
    pub tiles_template: &'static str,
    pub tiles_attribution: &'static str,
    pub tiles_note: &'static str,
    pub tiles_apply: &'static str,
    pub tiles_off: &'static str,
    /// A template on a server the site's config.json does not allow; the allowed servers follow.
    pub tiles_refused: &'static str,
    pub tiles_none_allowed: &'static str,
    pub legend: &'static str,
    /// The button that unfolds the layer choices on a phone.
    pub layers: &'static str,
    pub marker_size: &'static str,
    pub size_uniform: &'static str,
    /// The Berlin inset's caption and the compact button's text.
    pub berlin: &'static str,
    /// What activating the inset does.
    pub inset_show: &'static str,
    /// One and several actors, one and several groups, for "Berlin: N actors in G groups".
    pub inset_actors: [&'static str; 2],
    pub inset_in: &'static str,
    pub inset_groups: [&'static str; 2],
}

pub const DE: MapTexts = MapTexts {
    map_label: "Karte der Akteure in Berlin und Brandenburg",
    map_role: "Karte",
    map_help: "Ziehen oder Pfeiltasten: verschieben · Mausrad, +/−: zoomen · Klick auf Gruppe: hineinzoomen · Klick auf Akteur: Details · Klick auf Region: nach Region filtern",
    zoom_in: "Hineinzoomen",
    zoom_out: "Herauszoomen",
    reset: "Ganze Region",
    fit_selection: "Auf Auswahl zoomen",
    not_on_map_one: "1 Akteur ohne Koordinaten ist nicht auf der Karte (aber in der Liste).",
    not_on_map_many: "Akteure ohne Koordinaten sind nicht auf der Karte (aber in der Liste).",
    arcs: "Zusammenarbeit zeigen",
    region_column: ["Bezirk / Landkreis", "Akteure", "Projekte", "Volumen (Anteil)"],
    arcs_left_out: ["Die Karte zeigt die stärksten ", " von ", " Verbindungen; hineinzoomen zeigt die übrigen."],
    arcs_weight: "Stärke nach",
    by_projects: "Zahl der Projekte",
    by_volume: "Projektvolumen",
    shading: "Regionen einfärben",
    shading_none: "nicht",
    shading_actors: "nach Zahl der Akteure",
    shading_volume: "nach Projektvolumen",
    actors: "Akteure",
    projects: "Projekte",
    cluster_hint: "Klicken zum Hineinzoomen",
    region_hint: "Klicken: nach dieser Region filtern",
    tiles: "Online-Kartenkacheln",
    tiles_template: "URL-Vorlage ({z}/{x}/{y})",
    tiles_attribution: "Quellenangabe",
    tiles_note: "Aus: Die Karte lädt nichts von fremden Servern. An: Kacheln kommen vom angegebenen Server.",
    tiles_apply: "Einschalten",
    tiles_off: "Ausschalten",
    tiles_refused: "Diese Website erlaubt Kacheln nur von:",
    tiles_none_allowed: "keinem Server",
    legend: "Legende",
    layers: "Ebenen",
    marker_size: "Größe der Punkte",
    size_uniform: "einheitlich",
    berlin: "Berlin",
    inset_show: "auf der Karte zeigen",
    inset_actors: ["Akteur", "Akteure"],
    inset_in: "in",
    inset_groups: ["Gruppe", "Gruppen"],
};

pub const EN: MapTexts = MapTexts {
    map_label: "Map of the actors in Berlin and Brandenburg",
    map_role: "map",
    map_help: "Drag or arrow keys: pan · wheel, +/−: zoom · click a group: zoom in · click an actor: details · click a region: filter by region",
    zoom_in: "Zoom in",
    zoom_out: "Zoom out",
    reset: "Whole region",
    fit_selection: "Zoom to selection",
    not_on_map_one: "1 actor without coordinates is not on the map (it is in the list).",
    not_on_map_many: "actors without coordinates are not on the map (they are in the list).",
    arcs: "Show collaboration",
    region_column: ["District / county", "Actors", "Projects", "Volume (share)"],
    arcs_left_out: ["The map shows the strongest ", " of ", " connections; zoom in for the rest."],
    arcs_weight: "Weight by",
    by_projects: "number of projects",
    by_volume: "project volume",
    shading: "Shade regions",
    shading_none: "no",
    shading_actors: "by number of actors",
    shading_volume: "by project volume",
    actors: "actors",
    projects: "projects",
    cluster_hint: "Click to zoom in",
    region_hint: "Click: filter by this region",
    tiles: "Online map tiles",
    tiles_template: "URL template ({z}/{x}/{y})",
    tiles_attribution: "Attribution",
    tiles_note: "Off: the map loads nothing from other servers. On: tiles come from the server given.",
    tiles_apply: "Turn on",
    tiles_off: "Turn off",
    tiles_refused: "This site allows tiles only from:",
    tiles_none_allowed: "no server",
    legend: "Legend",
    layers: "Layers",
    marker_size: "Marker size",
    size_uniform: "uniform",
    berlin: "Berlin",
    inset_show: "show on the map",
    inset_actors: ["actor", "actors"],
    inset_in: "in",
    inset_groups: ["group", "groups"],
};

impl MapTexts {
    /// The inset's accessible name: "Berlin: 271 actors in 9 groups; show on the map".
    pub fn inset_label(&self, lang: Lang, actors: u32, groups: u32) -> String {
        let n = |k: u32| ecomap_core::format::int(k as u64, lang);
        let one_or_more = |k: u32, words: [&'static str; 2]| words[usize::from(k != 1)];
        format!(
            "{}: {} {} {} {} {}; {}",
            self.berlin,
            n(actors),
            one_or_more(actors, self.inset_actors),
            self.inset_in,
            n(groups),
            one_or_more(groups, self.inset_groups),
            self.inset_show
        )
    }

    /// The compact button's accessible name: "Berlin: show on the map".
    pub fn inset_button_label(&self) -> String {
        format!("{}: {}", self.berlin, self.inset_show)
    }
}

pub fn map_texts(lang: Lang) -> &'static MapTexts {
    match lang {
        Lang::De => &DE,
        Lang::En => &EN,
    }
}
