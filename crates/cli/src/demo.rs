//! `ecomap demo [--sources DIR] [--out FILE]`: builds the demo export (public/data/demo.json).
//!
//! Real: the research institutions and networks/partners of `DIR/institutions_sample.csv` and
//! `DIR/networks_sample.csv` (names, kinds, topics, place coordinates, addresses where seen in public sources).
//! Invented: every company, project and link, and every institution's part in a project. Companies are placed
//! at random points inside their region's polygon from `DIR/bb_be_regions_10pct.geojson`.
//!
//! The output is deterministic: one fixed-seed SplitMix64 drives every choice, iteration orders are fixed, and
//! only basic float arithmetic is used (no platform `libm`). The figures of the reference year are exact: 98
//! projects active in 2025, 68,900,000 EUR in total, 42 of them started in 2025.

mod links;
mod projects;
mod sources;
mod words;

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use ecomap_core::regions::{region_info, wire_regions, REGIONS};
use ecomap_core::taxonomy::{wire_sectors, wire_technologies, SECTORS, TECHNOLOGIES};
use ecomap_core::wire::{Actor, Export, Location, Meta, Project, Text, FORMAT_VERSION};

use sources::{read_csv, read_regions, RegionShape};

const USAGE: &str = "usage: ecomap demo [--sources DIR] [--out FILE]
  build the demo export from the real institutions and networks in DIR (default data/sources)
  and write it to FILE (default public/data/demo.json)";

const SEED: u64 = 0xEC0_2025_DE30;
/// Date of the demo data (`meta.date`, every record's `updated`).
const DATE: &str = "2026-11-01";
/// The year whose figures match the cluster's report.
pub const REFERENCE_YEAR: u16 = 2025;
const TARGET_ACTIVE: usize = 98;
const TARGET_VOLUME_EUR: u64 = 68_900_000;
const TARGET_NEW: usize = 42;
/// Volumes are whole multiples of this many EUR.
const VOLUME_UNIT: u64 = 10;

const N_STARTUP: usize = 112;
const N_SME: usize = 126;
const N_CORPORATION: usize = 42;

/// Projects started per year; the reference year's count is `TARGET_NEW`.
const STARTS_PER_YEAR: [(u16, usize); 7] = [
    (2019, 16),
    (2020, 22),
    (2021, 28),
    (2022, 30),
    (2023, 32),
    (2024, 38),
    (REFERENCE_YEAR, TARGET_NEW),
];

/// Invented companies per region (70 % in Berlin); every region gets at least one.
const COMPANIES_PER_REGION: [(&str, usize); 30] = [
    ("11001", 36),
    ("11002", 36),
    ("11003", 20),
    ("11004", 22),
    ("11005", 5),
    ("11006", 10),
    ("11007", 17),
    ("11008", 17),
    ("11009", 15),
    ("11010", 4),
    ("11011", 9),
    ("11012", 5),
    ("12051", 3),
    ("12052", 6),
    ("12053", 4),
    ("12054", 21),
    ("12060", 5),
    ("12061", 7),
    ("12062", 1),
    ("12063", 4),
    ("12064", 3),
    ("12065", 5),
    ("12066", 2),
    ("12067", 4),
    ("12068", 2),
    ("12069", 8),
    ("12070", 1),
    ("12071", 2),
    ("12072", 5),
    ("12073", 1),
];

/// Weights of the companies' primary sector, in the order of `taxonomy::SECTORS`.
const SECTOR_WEIGHTS: [u32; 12] = [26, 5, 9, 10, 7, 6, 9, 8, 4, 3, 3, 10];

/// Technology affinity per sector (rows in `SECTORS` order, columns in `TECHNOLOGIES` order:
/// ai, blockchain, iot, security, vr, ar, xr, ux).
const TECH_AFFINITY: [[u32; 8]; 12] = [
    [10, 4, 6, 7, 1, 1, 1, 4],
    [4, 2, 9, 8, 1, 1, 1, 1],
    [4, 1, 1, 1, 7, 4, 6, 5],
    [6, 1, 1, 1, 5, 3, 7, 3],
    [6, 3, 2, 1, 3, 2, 4, 4],
    [8, 2, 1, 3, 1, 2, 1, 6],
    [7, 1, 2, 1, 2, 6, 3, 7],
    [4, 1, 2, 1, 3, 5, 3, 9],
    [3, 1, 5, 1, 6, 5, 5, 4],
    [4, 6, 1, 1, 4, 4, 4, 3],
    [3, 1, 2, 1, 4, 5, 6, 3],
    [6, 2, 6, 4, 2, 2, 2, 4],
];

