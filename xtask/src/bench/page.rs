//! The page as a visitor gets it (issue 13, item 6): bench/page.mjs runs Lighthouse 12 (desktop and mobile
//! presets, and the mobile preset with its throttling applied for real) and an unthrottled load of the demo
//! against the release build on xtask's server; this file turns its lines into the "Page (Lighthouse 12)"
//! section of docs/benchmarks.md. `cargo xtask bench page` measures only this and rewrites only that section
//! (between [`START`] and [`END`]); `cargo xtask bench` writes it with everything else.

use super::{fmt_ms, median, parse_bench_lines, parse_note_lines, Figure};
use crate::{install, run_tee, serve, server, size, Result};
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

pub const SCRIPT: &str = "page.mjs";
pub const START: &str = "<!-- page:start: `cargo xtask bench page` rewrites this section -->";
pub const END: &str = "<!-- page:end -->";

const CATEGORIES: [(&str, &str); 4] = [
    ("performance", "performance"),
    ("accessibility", "accessibility"),
    ("best-practices", "best practices"),
    ("seo", "SEO"),
];
const PRESETS: [&str; 3] = ["desktop", "mobile", "mobile-applied"];
const SCORE_TARGET: f64 = 0.95;
const CLS_TARGET: f64 = 0.02;
const LCP_MOBILE_TARGET_MS: f64 = 2500.0;
const FIRST_MAP_TARGET_MS: f64 = 1000.0;

/// What bench/page.mjs printed, and whether it ran to the end.
pub struct Page {
    pub figures: Vec<Figure>,
    pub notes: Vec<String>,
    pub ok: bool,
    /// /proc/loadavg's 1-minute figure before the run (other work on the machine slows Lighthouse's runs).
    pub load: String,
}

/// Runs bench/page.mjs against `url` (Lighthouse reports go to `<target>/lighthouse/`).
pub fn measure(root: &Path, url: &str) -> Page {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    let mut cmd = Command::new("node");
    cmd.current_dir(root.join("bench"))
        .arg(SCRIPT)
        .env("ECOMAP_URL", url)
        .env("CHROME_PATH", install::CHROMIUM)
        .env("ECOMAP_LH_DIR", target.join("lighthouse"));
    let load = std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "unknown".into());
    let (ok, out) = run_tee(&mut cmd);
    Page {
        figures: parse_bench_lines(&out),
        notes: parse_note_lines(&out),
        ok,
        load,
    }
}

/// `cargo xtask bench page`: the release build, the page figures, and only the page section of
/// docs/benchmarks.md rewritten (the rest of the file is kept as it is).
pub fn run_only() -> Result<()> {
    let root = crate::project_root();
    let tools = install::build_tools(&root)?;
    install::chromium()?;
    serve::build_release(&root, &tools)?;
    let dist = root.join("dist");
    let wasm = size::measure(&dist).ok();
    install::npm_ci(&root.join("bench"))?;
    let srv = server::start(&dist, None, 0, true)?;
    let page = measure(&root, &srv.url());
    let (date, commit) = super::report::stamp(&root);
    let section = section(&page, wasm.as_ref(), &date, &commit);
    let path = root.join("docs").join("benchmarks.md");
    let doc = std::fs::read_to_string(&path).unwrap_or_default();
    std::fs::write(&path, splice(&doc, &section)).map_err(|e| format!("writing {}: {e}", path.display()))?;
    println!("wrote the page section of {}", path.display());
    if page.ok {
        Ok(())
    } else {
        Err("bench/page.mjs failed (see its output); the figures it printed are written".into())
    }
}

/// `doc` with the page section replaced by `section` (appended when `doc` has none).
pub fn splice(doc: &str, section: &str) -> String {
    splice_between(doc, section, START, END)
}

/// `doc` with the part between `start` and `end` replaced by `section` (appended when `doc` has none).
pub fn splice_between(doc: &str, section: &str, start: &str, end: &str) -> String {
    if let (Some(a), Some(b)) = (doc.find(start), doc.find(end)) {
        if a < b {
            return format!("{}{}{}", &doc[..a], section.trim_end(), &doc[b + end.len()..]);
        }
    }
    let mut s = doc.trim_end().to_string();
    if !s.is_empty() {
        s.push_str("\n\n");
    }
    s.push_str(section.trim_end());
    s.push('\n');
    s
}

impl Page {
    fn values(&self, preset: &str, metric: &str) -> Vec<f64> {
        self.figures
            .iter()
            .filter(|f| f.get("name") == "lh" && f.get("preset") == preset && f.get("metric") == metric)
            .map(|f| f.ms)
            .collect()
    }

    fn lh(&self, preset: &str, metric: &str) -> Option<f64> {
        median(self.values(preset, metric))
    }

    fn named(&self, name: &str) -> Vec<&Figure> {
        self.figures.iter().filter(|f| f.get("name") == name).collect()
    }

    fn runs(&self) -> usize {
        PRESETS
            .iter()
            .map(|p| self.values(p, "performance").len())
            .max()
            .unwrap_or(0)
    }
}

