//! `ecomap suggest` as a maintainer runs it on the demo export: a header and tab-separated suggestions with a
//! reason each, never the actor itself or one it already works with; German reasons; help; exit codes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn demo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/data/demo.json")
}

fn suggest(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ecomap"))
        .arg("suggest")
        .args(args)
        .output()
        .expect("run ecomap")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The ids of the actors that share a project with `id` in the demo export, or are linked to it.
fn partners_of(id: &str) -> Vec<String> {
    let text = std::fs::read_to_string(demo()).expect("demo export");
    let v: serde_json::Value = serde_json::from_str(&text).expect("json");
    let mut out = Vec::new();
    for p in v["projects"].as_array().into_iter().flatten() {
        let ids: Vec<String> = p["participants"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|x| x["actor"].as_str().map(str::to_string))
            .collect();
        if ids.iter().any(|x| x == id) {
            out.extend(ids);
        }
    }
    for l in v["links"].as_array().into_iter().flatten() {
        let (s, t) = (l["source"].as_str().unwrap_or(""), l["target"].as_str().unwrap_or(""));
        if s == id {
            out.push(t.to_string());
        }
        if t == id {
            out.push(s.to_string());
        }
    }
    out
}

#[test]
fn lists_new_partners_with_score_and_reason() {
    let demo = demo();
    let out = suggest(&[demo.to_str().expect("utf-8 path"), "fraunhofer-fokus", "--limit", "5"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("id\tname\tscore\treason"));
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 5, "{text}");
    let known = partners_of("fraunhofer-fokus");
    assert!(!known.is_empty());
    let mut last = f64::INFINITY;
    for r in &rows {
        assert_eq!(r.len(), 4, "{r:?}");
        assert_ne!(r[0], "fraunhofer-fokus");
        assert!(
            !known.iter().any(|k| k == r[0]),
            "{} already works with fraunhofer-fokus",
            r[0]
        );
        let score: f64 = r[2].parse().expect("a score");
        assert!(score > 0.0 && score <= last, "{text}");
        last = score;
        assert!(
            r[3].contains("like you") || r[3].contains("shared partner") || r[3].contains("km away"),
            "{r:?}"
        );
    }
    // The same list every time.
    let again = suggest(&[demo.to_str().expect("utf-8 path"), "fraunhofer-fokus", "--limit", "5"]);
    assert_eq!(stdout(&again), text);
}

#[test]
fn german_reasons() {
    let demo = demo();
    let out = suggest(&[demo.to_str().expect("utf-8 path"), "tu-berlin", "--lang", "de"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 11, "the default limit is 10: {text}");
    assert!(
        text.contains("arbeitet wie Sie an: ") && text.contains("entfernt"),
        "{text}"
    );
}

#[test]
fn help_unknown_actor_and_usage() {
    let out = suggest(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("usage: ecomap suggest EXPORT ACTOR_ID"));
    let demo = demo();
    let out = suggest(&[demo.to_str().expect("utf-8 path"), "no-such-actor"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("no actor with id `no-such-actor`"));
    assert_eq!(suggest(&["only-one"]).status.code(), Some(2));
    assert_eq!(suggest(&["a", "b", "--limit", "x"]).status.code(), Some(2));
    assert_eq!(suggest(&["missing.json", "a"]).status.code(), Some(2));
}
