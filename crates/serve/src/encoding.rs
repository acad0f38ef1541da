//! Precompressed variants: which files have them (`.br`/`.gz` beside the file, written at build time by
//! `cargo xtask build`), which one a request accepts, and which file to send.

use std::path::{Path, PathBuf};

/// Extensions of the files that get precompressed variants (text and wasm; images are compressed already).
pub const EXTENSIONS: &[&str] = &["wasm", "js", "css", "json", "geojson", "html", "svg"];

/// A precompressed variant of a file: its encoding token (`Content-Encoding`) and the suffix of its file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Brotli,
    Gzip,
}

impl Encoding {
    pub const ALL: [Encoding; 2] = [Encoding::Brotli, Encoding::Gzip];

    /// The `Content-Encoding` / `Accept-Encoding` token.
    pub fn token(self) -> &'static str {
        match self {
            Encoding::Brotli => "br",
            Encoding::Gzip => "gzip",
        }
    }

    /// The suffix of the precompressed file beside the original (`app.wasm` → `app.wasm.br`).
    pub fn suffix(self) -> &'static str {
        match self {
            Encoding::Brotli => ".br",
            Encoding::Gzip => ".gz",
        }
    }

    /// The path of this variant of `file`.
    pub fn variant(self, file: &Path) -> PathBuf {
        let mut name = file.as_os_str().to_owned();
        name.push(self.suffix());
        PathBuf::from(name)
    }
}

/// Whether `path` is one of the file types that get precompressed variants.
pub fn compressible(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// The quality an `Accept-Encoding` header gives `token` (0 = not acceptable): its own entry, else `*`'s,
/// else 0. An unreadable q value counts as 0.
fn quality(accept: &str, token: &str) -> f32 {
    let mut star = None;
    for entry in accept.split(',') {
        let mut parts = entry.split(';');
        let name = parts.next().unwrap_or("").trim();
        let q = parts
            .filter_map(|p| p.trim().strip_prefix("q="))
            .map(|v| v.trim().parse::<f32>().unwrap_or(0.0))
            .next()
            .unwrap_or(1.0);
        if name.eq_ignore_ascii_case(token) || (token == "gzip" && name.eq_ignore_ascii_case("x-gzip")) {
            return q;
        }
        if name == "*" {
            star = Some(q);
        }
    }
    star.unwrap_or(0.0)
}

/// The encodings a request accepts, best first; brotli before gzip when both are as welcome.
pub fn accepted(accept: Option<&str>) -> Vec<Encoding> {
    let Some(accept) = accept else {
        return Vec::new();
    };
    let mut encs: Vec<(Encoding, f32)> = Encoding::ALL
        .into_iter()
        .map(|e| (e, quality(accept, e.token())))
        .filter(|&(_, q)| q > 0.0)
        .collect();
    // A stable sort keeps Encoding::ALL's order (brotli first) among equals.
    encs.sort_by(|a, b| b.1.total_cmp(&a.1));
    encs.into_iter().map(|(e, _)| e).collect()
}

fn modified(p: &Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(p).and_then(|m| m.modified()).ok()
}

/// The file to send for `file` and its encoding: the best precompressed variant the request accepts, if it
/// exists and is not older than the file (a stale variant is never sent), else the file itself.
pub fn choose(file: &Path, accept: Option<&str>) -> (PathBuf, Option<Encoding>) {
    if compressible(file) {
        for enc in accepted(accept) {
            let variant = enc.variant(file);
            if variant.is_file() && modified(&variant) >= modified(file) {
                return (variant, Some(enc));
            }
        }
    }
    (file.to_path_buf(), None)
}
