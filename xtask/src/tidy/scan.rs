//! A small Rust lexer for tidy: blanks comments and the contents of string and char literals (keeping every
//! newline, so positions and line numbers stay those of the file), lists the string literals, finds matching
//! brackets and the functions of a file with the lines their bodies span.

/// One string literal of a file (plain, raw, byte or C string).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StrLit {
    /// Index (in chars) of the literal's first char: the prefix (`r`, `b`, ...) or the opening quote.
    pub start: usize,
    /// Index just past the closing quote (and hashes of a raw string).
    pub end: usize,
    /// The text between the quotes, as written (escapes not resolved).
    pub value: String,
}

/// A file as tidy reads it: the code with comments and literal contents blanked, and its string literals.
pub struct Source {
    /// The file's chars, with every comment and every literal's contents replaced by spaces (newlines kept);
    /// quotes and raw-string hashes stay, so a literal is still visible as `"   "`.
    pub code: Vec<char>,
    /// The string literals, in file order.
    pub strings: Vec<StrLit>,
    line_starts: Vec<usize>,
}

/// A function: where its `fn` keyword is and which lines its body spans.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FnSpan {
    pub name: String,
    /// Index of the `fn` keyword.
    pub start: usize,
    /// Index of the closing brace of the body.
    pub end: usize,
    /// 1-based lines of `fn` and of the closing brace.
    pub first_line: usize,
    pub last_line: usize,
}

impl FnSpan {
    /// Lines from the line of `fn` to the line of its closing brace, both included.
    pub fn lines(&self) -> usize {
        self.last_line - self.first_line + 1
    }
}

pub fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

impl Source {
    pub fn new(text: &str) -> Source {
        let chars: Vec<char> = text.chars().collect();
        let mut code = chars.clone();
        let mut strings = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            let next = chars.get(i + 1).copied();
            i = match chars[i] {
                '/' if next == Some('/') => blank_line_comment(&mut code, i),
                '/' if next == Some('*') => blank_block_comment(&mut code, i),
                '"' => string(&chars, &mut code, &mut strings, i, i),
                '\'' => char_literal(&chars, &mut code, i),
                'r' | 'b' | 'c' if !prev_is_ident(&chars, i) => prefixed(&chars, &mut code, &mut strings, i),
                _ => i + 1,
            };
        }
        let line_starts = std::iter::once(0)
            .chain(
                chars
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| **c == '\n')
                    .map(|(i, _)| i + 1),
            )
            .collect();
        Source {
            code,
            strings,
            line_starts,
        }
    }

    /// 1-based line of the char at `index`.
    pub fn line(&self, index: usize) -> usize {
        self.line_starts.partition_point(|&start| start <= index)
    }

    /// Number of lines (a final newline does not start another line).
    pub fn line_count(&self) -> usize {
        let n = self.line_starts.len();
        if self.code.last() == Some(&'\n') {
            n - 1
        } else {
            n
        }
    }

    /// Indices where `pattern` occurs in the code with no identifier char right before it.
    pub fn find_token(&self, pattern: &str) -> Vec<usize> {
        let pat: Vec<char> = pattern.chars().collect();
        (0..self.code.len())
            .filter(|&i| self.code[i..].starts_with(&pat) && !prev_is_ident(&self.code, i))
            .collect()
    }

    /// Indices where `pattern` occurs in the code, anywhere (also inside a longer identifier).
    pub fn find(&self, pattern: &str) -> Vec<usize> {
        let pat: Vec<char> = pattern.chars().collect();
        (0..self.code.len())
            .filter(|&i| self.code[i..].starts_with(&pat))
            .collect()
    }

    /// The index of the bracket closing the one at `open` (`(`, `[` or `{`), counting all three kinds.
    pub fn matching(&self, open: usize) -> Option<usize> {
        let mut depth = 0usize;
        for (i, c) in self.code.iter().enumerate().skip(open) {
            match c {
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' => {
                    depth = depth.checked_sub(1)?;
                    if depth == 0 {
                        return Some(i);
                    }
                }
                _ => {}
            }
        }
        None
    }

    /// Whether every bracket of the code closes: if not, this lexer misread the file and the rules would
    /// not see it right.
    pub fn balanced(&self) -> bool {
        let mut open = Vec::new();
        for c in &self.code {
            match c {
                '(' => open.push(')'),
                '[' => open.push(']'),
                '{' => open.push('}'),
                ')' | ']' | '}' if open.pop() != Some(*c) => return false,
                _ => {}
            }
        }
        open.is_empty()
    }

    /// The first index at or after `from` that is not whitespace.
    pub fn skip_space(&self, from: usize) -> usize {
        let mut i = from;
        while self.code.get(i).is_some_and(|c| c.is_whitespace()) {
            i += 1;
        }
        i
    }

    /// The last index before `before` that is not whitespace.
    pub fn prev_non_space(&self, before: usize) -> Option<usize> {
        (0..before).rev().find(|&i| !self.code[i].is_whitespace())
    }

    /// Every function with a body: `fn name ... { ... }` (declarations ending in `;` and `fn(..)` types are not).
    pub fn functions(&self) -> Vec<FnSpan> {
        let mut out = Vec::new();
        for start in self.find_token("fn") {
            let after = start + 2;
            if !self.code.get(after).is_some_and(|c| c.is_whitespace()) {
                continue;
            }
            let mut name_at = self.skip_space(after);
            if self.code[name_at..].starts_with(&['r', '#']) {
                name_at += 2; // a raw identifier
            }
            let name: String = self.code[name_at..].iter().take_while(|c| is_ident(**c)).collect();
            if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
                continue;
            }
            let Some(open) = self.body_open(name_at + name.len()) else {
                continue;
            };
            let Some(end) = self.matching(open) else {
                continue;
            };
            out.push(FnSpan {
                name,
                start,
                end,
                first_line: self.line(start),
                last_line: self.line(end),
            });
        }
        out
    }

    /// The `{` opening a function's body after its name, or None when a `;` (or the end) comes first.
    fn body_open(&self, from: usize) -> Option<usize> {
        let mut depth = 0usize;
        for (i, c) in self.code.iter().enumerate().skip(from) {
            match c {
                '(' | '[' => depth += 1,
                ')' | ']' => depth = depth.saturating_sub(1),
                '{' if depth == 0 => return Some(i),
                ';' | '}' if depth == 0 => return None,
                _ => {}
            }
        }
        None
    }

    /// The innermost function whose span holds `index`.
    pub fn enclosing_fn<'a>(&self, fns: &'a [FnSpan], index: usize) -> Option<&'a FnSpan> {
        fns.iter()
            .filter(|f| f.start <= index && index <= f.end)
            .max_by_key(|f| f.start)
    }
}

