//! `cargo xtask tidy`: checks the promises of ARCHITECTURE.md that a reading of the source can keep, in pure
//! Rust and in about a second: every .rs file opens with a `//!` line, ecomap-core stays pure (no web APIs, no
//! clock, no unseeded randomness), no interface string outside the texts tables, no `inner_html`, effects never
//! write signals, no app file over 500 lines and no function over 150.
//!
//! Each violation prints as `path:line: rule: what`. The step fails on any violation not excepted below; every
//! exception is listed in this file with its reason.

mod rules;
mod scan;

use crate::{project_root, Result};
use rules::Finding;
use scan::Source;
use std::path::Path;

/// An accepted violation: `path` (a file, or a folder ending in `/`), `rule` and `key` (see `Finding::key`:
/// the function's name, the literal, `fn: call`) match a finding.
struct Exception {
    path: &'static str,
    rule: &'static str,
    key: &'static str,
    reason: &'static str,
}

/// An [`Exception`], written on one line in the lists below.
const fn except(path: &'static str, rule: &'static str, key: &'static str, reason: &'static str) -> Exception {
    Exception {
        path,
        rule,
        key,
        reason,
    }
}

/// Literals with letters that may stand in a `view!` as they are: they are no words of a language.
const ALLOWED_UI_LITERALS: &[&str] = &[
    // The network's renderer choice names the techniques, which have no German or English names.
    "WebGL2",
    "Canvas 2D",
];

/// Files (or folders, ending in `/`) of the app that may use `inner_html`, with the reason.
const INNER_HTML_ALLOWED: &[(&str, &str)] = &[];

/// Violations that stay, each with its reason.
const EXCEPTIONS: &[Exception] = &[
    except(
        "src/components/header.rs",
        "ui-string",
        "Deutsch",
        "the language switch names each language in itself (with `lang`), the same in every interface language",
    ),
    except(
        "src/components/header.rs",
        "ui-string",
        "English",
        "the language switch names each language in itself (with `lang`), the same in every interface language",
    ),
    except(
        "src/url.rs",
        "effect-writes",
        "sync: .set_value(",
        "a StoredValue (not a signal: nothing tracks it) remembering the Query last written to the URL",
    ),
    except(
        "crates/core/src/generate.rs",
        "fn-length",
        "generate",
        "over 150 lines before tidy existed, outside the tidy branch: to split when next changed",
    ),
    except(
        "crates/cli/src/demo/projects.rs",
        "fn-length",
        "projects",
        "over 150 lines before tidy existed, outside the tidy branch: to split when next changed",
    ),
];

/// Folders whose .rs files are checked (`doc-line` everywhere; the other rules pick their own files).
const RUST_DIRS: &[&str] = &["src", "crates", "xtask", "tests"];

/// What one run found: violations that fail, findings excepted, exceptions that matched nothing.
struct Outcome {
    failing: Vec<String>,
    excepted: usize,
    unused: Vec<String>,
}

/// `cargo xtask tidy`: prints every violation; Err when one is not excepted.
pub fn run() -> Result<()> {
    check(&project_root()).map(|note| println!("tidy: {note}"))
}

/// Runs every rule over the tree at `root`; Ok(a one-line note) or Err(how many violations and stale
/// exceptions).
pub fn check(root: &Path) -> Result<String> {
    let outcome = scan_tree(root)?;
    for line in &outcome.failing {
        println!("{line}");
    }
    // An exception that matches nothing is stale (its violation was fixed): remove it, so the list stays true.
    for line in &outcome.unused {
        println!("xtask/src/tidy.rs: stale exception, remove it: {line}");
    }
    let note = format!(
        "{} violations, {} excepted ({} exceptions unused)",
        outcome.failing.len(),
        outcome.excepted,
        outcome.unused.len()
    );
    if outcome.failing.is_empty() && outcome.unused.is_empty() {
        Ok(note)
    } else {
        Err(note)
    }
}

fn scan_tree(root: &Path) -> Result<Outcome> {
    let mut findings: Vec<(String, Finding)> = Vec::new();
    for path in rust_files(root)? {
        let text = std::fs::read_to_string(root.join(&path)).map_err(|e| format!("cannot read {path}: {e}"))?;
        findings.extend(check_file(&path, &text).into_iter().map(|f| (path.clone(), f)));
    }
    let manifest = "crates/core/Cargo.toml";
    let toml = std::fs::read_to_string(root.join(manifest)).map_err(|e| format!("cannot read {manifest}: {e}"))?;
    findings.extend(
        rules::core_manifest(&toml)
            .into_iter()
            .map(|f| (manifest.to_string(), f)),
    );
    let exceptions: Vec<&Exception> = EXCEPTIONS.iter().collect();
    Ok(judge(&findings, &exceptions))
}

/// Every rule that applies to the file at `path` (relative to the root, with `/`).
fn check_file(path: &str, text: &str) -> Vec<Finding> {
    let mut out: Vec<Finding> = rules::doc_line(text).into_iter().collect();
    let src = Source::new(text);
    out.extend(rules::unreadable(&src));
    if path.starts_with("crates/core/src/") {
        out.extend(rules::core_code(&src));
    }
    if path.starts_with("src/") {
        if !is_texts_table(path) {
            out.extend(rules::ui_strings(&src, ALLOWED_UI_LITERALS));
        }
        if !INNER_HTML_ALLOWED.iter().any(|(allowed, _)| path.starts_with(allowed)) {
            out.extend(rules::inner_html(&src));
        }
        out.extend(rules::effect_writes(&src));
        out.extend(rules::file_length(&src));
    }
    out.extend(rules::fn_length(&src));
    out
}

