//! Word lists and translations for the demo: topic and kind translations for the real records, name parts for
//! invented companies, and the pieces invented project titles are composed from.

/// Translations of the topics used in institutions_sample.csv: (topic in the file, German, English).
pub const TOPICS: &[(&str, &str, &str)] = &[
    ("AI", "KI", "AI"),
    ("IoT", "IoT", "IoT"),
    ("security", "Sicherheit", "security"),
    ("networks", "Netze", "networks"),
    ("data", "Daten", "data"),
    ("robotics", "Robotik", "robotics"),
    ("blockchain", "Blockchain", "blockchain"),
    ("public IT", "öffentliche IT", "public IT"),
    ("5G", "5G", "5G"),
    ("video coding", "Videocodierung", "video coding"),
    ("photonics", "Photonik", "photonics"),
    ("XR", "XR", "XR"),
    ("microelectronics", "Mikroelektronik", "microelectronics"),
    ("IoT hardware", "IoT-Hardware", "IoT hardware"),
    ("HPC", "Hochleistungsrechnen", "HPC"),
    ("optimization", "Optimierung", "optimisation"),
    ("quantum", "Quantencomputing", "quantum computing"),
    ("digital society", "digitale Gesellschaft", "digital society"),
    ("AI ethics", "KI-Ethik", "AI ethics"),
    ("ML", "maschinelles Lernen", "machine learning"),
    ("big data", "Big Data", "big data"),
    ("digitalisation", "Digitalisierung", "digitalisation"),
    ("IT", "IT", "IT"),
    ("media", "Medien", "media"),
    ("games", "Games", "games"),
    ("design", "Design", "design"),
    ("creative", "künstlerische Praxis", "creative practice"),
    ("software", "Software", "software"),
    ("CS", "Informatik", "computer science"),
    (
        "information science",
        "Informationswissenschaften",
        "information science",
    ),
    ("film", "Film", "film"),
    ("wireless", "Funktechnik", "wireless"),
    ("security HW", "Hardware-Sicherheit", "hardware security"),
    (
        "law/society of digitalisation",
        "Recht und Gesellschaft der Digitalisierung",
        "law and society of digitalisation",
    ),
    ("energy IT", "Energieinformatik", "energy informatics"),
    ("telematics", "Telematik", "telematics"),
    (
        "sustainability informatics",
        "Nachhaltigkeitsinformatik",
        "sustainability informatics",
    ),
];

/// Kinds of institutions in institutions_sample.csv: (kind in the file, German, English).
pub const INSTITUTION_KINDS: &[(&str, &str, &str)] = &[
    ("university", "Universität", "University"),
    (
        "university of applied sciences",
        "Hochschule für angewandte Wissenschaften",
        "University of applied sciences",
    ),
    ("university of the arts", "Kunsthochschule", "University of the arts"),
    ("university campus", "Hochschulstandort", "University campus"),
    ("research institute", "Forschungsinstitut", "Research institute"),
    ("research centre", "Forschungszentrum", "Research centre"),
    (
        "research institute / university faculty",
        "Forschungsinstitut und Universitätsfakultät",
        "Research institute and university faculty",
    ),
];

