//! Every interface string in German and English, checked by the compiler: a missing translation is a
//! missing struct field. Data text (names, descriptions) comes from the export, not from here.

use ecomap_core::facet::Facet;
use ecomap_core::model::{ActorKind, Dataset, Lang};
use ecomap_core::query::View;

use crate::load::{max_bytes, LoadError};

/// The interface strings of one language.
pub struct Texts {
    pub app_title: &'static str,
    pub loading: &'static str,
    pub preparing: &'static str,
    pub load_failed: &'static str,
    pub retry: &'static str,
    pub demo_note: &'static str,
    /// Summary of the data note when every record is invented (a synthetic export).
    pub invented_note: &'static str,
    pub about_data: &'static str,
    pub headline_projects: &'static str,
    pub headline_volume: &'static str,
    pub headline_new: &'static str,
    pub headline_actors: &'static str,
    pub headline_year: &'static str,
    pub filters: &'static str,
    pub clear_filters: &'static str,
    /// Before a chip's label on its remove button.
    pub remove_filter: &'static str,
    pub facet_technology: &'static str,
    /// A technology hub in a legend.
    pub technology: &'static str,
    pub facet_sector: &'static str,
    pub facet_kind: &'static str,
    pub facet_region: &'static str,
    pub facet_years: &'static str,
    pub years_from: &'static str,
    pub years_to: &'static str,
    pub berlin: &'static str,
    pub brandenburg: &'static str,
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub results: &'static str,
    pub no_results: &'static str,
    pub detail_close: &'static str,
    pub kind: &'static str,
    pub sectors: &'static str,
    pub technologies: &'static str,
    pub region: &'static str,
    pub address: &'static str,
    pub website: &'static str,
    pub founded: &'static str,
    pub size: &'static str,
    pub employees: &'static str,
    pub projects: &'static str,
    pub volume: &'static str,
    pub related: &'static str,
    pub shared_projects: &'static str,
    pub as_of: &'static str,
    pub source: &'static str,
    pub fictional: &'static str,
    pub real_record: &'static str,
    pub not_on_map: &'static str,
    pub lead: &'static str,
    pub partner: &'static str,
    pub actors_by_kind: &'static str,
    pub leading_actors: &'static str,
    pub ecosystem: &'static str,
    pub report: &'static str,
    pub report_clean: &'static str,
    pub errors: &'static str,
    pub warnings: &'static str,
    pub notices: &'static str,
    pub record: &'static str,
    pub close: &'static str,
    pub language: &'static str,
    /// The header's link to the About page (public/about.html: what the app ships, with licences).
    pub about: &'static str,
    /// The header's button that opens the browser's print dialog (style/print.css makes the page a report): its
    /// short text, and its full name (which contains the short text, WCAG 2.5.3).
    pub print_short: &'static str,
    pub print: &'static str,
    /// The printed page's line with the export's date ("Data as of 2025-11-25").
    pub print_as_of: &'static str,
    /// Before the active filters written out on the printed page.
    pub print_filters: &'static str,
    /// Before the link that reopens the printed view.
    pub print_link: &'static str,
    /// The header's link to the accessibility statement (public/accessibility.html).
    pub accessibility: &'static str,
    pub open_file: &'static str,
    pub drop_here: &'static str,
    pub local_only: &'static str,
    pub link_notices: &'static str,
    pub placeholder_map: &'static str,
    pub placeholder_network: &'static str,
    pub placeholder_charts: &'static str,
    pub panic_message: &'static str,
    pub reload: &'static str,
    pub data_from: &'static str,
    pub status_new: &'static str,
    pub status_ongoing: &'static str,
    pub status_completed: &'static str,
    pub programme: &'static str,
    pub list_hint: &'static str,
    pub skip_to_results: &'static str,
    pub no_data: &'static str,
}

