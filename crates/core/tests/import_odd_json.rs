//! Odd but valid or almost valid JSON (issue 16, item 5): each case with what a data maintainer should read.
//! Memory and key order: `import_memory.rs`.

use ecomap_core::import::import;
use ecomap_core::report::{Code, ImportReport, Severity};

fn run(text: &str) -> ImportReport {
    import(text.as_bytes(), "t.json").1
}

#[track_caller]
fn find(report: &ImportReport, code: Code) -> &ecomap_core::report::Problem {
    report
        .problems
        .iter()
        .find(|p| p.code == code)
        .unwrap_or_else(|| panic!("no {code}: {:#?}", report.problems))
}

const META: &str = r#""meta": {"format_version": "1.0", "title": {"en": "T"}, "date": "2026-01-01", "source": "s",
  "licence": "l", "languages": ["en"]}"#;

#[test]
fn a_duplicate_key_warns_with_the_key_and_the_record_id() {
    let text = format!(
        r#"{{{META}, "actors": [{{"id": "a-1", "name": "First", "kind": "sme", "name": "Second"}}],
        "links": [{{"source": "a-1", "target": "a-1", "source": "a-1", "kind": "other"}}]}}"#
    );
    let (ds, report) = import(text.as_bytes(), "t.json");
    let p = find(&report, Code::DuplicateKey);
    assert_eq!(
        (p.severity, p.path.as_str(), p.record.as_deref()),
        (Severity::Warning, "$.actors[0].name", Some("a-1"))
    );
    assert!(
        p.message_en.contains("\"name\"") && p.message_en.contains("a-1"),
        "{}",
        p.message_en
    );
    assert_eq!(
        ds.actors[0].name, "Second",
        "the later value is used, as the message says"
    );
    assert!(report
        .problems
        .iter()
        .any(|p| p.code == Code::DuplicateKey && p.path == "$.links[0].source"));
    // In meta too, with the path inside it.
    let report = run(r#"{"meta": {"format_version": "1.0", "format_version": "1.0"}, "actors": [], "projects": []}"#);
    assert_eq!(find(&report, Code::DuplicateKey).path, "$.meta.format_version");
}

#[test]
fn a_number_out_of_range_costs_only_its_field() {
    let text = format!(
        r#"{{{META}, "actors": [{{"id": "a", "name": "A", "kind": "sme", "location": {{"lon": 13.4, "lat": 1e999}}}},
          {{"id": "b", "name": "B", "kind": "sme", "location": {{"lon": 13.4, "lat": 1e308}}}}]}}"#
    );
    let (ds, report) = import(text.as_bytes(), "t.json");
    assert!(!report.fatal, "{:#?}", report.problems);
    assert_eq!(ds.actors.len(), 2, "both actors are kept");
    assert!(
        ds.actors.iter().all(|a| a.location.point.is_none()),
        "without a map position"
    );
    let p = find(&report, Code::WrongType);
    assert_eq!(p.path, "$.actors[0].location.lat");
    assert!(
        p.message_en.contains("1e999") && p.message_en.contains("out of range"),
        "{}",
        p.message_en
    );
    // Huge numbers are printed short.
    let p = find(&report, Code::CoordinatesInvalid);
    assert!(
        p.message_en.contains("lat 1e+308") && p.message_en.len() < 200,
        "{}",
        p.message_en
    );
}

#[test]
fn a_syntax_error_after_a_huge_number_is_placed_in_the_file() {
    let report = run("{\"meta\": {\"x\": 1e999, \"y\": 1 2}}");
    let p = find(&report, Code::JsonSyntax);
    // `2` is the 30th character of line 1 in the file as written (not in the marked copy).
    assert_eq!(p.line_col, Some((1, 30)), "{}", p.message_en);
}

#[test]
fn an_empty_or_blank_file_says_so_with_line_and_column() {
    let report = run("");
    let p = find(&report, Code::FileEmpty);
    assert_eq!(p.line_col, Some((1, 1)));
    assert!(
        p.message_en.starts_with("line 1, column 1: the file is empty"),
        "{}",
        p.message_en
    );
    let report = run("  \n\t  ");
    let p = find(&report, Code::FileEmpty);
    assert_eq!(p.line_col, Some((2, 4)));
    assert!(p.message_en.contains("only whitespace"), "{}", p.message_en);
    assert!(p.message_de.contains("Zeile 2, Spalte 4"), "{}", p.message_de);
}

