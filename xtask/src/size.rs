//! Size check of the app's .wasm in dist/: brotli (quality 11) must stay within the budget.

pub mod breakdown;

use crate::Result;
use std::path::{Path, PathBuf};

/// Regression guard for the whole app (list, map, network and charts in one wasm), brotli quality 11.
///
/// The foundation issue's target was <= 250 KB "at this stage"; the foundation met it (232.6 KB at commit
/// b03edee, docs/benchmarks.md). The three views add ~180 KB (map ~60, network ~65, charts ~53). Getting the
/// first download back under 250 KB needs the views split into wasm modules loaded on demand: not done yet.
/// This guard catches growth beyond the measured whole app; it is not the foundation's target.
pub const BUDGET_BROTLI: usize = 450 * 1024;

/// The foundation issue's target (list, filters, search, detail only), reported beside the whole app.
pub const FOUNDATION_TARGET_BROTLI: usize = 250 * 1024;

pub struct Sizes {
    pub file: PathBuf,
    pub raw: usize,
    pub brotli: usize,
}

pub fn brotli_len(data: &[u8]) -> Result<usize> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &data[..], &mut out, &params).map_err(|e| format!("brotli: {e}"))?;
    Ok(out.len())
}

/// The largest .wasm file in `dist` (the app; Trunk hashes its name).
pub fn measure(dist: &Path) -> Result<Sizes> {
    let entries = std::fs::read_dir(dist).map_err(|e| format!("reading {}: {e}", dist.display()))?;
    let wasm = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "wasm"))
        .max_by_key(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0))
        .ok_or_else(|| format!("no .wasm in {}", dist.display()))?;
    let data = std::fs::read(&wasm).map_err(|e| format!("reading {}: {e}", wasm.display()))?;
    Ok(Sizes {
        raw: data.len(),
        brotli: brotli_len(&data)?,
        file: wasm,
    })
}

pub fn kb(n: usize) -> String {
    format!("{:.1} KB", n as f64 / 1024.0)
}

/// Prints the sizes; Ok(sizes) if within budget.
pub fn check(dist: &Path) -> Result<Sizes> {
    let s = measure(dist)?;
    let name = s
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    println!(
        "wasm size: {name}: raw {}, brotli(q11) {} (budget {})",
        kb(s.raw),
        kb(s.brotli),
        kb(BUDGET_BROTLI)
    );
    if s.brotli <= BUDGET_BROTLI {
        Ok(s)
    } else {
        Err(format!(
            "wasm is {} brotli, over the {} budget",
            kb(s.brotli),
            kb(BUDGET_BROTLI)
        ))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn compresses_repetitive_data() {
        let data = vec![b'a'; 100_000];
        let n = super::brotli_len(&data).unwrap_or(usize::MAX);
        assert!(n < 1000, "{n}");
    }
}