fn prev_is_ident(chars: &[char], i: usize) -> bool {
    i > 0 && is_ident(chars[i - 1])
}

fn blank(code: &mut [char], from: usize, to: usize) {
    for c in &mut code[from..to] {
        if *c != '\n' {
            *c = ' ';
        }
    }
}

/// `// ...` up to the end of the line; returns the index of the newline (or the end).
fn blank_line_comment(code: &mut [char], start: usize) -> usize {
    let end = code[start..]
        .iter()
        .position(|c| *c == '\n')
        .map_or(code.len(), |n| start + n);
    blank(code, start, end);
    end
}

/// `/* ... */`, nested as Rust nests them; returns the index after the comment.
fn blank_block_comment(code: &mut [char], start: usize) -> usize {
    let mut depth = 0usize;
    let mut i = start;
    while i < code.len() {
        if code[i..].starts_with(&['/', '*']) {
            depth += 1;
            i += 2;
        } else if code[i..].starts_with(&['*', '/']) {
            depth -= 1;
            i += 2;
            if depth == 0 {
                break;
            }
        } else {
            i += 1;
        }
    }
    let end = i.min(code.len());
    blank(code, start, end);
    end
}

/// A `"..."` literal whose opening quote is at `quote` (its prefix, if any, at `start`); returns the index
/// after the closing quote.
fn string(chars: &[char], code: &mut [char], strings: &mut Vec<StrLit>, start: usize, quote: usize) -> usize {
    let mut i = quote + 1;
    while i < chars.len() && chars[i] != '"' {
        i += if chars[i] == '\\' { 2 } else { 1 };
    }
    let close = i.min(chars.len());
    blank(code, quote + 1, close);
    strings.push(StrLit {
        start,
        end: (close + 1).min(chars.len()),
        value: chars[quote + 1..close].iter().collect(),
    });
    close + 1
}

/// `r"..."`, `r#"..."#`, `b"..."`, `br#"..."#`, `c"..."` and `b'x'`; anything else starting with r, b or c is
/// an identifier and skipped whole.
fn prefixed(chars: &[char], code: &mut [char], strings: &mut Vec<StrLit>, start: usize) -> usize {
    let mut i = start;
    if matches!(chars[i], 'b' | 'c') && chars.get(i + 1) == Some(&'r') {
        i += 1;
    }
    if chars[i] == 'r' && matches!(chars.get(i + 1), Some('"' | '#')) {
        return raw_string(chars, code, strings, start, i + 1);
    }
    match chars.get(i + 1) {
        Some('"') if i == start => string(chars, code, strings, start, i + 1),
        Some('\'') if chars[start] == 'b' && i == start => char_literal(chars, code, i + 1),
        _ => {
            let len = chars[start..].iter().take_while(|c| is_ident(**c)).count();
            start + len
        }
    }
}

