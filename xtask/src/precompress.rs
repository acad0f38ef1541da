//! Precompression of dist/ at build time: a `.br` (brotli, quality 11) and a `.gz` (gzip, level 9) beside every
//! compressible file, so that any static host (nginx `brotli_static`/`gzip_static`, Apache, xtask's own server)
//! sends compressed bytes without compressing on the fly. docs/hosting.md shows the host configurations.

use crate::{size, Result};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

pub use crate::server::{compressible, Encoding};

/// The bytes of `data` in encoding `enc`.
pub fn compress(enc: Encoding, data: &[u8]) -> Result<Vec<u8>> {
    match enc {
        Encoding::Brotli => brotli(data),
        Encoding::Gzip => gzip(data),
    }
}

/// brotli at quality 11 with a 4 MB window (as `cargo xtask size` measures it).
pub fn brotli(data: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &data[..], &mut out, &params).map_err(|e| format!("brotli: {e}"))?;
    Ok(out)
}

/// gzip at level 9 (flate2 with its pure-Rust backend).
pub fn gzip(data: &[u8]) -> Result<Vec<u8>> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(data).map_err(|e| format!("gzip: {e}"))?;
    enc.finish().map_err(|e| format!("gzip: {e}"))
}

/// What a run wrote, in bytes, over the files it compressed.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub raw: usize,
    pub brotli: usize,
    pub gzip: usize,
}

/// Every file under `dir`, recursively.
fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("reading {}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// The file a variant was made from (`app.wasm.br` → `app.wasm`); None for a file that is no variant.
fn original_of(variant: &Path) -> Option<PathBuf> {
    let name = variant.to_str()?;
    Encoding::ALL
        .iter()
        .find_map(|e| name.strip_suffix(e.suffix()))
        .filter(|o| compressible(Path::new(o)))
        .map(PathBuf::from)
}

/// Writes the variants of one file; a variant that would not be smaller than the file is not written (and
/// an old one removed), so a server falls back to the file itself. Returns the sizes written (or the raw size).
fn compress_file(path: &Path) -> Result<[usize; 3]> {
    let data = std::fs::read(path).map_err(|e| format!("reading {}: {e}", path.display()))?;
    let mut sizes = [data.len(); 3];
    for (i, enc) in Encoding::ALL.into_iter().enumerate() {
        let packed = compress(enc, &data)?;
        let target = enc.variant(path);
        if packed.len() < data.len() {
            std::fs::write(&target, &packed).map_err(|e| format!("writing {}: {e}", target.display()))?;
            sizes[i + 1] = packed.len();
        } else if target.exists() {
            std::fs::remove_file(&target).map_err(|e| format!("removing {}: {e}", target.display()))?;
        }
    }
    Ok(sizes)
}

/// Precompresses every compressible file under `dist` (two threads, largest files first) and removes variants
/// whose original is gone.
pub fn run(dist: &Path) -> Result<Summary> {
    let mut files = Vec::new();
    walk(dist, &mut files)?;
    for f in &files {
        if original_of(f).is_some_and(|o| !o.exists()) {
            std::fs::remove_file(f).map_err(|e| format!("removing {}: {e}", f.display()))?;
        }
    }
    files.retain(|f| compressible(f));
    files.sort_by_key(|f| std::cmp::Reverse(std::fs::metadata(f).map(|m| m.len()).unwrap_or(0)));
    let next = AtomicUsize::new(0);
    let summary = Mutex::new(Ok(Summary::default()));
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                while let Some(f) = files.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let r = compress_file(f);
                    let mut sum = summary.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
                    match (r, sum.as_mut()) {
                        (Ok([raw, br, gz]), Ok(acc)) => {
                            acc.files += 1;
                            acc.raw += raw;
                            acc.brotli += br;
                            acc.gzip += gz;
                        }
                        (Err(e), Ok(_)) => *sum = Err(e),
                        (_, Err(_)) => {}
                    }
                }
            });
        }
    });
    summary.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Runs [`run`] and prints what it wrote.
pub fn run_and_report(dist: &Path) -> Result<Summary> {
    let started = std::time::Instant::now();
    let s = run(dist)?;
    println!(
        "precompressed {} files in {:.1} s: raw {}, brotli {}, gzip {} (.br/.gz beside each)",
        s.files,
        started.elapsed().as_secs_f64(),
        size::kb(s.raw),
        size::kb(s.brotli),
        size::kb(s.gzip)
    );
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("ecomap-precompress-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("data")).unwrap_or_default();
        dir
    }

    #[test]
    fn writes_variants_that_decompress_to_the_file() -> Result<()> {
        let dir = temp_dir("roundtrip");
        let text = "{\"actors\": [".to_string() + &"{\"name\": \"Müller GmbH\"},".repeat(500) + "{}]}";
        let json = dir.join("data").join("demo.json");
        std::fs::write(&json, &text).map_err(|e| e.to_string())?;
        std::fs::write(dir.join("og-image.png"), [0x89, b'P', b'N', b'G']).map_err(|e| e.to_string())?;
        std::fs::write(dir.join("tiny.js"), "1").map_err(|e| e.to_string())?;
        std::fs::write(dir.join("gone.css.br"), "stale").map_err(|e| e.to_string())?;
        let s = run(&dir)?;
        assert_eq!(s.files, 2, "demo.json and tiny.js are compressible, the png is not");
        let mut br = Vec::new();
        let packed = std::fs::read(json.with_extension("json.br")).map_err(|e| e.to_string())?;
        brotli::BrotliDecompress(&mut &packed[..], &mut br).map_err(|e| e.to_string())?;
        assert_eq!(br, text.as_bytes());
        let packed = std::fs::read(json.with_extension("json.gz")).map_err(|e| e.to_string())?;
        let mut gz = Vec::new();
        flate2::read::GzDecoder::new(&packed[..])
            .read_to_end(&mut gz)
            .map_err(|e| e.to_string())?;
        assert_eq!(gz, text.as_bytes());
        assert!(s.brotli < s.gzip && s.gzip < s.raw, "{s:?}");
        assert!(!dir.join("og-image.png.br").exists(), "images are not precompressed");
        assert!(
            !dir.join("tiny.js.br").exists(),
            "a variant that is not smaller is not written"
        );
        assert!(
            !dir.join("gone.css.br").exists(),
            "a variant whose file is gone is removed"
        );
        let _ = std::fs::remove_dir_all(&dir);
        Ok(())
    }

    #[test]
    fn compressible_types() {
        for f in [
            "a_bg.wasm",
            "a.js",
            "m.css",
            "d.json",
            "b.geojson",
            "index.html",
            "i.svg",
            "X.JSON",
        ] {
            assert!(compressible(Path::new(f)), "{f}");
        }
        for f in ["og-image.png", "a.wasm.br", "a.js.gz", "README"] {
            assert!(!compressible(Path::new(f)), "{f}");
        }
    }
}
