//! Reading the raw bytes: size limit, UTF-8 (BOM stripped), empty file, nesting depth, JSON syntax.
//!
//! Each check refuses the whole file with one clear problem; positions are 1-based lines and columns
//! counted in characters.

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

/// Checks size, encoding, emptiness and nesting depth; gives the text without BOM, or the one problem that
/// refuses the file. The JSON itself is parsed while reading (`super::stream`).
pub(super) fn decode<'b>(bytes: &'b [u8], limits: &Limits) -> Result<&'b str, Box<Problem>> {
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
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(Box::new(fatal(
            Code::NotUtf8,
            None,
            "the file is UTF-16; exports must be UTF-8 (with or without BOM)".into(),
            "Die Datei ist UTF-16-kodiert; Exporte müssen UTF-8 sein (mit oder ohne BOM)".into(),
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
        return Err(Box::new(fatal(
            Code::FileEmpty,
            None,
            "the file is empty; expected a JSON object with `meta`, `actors`, `projects`, ...".into(),
            "Die Datei ist leer; erwartet wird ein JSON-Objekt mit `meta`, `actors`, `projects`, ...".into(),
        )));
    }
    if let Some(offset) = too_deep_at(text.as_bytes(), limits.max_depth) {
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
    Ok(text)
}

/// The problem of a text whose top level is not an object: its syntax error, or what it holds instead.
pub(super) fn not_an_object(text: &str) -> Problem {
    match serde_json::from_str::<Value>(text) {
        Err(e) => syntax_problem(text, &e),
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

/// The byte offset of the first `[` or `{` (outside strings) that goes deeper than `max`, if any.
fn too_deep_at(bytes: &[u8], max: usize) -> Option<usize> {
    let mut depth = 0usize;
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
                    return Some(i);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    None
}

/// 1-based line and column (in characters) of byte `offset` in `text`.
pub(super) fn line_col_at(text: &str, offset: usize) -> (usize, usize) {
    let before = &text.as_bytes()[..offset.min(text.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
    let col = before[line_start..].iter().filter(|&&b| b & 0xC0 != 0x80).count() + 1;
    (line, col)
}

/// serde_json counts columns in bytes; convert to characters (the column of the offending character).
fn char_column(text: &str, line: usize, byte_col: usize) -> usize {
    let Some(line_text) = text.split('\n').nth(line.saturating_sub(1)) else {
        return byte_col.max(1);
    };
    let upto = &line_text.as_bytes()[..byte_col.min(line_text.len())];
    upto.iter().filter(|&&b| b & 0xC0 != 0x80).count().max(1)
}

pub(super) fn syntax_problem(text: &str, e: &serde_json::Error) -> Problem {
    let line = e.line().max(1);
    let col = char_column(text, line, e.column());
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let what = full.strip_suffix(&suffix).unwrap_or(&full);
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
        let e = serde_json::from_str::<Value>(text)
            .err()
            .map(|e| syntax_problem(text, &e));
        // The stray `"` is the 24th character of line 2 (the 28th byte: ü, ä, ö, ü take two bytes each).
        assert_eq!(e.and_then(|p| p.line_col), Some((2, 24)));
    }

    #[test]
    fn depth_scan_ignores_brackets_in_strings() {
        assert_eq!(too_deep_at(br#"{"a": "[[[[[[\"[[["}"#, 2), None);
        assert_eq!(too_deep_at(b"[[[1]]]", 2), Some(2));
    }
}
