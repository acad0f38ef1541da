//! Reading the demo's source files: the two CSV samples and the regions GeoJSON, plus the point-in-polygon
//! test the demo uses to place invented companies inside their region.

use std::collections::HashMap;
use std::path::Path;

/// One row of a CSV file, addressed by column name.
pub struct Row {
    line: usize,
    cells: HashMap<String, String>,
}

impl Row {
    /// The cell of `column` (trimmed), or an error naming the file line.
    pub fn get(&self, column: &str) -> Result<&str, String> {
        self.cells
            .get(column)
            .map(|s| s.trim())
            .ok_or_else(|| format!("line {}: no column `{column}`", self.line))
    }

    /// The cell of `column` parsed as a number.
    pub fn num(&self, column: &str) -> Result<f64, String> {
        let s = self.get(column)?;
        s.parse::<f64>()
            .map_err(|_| format!("line {}: `{column}` = `{s}` is not a number", self.line))
    }
}

/// Splits one CSV line into cells (RFC 4180 quoting with `""` escapes; no line breaks inside cells).
fn split_csv_line(line: &str) -> Vec<String> {
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            ('"', true) => quoted = false,
            ('"', false) if cell.is_empty() => quoted = true,
            (',', false) => cells.push(std::mem::take(&mut cell)),
            (c, _) => cell.push(c),
        }
    }
    cells.push(cell);
    cells
}

/// Reads a small CSV file with a header line.
pub fn read_csv(path: &Path) -> Result<Vec<Row>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut lines = text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty());
    let Some((_, header)) = lines.next() else {
        return Err(format!("{} is empty", path.display()));
    };
    let header: Vec<String> = split_csv_line(header)
        .into_iter()
        .map(|h| h.trim().to_string())
        .collect();
    let mut rows = Vec::new();
    for (i, line) in lines {
        let cells = split_csv_line(line);
        if cells.len() != header.len() {
            return Err(format!(
                "{} line {}: {} cells, the header has {}",
                path.display(),
                i + 1,
                cells.len(),
                header.len()
            ));
        }
        rows.push(Row {
            line: i + 1,
            cells: header.iter().cloned().zip(cells).collect(),
        });
    }
    Ok(rows)
}

/// A lon/lat ring (first point may or may not repeat at the end).
type Ring = Vec<[f64; 2]>;

/// One region of the basemap: its key (`ags`) and polygons (outer ring + holes each).
pub struct RegionShape {
    pub key: String,
    pub polygons: Vec<Vec<Ring>>,
    /// min lon, min lat, max lon, max lat
    pub bbox: [f64; 4],
}

impl RegionShape {
    /// Even-odd point-in-polygon test over every ring of every polygon (holes excluded).
    pub fn contains(&self, lon: f64, lat: f64) -> bool {
        if lon < self.bbox[0] || lon > self.bbox[2] || lat < self.bbox[1] || lat > self.bbox[3] {
            return false;
        }
        self.polygons.iter().any(|rings| {
            let mut inside = false;
            for ring in rings {
                if ring.len() < 3 {
                    continue;
                }
                let mut j = ring.len() - 1;
                for i in 0..ring.len() {
                    let [xi, yi] = ring[i];
                    let [xj, yj] = ring[j];
                    if (yi > lat) != (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi {
                        inside = !inside;
                    }
                    j = i;
                }
            }
            inside
        })
    }
}

fn ring_from(v: &serde_json::Value) -> Result<Ring, String> {
    let pts = v.as_array().ok_or("a ring is not an array")?;
    pts.iter()
        .map(|p| match p.as_array().map(|a| a.as_slice()) {
            Some([x, y, ..]) => match (x.as_f64(), y.as_f64()) {
                (Some(x), Some(y)) => Ok([x, y]),
                _ => Err("a coordinate is not a number".to_string()),
            },
            _ => Err("a position is not [lon, lat]".to_string()),
        })
        .collect()
}

fn polygon_from(v: &serde_json::Value) -> Result<Vec<Ring>, String> {
    v.as_array()
        .ok_or("a polygon is not an array")?
        .iter()
        .map(ring_from)
        .collect()
}

/// Reads the regions GeoJSON (a FeatureCollection of Polygon/MultiPolygon features with `ags`, `name`, `state`).
pub fn read_regions(path: &Path) -> Result<Vec<RegionShape>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let json: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{} is not JSON: {e}", path.display()))?;
    let features = json["features"]
        .as_array()
        .ok_or_else(|| format!("{}: no `features` array", path.display()))?;
    let mut regions = Vec::new();
    for f in features {
        let key = f["properties"]["ags"].as_str().unwrap_or_default().to_string();
        let geometry = &f["geometry"];
        let coords = &geometry["coordinates"];
        let polygons = match geometry["type"].as_str() {
            Some("Polygon") => vec![polygon_from(coords)?],
            Some("MultiPolygon") => coords
                .as_array()
                .ok_or("MultiPolygon without coordinates")?
                .iter()
                .map(polygon_from)
                .collect::<Result<Vec<_>, _>>()?,
            other => {
                return Err(format!(
                    "{}: region {key}: unsupported geometry {other:?}",
                    path.display()
                ))
            }
        };
        let mut bbox = [f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY];
        for [x, y] in polygons.iter().flatten().flatten() {
            bbox = [bbox[0].min(*x), bbox[1].min(*y), bbox[2].max(*x), bbox[3].max(*y)];
        }
        if key.is_empty() || !bbox[0].is_finite() {
            return Err(format!("{}: a feature without `ags` or coordinates", path.display()));
        }
        regions.push(RegionShape { key, polygons, bbox });
    }
    regions.sort_by(|a, b| a.key.cmp(&b.key));
    Ok(regions)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_and_escapes() {
        assert_eq!(
            split_csv_line(r#"a,"b, c","say ""hi""",,"#),
            vec!["a", "b, c", r#"say "hi""#, "", ""]
        );
    }

    #[test]
    fn square_with_hole() {
        let outer = vec![[0.0, 0.0], [4.0, 0.0], [4.0, 4.0], [0.0, 4.0], [0.0, 0.0]];
        let hole = vec![[1.0, 1.0], [3.0, 1.0], [3.0, 3.0], [1.0, 3.0], [1.0, 1.0]];
        let r = RegionShape {
            key: "x".into(),
            polygons: vec![vec![outer, hole]],
            bbox: [0.0, 0.0, 4.0, 4.0],
        };
        assert!(r.contains(0.5, 0.5));
        assert!(!r.contains(2.0, 2.0));
        assert!(!r.contains(5.0, 2.0));
    }
}
