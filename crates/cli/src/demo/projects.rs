//! Invented projects: spans that give the reference year's exact figures, funding programmes, participants
//! and titles composed from technology × purpose × sector context.

use std::collections::{BTreeMap, HashSet};

use ecomap_core::taxonomy::{SECTORS, TECHNOLOGIES};
use ecomap_core::wire::{Actor, Participant, Project, Text};

use super::words::{self, Gender};
use super::{
    has_tech, is_company, is_network, is_research, state_of, tech_words, Rng, MEDIA_SECTORS, REFERENCE_YEAR,
    SECTOR_WEIGHTS, STARTS_PER_YEAR, TARGET_ACTIVE, TARGET_NEW, TARGET_VOLUME_EUR, VOLUME_UNIT,
};

#[derive(Clone, Copy, PartialEq)]
enum LeadKind {
    Company,
    Research,
    Any,
}

struct Programme {
    name: &'static str,
    /// Volume range in EUR.
    volume: (u64, u64),
    /// Participant count range.
    n: (usize, usize),
    lead: LeadKind,
    /// "BE", "BB" or "" for both.
    state: &'static str,
    media_only: bool,
    weight: u32,
}

/// Funding programmes of the region, the federal government and the EU (generic names where unsure).
const PROGRAMMES: [Programme; 14] = [
    Programme {
        name: "Pro FIT (Investitionsbank Berlin)",
        volume: (300_000, 2_500_000),
        n: (2, 4),
        lead: LeadKind::Company,
        state: "BE",
        media_only: false,
        weight: 4,
    },
    Programme {
        name: "ProFIT Brandenburg (ILB)",
        volume: (250_000, 2_000_000),
        n: (2, 4),
        lead: LeadKind::Company,
        state: "BB",
        media_only: false,
        weight: 4,
    },
    Programme {
        name: "EFRE Berlin",
        volume: (200_000, 1_800_000),
        n: (2, 5),
        lead: LeadKind::Any,
        state: "BE",
        media_only: false,
        weight: 2,
    },
    Programme {
        name: "EFRE Brandenburg",
        volume: (200_000, 1_800_000),
        n: (2, 5),
        lead: LeadKind::Any,
        state: "BB",
        media_only: false,
        weight: 3,
    },
    Programme {
        name: "ZIM – Zentrales Innovationsprogramm Mittelstand",
        volume: (150_000, 800_000),
        n: (2, 3),
        lead: LeadKind::Company,
        state: "",
        media_only: false,
        weight: 4,
    },
    Programme {
        name: "KMU-innovativ",
        volume: (400_000, 1_800_000),
        n: (2, 4),
        lead: LeadKind::Company,
        state: "",
        media_only: false,
        weight: 3,
    },
    Programme {
        name: "EXIST-Forschungstransfer",
        volume: (250_000, 900_000),
        n: (2, 3),
        lead: LeadKind::Research,
        state: "",
        media_only: false,
        weight: 2,
    },
    Programme {
        name: "Verbundforschung (Bund)",
        volume: (500_000, 3_000_000),
        n: (3, 6),
        lead: LeadKind::Research,
        state: "",
        media_only: false,
        weight: 4,
    },
    Programme {
        name: "Horizon Europe",
        volume: (1_500_000, 6_000_000),
        n: (4, 6),
        lead: LeadKind::Any,
        state: "",
        media_only: false,
        weight: 1,
    },
    Programme {
        name: "Digital Europe Programme",
        volume: (1_000_000, 4_000_000),
        n: (3, 6),
        lead: LeadKind::Any,
        state: "",
        media_only: false,
        weight: 1,
    },
    Programme {
        name: "Medienboard Berlin-Brandenburg",
        volume: (80_000, 1_000_000),
        n: (2, 4),
        lead: LeadKind::Any,
        state: "",
        media_only: true,
        weight: 6,
    },
    Programme {
        name: "MIZ Babelsberg",
        volume: (50_000, 300_000),
        n: (2, 3),
        lead: LeadKind::Company,
        state: "",
        media_only: true,
        weight: 3,
    },
    Programme {
        name: "Landesförderung Berlin",
        volume: (100_000, 700_000),
        n: (2, 4),
        lead: LeadKind::Any,
        state: "BE",
        media_only: false,
        weight: 2,
    },
    Programme {
        name: "Landesförderung Brandenburg",
        volume: (100_000, 700_000),
        n: (2, 4),
        lead: LeadKind::Any,
        state: "BB",
        media_only: false,
        weight: 2,
    },
];

