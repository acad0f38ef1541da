//! `cargo xtask size --breakdown`: which crate costs what in the release wasm.
//!
//! The shipped wasm has no names (wasm-opt drops the name section), so this optimises a copy of the same
//! wasm-bindgen output with the same `wasm-opt -Oz` plus `-g` (keep names), reads its code section and name
//! section with a small parser of its own, and attributes each function body to a crate by its (demangled)
//! name. The generated part of docs/size.md (between [`START`] and [`END`]) is rewritten; the rest of that
//! file (the savings tried) is kept.

use crate::size::{brotli_len, kb};
use crate::{install, Result};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::process::Command;

pub const START: &str = "<!-- breakdown:start: `cargo xtask size --breakdown` rewrites this part -->";
pub const END: &str = "<!-- breakdown:end -->";

/// A wasm module as far as the breakdown needs it.
#[derive(Debug, Default)]
pub struct Module {
    /// (section, bytes including its header), in file order; custom sections by name.
    pub sections: Vec<(String, usize)>,
    /// Function bodies (defined functions only), with their names from the name section ("" if none).
    pub funcs: Vec<(String, Range<usize>)>,
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Result<u8> {
        let v = *self.b.get(self.at).ok_or("wasm: unexpected end")?;
        self.at += 1;
        Ok(v)
    }
    fn leb(&mut self) -> Result<usize> {
        let (mut v, mut shift) = (0usize, 0u32);
        loop {
            let b = self.byte()?;
            v |= usize::from(b & 0x7f)
                .checked_shl(shift)
                .ok_or("wasm: LEB128 too long")?;
            if b < 0x80 {
                return Ok(v);
            }
            shift += 7;
        }
    }
    fn bytes(&mut self, n: usize) -> Result<&[u8]> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.b.len())
            .ok_or("wasm: unexpected end")?;
        let s = &self.b[self.at..end];
        self.at = end;
        Ok(s)
    }
    fn name(&mut self) -> Result<String> {
        let n = self.leb()?;
        Ok(String::from_utf8_lossy(self.bytes(n)?).into_owned())
    }
    fn limits(&mut self) -> Result<()> {
        let flags = self.byte()?;
        self.leb()?;
        if flags & 1 != 0 {
            self.leb()?;
        }
        Ok(())
    }
}

/// Reads sections, imported function count, code bodies and function names.
pub fn parse(b: &[u8]) -> Result<Module> {
    if b.len() < 8 || &b[..4] != b"\0asm" {
        return Err("not a wasm module".into());
    }
    let mut r = Reader { b, at: 8 };
    let mut m = Module::default();
    let mut imported = 0usize;
    let mut bodies: Vec<Range<usize>> = Vec::new();
    let mut names: BTreeMap<usize, String> = BTreeMap::new();
    while r.at < b.len() {
        let start = r.at;
        let id = r.byte()?;
        let size = r.leb()?;
        let body = r.at;
        let end = body
            .checked_add(size)
            .filter(|&e| e <= b.len())
            .ok_or("wasm: section past the end")?;
        let mut s = Reader { b: &b[..end], at: body };
        let label = match id {
            0 => {
                let name = s.name()?;
                if name == "name" {
                    read_names(&mut s, &mut names)?;
                }
                format!("custom `{name}`")
            }
            2 => {
                imported = count_imported_functions(&mut s)?;
                "import".into()
            }
            10 => {
                for _ in 0..s.leb()? {
                    let n = s.leb()?;
                    bodies.push(s.at..s.at + n);
                    s.bytes(n)?;
                }
                "code".into()
            }
            _ => SECTIONS.get(usize::from(id)).copied().unwrap_or("unknown").into(),
        };
        m.sections.push((label, end - start));
        r.at = end;
    }
    m.funcs = bodies
        .into_iter()
        .enumerate()
        .map(|(i, range)| (names.remove(&(imported + i)).unwrap_or_default(), range))
        .collect();
    Ok(m)
}

const SECTIONS: [&str; 14] = [
    "custom",
    "type",
    "import",
    "function",
    "table",
    "memory",
    "global",
    "export",
    "start",
    "element",
    "code",
    "data",
    "data count",
    "tag",
];

fn count_imported_functions(s: &mut Reader) -> Result<usize> {
    let mut funcs = 0;
    for _ in 0..s.leb()? {
        s.name()?;
        s.name()?;
        match s.byte()? {
            0 => {
                s.leb()?;
                funcs += 1;
            }
            1 => {
                s.byte()?;
                s.limits()?;
            }
            2 => s.limits()?,
            3 => {
                s.byte()?;
                s.byte()?;
            }
            4 => {
                s.byte()?;
                s.leb()?;
            }
            k => return Err(format!("wasm: import kind {k}")),
        }
    }
    Ok(funcs)
}

