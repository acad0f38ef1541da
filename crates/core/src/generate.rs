//! Deterministic synthetic exports for benchmarks and tests: `generate(actors, seed)`.
//!
//! Uses its own SplitMix64 (no `rand`: same bytes on every platform and version). Every record is marked
//! fictional and named so nobody mistakes it for a real organisation ("Kavoro 00017 GmbH").

use std::collections::HashSet;

use crate::model::{ActorKind, LinkKind};
use crate::regions::wire_regions;
use crate::taxonomy::{wire_sectors, wire_technologies, SECTORS, TECHNOLOGIES};
use crate::wire::{self, Text};

/// SplitMix64: tiny, fast, good enough for synthetic data; public so tests can drive property loops.
#[derive(Clone, Debug)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (`n > 0`; returns 0 for `n == 0`).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        (((self.next_u64() >> 11) as u128 * n as u128) >> 53) as usize
    }
    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below((hi - lo + 1) as usize) as u64
    }
    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
    /// An index drawn with the given weights (not all zero).
    pub fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut x = self.below(total as usize) as u32;
        for (i, &w) in weights.iter().enumerate() {
            if x < w {
                return i;
            }
            x -= w;
        }
        weights.len().saturating_sub(1)
    }
}

/// (lon, lat, jitter radius km, weight) per region, in `regions::REGIONS` order: a plausible centre of
/// activity; Berlin's Bezirke carry most weight, as in the real ecosystem.
const REGION_CENTRES: [(f64, f64, f64, u32); 30] = [
    (13.375, 52.530, 3.0, 100), // Mitte
    (13.435, 52.503, 2.5, 100), // Friedrichshain-Kreuzberg
    (13.420, 52.580, 3.5, 55),  // Pankow
    (13.290, 52.505, 3.0, 65),  // Charlottenburg-Wilmersdorf
    (13.185, 52.540, 3.0, 15),  // Spandau
    (13.245, 52.435, 3.5, 35),  // Steglitz-Zehlendorf
    (13.375, 52.460, 3.0, 45),  // Tempelhof-Schöneberg
    (13.445, 52.460, 3.0, 40),  // Neukölln
    (13.580, 52.430, 4.0, 35),  // Treptow-Köpenick (Adlershof)
    (13.580, 52.530, 3.0, 12),  // Marzahn-Hellersdorf
    (13.495, 52.520, 3.0, 25),  // Lichtenberg
    (13.300, 52.595, 3.5, 15),  // Reinickendorf
    (12.550, 52.410, 3.0, 10),  // Brandenburg an der Havel
    (14.330, 51.760, 3.0, 18),  // Cottbus
    (14.530, 52.340, 3.0, 10),  // Frankfurt (Oder)
    (13.065, 52.395, 3.5, 60),  // Potsdam
    (13.780, 52.800, 8.0, 8),   // Barnim
    (13.700, 52.150, 8.0, 10),  // Dahme-Spreewald
    (13.450, 51.620, 8.0, 3),   // Elbe-Elster
    (12.750, 52.600, 8.0, 7),   // Havelland
    (14.050, 52.580, 8.0, 7),   // Märkisch-Oderland
    (13.230, 52.780, 8.0, 9),   // Oberhavel
    (13.950, 51.540, 7.0, 4),   // Oberspreewald-Lausitz
    (14.120, 52.280, 8.0, 7),   // Oder-Spree
    (12.750, 52.930, 8.0, 3),   // Ostprignitz-Ruppin
    (12.800, 52.250, 8.0, 9),   // Potsdam-Mittelmark
    (11.900, 53.080, 7.0, 2),   // Prignitz
    (14.550, 51.660, 7.0, 3),   // Spree-Neiße
    (13.230, 52.120, 8.0, 8),   // Teltow-Fläming
    (13.950, 53.200, 8.0, 3),   // Uckermark
];

/// Per mille of each kind, in `ActorKind::ALL` order: mostly SMEs and startups, some corporations,
/// about 2% research and universities, about 1% networks and public bodies.
const KIND_WEIGHTS: [u32; 7] = [360, 440, 170, 12, 8, 6, 4];

const SYLLABLES: [&str; 24] = [
    "ka", "vo", "ro", "mi", "len", "ta", "ber", "no", "su", "dex", "lu", "qua", "tri", "zen", "fa", "mo", "ri", "sel",
    "ga", "pol", "ix", "ne", "do", "wa",
];

const PROGRAMMES: [&str; 6] = ["ProFIT", "EFRE", "ZIM", "Horizon Europe", "BMBF KMU-innovativ", "GRW"];

fn syllable_name(rng: &mut SplitMix64) -> String {
    let k = 2 + rng.below(2);
    let mut s = String::new();
    for _ in 0..k {
        s.push_str(SYLLABLES[rng.below(SYLLABLES.len())]);
    }
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => s,
    }
}