/// Chooses among `candidates` (indices into `actors`) by a tournament of `rounds`: the least used wins, so
/// participation spreads out; with `tech`, prefers actors working on it.
fn choose(
    rng: &mut Rng,
    actors: &[Actor],
    candidates: &[usize],
    uses: &[u32],
    tech: Option<&str>,
    rounds: usize,
) -> Option<usize> {
    let preferred: Vec<usize> = match tech {
        Some(t) if rng.chance(0.75) => candidates
            .iter()
            .copied()
            .filter(|&i| has_tech(&actors[i], t))
            .collect(),
        _ => Vec::new(),
    };
    let pool = if preferred.is_empty() { candidates } else { &preferred };
    if pool.is_empty() {
        return None;
    }
    let mut best = *rng.pick(pool);
    for _ in 1..rounds {
        let c = *rng.pick(pool);
        if uses[c] < uses[best] {
            best = c;
        }
    }
    Some(best)
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// A title composed from technology × purpose × sector context (sometimes with an acronym).
pub(super) fn project_title(
    rng: &mut Rng,
    technologies: &[String],
    context_sector: &str,
    used: &mut HashSet<String>,
) -> Text {
    let contexts: Vec<&(&str, &str, &str)> = words::CONTEXTS
        .iter()
        .filter(|(s, _, _)| *s == context_sector)
        .collect();
    for attempt in 0..100 {
        let (_, ctx_de, ctx_en) = if contexts.is_empty() {
            *rng.pick(words::CONTEXTS)
        } else {
            **rng.pick(&contexts)
        };
        let t1 = tech_words(&technologies[0]);
        let purposes: Vec<&(&str, Gender, &str, &str)> = words::PURPOSES
            .iter()
            .filter(|p| p.3.split(' ').any(|t| t == t1.id))
            .collect();
        let (purpose_de, gender, purpose_en, _) = if purposes.is_empty() {
            *rng.pick(words::PURPOSES)
        } else {
            **rng.pick(&purposes)
        };
        let (mut de, mut en) = if technologies.len() >= 2 && rng.chance(0.4) {
            let t2 = tech_words(&technologies[1]);
            (
                format!("{purpose_de} {ctx_de} mit {} und {}", t1.noun_de, t2.noun_de),
                capitalize(&format!("{purpose_en} {ctx_en} with {} and {}", t1.noun_en, t2.noun_en)),
            )
        } else {
            let ending = gender.ending();
            (
                capitalize(&format!("{}{ending} {purpose_de} {ctx_de}", t1.adj_de)),
                capitalize(&format!("{} {purpose_en} {ctx_en}", t1.adj_en)),
            )
        };
        if rng.chance(0.5) || attempt > 50 {
            let acronym = format!("{}{}", rng.pick(words::ACRO_A), rng.pick(words::ACRO_B));
            de = format!("{acronym} – {de}");
            en = format!("{acronym} – {en}");
        }
        if used.insert(de.clone()) {
            return Text::new(de, en);
        }
    }
    Text::new("Demo-Projekt", "Demo project")
}

/// (start, end) of every project: `STARTS_PER_YEAR` starts with 1-4 year durations, adjusted so that exactly
/// `TARGET_ACTIVE - TARGET_NEW` projects started before the reference year still run in it.
fn project_spans(rng: &mut Rng) -> Vec<(u16, u16)> {
    let mut spans = Vec::new();
    for (year, n) in STARTS_PER_YEAR {
        for _ in 0..n {
            let years = if year == REFERENCE_YEAR {
                1 + rng.weighted(&[3, 4, 3])
            } else {
                1 + rng.weighted(&[10, 35, 40, 15])
            };
            spans.push((year, year + years as u16 - 1));
        }
    }
    let carried = |s: &[(u16, u16)]| {
        s.iter()
            .filter(|(a, b)| *a < REFERENCE_YEAR && *b >= REFERENCE_YEAR)
            .count()
    };
    let want = TARGET_ACTIVE - TARGET_NEW;
    while carried(&spans) > want {
        let running: Vec<usize> = (0..spans.len())
            .filter(|&i| spans[i].0 < REFERENCE_YEAR && spans[i].1 >= REFERENCE_YEAR)
            .collect();
        let i = *rng.pick(&running);
        spans[i].1 = REFERENCE_YEAR - 1;
    }
    while carried(&spans) < want {
        let ending: Vec<usize> = (0..spans.len())
            .filter(|&i| {
                spans[i].0 < REFERENCE_YEAR && spans[i].0 + 3 >= REFERENCE_YEAR && spans[i].1 == REFERENCE_YEAR - 1
            })
            .collect();
        if ending.is_empty() {
            break;
        }
        let i = *rng.pick(&ending);
        spans[i].1 = REFERENCE_YEAR + rng.range(0, 1);
    }
    spans
}

pub(super) fn projects(rng: &mut Rng, actors: &[Actor]) -> Result<Vec<Project>, String> {
    let research: Vec<usize> = (0..actors.len()).filter(|&i| is_research(&actors[i])).collect();
    let networks: Vec<usize> = (0..actors.len()).filter(|&i| is_network(&actors[i])).collect();
    let companies: Vec<usize> = (0..actors.len()).filter(|&i| is_company(&actors[i])).collect();
    if research.is_empty() || companies.is_empty() {
        return Err("the demo needs research institutions and companies".into());
    }
    let mut uses = vec![0u32; actors.len()];
    let mut titles = HashSet::new();
    let mut projects = Vec::new();
    let mut raw_volumes = Vec::new();
    let mut per_year: BTreeMap<u16, usize> = BTreeMap::new();
    let all_tech_weights: Vec<u32> = TECHNOLOGIES
        .iter()
        .map(|(id, _, _)| if *id == "ai" { 4 } else { 2 })
        .collect();

    for (start, end) in project_spans(rng) {
        let founded_by = |i: &usize| actors[*i].founded.is_none_or(|f| f <= start);
        let companies_then: Vec<usize> = companies.iter().copied().filter(founded_by).collect();
        // Lead, and the technology the project is about.
        let lead_is_company = rng.chance(0.55);
        let lead_pool = if lead_is_company { &companies_then } else { &research };
        let lead = choose(rng, actors, lead_pool, &uses, None, if lead_is_company { 3 } else { 2 })
            .ok_or("no lead candidate")?;
        let lead_actor = &actors[lead];
        let primary = if lead_actor.technologies.is_empty() {
            TECHNOLOGIES[rng.weighted(&all_tech_weights)].0.to_string()
        } else {
            rng.pick(&lead_actor.technologies).clone()
        };
        // Programme by the lead's kind, state and sectors.
        let media = lead_actor.sectors.iter().any(|s| MEDIA_SECTORS.contains(&s.as_str()));
        let eligible: Vec<&Programme> = PROGRAMMES
            .iter()
            .filter(|p| match p.lead {
                LeadKind::Company => lead_is_company,
                LeadKind::Research => !lead_is_company,
                LeadKind::Any => true,
            })
            .filter(|p| p.state.is_empty() || p.state == state_of(lead_actor))
            .filter(|p| !p.media_only || media)
            .collect();
        let weights: Vec<u32> = eligible.iter().map(|p| p.weight).collect();
        let prog = eligible[rng.weighted(&weights)];
        let n = prog.n.0 + rng.below(prog.n.1 - prog.n.0 + 1);
        // Partners: at least one of the other kind (research with companies), sometimes a network.
        let mut members = vec![lead];
        let add = |rng: &mut Rng, pool: &[usize], members: &mut Vec<usize>, rounds: usize| {
            let pool: Vec<usize> = pool.iter().copied().filter(|i| !members.contains(i)).collect();
            if let Some(c) = choose(rng, actors, &pool, &uses, Some(&primary), rounds) {
                members.push(c);
            }
        };
        add(
            rng,
            if lead_is_company { &research } else { &companies_then },
            &mut members,
            2,
        );
        if n >= 3 && rng.chance(0.2) {
            add(rng, &networks, &mut members, 2);
        }
        while members.len() < n {
            let before = members.len();
            if rng.chance(0.6) {
                add(rng, &companies_then, &mut members, 3);
            } else {
                add(rng, &research, &mut members, 2);
            }
            if members.len() == before {
                break;
            }
        }
        for &m in &members {
            uses[m] += 1;
        }
        // Technologies: the primary, sometimes one or two shared with partners.
        let mut technologies = vec![primary.clone()];
        let extra = rng.weighted(&[5, 4, 1]);
        for _ in 0..extra {
            let from = &actors[*rng.pick(&members)];
            let options: Vec<&String> = from.technologies.iter().filter(|t| !technologies.contains(t)).collect();
            if !options.is_empty() {
                technologies.push((*rng.pick(&options)).clone());
            }
        }
        let context = members
            .iter()
            .find_map(|&m| actors[m].sectors.first())
            .cloned()
            .unwrap_or_else(|| SECTORS[rng.weighted(&SECTOR_WEIGHTS)].0.to_string());
        let title = project_title(rng, &technologies, &context, &mut titles);
        let u = rng.unit();
        // Funding grows over the years: later projects are somewhat larger.
        let growth = 0.7 + 0.06 * f64::from(start.saturating_sub(STARTS_PER_YEAR[0].0));
        let (lo, hi) = prog.volume;
        let raw = (lo as f64 + (hi - lo) as f64 * u * u) * growth;
        raw_volumes.push(((raw / VOLUME_UNIT as f64).round() as u64).max(1));
        let seq = per_year.entry(start).or_default();
        *seq += 1;
        projects.push(Project {
            id: format!("p{start}-{seq:03}"),
            title,
            start,
            end,
            status: Some(
                if start == REFERENCE_YEAR {
                    "new"
                } else if end >= REFERENCE_YEAR {
                    "ongoing"
                } else {
                    "completed"
                }
                .to_string(),
            ),
            volume: 0,
            programme: Some(prog.name.to_string()),
            technologies,
            participants: members
                .iter()
                .enumerate()
                .map(|(k, &m)| Participant {
                    actor: actors[m].id.clone(),
                    role: if k == 0 { "lead" } else { "partner" }.to_string(),
                })
                .collect(),
            fictional: true,
        });
    }

    // Every real institution takes part somewhere (as a partner where there is room).
    for &r in &research {
        if uses[r] == 0 {
            let open: Vec<usize> = (0..projects.len())
                .filter(|&p| projects[p].participants.len() < 6)
                .collect();
            if let Some(&p) = open.get(rng.below(open.len().max(1))) {
                projects[p].participants.push(Participant {
                    actor: actors[r].id.clone(),
                    role: "partner".into(),
                });
                uses[r] += 1;
            }
        }
    }

    // Scale the volumes so the projects active in the reference year sum to exactly the target.
    let active = |p: &Project| p.start <= REFERENCE_YEAR && REFERENCE_YEAR <= p.end;
    let target_units = u128::from(TARGET_VOLUME_EUR / VOLUME_UNIT);
    let raw_sum: u128 = projects
        .iter()
        .zip(&raw_volumes)
        .filter(|(p, _)| active(p))
        .map(|(_, &v)| u128::from(v))
        .sum();
    if raw_sum == 0 {
        return Err("no project is active in the reference year".into());
    }
    let mut active_sum = 0u128;
    let mut largest: Option<usize> = None;
    for (i, (p, &raw)) in projects.iter_mut().zip(&raw_volumes).enumerate() {
        let units = (u128::from(raw) * target_units / raw_sum).max(1);
        p.volume = units as u64 * VOLUME_UNIT;
        if active(p) {
            active_sum += units;
            if largest.is_none_or(|l: usize| raw > raw_volumes[l]) {
                largest = Some(i);
            }
        }
    }
    if let Some(l) = largest {
        projects[l].volume += (target_units - active_sum) as u64 * VOLUME_UNIT;
    }
    Ok(projects)
}
