//! `ecomap validate` as a maintainer runs it: on a file, with text or JSON output, in German or English,
//! and the exit code a script can rely on.

use std::path::PathBuf;
use std::process::{Command, Output};

/// A fresh file in a per-test temp directory.
fn temp_file(test: &str, content: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ecomap-validate-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("export.json");
    std::fs::write(&path, content).expect("write");
    path
}

fn validate(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ecomap"))
        .arg("validate")
        .args(args)
        .output()
        .expect("run ecomap")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

const CLEAN: &str = r#"{"meta": {"format_version": "1.0", "title": {"de": "T", "en": "T"}, "date": "2026-01-01",
  "source": "test", "licence": "CC0-1.0", "languages": ["de", "en"]},
  "technologies": [], "sectors": [], "regions": [],
  "actors": [{"id": "a-1", "name": "Alpha", "kind": "sme"}], "projects": [], "links": []}"#;

const WITH_ERROR: &str = r#"{"meta": {"format_version": "1.0"},
  "actors": [{"id": "a-17", "name": "", "kind": "sme"}, {"id": "a-18", "name": "Ok", "kind": "sme", "founded": 1200}],
  "projects": []}"#;

#[test]
fn a_clean_file_exits_zero_with_a_summary() {
    let path = temp_file("clean", CLEAN.as_bytes());
    let out = validate(&[path.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("0 errors, 0 warnings, 0 notices"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn errors_exit_one_and_are_listed_with_path_and_id() {
    let path = temp_file("errors", WITH_ERROR.as_bytes());
    let out = validate(&[path.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains("error    $.actors[0].name  (id \"a-17\")  required field \"name\" is missing"),
        "{text}"
    );
    assert!(text.contains("warning  $.actors[1].founded"), "{text}");
    assert!(text.contains("1 error, "), "{text}");
}

#[test]
fn german_text_and_json_output() {
    let path = temp_file("german", WITH_ERROR.as_bytes());
    let p = path.to_str().expect("utf-8 path");
    let out = validate(&[p, "--lang", "de"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("Pflichtfeld „name“ fehlt"), "{}", stdout(&out));
    let out = validate(&["--format", "json", p, "--lang", "de"]);
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    assert_eq!(report["counts"]["error"], 1);
    assert_eq!(report["fatal"], false);
    let problems = report["problems"].as_array().expect("problems");
    assert!(problems
        .iter()
        .any(|p| p["code"] == "missing-name" && p["record"] == "a-17"));
}

#[test]
fn a_broken_file_exits_one_with_line_and_column() {
    let path = temp_file("broken", b"{\n  \"meta\": {}\n  \"actors\": []\n}");
    let out = validate(&[path.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("line 3, column 3: expected `,` or `}`"),
        "{}",
        stdout(&out)
    );
    assert!(stdout(&out).contains("could not be loaded"), "{}", stdout(&out));
}

#[test]
fn a_missing_file_exits_two_with_a_clear_message() {
    let out = validate(&["/nonexistent/ecomap/export.json"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no such file: /nonexistent/ecomap/export.json"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn bad_options_exit_two() {
    let path = temp_file("options", CLEAN.as_bytes());
    let out = validate(&[path.to_str().expect("utf-8 path"), "--format", "xml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--format must be text or json"));
}

#[test]
fn help_explains_the_options_and_exits_zero() {
    for flag in ["--help", "-h"] {
        let out = validate(&[flag]);
        assert!(out.status.success(), "{flag}: {:?}", out.status);
        let text = stdout(&out);
        assert!(
            text.contains("usage: ecomap validate FILE") && text.contains("--format"),
            "{text}"
        );
    }
}

#[test]
fn many_problems_print_twenty_of_each_code_then_how_many_more() {
    let mut text = String::from(r#"{"meta": {"format_version": "1.0"}, "actors": [], "projects": [], "links": ["#);
    text.push_str(&vec!["{\"source\": \"x\"}"; 5_000].join(","));
    text.push_str("]}");
    let path = temp_file("many", text.as_bytes());
    let out = validate(&[path.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(1));
    let report = stdout(&out);
    // Per link: a missing target (error) and an unknown source (warning).
    assert!(report.contains("and 4,980 more errors of this code"), "{report}");
    assert!(report.contains("and 4,980 more warnings of this code"), "{report}");
    assert!(report.lines().count() <= 51, "{report}");
    assert!(report.contains("5000 errors, 5005 warnings"), "{report}"); // and 5 for meta
    let out = validate(&[path.to_str().expect("utf-8 path"), "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["counts"]["error"], 5000);
    assert_eq!(v["more"].as_array().map(Vec::len), Some(2));
}
