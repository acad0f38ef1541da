//! Label placement with collision avoidance: candidates in importance order, each placed only where it
//! overlaps no label placed before (a coarse grid of occupied rectangles keeps this O(labels)).

/// A rectangle in CSS pixels: x, y, width, height.
type Rect = [f32; 4];

const CELL: f32 = 64.0;

/// Greedy placement. `candidates` are (text width, x, y) in importance order; returns the indices placed.
pub fn place(candidates: &[(f32, f32, f32)], width: f32, height: f32, line: f32, max: usize) -> Vec<usize> {
    let cols = (width / CELL).ceil().max(1.0) as usize;
    let rows = (height / CELL).ceil().max(1.0) as usize;
    let mut grid: Vec<Vec<Rect>> = vec![Vec::new(); cols * rows];
    let mut out = Vec::new();
    for (k, &(w, x, y)) in candidates.iter().enumerate() {
        if out.len() >= max {
            break;
        }
        let r: Rect = [x - 2.0, y - line / 2.0 - 1.0, w + 4.0, line + 2.0];
        if r[0] < 0.0 || r[1] < 0.0 || r[0] + r[2] > width || r[1] + r[3] > height {
            continue;
        }
        let (c0, c1) = ((r[0] / CELL) as usize, (((r[0] + r[2]) / CELL) as usize).min(cols - 1));
        let (r0, r1) = ((r[1] / CELL) as usize, (((r[1] + r[3]) / CELL) as usize).min(rows - 1));
        let hit = (r0..=r1).any(|gy| {
            (c0..=c1).any(|gx| {
                grid[gy * cols + gx]
                    .iter()
                    .any(|o| r[0] < o[0] + o[2] && o[0] < r[0] + r[2] && r[1] < o[1] + o[3] && o[1] < r[1] + r[3])
            })
        });
        if hit {
            continue;
        }
        for gy in r0..=r1 {
            for gx in c0..=c1 {
                grid[gy * cols + gx].push(r);
            }
        }
        out.push(k);
    }
    out
}
