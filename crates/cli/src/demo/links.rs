//! Invented links between actors: memberships, spin-offs, investments, customer relations, partnerships.

use std::collections::HashSet;

use ecomap_core::wire::{Actor, Link};

use super::{has_tech, is_company, is_research, state_of, Rng};

struct Links {
    list: Vec<Link>,
    pairs: HashSet<(String, String)>,
}

impl Links {
    /// Adds a link unless it is a self link or the two actors are linked already (in either direction).
    fn add(&mut self, source: &str, target: &str, kind: &str) -> bool {
        if source == target {
            return false;
        }
        let key = if source < target {
            (source, target)
        } else {
            (target, source)
        };
        if !self.pairs.insert((key.0.to_string(), key.1.to_string())) {
            return false;
        }
        self.list.push(Link {
            source: source.to_string(),
            target: target.to_string(),
            kind: kind.to_string(),
        });
        true
    }
}

/// Regions of western Brandenburg (IHK Potsdam's district).
const WEST_BRANDENBURG: [&str; 8] = ["12051", "12054", "12063", "12065", "12068", "12069", "12070", "12072"];

/// Memberships (company → network), spin-offs (institution → startup), investments (corporation → startup),
/// customer relations (supplier → customer) and partnerships; about 1.5 links per actor, all invented.
pub(super) fn links(rng: &mut Rng, actors: &[Actor]) -> Vec<Link> {
    let mut links = Links {
        list: Vec::new(),
        pairs: HashSet::new(),
    };
    let id_exists = |id: &str| actors.iter().any(|a| a.id == id);
    let companies: Vec<&Actor> = actors.iter().filter(|a| is_company(a)).collect();
    let research: Vec<&Actor> = actors.iter().filter(|a| is_research(a)).collect();
    let startups: Vec<&Actor> = companies.iter().copied().filter(|a| a.kind == "startup").collect();
    let smes_and_startups: Vec<&Actor> = companies.iter().copied().filter(|a| a.kind != "corporation").collect();
    let has_sector = |a: &Actor, list: &[&str]| a.sectors.iter().any(|s| list.contains(&s.as_str()));

    // Memberships in the real networks (at most two per company).
    for a in &companies {
        let region = a
            .location
            .as_ref()
            .and_then(|l| l.region.as_deref())
            .unwrap_or_default();
        let big = matches!(a.size.as_deref(), Some("50-249" | "250+"));
        let digital = has_sector(a, &["software", "telecom", "other"]);
        let candidates = [
            ("sibb", if digital { 0.35 } else { 0.05 }),
            ("bitkom", if digital && big { 0.4 } else { 0.04 }),
            (
                "medianet",
                if has_sector(a, &["film", "publishing", "advertising", "games", "music", "design"]) {
                    0.35
                } else {
                    0.03
                },
            ),
            (
                "berlin-music-commission",
                if has_sector(a, &["music"]) && state_of(a) == "BE" {
                    0.6
                } else {
                    0.0
                },
            ),
            ("ihk-berlin", if state_of(a) == "BE" { 0.08 } else { 0.0 }),
            (
                "ihk-potsdam",
                if WEST_BRANDENBURG.contains(&region) { 0.15 } else { 0.0 },
            ),
        ];
        let mut n = 0;
        for (network, p) in candidates {
            if n < 2 && rng.chance(p) && id_exists(network) && links.add(&a.id, network, "membership") {
                n += 1;
            }
        }
        if region == "11009" && id_exists("wista") && rng.chance(0.3) {
            links.add(&a.id, "wista", "other");
        }
    }
    // Spin-offs from universities and research institutes (same state preferred, shared technology preferred).
    for s in &startups {
        if !rng.chance(0.3) {
            continue;
        }
        let near: Vec<&Actor> = research
            .iter()
            .copied()
            .filter(|r| state_of(r) == state_of(s) && s.technologies.iter().any(|t| has_tech(r, t)))
            .collect();
        let pool = if near.is_empty() { &research } else { &near };
        if !pool.is_empty() {
            let parent = rng.pick(pool);
            links.add(&parent.id, &s.id, "spin-off");
        }
    }
    // Investments of corporations in startups, customer relations of corporations.
    for c in companies.iter().filter(|a| a.kind == "corporation") {
        if rng.chance(0.5) && !startups.is_empty() {
            let s = rng.pick(&startups);
            links.add(&c.id, &s.id, "investment");
        }
        for _ in 0..rng.below(3) {
            let supplier = rng.pick(&smes_and_startups);
            links.add(&supplier.id, &c.id, "customer");
        }
    }
    // Partnerships up to about 1.5 links per actor.
    let target = actors.len() * 3 / 2;
    let mut guard = 0;
    while links.list.len() < target && guard < 100_000 {
        guard += 1;
        let a = rng.pick(&companies);
        let b = if rng.chance(0.6) {
            let same: Vec<&Actor> = companies
                .iter()
                .copied()
                .filter(|b| state_of(b) == state_of(a))
                .collect();
            *rng.pick(&same)
        } else {
            *rng.pick(&research)
        };
        links.add(&a.id, &b.id, "partnership");
    }
    links.list
}