pub const DE: Texts = Texts {
    app_title: "ecomap – IKT, Medien und Kreativwirtschaft Berlin-Brandenburg",
    loading: "Daten werden geladen …",
    preparing: "Daten werden aufbereitet …",
    load_failed: "Die Daten konnten nicht geladen werden",
    retry: "Erneut versuchen",
    about_data: "Über diese Daten: was echt ist und was erfunden",
    demo_note: "Demo-Daten: echte Forschungseinrichtungen und Netzwerke, erfundene Unternehmen und Projekte.",
    invented_note: "Erfundene Daten: alle Akteure und Projekte sind erfunden.",
    headline_projects: "Projekte",
    headline_volume: "Volumen",
    headline_new: "neue Projekte",
    headline_actors: "Akteure",
    headline_year: "im Jahr",
    filters: "Filter",
    clear_filters: "Alle Filter zurücksetzen",
    remove_filter: "Filter entfernen:",
    facet_technology: "Technologiefeld",
    technology: "Technologie",
    facet_sector: "Branche",
    facet_kind: "Art des Akteurs",
    facet_region: "Region",
    facet_years: "Zeitraum",
    years_from: "von",
    years_to: "bis",
    berlin: "Berlin",
    brandenburg: "Brandenburg",
    search_label: "Suche",
    search_placeholder: "Akteure, Technologien, Regionen suchen",
    results: "Treffer",
    no_results: "Keine Akteure passen zu dieser Auswahl.",
    detail_close: "Details schließen",
    kind: "Art",
    sectors: "Branchen",
    technologies: "Technologiefelder",
    region: "Region",
    address: "Adresse",
    website: "Website",
    founded: "Gegründet",
    size: "Größe",
    employees: "Beschäftigte",
    projects: "Projekte",
    volume: "Volumen",
    related: "Verbundene Akteure",
    shared_projects: "gemeinsame Projekte",
    as_of: "Stand",
    source: "Quelle",
    fictional: "Erfundener Datensatz (Demo)",
    real_record: "Echte Einrichtung; Projektbeteiligungen in der Demo sind erfunden",
    not_on_map: "ohne Kartenposition",
    lead: "Leitung",
    partner: "Partner",
    actors_by_kind: "Akteure nach Art",
    leading_actors: "Führende Akteure",
    ecosystem: "Ökosystem",
    report: "Importbericht",
    report_clean: "Keine Probleme in den Daten.",
    errors: "Fehler",
    warnings: "Warnungen",
    notices: "Hinweise",
    record: "Datensatz",
    close: "Schließen",
    language: "Sprache",
    about: "Über",
    print_short: "Drucken",
    print: "Drucken / als PDF speichern",
    print_as_of: "Datenstand",
    print_filters: "Auswahl",
    print_link: "Link",
    accessibility: "Barrierefreiheit",
    open_file: "Eigene Datei öffnen",
    drop_here: "JSON-Export hier ablegen",
    local_only: "Die Datei wird nur in Ihrem Browser gelesen, nichts wird hochgeladen.",
    link_notices: "Hinweise zum Link",
    placeholder_map: "Die Karte der Bezirke und Landkreise folgt in Kürze.",
    placeholder_network: "Die Netzwerkansicht folgt in Kürze.",
    placeholder_charts: "Die Diagramme folgen in Kürze.",
    panic_message: "Ein unerwarteter Fehler ist aufgetreten. Details stehen in der Browser-Konsole.",
    reload: "Neu laden",
    data_from: "Daten",
    status_new: "neu",
    status_ongoing: "laufend",
    status_completed: "abgeschlossen",
    programme: "Förderprogramm",
    list_hint: "Pfeiltasten wählen, Eingabe öffnet",
    skip_to_results: "Zu den Treffern springen",
    no_data: "Keine Daten geladen.",
};

