//! The problem codes of the import: one enum (`report::Code`), stable kebab-case strings, and
//! docs/data-format.md's table "Problems and their codes" listing every code of the enum and nothing else.

use ecomap_core::report::Code;
use std::collections::BTreeSet;

/// The codes in the first column of the table under "## Problems and their codes", in their order.
fn documented_codes() -> Vec<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/data-format.md");
    let doc = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let Some((_, section)) = doc.split_once("\n## Problems and their codes\n") else {
        panic!("{path} has no section \"## Problems and their codes\"");
    };
    let section = section.split("\n## ").next().unwrap_or("");
    section
        .lines()
        .filter(|line| line.starts_with("| `"))
        .filter_map(|row| row.split('|').nth(1))
        .flat_map(|cell| {
            cell.split('`')
                .skip(1)
                .step_by(2)
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn the_format_doc_lists_every_code_and_nothing_else() {
    let documented = documented_codes();
    let known: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    let missing: Vec<&&str> = known.iter().filter(|c| !documented.iter().any(|d| d == *c)).collect();
    let unknown: Vec<&String> = documented.iter().filter(|d| !known.contains(&d.as_str())).collect();
    assert!(
        missing.is_empty() && unknown.is_empty(),
        "docs/data-format.md misses the codes {missing:?} and lists codes that do not exist: {unknown:?}"
    );
    let distinct: BTreeSet<&String> = documented.iter().collect();
    assert_eq!(distinct.len(), documented.len(), "a code listed twice: {documented:?}");
}

#[test]
fn codes_are_distinct_stable_strings() {
    let strings: BTreeSet<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(strings.len(), Code::ALL.len(), "two codes with one string");
    for code in Code::ALL {
        let s = code.as_str();
        assert!(
            !s.is_empty()
                && s.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{s:?} is not kebab-case"
        );
        assert_eq!(code.to_string(), s, "Display is the code string");
    }
    // A few strings that exports of reports and scripts already rely on.
    assert_eq!(Code::JsonSyntax.as_str(), "json-syntax");
    assert_eq!(Code::DuplicateId.as_str(), "duplicate-id");
    assert_eq!(Code::MissingName.as_str(), "missing-name");
    assert_eq!(Code::OutsideBerlinBrandenburg.as_str(), "outside-berlin-brandenburg");
}
