//! `cargo xtask bench`: native core benchmarks, browser benchmarks of the release build on generated exports
//! (each view beside its anchor on the same input), and docs/benchmarks.md with the figures against their
//! targets plus the layout plots (docs/benchmarks-layout-<data>.svg). A figure that was not measured is
//! written as "not measured", never invented. The report itself is `report.rs`; the layout comparison
//! `layout.rs` and `plot.rs`; the page (Lighthouse, the first drawn map, the first view's bytes) `page.rs`,
//! which `cargo xtask bench page` runs alone; presentation mode's step transitions `present.rs`, which
//! `cargo xtask bench present` runs alone.

mod embeds;
mod import;
mod insight;
mod layout;
mod page;
mod plot;
mod present;
mod report;

pub use report::stamp;

use crate::install;
use crate::{run_tee, serve, server, size, Result};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Generated exports (`ecomap generate --actors N --seed 1`): 10k and 50k for every script, 100k for the
/// end-to-end filter change (bench/filter.mjs) and the shell's load.
const SIZES: [usize; 3] = [10_000, 50_000, 100_000];

/// One `BENCH key=value ...` line. Its figure is `ms=`, or `value=` for what is no time (scores, bytes).
#[derive(Debug, Clone)]
pub struct Figure {
    pub fields: BTreeMap<String, String>,
    pub ms: f64,
}

impl Figure {
    pub fn get(&self, k: &str) -> &str {
        self.fields.get(k).map(String::as_str).unwrap_or("")
    }
}

pub fn parse_bench_lines(out: &str) -> Vec<Figure> {
    out.lines()
        .filter_map(|l| l.trim().strip_prefix("BENCH "))
        .filter_map(|rest| {
            let fields: BTreeMap<String, String> = rest
                .split_whitespace()
                .filter_map(|kv| kv.split_once('='))
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            let ms = fields.get("ms").or_else(|| fields.get("value"))?.parse().ok()?;
            Some(Figure { fields, ms })
        })
        .collect()
}

/// The `# ...` lines a script printed (facts beside its figures: graph sizes, cluster counts, renderers).
fn parse_note_lines(out: &str) -> Vec<String> {
    out.lines()
        .filter_map(|l| l.trim().strip_prefix("# "))
        .map(str::to_string)
        .collect()
}

/// One row of the targets table.
pub struct Target {
    pub what: String,
    pub target: String,
    pub shown: String,
    pub verdict: &'static str,
}

impl Target {
    pub fn new(what: String, target: String, shown: String, verdict: &'static str) -> Target {
        Target {
            what,
            target,
            shown,
            verdict,
        }
    }
}

/// What one browser script printed.
pub struct Script {
    pub name: String,
    pub figures: Vec<Figure>,
    pub notes: Vec<String>,
}

/// Everything one run measured.
pub struct Results {
    pub native: Vec<Figure>,
    pub browser: Vec<Figure>,
    pub scripts: Vec<Script>,
    /// bench/page.mjs (Lighthouse and the first view), when it ran.
    pub page: Option<page::Page>,
    pub wasm: Option<size::Sizes>,
    pub notes: Vec<String>,
    /// The `# ...` lines of the native benches (the insight's centrality method and error).
    pub native_notes: Vec<String>,
}

impl Results {
    /// Every figure of the view scripts.
    pub fn view_figures(&self) -> impl Iterator<Item = &Figure> {
        self.scripts.iter().flat_map(|s| s.figures.iter())
    }
}

pub fn median(mut v: Vec<f64>) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    Some(v[v.len() / 2])
}

pub fn fmt_ms(v: Option<f64>) -> String {
    v.map(|x| format!("{x:.1} ms")).unwrap_or_else(|| "not measured".into())
}

pub fn verdict(v: Option<f64>, target: f64) -> &'static str {
    match v {
        Some(x) if x <= target => "met",
        Some(_) => "not met",
        None => "not measured",
    }
}

/// `cargo xtask bench` (everything) or `cargo xtask bench page` (only the page section).
pub fn run(args: &[String]) -> Result<()> {
    match args {
        [] => run_all(),
        [what] if what == "page" => page::run_only(),
        [what] if what == "present" => present::run_only(),
        [what] if what == "import" => import::run_only(),
        _ => Err(format!(
            "bench: unknown arguments {args:?} (`cargo xtask bench`, `cargo xtask bench page`, `cargo xtask bench present` or `cargo xtask bench import`)"
        )),
    }
}