fn actor_name(rng: &mut SplitMix64, kind: ActorKind, i: usize) -> String {
    let stem = syllable_name(rng);
    match kind {
        ActorKind::Startup => {
            let suffix = ["Labs", "GmbH", "UG", "Technologies"][rng.below(4)];
            format!("{stem} {i:05} {suffix}")
        }
        ActorKind::Sme => {
            let suffix = ["GmbH", "GmbH & Co. KG", "Studio GmbH", "Medien GmbH"][rng.below(4)];
            format!("{stem} {i:05} {suffix}")
        }
        ActorKind::Corporation => format!("{stem} {i:05} {}", ["AG", "SE"][rng.below(2)]),
        ActorKind::Research => format!("Institut für {stem} {i:05}"),
        ActorKind::University => format!("{} {stem} {i:05}", ["Universität", "Hochschule"][rng.below(2)]),
        ActorKind::Network => format!("Netzwerk {stem} {i:05} e.V."),
        ActorKind::Public => format!("Agentur {stem} {i:05}"),
    }
}

/// A synthetic export with `actors` actors, about `actors / 5` projects (2019-2025, 2-6 participants,
/// 50k-5M EUR) and about 3 links per actor (no self-links, no pair twice). Same seed, same export.
pub fn generate(actors: usize, seed: u64) -> wire::Export {
    let mut rng = SplitMix64::new(seed ^ 0x6563_6f6d_6170); // "ecomap"
    let n = actors;
    let regions = wire_regions();
    let region_weights: Vec<u32> = REGION_CENTRES.iter().map(|r| r.3).collect();

    let mut kinds = Vec::with_capacity(n);
    let mut out_actors = Vec::with_capacity(n);
    for i in 0..n {
        let kind = ActorKind::ALL[rng.weighted(&KIND_WEIGHTS)];
        kinds.push(kind);
        let ri = rng.weighted(&region_weights);
        let (lon, lat, radius_km, _) = REGION_CENTRES[ri];
        // Uniform in a disc of the region's radius.
        let r = radius_km * rng.unit().sqrt();
        let phi = rng.unit() * std::f64::consts::TAU;
        let dlat = r * phi.sin() / 111.2;
        let dlon = r * phi.cos() / (111.2 * lat.to_radians().cos());
        let round6 = |x: f64| (x * 1e6).round() / 1e6;
        let n_tech = 1 + rng.weighted(&[55, 35, 10]);
        let mut technologies: Vec<String> = Vec::new();
        while technologies.len() < n_tech {
            // AI and security are the most common fields.
            let t = TECHNOLOGIES[rng.weighted(&[30, 6, 16, 18, 8, 7, 5, 10])].0.to_string();
            if !technologies.contains(&t) {
                technologies.push(t);
            }
        }
        let n_sect = 1 + rng.weighted(&[70, 30]);
        let mut sectors: Vec<String> = Vec::new();
        while sectors.len() < n_sect {
            let s = SECTORS[rng.weighted(&[30, 6, 8, 8, 5, 5, 10, 8, 4, 3, 3, 10])]
                .0
                .to_string();
            if !sectors.contains(&s) {
                sectors.push(s);
            }
        }
        let (founded_lo, founded_hi, sizes): (u64, u64, &[&str]) = match kind {
            ActorKind::Startup => (2014, 2025, &["1-9", "10-49"]),
            ActorKind::Sme => (1990, 2020, &["1-9", "10-49", "50-249"]),
            ActorKind::Corporation => (1950, 2015, &["250+"]),
            ActorKind::Research | ActorKind::University => (1810, 1995, &["250+", "50-249"]),
            ActorKind::Network | ActorKind::Public => (1990, 2022, &["1-9", "10-49"]),
        };
        let founded = (!rng.chance(0.1)).then(|| rng.range(founded_lo, founded_hi) as u16);
        let size = (!rng.chance(0.15)).then(|| sizes[rng.below(sizes.len())].to_string());
        let key = format!("a{i:05}");
        let (lon, lat) = (round6(lon + dlon), round6(lat + dlat));
        // The jittered point may cross into a neighbouring region: name the region it really lies in.
        let region = crate::geo::region_at(crate::model::LonLat { lon, lat }).unwrap_or(&regions[ri].id);
        out_actors.push(wire::Actor {
            name: actor_name(&mut rng, kind, i),
            kind: kind.key().to_string(),
            sectors,
            technologies,
            location: Some(wire::Location {
                lon: Some(lon),
                lat: Some(lat),
                address: None,
                region: Some(region.to_string()),
            }),
            website: Some(format!("https://{key}.example.org/")),
            // No description, source or updated date: `fictional` marks the record; the export stays compact.
            description: None,
            founded,
            size,
            source: None,
            updated: None,
            fictional: true,
            position: None,
            id: key,
        });
    }

    // Research bodies, universities and corporations take part in projects more often.
    let hubs: Vec<usize> = (0..n)
        .filter(|&i| {
            matches!(
                kinds[i],
                ActorKind::Research | ActorKind::University | ActorKind::Corporation
            )
        })
        .collect();
    let n_projects = if n >= 2 { (n / 5).max(1) } else { 0 };
    let mut projects = Vec::with_capacity(n_projects);
    for pi in 0..n_projects {
        let start = rng.range(2019, 2025) as u16;
        let end = start + rng.range(0, 3) as u16;
        // Log-uniform 50k..5M, rounded to 1,000 EUR.
        let volume = ((50_000f64 * 100f64.powf(rng.unit())) / 1000.0).round() as u64 * 1000;
        let k = (2 + rng.below(5)).min(n);
        let mut parts: Vec<usize> = Vec::with_capacity(k);
        while parts.len() < k {
            let a = if !hubs.is_empty() && rng.chance(0.3) {
                hubs[rng.below(hubs.len())]
            } else {
                rng.below(n)
            };
            if !parts.contains(&a) {
                parts.push(a);
            }
        }
        let n_tech = 1 + rng.weighted(&[70, 30]);
        let mut technologies: Vec<String> = Vec::new();
        while technologies.len() < n_tech {
            let t = TECHNOLOGIES[rng.below(TECHNOLOGIES.len())].0.to_string();
            if !technologies.contains(&t) {
                technologies.push(t);
            }
        }
        let status = if end < 2025 {
            "completed"
        } else if start == 2025 {
            "new"
        } else {
            "ongoing"
        };
        let word = syllable_name(&mut rng);
        projects.push(wire::Project {
            id: format!("p{pi:05}"),
            title: Text::new(format!("Projekt {word} {pi:05}"), format!("Project {word} {pi:05}")),
            start,
            end,
            status: Some(status.to_string()),
            volume,
            programme: Some(PROGRAMMES[rng.below(PROGRAMMES.len())].to_string()),
            technologies,
            participants: parts
                .iter()
                .enumerate()
                .map(|(j, &a)| wire::Participant {
                    actor: out_actors[a].id.clone(),
                    role: if j == 0 { "lead" } else { "partner" }.to_string(),
                })
                .collect(),
            fictional: true,
        });
    }

    // About 3 links per actor; an unordered pair appears at most once.
    let networks: Vec<usize> = (0..n).filter(|&i| kinds[i] == ActorKind::Network).collect();
    let max_links = n.saturating_mul(n.saturating_sub(1)) / 2;
    let want = (3 * n).min(max_links);
    let mut seen: HashSet<(usize, usize)> = HashSet::with_capacity(want);
    let mut links = Vec::with_capacity(want);
    let mut source = 0usize;
    let mut attempts = 0usize;
    while links.len() < want && attempts < want * 20 {
        attempts += 1;
        let s = source % n;
        source += 1;
        let (t, kind) = if !networks.is_empty() && rng.chance(0.15) {
            (networks[rng.below(networks.len())], LinkKind::Membership)
        } else {
            let kind = [
                LinkKind::Partnership,
                LinkKind::SpinOff,
                LinkKind::Investment,
                LinkKind::Customer,
                LinkKind::Other,
            ][rng.weighted(&[45, 5, 10, 30, 10])];
            (rng.below(n), kind)
        };
        if s == t || !seen.insert((s.min(t), s.max(t))) {
            continue;
        }
        links.push(wire::Link {
            source: out_actors[s].id.clone(),
            target: out_actors[t].id.clone(),
            kind: kind.key().to_string(),
        });
    }

    wire::Export {
        meta: wire::Meta {
            format_version: wire::FORMAT_VERSION.to_string(),
            title: Text::new(
                format!("Synthetisches Ökosystem ({n} Akteure)"),
                format!("Synthetic ecosystem ({n} actors)"),
            ),
            date: "2025-11-25".to_string(),
            source: format!("ecomap generate --actors {n} --seed {seed}"),
            licence: "CC0-1.0".to_string(),
            languages: vec!["de".to_string(), "en".to_string()],
            notes: Some(Text::new(
                "Synthetische Testdaten: alle Akteure, Projekte und Verbindungen sind erfunden.",
                "Synthetic test data: every actor, project and link is invented.",
            )),
            reference_year: Some(2025),
            contact: None,
        },
        technologies: wire_technologies(),
        sectors: wire_sectors(),
        regions,
        actors: out_actors,
        projects,
        links,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::regions::REGIONS;

    #[test]
    fn region_centres_match_regions() {
        assert_eq!(REGION_CENTRES.len(), REGIONS.len());
        for (c, r) in REGION_CENTRES.iter().zip(REGIONS.iter()) {
            let berlin = r.key.starts_with("11");
            assert_eq!(
                berlin,
                c.0 > 13.08 && c.0 < 13.77 && c.1 > 52.33 && c.1 < 52.68,
                "{}",
                r.name
            );
        }
    }

    #[test]
    fn below_stays_in_range() {
        let mut r = SplitMix64::new(7);
        assert!((0..10_000).all(|_| r.below(3) < 3));
        assert_eq!(r.below(0), 0);
    }

    #[test]
    fn tiny_sizes_do_not_hang() {
        for n in 0..5 {
            let e = generate(n, 1);
            assert_eq!(e.actors.len(), n);
            assert!(e.links.len() <= n * n.saturating_sub(1) / 2);
        }
    }
}
