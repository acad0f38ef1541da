//! The insight documents' de/en texts (the worker localises everything; the page only renders).

use ecomap_core::insight::concentration::Class;
use ecomap_core::model::{ActorKind, Lang};

pub struct Texts {
    pub profile: &'static str,
    pub actors: &'static str,
    pub projects: &'static str,
    pub volume: &'static str,
    pub years: &'static str,
    pub over_years: &'static str,
    pub year: &'static str,
    pub running: &'static str,
    pub running_volume: &'static str,
    pub started: &'static str,
    pub started_volume: &'static str,
    pub by_kind_caption: &'static str,
    pub years_note: &'static str,
    pub central: &'static str,
    pub computing: &'static str,
    pub actor: &'static str,
    pub degree: &'static str,
    pub betweenness: &'static str,
    pub std_error: &'static str,
    pub exact: &'static str,
    pub central_caption: &'static str,
    pub regions: &'static str,
    pub region: &'static str,
    pub lq: &'static str,
    pub standing: &'static str,
    pub tech_actors: &'static str,
    pub all_actors: &'static str,
    pub above: &'static str,
    pub strength: &'static str,
    pub gap: &'static str,
    pub compare_with: &'static str,
    pub all_regions: &'static str,
    pub below: &'static str,
    pub too_few: &'static str,
    pub no_actors: &'static str,
    pub regions_note: &'static str,
    pub regions_caption: &'static str,
    pub neighbours: &'static str,
    pub technology: &'static str,
    pub shared_actors: &'static str,
    pub shared_projects: &'static str,
    pub share: &'static str,
    pub neighbours_caption: &'static str,
    pub unknown: &'static str,
    pub lq_well_above: &'static str,
    pub lq_above: &'static str,
    pub lq_below: &'static str,
    pub lq_well_below: &'static str,
    pub map_note: &'static str,
    pub none: &'static str,
}

const EN: Texts = Texts {
    profile: "Ecosystem profile",
    actors: "actors",
    projects: "projects",
    volume: "volume",
    years: "Years",
    over_years: "Over the years",
    year: "Year",
    running: "Projects running",
    running_volume: "Volume of projects running",
    started: "Projects started",
    started_volume: "Volume of projects started",
    by_kind_caption: "Actors by kind in each year (with one of the technology's projects running), projects and volume",
    years_note: "An actor counts in a year when one of the technology's projects it takes part in runs that year. A project counts under each of its technologies.",
    central: "Most central actors",
    computing: "Computing centrality…",
    actor: "Actor",
    degree: "Collaborators (degree)",
    betweenness: "Betweenness",
    std_error: "± standard error",
    exact: "Betweenness computed exactly on the collaboration graph of the selection.",
    central_caption: "The technology's actors by betweenness on the collaboration graph, then by degree",
    regions: "Regions",
    region: "District / county",
    lq: "Location quotient",
    standing: "Against the cluster average",
    tech_actors: "Technology actors",
    all_actors: "All actors",
    above: "above",
    strength: "strength",
    gap: "gap",
    compare_with: "Compare with",
    all_regions: "Regional strengths and gaps of every technology",
    below: "below",
    too_few: "too few actors to tell",
    no_actors: "no actors",
    regions_note: "Location quotient: the technology's share of a region's actors against its share of all actors (1 = the cluster average). Regions with fewer than 5 technology actors come last, marked \"too few\".",
    regions_caption: "Location quotient per district and county, with counts",
    neighbours: "Neighbour technologies",
    technology: "Technology",
    shared_actors: "Shared actors",
    shared_projects: "Shared projects",
    share: "share",
    neighbours_caption: "Other technologies with the actors and projects they share with this one",
    unknown: "This technology is not in the data.",
    lq_well_above: "strength: LQ 1.25 or more, 5 or more actors",
    lq_above: "above the cluster average (LQ 1 to 1.25)",
    lq_below: "below (LQ 0.8 to 1)",
    lq_well_below: "gap: LQ under 0.8 where 5 or more were expected",
    map_note: "The map colours each district and county by its location quotient (the table below has the figures); Berlin is shown again enlarged.",
    none: "None in the selection.",
};