fn run_all() -> Result<()> {
    let root = crate::project_root();
    let mut notes: Vec<String> = Vec::new();

    // (a) native core benchmarks
    let (ok, out) = run_tee(
        Command::new("cargo")
            .current_dir(&root)
            .args(["bench", "-p", "ecomap-core", "--benches"]),
    );
    if !ok {
        notes.push(
            "`cargo bench -p ecomap-core --benches` failed (see its output); figures it printed are kept.".into(),
        );
    }
    let native = parse_bench_lines(&out);
    let native_notes = parse_note_lines(&out);

    // (b) browser benchmarks on the release build (skipped, with a note, when it cannot be built)
    let (browser, scripts, page, wasm) = match browser_bench(&root, &mut notes) {
        Ok(x) => x,
        Err(e) => {
            notes.push(format!("browser benchmarks not run: {e}"));
            (Vec::new(), Vec::new(), None, None)
        }
    };
    let results = Results {
        native,
        browser,
        scripts,
        page,
        wasm,
        notes,
        native_notes,
    };
    let docs = root.join("docs");
    std::fs::create_dir_all(&docs).map_err(|e| e.to_string())?;
    let mut plots = Vec::new();
    for run in layout::collect(&results.view_figures().cloned().collect::<Vec<_>>()) {
        let file = format!("benchmarks-layout-{}.svg", run.data);
        std::fs::write(docs.join(&file), plot::svg(&run)).map_err(|e| format!("writing {file}: {e}"))?;
        plots.push((run.data.clone(), file));
    }
    let doc = report::render(&root, &results, &plots);
    let path = docs.join("benchmarks.md");
    std::fs::write(&path, doc).map_err(|e| format!("writing {}: {e}", path.display()))?;
    println!("wrote {}", path.display());
    Ok(())
}

/// Figures of bench/browser.mjs, of each view's bench/<view>.mjs, of bench/page.mjs, and the wasm size.
type BrowserFigures = (Vec<Figure>, Vec<Script>, Option<page::Page>, Option<size::Sizes>);

fn browser_bench(root: &Path, notes: &mut Vec<String>) -> Result<BrowserFigures> {
    let tools = install::build_tools(root)?;
    install::chromium()?;
    serve::build_release(root, &tools)?;
    let dist = root.join("dist");
    let wasm = size::measure(&dist).ok();
    let core_wasm = match build_core_wasm(root, &tools) {
        Ok(p) => Some(p),
        Err(e) => {
            notes.push(format!(
                "bench/wasm (ecomap-core for the comparisons) not built: {e}; the comparisons that need it are not measured."
            ));
            None
        }
    };
    let datasets = generate_exports(root, notes);
    let bench_dir = root.join("bench");
    install::npm_ci(&bench_dir)?;
    let srv = server::start(&dist, None, 0, true)?;
    let mut cmd = Command::new("node");
    cmd.current_dir(&bench_dir)
        .arg("browser.mjs")
        .env("ECOMAP_URL", srv.url());
    cmd.arg("demo=");
    for (label, file) in &datasets {
        cmd.arg(format!("{label}=data={file}"));
    }
    let (ok, out) = run_tee(&mut cmd);
    if !ok {
        notes.push("the browser benchmark script failed (see its output); figures it printed are kept.".into());
    }
    let browser = parse_bench_lines(&out);

    // Each view's own benchmark, side by side with its anchor, on the same server and exports.
    let generated: Vec<&str> = datasets.iter().map(|(_, f)| f.as_str()).collect();
    let mut scripts = Vec::new();
    for script in view_scripts(&bench_dir) {
        let mut cmd = Command::new("node");
        cmd.current_dir(&bench_dir)
            .arg(&script)
            .env("ECOMAP_URL", srv.url())
            .env("ECOMAP_DIST", &dist)
            .env("ECOMAP_BENCH_DATA", generated.join(","));
        if let Some(p) = &core_wasm {
            cmd.env("ECOMAP_BENCH_WASM", p);
        }
        let (ok, out) = run_tee(&mut cmd);
        if !ok {
            notes.push(format!(
                "bench/{script} failed (see its output); figures it printed are kept."
            ));
        }
        scripts.push(Script {
            name: script,
            figures: parse_bench_lines(&out),
            notes: parse_note_lines(&out),
        });
    }
    // The page last, on a machine the other scripts no longer load.
    let page = page::measure(root, &srv.url());
    if !page.ok {
        notes.push(format!(
            "bench/{} failed (see its output); figures it printed are kept.",
            page::SCRIPT
        ));
    }
    Ok((browser, scripts, Some(page), wasm))
}

/// Writes `dist/data/gen-N.json`, the seeded synthetic export of `n` actors (`ecomap generate --seed 1`);
/// returns its path under the project root.
pub(crate) fn generate_export(root: &Path, n: usize) -> Result<String> {
    let out_file = format!("dist/data/gen-{n}.json");
    crate::run(Command::new("cargo").current_dir(root).args([
        "run",
        "--release",
        "--quiet",
        "-p",
        "ecomap-cli",
        "--",
        "generate",
        "--actors",
        &n.to_string(),
        "--seed",
        "1",
        "--out",
        &out_file,
    ]))?;
    Ok(out_file)
}

