//! The rules tidy checks, one function each, over one file's text or its lexed `Source`. Each returns what it
//! found as `Finding`s (line, rule, a stable key for exceptions, what is wrong); which files a rule applies
//! to and which findings are excepted is decided in `tidy.rs`.

use super::scan::{is_ident, Source, StrLit};
use std::collections::HashMap;

/// Longest file of the app's `src/`, in lines.
pub const MAX_FILE_LINES: usize = 500;
/// Longest function, from the line of `fn` to the line of its closing brace.
pub const MAX_FN_LINES: usize = 150;

/// One violation in one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub line: usize,
    pub rule: &'static str,
    /// What an exception names to match this finding, stable when lines move: the function's name, the
    /// literal, `fn name: call`, or "" for the file as a whole.
    pub key: String,
    pub what: String,
}

/// Names and paths in core's source that mean web APIs, a clock or unseeded randomness (matched with no
/// identifier char before them, in code only: comments and strings do not count).
const CORE_FORBIDDEN_CODE: &[(&str, &str)] = &[
    ("web_sys", "web-sys"),
    ("js_sys", "js-sys"),
    ("wasm_bindgen", "wasm-bindgen"),
    ("leptos", "Leptos"),
    ("gloo", "gloo"),
    ("Instant::now", "a clock"),
    ("SystemTime", "a clock"),
    ("chrono", "a clock"),
    ("time::", "a clock"),
    ("thread_rng", "randomness without a seed"),
    ("rand::random", "randomness without a seed"),
    ("getrandom", "randomness without a seed"),
    ("OsRng", "randomness without a seed"),
];

/// Crates core's Cargo.toml must not depend on (also not on `<name>-*` / `<name>_*`).
const CORE_FORBIDDEN_CRATES: &[&str] = &[
    "web-sys",
    "js-sys",
    "wasm-bindgen",
    "leptos",
    "gloo",
    "chrono",
    "time",
    "getrandom",
];

/// Attributes whose value a visitor reads or hears: a literal there is an interface string.
const TEXT_ATTRIBUTES: &[&str] = &[
    "aria-label",
    "title",
    "placeholder",
    "alt",
    "aria-roledescription",
    "aria-description",
];

/// Calls that write a signal (or a stored value, or the Query through the URL helper).
const SIGNAL_WRITES: &[&str] = &[".set(", ".update(", ".write(", ".set_value(", "update_query("];

/// (a) The first line that is not blank must be a `//!` line.
pub fn doc_line(text: &str) -> Option<Finding> {
    let (n, first) = text
        .lines()
        .enumerate()
        .find(|(_, l)| !l.trim().is_empty())
        .unwrap_or((0, ""));
    (!first.trim_start().starts_with("//!")).then(|| Finding {
        line: n + 1,
        rule: "doc-line",
        key: String::new(),
        what: "the file does not open with a `//!` line saying what it holds".into(),
    })
}

/// Brackets that do not close: tidy misread the file (or it does not compile), so the rules cannot judge it.
pub fn unreadable(src: &Source) -> Option<Finding> {
    (!src.balanced()).then(|| Finding {
        line: 1,
        rule: "tidy-lex",
        key: String::new(),
        what: "the brackets of this file do not balance as tidy reads it: fix the file or tidy's lexer".into(),
    })
}

/// (b) No web APIs, clock or unseeded randomness in core's code.
pub fn core_code(src: &Source) -> Vec<Finding> {
    let mut out = Vec::new();
    for (pattern, means) in CORE_FORBIDDEN_CODE {
        for at in src.find_token(pattern) {
            out.push(Finding {
                line: src.line(at),
                rule: "core-pure",
                key: (*pattern).into(),
                what: format!("`{pattern}` ({means}) in ecomap-core"),
            });
        }
    }
    out.sort_by_key(|f| f.line);
    out
}