pub const EN: Texts = Texts {
    app_title: "ecomap – ICT, Media and Creative Industries Berlin-Brandenburg",
    loading: "Loading data …",
    preparing: "Preparing data …",
    load_failed: "The data could not be loaded",
    retry: "Try again",
    about_data: "About this data: what is real and what is invented",
    demo_note: "Demo data: real research institutions and networks, invented companies and projects.",
    invented_note: "Invented data: every actor and project is invented.",
    headline_projects: "projects",
    headline_volume: "volume",
    headline_new: "new projects",
    headline_actors: "actors",
    headline_year: "in",
    filters: "Filters",
    clear_filters: "Clear all filters",
    remove_filter: "Remove filter",
    facet_technology: "Technology field",
    technology: "Technology",
    facet_sector: "Sector",
    facet_kind: "Kind of actor",
    facet_region: "Region",
    facet_years: "Years",
    years_from: "from",
    years_to: "to",
    berlin: "Berlin",
    brandenburg: "Brandenburg",
    search_label: "Search",
    search_placeholder: "Search actors, technologies, regions",
    results: "results",
    no_results: "No actors match this selection.",
    detail_close: "Close details",
    kind: "Kind",
    sectors: "Sectors",
    technologies: "Technology fields",
    region: "Region",
    address: "Address",
    website: "Website",
    founded: "Founded",
    size: "Size",
    employees: "employees",
    projects: "Projects",
    volume: "Volume",
    related: "Related actors",
    shared_projects: "shared projects",
    as_of: "as of",
    source: "Source",
    fictional: "Invented record (demo)",
    real_record: "Real institution; its project participation in the demo is invented",
    not_on_map: "not on the map",
    lead: "lead",
    partner: "partner",
    actors_by_kind: "Actors by kind",
    leading_actors: "Leading actors",
    ecosystem: "Ecosystem",
    report: "Import report",
    report_clean: "No problems in the data.",
    errors: "errors",
    warnings: "warnings",
    notices: "notices",
    record: "record",
    close: "Close",
    language: "Language",
    about: "About",
    print_short: "Print",
    print: "Print / save as PDF",
    print_as_of: "Data as of",
    print_filters: "Selection",
    print_link: "Link",
    accessibility: "Accessibility",
    open_file: "Open your own file",
    drop_here: "Drop a JSON export here",
    local_only: "The file is read in your browser only; nothing is uploaded.",
    link_notices: "About this link",
    placeholder_map: "The map of districts and counties is coming soon.",
    placeholder_network: "The network view is coming soon.",
    placeholder_charts: "The charts are coming soon.",
    panic_message: "Something went wrong. Details are in the browser console.",
    reload: "Reload",
    data_from: "Data",
    status_new: "new",
    status_ongoing: "ongoing",
    status_completed: "completed",
    programme: "Funding programme",
    list_hint: "Arrow keys move, Enter opens",
    skip_to_results: "Skip to results",
    no_data: "No data loaded.",
};

/// The strings of `lang`.
pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::De => &DE,
        Lang::En => &EN,
    }
}

/// The name of an actor kind.
pub fn kind_name(kind: ActorKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (ActorKind::Startup, Lang::De) => "Start-up",
        (ActorKind::Startup, Lang::En) => "Start-up",
        (ActorKind::Sme, Lang::De) => "KMU",
        (ActorKind::Sme, Lang::En) => "SME",
        (ActorKind::Corporation, Lang::De) => "Großunternehmen",
        (ActorKind::Corporation, Lang::En) => "Corporation",
        (ActorKind::Research, Lang::De) => "Forschungseinrichtung",
        (ActorKind::Research, Lang::En) => "Research institute",
        (ActorKind::University, Lang::De) => "Hochschule",
        (ActorKind::University, Lang::En) => "University",
        (ActorKind::Network, Lang::De) => "Netzwerk",
        (ActorKind::Network, Lang::En) => "Network",
        (ActorKind::Public, Lang::De) => "Öffentliche Einrichtung",
        (ActorKind::Public, Lang::En) => "Public body",
    }
}

