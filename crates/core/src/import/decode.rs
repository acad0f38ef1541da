//! Reading the raw bytes: size limit, UTF-8 (BOM stripped), empty file, nesting depth, JSON syntax.
//!
//! Each check refuses the whole file with one clear problem; positions are 1-based lines and columns
//! counted in characters. Numbers beyond f64 (`1e999`) do not refuse the file: the scan finds them and they
//! are read as marked objects ([`HUGE`]), so the field that holds one gets a record problem.

use std::borrow::Cow;

use serde_json::Value;

use super::Limits;
use crate::report::{Code, Problem, Severity};

const BOM: &[u8] = b"\xEF\xBB\xBF";

fn fatal(code: Code, line_col: Option<(usize, usize)>, en: String, de: String) -> Problem {
    Problem {
        severity: Severity::Error,
        code,
        record: None,
        path: "$".into(),
        line_col,
        message_en: en,
        message_de: de,
    }
}

/// A number too large for f64 is read as an object with this one key and the number as written, a string:
/// `{"\u0000": "1e999"}`. No field of an export takes an object where a number or a string belongs, so every
/// reader rejects it as a wrong type, and `wrong_type` names the number (a NUL key, which JSON holds only
/// escaped, so no export writes it by accident).
pub(super) const HUGE: &str = "\u{0}";

/// The text to parse: the file's text, or a copy of it with each number beyond f64 replaced by a marked
/// string; `shifts` maps positions in the copy back to the file's (for syntax errors after such a number).
pub(super) struct Text<'b> {
    pub original: &'b str,
    pub text: Cow<'b, str>,
    /// (offset in `text` after a replaced number, bytes added up to there).
    shifts: Vec<(usize, usize)>,
}

impl Text<'_> {
    /// The byte offset in the file of byte `offset` in `text`.
    fn original_offset(&self, offset: usize) -> usize {
        let added = self
            .shifts
            .iter()
            .take_while(|(at, _)| *at <= offset)
            .last()
            .map_or(0, |(_, added)| *added);
        offset.saturating_sub(added)
    }
}

/// Checks size, encoding, emptiness and nesting depth; gives the text without BOM, or the one problem that
/// refuses the file. The JSON itself is parsed while reading (`super::stream`).
pub(super) fn decode<'b>(bytes: &'b [u8], limits: &Limits) -> Result<Text<'b>, Box<Problem>> {
    if bytes.len() > limits.max_bytes {
        return Err(Box::new(fatal(
            Code::FileTooLarge,
            None,
            format!(
                "the file has {} bytes; the limit is {} bytes",
                bytes.len(),
                limits.max_bytes
            ),
            format!(
                "Die Datei hat {} Bytes; die Grenze liegt bei {} Bytes",
                bytes.len(),
                limits.max_bytes
            ),
        )));
    }
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    // With a BOM, or without one: JSON starts with an ASCII character, which UTF-16 writes beside a zero byte.
    let bom = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
    if bom || (bytes.len() >= 2 && (bytes[0] == 0) != (bytes[1] == 0)) {
        let (en, de) = if bom { ("with", "mit") } else { ("without", "ohne") };
        return Err(Box::new(fatal(
            Code::NotUtf8,
            Some((1, 1)),
            format!(
                "the file is UTF-16 ({en} byte order mark); exports must be UTF-8 (with or without BOM): save it \
                 as UTF-8 and try again"
            ),
            format!(
                "Die Datei ist UTF-16-kodiert ({de} Byte-Order-Mark); Exporte müssen UTF-8 sein (mit oder ohne \
                 BOM): bitte als UTF-8 speichern"
            ),
        )));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = &bytes[..e.valid_up_to()];
            // The valid prefix is UTF-8, so its position is well defined.
            let (line, col) = std::str::from_utf8(valid)
                .map(|v| line_col_at(v, v.len()))
                .unwrap_or((1, 1));
            return Err(Box::new(fatal(
                Code::NotUtf8,
                Some((line, col)),
                format!(
                    "line {line}, column {col}: the file is not valid UTF-8 (byte offset {}); exports must be \
                     UTF-8 (with or without BOM): save it as UTF-8 and try again",
                    e.valid_up_to()
                ),
                format!(
                    "Zeile {line}, Spalte {col}: die Datei ist kein gültiges UTF-8 (Byte {}); Exporte müssen \
                     UTF-8 sein (mit oder ohne BOM): bitte als UTF-8 speichern",
                    e.valid_up_to()
                ),
            )));
        }
    };
    if text.trim().is_empty() {
        let (line, col) = line_col_at(text, text.len());
        let (en, de) = if text.is_empty() {
            ("empty", "leer")
        } else {
            ("empty (only whitespace)", "leer (nur Leerraum)")
        };
        return Err(Box::new(fatal(
            Code::FileEmpty,
            Some((line, col)),
            format!(
                "line {line}, column {col}: the file is {en}; expected a JSON object with `meta`, `actors`, \
                 `projects`, ..."
            ),
            format!(
                "Zeile {line}, Spalte {col}: die Datei ist {de}; erwartet wird ein JSON-Objekt mit `meta`, \
                 `actors`, `projects`, ..."
            ),
        )));
    }
    let scan = scan(text.as_bytes(), limits.max_depth);
    if let Some(offset) = scan.too_deep {
        let (line, col) = line_col_at(text, offset);
        return Err(Box::new(fatal(
            Code::NestingTooDeep,
            Some((line, col)),
            format!(
                "line {line}, column {col}: lists and objects are nested deeper than the limit of {} levels",
                limits.max_depth
            ),
            format!(
                "Zeile {line}, Spalte {col}: Listen und Objekte sind tiefer verschachtelt als die Grenze von {} \
                 Ebenen",
                limits.max_depth
            ),
        )));
    }
    Ok(mark_huge(text, &scan.huge))
}