const DE: Texts = Texts {
    profile: "Ökosystem-Profil",
    actors: "Akteure",
    projects: "Projekte",
    volume: "Volumen",
    years: "Jahre",
    over_years: "Über die Jahre",
    year: "Jahr",
    running: "Laufende Projekte",
    running_volume: "Volumen laufender Projekte",
    started: "Gestartete Projekte",
    started_volume: "Volumen gestarteter Projekte",
    by_kind_caption: "Akteure nach Art je Jahr (mit einem laufenden Projekt der Technologie), Projekte und Volumen",
    years_note: "Ein Akteur zählt in einem Jahr, wenn eines seiner Projekte der Technologie in dem Jahr läuft. Ein Projekt zählt unter jeder seiner Technologien.",
    central: "Zentralste Akteure",
    computing: "Zentralität wird berechnet …",
    actor: "Akteur",
    degree: "Partner (Grad)",
    betweenness: "Betweenness",
    std_error: "± Standardfehler",
    exact: "Betweenness exakt auf dem Kooperationsgraphen der Auswahl berechnet.",
    central_caption: "Die Akteure der Technologie nach Betweenness im Kooperationsgraphen, dann nach Grad",
    regions: "Regionen",
    region: "Bezirk / Kreis",
    lq: "Standortquotient",
    standing: "Gegenüber dem Clusterschnitt",
    tech_actors: "Akteure der Technologie",
    all_actors: "Alle Akteure",
    above: "darüber",
    strength: "Stärke",
    gap: "Lücke",
    compare_with: "Vergleichen mit",
    all_regions: "Regionale Stärken und Lücken aller Technologien",
    below: "darunter",
    too_few: "zu wenige Akteure für eine Aussage",
    no_actors: "keine Akteure",
    regions_note: "Standortquotient: Anteil der Technologie an den Akteuren einer Region gegenüber ihrem Anteil an allen Akteuren (1 = Clusterschnitt). Regionen mit weniger als 5 Akteuren der Technologie stehen am Ende, markiert mit „zu wenige“.",
    regions_caption: "Standortquotient je Bezirk und Kreis, mit Anzahlen",
    neighbours: "Benachbarte Technologien",
    technology: "Technologie",
    shared_actors: "Gemeinsame Akteure",
    shared_projects: "Gemeinsame Projekte",
    share: "Anteil",
    neighbours_caption: "Andere Technologien mit den Akteuren und Projekten, die sie mit dieser teilen",
    unknown: "Diese Technologie gibt es in den Daten nicht.",
    lq_well_above: "Stärke: SQ ab 1,25, mindestens 5 Akteure",
    lq_above: "über dem Clusterschnitt (SQ 1 bis 1,25)",
    lq_below: "darunter (SQ 0,8 bis 1)",
    lq_well_below: "Lücke: SQ unter 0,8, wo mindestens 5 zu erwarten wären",
    map_note: "Die Karte färbt jeden Bezirk und Kreis nach seinem Standortquotienten (die Tabelle darunter hat die Zahlen); Berlin ist vergrößert noch einmal dargestellt.",
    none: "Keine in der Auswahl.",
};

pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::De => &DE,
        Lang::En => &EN,
    }
}

/// "Estimated from 512 of 25,385 actors with a collaboration (seed 17); ..." (the sampling error stated).
pub fn sampled(pivots: &str, population: &str, seed: u64, bound: &str, lang: Lang) -> String {
    match lang {
        Lang::De => format!(
            "Betweenness geschätzt aus {pivots} von {population} Akteuren mit Kooperationen (Startwert {seed}); \
             je Akteur mit Standardfehler, für alle zugleich mit 95 % Sicherheit höchstens {bound} daneben."
        ),
        Lang::En => format!(
            "Betweenness estimated from {pivots} of {population} actors with a collaboration (seed {seed}); \
             each with its standard error, and for all at once within {bound} with 95 % confidence."
        ),
    }
}

/// A region's class (core's `concentration::Class`) in a word or two; `too_few` is the words for `TooFew` (the
/// profile's table spells it out, the regions' wide table has it short).
pub fn class_word(c: Class, too_few: &'static str, lang: Lang) -> &'static str {
    let tx = texts(lang);
    match c {
        Class::WellAbove => tx.strength,
        Class::Above => tx.above,
        Class::Below => tx.below,
        Class::WellBelow => tx.gap,
        Class::TooFew => too_few,
        Class::NoActors => tx.no_actors,
    }
}

/// A kind's name (the app's `i18n::kind_name`, kept in step by hand: the worker has no Leptos).
pub fn kind_name(kind: ActorKind, lang: Lang) -> &'static str {
    let (de, en) = match kind {
        ActorKind::Startup => ("Start-up", "Start-up"),
        ActorKind::Sme => ("KMU", "SME"),
        ActorKind::Corporation => ("Großunternehmen", "Corporation"),
        ActorKind::Research => ("Forschungseinrichtung", "Research institute"),
        ActorKind::University => ("Hochschule", "University"),
        ActorKind::Network => ("Netzwerk", "Network"),
        ActorKind::Public => ("Öffentliche Einrichtung", "Public body"),
    };
    match lang {
        Lang::De => de,
        Lang::En => en,
    }
}

/// A decimal number with `digits` places in the language's notation.
pub fn decimal(v: f64, digits: usize, lang: Lang) -> String {
    let s = format!("{v:.digits$}");
    match lang {
        Lang::De => s.replace('.', ","),
        Lang::En => s,
    }
}

/// A share as a whole percentage ("42 %").
pub fn percent(share: f64, lang: Lang) -> String {
    format!("{} %", decimal(share * 100.0, 0, lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_follow_the_language() {
        assert_eq!(decimal(1.234, 2, Lang::De), "1,23");
        assert_eq!(decimal(1.234, 2, Lang::En), "1.23");
        assert_eq!(percent(0.5, Lang::En), "50 %");
    }
}