/// Roles in networks_sample.csv: (role in the file, German).
pub const ROLES: &[(&str, &str)] = &[
    (
        "economic development agency of Berlin; runs the cluster management with WFBB",
        "Wirtschaftsförderung des Landes Berlin; betreibt das Clustermanagement gemeinsam mit der WFBB",
    ),
    (
        "economic development agency of Brandenburg; runs the cluster management with Berlin Partner",
        "Wirtschaftsförderung des Landes Brandenburg; betreibt das Clustermanagement gemeinsam mit Berlin Partner",
    ),
    (
        "film and media funding of both states",
        "Film- und Medienförderung der Länder Berlin und Brandenburg",
    ),
    (
        "media innovation funding and programmes",
        "Förderung und Programme für Medieninnovation",
    ),
    ("chamber of industry and commerce", "Industrie- und Handelskammer"),
    (
        "chamber of industry and commerce for western Brandenburg",
        "Industrie- und Handelskammer für Westbrandenburg",
    ),
    (
        "foundation for technology and digital innovation",
        "Stiftung für Technologie und digitale Innovation",
    ),
    (
        "science and technology park operator",
        "Betreiber eines Wissenschafts- und Technologieparks",
    ),
    (
        "federal association of the digital economy, seated in Berlin",
        "Bundesverband der Digitalwirtschaft mit Sitz in Berlin",
    ),
    (
        "regional association of the digital economy",
        "Regionalverband der Digitalwirtschaft",
    ),
    (
        "network of the media and digital industry",
        "Netzwerk der Medien- und Digitalwirtschaft",
    ),
    (
        "digital agency of the state of Brandenburg",
        "Digitalagentur des Landes Brandenburg",
    ),
    (
        "Berlin's initiative for the digital and creative economy",
        "Initiative des Landes Berlin für die Digital- und Kreativwirtschaft",
    ),
    (
        "network of the Berlin music industry",
        "Netzwerk der Berliner Musikwirtschaft",
    ),
];

/// Official websites of real institutions, only where the domain is certain (keyed by the CSV id).
pub const WEBSITES: &[(&str, &str)] = &[
    ("tu-berlin", "https://www.tu.berlin"),
    ("hu-berlin", "https://www.hu-berlin.de"),
    ("fu-berlin", "https://www.fu-berlin.de"),
    ("fraunhofer-fokus", "https://www.fokus.fraunhofer.de"),
    ("fraunhofer-hhi", "https://www.hhi.fraunhofer.de"),
    ("fraunhofer-izm", "https://www.izm.fraunhofer.de"),
    ("zib", "https://www.zib.de"),
    ("dfki-berlin", "https://www.dfki.de"),
    ("weizenbaum", "https://www.weizenbaum-institut.de"),
    ("htw-berlin", "https://www.htw-berlin.de"),
    ("bht", "https://www.bht-berlin.de"),
    ("udk", "https://www.udk-berlin.de"),
    ("hpi", "https://hpi.de"),
    ("uni-potsdam", "https://www.uni-potsdam.de"),
    ("fh-potsdam", "https://www.fh-potsdam.de"),
    ("filmuni", "https://www.filmuniversitaet.de"),
    ("ihp", "https://www.ihp-microelectronics.com"),
    ("viadrina", "https://www.europa-uni.de"),
    ("btu", "https://www.b-tu.de"),
    ("th-wildau", "https://www.th-wildau.de"),
    ("th-brandenburg", "https://www.th-brandenburg.de"),
    ("hnee", "https://www.hnee.de"),
    ("berlin-partner", "https://www.berlin-partner.de"),
    ("medienboard", "https://www.medienboard.de"),
    ("bitkom", "https://www.bitkom.org"),
    ("technologiestiftung", "https://www.technologiestiftung-berlin.de"),
];

/// Technology fields in the order of `taxonomy::TECHNOLOGIES`, with the words the demo composes texts from:
/// (id, adjective stem de, adjective en, noun de (after "mit"), noun en, plural product noun de, en).
pub struct TechWords {
    pub id: &'static str,
    pub adj_de: &'static str,
    pub adj_en: &'static str,
    pub noun_de: &'static str,
    pub noun_en: &'static str,
    pub products_de: &'static str,
    pub products_en: &'static str,
    pub description_de: &'static str,
    pub description_en: &'static str,
}