/// The text with each number in `huge` (byte ranges) written as a marked object (see [`HUGE`]).
#[inline(never)]
fn mark_huge<'b>(original: &'b str, huge: &[(usize, usize)]) -> Text<'b> {
    if huge.is_empty() {
        return Text {
            original,
            text: Cow::Borrowed(original),
            shifts: Vec::new(),
        };
    }
    let mut out = String::with_capacity(original.len() + huge.len() * 12);
    let mut shifts = Vec::with_capacity(huge.len());
    let mut last = 0;
    for &(start, end) in huge {
        out.push_str(&original[last..start]);
        out.push_str("{\"\\u0000\":\"");
        out.push_str(&original[start..end]);
        out.push_str("\"}");
        shifts.push((out.len(), out.len() - end));
        last = end;
    }
    out.push_str(&original[last..]);
    Text {
        original,
        text: Cow::Owned(out),
        shifts,
    }
}

/// The problem of a text whose top level is not an object: its syntax error, or what it holds instead.
pub(super) fn not_an_object(text: &Text<'_>) -> Problem {
    match serde_json::from_str::<Value>(&text.text) {
        Err(e) => syntax_problem(text, 0, &e),
        Ok(other) => fatal(
            Code::TopLevelNotObject,
            Some((1, 1)),
            format!(
                "the file holds {} at the top level; expected an object with `meta`, `actors`, `projects`, ...",
                super::fields::type_en(&other)
            ),
            format!(
                "Die Datei enthält auf oberster Ebene {}; erwartet wird ein Objekt mit `meta`, `actors`, \
                 `projects`, ...",
                super::fields::type_de(&other)
            ),
        ),
    }
}

/// What the scan before parsing found.
struct Scan {
    /// The byte offset of the first `[` or `{` (outside strings) that goes deeper than the limit.
    too_deep: Option<usize>,
    /// Byte ranges of numbers too large for f64.
    huge: Vec<(usize, usize)>,
}

