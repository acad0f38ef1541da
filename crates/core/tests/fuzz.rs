//! Fuzzing on stable Rust (issue 16, item 8): the importer and the URL reader (`Query::from_params`) fed
//! mutations of a committed seed corpus (`tests/fuzz/import/`, `tests/fuzz/query/`), shaped with `arbitrary`.
//!
//! Every run first replays the corpus and every earlier crash (`tests/fuzz/crashes/`, each a regression test),
//! then mutates for `ECOMAP_FUZZ_SECONDS` (both targets at once, in parallel; default 2; `cargo xtask fuzz --time 300`, and a 30 s smoke in
//! `cargo xtask test`). `ECOMAP_FUZZ_SEED` repeats a run. An input that panics, or gives a dataset with a
//! dangling reference, or a Query that does not survive its own URL, is written to `tests/fuzz/crashes/` and
//! fails the test: fix the bug, keep the file.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use arbitrary::Unstructured;
use ecomap_core::generate::SplitMix64;
use ecomap_core::import::{import_with, Limits};
use ecomap_core::model::Dataset;
use ecomap_core::query::Query;

fn dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz").join(name)
}

fn files_in(name: &str, prefix: &str) -> Vec<Vec<u8>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir(name))
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|f| {
        f.file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with(prefix) && !n.starts_with('.'))
    });
    files.sort();
    files.iter().filter_map(|f| std::fs::read(f).ok()).collect()
}

fn corpus(name: &str) -> Vec<Vec<u8>> {
    files_in(name, "")
}

/// Earlier failures of `kind` (import or query), kept as regression tests.
fn crashes(kind: &str) -> Vec<Vec<u8>> {
    files_in("crashes", &format!("{kind}-"))
}

/// Pieces of JSON and of exports that mutations insert: structure, odd numbers and strings, known keys.
const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    "\"",
    ",",
    ":",
    "null",
    "true",
    "0",
    "-0",
    "1e999",
    "-1e999",
    "1e308",
    "NaN",
    "Infinity",
    "//",
    "/*",
    "\\u0000",
    "\\ud800",
    "\"\\u00e9\"",
    "\u{feff}",
    "ü",
    "\"id\"",
    "\"name\"",
    "\"kind\"",
    "\"actors\"",
    "\"projects\"",
    "\"links\"",
    "\"meta\"",
    "\"technologies\"",
    "\"regions\"",
    "\"sectors\"",
    "\"location\"",
    "\"lon\"",
    "\"lat\"",
    "\"source\"",
    "\"target\"",
    "\"participants\"",
    "\"actor\"",
    "\"format_version\"",
    "\"1.0\"",
    "\"2.0\"",
    "\"sme\"",
    "\"partnership\"",
    "99999999999999999999",
    "2024",
    "1899",
    "\"11001\"",
    "{}",
    "[]",
    "[[[[[[[[[[[[[[[[",
    "\"a\"",
    "\" a \"",
];

/// One mutation of `input`, chosen by `u`; `other` is another corpus entry to splice from.
fn mutate(u: &mut Unstructured<'_>, input: &mut Vec<u8>, other: &[u8]) -> arbitrary::Result<()> {
    let len = input.len();
    let at = if len == 0 { 0 } else { u.choose_index(len + 1)? };
    match u.choose_index(7)? {
        0 if len > 0 => {
            let i = at.min(len - 1);
            input[i] ^= 1 << u.choose_index(8)?;
        }
        1 => {
            let token = u.choose(TOKENS)?;
            input.splice(at..at, token.bytes());
        }
        2 if len > 0 => {
            let end = (at + u.choose_index(64)? + 1).min(len);
            input.drain(at.min(end)..end);
        }
        3 if len > 0 => {
            let end = (at + u.choose_index(256)? + 1).min(len);
            let piece = input[at.min(end)..end].to_vec();
            let to = u.choose_index(input.len() + 1)?;
            input.splice(to..to, piece);
        }
        4 if !other.is_empty() => {
            let from = u.choose_index(other.len())?;
            let end = (from + u.choose_index(512)? + 1).min(other.len());
            input.splice(at..at, other[from..end].iter().copied());
        }
        5 => input.truncate(at),
        _ => {
            let bytes: Vec<u8> = u.arbitrary()?;
            input.splice(at..at, bytes);
        }
    }
    Ok(())
}

/// Every id stored in the dataset points at an existing record.
fn consistent(d: &Dataset) -> bool {
    d.actors.iter().all(|a| {
        a.technologies.iter().all(|t| t.index() < d.technologies.len())
            && a.sectors.iter().all(|s| s.index() < d.sectors.len())
            && a.location.region.is_none_or(|r| r.index() < d.regions.len())
    }) && d.projects.iter().all(|p| {
        p.participants.iter().all(|q| q.actor.index() < d.actors.len())
            && p.technologies.iter().all(|t| t.index() < d.technologies.len())
            && p.start <= p.end
    }) && d
        .links
        .iter()
        .all(|l| l.source.index() < d.actors.len() && l.target.index() < d.actors.len() && l.source != l.target)
}

