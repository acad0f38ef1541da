//! `cargo xtask bench`: native core benchmarks, browser benchmarks of the release build on
//! generated exports, and docs/benchmarks.md with the figures against their targets.
//! A figure that was not measured is written as "not measured", never invented.

use crate::install;
use crate::{output, project_root, run_tee, serve, server, size, Result};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

const SIZES: [usize; 2] = [10_000, 50_000];

/// One `BENCH key=value ...` line.
#[derive(Debug, Clone)]
pub struct Figure {
    pub fields: BTreeMap<String, String>,
    pub ms: f64,
}

impl Figure {
    fn get(&self, k: &str) -> &str {
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
            let ms = fields.get("ms")?.parse().ok()?;
            Some(Figure { fields, ms })
        })
        .collect()
}

fn median(mut v: Vec<f64>) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    Some(v[v.len() / 2])
}

fn fmt_ms(v: Option<f64>) -> String {
    v.map(|x| format!("{x:.1} ms")).unwrap_or_else(|| "not measured".into())
}

fn verdict(v: Option<f64>, target: f64) -> &'static str {
    match v {
        Some(x) if x <= target => "met",
        Some(_) => "not met",
        None => "not measured",
    }
}

pub fn run() -> Result<()> {
    let root = project_root();
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

    // (b) browser benchmarks on the release build (skipped, with a note, when it cannot be built)
    let (browser, views, wasm) = match browser_bench(&root, &mut notes) {
        Ok(x) => x,
        Err(e) => {
            notes.push(format!("browser benchmarks not run: {e}"));
            (Vec::new(), Vec::new(), None)
        }
    };

    let doc = render(&root, &native, &browser, &views, wasm.as_ref(), &notes);
    let path = root.join("docs").join("benchmarks.md");
    std::fs::create_dir_all(root.join("docs")).map_err(|e| e.to_string())?;
    std::fs::write(&path, doc).map_err(|e| format!("writing {}: {e}", path.display()))?;
    println!("wrote {}", path.display());
    Ok(())
}

/// Figures of bench/browser.mjs, of each view's bench/<view>.mjs, and the wasm size.
type BrowserFigures = (Vec<Figure>, Vec<(String, Vec<Figure>)>, Option<size::Sizes>);

fn browser_bench(root: &Path, notes: &mut Vec<String>) -> Result<BrowserFigures> {
    let tools = install::build_tools(root)?;
    install::chromium()?;
    serve::build_release(root, &tools)?;
    let dist = root.join("dist");
    let wasm = size::measure(&dist).ok();
    let mut datasets = vec![("demo".to_string(), String::new())];
    for n in SIZES {
        let out_file = format!("dist/data/gen-{n}.json");
        let r = crate::run(Command::new("cargo").current_dir(root).args([
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
        ]));
        match r {
            Ok(()) if root.join(&out_file).is_file() => {
                datasets.push((format!("gen-{n}"), format!("data=data/gen-{n}.json")));
            }
            Ok(()) => notes.push(format!("`ecomap generate --actors {n}` wrote no {out_file}.")),
            Err(e) => notes.push(format!("generating {n} actors failed: {e}")),
        }
    }
    let bench_dir = root.join("bench");
    install::npm_ci(&bench_dir)?;
    let srv = server::start(&dist, None, 0, true)?;
    let mut cmd = Command::new("node");
    cmd.current_dir(&bench_dir)
        .arg("browser.mjs")
        .env("ECOMAP_URL", srv.url());
    for (label, query) in &datasets {
        cmd.arg(format!("{label}={query}"));
    }
    let (ok, out) = run_tee(&mut cmd);
    if !ok {
        notes.push("the browser benchmark script failed (see its output); figures it printed are kept.".into());
    }
    let browser = parse_bench_lines(&out);

    // Each view's own benchmark, side by side with its anchor, on the same server and exports.
    let generated: Vec<String> = SIZES
        .iter()
        .map(|n| format!("data/gen-{n}.json"))
        .filter(|f| dist.join(f).is_file())
        .collect();
    let mut views = Vec::new();
    for script in view_scripts(&bench_dir) {
        let mut cmd = Command::new("node");
        cmd.current_dir(&bench_dir)
            .arg(&script)
            .env("ECOMAP_URL", srv.url())
            .env("ECOMAP_DIST", &dist)
            .env("ECOMAP_BENCH_DATA", generated.join(","));
        let (ok, out) = run_tee(&mut cmd);
        if !ok {
            notes.push(format!(
                "bench/{script} failed (see its output); figures it printed are kept."
            ));
        }
        views.push((script, parse_bench_lines(&out)));
    }
    Ok((browser, views, wasm))
}