fn at_least(v: Option<f64>, target: f64) -> &'static str {
    match v {
        Some(x) if x >= target => "met",
        Some(_) => "not met",
        None => "not measured",
    }
}

fn score(v: Option<f64>) -> String {
    v.map(|x| format!("{x:.2}")).unwrap_or_else(|| "not measured".into())
}

fn secs(v: Option<f64>) -> String {
    v.map(|x| format!("{:.2} s", x / 1000.0))
        .unwrap_or_else(|| "not measured".into())
}

fn kb(v: Option<f64>) -> String {
    v.map(|x| format!("{:.1} KB", x / 1024.0))
        .unwrap_or_else(|| "not measured".into())
}

/// The page section, between its markers.
pub fn section(p: &Page, wasm: Option<&size::Sizes>, date: &str, commit: &str) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{START}\n\n## Page (Lighthouse 12)\n");
    let _ = writeln!(
        s,
        "Measured {date} at commit {commit} by `cargo xtask bench page` (also part of `cargo xtask bench`): \
         bench/page.mjs against the release build served by xtask's server (the server of `cargo xtask serve`: \
         the `.br`/`.gz` written at build time, the cache headers and CSP of docs/hosting.md), page `/` (the \
         demo, the map first). Lighthouse 12.2.3 from npm with Debian's Chromium, headless (`--headless=new \
         --no-sandbox`, no background networking; WebGL2 on SwiftShader), a fresh browser per run, {} runs per \
         preset, the median of each figure; load average before the run {} (2 cores). Presets: **desktop** (Lighthouse's desktop config, simulated \
         throttling), **mobile** (the default config: Moto G Power, simulated slow 4G, 4x CPU slowdown), \
         **mobile, applied** (the same mobile config with `throttlingMethod: \"devtools\"`: the network and CPU \
         throttling applied while the page loads; simulated throttling only recomputes Lighthouse's own metrics, \
         so the page's marks are throttled only in this run). The scores and the targets are the desktop and \
         mobile presets'. A canvas never counts for LCP, so the app marks `ecomap:first-map-drawn` when the map \
         has presented its first frame with markers (src/views/map/scheduler.rs); Lighthouse reads it from the \
         trace (its user-timings audit).\n",
        p.runs(),
        p.load
    );
    let _ = writeln!(s, "| what | target | measured | |");
    let _ = writeln!(s, "|---|---:|---:|---|");
    for preset in ["desktop", "mobile"] {
        for (id, label) in CATEGORIES {
            let v = p.lh(preset, id);
            let _ = writeln!(
                s,
                "| {label} score, {preset} | >= {SCORE_TARGET:.2} | {} | {} |",
                score(v),
                at_least(v, SCORE_TARGET)
            );
        }
    }
    for preset in ["desktop", "mobile"] {
        let v = p.lh(preset, "cls");
        let _ = writeln!(
            s,
            "| cumulative layout shift, {preset} | <= {CLS_TARGET} | {} | {} |",
            v.map(|x| format!("{x:.3}")).unwrap_or_else(|| "not measured".into()),
            super::verdict(v, CLS_TARGET)
        );
    }
    let lcp = p.lh("mobile", "lcp");
    let _ = writeln!(
        s,
        "| largest contentful paint, mobile | <= 2.5 s | {} | {} |",
        secs(lcp),
        super::verdict(lcp, LCP_MOBILE_TARGET_MS)
    );
    let first_map = median(p.named("first_map_drawn").iter().map(|f| f.ms).collect());
    let renderer = p
        .named("first_map_drawn")
        .first()
        .map(|f| f.get("renderer").to_string())
        .unwrap_or_default();
    let _ = writeln!(
        s,
        "| first drawn map (`ecomap:first-map-drawn`), unthrottled, demo, 1280x800, {renderer} | <= 1 s | {} | {} |",
        fmt_ms(first_map),
        super::verdict(first_map, FIRST_MAP_TARGET_MS)
    );
    let applied = p.lh("mobile-applied", "first_map");
    let _ = writeln!(
        s,
        "| first drawn map under Lighthouse's mobile throttling (mobile, applied) | reported | {} | |",
        fmt_ms(applied)
    );
    let wasm_kb = wasm.map(|w| w.brotli as f64 / 1024.0);
    let budget = size::BUDGET_BROTLI as f64 / 1024.0;
    let _ = writeln!(
        s,
        "| app wasm, brotli quality 11 (the size guard) | <= {budget:.0} KB | {} | {} |",
        wasm_kb
            .map(|k| format!("{k:.1} KB"))
            .unwrap_or_else(|| "not measured".into()),
        super::verdict(wasm_kb, budget)
    );
    let bytes = median(p.named("first_view_bytes").iter().map(|f| f.ms).collect());
    let _ = writeln!(
        s,
        "| transfer size of the first view (every byte over the wire until the map is drawn, compressed) | reported | {} | |",
        kb(bytes)
    );
    figures_table(&mut s, p);
    first_view_table(&mut s, p);
    if !p.notes.is_empty() {
        let _ = writeln!(
            s,
            "\nNotes: the audits that cost points (each once per preset), and the unthrottled loads' layout shifts \
             (with the elements that moved) and LCP element (Lighthouse 12.2.3's own layout-shift and LCP-element \
             audits fail on Chromium 156's trace: `Cannot read properties of undefined (reading 'frame_sequence')`; \
             its metrics are not affected):\n"
        );
        for n in &p.notes {
            let _ = writeln!(s, "- {n}");
        }
    }
    if !p.ok {
        let _ = writeln!(
            s,
            "\nbench/page.mjs failed in this run (see its output); the figures it printed are kept."
        );
    }
    let _ = writeln!(s, "\n{END}");
    s
}

