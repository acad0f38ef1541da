//! The corpus of bad exports in `bad_inputs/`: each file must give the named problem, at the named path, with
//! the named severity and a helpful English message, and a real German one.
//!
//! One line per case: `check(file, code, severity, path, part of the English message)`.

use ecomap_core::import::import;
use ecomap_core::report::{ImportReport, Severity::*};
use ecomap_core::report::{Problem, Severity};

fn load(name: &str) -> ImportReport {
    let path = format!("{}/tests/bad_inputs/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    import(&bytes, name).1
}

fn listing(report: &ImportReport) -> String {
    report
        .problems
        .iter()
        .map(|p| format!("  {:?} {} {} {}\n", p.severity, p.code, p.path, p.message_en))
        .collect()
}

#[track_caller]
fn check(name: &str, code: &str, severity: Severity, path: &str, en_part: &str) -> Problem {
    let report = load(name);
    let Some(p) = report
        .problems
        .iter()
        .find(|p| p.code.as_str() == code && p.path == path)
    else {
        panic!("{name}: no `{code}` at {path}; got:\n{}", listing(&report));
    };
    assert_eq!(p.severity, severity, "{name}: severity of {code}");
    assert!(
        p.message_en.contains(en_part),
        "{name}: {:?} does not contain {en_part:?}",
        p.message_en
    );
    assert!(!p.message_de.trim().is_empty(), "{name}: German message is empty");
    assert_ne!(p.message_de, p.message_en, "{name}: German message is the English one");
    assert_eq!(
        report.fatal,
        severity == Error && path == "$" || code == "unsupported-version",
        "{name}: fatal"
    );
    p.clone()
}

#[test]
#[rustfmt::skip] // one line per case
fn the_file_as_a_whole() {
    let p = check("syntax_missing_comma", "json-syntax", Error, "$", "line 3, column 3: expected `,` or `}`");
    assert_eq!(p.line_col, Some((3, 3)));
    assert!(p.message_de.contains("Zeile 3, Spalte 3"));
    // "Müller" has a two-byte ü: the column counts characters.
    let p = check("syntax_column_in_characters", "json-syntax", Error, "$", "line 2, column 45");
    assert_eq!(p.line_col, Some((2, 45))); // byte column 47
    check("syntax_unterminated", "json-syntax", Error, "$", "EOF while parsing");
    check("syntax_trailing_comma", "json-syntax", Error, "$", "trailing comma");
    check("empty_file", "file-empty", Error, "$", "the file is empty");
    check("whitespace_only", "file-empty", Error, "$", "the file is empty");
    check("top_level_list", "top-level-not-object", Error, "$", "holds a list at the top level");
    check("too_deep", "nesting-too-deep", Error, "$", "limit of 32 levels");
    let p = check("not_utf8", "not-utf8", Error, "$", "must be UTF-8");
    assert_eq!(p.line_col, Some((1, 37))); // the byte after `"M`
    check("utf16", "not-utf8", Error, "$", "UTF-16");
}

#[test]
#[rustfmt::skip] // one line per case
fn format_version() {
    check("version_major_2", "unsupported-version", Error, "$.meta.format_version", "\"2.0\"");
    check("version_major_2", "unsupported-version", Error, "$.meta.format_version", "format 1.1");
    assert_eq!(load("version_major_2").problems.len(), 1, "a refused file has one problem: the reason");
    check("version_missing", "version-missing", Warning, "$.meta.format_version", "read as format 1.0");
    check("version_newer_minor", "version-newer-minor", Notice, "$.meta.format_version", "newer minor version");
}

#[test]
#[rustfmt::skip] // one line per case
fn records_that_are_skipped() {
    let p = check("duplicate_actor_id", "duplicate-id", Error, "$.actors[1].id", "duplicate id \"a-1\"");
    assert!(p.message_en.contains("$.actors[0]") && p.message_en.contains("$.actors[1]"), "both positions");
    assert!(p.message_de.contains("Doppelte ID „a-1“"));
    assert_eq!(p.record.as_deref(), Some("a-1"));
    check("missing_id", "missing-id", Error, "$.actors[0].id", "\"id\" is missing");
    check("empty_name", "missing-name", Error, "$.actors[0].name", "\"name\" is missing or empty");
    check("name_is_number", "wrong-type", Error, "$.actors[0].name", "must be a string, found a number");
    check("unknown_kind", "unknown-kind", Error, "$.actors[0].kind", "unknown actor kind \"bakery\"");
    check("project_end_before_start", "end-before-start", Error, "$.projects[0].end", "ends (2023) before it starts (2025)");
    check("project_without_title", "missing-name", Error, "$.projects[0].title", "\"title\" is missing");
    check("project_year_as_text", "wrong-type", Error, "$.projects[0].start", "must be a whole number, found a string");
    check("volume_as_string", "wrong-type", Error, "$.projects[0].volume", "found a string: record skipped");
    check("name_too_long", "string-too-long", Error, "$.actors[0].name", "10001 characters; the limit is 10000");
    check("record_not_object", "record-not-object", Error, "$.actors[0]", "must be an object, found a string");
    check("actors_not_a_list", "wrong-type", Error, "$.actors", "must be a list, found an object");
}

#[test]
#[rustfmt::skip] // one line per case
fn coordinates() {
    check("coordinates_as_strings", "wrong-type", Warning, "$.actors[0].location.lat", "must be a number, found a string");
    check("coordinates_swapped", "coordinates-swapped", Warning, "$.actors[0].location", "lat and lon look swapped");
    check("outside_berlin_brandenburg", "outside-berlin-brandenburg", Warning, "$.actors[0].location", "more than 5 km outside");
    check("latitude_out_of_range", "coordinates-invalid", Warning, "$.actors[0].location", "lat 152.5");
    check("only_one_coordinate", "coordinates-invalid", Warning, "$.actors[0].location.lat", "only one coordinate");
    check("unknown_region_key", "unknown-region", Warning, "$.actors[0].location.region", "\"11999\"");
    check("region_mismatch", "region-mismatch", Notice, "$.actors[0].location.region", "lies in region \"11001\"");
}

#[test]
#[rustfmt::skip] // one line per case
fn fields_and_references_that_are_dropped() {
    check("unknown_participant", "unknown-actor", Warning, "$.projects[0].participants[1].actor", "\"a-99\"");
    check("unknown_technology", "unknown-technology", Warning, "$.actors[0].technologies[1]", "\"quantum\"");
    check("unknown_sector", "unknown-sector", Warning, "$.actors[0].sectors[0]", "unknown sector \"bakery\"");
    check("website_javascript", "website-not-http", Warning, "$.actors[0].website", "\"javascript:alert(1)\"");
    check("founded_too_early", "year-out-of-range", Warning, "$.actors[0].founded", "1200 is outside 1348..2027");
    check("founded_as_string", "wrong-type", Warning, "$.actors[0].founded", "found a string: field ignored");
    check("volume_negative", "volume-invalid", Warning, "$.projects[0].volume", "read as 0");
    check("volume_absurd", "volume-invalid", Warning, "$.projects[0].volume", "above 10 billion");
    check("sectors_as_string", "wrong-type", Warning, "$.actors[0].sectors", "must be a list, found a string");
    check("unknown_size", "unknown-value", Warning, "$.actors[0].size", "\"huge\"");
    check("unknown_role", "unknown-value", Warning, "$.projects[0].participants[0].role", "read as \"partner\"");
    check("updated_not_a_date", "date-invalid", Warning, "$.actors[0].updated", "YYYY-MM-DD");
    check("position_not_numbers", "wrong-type", Warning, "$.actors[0].position.x", "must be a number");
    check("fictional_as_string", "wrong-type", Warning, "$.actors[0].fictional", "must be true or false");
    check("id_with_spaces", "id-whitespace", Warning, "$.actors[0].id", "read as \"a-1\"");
    check("region_key_not_in_basemap", "unknown-region", Warning, "$.regions[2].id", "\"09162\"");
    check("region_key_not_in_basemap", "unknown-value", Error, "$.regions[1].state", "\"MV\"");
}

#[test]
#[rustfmt::skip] // one line per case
fn links() {
    check("link_unknown_kind", "unknown-link-kind", Warning, "$.links[0].kind", "kept as \"other\"");
    check("self_link", "self-link", Warning, "$.links[0]", "with itself");
    check("duplicate_reverse_partnership", "duplicate-link", Notice, "$.links[1]", "repeats an earlier one");
    check("link_to_project", "unknown-actor", Warning, "$.links[0].target", "links connect actors only");
}

#[test]
#[rustfmt::skip] // one line per case
fn notices() {
    check("unknown_field", "unknown-field", Notice, "$.actors[0].colour", "unknown field \"colour\"");
    check("description_only_german", "language-filled", Notice, "$.actors[0].description", "only one language");
    check("duplicate_participant", "duplicate-participant", Notice, "$.projects[0].participants[1]", "listed twice");
}

#[test]
fn every_file_in_the_corpus_is_checked() {
    let dir = format!("{}/tests/bad_inputs", env!("CARGO_MANIFEST_DIR"));
    let source = include_str!("import_bad_inputs.rs");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .map(|d| {
            d.filter_map(|e| e.ok()?.file_name().to_str()?.strip_suffix(".json").map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    assert!(names.len() >= 30, "the corpus has {} files", names.len());
    for name in names {
        assert!(
            source.contains(&format!("check(\"{name}\", ")),
            "bad_inputs/{name}.json is never checked"
        );
    }
}