/// (b) No forbidden crate among core's dependencies (any `[..dependencies..]` table, also renamed ones).
pub fn core_manifest(toml: &str) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut in_deps = false;
    for (n, raw) in toml.lines().enumerate() {
        let line = raw.split('#').next().unwrap_or("").trim();
        let mut names = Vec::new();
        if let Some(header) = line.strip_prefix('[') {
            let header = header.trim_matches(|c| c == '[' || c == ']');
            in_deps = header.split('.').any(|part| part.ends_with("dependencies"));
            if let Some((_, name)) = header.split_once("dependencies.") {
                names.push(name.trim_matches('"').to_string());
            }
        } else if in_deps && !line.is_empty() {
            let name = line.split(['=', '.']).next().unwrap_or("").trim().trim_matches('"');
            names.push(name.to_string());
            if let Some((_, renamed)) = line.split_once("package") {
                let value = renamed.trim_start().trim_start_matches('=').trim_start();
                names.push(value.split('"').nth(1).unwrap_or("").to_string());
            }
        }
        for name in names {
            let forbidden = CORE_FORBIDDEN_CRATES
                .iter()
                .any(|c| name == *c || name.starts_with(&format!("{c}-")) || name.starts_with(&format!("{c}_")));
            if forbidden {
                out.push(Finding {
                    line: n + 1,
                    rule: "core-pure",
                    key: name.clone(),
                    what: format!("ecomap-core depends on `{name}`"),
                });
            }
        }
    }
    out
}

/// (c) A literal with letters as a text child of `view!` or as the value of a text attribute.
/// `allowed` holds literals that are not words (names of techniques, symbols).
pub fn ui_strings(src: &Source, allowed: &[&str]) -> Vec<Finding> {
    let by_start: HashMap<usize, &StrLit> = src.strings.iter().map(|l| (l.start, l)).collect();
    let mut out = Vec::new();
    for at in src.find_token("view!") {
        let open = src.skip_space(at + "view!".len());
        if !matches!(src.code.get(open), Some('{' | '(' | '[')) {
            continue;
        }
        let Some(close) = src.matching(open) else {
            continue;
        };
        let mut depth = 0usize;
        let mut i = open + 1;
        while i < close {
            if depth == 0 {
                // A literal is judged where it stands, also when alone in a block: `{"words"}`.
                let in_block = || lone_literal(src, &by_start, i);
                if let Some(lit) = by_start.get(&i).copied().or_else(in_block) {
                    out.extend(ui_string(src, open, i, lit, allowed));
                }
                if let Some(lit) = by_start.get(&i) {
                    i = lit.end;
                    continue;
                }
            }
            match src.code[i] {
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' => depth = depth.saturating_sub(1),
                _ => {}
            }
            i += 1;
        }
    }
    out
}

/// The literal that is all a `{ }` block at `brace` holds.
fn lone_literal<'a>(src: &Source, by_start: &HashMap<usize, &'a StrLit>, brace: usize) -> Option<&'a StrLit> {
    if src.code[brace] != '{' {
        return None;
    }
    let close = src.matching(brace)?;
    let lit = by_start.get(&src.skip_space(brace + 1))?;
    (src.skip_space(lit.end) == close).then_some(*lit)
}

/// The verdict on a literal standing at `at` directly in a `view!` (not inside a call or a longer block):
/// a text child, a text attribute's value, or neither.
fn ui_string(src: &Source, macro_open: usize, at: usize, lit: &StrLit, allowed: &[&str]) -> Option<Finding> {
    if !lit.value.chars().any(char::is_alphabetic) || allowed.contains(&lit.value.as_str()) {
        return None;
    }
    let prev = src.prev_non_space(at)?;
    let what = if src.code[prev] == '=' {
        let name = attribute_name(src, prev);
        if !TEXT_ATTRIBUTES.contains(&name.as_str()) {
            return None;
        }
        format!("{name}=\"{}\" in view!: put the text in the texts table", lit.value)
    } else if prev == macro_open || matches!(src.code[prev], '>' | '}' | '"' | '#') {
        format!("text \"{}\" in view!: put it in the texts table", lit.value)
    } else {
        return None;
    };
    Some(Finding {
        line: src.line(lit.start),
        rule: "ui-string",
        key: lit.value.clone(),
        what,
    })
}

