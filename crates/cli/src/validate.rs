//! `ecomap validate FILE [--lang de|en] [--format text|json]`: imports an export and prints its report.
//!
//! Exit codes: 0 when the file has no errors (warnings and notices allowed), 1 when it has errors or could not
//! be read as an export at all, 2 for usage problems and files that cannot be opened.

use std::process::ExitCode;

use ecomap_core::import::import;
use ecomap_core::model::Lang;
use ecomap_core::report::{render_json, render_text};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Text,
    Json,
}

struct Args {
    file: String,
    lang: Lang,
    format: Format,
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut file = None;
    let mut lang = Lang::En;
    let mut format = Format::Text;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--lang" => {
                let v = it.next().ok_or("--lang needs a value: de or en")?;
                lang = Lang::parse(v).ok_or_else(|| format!("--lang must be de or en, not `{v}`"))?;
            }
            "--format" => {
                format = match it.next().map(String::as_str) {
                    Some("text") => Format::Text,
                    Some("json") => Format::Json,
                    Some(v) => return Err(format!("--format must be text or json, not `{v}`")),
                    None => return Err("--format needs a value: text or json".into()),
                }
            }
            flag if flag.starts_with("--") => return Err(format!("validate: unknown option `{flag}`")),
            path if file.is_none() => file = Some(path.to_string()),
            extra => return Err(format!("validate takes one FILE; `{extra}` is one too many")),
        }
    }
    let file = file.ok_or("validate needs a FILE: ecomap validate FILE [--lang de|en] [--format text|json]")?;
    Ok(Args { file, lang, format })
}

/// What `ecomap validate --help` prints.
pub const HELP: &str = "usage: ecomap validate FILE [--lang de|en] [--format text|json]

Imports an export (format v1, docs/data-format.md) and prints its report: every problem with its JSON path,
record id, message and code, grouped by code (the first 20 of each code, then how many more).

  --lang de|en          language of the messages (default en)
  --format text|json    text for people (default), json for scripts: {source, fatal, counts, problems, more}
  -h, --help            this help

Exit codes: 0 no errors (warnings and notices allowed), 1 errors or the file could not be read as an export,
2 wrong options or a file that cannot be opened.";

pub fn run(args: &[String]) -> Result<ExitCode, String> {
    if args.iter().any(|a| a == "--help" || a == "-h") {
        println!("{HELP}");
        return Ok(ExitCode::SUCCESS);
    }
    let args = parse_args(args)?;
    let bytes = std::fs::read(&args.file).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => format!("no such file: {}", args.file),
        _ => format!("cannot read {}: {e}", args.file),
    })?;
    let (_, report) = import(&bytes, &args.file);
    match args.format {
        Format::Text => print!("{}", render_text(&report, args.lang)),
        Format::Json => println!("{}", render_json(&report, args.lang)),
    }
    Ok(if report.fatal || report.errors() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Result<Args, String> {
        parse_args(&list.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn options_in_any_order() {
        let a = args(&["--format", "json", "x.json", "--lang", "de"]).expect("valid");
        assert_eq!((a.file.as_str(), a.lang, a.format), ("x.json", Lang::De, Format::Json));
        assert!(args(&[]).is_err());
        assert!(args(&["x.json", "--lang", "fr"]).is_err_and(|e| e.contains("de or en")));
        assert!(args(&["x.json", "y.json"]).is_err());
    }
}