/// Writes `dist/data/gen-N.json` for every size; returns (label, path under dist/) of those written.
fn generate_exports(root: &Path, notes: &mut Vec<String>) -> Vec<(String, String)> {
    let mut datasets = Vec::new();
    for n in SIZES {
        match generate_export(root, n) {
            Ok(out_file) if root.join(&out_file).is_file() => {
                datasets.push((format!("gen-{n}"), format!("data/gen-{n}.json")));
            }
            Ok(out_file) => notes.push(format!("`ecomap generate --actors {n}` wrote no {out_file}.")),
            Err(e) => notes.push(format!("generating {n} actors failed: {e}")),
        }
    }
    datasets
}

/// Builds bench/wasm (ecomap-core behind plain wasm exports, the app's release profile) and runs the app's
/// wasm-opt level (`-Oz`, index.html's `data-wasm-opt="z"`) on it; returns the module's path.
fn build_core_wasm(root: &Path, tools: &install::Tools) -> Result<PathBuf> {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"))
        .join("bench-wasm");
    crate::run(
        tools.env(
            Command::new("cargo")
                .current_dir(root)
                .args([
                    "build",
                    "--release",
                    "--target",
                    install::WASM_TARGET,
                    "--manifest-path",
                ])
                .arg(root.join("bench").join("wasm").join("Cargo.toml"))
                .arg("--target-dir")
                .arg(&target),
        ),
    )?;
    let built = target
        .join(install::WASM_TARGET)
        .join("release")
        .join("ecomap_bench_wasm.wasm");
    let opt = target.join("ecomap_bench_wasm.opt.wasm");
    crate::run(tools.env(Command::new("wasm-opt").arg("-Oz").arg(&built).arg("-o").arg(&opt)))?;
    Ok(opt)
}

/// The view benchmarks: every `bench/*.mjs` except the shell's own `browser.mjs` and the page's `page.mjs`,
/// in name order.
fn view_scripts(bench_dir: &Path) -> Vec<String> {
    let mut scripts: Vec<String> = std::fs::read_dir(bench_dir)
        .map(|rd| {
            rd.flatten()
                .filter_map(|e| e.file_name().into_string().ok())
                .filter(|n| n.ends_with(".mjs") && n != "browser.mjs" && n != page::SCRIPT)
                .collect()
        })
        .unwrap_or_default();
    scripts.sort();
    scripts
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `[profile.release...]` sections of a Cargo.toml: (header, its settings), comments left out.
    fn release_profile(toml: &str) -> Vec<(String, Vec<String>)> {
        let mut out: Vec<(String, Vec<String>)> = Vec::new();
        let mut inside = false;
        for line in toml
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            if line.starts_with('[') {
                inside = line.starts_with("[profile.release");
                if inside {
                    out.push((line.to_string(), Vec::new()));
                }
            } else if let (true, Some(last)) = (inside, out.last_mut()) {
                last.1.push(line.to_string());
            }
        }
        out
    }

    #[test]
    fn the_comparisons_core_compiles_as_the_apps() {
        // bench/wasm builds ecomap-core for the comparisons with graphology and supercluster: with the app's
        // release settings, section by section (the app's root has more packages: the CLI, xtask).
        let root = crate::project_root();
        let read = |p: &str| std::fs::read_to_string(root.join(p)).unwrap_or_default();
        let app = release_profile(&read("Cargo.toml"));
        let bench = release_profile(&read("bench/wasm/Cargo.toml"));
        assert!(
            bench.iter().any(|(h, _)| h == "[profile.release.package.ecomap-core]"),
            "{bench:?}"
        );
        for section in &bench {
            assert!(
                app.contains(section),
                "bench/wasm's {section:?} differs from the app's {app:?}"
            );
        }
    }

    #[test]
    fn parses_bench_lines() {
        let f = parse_bench_lines("x\nBENCH name=filter actors=50000 ms=1.5\nBENCH name=bad\nBENCH name=s value=0.9\n");
        assert_eq!(f.len(), 2);
        assert!((f[1].ms - 0.9).abs() < 1e-9);
        assert_eq!(f[0].get("name"), "filter");
        assert!((f[0].ms - 1.5).abs() < 1e-9);
        assert_eq!(parse_note_lines("# a: b\nBENCH x=1 ms=2\n#no\n"), ["a: b"]);
    }

    #[test]
    fn verdicts() {
        assert_eq!(verdict(Some(3.0), 5.0), "met");
        assert_eq!(verdict(Some(6.0), 5.0), "not met");
        assert_eq!(verdict(None, 5.0), "not measured");
    }
}
