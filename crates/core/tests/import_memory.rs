//! Many problems in bounded memory (issue 16, item 4) and records streamed whatever the key order (item 2),
//! measured: each import runs in a child process (this test binary, run again for one hidden test) that
//! reports the peak resident memory the import added (Linux: `/proc/self/clear_refs` resets `VmHWM`), so "no
//! tree of a whole section" and "bounded memory" are checked, not assumed.

use std::process::Command;

use ecomap_core::import::{import, SECTIONS};
use ecomap_core::report::{render_text, Code, ImportReport, KEPT_PER_CODE};
use serde_json::{json, Value};

const META: &str = r#""meta": {"format_version": "1.0", "title": {"en": "T"}, "date": "2026-01-01", "source": "s",
  "licence": "l", "languages": ["en"]}"#;

fn status_kb(field: &str) -> usize {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// The child: imports the file named by ECOMAP_MEASURE and prints the peak resident memory it added.
#[test]
fn measure_child() {
    let Ok(path) = std::env::var("ECOMAP_MEASURE") else {
        return;
    };
    let bytes = std::fs::read(&path).expect("readable");
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    let before = status_kb("VmRSS:");
    let (ds, report) = import(&bytes, "t.json");
    let peak = status_kb("VmHWM:").saturating_sub(before);
    println!("PEAK_KB {peak} {}", report.problems.len() + ds.actors.len());
}

/// Peak memory (bytes) an import of `text` adds, measured in a fresh process.
fn peak_of(name: &str, text: &str) -> usize {
    let path = std::env::temp_dir().join(format!("ecomap-memory-{}-{name}.json", std::process::id()));
    std::fs::write(&path, text).expect("temp file");
    let out = Command::new(std::env::current_exe().expect("test binary"))
        .args(["measure_child", "--exact", "--nocapture", "--test-threads=1"])
        .env("ECOMAP_MEASURE", &path)
        .output()
        .expect("child runs");
    let _ = std::fs::remove_file(&path);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let kb: usize = stdout
        .lines()
        .find_map(|l| l.split_once("PEAK_KB ").map(|(_, rest)| rest))
        .and_then(|rest| rest.split(' ').next()?.parse().ok())
        .unwrap_or_else(|| panic!("no figure from the child: {stdout}"));
    kb * 1024
}

fn run(text: &str) -> ImportReport {
    import(text.as_bytes(), "t.json").1
}

/// A million faulty records (here 200,000, the same path) give a short report in bounded memory.
#[test]
fn many_problems_are_grouped_and_counted_in_bounded_memory() {
    let n = 200_000;
    let mut text = format!(r#"{{{META}, "actors": [], "projects": [], "links": ["#);
    for i in 0..n {
        text.push_str(if i == 0 { "{}" } else { ",{}" });
    }
    text.push_str("]}");
    let report = run(&text);
    let peak = peak_of("faulty", &text);
    // Each empty link misses source and target: two problems of one code per link.
    assert_eq!(report.errors(), 2 * n);
    assert!(report.problems.len() <= 3 * KEPT_PER_CODE, "{}", report.problems.len());
    let more = report
        .more
        .iter()
        .find(|m| m.code == Code::MissingField)
        .expect("counted");
    assert_eq!(more.count, 2 * n - KEPT_PER_CODE);
    let out = render_text(&report, ecomap_core::model::Lang::En);
    assert!(out.lines().count() < 40, "{out}");
    assert!(out.contains("and 399,980 more errors of this code"), "{out}");
    assert!(
        peak < 4 * 1024 * 1024,
        "peak {peak} bytes for {} bytes of input",
        text.len()
    );
}

/// A generated export written in another key order: the same dataset, the same report, and no tree of a
/// whole section (peak heap close to the canonical order's).
#[test]
fn records_stream_whatever_the_key_order() {
    let export = serde_json::to_value(ecomap_core::generate::generate(3_000, 5)).expect("serialises");
    let Value::Object(sections) = &export else {
        panic!("an object")
    };
    let ordered = |names: &[&str]| -> String {
        let parts: Vec<String> = names
            .iter()
            .filter_map(|n| sections.get(*n).map(|v| format!("{}: {}", json!(n), v)))
            .collect();
        format!("{{{}}}", parts.join(",\n"))
    };
    let canonical = ordered(&SECTIONS);
    let cases = [
        (
            "actors first",
            ordered(&[
                "actors",
                "projects",
                "links",
                "meta",
                "technologies",
                "sectors",
                "regions",
            ]),
        ),
        // serde_json's map is ordered by key: what `jq -S` writes.
        ("sorted keys", serde_json::to_string(&export).expect("text")),
        (
            "links first",
            ordered(&[
                "links",
                "projects",
                "actors",
                "regions",
                "sectors",
                "technologies",
                "meta",
            ]),
        ),
    ];
    let (ds0, r0) = import(canonical.as_bytes(), "t.json");
    let peak0 = peak_of("canonical", &canonical);
    assert!(ds0.actors.len() > 2_500 && !ds0.links.is_empty());
    for (name, text) in cases {
        let (ds, r) = import(text.as_bytes(), "t.json");
        assert_eq!(
            (ds.actors.len(), ds.projects.len(), ds.links.len()),
            (ds0.actors.len(), ds0.projects.len(), ds0.links.len()),
            "{name}"
        );
        assert_eq!(r.errors() + r.warnings(), r0.errors() + r0.warnings(), "{name}");
        let peak = peak_of(name.split(' ').next().unwrap_or("x"), &text);
        // A tree of the actors alone would take several times the text's size.
        assert!(
            peak < peak0 + text.len() / 4,
            "{name}: peak {peak} vs {peak0} in the canonical order"
        );
    }
    // Optional sections missing: actors still stream, the built-in lists are used.
    let bare = ordered(&["actors", "projects", "links"]);
    let (ds, r) = import(bare.as_bytes(), "t.json");
    assert_eq!(ds.actors.len(), ds0.actors.len());
    assert!(r
        .problems
        .iter()
        .any(|p| p.code == Code::SectionMissing && p.path == "$.technologies"));
    let peak = peak_of("bare", &bare);
    assert!(peak < peak0 + bare.len() / 4, "bare: peak {peak} vs {peak0}");
}