/// The attribute name before the `=` at `eq` (`aria-label`, `attr:title` is `title`).
fn attribute_name(src: &Source, eq: usize) -> String {
    let end = src.prev_non_space(eq).map_or(0, |i| i + 1);
    let start = (0..end)
        .rev()
        .find(|&i| !(is_ident(src.code[i]) || matches!(src.code[i], '-' | ':')))
        .map_or(0, |i| i + 1);
    let name: String = src.code[start..end].iter().collect();
    name.rsplit(':').next().unwrap_or("").to_string()
}

/// (d) Any use of `inner_html` (the attribute, `set_inner_html`, `.inner_html(`).
pub fn inner_html(src: &Source) -> Vec<Finding> {
    src.find("inner_html")
        .into_iter()
        .map(|at| Finding {
            line: src.line(at),
            rule: "inner-html",
            key: String::new(),
            what: "`inner_html` renders markup: text from data must be rendered as text".into(),
        })
        .collect()
}

/// (e) A signal written inside the closure of an `Effect::new(..)`.
pub fn effect_writes(src: &Source) -> Vec<Finding> {
    let fns = src.functions();
    let mut out = Vec::new();
    for at in src.find_token("Effect::new(") {
        let open = at + "Effect::new".len();
        let Some(close) = src.matching(open) else {
            continue;
        };
        let within = src.enclosing_fn(&fns, at).map_or("", |f| f.name.as_str());
        for call in SIGNAL_WRITES {
            for w in src.find(call).into_iter().filter(|&w| open < w && w < close) {
                out.push(Finding {
                    line: src.line(w),
                    rule: "effect-writes",
                    key: format!("{within}: {call}"),
                    what: format!(
                        "`{call}` inside the Effect of line {} (fn {within}): derive with a memo instead",
                        src.line(at)
                    ),
                });
            }
        }
    }
    out.sort_by_key(|f| f.line);
    out
}

/// (f) A file of the app's `src/` over [`MAX_FILE_LINES`].
pub fn file_length(src: &Source) -> Option<Finding> {
    let n = src.line_count();
    (n > MAX_FILE_LINES).then(|| Finding {
        line: 1,
        rule: "file-length",
        key: String::new(),
        what: format!("{n} lines (at most {MAX_FILE_LINES}): split it"),
    })
}