/// A row of the figures table: label, metric, how a value is shown.
type Row = (&'static str, &'static str, fn(f64) -> String);

/// Every Lighthouse figure per preset: median (lowest-highest of the runs).
fn figures_table(s: &mut String, p: &Page) {
    let _ = writeln!(
        s,
        "\n| Lighthouse, median (lowest-highest) | desktop | mobile | mobile, applied |\n|---|---:|---:|---:|"
    );
    let rows: [Row; 11] = [
        ("performance", "performance", |x| format!("{x:.2}")),
        ("accessibility", "accessibility", |x| format!("{x:.2}")),
        ("best practices", "best-practices", |x| format!("{x:.2}")),
        ("SEO", "seo", |x| format!("{x:.2}")),
        ("first contentful paint", "fcp", |x| format!("{:.2} s", x / 1000.0)),
        ("largest contentful paint", "lcp", |x| format!("{:.2} s", x / 1000.0)),
        ("total blocking time", "tbt", |x| format!("{x:.0} ms")),
        ("cumulative layout shift", "cls", |x| format!("{x:.3}")),
        ("speed index", "si", |x| format!("{:.2} s", x / 1000.0)),
        ("bytes transferred (whole load)", "bytes", |x| {
            format!("{:.0} KB", x / 1024.0)
        }),
        ("`ecomap:first-map-drawn` (the run's own clock)", "first_map", |x| {
            format!("{x:.0} ms")
        }),
    ];
    for (label, metric, f) in rows {
        let cells: Vec<String> = PRESETS
            .iter()
            .map(|preset| {
                let v = p.values(preset, metric);
                let lo = v.iter().copied().reduce(f64::min);
                let hi = v.iter().copied().reduce(f64::max);
                match (median(v.clone()), lo, hi) {
                    (Some(m), Some(lo), Some(hi)) => format!("{} ({}-{})", f(m), f(lo), f(hi)),
                    _ => "not measured".into(),
                }
            })
            .collect();
        let _ = writeln!(s, "| {label} | {} |", cells.join(" | "));
    }
}

/// The first view's files (the first unthrottled run): what went over the wire until the map was drawn.
fn first_view_table(s: &mut String, p: &Page) {
    let files = p.named("first_view_file");
    if files.is_empty() {
        return;
    }
    let _ = writeln!(
        s,
        "\nThe first view, file by file (the first unthrottled run; Resource Timing's `transferSize`: the \
         compressed body and the headers; every response that ended before `ecomap:first-map-drawn`):\n"
    );
    let _ = writeln!(s, "| file | over the wire | uncompressed |\n|---|---:|---:|");
    let mut total = 0.0;
    for f in &files {
        total += f.ms;
        let raw: f64 = f.get("raw").parse().unwrap_or(0.0);
        let _ = writeln!(s, "| {} | {} | {} |", f.get("file"), kb(Some(f.ms)), kb(Some(raw)));
    }
    let _ = writeln!(s, "| all | {} | |", kb(Some(total)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splice_replaces_only_the_section() {
        let doc = format!("# B\n\nbefore\n\n{START}\nold\n{END}\n\nafter\n");
        let new = format!("{START}\nnew\n{END}\n");
        let out = splice(&doc, &new);
        assert_eq!(out, format!("# B\n\nbefore\n\n{START}\nnew\n{END}\n\nafter\n"));
        let appended = splice("# B\n", &new);
        assert_eq!(appended, format!("# B\n\n{START}\nnew\n{END}\n"));
    }

    #[test]
    fn medians_and_verdicts_from_the_lines() {
        let out = "BENCH name=lh preset=mobile run=1 metric=performance value=0.9000\n\
                   BENCH name=lh preset=mobile run=2 metric=performance value=0.9700\n\
                   BENCH name=lh preset=mobile run=3 metric=performance value=0.9600\n\
                   BENCH name=first_map_drawn run=1 renderer=webgl2 ms=640.0\n";
        let p = Page {
            figures: parse_bench_lines(out),
            notes: Vec::new(),
            ok: true,
            load: "1.0".into(),
        };
        assert_eq!(p.lh("mobile", "performance"), Some(0.96));
        let s = section(&p, None, "today", "abc");
        assert!(
            s.contains("| performance score, mobile | >= 0.95 | 0.96 | met |"),
            "{s}"
        );
        assert!(s.contains("| accessibility score, desktop | >= 0.95 | not measured | not measured |"));
        assert!(s.contains("640.0 ms | met |"));
        assert!(s.starts_with(START) && s.trim_end().ends_with(END));
    }
}
