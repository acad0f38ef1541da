//! `ecomap suggest EXPORT ACTOR_ID [--limit N] [--lang de|en]`: an actor's partner suggestions, as the app
//! shows them (ecomap_core::insight::partners over the whole export, no filter).
//!
//! Prints a header and one tab-separated line per suggestion: id, name, score, reason. Exit codes: 0 when the
//! actor was found (even with no suggestion), 1 when the export has errors or has no such actor, 2 for usage
//! problems and files that cannot be opened.

use std::process::ExitCode;

use ecomap_core::filter::{select, Filter};
use ecomap_core::import::import;
use ecomap_core::index::Index;
use ecomap_core::insight::partners::{suggest_partners, LIMIT};
use ecomap_core::model::Lang;

pub const USAGE: &str = "usage: ecomap suggest EXPORT ACTOR_ID [--limit N] [--lang de|en]
  partner suggestions for the actor with id ACTOR_ID (its id in the export): actors it has not worked with
  yet, scored from shared technologies, shared partners (Adamic-Adar) and distance; one line each:
  id, name, score, reason (tab-separated). --limit: how many (default 10); --lang: the reasons' language.";

struct Args {
    export: String,
    actor: String,
    limit: usize,
    lang: Lang,
}

fn parse_args(args: &[String]) -> Result<Option<Args>, String> {
    let mut positional: Vec<&str> = Vec::new();
    let mut limit = LIMIT;
    let mut lang = Lang::En;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "--limit" => {
                let v = it.next().ok_or("--limit needs a number")?;
                limit = v
                    .parse()
                    .map_err(|_| format!("--limit must be a whole number, not `{v}`"))?;
            }
            "--lang" => {
                let v = it.next().ok_or("--lang needs a value: de or en")?;
                lang = Lang::parse(v).ok_or_else(|| format!("--lang must be de or en, not `{v}`"))?;
            }
            flag if flag.starts_with("--") => return Err(format!("suggest: unknown option `{flag}`\n{USAGE}")),
            value => positional.push(value),
        }
    }
    let [export, actor] = positional[..] else {
        return Err(USAGE.into());
    };
    Ok(Some(Args {
        export: export.to_string(),
        actor: actor.to_string(),
        limit,
        lang,
    }))
}

pub fn run(args: &[String]) -> Result<ExitCode, String> {
    let Some(args) = parse_args(args)? else {
        println!("{USAGE}");
        return Ok(ExitCode::SUCCESS);
    };
    let bytes = std::fs::read(&args.export).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => format!("no such file: {}", args.export),
        _ => format!("cannot read {}: {e}", args.export),
    })?;
    let (ds, report) = import(&bytes, &args.export);
    if report.errors() > 0 {
        println!(
            "{}: the export has errors (see `ecomap validate {}`)",
            args.export, args.export
        );
        return Ok(ExitCode::FAILURE);
    }
    let Some(actor) = ds.find_actor(&args.actor) else {
        println!("{}: no actor with id `{}`", args.export, args.actor);
        return Ok(ExitCode::FAILURE);
    };
    let idx = Index::build(&ds);
    let sel = select(&ds, &idx, &Filter::default());
    println!("id\tname\tscore\treason");
    for s in suggest_partners(&ds, &idx, &sel, actor, args.limit) {
        let a = ds.actor(s.actor);
        // Tabs and line breaks in a name would break the columns.
        let name: String = a.name.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
        println!("{}\t{name}\t{:.3}\t{}", a.key, s.score, s.text(&ds, args.lang));
    }
    Ok(ExitCode::SUCCESS)
}
