//! The About page's list of what the app ships (`cargo xtask licences` writes public/about.html; `cargo xtask
//! test` checks it is current): every crate compiled into the wasm (the root package's normal dependencies for
//! wasm32, without proc-macros, which run at build time only) with its licence, and the data the app shows with
//! its licence and credit. docs/hosting.md links it; the app's header links it.

use crate::{output, Result};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

/// The file the page is written to (copied into dist/ by Trunk with public/).
pub const PAGE: &str = "public/about.html";

/// (name, version, licence, repository) of each crate in the wasm, by name.
fn shipped_crates(root: &Path) -> Result<Vec<(String, String, String, String)>> {
    let text = output(
        Command::new("cargo")
            .args([
                "metadata",
                "--format-version",
                "1",
                "--locked",
                "--filter-platform",
                "wasm32-unknown-unknown",
            ])
            .current_dir(root),
    )
    .ok_or("`cargo metadata` failed")?;
    let meta: Value = serde_json::from_str(&text).map_err(|e| format!("cargo metadata: {e}"))?;
    let packages: BTreeMap<&str, &Value> = meta["packages"]
        .as_array()
        .ok_or("cargo metadata: no packages")?
        .iter()
        .filter_map(|p| Some((p["id"].as_str()?, p)))
        .collect();
    let proc_macro = |id: &str| {
        packages.get(id).is_some_and(|p| {
            p["targets"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|t| t["kind"].as_array().into_iter().flatten().any(|k| k == "proc-macro"))
        })
    };
    let nodes: BTreeMap<&str, &Value> = meta["resolve"]["nodes"]
        .as_array()
        .ok_or("cargo metadata: no resolve")?
        .iter()
        .filter_map(|n| Some((n["id"].as_str()?, n)))
        .collect();
    let root_id = packages
        .iter()
        .find(|(_, p)| p["name"] == "ecomap")
        .map(|(id, _)| *id)
        .ok_or("no package `ecomap`")?;
    let mut seen = BTreeSet::new();
    let mut todo = vec![root_id];
    while let Some(id) = todo.pop() {
        if !seen.insert(id) {
            continue;
        }
        for dep in nodes.get(id).and_then(|n| n["deps"].as_array()).into_iter().flatten() {
            let normal = dep["dep_kinds"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|k| k["kind"].is_null());
            if let Some(pkg) = dep["pkg"].as_str() {
                if normal && !proc_macro(pkg) {
                    todo.push(pkg);
                }
            }
        }
    }
    let mut out: Vec<(String, String, String, String)> = seen
        .iter()
        .filter_map(|id| packages.get(id))
        .map(|p| {
            let s = |k: &str| p[k].as_str().unwrap_or_default().to_string();
            let licence = if p["license"].is_null() {
                "see its repository".to_string()
            } else {
                s("license")
            };
            (s("name"), s("version"), licence, s("repository"))
        })
        .collect();
    out.sort();
    Ok(out)
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The page's text.
pub fn page(root: &Path) -> Result<String> {
    let crates = shipped_crates(root)?;
    let mut rows = String::new();
    for (name, version, licence, repo) in &crates {
        let name = if repo.starts_with("https://") {
            format!("<a href=\"{}\">{}</a>", esc(repo), esc(name))
        } else {
            esc(name)
        };
        rows.push_str(&format!(
            "<tr><td>{name}</td><td>{}</td><td>{}</td></tr>\n",
            esc(version),
            esc(licence)
        ));
    }
    Ok(format!(
        r#"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>About ecomap · Über ecomap</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="about.css">
</head>
<!-- Written by `cargo xtask licences` (xtask/src/licences.rs); `cargo xtask test` checks it is current. -->
<body>
<main>
<p><a href="./">← ecomap</a> · <a href="accessibility.html" lang="de">Erklärung zur Barrierefreiheit</a> · <a href="accessibility.html">Accessibility statement</a></p>
<h1>About ecomap · Über ecomap</h1>
<section lang="en">
<h2>What it is</h2>
<p>ecomap is an interactive map of the ICT, Media and Creative Industries ecosystem of Berlin and Brandenburg:
actors, technologies and projects as a map, a network, charts and a list. It runs in the browser; nothing is
sent anywhere, and it requests nothing from another host unless a visitor opens an export from elsewhere or
turns on online map tiles.</p>
<h2>Data</h2>
<ul>
<li>The export shown: its source, date and licence are in the app's credits and the export itself. The demo
export mixes real research institutions and networks of the region (names from public sources) with invented
companies, projects and links (CC0 1.0).</li>
<li>Basemap: © GeoBasis-DE / BKG (VG250), Daten verändert (Datenlizenz Deutschland, attribution); Berlin's
districts: Geoportal Berlin / Ortsteile.</li>
<li>Place coordinates: GeoNames (CC BY 4.0).</li>
</ul>
</section>
<section lang="de">
<h2>Was es ist</h2>
<p>ecomap ist eine interaktive Karte des Ökosystems IKT, Medien und Kreativwirtschaft in Berlin und
Brandenburg: Akteure, Technologien und Projekte als Karte, Netzwerk, Diagramme und Liste. Es läuft im Browser;
nichts wird irgendwohin gesendet, und es fragt keinen anderen Server an, außer ein Besucher öffnet einen Export
von dort oder schaltet Online-Kartenkacheln ein.</p>
<h2>Daten</h2>
<ul>
<li>Der gezeigte Export: Quelle, Stand und Lizenz stehen in den Quellenangaben der App und im Export selbst. Der
Demo-Export verbindet echte Forschungseinrichtungen und Netzwerke der Region (Namen aus öffentlichen Quellen)
mit erfundenen Unternehmen, Projekten und Verbindungen (CC0 1.0).</li>
<li>Grundkarte: © GeoBasis-DE / BKG (VG250), Daten verändert (Datenlizenz Deutschland, Namensnennung); Berliner
Bezirke: Geoportal Berlin / Ortsteile.</li>
<li>Ortskoordinaten: GeoNames (CC BY 4.0).</li>
</ul>
</section>
<section>
<h2>Software · Programmbibliotheken</h2>
<p lang="en">The app is Rust compiled to WebAssembly. These {n} crates are compiled into it (the build's tools
are not shipped), each under its licence:</p>
<p lang="de">Die App ist Rust, nach WebAssembly übersetzt. Diese {n} Bibliotheken sind darin enthalten (die
Werkzeuge des Builds nicht), jede unter ihrer Lizenz:</p>
<table>
<thead><tr><th>crate</th><th>version</th><th>licence · Lizenz</th></tr></thead>
<tbody>
{rows}</tbody>
</table>
</section>
</main>
</body>
</html>
"#,
        n = crates.len()
    ))
}

/// `cargo xtask licences`: writes the page.
pub fn run(root: &Path) -> Result<()> {
    let text = page(root)?;
    std::fs::write(root.join(PAGE), text).map_err(|e| format!("writing {PAGE}: {e}"))?;
    println!("wrote {PAGE}");
    Ok(())
}

/// For `cargo xtask test`: the committed page lists exactly what the wasm ships.
pub fn check(root: &Path) -> Result<String> {
    let want = page(root)?;
    let have = std::fs::read_to_string(root.join(PAGE)).unwrap_or_default();
    if want == have {
        Ok(format!("{PAGE} is current"))
    } else {
        Err(format!(
            "{PAGE} is out of date: run `cargo xtask licences` and commit it"
        ))
    }
}
