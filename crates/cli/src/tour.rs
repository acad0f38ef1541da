//! `ecomap tour check TOUR EXPORT`: reads a tour (docs/tours.md) and lists every step that names a
//! technology, sector, region, actor or opened item the export does not have.
//!
//! Exit codes: 0 when the tour is valid for the export, 1 when it is not (or cannot be read as a tour, or the
//! export has errors), 2 for usage problems and files that cannot be opened.

use std::process::ExitCode;

use ecomap_core::import::import;
use ecomap_core::tour::{check, Tour};

const USAGE: &str = "usage: ecomap tour check TOUR EXPORT";

fn read(path: &str) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => format!("no such file: {path}"),
        _ => format!("cannot read {path}: {e}"),
    })
}

pub fn run(args: &[String]) -> Result<ExitCode, String> {
    let [sub, tour_path, export_path] = args else {
        return Err(USAGE.into());
    };
    if sub != "check" {
        return Err(format!("unknown tour command `{sub}`\n{USAGE}"));
    }
    let tour_bytes = read(tour_path)?;
    let export = read(export_path)?;
    let text = String::from_utf8_lossy(&tour_bytes);
    let tour = match Tour::load(&text) {
        Ok(t) => t,
        Err(e) => {
            println!("{tour_path}: {e}");
            return Ok(ExitCode::FAILURE);
        }
    };
    let (ds, report) = import(&export, export_path);
    if report.errors() > 0 {
        println!("{export_path}: the export has errors (see `ecomap validate {export_path}`)");
        return Ok(ExitCode::FAILURE);
    }
    let issues = check(&tour, &ds);
    for i in &issues {
        println!("{tour_path}: step {}: {}", i.step, i.notice.message_en);
    }
    if issues.is_empty() {
        println!("{tour_path}: {} steps, valid for {export_path}", tour.steps.len());
        Ok(ExitCode::SUCCESS)
    } else {
        Ok(ExitCode::FAILURE)
    }
}