/// One pass over the bytes outside strings: nesting depth, and numbers beyond f64 (stops at the first place
/// too deep).
fn scan(bytes: &[u8], max: usize) -> Scan {
    let mut depth = 0usize;
    let mut huge = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i += 1;
                while i < bytes.len() {
                    match bytes[i] {
                        b'\\' => i += 2,
                        b'"' => break,
                        _ => i += 1,
                    }
                }
            }
            b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    return Scan {
                        too_deep: Some(i),
                        huge,
                    };
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            b'-' | b'0'..=b'9' => {
                let end = bytes[i..]
                    .iter()
                    .position(|b| !matches!(b, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E'))
                    .map_or(bytes.len(), |n| i + n);
                if is_huge(&bytes[i..end]) {
                    huge.push((i, end));
                }
                i = end;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    Scan { too_deep: None, huge }
}

/// Whether a number token (valid or not) is a number too large for f64. Only tokens with an exponent or
/// over 300 characters are parsed.
fn is_huge(token: &[u8]) -> bool {
    if token.len() < 300 && !token.iter().any(|b| matches!(b, b'e' | b'E')) {
        return false;
    }
    std::str::from_utf8(token)
        .ok()
        .and_then(|t| t.parse::<f64>().ok())
        .is_some_and(f64::is_infinite)
}

/// A number as messages show it: short (`1e+308`, `13.4`), as serde_json writes it (shortest round trip;
/// its formatter is in the app anyway, `{:e}` would add another).
pub(super) fn short_number(x: f64) -> String {
    Value::from(x).to_string()
}

/// 1-based line and column (in characters) of byte `offset` in `text`.
pub(super) fn line_col_at(text: &str, offset: usize) -> (usize, usize) {
    let before = &text.as_bytes()[..offset.min(text.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
    let col = before[line_start..].iter().filter(|&&b| b & 0xC0 != 0x80).count() + 1;
    (line, col)
}

/// The byte offset of serde_json's (line, byte column) in `text`: the offending byte (or the end).
fn byte_offset(text: &str, line: usize, byte_col: usize) -> usize {
    let bytes = text.as_bytes();
    let mut start = 0;
    for _ in 1..line {
        match bytes[start..].iter().position(|&b| b == b'\n') {
            Some(n) => start += n + 1,
            None => break,
        }
    }
    let line_len = bytes[start..]
        .iter()
        .position(|&b| b == b'\n')
        .unwrap_or(bytes.len() - start);
    start + byte_col.saturating_sub(1).min(line_len)
}

/// What JSON does not allow but other notations do, named: NaN, Infinity, comments.
fn not_json(rest: &str) -> Option<(&'static str, &'static str)> {
    const KNOWN: [(&str, &str, &str); 5] = [
        ("NaN", "NaN is not a JSON number", "NaN ist keine JSON-Zahl"),
        (
            "Infinity",
            "Infinity is not a JSON number",
            "Infinity ist keine JSON-Zahl",
        ),
        (
            "-Infinity",
            "-Infinity is not a JSON number",
            "-Infinity ist keine JSON-Zahl",
        ),
        (
            "//",
            "JSON has no comments (`//`)",
            "JSON kennt keine Kommentare (`//`)",
        ),
        (
            "/*",
            "JSON has no comments (`/* */`)",
            "JSON kennt keine Kommentare (`/* */`)",
        ),
    ];
    KNOWN
        .iter()
        .find(|(start, _, _)| rest.starts_with(start))
        .map(|(_, en, de)| (*en, *de))
}

/// The syntax error `e` of parsing `text.text[base..]`, with line and column in the file.
#[cold]
#[inline(never)]
pub(super) fn syntax_problem(text: &Text<'_>, base: usize, e: &serde_json::Error) -> Problem {
    let parsed = &text.text[base.min(text.text.len())..];
    let at = text.original_offset(base + byte_offset(parsed, e.line().max(1), e.column()));
    let original = text.original;
    let at = at.min(original.len());
    let (line, col) = line_col_at(original, at);
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let what = full.strip_suffix(&suffix).unwrap_or(&full);
    // serde_json stops at or just after the first character it cannot read.
    let named = [at.saturating_sub(1), at]
        .into_iter()
        .filter(|i| original.is_char_boundary(*i))
        .find_map(|i| not_json(&original[i..]).map(|what| (i, what)));
    if let Some((i, (en, de))) = named {
        let (line, col) = line_col_at(original, i);
        return fatal(
            Code::JsonSyntax,
            Some((line, col)),
            format!("line {line}, column {col}: {en}"),
            format!("Zeile {line}, Spalte {col}: {de}"),
        );
    }
    fatal(
        Code::JsonSyntax,
        Some((line, col)),
        format!("line {line}, column {col}: {what}"),
        format!("Zeile {line}, Spalte {col}: {}", german_syntax(what)),
    )
}

/// German for serde_json's syntax messages (the English text is kept where no translation is known).
fn german_syntax(what: &str) -> String {
    const KNOWN: [(&str, &str); 18] = [
        ("expected `,` or `}`", "`,` oder `}` erwartet"),
        ("expected `,` or `]`", "`,` oder `]` erwartet"),
        ("expected `:`", "`:` erwartet"),
        ("expected value", "Wert erwartet"),
        ("expected ident", "true, false oder null erwartet"),
        ("EOF while parsing a value", "Datei endet mitten in einem Wert"),
        (
            "EOF while parsing an object",
            "Datei endet mitten in einem Objekt (fehlt `}`?)",
        ),
        (
            "EOF while parsing a list",
            "Datei endet mitten in einer Liste (fehlt `]`?)",
        ),
        (
            "EOF while parsing a string",
            "Datei endet mitten in einem Text (fehlt `\"`?)",
        ),
        (
            "key must be a string",
            "Schlüssel müssen Texte in Anführungszeichen sein",
        ),
        ("trailing comma", "überzähliges Komma"),
        ("trailing characters", "Zeichen nach dem Ende des JSON-Dokuments"),
        ("invalid escape", "ungültige Escape-Sequenz"),
        ("invalid number", "ungültige Zahl"),
        ("number out of range", "Zahl außerhalb des darstellbaren Bereichs"),
        ("invalid unicode code point", "ungültiger Unicode-Codepunkt"),
        ("recursion limit exceeded", "zu tief verschachtelt"),
        (
            "lone leading surrogate in hex escape",
            "einzelnes Surrogat in \\u-Escape",
        ),
    ];
    if what.starts_with("control character") {
        return "Steuerzeichen in einem Text (muss als \\u-Escape geschrieben werden)".into();
    }
    match KNOWN.iter().find(|(en, _)| *en == what) {
        Some((_, de)) => (*de).to_string(),
        None => format!("JSON-Syntaxfehler ({what})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "{\n  \"name\": \"Müller äöü\" \"x\"\n}";
        let t = mark_huge(text, &[]);
        let e = serde_json::from_str::<Value>(text)
            .err()
            .map(|e| syntax_problem(&t, 0, &e));
        // The stray `"` is the 24th character of line 2 (the 28th byte: ü, ä, ö, ü take two bytes each).
        assert_eq!(e.and_then(|p| p.line_col), Some((2, 24)));
    }

    #[test]
    fn depth_scan_ignores_brackets_in_strings() {
        assert_eq!(scan(br#"{"a": "[[[[[[\"[[["}"#, 2).too_deep, None);
        assert_eq!(scan(b"[[[1]]]", 2).too_deep, Some(2));
    }

    #[test]
    fn huge_numbers_are_found_outside_strings_only() {
        let text = r#"{"a": "1e999", "b": [1e999, -2E+400, 1e308, 12]}"#;
        let huge = scan(text.as_bytes(), 32).huge;
        let found: Vec<&str> = huge.iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(found, ["1e999", "-2E+400"]);
        let marked = mark_huge(text, &huge);
        let v: Value = serde_json::from_str(&marked.text).expect("valid JSON");
        assert_eq!(v["b"][0], serde_json::json!({"\u{0}": "1e999"}));
        assert_eq!(short_number(1e308), "1e+308");
        assert_eq!(short_number(13.4), "13.4");
    }
}