/// The function names subsection (1) of the name section.
fn read_names(s: &mut Reader, names: &mut BTreeMap<usize, String>) -> Result<()> {
    while s.at < s.b.len() {
        let sub = s.byte()?;
        let size = s.leb()?;
        let next = s.at + size;
        if sub == 1 {
            for _ in 0..s.leb()? {
                let idx = s.leb()?;
                names.insert(idx, s.name()?);
            }
        }
        s.at = next;
    }
    Ok(())
}

const STD: [&str; 3] = ["core", "alloc", "std"];
const PRIMITIVES: [&str; 17] = [
    "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize", "f32", "f64", "bool",
    "char", "str",
];

/// The crate a path starts with (`core[abc123]::fmt` → core; a primitive or a type parameter → ""),
/// past leading `<`, `&`, `(`, `[`, `mut`, `dyn`.
fn first_segment(s: &str) -> &str {
    let mut s = s.trim_start_matches(['<', '&', '*', '(', '[', ' ']);
    for p in ["mut ", "const ", "dyn ", "impl "] {
        s = s.strip_prefix(p).unwrap_or(s);
    }
    let s = s.trim_start_matches(['<', '&', '*', '(', '[', ' ']);
    let end = s
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(s.len());
    let seg = &s[..end];
    let type_param = seg.len() <= 3 && seg.starts_with(|c: char| c.is_ascii_uppercase());
    if PRIMITIVES.contains(&seg) || type_param {
        ""
    } else {
        seg
    }
}