/// The texts tables, and `src/panic.rs`, whose message must show even when the app's state is gone.
fn is_texts_table(path: &str) -> bool {
    path == "src/i18n.rs" || path == "src/panic.rs" || path.ends_with("/texts.rs")
}

/// Splits findings into failing ones (`path:line: rule: what`) and excepted ones; lists unused exceptions.
fn judge(findings: &[(String, Finding)], exceptions: &[&Exception]) -> Outcome {
    let all = || exceptions.iter().copied();
    let matches = |e: &Exception, path: &str, f: &Finding| {
        let place = e.path == path || e.path.ends_with('/') && path.starts_with(e.path);
        place && e.rule == f.rule && e.key == f.key
    };
    let mut failing = Vec::new();
    let mut excepted = 0;
    for (path, f) in findings {
        if all().any(|e| matches(e, path, f)) {
            excepted += 1;
        } else {
            failing.push(format!("{path}:{}: {}: {}", f.line, f.rule, f.what));
        }
    }
    let unused = all()
        .filter(|e| !findings.iter().any(|(path, f)| matches(e, path, f)))
        .map(|e| format!("{} {} {:?} ({})", e.path, e.rule, e.key, e.reason))
        .collect();
    Outcome {
        failing,
        excepted,
        unused,
    }
}

/// The .rs files under [`RUST_DIRS`], relative to `root` with `/`, sorted; `target/`, `node_modules/` and
/// hidden folders are skipped.
fn rust_files(root: &Path) -> Result<Vec<String>> {
    let mut out = Vec::new();
    let mut dirs: Vec<String> = RUST_DIRS.iter().map(|d| d.to_string()).collect();
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(root.join(&dir)) else {
            continue;
        };
        for entry in entries {
            let entry = entry.map_err(|e| format!("cannot list {dir}: {e}"))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let rel = format!("{dir}/{name}");
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                if !(name.starts_with('.') || name == "target" || name == "node_modules") {
                    dirs.push(rel);
                }
            } else if name.ends_with(".rs") {
                out.push(rel);
            }
        }
    }
    out.sort();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_apply_by_place() {
        let ui = "//! A view.\nfn v() { view! { <p>\"Hallo\"</p> } }\n";
        assert_eq!(check_file("src/components/x.rs", ui).len(), 1);
        assert_eq!(check_file("src/views/map/texts.rs", ui), []);
        assert_eq!(check_file("crates/cli/src/x.rs", ui), []);
        let html = "//! Charts.\nfn f(el: El) { el.set_inner_html(s) }\n";
        // No file of the app may use inner_html any more (the charts parse their SVG instead).
        assert_eq!(check_file("src/views/charts/draw.rs", html).len(), 1);
        assert_eq!(check_file("src/app.rs", html).len(), 1);
        let clock = "//! Core.\nfn f() { let t = std::time::Instant::now(); }\n";
        assert_eq!(check_file("crates/core/src/x.rs", clock).len(), 2);
        assert_eq!(check_file("crates/cli/src/x.rs", clock), []);
        assert_eq!(check_file("tests/x.rs", "fn f() {}\n").len(), 1);
        let broken = check_file("xtask/src/x.rs", "//! Half a file.\nfn f() {\n");
        assert_eq!(broken.iter().map(|f| f.rule).collect::<Vec<_>>(), ["tidy-lex"]);
    }

    #[test]
    fn exceptions_match_by_file_or_folder_rule_and_key() {
        let finding = |path: &str, rule: &'static str, key: &str| {
            let f = Finding {
                line: 3,
                rule,
                key: key.into(),
                what: "what".into(),
            };
            (path.to_string(), f)
        };
        let folder = except("src/views/map/", "ui-string", "© Somebody", "a reason");
        let file = except("src/url.rs", "effect-writes", "sync: .set_value(", "a reason");
        let unused = except("src/app.rs", "fn-length", "App", "a reason");
        let outcome = judge(
            &[
                finding("src/views/map/credits.rs", "ui-string", "© Somebody"),
                finding("src/views/network/mod.rs", "ui-string", "© Somebody"),
                finding("src/url.rs", "effect-writes", "sync: .set_value("),
                finding("src/url.rs", "effect-writes", "sync: .set("),
                finding("src/url.rs", "fn-length", "sync: .set_value("),
            ],
            &[&folder, &file, &unused],
        );
        assert_eq!(
            outcome.failing,
            [
                "src/views/network/mod.rs:3: ui-string: what",
                "src/url.rs:3: effect-writes: what",
                "src/url.rs:3: fn-length: what"
            ]
        );
        assert_eq!(outcome.excepted, 2);
        assert_eq!(outcome.unused, ["src/app.rs fn-length \"App\" (a reason)"]);
    }

    #[test]
    fn every_exception_has_a_reason() {
        for e in EXCEPTIONS.iter() {
            assert!(!e.reason.trim().is_empty(), "{} {} {}", e.path, e.rule, e.key);
        }
        for (path, reason) in INNER_HTML_ALLOWED {
            assert!(!reason.trim().is_empty(), "{path}");
        }
    }
}
