//! Fixtures for the index, filter, search and stats tests: small hand-made datasets and a trusting
//! wire → model conversion for generated exports (so these tests do not depend on `import`).
#![allow(dead_code, clippy::unwrap_used)]

use std::collections::HashMap;

use ecomap_core::model::*;
use ecomap_core::wire;

/// Turns a *valid* export (as `generate` writes it) into a `Dataset`; panics on anything unexpected.
pub fn dataset_from_wire(e: &wire::Export) -> Dataset {
    let tech: HashMap<&str, TechnologyId> = e
        .technologies
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.as_str(), TechnologyId(i as u16)))
        .collect();
    let sect: HashMap<&str, SectorId> = e
        .sectors
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.as_str(), SectorId(i as u16)))
        .collect();
    let regn: HashMap<&str, RegionId> = e
        .regions
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.as_str(), RegionId(i as u16)))
        .collect();
    let act: HashMap<&str, ActorId> = e
        .actors
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.as_str(), ActorId(i as u32)))
        .collect();
    let loc = |t: &wire::Text| Localized {
        de: t.de.clone(),
        en: t.en.clone(),
    };
    Dataset {
        meta: Meta {
            format_version: e.meta.format_version.clone(),
            title: loc(&e.meta.title),
            date: e.meta.date.clone(),
            source: e.meta.source.clone(),
            licence: e.meta.licence.clone(),
            languages: e.meta.languages.clone(),
            notes: e.meta.notes.as_ref().map(loc).unwrap_or_default(),
            reference_year: e.meta.reference_year,
            contact: e.meta.contact.as_ref().map(|c| c.pairs()).unwrap_or_default(),
        },
        technologies: e
            .technologies
            .iter()
            .map(|t| Technology {
                key: t.id.clone(),
                name: loc(&t.name),
                description: Localized::default(),
            })
            .collect(),
        sectors: e
            .sectors
            .iter()
            .map(|t| Sector {
                key: t.id.clone(),
                name: loc(&t.name),
            })
            .collect(),
        regions: e
            .regions
            .iter()
            .map(|r| Region {
                key: r.id.clone(),
                name: r.name.clone(),
                state: if r.state == "BE" {
                    State::Berlin
                } else {
                    State::Brandenburg
                },
            })
            .collect(),
        actors: e
            .actors
            .iter()
            .map(|a| Actor {
                key: a.id.clone(),
                name: a.name.clone(),
                kind: ActorKind::parse(&a.kind).unwrap(),
                sectors: a.sectors.iter().map(|s| sect[s.as_str()]).collect(),
                technologies: a.technologies.iter().map(|s| tech[s.as_str()]).collect(),
                location: Location {
                    point: a.location.as_ref().and_then(|l| {
                        Some(LonLat {
                            lon: l.lon?,
                            lat: l.lat?,
                        })
                    }),
                    address: a.location.as_ref().and_then(|l| l.address.clone()),
                    region: a
                        .location
                        .as_ref()
                        .and_then(|l| l.region.as_ref())
                        .map(|r| regn[r.as_str()]),
                },
                website: a.website.clone(),
                description: a.description.as_ref().map(loc).unwrap_or_default(),
                founded: a.founded,
                size: a.size.as_deref().and_then(SizeBand::parse),
                source: a.source.clone(),
                updated: a.updated.clone(),
                fictional: a.fictional,
                position: None,
            })
            .collect(),
        projects: e
            .projects
            .iter()
            .map(|p| Project {
                key: p.id.clone(),
                title: loc(&p.title),
                start: p.start,
                end: p.end,
                status: p.status.as_deref().and_then(ProjectStatus::parse),
                volume: Eur(p.volume),
                programme: p.programme.clone(),
                technologies: p.technologies.iter().map(|s| tech[s.as_str()]).collect(),
                participants: p
                    .participants
                    .iter()
                    .map(|x| Participant {
                        actor: act[x.actor.as_str()],
                        role: Role::parse(&x.role).unwrap(),
                    })
                    .collect(),
                fictional: p.fictional,
            })
            .collect(),
        links: e
            .links
            .iter()
            .map(|l| Link {
                source: act[l.source.as_str()],
                target: act[l.target.as_str()],
                kind: LinkKind::parse(&l.kind).unwrap(),
            })
            .collect(),
    }
}

/// A small dataset built by hand: 2 technologies, 2 sectors, 2 regions.
pub struct Builder {
    pub ds: Dataset,
}

impl Default for Builder {
    fn default() -> Self {
        Self::new()
    }
}

impl Builder {
    pub fn new() -> Builder {
        let ds = Dataset {
            technologies: ["ai", "iot"]
                .iter()
                .map(|k| Technology {
                    key: k.to_string(),
                    name: Localized::default(),
                    description: Localized::default(),
                })
                .collect(),
            sectors: ["software", "games"]
                .iter()
                .map(|k| Sector {
                    key: k.to_string(),
                    name: Localized::default(),
                })
                .collect(),
            regions: vec![
                Region {
                    key: "11001".into(),
                    name: "Mitte".into(),
                    state: State::Berlin,
                },
                Region {
                    key: "12054".into(),
                    name: "Potsdam".into(),
                    state: State::Brandenburg,
                },
            ],
            ..Dataset::default()
        };
        Builder { ds }
    }

    /// Adds an actor; `tech`, `sect` are indices; `region` None = no region.
    pub fn actor(
        &mut self,
        name: &str,
        kind: ActorKind,
        tech: &[u16],
        sect: &[u16],
        region: Option<u16>,
        founded: Option<u16>,
    ) -> ActorId {
        let id = ActorId(self.ds.actors.len() as u32);
        self.ds.actors.push(Actor {
            key: format!("a{}", id.0),
            name: name.to_string(),
            kind,
            sectors: sect.iter().map(|&s| SectorId(s)).collect(),
            technologies: tech.iter().map(|&t| TechnologyId(t)).collect(),
            location: Location {
                point: None,
                address: None,
                region: region.map(RegionId),
            },
            website: None,
            description: Localized::default(),
            founded,
            size: None,
            source: None,
            updated: None,
            fictional: true,
            position: None,
        });
        id
    }

    /// Adds a project over `start..=end` with the given volume, technologies and participants.
    pub fn project(&mut self, start: u16, end: u16, volume: u64, tech: &[u16], parts: &[ActorId]) -> ProjectId {
        let id = ProjectId(self.ds.projects.len() as u32);
        self.ds.projects.push(Project {
            key: format!("p{}", id.0),
            title: Localized::default(),
            start,
            end,
            status: None,
            volume: Eur(volume),
            programme: None,
            technologies: tech.iter().map(|&t| TechnologyId(t)).collect(),
            participants: parts
                .iter()
                .enumerate()
                .map(|(i, &a)| Participant {
                    actor: a,
                    role: if i == 0 { Role::Lead } else { Role::Partner },
                })
                .collect(),
            fictional: true,
        });
        id
    }
}

/// The actors named in `names` (by exact name) as ids.
pub fn names(ds: &Dataset, list: &[ActorId]) -> Vec<String> {
    list.iter().map(|&a| ds.actor(a).name.clone()).collect()
}