pub const TECH_WORDS: [TechWords; 8] = [
    TechWords {
        id: "ai",
        adj_de: "KI-gestützt",
        adj_en: "AI-assisted",
        noun_de: "KI",
        noun_en: "AI",
        products_de: "KI-Anwendungen",
        products_en: "AI applications",
        description_de:
            "Maschinelles Lernen, Sprach- und Bildverarbeitung und andere Verfahren der künstlichen Intelligenz.",
        description_en: "Machine learning, language and image processing and other methods of artificial intelligence.",
    },
    TechWords {
        id: "blockchain",
        adj_de: "Blockchain-basiert",
        adj_en: "blockchain-based",
        noun_de: "Blockchain",
        noun_en: "blockchain",
        products_de: "Blockchain-Lösungen",
        products_en: "blockchain solutions",
        description_de: "Verteilte Register, Smart Contracts und digitale Herkunftsnachweise.",
        description_en: "Distributed ledgers, smart contracts and digital provenance.",
    },
    TechWords {
        id: "iot",
        adj_de: "vernetzt",
        adj_en: "connected",
        noun_de: "IoT-Sensorik",
        noun_en: "IoT sensing",
        products_de: "IoT-Plattformen",
        products_en: "IoT platforms",
        description_de: "Vernetzte Geräte, Sensorik und eingebettete Systeme.",
        description_en: "Connected devices, sensors and embedded systems.",
    },
    TechWords {
        id: "security",
        adj_de: "sicher",
        adj_en: "secure",
        noun_de: "Zero-Trust-Sicherheit",
        noun_en: "zero-trust security",
        products_de: "Sicherheitslösungen",
        products_en: "security solutions",
        description_de: "Schutz von Daten, Systemen und Netzen.",
        description_en: "Protection of data, systems and networks.",
    },
    TechWords {
        id: "vr",
        adj_de: "VR-basiert",
        adj_en: "VR-based",
        noun_de: "Virtual Reality",
        noun_en: "virtual reality",
        products_de: "VR-Erlebnisse",
        products_en: "VR experiences",
        description_de: "Vollständig virtuelle, immersive Umgebungen.",
        description_en: "Fully virtual, immersive environments.",
    },
    TechWords {
        id: "ar",
        adj_de: "AR-gestützt",
        adj_en: "AR-assisted",
        noun_de: "Augmented Reality",
        noun_en: "augmented reality",
        products_de: "AR-Anwendungen",
        products_en: "AR applications",
        description_de: "Digitale Inhalte, die die reale Umgebung überlagern.",
        description_en: "Digital content overlaid on the real surroundings.",
    },
    TechWords {
        id: "xr",
        adj_de: "immersiv",
        adj_en: "immersive",
        noun_de: "Extended Reality",
        noun_en: "extended reality",
        products_de: "XR-Produktionen",
        products_en: "XR productions",
        description_de: "Oberbegriff für VR, AR und Mixed Reality, etwa in Film, Bühne und virtueller Produktion.",
        description_en: "Umbrella term for VR, AR and mixed reality, e.g. in film, stage and virtual production.",
    },
    TechWords {
        id: "ux",
        adj_de: "nutzerzentriert",
        adj_en: "user-centred",
        noun_de: "nutzerzentriertem Design",
        noun_en: "user-centred design",
        products_de: "nutzerfreundliche Oberflächen",
        products_en: "user-friendly interfaces",
        description_de: "Gestaltung nutzbarer und barrierefreier digitaler Produkte.",
        description_en: "Design of usable and accessible digital products.",
    },
];

/// Grammatical gender of a German noun (for adjective endings without article).
#[derive(Clone, Copy)]
pub enum Gender {
    F,
    N,
    M,
    Pl,
}

impl Gender {
    pub fn ending(self) -> &'static str {
        match self {
            Gender::F | Gender::Pl => "e",
            Gender::N => "es",
            Gender::M => "er",
        }
    }
}

