//! `ecomap`: the command line for data maintainers.
//!
//! Each subcommand lives in its own module: `validate` (print an export's import report), `generate`
//! (deterministic synthetic exports for benchmarks), `demo` (build public/data/demo.json from data/sources),
//! `layout` (network positions), `suggest` (an actor's partner suggestions), `tour check` (a tour against an
//! export), `serve` (serve a built app, e.g. the USB bundle's, on 127.0.0.1).

mod demo;
mod generate;
mod layout;
mod serve;
mod suggest;
mod tour;
mod validate;

use std::process::ExitCode;

const USAGE: &str = "usage:
  ecomap validate FILE [--lang de|en] [--format text|json]
      print the import report of an export; exit 1 when it has errors
  ecomap generate --actors N [--seed S] [--out FILE]
      write a deterministic synthetic export (about 3 links per actor)
  ecomap demo [--sources DIR] [--out FILE]
      build the demo export from the real institutions and networks in DIR (default data/sources)
  ecomap layout FILE [--out FILE] [--iterations N] [--seed S] [--mode ecosystems|collaboration|all]
      run the network layout and write position {x, y} into every actor of the export
  ecomap tour check TOUR EXPORT
      check a tour (docs/tours.md) against an export: every step's view, query and camera, and every
      technology, sector, region, actor it names; exit 1 when it is not valid
  ecomap suggest EXPORT ACTOR_ID [--limit N] [--lang de|en]
      partner suggestions for an actor, each with its score and reason (`ecomap suggest --help`)

  ecomap serve DIR [--port N]
      serve a built app (the USB bundle's app/, or dist/) on http://127.0.0.1:N (default 8080)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((cmd, rest)) = args.split_first() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let result = match cmd.as_str() {
        "validate" => validate::run(rest),
        "generate" => generate::run(rest),
        "demo" => demo::run(rest),
        "layout" => layout::run(rest),
        "tour" => tour::run(rest),
        "suggest" => suggest::run(rest),
        "serve" => serve::run(rest),
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        other => Err(format!("unknown command `{other}`\n{USAGE}")),
    };
    match result {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("ecomap: {msg}");
            ExitCode::from(2)
        }
    }
}
