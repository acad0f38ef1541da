//! The operator's addresses (issue 16, item 14): an export's `meta.contact` (format 1.1) and `config.json`'s
//! `contact` are read and checked; a bad address is refused with its path and never becomes a link; files
//! without them (and format 1.0 files) stay valid.

use ecomap_core::config::{self, Config};
use ecomap_core::import::import;
use ecomap_core::report::Code;
use serde_json::json;

fn export(meta: serde_json::Value) -> Vec<u8> {
    json!({"meta": meta, "technologies": [], "sectors": [], "regions": [], "actors": [{"id": "a", "name": "A", "kind": "sme"}], "projects": []})
        .to_string()
        .into_bytes()
}

fn meta(version: &str, contact: Option<serde_json::Value>) -> serde_json::Value {
    let mut m = json!({"format_version": version, "title": {"de": "T", "en": "T"}, "date": "2026-01-01",
        "source": "s", "licence": "CC0-1.0", "languages": ["de", "en"]});
    if let Some(c) = contact {
        m["contact"] = c;
    }
    m
}

#[test]
fn meta_contact_is_read_in_the_order_of_the_statement() {
    let contact = json!({"feedback": "mailto:a11y@cluster.example", "legal_notice": " https://cluster.example/impressum ",
        "privacy": "https://cluster.example/datenschutz", "corrections": "https://cluster.example/korrektur"});
    let (d, report) = import(&export(meta("1.1", Some(contact))), "c.json");
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(
        d.meta.contact,
        [
            ("legal_notice", "https://cluster.example/impressum".to_string()),
            ("privacy", "https://cluster.example/datenschutz".to_string()),
            ("corrections", "https://cluster.example/korrektur".to_string()),
            ("feedback", "mailto:a11y@cluster.example".to_string()),
        ]
    );
}

#[test]
fn bad_contact_addresses_are_left_out_with_their_path() {
    let contact = json!({"legal_notice": "javascript:alert(1)", "privacy": "https://cluster.example/datenschutz",
        "corrections": 7, "feedback": "mailto:nobody", "fax": "x"});
    let (d, report) = import(&export(meta("1.1", Some(contact))), "c.json");
    assert_eq!(
        d.meta.contact,
        [("privacy", "https://cluster.example/datenschutz".to_string())]
    );
    let bad: Vec<(&str, &str)> = report
        .problems
        .iter()
        .map(|p| (p.code.as_str(), p.path.as_str()))
        .collect();
    assert_eq!(
        bad,
        [
            ("contact-invalid", "$.meta.contact.legal_notice"),
            ("contact-invalid", "$.meta.contact.corrections"),
            ("contact-invalid", "$.meta.contact.feedback"),
            ("unknown-field", "$.meta.contact.fax"),
        ]
    );
    let js = report
        .problems
        .iter()
        .find(|p| p.path.ends_with("legal_notice"))
        .expect("the javascript: address is reported");
    assert!(
        js.message_en.contains("javascript:alert(1)") && js.message_en.contains("left out"),
        "{}",
        js.message_en
    );
    assert!(js.message_de.contains("weggelassen"), "{}", js.message_de);

    let (_, report) = import(&export(meta("1.1", Some(json!("https://a.example")))), "c.json");
    assert_eq!(
        report
            .problems
            .iter()
            .map(|p| (p.code, p.path.as_str()))
            .collect::<Vec<_>>(),
        [(Code::ContactInvalid, "$.meta.contact")]
    );
}

#[test]
fn format_1_0_without_contact_stays_valid_and_1_1_is_read_silently() {
    for v in ["1.0", "1.1"] {
        let (d, report) = import(&export(meta(v, None)), "c.json");
        assert!(report.problems.is_empty(), "{v}: {:?}", report.problems);
        assert!(d.meta.contact.is_empty());
    }
    let (_, report) = import(&export(meta("1.2", None)), "c.json");
    assert_eq!(
        report.problems.iter().map(|p| p.code).collect::<Vec<_>>(),
        [Code::VersionNewerMinor]
    );
}

#[test]
fn config_contact_is_checked_with_its_path() {
    let text = r#"{"contact": {"privacy": "https://op.example/privacy", "feedback": "mailto:a@op.example"}}"#;
    Config::parse(text).expect("the app accepts the key");
    assert_eq!(
        config::contact(text).expect("valid addresses"),
        [
            ("privacy", "https://op.example/privacy".to_string()),
            ("feedback", "mailto:a@op.example".to_string())
        ]
    );
    assert_eq!(config::contact("{}"), Ok(Vec::new()));
    for (text, path) in [
        (r#"{"contact": {"privacy": "javascript:alert(1)"}}"#, "contact.privacy"),
        (
            r#"{"contact": {"legal_notice": "data:text/html,x"}}"#,
            "contact.legal_notice",
        ),
        (r#"{"contact": {"corrections": 1}}"#, "contact.corrections"),
        (r#"{"contact": {"imprint": "https://op.example"}}"#, "contact.imprint"),
        (r#"{"contact": "https://op.example"}"#, "contact"),
    ] {
        let e = config::contact(text).expect_err(text);
        assert_eq!(e.path, path, "{text}: {e}");
    }
}