/// The label of a view tab.
pub fn view_name(view: View, lang: Lang) -> &'static str {
    match (view, lang) {
        (View::List, Lang::De) => "Liste",
        (View::List, Lang::En) => "List",
        (View::Map, Lang::De) => "Karte",
        (View::Map, Lang::En) => "Map",
        (View::Network, Lang::De) => "Netzwerk",
        (View::Network, Lang::En) => "Network",
        (View::Charts, Lang::De) => "Diagramme",
        (View::Charts, Lang::En) => "Charts",
        (View::Profile, Lang::De) => "Ökosystem-Profil",
        (View::Profile, Lang::En) => "Ecosystem profile",
        (View::Compare, Lang::De) => "Vergleich",
        (View::Compare, Lang::En) => "Comparison",
        (View::Regions, Lang::De) => "Regionale Stärken und Lücken",
        (View::Regions, Lang::En) => "Regional strengths and gaps",
    }
}

/// The title of a facet's group in the filter panel.
pub fn facet_title(facet: Facet, lang: Lang) -> &'static str {
    let t = texts(lang);
    match facet {
        Facet::Technology => t.facet_technology,
        Facet::Sector => t.facet_sector,
        Facet::Kind => t.facet_kind,
        Facet::Region => t.facet_region,
    }
}

/// The label of value `id` of a facet: from the data (technology, sector, region names) or from the texts
/// (kinds of actor).
pub fn facet_value_label(ds: &Dataset, facet: Facet, id: u32, lang: Lang) -> String {
    let i = id as usize;
    match facet {
        Facet::Technology => ds.technologies[i].name.get(lang).to_string(),
        Facet::Sector => ds.sectors[i].name.get(lang).to_string(),
        Facet::Kind => kind_name(ActorKind::ALL[i], lang).to_string(),
        Facet::Region => ds.regions[i].name.clone(),
    }
}

/// Why loading failed, in the visitor's words.
/// Bytes as whole megabytes (MiB, as the limit is set), rounded up so a file just over the limit never reads as
/// equal to it.
fn mb(bytes: f64) -> u64 {
    (bytes / (1024.0 * 1024.0)).ceil() as u64
}

pub fn load_error_message(e: &LoadError, lang: Lang) -> String {
    match (e, lang) {
        (LoadError::Network, Lang::En) => "The request failed: the address is unreachable, or the server does not allow other sites to read it (CORS).".into(),
        (LoadError::Network, Lang::De) => "Die Anfrage ist gescheitert: Die Adresse ist nicht erreichbar, oder der Server erlaubt anderen Seiten das Lesen nicht (CORS).".into(),
        (LoadError::Http(code), Lang::En) => format!("The server answered with HTTP status {code}."),
        (LoadError::Http(code), Lang::De) => format!("Der Server antwortete mit HTTP-Status {code}."),
        (LoadError::Read(e), Lang::En) => format!("The download broke off: {e}"),
        (LoadError::Read(e), Lang::De) => format!("Der Download brach ab: {e}"),
        (LoadError::Basemap { regions }, Lang::En) => {
            format!("This is not the map of the 30 regions (it holds {regions} of them), so the app cannot place actors.")
        }
        (LoadError::Basemap { regions }, Lang::De) => format!(
            "Das ist nicht die Karte der 30 Regionen (sie enthält {regions} davon), daher kann die App keine Akteure verorten."
        ),
        (LoadError::TooLarge(n), Lang::En) => format!("The file has {} MB or more; the limit is {} MB, so it was not read.", mb(*n), mb(max_bytes())),
        (LoadError::TooLarge(n), Lang::De) => format!("Die Datei hat {} MB oder mehr; die Grenze liegt bei {} MB, daher wurde sie nicht gelesen.", mb(*n), mb(max_bytes())),
        (LoadError::OutOfMemory(n), Lang::En) => format!("The browser could not provide {} MB of memory for this file.", mb(*n)),
        (LoadError::OutOfMemory(n), Lang::De) => format!("Der Browser konnte für diese Datei keine {} MB Arbeitsspeicher bereitstellen.", mb(*n)),
    }
}
