//! `cargo xtask`: ecomap's automation (tool installs, serve, test, bench).
//!
//! Every task installs what it needs first, idempotently (versions are checked, not just presence).

mod basemap;
mod bench;
mod bundle;
mod fuzz;
mod install;
mod licences;
mod og;
mod precompress;
mod serve;
mod size;
mod test;
mod tidy;

/// The static server (crates/serve, shared with `ecomap serve`), under the name xtask's modules know it by.
use ecomap_serve as server;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

/// Errors are plain messages: this is a developer tool, the message is what matters.
pub type Result<T> = std::result::Result<T, String>;

const HELP: &str = "\
cargo xtask <TASK>

Tasks:
  serve [--port P] [--public-url URL] [--embed-origins \"ORIGIN ...\"]
                     install missing tools, build the app (release) and serve dist/
                     on http://127.0.0.1:8080 (default port) with the demo data; dist/ gets .br/.gz
                     beside each compressible file, and with a public URL (or ECOMAP_PUBLIC_URL) the
                     link previews (Open Graph tags, og-image.png of the map; docs/hosting.md);
                     --embed-origins narrows which sites may frame the app (dist/config.json, sent as
                     the CSP frame-ancestors; default any; docs/embedding.md)
  build [--public-url URL] [--embed-origins \"ORIGIN ...\"]
                     the same build without serving: dist/ ready for any static host
  precompress [DIR]  (re)write the .br/.gz beside every compressible file of DIR (default dist/),
                     e.g. after replacing dist/data/demo.json with another export
  test               install missing tools, then run every check and test:
                     fmt, tidy, clippy (native + wasm32), native tests, a 30 s fuzz smoke, wasm tests in headless
                     Chromium, release build, wasm size (brotli), end-to-end browser tests.
                     Ends with one line `N passed, N failed`; exits non-zero on any failure.
  e2e [NAME...]      only the end-to-end tests, against the dist/ already built (`cargo xtask build`);
                     with NAMEs only the test files whose names contain one of them
  bench              native core benchmarks + browser benchmarks of the release build on
                     generated 10k/50k/100k-actor exports, and the page (below); writes
                     docs/benchmarks.md (~25 min)
  bench page         only the page: Lighthouse 12 (desktop and mobile presets, 3 runs each), the first
                     drawn map and the first view's bytes, against the release build on xtask's server;
                     rewrites only the Page (Lighthouse 12) section of docs/benchmarks.md (~4 min)
  bench present      only presentation mode: the demo tour's step transitions at 1920x1080, page work per
                     animation frame (bench/present.mjs); rewrites only the Presentation section of
                     docs/benchmarks.md (~1 min)
  bench import       only the import in the browser: parse + validate + index of generated 50k and
                     100k-actor exports and the wasm memory's peak (3 pages each), as a table (~2 min)
  fuzz [--time SECS] fuzz the importer and the URL reader (Query::from_params) on stable Rust for SECS
                     seconds (default 300) from the seed corpus in crates/core/tests/fuzz/; a failing
                     input is kept in crates/core/tests/fuzz/crashes/ as a regression test
  tidy               check what ARCHITECTURE.md promises of the source: a `//!` line opening every
                     .rs file, no web-sys/clock/unseeded randomness in ecomap-core, no interface string
                     outside the texts tables, no inner_html, no effect writing a signal, no app file
                     over 500 lines, no function over 150 (exceptions with reasons: xtask/src/tidy.rs)
  licences           write public/about.html: the crates compiled into the wasm with their licences, and the
                     data's licences and credits (`cargo xtask test` checks it is current)
  bundle [--out DIR] the USB stick: bundle/ecomap/ (the release app and its data in app/, the Linux
                     `ecomap` binary whose `ecomap serve app` serves it, start-linux.sh, README.txt) and
                     bundle/ecomap.zip (docs/presenting.md, Offline and USB)
  icons              redraw the manifest's PNG icons from public/icons/icon.svg (headless Chromium)
  size               print the size of dist/'s .wasm (raw, brotli q11) against the whole-app budget (450 KB)
  size --breakdown   after a release build: which crate costs what in that wasm (a copy optimised with
                     names kept, read by xtask); rewrites the generated part of docs/size.md
  install            only install the tools (rust target, trunk, wasm-bindgen-cli, wasm-opt)
  help               this text
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let task = args.first().map(String::as_str).unwrap_or("help");
    let rest = if args.is_empty() { &[][..] } else { &args[1..] };
    let result = match task {
        "serve" => serve::run(rest),
        "build" => serve::run_build(rest),
        "precompress" => {
            let dir = rest
                .first()
                .map(PathBuf::from)
                .unwrap_or_else(|| project_root().join("dist"));
            precompress::run_and_report(&dir).map(|_| ())
        }
        "test" => test::run(),
        "e2e" => test::e2e_only(rest),
        "tidy" => tidy::run(),
        "fuzz" => fuzz::run(rest),
        "bench" => bench::run(rest),
        "basemap" => basemap::run_task(rest),
        "bundle" => bundle::run(rest),
        "icons" => run(Command::new("node")
            .arg(project_root().join("xtask").join("src").join("icons.mjs"))
            .arg(project_root().join("public").join("icons"))),
        "size" => match rest {
            [] => size::check(&project_root().join("dist")).map(|_| ()),
            [flag] if flag == "--breakdown" => size::breakdown::run(&project_root()),
            _ => Err(format!("size: unknown arguments {rest:?}\n\n{HELP}")),
        },
        "install" => install::build_tools(&project_root()).map(|_| ()),
        "licences" => licences::run(&project_root()),
        "help" | "--help" | "-h" => {
            print!("{HELP}");
            Ok(())
        }
        other => Err(format!("unknown task `{other}`\n\n{HELP}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root (the parent of xtask/).
pub fn project_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().unwrap_or(manifest).to_path_buf()
}

/// Human-readable form of a command, for messages.
pub fn describe(cmd: &Command) -> String {
    let mut s = cmd.get_program().to_string_lossy().into_owned();
    for a in cmd.get_args() {
        s.push(' ');
        s.push_str(&a.to_string_lossy());
    }
    s
}

/// Runs a command with inherited stdio; Err if it cannot start or exits non-zero.
pub fn run(cmd: &mut Command) -> Result<()> {
    eprintln!("$ {}", describe(cmd));
    let status = cmd
        .status()
        .map_err(|e| format!("cannot run `{}`: {e}", describe(cmd)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", describe(cmd)))
    }
}

/// Runs a command quietly and returns its stdout if it exits 0.
pub fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.stdin(Stdio::null()).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Runs a command, echoing its stdout line by line while capturing it (stderr is inherited).
/// Returns (success, captured stdout).
pub fn run_tee(cmd: &mut Command) -> (bool, String) {
    use std::io::{BufRead, BufReader, Write};
    eprintln!("$ {}", describe(cmd));
    let mut child = match cmd.stdout(Stdio::piped()).spawn() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("cannot run `{}`: {e}", describe(cmd));
            return (false, String::new());
        }
    };
    let mut captured = String::new();
    if let Some(out) = child.stdout.take() {
        let stdout = std::io::stdout();
        for line in BufReader::new(out).lines().map_while(std::result::Result::ok) {
            let mut lock = stdout.lock();
            let _ = writeln!(lock, "{line}");
            captured.push_str(&line);
            captured.push('\n');
        }
    }
    let ok = child.wait().map(|s| s.success()).unwrap_or(false);
    (ok, captured)
}
