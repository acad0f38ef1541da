//! The validated model: what import produces and every view reads.
//!
//! Ids from the file are interned to dense integer ids (`ActorId(u32)`, ...); the original string id is kept
//! as `key` for messages, URLs and exports. Invariant: every id stored in a record points at an existing record.

use std::collections::HashMap;

macro_rules! dense_id {
    ($(#[$doc:meta])* $name:ident($int:ty)) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub $int);
        impl $name {
            /// The id as an index into its `Dataset` vector.
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }
    };
}

dense_id!(
    /// Index into `Dataset::actors`.
    ActorId(u32)
);
dense_id!(
    /// Index into `Dataset::projects`.
    ProjectId(u32)
);
dense_id!(
    /// Index into `Dataset::technologies`.
    TechnologyId(u16)
);
dense_id!(
    /// Index into `Dataset::sectors`.
    SectorId(u16)
);
dense_id!(
    /// Index into `Dataset::regions`.
    RegionId(u16)
);

/// Money in whole euros (the export stores integer EUR; cents do not matter at project scale).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Eur(pub u64);

/// A text in German and English. Import fills a missing language from the other one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Localized {
    pub de: String,
    pub en: String,
}

impl Localized {
    /// The text in `lang`, falling back to the other language when empty.
    pub fn get(&self, lang: Lang) -> &str {
        let (first, second) = match lang {
            Lang::De => (&self.de, &self.en),
            Lang::En => (&self.en, &self.de),
        };
        if first.is_empty() {
            second
        } else {
            first
        }
    }
    pub fn is_empty(&self) -> bool {
        self.de.is_empty() && self.en.is_empty()
    }
}

/// The two interface languages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    De,
    #[default]
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
        }
    }
    /// Parses "de", "de-DE", "en-GB", ... (case-insensitive); anything else is `None`.
    pub fn parse(s: &str) -> Option<Lang> {
        let p = s.trim().to_ascii_lowercase();
        let primary = p.split(['-', '_']).next().unwrap_or("");
        match primary {
            "de" => Some(Lang::De),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// A WGS84 position, longitude first (GeoJSON order).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LonLat {
    pub lon: f64,
    pub lat: f64,
}

/// What kind of actor a record is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ActorKind {
    Startup,
    Sme,
    Corporation,
    Research,
    University,
    Network,
    Public,
}

impl ActorKind {
    pub const ALL: [ActorKind; 7] = [
        ActorKind::Startup,
        ActorKind::Sme,
        ActorKind::Corporation,
        ActorKind::Research,
        ActorKind::University,
        ActorKind::Network,
        ActorKind::Public,
    ];
    /// The spelling in the export format and in URLs.
    pub fn key(self) -> &'static str {
        match self {
            ActorKind::Startup => "startup",
            ActorKind::Sme => "sme",
            ActorKind::Corporation => "corporation",
            ActorKind::Research => "research",
            ActorKind::University => "university",
            ActorKind::Network => "network",
            ActorKind::Public => "public",
        }
    }
    pub fn parse(s: &str) -> Option<ActorKind> {
        ActorKind::ALL.into_iter().find(|k| k.key() == s)
    }
    pub fn index(self) -> usize {
        self as usize
    }
}

/// Company size by employees.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SizeBand {
    /// 1-9
    Micro,
    /// 10-49
    Small,
    /// 50-249
    Medium,
    /// 250 and more
    Large,
}

impl SizeBand {
    pub const ALL: [SizeBand; 4] = [SizeBand::Micro, SizeBand::Small, SizeBand::Medium, SizeBand::Large];
    pub fn key(self) -> &'static str {
        match self {
            SizeBand::Micro => "1-9",
            SizeBand::Small => "10-49",
            SizeBand::Medium => "50-249",
            SizeBand::Large => "250+",
        }
    }
    pub fn parse(s: &str) -> Option<SizeBand> {
        SizeBand::ALL.into_iter().find(|k| k.key() == s)
    }
}

/// The maintainer's stored project status ("as of" value; figures derive status from the years).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProjectStatus {
    New,
    Ongoing,
    Completed,
}

impl ProjectStatus {
    pub const ALL: [ProjectStatus; 3] = [ProjectStatus::New, ProjectStatus::Ongoing, ProjectStatus::Completed];
    pub fn key(self) -> &'static str {
        match self {
            ProjectStatus::New => "new",
            ProjectStatus::Ongoing => "ongoing",
            ProjectStatus::Completed => "completed",
        }
    }
    pub fn parse(s: &str) -> Option<ProjectStatus> {
        ProjectStatus::ALL.into_iter().find(|k| k.key() == s)
    }
}

/// A participant's role in a project.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    Lead,
    Partner,
}

impl Role {
    pub fn key(self) -> &'static str {
        match self {
            Role::Lead => "lead",
            Role::Partner => "partner",
        }
    }
    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "lead" => Some(Role::Lead),
            "partner" => Some(Role::Partner),
            _ => None,
        }
    }
}

/// The closed list of link kinds between actors.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LinkKind {
    Partnership,
    Membership,
    SpinOff,
    Investment,
    Customer,
    Other,
}