const MIN_ACTORS_PER_SECTOR: usize = 8;
const MIN_ACTORS_PER_TECHNOLOGY: usize = 15;

/// Sectors whose projects may be funded by the media funders.
const MEDIA_SECTORS: [&str; 5] = ["film", "games", "music", "publishing", "performing-arts"];

// ---------------------------------------------------------------------------------------------------------
// Random numbers

/// SplitMix64: tiny, fast, and the same sequence on every platform.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    /// Uniform in 0..n (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (((self.next_u64() >> 32) * n as u64) >> 32) as usize
    }
    /// Uniform in lo..=hi.
    fn range(&mut self, lo: u16, hi: u16) -> u16 {
        lo + self.below(usize::from(hi - lo) + 1) as u16
    }
    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    /// An index chosen with probability proportional to its weight (some weight must be positive).
    fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u64 = weights.iter().map(|&w| u64::from(w)).sum();
        let mut r = (self.next_u64() >> 11) % total.max(1);
        for (i, &w) in weights.iter().enumerate() {
            if r < u64::from(w) {
                return i;
            }
            r -= u64::from(w);
        }
        weights.len() - 1
    }
    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

// ---------------------------------------------------------------------------------------------------------
// Command

pub fn run(args: &[String]) -> Result<ExitCode, String> {
    let mut sources = PathBuf::from("data/sources");
    let mut out = PathBuf::from("public/data/demo.json");
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--sources" => sources = it.next().ok_or("--sources needs a directory")?.into(),
            "--out" => out = it.next().ok_or("--out needs a file")?.into(),
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            other => return Err(format!("demo: unexpected argument `{other}`\n{USAGE}")),
        }
    }
    let export = build(&sources)?;
    let json = to_json(&export)?;
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    std::fs::write(&out, &json).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    eprintln!("{}", summary(&export));
    eprintln!("wrote {} ({} bytes)", out.display(), json.len());
    Ok(ExitCode::SUCCESS)
}

/// Pretty JSON with a 1-space indent and a final newline.
fn to_json(export: &Export) -> Result<Vec<u8>, String> {
    use serde::Serialize;
    let mut buf = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, serde_json::ser::PrettyFormatter::with_indent(b" "));
    export
        .serialize(&mut ser)
        .map_err(|e| format!("cannot serialise the demo: {e}"))?;
    buf.push(b'\n');
    Ok(buf)
}

/// Figures per year and counts by kind, for the terminal.
fn summary(export: &Export) -> String {
    let mut s = String::from("year  active  volume EUR    new\n");
    let first = export.projects.iter().map(|p| p.start).min().unwrap_or(REFERENCE_YEAR);
    let last = export.projects.iter().map(|p| p.end).max().unwrap_or(REFERENCE_YEAR);
    for y in first..=last {
        let active: Vec<&Project> = export.projects.iter().filter(|p| p.start <= y && y <= p.end).collect();
        let volume: u64 = active.iter().map(|p| p.volume).sum();
        let new = active.iter().filter(|p| p.start == y).count();
        s.push_str(&format!("{y}  {:>6}  {volume:>12}  {new:>4}\n", active.len()));
    }
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    for a in &export.actors {
        *kinds.entry(a.kind.as_str()).or_default() += 1;
    }
    let kinds: Vec<String> = kinds.iter().map(|(k, n)| format!("{k} {n}")).collect();
    s.push_str(&format!(
        "actors {} ({}), projects {}, links {}",
        export.actors.len(),
        kinds.join(", "),
        export.projects.len(),
        export.links.len()
    ));
    s
}