/// What a project is about: (German noun, gender, English noun, technology ids it goes with).
pub const PURPOSES: &[(&str, Gender, &str, &str)] = &[
    ("Barrierefreiheit", Gender::F, "accessibility", "ai ux ar xr"),
    ("Untertitelung", Gender::F, "subtitling", "ai ux xr"),
    (
        "Rechteverwaltung",
        Gender::F,
        "rights management",
        "blockchain ai security",
    ),
    ("Qualitätsprüfung", Gender::F, "quality assurance", "ai iot"),
    ("Archivierung", Gender::F, "archiving", "ai blockchain security"),
    ("Personalisierung", Gender::F, "personalisation", "ai ux"),
    ("Produktionsplanung", Gender::F, "production planning", "ai iot vr xr"),
    ("Zusammenarbeit", Gender::F, "collaboration", "vr ar xr security ux"),
    ("Vorvisualisierung", Gender::F, "previsualisation", "vr xr ar"),
    ("Besucherführung", Gender::F, "visitor guidance", "ar xr iot ux ai"),
    (
        "Desinformationserkennung",
        Gender::F,
        "disinformation detection",
        "ai blockchain security",
    ),
    ("Lizenzabrechnung", Gender::F, "licence accounting", "blockchain ai"),
    (
        "Datenplattform",
        Gender::F,
        "data platform",
        "ai iot security blockchain",
    ),
    ("Energieoptimierung", Gender::F, "energy optimisation", "iot ai"),
    ("Monitoring", Gender::N, "monitoring", "iot ai security"),
    ("Content-Management", Gender::N, "content management", "ai ux"),
    ("Prototyping", Gender::N, "prototyping", "vr ar xr ux"),
    ("Ticketing", Gender::N, "ticketing", "blockchain ux security"),
    ("Training", Gender::N, "training", "vr ar xr ai"),
    ("Nachweissystem", Gender::N, "provenance system", "blockchain security"),
    ("Schnittsystem", Gender::N, "editing system", "ai xr ux"),
    ("Datenraum", Gender::M, "data space", "security blockchain iot ai"),
    ("Zugang", Gender::M, "access", "ux security ai ar"),
    ("Assistent", Gender::M, "assistant", "ai ux ar"),
    ("Marktplatz", Gender::M, "marketplace", "blockchain ux"),
    ("Produktionsabläufe", Gender::Pl, "production workflows", "ai iot xr vr"),
    ("Lieferketten", Gender::Pl, "supply chains", "blockchain iot security"),
    ("Publikumserlebnisse", Gender::Pl, "audience experiences", "vr ar xr ux"),
    ("Werkzeuge", Gender::Pl, "tools", "ai ux xr vr"),
    ("Schnittstellen", Gender::Pl, "interfaces", "ux security iot ar"),
    ("Lernangebote", Gender::Pl, "learning offers", "vr ar xr ai ux"),
];

/// Application contexts per sector id: (sector, German, English).
pub const CONTEXTS: &[(&str, &str, &str)] = &[
    ("software", "für den Mittelstand", "for SMEs"),
    (
        "software",
        "für Verwaltungsportale",
        "for public administration portals",
    ),
    ("software", "für Cloud-Dienste", "for cloud services"),
    ("telecom", "in 5G-Campusnetzen", "in 5G campus networks"),
    ("telecom", "für Glasfasernetze", "for fibre networks"),
    ("games", "für Indie-Games", "for indie games"),
    ("games", "in Serious Games", "in serious games"),
    ("film", "für Streaming-Plattformen", "for streaming platforms"),
    ("film", "für die Filmproduktion", "for film production"),
    ("film", "für den Rundfunk", "for broadcasting"),
    ("music", "für Live-Musik", "for live music"),
    ("music", "für Musiklabels", "for music labels"),
    ("publishing", "für den Lokaljournalismus", "for local journalism"),
    ("publishing", "für Fachverlage", "for specialist publishers"),
    ("advertising", "in der Kampagnenplanung", "in campaign planning"),
    ("advertising", "für Kreativagenturen", "for creative agencies"),
    ("design", "für Modelabels", "for fashion labels"),
    ("design", "im Produktdesign", "in product design"),
    ("architecture", "in der Gebäudeplanung", "in building design"),
    ("architecture", "für Bestandsgebäude", "for existing buildings"),
    ("art", "für Galerien", "for galleries"),
    ("art", "im Kunsthandel", "in the art trade"),
    ("performing-arts", "für Theaterbühnen", "for theatre stages"),
    ("performing-arts", "für Opernhäuser", "for opera houses"),
    ("other", "für Museen", "for museums"),
    ("other", "im Tourismus", "in tourism"),
    ("other", "für die Stadtentwicklung", "for urban development"),
];