/// (f) A function over [`MAX_FN_LINES`].
pub fn fn_length(src: &Source) -> Vec<Finding> {
    src.functions()
        .into_iter()
        .filter(|f| f.lines() > MAX_FN_LINES)
        .map(|f| Finding {
            line: f.first_line,
            rule: "fn-length",
            key: f.name.clone(),
            what: format!("fn {} has {} lines (at most {MAX_FN_LINES})", f.name, f.lines()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(findings: &[Finding]) -> Vec<(usize, &str, &str)> {
        findings.iter().map(|f| (f.line, f.rule, f.key.as_str())).collect()
    }

    #[test]
    fn doc_line_after_blank_lines_only() {
        assert_eq!(doc_line("\n\n//! What this holds.\nfn f() {}\n"), None);
        assert_eq!(
            doc_line("// A plain comment.\n//! Too late.\n").map(|f| f.line),
            Some(1)
        );
        assert_eq!(doc_line("\n/// An item doc.\nfn f() {}\n").map(|f| f.line), Some(2));
        assert!(doc_line("").is_some());
    }

    #[test]
    fn core_code_ignores_comments_and_strings() {
        let src = Source::new(
            "//! no web_sys here\nuse std::time::Duration;\nlet s = \"leptos\"; // Instant::now\n\
             let t = std::time::Instant::now();\nlet r = runtime::x; let g = gloo_timers::x;\n",
        );
        assert_eq!(
            rules(&core_code(&src)),
            [
                (2, "core-pure", "time::"),
                (4, "core-pure", "Instant::now"),
                (4, "core-pure", "time::"),
                (5, "core-pure", "gloo"),
            ]
        );
    }

    #[test]
    fn core_manifest_sees_every_dependency_table() {
        let toml = "[package]\nname = \"time\"\n\n[dependencies]\nserde = { workspace = true }\n\
                    js-sys = \"0.3\" # comment\nclock = { package = \"chrono\", version = \"0.4\" }\n\
                    [dev-dependencies]\nleptos_dom.workspace = true\n[target.'cfg(x)'.dependencies.web-sys]\n\
                    version = \"0.3\"\n[[bench]]\nname = \"gloo\"\n";
        let keys: Vec<String> = core_manifest(toml).into_iter().map(|f| f.key).collect();
        assert_eq!(keys, ["js-sys", "chrono", "leptos_dom", "web-sys"]);
    }

    #[test]
    fn ui_strings_in_view_text_and_text_attributes() {
        let text = r#"fn v() -> impl IntoView {
    view! {
        <button class="primary" data-testid="go" title="Start now" aria-label=move || t().go>
            "Go"
        </button>
        {move || if x { "in a block" } else { "" }}" · "<span title=t().x>"WebGL2"</span>
        <input placeholder="Suchen"/>
        <p>{n}" results"</p>
        <p alt={"Ein Bild"}>{"Hallo"}{ "1 000" }{t().hello}</p>
        <a href="https://example.org" on:click=move |_| set("clicked")>"→"</a>
    }
}
"#;
        let found = ui_strings(&Source::new(text), &["WebGL2"]);
        assert_eq!(
            rules(&found),
            [
                (3, "ui-string", "Start now"),
                (4, "ui-string", "Go"),
                (7, "ui-string", "Suchen"),
                (8, "ui-string", " results"),
                (9, "ui-string", "Ein Bild"),
                (9, "ui-string", "Hallo")
            ]
        );
        let outside =
            Source::new("fn f() -> &'static str { \"Some words\" }\nconst V: &str = \"view! { \\\"x\\\" }\";\n");
        assert_eq!(ui_strings(&outside, &[]), []);
    }

    #[test]
    fn inner_html_in_code_only() {
        let src = Source::new("// no inner_html here\nlet s = \"inner_html\";\nel.set_inner_html(&x);\n");
        assert_eq!(rules(&inner_html(&src)), [(3, "inner-html", "")]);
    }

    #[test]
    fn effects_that_write_signals() {
        let text = r#"fn component() {
    Effect::new(move |_| {
        let s = "a.set(1) }";  // c.update(|x| x) }
        log(s);
        count.set(1);
    });
    Effect::new(move |_| draw(read.get()));
    other.set(2);
    Effect::new(move |_| {
        state.update_query(|q| q.x = 1);
        last.set_value(3);
    });
}
"#;
        assert_eq!(
            rules(&effect_writes(&Source::new(text))),
            [
                (5, "effect-writes", "component: .set("),
                (10, "effect-writes", "component: update_query("),
                (11, "effect-writes", "component: .set_value(")
            ]
        );
    }

    #[test]
    fn lengths_of_files_and_functions() {
        let body = "    x();\n".repeat(MAX_FN_LINES - 2);
        let text = format!("fn fits() {{\n{body}}}\nfn too_long() {{\n{body}\n}}\n// {{ not a body }}\n");
        let src = Source::new(&text);
        assert_eq!(rules(&fn_length(&src)), [(MAX_FN_LINES + 1, "fn-length", "too_long")]);
        assert_eq!(file_length(&src).map(|f| f.what), None);
        let long = Source::new(&"\n".repeat(MAX_FILE_LINES + 1));
        assert_eq!(file_length(&long).map(|f| f.line), Some(1));
        assert_eq!(file_length(&Source::new(&"\n".repeat(MAX_FILE_LINES))), None);
    }
}