/// Builds the whole demo export from the files in `sources`.
pub fn build(sources: &Path) -> Result<Export, String> {
    let regions = read_regions(&sources.join("bb_be_regions_10pct.geojson"))?;
    for r in &REGIONS {
        if !regions.iter().any(|s| s.key == r.key) {
            return Err(format!(
                "the regions file has no polygon for region {} ({})",
                r.key, r.name
            ));
        }
    }
    let mut rng = Rng(SEED);
    let mut actors = institutions(&sources.join("institutions_sample.csv"), &regions)?;
    let n_institutions = actors.len();
    actors.extend(networks(&sources.join("networks_sample.csv"), &regions)?);
    let n_real = actors.len();
    actors.extend(companies(&mut rng, &regions)?);
    ensure_coverage(&mut actors[n_real..]);
    for a in &mut actors[n_real..] {
        a.description = Some(company_description(a));
    }
    let projects = projects::projects(&mut rng, &actors)?;
    let links = links::links(&mut rng, &actors);

    let mut technologies = wire_technologies();
    for (t, w) in technologies.iter_mut().zip(words::TECH_WORDS.iter()) {
        if t.id == w.id {
            t.description = Some(Text::new(w.description_de, w.description_en));
        }
    }
    let n_networks = n_real - n_institutions;
    Ok(Export {
        meta: meta(n_institutions, n_networks),
        technologies,
        sectors: wire_sectors(),
        regions: wire_regions(),
        actors,
        projects,
        links,
    })
}

fn meta(n_institutions: usize, n_networks: usize) -> Meta {
    Meta {
        format_version: FORMAT_VERSION.to_string(),
        title: Text::new(
            "Ökosystem IKT, Medien und Kreativwirtschaft Berlin-Brandenburg (Demo)",
            "ICT, Media and Creative Industries ecosystem Berlin-Brandenburg (demo)",
        ),
        date: DATE.to_string(),
        source: "Built by `ecomap demo` from data/sources: institutions_sample.csv, networks_sample.csv \
                 (public sources, GeoNames place coordinates) and bb_be_regions_10pct.geojson \
                 (© GeoBasis-DE / BKG (VG250), Daten verändert; Geoportal Berlin / Ortsteile)"
            .to_string(),
        licence: "Names of the research institutions, networks and partners: public sources; their place \
                  coordinates: GeoNames (CC BY 4.0) or approximate place centroids. Everything else (companies, projects, links) is invented \
                  for the demo and released under CC0 1.0."
            .to_string(),
        languages: vec!["de".to_string(), "en".to_string()],
        notes: Some(Text::new(
            format!(
                "Demodaten. Echt sind nur die Namen und ungefähren Standorte (Ortsteil- bzw. Ortsmittelpunkte \
                 aus GeoNames) der {n_institutions} Hochschulen und Forschungseinrichtungen und der {n_networks} \
                 Netzwerke und Partner, bei einigen auch Anschrift und Website. Erfunden sind alle Unternehmen \
                 (ihre Websites liegen unter der reservierten Domain .example), alle Projekte, alle Verbindungen \
                 und jede Beteiligung einer Einrichtung an einem Projekt. Die Zahlen für {REFERENCE_YEAR} \
                 (98 laufende Projekte, 68,9 Mio. EUR, 42 neu) entsprechen den Jahreszahlen, die das Cluster \
                 berichtet; die Projekte dahinter sind erfunden."
            ),
            format!(
                "Demo data. Only the names and approximate locations (district or town centroids from \
                 GeoNames) of the {n_institutions} universities and research institutions and the {n_networks} \
                 networks and partners are real, for some also the street address and website. All companies \
                 (their websites use the reserved .example domain), all projects, all links and every \
                 institution's participation in a project are invented. The figures for {REFERENCE_YEAR} \
                 (98 running projects, 68.9 million EUR, 42 new) match the yearly figures the cluster reports; \
                 the projects behind them are invented."
            ),
        )),
        reference_year: Some(REFERENCE_YEAR),
        contact: None,
    }
}

// ---------------------------------------------------------------------------------------------------------
// Real actors

/// The region whose polygon contains the point; else the one with the nearest bounding box (with a warning).
fn region_of(regions: &[RegionShape], lon: f64, lat: f64, what: &str) -> String {
    if let Some(r) = regions.iter().find(|r| r.contains(lon, lat)) {
        return r.key.clone();
    }
    let dist = |r: &RegionShape| {
        let dx = (r.bbox[0] - lon).max(lon - r.bbox[2]).max(0.0);
        let dy = (r.bbox[1] - lat).max(lat - r.bbox[3]).max(0.0);
        dx * dx + dy * dy
    };
    let best = regions
        .iter()
        .min_by(|a, b| dist(a).total_cmp(&dist(b)))
        .map(|r| r.key.clone())
        .unwrap_or_default();
    eprintln!("warning: {what} ({lon}, {lat}) lies in no region polygon; using the nearest, {best}");
    best
}