/// Small limits, so mutated inputs reach them too.
fn limits() -> Limits {
    Limits {
        max_bytes: 1 << 20,
        max_depth: 12,
        max_string_chars: 200,
        max_records: 500,
    }
}

/// What is wrong with importing `bytes`, if anything.
fn check_import(bytes: &[u8]) -> Option<String> {
    let limits = limits();
    match catch_unwind(AssertUnwindSafe(|| import_with(bytes, "fuzz.json", &limits))) {
        Err(_) => Some("import panicked".into()),
        Ok((ds, report)) if report.fatal && (report.problems.len() != 1 || !ds.actors.is_empty()) => {
            Some(format!("a fatal report with {} problems", report.problems.len()))
        }
        Ok((ds, _)) if !consistent(&ds) => Some("a dangling reference in the dataset".into()),
        Ok(_) => None,
    }
}

/// The pairs of a query string (`a=1&b=2`), as the browser would hand them over (no decoding needed here).
fn pairs(text: &str) -> Vec<(&str, &str)> {
    text.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| p.split_once('=').unwrap_or((p, "")))
        .collect()
}

/// What is wrong with reading `params` as a URL, if anything: a panic, or a Query whose own URL does not
/// read back to that URL (`ego=0` may read as an explicit default that the URL then leaves out: the URL, not
/// the Query, is the fixed point).
fn check_query(params: &[(&str, &str)]) -> Option<String> {
    let run = || {
        let (q, _) = Query::from_params(params.iter().copied());
        let written = q.to_params();
        let (again, notices) = Query::from_params(written.iter().map(|(k, v)| (*k, v.as_str())));
        (again.to_params() == written, notices.is_empty())
    };
    match catch_unwind(AssertUnwindSafe(run)) {
        Err(_) => Some("Query::from_params or to_params panicked".into()),
        Ok((false, _)) => Some("the Query's own URL reads back to another URL".into()),
        Ok((_, false)) => Some("the Query's own URL gives notices".into()),
        Ok(_) => None,
    }
}

/// Keeps a failing input as a regression test and says where.
fn keep_crash(kind: &str, bytes: &[u8], what: &str) -> String {
    let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3)
    });
    let path = dir("crashes").join(format!("{kind}-{hash:016x}.bin"));
    let _ = std::fs::create_dir_all(dir("crashes"));
    let _ = std::fs::write(&path, bytes);
    format!(
        "{what}: input kept in {} (a regression test from now on)",
        path.display()
    )
}

fn seconds() -> f64 {
    std::env::var("ECOMAP_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2.0)
}

fn seed() -> u64 {
    std::env::var("ECOMAP_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
        })
}

/// Mutates entries of `seeds` with `check` until `budget` is spent; the first failure ends the run.
fn fuzz(kind: &str, seeds: &[Vec<u8>], budget: Duration, check: impl Fn(&[u8]) -> Option<String>) -> usize {
    let seed = seed();
    println!(
        "fuzz {kind}: seed {seed} (ECOMAP_FUZZ_SEED={seed} repeats it), {} s",
        budget.as_secs_f64()
    );
    let mut rng = SplitMix64::new(seed);
    let start = Instant::now();
    let mut runs = 0;
    while start.elapsed() < budget {
        let raw: Vec<u8> = (0..256).map(|_| rng.next_u64() as u8).collect();
        let mut u = Unstructured::new(&raw);
        let mut input = seeds[rng.below(seeds.len())].clone();
        let other = &seeds[rng.below(seeds.len())];
        for _ in 0..=rng.below(6) {
            if mutate(&mut u, &mut input, other).is_err() {
                break;
            }
        }
        if let Some(what) = check(&input) {
            panic!("{}", keep_crash(kind, &input, &what));
        }
        runs += 1;
    }
    println!("fuzz {kind}: {runs} inputs, no failure");
    runs
}

#[test]
fn the_corpus_and_every_earlier_crash_pass() {
    for bytes in corpus("import").iter().chain(&crashes("import")) {
        assert_eq!(check_import(bytes), None, "{}", String::from_utf8_lossy(bytes));
    }
    for bytes in corpus("query").into_iter().chain(crashes("query")) {
        let text = String::from_utf8_lossy(&bytes);
        for line in text.lines() {
            assert_eq!(check_query(&pairs(line)), None, "{line}");
        }
    }
}

#[test]
fn the_importer_survives_mutations() {
    let seeds = corpus("import");
    assert!(seeds.len() >= 5, "the seed corpus is in tests/fuzz/import");
    fuzz("import", &seeds, Duration::from_secs_f64(seconds()), check_import);
}

#[test]
fn the_url_reader_survives_mutations() {
    let seeds: Vec<Vec<u8>> = corpus("query")
        .iter()
        .flat_map(|f| {
            String::from_utf8_lossy(f)
                .lines()
                .map(|l| l.as_bytes().to_vec())
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(seeds.len() >= 5, "the seed corpus is in tests/fuzz/query");
    fuzz("query", &seeds, Duration::from_secs_f64(seconds()), |bytes| {
        let text = String::from_utf8_lossy(bytes);
        check_query(&pairs(&text))
    });
}