#[test]
fn utf16_with_or_without_bom_is_named() {
    let text = r#"{"meta": {}}"#;
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let cases = [
        ([&[0xFF, 0xFE][..], &le].concat(), "with"),
        ([&[0xFE, 0xFF][..], &be].concat(), "with"),
        (le.clone(), "without"),
        (be.clone(), "without"),
    ];
    for (bytes, bom) in cases {
        let report = import(&bytes, "u.json").1;
        let p = find(&report, Code::NotUtf8);
        assert!(report.fatal);
        assert!(
            p.message_en.contains("UTF-16") && p.message_en.contains(&format!("{bom} byte order mark")),
            "{}",
            p.message_en
        );
        assert!(
            !p.message_en.contains("column 2"),
            "not a doubled column: {}",
            p.message_en
        );
    }
}

#[test]
fn nan_infinity_and_comments_are_named() {
    let cases = [
        (r#"{"meta": {"x": NaN}}"#, "NaN is not a JSON number", (1, 16)),
        (r#"{"meta": {"x": Infinity}}"#, "Infinity is not a JSON number", (1, 16)),
        (
            r#"{"meta": {"x": -Infinity}}"#,
            "-Infinity is not a JSON number",
            (1, 16),
        ),
        (
            "{\n  // a comment\n  \"meta\": {}}",
            "JSON has no comments (`//`)",
            (2, 3),
        ),
        ("{\"meta\": /* c */ {}}", "JSON has no comments (`/* */`)", (1, 10)),
    ];
    for (text, what, at) in cases {
        let report = run(text);
        let p = find(&report, Code::JsonSyntax);
        assert!(p.message_en.contains(what), "{text}: {}", p.message_en);
        assert_eq!(p.line_col, Some(at), "{text}: {}", p.message_en);
    }
}

#[test]
fn self_links_and_duplicate_links_name_both_ids() {
    let text = format!(
        r#"{{{META}, "actors": [{{"id": "a", "name": "A", "kind": "sme"}}, {{"id": "b", "name": "B", "kind": "sme"}}],
        "links": [{{"source": "a", "target": "a", "kind": "other"}}, {{"source": "a", "target": "b", "kind": "partnership"}},
                  {{"source": "b", "target": "a", "kind": "partnership"}}]}}"#
    );
    let report = run(&text);
    let p = find(&report, Code::SelfLink);
    assert!(p.message_en.contains("source \"a\", target \"a\""), "{}", p.message_en);
    let p = find(&report, Code::DuplicateLink);
    assert!(p.message_en.contains("from \"b\" to \"a\""), "{}", p.message_en);
}

#[test]
fn a_reference_to_a_skipped_record_says_which_and_why() {
    let text = format!(
        r#"{{{META}, "actors": [{{"id": "a", "kind": "sme"}}, {{"id": "b", "name": "B", "kind": "sme"}}],
        "projects": [{{"id": "p", "title": {{"en": "P"}}, "start": 2024, "end": 2025, "volume": 1,
                       "participants": [{{"actor": "a"}}, {{"actor": "b"}}]}}],
        "links": [{{"source": "a", "target": "b", "kind": "other"}}]}}"#
    );
    let report = run(&text);
    for p in report.problems.iter().filter(|p| p.code == Code::UnknownActor) {
        assert!(
            p.message_en
                .contains("the record \"a\" at $.actors[0] was skipped: missing-name"),
            "{}",
            p.message_en
        );
    }
    assert_eq!(
        report.problems.iter().filter(|p| p.code == Code::UnknownActor).count(),
        2
    );
}

#[test]
fn a_huge_number_where_a_string_belongs_is_a_wrong_type() {
    let text = format!(
        r#"{{{META}, "actors": [{{"id": "a", "name": 1e999, "kind": "sme"}}, {{"id": "b", "name": "B", "kind": "sme"}}],
        "links": [{{"source": "b", "target": 2e400, "kind": "other"}}]}}"#
    );
    let (ds, report) = import(text.as_bytes(), "t.json");
    assert_eq!(ds.actors.len(), 1, "the actor without a usable name is skipped");
    let wrong: Vec<&str> = report
        .problems
        .iter()
        .filter(|p| p.code == Code::WrongType)
        .map(|p| p.message_en.as_str())
        .collect();
    assert_eq!(wrong.len(), 2, "{wrong:?}");
    assert!(
        wrong[0].contains("\"name\" is 1e999, a number out of range"),
        "{}",
        wrong[0]
    );
    assert!(wrong[1].contains("\"target\" is 2e400"), "{}", wrong[1]);
    assert!(
        report.problems.iter().all(|p| !p.message_en.contains('\u{0}')),
        "no marker in a message"
    );
}