fn topic_words(topic: &str) -> (String, String) {
    words::TOPICS
        .iter()
        .find(|(t, _, _)| t.eq_ignore_ascii_case(topic))
        .map(|(_, de, en)| (de.to_string(), en.to_string()))
        .unwrap_or_else(|| (topic.to_string(), topic.to_string()))
}

/// Technology ids a CSV topic stands for (AI, security, IoT, blockchain, VR/AR/XR, design/usability).
fn topic_technology(topic: &str) -> Option<&'static str> {
    let first = topic.split([' ', '/']).next().unwrap_or_default().to_ascii_lowercase();
    match first.as_str() {
        "ai" => Some("ai"),
        "security" => Some("security"),
        "iot" => Some("iot"),
        "blockchain" => Some("blockchain"),
        "vr" => Some("vr"),
        "ar" => Some("ar"),
        "xr" => Some("xr"),
        "design" | "usability" | "ux" => Some("ux"),
        _ => None,
    }
}

/// Sector ids a CSV topic clearly belongs to.
fn topic_sector(topic: &str) -> Option<&'static str> {
    match topic.to_ascii_lowercase().as_str() {
        "games" => Some("games"),
        "film" => Some("film"),
        "design" => Some("design"),
        "software" | "it" | "cs" => Some("software"),
        "5g" | "wireless" => Some("telecom"),
        _ => None,
    }
}

fn push_unique(v: &mut Vec<String>, s: &str) {
    if !v.iter().any(|x| x == s) {
        v.push(s.to_string());
    }
}

/// "Berlin-Charlottenburg" for a Berlin Ortsteil, the place itself otherwise.
fn place_name(state: &str, place: &str) -> String {
    if state == "BE" && place != "Berlin" {
        format!("Berlin-{place}")
    } else {
        place.to_string()
    }
}

fn round5(x: f64) -> f64 {
    (x * 100_000.0).round() / 100_000.0
}

fn institutions(path: &Path, regions: &[RegionShape]) -> Result<Vec<Actor>, String> {
    let file = path
        .file_name()
        .and_then(|f| f.to_str())
        .unwrap_or("institutions_sample.csv");
    let mut actors = Vec::new();
    for row in read_csv(path)? {
        let id = row.get("id")?.to_string();
        let name = row.get("name")?.to_string();
        let csv_kind = row.get("kind")?;
        let kind = if csv_kind.starts_with("university") {
            "university"
        } else {
            "research"
        };
        let topics: Vec<&str> = row
            .get("topics")?
            .split(';')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .collect();
        let mut technologies = Vec::new();
        let mut sectors = Vec::new();
        for t in &topics {
            if let Some(tech) = topic_technology(t) {
                push_unique(&mut technologies, tech);
            }
            if let Some(sector) = topic_sector(t) {
                push_unique(&mut sectors, sector);
            }
        }
        let (lat, lon) = (row.num("lat")?, row.num("lon")?);
        let state = row.get("state")?;
        let place = place_name(state, row.get("place")?);
        let (kind_de, kind_en) = words::INSTITUTION_KINDS
            .iter()
            .find(|(k, _, _)| *k == csv_kind)
            .map(|(_, de, en)| (de.to_string(), en.to_string()))
            .unwrap_or_else(|| (csv_kind.to_string(), csv_kind.to_string()));
        let (topics_de, topics_en): (Vec<String>, Vec<String>) = topics.iter().map(|t| topic_words(t)).unzip();
        let description = Text::new(
            format!("{kind_de} in {place}; Schwerpunkte: {}", topics_de.join(", ")),
            format!("{kind_en} in {place}; focus: {}", topics_en.join(", ")),
        );
        let address = match row.get("address_seen_in_public_source")? {
            "yes" => Some(row.get("address")?.to_string()).filter(|a| !a.is_empty()),
            _ => None,
        };
        let coord_source = row.get("coord_source")?;
        let coord_source = coord_source.split(" via ").next().unwrap_or(coord_source);
        actors.push(Actor {
            website: words::WEBSITES
                .iter()
                .find(|(k, _)| *k == id)
                .map(|(_, w)| w.to_string()),
            location: Some(Location {
                lon: Some(lon),
                lat: Some(lat),
                address,
                region: Some(region_of(regions, lon, lat, &id)),
            }),
            id,
            name,
            kind: kind.to_string(),
            sectors,
            technologies,
            description: Some(description),
            source: Some(format!("{file} (name and topics from public sources; {coord_source})")),
            updated: Some(DATE.to_string()),
            ..Actor::default()
        });
    }
    Ok(actors)
}