/// First halves of invented company stems (regional flavour).
pub const STEM_A: &[&str] = &[
    "Spree",
    "Havel",
    "Kiez",
    "Oder",
    "Linden",
    "Kiefer",
    "Birken",
    "Müggel",
    "Sand",
    "Heide",
    "Luch",
    "Fläming",
    "Nuthe",
    "Dahme",
    "Panke",
    "Wuhle",
    "Erpel",
    "Kranich",
    "Biber",
    "Zander",
    "Storch",
    "Moor",
    "Auen",
    "Ufer",
    "Kanal",
    "Schleusen",
    "Anker",
    "Falken",
    "Eichen",
    "Pappel",
    "Weiden",
    "Kobalt",
    "Nordlicht",
    "Funken",
    "Wolken",
    "Laternen",
    "Brücken",
    "Hafen",
    "Elster",
    "Plänter",
    "Schilf",
    "Rotdorn",
];

/// Second halves of invented company stems.
pub const STEM_B: &[&str] = &[
    "werk", "pixel", "code", "byte", "loop", "grid", "mind", "sense", "wave", "frame", "cast", "bit", "kraft", "flow",
    "stack", "port", "lens", "signal", "logic", "scope", "ton", "blick", "feld", "funk", "ware", "netz", "licht",
    "spur", "takt", "form",
];

/// Descriptors by sector id, giving names like "Havelpixel Studios".
pub const DESCRIPTORS: &[(&str, &[&str])] = &[
    (
        "software",
        &["Software", "Systems", "Labs", "Analytics", "Technologies", "Digital"],
    ),
    ("telecom", &["Networks", "Connect", "Telecom"]),
    ("games", &["Games", "Interactive", "Play"]),
    ("film", &["Film", "Pictures", "Studios", "Media"]),
    ("music", &["Sound", "Audio", "Records"]),
    ("publishing", &["Verlag", "Media", "Press"]),
    ("advertising", &["Kommunikation", "Brand Studio", "Agentur"]),
    ("design", &["Design", "Studio", "Gestaltung"]),
    ("architecture", &["Architekten", "Planung", "Raumlabor"]),
    ("art", &["Art Lab", "Kunstprojekte", "Editions"]),
    ("performing-arts", &["Bühnentechnik", "Live", "Stage"]),
    ("other", &["Digital", "Solutions", "Services"]),
];

/// Legal forms by company kind (empty = none in the name).
pub const LEGAL_STARTUP: &[&str] = &["GmbH", "UG (haftungsbeschränkt)", "GmbH", "UG", ""];
pub const LEGAL_SME: &[&str] = &["GmbH", "GmbH", "GmbH & Co. KG", "UG (haftungsbeschränkt)", "GmbH", ""];
pub const LEGAL_CORPORATION: &[&str] = &["AG", "SE", "GmbH", "Group AG"];

/// Parts of invented project acronyms.
pub const ACRO_A: &[&str] = &[
    "SPREE", "HAVEL", "KIEZ", "ODER", "LUCH", "HEIDE", "NUTHE", "DAHME", "PANKE", "MÄRK", "LAUSITZ", "TELTOW",
    "BARNIM", "FLÄMING", "UCKER", "PRIGNITZ",
];
pub const ACRO_B: &[&str] = &[
    "LENS", "SENSE", "FLOW", "VIS", "CAST", "NET", "LAB", "CHAIN", "TWIN", "SCAPE", "XR", "KI", "SAFE", "STAGE",
    "DATA", "MIND",
];