/// A raw string whose hashes (or quote) start at `hashes`; returns the index after it.
fn raw_string(chars: &[char], code: &mut [char], strings: &mut Vec<StrLit>, start: usize, hashes: usize) -> usize {
    let n = chars[hashes..].iter().take_while(|c| **c == '#').count();
    let quote = hashes + n;
    if chars.get(quote) != Some(&'"') {
        return quote; // `r#ident`, a raw identifier
    }
    let closing: Vec<char> = std::iter::once('"').chain(std::iter::repeat_n('#', n)).collect();
    let close = (quote + 1..chars.len())
        .find(|&i| chars[i..].starts_with(&closing))
        .unwrap_or(chars.len());
    blank(code, quote + 1, close);
    strings.push(StrLit {
        start,
        end: (close + closing.len()).min(chars.len()),
        value: chars[quote + 1..close].iter().collect(),
    });
    close + closing.len()
}

/// `'x'`, `'\n'`, `'\u{..}'` are blanked inside; a lifetime or label (`'a`) is left as it is.
fn char_literal(chars: &[char], code: &mut [char], quote: usize) -> usize {
    let close = match chars.get(quote + 1) {
        Some('\\') => (quote + 3..chars.len()).find(|&i| chars[i] == '\''),
        Some(_) if chars.get(quote + 2) == Some(&'\'') => Some(quote + 2),
        _ => None,
    };
    match close {
        Some(close) => {
            blank(code, quote + 1, close);
            close + 1
        }
        None => quote + 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(s: &Source) -> String {
        s.code.iter().collect()
    }

    #[test]
    fn comments_and_literals_are_blanked_keeping_lines() {
        let text = "let a = \"x { y\"; // }\n/* { /* nested } */ */ let c = '{';\nlet r = r#\"a\"}\"#;\n";
        let s = Source::new(text);
        assert_eq!(
            code(&s),
            "let a = \"     \";     \n                       let c = ' ';\nlet r = r#\"   \"#;\n"
        );
        let values: Vec<&str> = s.strings.iter().map(|l| l.value.as_str()).collect();
        assert_eq!(values, ["x { y", "a\"}"]);
        assert_eq!(s.line_count(), 3);
        assert_eq!(s.line(text.find("let c").unwrap_or(0)), 2);
    }

    #[test]
    fn escapes_lifetimes_and_byte_literals() {
        let s = Source::new("fn f<'a>(x: &'a str) -> char { let q = \"\\\"}\"; b'}'; '\\''; x; '}' }");
        assert_eq!(s.strings.len(), 1);
        assert_eq!(s.strings[0].value, "\\\"}");
        let f = s.functions();
        assert_eq!(f.len(), 1);
        assert_eq!(s.code[f[0].end], '}');
        assert_eq!(f[0].end, s.code.len() - 1);
    }

    #[test]
    fn functions_and_their_lines() {
        let text =
            "trait T { fn decl(&self); }\nfn outer() -> [u8; 2] {\n    let g: fn(u8) = h;\n    fn inner() {}\n    \
                    [0, 1]\n}\nimpl X { pub(crate) fn r#async(&self) {\n} }\n";
        let s = Source::new(text);
        let f = s.functions();
        let names: Vec<(&str, usize, usize)> = f.iter().map(|f| (f.name.as_str(), f.first_line, f.lines())).collect();
        assert_eq!(names, [("outer", 2, 5), ("inner", 4, 1), ("async", 7, 2)]);
        let inner_at = text.find("fn inner").unwrap_or(0) + 5;
        assert_eq!(s.enclosing_fn(&f, inner_at).map(|f| f.name.as_str()), Some("inner"));
    }

    #[test]
    fn balanced_only_when_every_bracket_closes() {
        assert!(Source::new("fn f() { let a = [(1, '}')]; \"{\" }").balanced());
        assert!(!Source::new("fn f() { (] }").balanced());
        assert!(!Source::new("fn f() {").balanced());
    }

    #[test]
    fn tokens_need_a_boundary_before() {
        let s = Source::new("use std::time::Instant; let runtime::x; \"time::\"");
        assert_eq!(s.find_token("time::").len(), 1);
        assert_eq!(s.find("time::").len(), 2);
    }
}