fn networks(path: &Path, regions: &[RegionShape]) -> Result<Vec<Actor>, String> {
    let file = path
        .file_name()
        .and_then(|f| f.to_str())
        .unwrap_or("networks_sample.csv");
    let mut actors = Vec::new();
    for row in read_csv(path)? {
        let id = row.get("id")?.to_string();
        let kind = match row.get("kind")? {
            "public" => "public",
            _ => "network",
        };
        let role = row.get("role")?;
        let role_de = words::ROLES
            .iter()
            .find(|(en, _)| *en == role)
            .map(|(_, de)| *de)
            .unwrap_or(role);
        let place = place_name(row.get("state")?, row.get("place")?);
        let mut sectors = Vec::new();
        let lower = role.to_ascii_lowercase();
        for (word, sector) in [("film", "film"), ("music", "music"), ("digital economy", "software")] {
            if lower.contains(word) {
                push_unique(&mut sectors, sector);
            }
        }
        let (lat, lon) = (row.num("lat")?, row.num("lon")?);
        let mut role_en = role.to_string();
        if let Some(first) = role_en.get(..1) {
            role_en = format!("{}{}", first.to_uppercase(), &role_en[1..]);
        }
        actors.push(Actor {
            website: words::WEBSITES
                .iter()
                .find(|(k, _)| *k == id)
                .map(|(_, w)| w.to_string()),
            location: Some(Location {
                lon: Some(lon),
                lat: Some(lat),
                address: None,
                region: Some(region_of(regions, lon, lat, &id)),
            }),
            id,
            name: row.get("name")?.to_string(),
            kind: kind.to_string(),
            sectors,
            description: Some(Text::new(
                format!("{role_de} ({place})"),
                format!("{role_en} ({place})"),
            )),
            source: Some(format!(
                "{file} (name and role from public sources; {})",
                row.get("coord_source")?
            )),
            updated: Some(DATE.to_string()),
            ..Actor::default()
        });
    }
    Ok(actors)
}

// ---------------------------------------------------------------------------------------------------------
// Invented companies

/// A lower-case ASCII slug: umlauts transliterated, everything else non-alphanumeric becomes one `-`.
fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.to_lowercase().chars() {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            c if c.is_ascii_alphanumeric() => out.push(c),
            _ => {
                if !out.is_empty() && !out.ends_with('-') {
                    out.push('-');
                }
            }
        }
    }
    out.trim_end_matches('-').to_string()
}

fn sector_index(id: &str) -> usize {
    SECTORS
        .iter()
        .position(|(s, _, _)| *s == id)
        .unwrap_or(SECTORS.len() - 1)
}

/// A random point strictly inside the region's polygon (rejection sampling in its bounding box).
fn point_in(rng: &mut Rng, region: &RegionShape) -> Result<(f64, f64), String> {
    let [x0, y0, x1, y1] = region.bbox;
    for _ in 0..100_000 {
        let lon = round5(x0 + (x1 - x0) * rng.unit());
        let lat = round5(y0 + (y1 - y0) * rng.unit());
        if region.contains(lon, lat) {
            return Ok((lon, lat));
        }
    }
    Err(format!("could not place a point inside region {}", region.key))
}