/// The view benchmarks: every `bench/*.mjs` except the shell's own `browser.mjs`, in name order.
fn view_scripts(bench_dir: &Path) -> Vec<String> {
    let mut scripts: Vec<String> = std::fs::read_dir(bench_dir)
        .map(|rd| {
            rd.flatten()
                .filter_map(|e| e.file_name().into_string().ok())
                .filter(|n| n.ends_with(".mjs") && n != "browser.mjs")
                .collect()
        })
        .unwrap_or_default();
    scripts.sort();
    scripts
}

fn machine() -> (String, String, String) {
    let nproc = std::thread::available_parallelism()
        .map(|n| n.get().to_string())
        .unwrap_or_else(|_| "?".into());
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, v)| v.trim().to_string())
        })
        .unwrap_or_else(|| "unknown".into());
    let chromium = output(Command::new(install::CHROMIUM).arg("--version"))
        .map(|s| s.trim().to_string())
        .unwrap_or_else(|| "unknown".into());
    (nproc, cpu, chromium)
}

fn render(
    root: &Path,
    native: &[Figure],
    browser: &[Figure],
    views: &[(String, Vec<Figure>)],
    wasm: Option<&size::Sizes>,
    notes: &[String],
) -> String {
    let (nproc, cpu, chromium) = machine();
    let date = output(Command::new("date").args(["-u", "+%Y-%m-%d %H:%M UTC"]))
        .map(|s| s.trim().to_string())
        .unwrap_or_default();
    let b = |data: &str, name: &str| -> Vec<f64> {
        browser
            .iter()
            .filter(|f| f.get("data") == data && f.get("name") == name)
            .map(|f| f.ms)
            .collect()
    };
    let first = |data: &str, name: &str| b(data, name).first().copied();
    let big = "gen-50000";
    let import_index = match (first(big, "ecomap:import"), first(big, "ecomap:index")) {
        (Some(a), Some(c)) => Some(a + c),
        _ => None,
    };
    let filters = b(big, "ecomap:filter");
    let filter_max = filters.iter().copied().reduce(f64::max);
    let native_max_actors = native
        .iter()
        .filter_map(|f| f.get("actors").parse::<usize>().ok())
        .max();
    let native_filter: Vec<f64> = native
        .iter()
        .filter(|f| {
            let n = f.get("name");
            (n.starts_with("select") || n.contains("filter") || n.contains("search"))
                && f.get("actors").parse::<usize>().ok() == native_max_actors
        })
        .map(|f| f.ms)
        .collect();
    let native_filter_max = native_filter.iter().copied().reduce(f64::max);
    let demo_first = first("demo", "ecomap:first-results");
    let wasm_kb = wasm.map(|s| s.brotli as f64 / 1024.0);

    let mut s = String::new();
    let _ = writeln!(s, "# Benchmarks\n");
    let _ = writeln!(s, "Generated by `cargo xtask bench` (do not edit by hand).\n");
    let commit = output(
        Command::new("git")
            .current_dir(root)
            .args(["describe", "--always", "--dirty"]),
    )
    .map(|s| s.trim().to_string())
    .unwrap_or_else(|| "unknown".into());
    let _ = writeln!(s, "- date: {date}");
    let _ = writeln!(s, "- code: commit {commit}");
    let _ = writeln!(s, "- machine: {nproc} cores, {cpu}");
    let _ = writeln!(s, "- browser: {chromium}, headless, software rendering (SwiftShader)");
    let _ = writeln!(
        s,
        "- command: `cargo xtask bench` (native: `cargo bench -p ecomap-core --benches`; browser: release \
         build served on 127.0.0.1, exports from `ecomap generate --actors N --seed 1`, driven by bench/browser.mjs and each view's bench/<view>.mjs)\n"
    );
    let _ = writeln!(
        s,
        "One run; figures vary from run to run (up to 1.5x on this kind of machine), so compare figures \
         of one run. Native figures use cargo's `bench` profile; browser figures the release build.\n"
    );
    let _ = writeln!(s, "## Figures against targets\n");
    let _ = writeln!(s, "| what | target | measured | |");
    let _ = writeln!(s, "|---|---:|---:|---|");
    let mut row = |what: &str, target: &str, v: Option<f64>, limit: f64, shown: String| {
        let _ = writeln!(s, "| {what} | {target} | {shown} | {} |", verdict(v, limit));
    };
    row(
        "parse + validate + index in browser, 50k actors (`ecomap:import` + `ecomap:index`)",
        "<= 400 ms",
        import_index,
        400.0,
        fmt_ms(import_index),
    );
    row(
        &format!(
            "filter/search update in browser, 50k actors (max of {} `ecomap:filter`)",
            filters.len()
        ),
        "<= 16 ms",
        filter_max,
        16.0,
        fmt_ms(filter_max),
    );
    row(
        "filter/search update, native core (max of BENCH lines named select*/*filter*/*search* at the largest size)",
        "<= 5 ms",
        native_filter_max,
        5.0,
        fmt_ms(native_filter_max),
    );
    row(
        "first results with the demo data (`ecomap:first-results`, from navigation start)",
        "<= 1000 ms",
        demo_first,
        1000.0,
        fmt_ms(demo_first),
    );
    let kb = |k: Option<f64>| k.map(|k| format!("{k:.1} KB")).unwrap_or_else(|| "not measured".into());
    let foundation_kb = size::FOUNDATION_TARGET_BROTLI as f64 / 1024.0;
    row(
        "app wasm, brotli quality 11, whole app (list + map + network + charts); the foundation issue's target \
         applied to the foundation alone, which met it with 232.6 KB at commit b03edee",
        &format!("<= {foundation_kb:.0} KB"),
        wasm_kb,
        foundation_kb,
        kb(wasm_kb),
    );
    // The network view's targets (issue 4), from bench/network.mjs on the 50k export.
    let view = |name: &str| -> Option<f64> {
        views
            .iter()
            .flat_map(|(_, figures)| figures.iter())
            .find(|f| f.get("data") == big && f.get("name") == name)
            .map(|f| f.ms)
    };
    let network_rows: [(&str, &str, &str, f64); 5] = [
        (
            "network: one ForceAtlas2 iteration in wasm, in the layout worker (50k nodes, 220k edges)",
            "<= 40 ms",
            "network_iteration",
            40.0,
        ),
        (
            "network: layout from start until it stops by itself (the readable layout; docs/network.md)",
            "<= 15000 ms",
            "network_layout_done",
            15_000.0,
        ),
        (
            "network: the layout's main-thread work in any frame while it runs (max)",
            "<= 8 ms",
            "network_layout_main_max",
            8.0,
        ),
        (
            "network: work of a pan/zoom frame, WebGL2 (the full redraw when the camera rests, median; while it \
             moves the drawn image moves by CSS transform)",
            "<= 16 ms",
            "network_draw_rest_webgl2",
            16.0,
        ),
        (
            "network: interval between frames while panning and zooming, WebGL2 (median; 16.7 ms = every frame \
             of a 60 Hz display)",
            "<= 16 ms",
            "network_pan_frame_webgl2",
            16.0,
        ),
    ];
    for (what, target, name, limit) in network_rows {
        let v = view(name);
        row(what, target, v, limit, fmt_ms(v));
    }
    let _ = writeln!(
        s,
        "\n## Network: ecomap beside graphology and sigma (same graph, same page)\n"
    );
    let _ = writeln!(s, "| figure | ecomap | graphology-layout-forceatlas2 / sigma |");
    let _ = writeln!(s, "|---|---:|---:|");
    for (what, ours, theirs) in [
        (
            "one ForceAtlas2 iteration",
            "network_iteration",
            "graphology_fa2_iteration",
        ),
        (
            "layout to ecomap's final quality",
            "network_layout_done",
            "graphology_fa2_to_quality",
        ),
        (
            "one frame after a camera move (page time; sigma: `refresh()`)",
            "network_draw_rest_webgl2",
            "sigma_frame",
        ),
        (
            "one frame after a camera move, until on screen (SwiftShader rasterising included)",
            "network_redraw_to_screen_webgl2",
            "",
        ),
    ] {
        let theirs = match view(theirs) {
            None if theirs == "graphology_fa2_to_quality" => "not reached within 60 s".to_string(),
            None if theirs.is_empty() => "-".to_string(),
            v => fmt_ms(v),
        };
        let _ = writeln!(s, "| {what} | {} | {theirs} |", fmt_ms(view(ours)));
    }

    soak_section(&mut s, views);

    let _ = writeln!(
        s,
        "\n## Browser measures (`performance.measure` names starting `ecomap:`)\n"
    );
    if browser.is_empty() {
        let _ = writeln!(s, "not measured\n");
    } else {
        let _ = writeln!(s, "| data | measure | count | median | max |");
        let _ = writeln!(s, "|---|---|---:|---:|---:|");
        let mut keys: Vec<(String, String)> = browser
            .iter()
            .map(|f| (f.get("data").to_string(), f.get("name").to_string()))
            .collect();
        keys.dedup();
        keys.sort();
        keys.dedup();
        for (data, name) in keys {
            let v = b(&data, &name);
            let max = v.iter().copied().reduce(f64::max);
            let _ = writeln!(
                s,
                "| {data} | {name} | {} | {} | {} |",
                v.len(),
                fmt_ms(median(v.clone())),
                fmt_ms(max)
            );
        }
    }
    let _ = writeln!(
        s,
        "\n## Native core (`BENCH` lines of `cargo bench -p ecomap-core --benches`)\n"
    );
    if native.is_empty() {
        let _ = writeln!(s, "not measured\n");
    } else {
        let _ = writeln!(s, "| step | actors | ms |");
        let _ = writeln!(s, "|---|---:|---:|");
        for f in native {
            let _ = writeln!(s, "| {} | {} | {:.3} |", f.get("name"), f.get("actors"), f.ms);
        }
    }
    for (script, figures) in views {
        let _ = writeln!(s, "\n## `bench/{script}` (every `BENCH` line it printed)\n");
        if figures.is_empty() {
            let _ = writeln!(s, "not measured\n");
            continue;
        }
        let _ = writeln!(s, "| figure | ms |");
        let _ = writeln!(s, "|---|---:|");
        for f in figures {
            let label: Vec<String> = f
                .fields
                .iter()
                .filter(|(k, _)| k.as_str() != "ms")
                .map(|(k, v)| format!("{k}={v}"))
                .collect();
            let _ = writeln!(s, "| {} | {:.3} |", label.join(" "), f.ms);
        }
    }
    if !notes.is_empty() {
        let _ = writeln!(s, "\n## Notes\n");
        for n in notes {
            let _ = writeln!(s, "- {n}");
        }
    }
    s
}