/// Index of the `>` closing the `<` just before `s` (depth 1), if any.
fn closing(s: &str) -> Option<usize> {
    let mut depth = 1;
    for (i, c) in s.char_indices() {
        match c {
            '<' => depth += 1,
            '>' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// The crate a function belongs to, by its demangled name: its path's first segment; for `<A as B>::f`
/// A's crate, unless A is a std or primitive type or a type parameter, then B's (`<Vec<T> as
/// serde::Deserialize>` is serde's); drop glue (`core::ptr::drop_in_place<X>`) is X's crate's; the
/// wasm-bindgen shims (`__wbg_*`, `__wbindgen_*`) are "wasm-bindgen glue". Primitives' methods are core's.
pub fn crate_of(name: &str) -> String {
    if name.is_empty() {
        return "(no name)".into();
    }
    if name.starts_with("__wbg") || name.starts_with("__wbindgen") || name.starts_with("__externref") {
        return "wasm-bindgen glue".into();
    }
    if let Some(rest) = name.strip_prefix("core::ptr::drop_in_place<") {
        let c = crate_of(rest);
        return if c.is_empty() || c == "(no name)" {
            "core".into()
        } else {
            c
        };
    }
    let seg = if let Some(inner) = name.strip_prefix('<') {
        let inner = &inner[..closing(inner).unwrap_or(inner.len())];
        match split_as(inner) {
            Some((a, b)) => {
                let a = first_segment(a);
                if a.is_empty() || STD.contains(&a) {
                    match first_segment(b) {
                        "" => a,
                        b => b,
                    }
                } else {
                    a
                }
            }
            None => first_segment(inner),
        }
    } else {
        first_segment(name)
    };
    if seg.is_empty() {
        "core".into()
    } else {
        seg.to_string()
    }
}

/// `A as B` at generic depth 0.
fn split_as(s: &str) -> Option<(&str, &str)> {
    let mut depth = 0i32;
    for (i, c) in s.char_indices() {
        match c {
            '<' | '(' | '[' => depth += 1,
            '>' | ')' | ']' => depth -= 1,
            ' ' if depth == 0 && s[i..].starts_with(" as ") => return Some((&s[..i], &s[i + 4..])),
            _ => {}
        }
    }
    None
}

/// The family a crate is reported under.
pub fn family(krate: &str) -> &'static str {
    match krate {
        "core" | "alloc" | "std" | "compiler_builtins" | "__rustc" | "dlmalloc" | "hashbrown" => {
            "std, alloc, the allocator (dlmalloc), compiler builtins, hashbrown"
        }
        "tachys" | "reactive_graph" | "leptos" | "leptos_dom" | "either_of" | "send_wrapper" | "any_spawner"
        | "or_poisoned" | "throw_error" | "leptos_macro" | "oco_ref" | "next_tuple" | "slotmap" | "guardian"
        | "futures_util" | "futures_channel" | "futures_executor" | "futures_core" | "pin_project_lite"
        | "indexmap" | "rustc_hash" => "Leptos (leptos, tachys, reactive_graph, their helpers)",
        "ecomap" | "ecomap_app" | "main" | "layout_worker_start" => "ecomap (the app)",
        "ecomap_core" => "ecomap_core",
        "serde_json" | "serde" | "serde_core" | "itoa" | "ryu" | "zmij" | "memchr" => {
            "serde_json, serde, number formatting (itoa, ryu, zmij)"
        }
        k if k.starts_with("plotters") => "plotters (SVG backend)",
        "wasm_bindgen"
        | "js_sys"
        | "web_sys"
        | "wasm-bindgen glue"
        | "wasm_bindgen_futures"
        | "wasm_streams"
        | "gloo_net"
        | "gloo_utils"
        | "gloo_timers"
        | "console_error_panic_hook" => "web glue (wasm-bindgen, js-sys, web-sys, wasm-streams, panic hook)",
        _ => "other",
    }
}

/// One group's cost: functions, raw bytes, brotli of its bodies alone, and marginal brotli (all code
/// compressed minus all code without the group).
struct Cost {
    funcs: usize,
    raw: usize,
    alone: usize,
    marginal: Option<usize>,
}

fn costs(bytes: &[u8], m: &Module, key: impl Fn(&str) -> String, marginal_over: usize) -> Result<Vec<(String, Cost)>> {
    let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, (name, _)) in m.funcs.iter().enumerate() {
        groups.entry(key(name)).or_default().push(i);
    }
    let concat = |pick: &dyn Fn(usize) -> bool| -> Vec<u8> {
        m.funcs
            .iter()
            .enumerate()
            .filter(|(i, _)| pick(*i))
            .flat_map(|(_, (_, r))| bytes[r.clone()].iter().copied())
            .collect()
    };
    let all = brotli_len(&concat(&|_| true))?;
    let mut out = Vec::new();
    for (g, members) in groups {
        let raw: usize = members.iter().map(|&i| m.funcs[i].1.len()).sum();
        let set: std::collections::HashSet<usize> = members.iter().copied().collect();
        let alone = brotli_len(&concat(&|i| set.contains(&i)))?;
        let marginal = if raw >= marginal_over {
            Some(all.saturating_sub(brotli_len(&concat(&|i| !set.contains(&i)))?))
        } else {
            None
        };
        out.push((
            g,
            Cost {
                funcs: members.len(),
                raw,
                alone,
                marginal,
            },
        ));
    }
    out.sort_by_key(|g| std::cmp::Reverse(g.1.raw));
    Ok(out)
}

/// Removes a trailing `::h<16 hex>` (the legacy mangling's hash: one per monomorphisation).
fn without_hash(name: &str) -> &str {
    match name.rsplit_once("::h") {
        Some((head, h)) if h.len() == 16 && h.bytes().all(|c| c.is_ascii_hexdigit()) => head,
        _ => name,
    }
}

fn table(s: &mut String, title: &str, rows: &[(String, Cost)], code: usize) {
    let _ = writeln!(
        s,
        "| {title} | functions | code | share of code | brotli alone | brotli, marginal |\n|---|---:|---:|---:|---:|---:|"
    );
    for (g, c) in rows {
        let _ = writeln!(
            s,
            "| {g} | {} | {} | {:.1} % | {} | {} |",
            c.funcs,
            kb(c.raw),
            100.0 * c.raw as f64 / code.max(1) as f64,
            kb(c.alone),
            c.marginal.map(kb).unwrap_or_else(|| "-".into())
        );
    }
}

/// The markdown of the breakdown of the named wasm `bytes`; `shipped` is dist/'s wasm.
pub fn render(bytes: &[u8], shipped: &[u8], note: &str) -> Result<String> {
    let m = parse(bytes)?;
    let shipped_m = parse(shipped)?;
    let code: usize = m.funcs.iter().map(|(_, r)| r.len()).sum();
    let shipped_code: usize = shipped_m.funcs.iter().map(|(_, r)| r.len()).sum();
    let mut s = String::new();
    let _ = writeln!(s, "{START}\n\n{note}\n");
    let _ = writeln!(
        s,
        "The shipped wasm: {} raw, {} brotli (quality 11); its code section holds {} of function bodies in {} \
         functions (the named copy: {} in {}).\n",
        kb(shipped.len()),
        kb(brotli_len(shipped)?),
        kb(shipped_code),
        shipped_m.funcs.len(),
        kb(code),
        m.funcs.len()
    );
    let _ = writeln!(s, "| section | bytes |\n|---|---:|");
    for (name, n) in &shipped_m.sections {
        let _ = writeln!(s, "| {name} | {} |", kb(*n));
    }
    let _ = writeln!(
        s,
        "\nFunction bodies by family of crates and by crate. *brotli alone*: the group's bodies compressed on \
         their own; *brotli, marginal*: all bodies compressed minus all bodies but the group's (what removing \
         it would save, roughly; groups under 1 % of the code are not computed). Closures called through \
         `FnOnce::call_once` shims and generic std functions count as std's even when a Leptos view or the app \
         instantiated them, so std's figure contains some of the others'.\n"
    );
    let one_percent = code / 100;
    let fam = costs(bytes, &m, |n| family(&crate_of(n)).to_string(), one_percent)?;
    table(&mut s, "family", &fam, code);
    let _ = writeln!(s);
    let crates = costs(bytes, &m, crate_of, one_percent)?;
    let top: Vec<(String, Cost)> = crates.into_iter().filter(|(_, c)| c.raw >= code / 500).collect();
    table(&mut s, "crate (at least 0.2 % of the code)", &top, code);
    largest(&mut s, &m);
    monos(&mut s, &m);
    let _ = writeln!(s, "\n{END}");
    Ok(s)
}

fn largest(s: &mut String, m: &Module) {
    let mut f: Vec<&(String, Range<usize>)> = m.funcs.iter().collect();
    f.sort_by_key(|f| std::cmp::Reverse(f.1.len()));
    let _ = writeln!(s, "\nThe 20 largest functions:\n\n| function | code |\n|---|---:|");
    for (name, r) in f.into_iter().take(20) {
        let _ = writeln!(s, "| `{}` | {} |", short(without_hash(name)), kb(r.len()));
    }
}

/// Functions of one name with several bodies (monomorphisations), by their summed size.
fn monos(s: &mut String, m: &Module) {
    let mut by: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (name, r) in &m.funcs {
        let e = by.entry(without_hash(name)).or_default();
        e.0 += 1;
        e.1 += r.len();
    }
    let mut v: Vec<(&str, (usize, usize))> = by.into_iter().filter(|(_, (n, _))| *n > 1).collect();
    v.sort_by_key(|e| std::cmp::Reverse(e.1 .1));
    let _ = writeln!(
        s,
        "\nThe 20 functions with the most code in copies (one name, several monomorphised bodies):\n\n| function | copies | code |\n|---|---:|---:|"
    );
    for (name, (n, size)) in v.into_iter().take(20) {
        let _ = writeln!(s, "| `{}` | {n} | {} |", short(name), kb(size));
    }
}

/// A name cut to 120 characters, with `|` escaped for markdown tables.
fn short(name: &str) -> String {
    let cut: String = name.chars().take(120).collect();
    let more = if cut.len() < name.len() { "…" } else { "" };
    format!("{}{more}", cut.replace('|', "\\|").replace('`', "'"))
}

/// The newest `*_bg.wasm` in `dir`.
fn newest_wasm(dir: &Path) -> Result<PathBuf> {
    std::fs::read_dir(dir)
        .map_err(|e| format!("reading {}: {e} (build first: `cargo xtask build`)", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with("_bg.wasm"))
        .max_by_key(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok())
        .ok_or_else(|| format!("no *_bg.wasm in {} (build first)", dir.display()))
}

/// `cargo xtask size --breakdown`: after a release build, the named copy, the tables, docs/size.md.
pub fn run(root: &Path) -> Result<()> {
    let shipped = crate::size::measure(&root.join("dist"))?;
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    let bindgen = newest_wasm(&target.join("wasm-bindgen").join("release"))?;
    let named = target.join("size").join("named.wasm");
    std::fs::create_dir_all(target.join("size")).map_err(|e| e.to_string())?;
    let tools = install::build_tools(root)?;
    crate::run(
        tools.env(
            Command::new("wasm-opt")
                .arg("-Oz")
                .arg("-g")
                .arg(&bindgen)
                .arg("-o")
                .arg(&named),
        ),
    )?;
    let bytes = std::fs::read(&named).map_err(|e| format!("reading {}: {e}", named.display()))?;
    let shipped_bytes = std::fs::read(&shipped.file).map_err(|e| e.to_string())?;
    let (date, commit) = crate::bench::stamp(root);
    let note = format!(
        "Measured {date} at commit {commit} by `cargo xtask size --breakdown`: dist/'s wasm, and a copy of the \
         same wasm-bindgen output optimised with the same `wasm-opt -Oz` plus `-g` (names kept) for the names."
    );
    let md = render(&bytes, &shipped_bytes, &note)?;
    print!("{md}");
    let path = root.join("docs").join("size.md");
    let doc = std::fs::read_to_string(&path).unwrap_or_else(|_| "# Size of the app's wasm\n".into());
    std::fs::write(&path, splice(&doc, &md)).map_err(|e| format!("writing {}: {e}", path.display()))?;
    println!("wrote the breakdown into {}", path.display());
    Ok(())
}

/// `doc` with the part between the markers replaced by `part` (appended when there is none).
fn splice(doc: &str, part: &str) -> String {
    if let (Some(a), Some(b)) = (doc.find(START), doc.find(END)) {
        if a < b {
            return format!("{}{}{}", &doc[..a], part.trim_end(), &doc[b + END.len()..]);
        }
    }
    format!("{}\n\n{}\n", doc.trim_end(), part.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crates_by_name() {
        let c = |n: &str| crate_of(n);
        assert_eq!(
            c("serde_json::de::Deserializer<R>::parse_any::h0123456789abcdef"),
            "serde_json"
        );
        assert_eq!(
            c("<F as tachys::reactive_graph::ReactiveFunction>::invoke::h0123456789abcdef"),
            "tachys"
        );
        assert_eq!(
            c("<ecomap_core::import::stream::Root as serde_core::de::Visitor>::visit_map"),
            "ecomap_core"
        );
        assert_eq!(
            c("<alloc::vec::Vec<T> as serde_core::de::Deserialize>::deserialize"),
            "serde_core"
        );
        assert_eq!(
            c("<f64 as core[c5930c85a12de822]::str::traits::FromStr>::from_str"),
            "core"
        );
        assert_eq!(
            c("core::ptr::drop_in_place<leptos::into_view::View<X>>::h0123456789abcdef"),
            "leptos"
        );
        assert_eq!(c("core::ptr::drop_in_place<(tachys::html::A,u8)>"), "tachys");
        assert_eq!(c("<(A,B,C) as tachys::html::attribute::Attribute>::rebuild"), "tachys");
        assert_eq!(
            c("<dlmalloc[e24a27700634d609]::dlmalloc::Dlmalloc<S>>::malloc"),
            "dlmalloc"
        );
        assert_eq!(c("<char>::escape_debug_ext"), "core");
        assert_eq!(c("__wbg_set_1234"), "wasm-bindgen glue");
        assert_eq!(c(""), "(no name)");
        assert_eq!(without_hash("a::b::h0123456789abcdef"), "a::b");
        assert_eq!(without_hash("a::b::hash"), "a::b::hash");
    }

    /// A module with one imported function, two defined functions (bodies of 3 and 2 bytes) and names.
    fn tiny() -> Vec<u8> {
        let mut b = b"\0asm\x01\0\0\0".to_vec();
        b.extend([1, 4, 1, 0x60, 0, 0]); // type: () -> ()
        b.extend([2, 7, 1, 1, b'm', 1, b'f', 0, 0]); // import m.f: func type 0
        b.extend([3, 3, 2, 0, 0]); // function: two of type 0
        b.extend([10, 8, 2, 3, 0, 1, 0x0b, 2, 0, 0x0b]); // code: nop body (3), empty body (2)
        let names = [1u8, 11, 2, 1, 3, b'a', b'b', b'c', 2, 3, b'x', b'y', b'z'];
        let mut custom = vec![4, b'n', b'a', b'm', b'e'];
        custom.extend(names);
        b.push(0);
        b.push(custom.len() as u8);
        b.extend(custom);
        b
    }

    #[test]
    fn parses_code_and_names() -> Result<()> {
        let b = tiny();
        let m = parse(&b)?;
        let funcs: Vec<(&str, usize)> = m.funcs.iter().map(|(n, r)| (n.as_str(), r.len())).collect();
        assert_eq!(funcs, [("abc", 3), ("xyz", 2)]);
        let labels: Vec<&str> = m.sections.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(labels, ["type", "import", "function", "code", "custom `name`"]);
        assert_eq!(m.sections.iter().map(|(_, n)| n).sum::<usize>(), b.len() - 8);
        Ok(())
    }

    #[test]
    fn splices_the_generated_part() {
        let doc = format!("# S\n\n{START}\nold\n{END}\n\n## Tried\nkept\n");
        let out = splice(&doc, &format!("{START}\nnew\n{END}\n"));
        assert_eq!(out, format!("# S\n\n{START}\nnew\n{END}\n\n## Tried\nkept\n"));
    }
}
