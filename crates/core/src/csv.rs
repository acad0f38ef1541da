//! CSV export of the selection (actors and projects) for spreadsheets, and the file name that says which
//! filters made it.
//!
//! UTF-8 with a byte-order mark (so Excel reads umlauts), `;` as separator in German and `,` in English, a header
//! row, CRLF line ends (RFC 4180), and a formula guard: a cell starting with `=`, `+`, `-`, `@`, tab or CR gets
//! a leading `'`, so a spreadsheet never runs data from an export as a formula.

use crate::filter::Selection;
use crate::index::Index;
use crate::model::{Dataset, Lang, ProjectId};
use crate::query::Query;

/// The byte-order mark that starts every file.
pub const BOM: &str = "\u{feff}";

/// The separator for a language: `;` in German (where `,` is the decimal mark), `,` in English.
pub fn separator(lang: Lang) -> char {
    match lang {
        Lang::De => ';',
        Lang::En => ',',
    }
}

/// One cell: formula guard first, then quoted when it holds the separator, a quote or a line break.
pub fn cell(value: &str, sep: char) -> String {
    let guarded = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if guarded.contains([sep, '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

fn push_row(out: &mut String, cells: &[String], sep: char) {
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            out.push(sep);
        }
        out.push_str(&cell(c, sep));
    }
    out.push_str("\r\n");
}

/// Values inside one cell (several sectors, technologies, participants) are joined with " | ".
const LIST_SEP: &str = " | ";

/// The selected actors in list order: key, name, kind, sectors, technologies, region, founded, website, and the
/// number and volume (whole euros) of the selected projects they take part in.
pub fn actors_csv(ds: &Dataset, idx: &Index, sel: &Selection, lang: Lang) -> String {
    let sep = separator(lang);
    let header: &[&str] = match lang {
        Lang::De => &[
            "ID",
            "Name",
            "Art",
            "Branchen",
            "Technologien",
            "Region",
            "Gründungsjahr",
            "Website",
            "Projekte",
            "Projektvolumen (EUR)",
        ],
        Lang::En => &[
            "id",
            "name",
            "kind",
            "sectors",
            "technologies",
            "region",
            "founded",
            "website",
            "projects",
            "project volume (EUR)",
        ],
    };
    let mut out = String::from(BOM);
    push_row(&mut out, &header.iter().map(|s| s.to_string()).collect::<Vec<_>>(), sep);
    for &a in &sel.list {
        let actor = ds.actor(a);
        let (mut n, mut vol) = (0u32, 0u64);
        for &p in idx.actor_projects(a) {
            if sel.projects.get(p.index()) {
                n += 1;
                vol += ds.project(p).volume.0;
            }
        }
        let row = [
            actor.key.clone(),
            actor.name.clone(),
            actor.kind.key().to_string(),
            actor
                .sectors
                .iter()
                .map(|s| ds.sector(*s).name.get(lang))
                .collect::<Vec<_>>()
                .join(LIST_SEP),
            actor
                .technologies
                .iter()
                .map(|t| ds.technology(*t).name.get(lang))
                .collect::<Vec<_>>()
                .join(LIST_SEP),
            actor
                .location
                .region
                .map(|r| ds.region(r).name.clone())
                .unwrap_or_default(),
            actor.founded.map(|y| y.to_string()).unwrap_or_default(),
            actor.website.clone().unwrap_or_default(),
            n.to_string(),
            vol.to_string(),
        ];
        push_row(&mut out, &row, sep);
    }
    out
}

/// The selected projects by id: key, title, start, end, volume (whole euros), technologies, participants.
pub fn projects_csv(ds: &Dataset, sel: &Selection, lang: Lang) -> String {
    let sep = separator(lang);
    let header: &[&str] = match lang {
        Lang::De => &[
            "ID",
            "Titel",
            "Beginn",
            "Ende",
            "Volumen (EUR)",
            "Technologien",
            "Beteiligte",
        ],
        Lang::En => &[
            "id",
            "title",
            "start",
            "end",
            "volume (EUR)",
            "technologies",
            "participants",
        ],
    };
    let mut out = String::from(BOM);
    push_row(&mut out, &header.iter().map(|s| s.to_string()).collect::<Vec<_>>(), sep);
    for p in sel.projects.iter_ones() {
        let pr = ds.project(ProjectId(p as u32));
        let row = [
            pr.key.clone(),
            pr.title.get(lang).to_string(),
            pr.start.to_string(),
            pr.end.to_string(),
            pr.volume.0.to_string(),
            pr.technologies
                .iter()
                .map(|t| ds.technology(*t).name.get(lang))
                .collect::<Vec<_>>()
                .join(LIST_SEP),
            pr.participants
                .iter()
                .map(|x| ds.actor(x.actor).name.as_str())
                .collect::<Vec<_>>()
                .join(LIST_SEP),
        ];
        push_row(&mut out, &row, sep);
    }
    out
}

/// Keeps letters, digits and `-` (lowercased ASCII); everything else becomes `-`, runs collapsed.
fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let c = c.to_ascii_lowercase();
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

/// A file name that carries the filter state, e.g. `ecomap-actors_tech-ai-iot_years-2025-2025.csv`
/// (`what` is "actors", "projects" or a chart's name; `ext` without the dot). ASCII only, at most ~120 chars.
pub fn file_name(query: &Query, what: &str, ext: &str) -> String {
    let mut parts = vec![format!("ecomap-{}", slug(what))];
    let mut facet = |name: &str, values: Vec<String>| {
        if !values.is_empty() {
            parts.push(format!("{name}-{}", slug(&values.join("-"))));
        }
    };
    for f in crate::facet::Facet::ALL {
        facet(f.param(), query.chosen(f).to_vec());
    }
    facet(
        "years",
        query.years.map(|(a, b)| vec![format!("{a}-{b}")]).unwrap_or_default(),
    );
    facet(
        "q",
        if query.text.trim().is_empty() {
            vec![]
        } else {
            vec![query.text.clone()]
        },
    );
    let mut name = parts.join("_");
    if name.len() > 120 {
        name.truncate(120);
        name = name.trim_end_matches(['-', '_']).to_string();
    }
    format!("{name}.{ext}")
}