/// The soak run of bench/soak.mjs: wasm memory per round and the most live WebGL contexts seen.
fn soak_section(s: &mut String, views: &[(String, Vec<Figure>)]) {
    let figures: Vec<&Figure> = views.iter().flat_map(|(_, f)| f.iter()).collect();
    let _ = writeln!(
        s,
        "\n## Soak: two minutes of switching views, filtering and playing the timeline (demo, bench/soak.mjs)\n"
    );
    let Some(sum) = figures.iter().find(|f| f.get("name") == "soak_summary") else {
        let _ = writeln!(s, "not measured\n");
        return;
    };
    let _ = writeln!(
        s,
        "Each round clicks the 12 tab switches of an Euler walk over the four views (every ordered pair once), \
         ticks or unticks a technology on every view but the list, and plays the timeline for 1.5 s. Wasm memory \
         (`memory.buffer.byteLength`) never shrinks, so a leak shows as growth from round to round; the live WebGL \
         contexts are the app's own count (`html[data-webgl-contexts]`), sampled after every switch, with at most \
         one WebGL view (map or network) on screen.\n"
    );
    let _ = writeln!(s, "| round | elapsed | wasm memory | most live WebGL contexts so far |");
    let _ = writeln!(s, "|---:|---:|---:|---:|");
    for f in figures.iter().filter(|f| f.get("name") == "soak") {
        let _ = writeln!(
            s,
            "| {} | {:.0} s | {} MB | {} |",
            f.get("round"),
            f.ms / 1000.0,
            f.get("wasm_mb"),
            f.get("contexts_max")
        );
    }
    let growth: f64 = sum.get("growth_after_round3_mb").parse().unwrap_or(f64::NAN);
    let contexts: u32 = sum.get("contexts_max").parse().unwrap_or(u32::MAX);
    let _ = writeln!(
        s,
        "\n| target | measured | |\n|---|---:|---|\n| wasm memory stops growing after the first rounds (last round \
         against round 3) | {:+.2} MB | {} |\n| live WebGL contexts never exceed the views on screen (1) | {} | {} |\n",
        growth,
        if growth <= 0.0 { "met" } else { "not met" },
        contexts,
        if contexts <= 1 { "met" } else { "not met" },
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_bench_lines() {
        let f = parse_bench_lines("x\nBENCH name=filter actors=50000 ms=1.5\nBENCH name=bad\n");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].get("name"), "filter");
        assert!((f[0].ms - 1.5).abs() < 1e-9);
    }

    #[test]
    fn verdicts() {
        assert_eq!(verdict(Some(3.0), 5.0), "met");
        assert_eq!(verdict(Some(6.0), 5.0), "not met");
        assert_eq!(verdict(None, 5.0), "not measured");
    }
}