fn companies(rng: &mut Rng, regions: &[RegionShape]) -> Result<Vec<Actor>, String> {
    let mut kinds: Vec<&str> = std::iter::repeat_n("startup", N_STARTUP)
        .chain(std::iter::repeat_n("sme", N_SME))
        .chain(std::iter::repeat_n("corporation", N_CORPORATION))
        .collect();
    rng.shuffle(&mut kinds);
    let mut slots: Vec<&str> = COMPANIES_PER_REGION
        .iter()
        .flat_map(|(k, n)| std::iter::repeat_n(*k, *n))
        .collect();
    if slots.len() != kinds.len() {
        return Err(format!("{} region slots for {} companies", slots.len(), kinds.len()));
    }
    rng.shuffle(&mut slots);

    let mut used_stems = HashSet::new();
    let mut out = Vec::new();
    for (kind, region_key) in kinds.into_iter().zip(slots) {
        let region = regions
            .iter()
            .find(|r| r.key == region_key)
            .ok_or_else(|| format!("no region {region_key}"))?;
        // Sectors: a primary one, sometimes a second.
        let primary = rng.weighted(&SECTOR_WEIGHTS);
        let mut sectors = vec![SECTORS[primary].0.to_string()];
        if rng.chance(0.45) {
            let mut w = SECTOR_WEIGHTS;
            w[primary] = 0;
            sectors.push(SECTORS[rng.weighted(&w)].0.to_string());
        }
        // Technologies by the primary sector's affinity, 1-3 of them.
        let n_tech = 1 + rng.weighted(&[4, 4, 2]);
        let mut w = TECH_AFFINITY[primary];
        let mut technologies = Vec::new();
        for _ in 0..n_tech {
            let t = rng.weighted(&w);
            w[t] = 0;
            technologies.push(TECHNOLOGIES[t].0.to_string());
        }
        // A fictional name.
        let stem = loop {
            let a = rng.pick(words::STEM_A);
            let b = rng.pick(words::STEM_B);
            let stem = format!("{a}{b}");
            if !a.to_lowercase().contains(b) && used_stems.insert(stem.clone()) {
                break stem;
            }
        };
        let descriptors = words::DESCRIPTORS
            .iter()
            .find(|(s, _)| *s == SECTORS[primary].0)
            .map_or(&["Digital"][..], |d| d.1);
        let descriptor = rng.pick(descriptors);
        let legal = match kind {
            "startup" => rng.pick(words::LEGAL_STARTUP),
            "sme" => rng.pick(words::LEGAL_SME),
            _ => rng.pick(words::LEGAL_CORPORATION),
        };
        let base = format!("{stem} {descriptor}");
        let name = if legal.is_empty() {
            base.clone()
        } else {
            format!("{base} {legal}")
        };
        let id = slug(&base);
        let (founded, size) = match kind {
            "startup" => (
                rng.range(2015, 2025),
                ["1-9", "10-49", "50-249"][rng.weighted(&[12, 7, 1])],
            ),
            "sme" => (
                rng.range(1990, 2022),
                ["1-9", "10-49", "50-249"][rng.weighted(&[2, 5, 3])],
            ),
            _ => (rng.range(1990, 2015), ["50-249", "250+"][rng.weighted(&[1, 4])]),
        };
        let (lon, lat) = point_in(rng, region)?;
        out.push(Actor {
            website: Some(format!("https://{id}.example")),
            id,
            name,
            kind: kind.to_string(),
            sectors,
            technologies,
            location: Some(Location {
                lon: Some(lon),
                lat: Some(lat),
                address: None,
                region: Some(region.key.clone()),
            }),
            description: None,
            founded: Some(founded),
            size: Some(size.to_string()),
            source: Some("invented for the ecomap demo".to_string()),
            updated: Some(DATE.to_string()),
            fictional: true,
            position: None,
        });
    }
    Ok(out)
}

/// Makes sure every sector and technology is used by enough companies (adds them where there is room).
fn ensure_coverage(companies: &mut [Actor]) {
    let sectors = SECTORS.iter().map(|(key, _, _)| *key);
    cover(companies, sectors, MIN_ACTORS_PER_SECTOR, 2, |a| &mut a.sectors);
    let technologies = TECHNOLOGIES.iter().map(|(key, _, _)| *key);
    cover(companies, technologies, MIN_ACTORS_PER_TECHNOLOGY, 3, |a| {
        &mut a.technologies
    });
}