impl LinkKind {
    pub const ALL: [LinkKind; 6] = [
        LinkKind::Partnership,
        LinkKind::Membership,
        LinkKind::SpinOff,
        LinkKind::Investment,
        LinkKind::Customer,
        LinkKind::Other,
    ];
    pub fn key(self) -> &'static str {
        match self {
            LinkKind::Partnership => "partnership",
            LinkKind::Membership => "membership",
            LinkKind::SpinOff => "spin-off",
            LinkKind::Investment => "investment",
            LinkKind::Customer => "customer",
            LinkKind::Other => "other",
        }
    }
    pub fn parse(s: &str) -> Option<LinkKind> {
        LinkKind::ALL.into_iter().find(|k| k.key() == s)
    }
}

/// Berlin (BE) or Brandenburg (BB).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum State {
    Berlin,
    Brandenburg,
}

/// `meta` of an export.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Meta {
    /// "1.0": major.minor of the export format.
    pub format_version: String,
    pub title: Localized,
    /// ISO date of the export, "YYYY-MM-DD".
    pub date: String,
    pub source: String,
    pub licence: String,
    pub languages: Vec<String>,
    /// What in the data is real and what is invented (shown to visitors).
    pub notes: Localized,
    /// The year the headline figures describe; when absent, the latest project start year.
    pub reference_year: Option<u16>,
    /// Format 1.1 `meta.contact`: the checked addresses, keyed as `crate::contact::KEYS`.
    pub contact: Vec<(&'static str, String)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Technology {
    pub key: String,
    pub name: Localized,
    pub description: Localized,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Sector {
    pub key: String,
    pub name: Localized,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Region {
    /// Five-digit region key (Brandenburg's Kreisschlüssel, "11" + Bezirk number for Berlin).
    pub key: String,
    pub name: String,
    pub state: State,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Location {
    /// `None` when the export had no usable coordinates (the actor stays, off the map).
    pub point: Option<LonLat>,
    pub address: Option<String>,
    pub region: Option<RegionId>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Actor {
    pub key: String,
    pub name: String,
    pub kind: ActorKind,
    pub sectors: Vec<SectorId>,
    pub technologies: Vec<TechnologyId>,
    pub location: Location,
    /// Only http(s) URLs; anything else is dropped at import with a warning.
    pub website: Option<String>,
    pub description: Localized,
    pub founded: Option<u16>,
    pub size: Option<SizeBand>,
    /// Provenance: where the record comes from and when it was last updated ("as of").
    pub source: Option<String>,
    pub updated: Option<String>,
    /// Invented for the demo (shown as such to visitors).
    pub fictional: bool,
    /// Precomputed network position (written by `ecomap layout`).
    pub position: Option<(f32, f32)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Participant {
    pub actor: ActorId,
    pub role: Role,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Project {
    pub key: String,
    pub title: Localized,
    pub start: u16,
    pub end: u16,
    pub status: Option<ProjectStatus>,
    pub volume: Eur,
    pub programme: Option<String>,
    pub technologies: Vec<TechnologyId>,
    pub participants: Vec<Participant>,
    pub fictional: bool,
}

impl Project {
    /// Active in year `y` when start <= y <= end.
    pub fn active_in(&self, y: u16) -> bool {
        self.start <= y && y <= self.end
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Link {
    pub source: ActorId,
    pub target: ActorId,
    pub kind: LinkKind,
}

/// A validated export. Build with `import::import`; every cross-reference is valid.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dataset {
    pub meta: Meta,
    pub technologies: Vec<Technology>,
    pub sectors: Vec<Sector>,
    pub regions: Vec<Region>,
    pub actors: Vec<Actor>,
    pub projects: Vec<Project>,
    pub links: Vec<Link>,
}

impl Dataset {
    pub fn actor(&self, id: ActorId) -> &Actor {
        &self.actors[id.index()]
    }
    pub fn project(&self, id: ProjectId) -> &Project {
        &self.projects[id.index()]
    }
    pub fn technology(&self, id: TechnologyId) -> &Technology {
        &self.technologies[id.index()]
    }
    pub fn sector(&self, id: SectorId) -> &Sector {
        &self.sectors[id.index()]
    }
    pub fn region(&self, id: RegionId) -> &Region {
        &self.regions[id.index()]
    }
    /// Map from string key to dense id, for URLs and lookups (built on demand; not on hot paths).
    pub fn actor_keys(&self) -> HashMap<&str, ActorId> {
        self.actors
            .iter()
            .enumerate()
            .map(|(i, a)| (a.key.as_str(), ActorId(i as u32)))
            .collect()
    }
    pub fn find_actor(&self, key: &str) -> Option<ActorId> {
        self.actors.iter().position(|a| a.key == key).map(|i| ActorId(i as u32))
    }
    pub fn find_technology(&self, key: &str) -> Option<TechnologyId> {
        self.technologies
            .iter()
            .position(|t| t.key == key)
            .map(|i| TechnologyId(i as u16))
    }
    pub fn find_sector(&self, key: &str) -> Option<SectorId> {
        self.sectors
            .iter()
            .position(|t| t.key == key)
            .map(|i| SectorId(i as u16))
    }
    pub fn find_region(&self, key: &str) -> Option<RegionId> {
        self.regions
            .iter()
            .position(|t| t.key == key)
            .map(|i| RegionId(i as u16))
    }
    pub fn find_project(&self, key: &str) -> Option<ProjectId> {
        self.projects
            .iter()
            .position(|t| t.key == key)
            .map(|i| ProjectId(i as u32))
    }
}
