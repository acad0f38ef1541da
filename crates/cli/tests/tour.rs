//! `ecomap tour check TOUR EXPORT` as a maintainer runs it: the shipped demo tour passes, a step naming an
//! unknown technology is reported with its step number and exit code 1, usage errors exit 2.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn tour_check(tour: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ecomap"))
        .args(["tour", "check"])
        .arg(tour)
        .arg(root().join("public/data/demo.json"))
        .output()
        .expect("run ecomap")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn the_demo_tour_is_valid_for_the_demo_export() {
    let out = tour_check(&root().join("public/tours/demo.json"));
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains("10 steps, valid"), "{}", stdout(&out));
}

#[test]
fn an_unknown_technology_is_named_with_its_step_and_fails() {
    let demo = std::fs::read_to_string(root().join("public/tours/demo.json")).expect("demo tour");
    let dir = std::env::temp_dir().join(format!("ecomap-tour-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let bad = dir.join("bad.json");
    std::fs::write(&bad, demo.replace("\"tech=vr\"", "\"tech=robotics\"")).expect("write");
    let out = tour_check(&bad);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("step 4: “robotics” (link parameter “tech”)"),
        "{}",
        stdout(&out)
    );
    let broken = dir.join("broken.json");
    std::fs::write(&broken, demo.replace("\"duration\": 10", "\"duration\": 0")).expect("write");
    let out = tour_check(&broken);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("step 10 (steps[9].duration)"), "{}", stdout(&out));
}

#[test]
fn usage_errors_exit_two() {
    let out = Command::new(env!("CARGO_BIN_EXE_ecomap"))
        .args(["tour", "check", "only-one"])
        .output()
        .expect("run ecomap");
    assert_eq!(out.status.code(), Some(2));
}