/// For each key: while fewer than `min` companies list it, adds it to the next company (in order) that lists
/// fewer than `max_per_actor` keys and not this one.
fn cover<'k>(
    companies: &mut [Actor],
    keys: impl Iterator<Item = &'k str>,
    min: usize,
    max_per_actor: usize,
    list: impl Fn(&mut Actor) -> &mut Vec<String>,
) {
    for key in keys {
        let mut count = companies
            .iter_mut()
            .map(&list)
            .filter(|l| l.iter().any(|k| k == key))
            .count();
        for a in companies.iter_mut() {
            if count >= min {
                break;
            }
            let l = list(a);
            if l.len() < max_per_actor && !l.iter().any(|k| k == key) {
                l.push(key.to_string());
                count += 1;
            }
        }
    }
}

/// "a", "a und b", "a, b und c".
fn join_and(items: &[&str], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}

fn tech_words(id: &str) -> &'static words::TechWords {
    words::TECH_WORDS
        .iter()
        .find(|w| w.id == id)
        .unwrap_or(&words::TECH_WORDS[0])
}

fn company_description(a: &Actor) -> Text {
    let (kind_de, kind_en) = match a.kind.as_str() {
        "startup" => ("Fiktives Start-up", "Fictional start-up"),
        "sme" => (
            "Fiktives mittelständisches Unternehmen",
            "Fictional small or medium-sized company",
        ),
        _ => ("Fiktiver Konzern", "Fictional corporation"),
    };
    let products_de: Vec<&str> = a.technologies.iter().map(|t| tech_words(t).products_de).collect();
    let products_en: Vec<&str> = a.technologies.iter().map(|t| tech_words(t).products_en).collect();
    let sectors_de: Vec<&str> = a.sectors.iter().map(|s| SECTORS[sector_index(s)].1).collect();
    let sectors_en: Vec<String> = a
        .sectors
        .iter()
        .map(|s| lower_first(SECTORS[sector_index(s)].2))
        .collect();
    let sectors_en: Vec<&str> = sectors_en.iter().map(String::as_str).collect();
    let (bereich, sector_word) = if a.sectors.len() > 1 {
        ("die Bereiche", "sectors")
    } else {
        ("den Bereich", "sector")
    };
    let region = a
        .location
        .as_ref()
        .and_then(|l| l.region.as_deref())
        .and_then(region_info)
        .map_or("", |r| r.name);
    Text::new(
        format!(
            "{kind_de} für die Demo: entwickelt {} für {bereich} {}. Sitz: {region}.",
            join_and(&products_de, "und"),
            join_and(&sectors_de, "und")
        ),
        format!(
            "{kind_en} for the demo: develops {} for the {} {sector_word}. Based in {region}.",
            join_and(&products_en, "and"),
            join_and(&sectors_en, "and")
        ),
    )
}

// ---------------------------------------------------------------------------------------------------------
// Helpers shared by projects and links

fn is_company(a: &Actor) -> bool {
    matches!(a.kind.as_str(), "startup" | "sme" | "corporation")
}
fn is_research(a: &Actor) -> bool {
    matches!(a.kind.as_str(), "university" | "research")
}
fn is_network(a: &Actor) -> bool {
    matches!(a.kind.as_str(), "network" | "public")
}
fn state_of(a: &Actor) -> &'static str {
    match a.location.as_ref().and_then(|l| l.region.as_deref()) {
        Some(k) if k.starts_with("11") => "BE",
        _ => "BB",
    }
}
fn has_tech(a: &Actor, tech: &str) -> bool {
    a.technologies.iter().any(|t| t == tech)
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii() {
        assert_eq!(slug("Müggelpixel Studios"), "mueggelpixel-studios");
        assert_eq!(slug("Fläming & Co."), "flaeming-co");
    }

    #[test]
    fn rng_is_stable() {
        let mut r = Rng(1);
        let a: Vec<u64> = (0..3).map(|_| r.next_u64()).collect();
        let mut r = Rng(1);
        let b: Vec<u64> = (0..3).map(|_| r.next_u64()).collect();
        assert_eq!(a, b);
        assert!((0..1000).all(|_| r.below(7) < 7));
    }

    #[test]
    fn titles_agree_in_gender() {
        let mut rng = Rng(7);
        let mut used = HashSet::new();
        for _ in 0..50 {
            let t = projects::project_title(&mut rng, &["ai".to_string()], "film", &mut used);
            assert!(!t.de.contains("KI-gestütztee"));
            assert!(!t.en.is_empty());
        }
    }
}
