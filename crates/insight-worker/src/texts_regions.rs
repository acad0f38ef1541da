//! The regional strengths and gaps' and the partner suggestions' de/en texts.

use ecomap_core::model::Lang;

pub struct RegionsTexts {
    pub title: &'static str,
    pub note: &'static str,
    pub maps: &'static str,
    pub maps_note: &'static str,
    pub summary: &'static str,
    pub summary_caption: &'static str,
    pub strengths: &'static str,
    pub gaps: &'static str,
    pub table: &'static str,
    pub table_note: &'static str,
    pub table_caption: &'static str,
    pub too_few_short: &'static str,
    pub suggestions: &'static str,
    pub suggestions_note: &'static str,
    pub suggestions_caption: &'static str,
    pub partner: &'static str,
    pub why: &'static str,
    pub score: &'static str,
    pub no_actor: &'static str,
    pub no_suggestions: &'static str,
}

const EN: RegionsTexts = RegionsTexts {
    title: "Regional strengths and gaps",
    note: "For each technology and each district and county: the location quotient (LQ), the technology's share of the region's actors against its share of all actors in the selection (1 = the cluster average). A strength is LQ 1.25 or more with at least 5 technology actors; a gap is LQ under 0.8 where at the cluster average the region would have 5 or more.",
    maps: "Maps",
    maps_note: "One map per technology, coloured by its class in each district and county; Berlin is shown again enlarged. The tables below have the figures.",
    summary: "Strengths and gaps per technology",
    summary_caption: "Each technology's strengths and gaps (location quotient, technology actors)",
    strengths: "Strengths",
    gaps: "Gaps",
    table: "Every region",
    table_note: "Each cell: the location quotient, the technology actors, and the class (strength, above, below, gap, too few to tell, no actors).",
    table_caption: "Location quotient per district and county and technology, with counts",
    too_few_short: "too few",
    suggestions: "Partner suggestions",
    suggestions_note: "Actors it has not worked with yet, best first: 1 point per shared technology, more for shared partners (those with few collaborators count more, Adamic-Adar) and up to 1 for nearness (½ at 5 km).",
    suggestions_caption: "Suggested partners, best first, with the reasons",
    partner: "Suggested partner",
    why: "Why",
    score: "Score",
    no_actor: "Open an actor to see partner suggestions.",
    no_suggestions: "No suggestions under the current filters.",
};

const DE: RegionsTexts = RegionsTexts {
    title: "Regionale Stärken und Lücken",
    note: "Für jede Technologie und jeden Bezirk und Kreis: der Standortquotient (SQ), der Anteil der Technologie an den Akteuren der Region gegenüber ihrem Anteil an allen Akteuren der Auswahl (1 = Clusterschnitt). Eine Stärke ist ein SQ ab 1,25 mit mindestens 5 Akteuren der Technologie; eine Lücke ein SQ unter 0,8, wo die Region beim Clusterschnitt mindestens 5 hätte.",
    maps: "Karten",
    maps_note: "Eine Karte je Technologie, jeder Bezirk und Kreis nach seiner Klasse gefärbt; Berlin ist vergrößert noch einmal dargestellt. Die Tabellen darunter haben die Zahlen.",
    summary: "Stärken und Lücken je Technologie",
    summary_caption: "Stärken und Lücken jeder Technologie (Standortquotient, Akteure der Technologie)",
    strengths: "Stärken",
    gaps: "Lücken",
    table: "Alle Regionen",
    table_note: "Jede Zelle: der Standortquotient, die Akteure der Technologie und die Klasse (Stärke, darüber, darunter, Lücke, zu wenige für eine Aussage, keine Akteure).",
    table_caption: "Standortquotient je Bezirk, Kreis und Technologie, mit Anzahlen",
    too_few_short: "zu wenige",
    suggestions: "Partnervorschläge",
    suggestions_note: "Akteure, mit denen er noch nicht gearbeitet hat, die besten zuerst: 1 Punkt je gemeinsamer Technologie, mehr für gemeinsame Partner (solche mit wenigen Kooperationen zählen mehr, Adamic-Adar) und bis zu 1 für Nähe (½ bei 5 km).",
    suggestions_caption: "Vorgeschlagene Partner, die besten zuerst, mit den Gründen",
    partner: "Vorgeschlagener Partner",
    why: "Warum",
    score: "Punkte",
    no_actor: "Öffnen Sie einen Akteur, um Partnervorschläge zu sehen.",
    no_suggestions: "Keine Vorschläge unter den aktuellen Filtern.",
};

pub fn regions_texts(lang: Lang) -> &'static RegionsTexts {
    match lang {
        Lang::De => &DE,
        Lang::En => &EN,
    }
}

/// "Spandau (0.31; 2 where 9 were expected)".
pub fn gap_entry(region: &str, lq: &str, actors: &str, expected: &str, lang: Lang) -> String {
    match lang {
        Lang::De => format!("{region} ({lq}; {actors}, erwartet {expected})"),
        Lang::En => format!("{region} ({lq}; {actors} where {expected} were expected)"),
    }
}
