//! The SVG plot of layout quality against time (docs/benchmarks-layout-<data>.svg): one panel per quality
//! measure, time on a logarithmic axis, one line per side and theta, the self-stop marked, graphology's best
//! within 300 iterations as a dotted line. Plain SVG text, no dependency.

use super::layout::{best, Measure, Run, Series};
use std::fmt::Write as _;

const W: f64 = 760.0;
const PANEL_H: f64 = 300.0;
const LEFT: f64 = 70.0;
const RIGHT: f64 = 20.0;
const TOP: f64 = 60.0;
const BOTTOM: f64 = 50.0;

/// Colour and dash of a series.
fn style(s: &Series) -> (&'static str, &'static str) {
    let colour = match s.side.as_str() {
        "ecomap" => "#1f5fbf",
        "graphology" => "#d9661f",
        _ => "#6b6b6b",
    };
    let dash = if s.theta == "0.5" { "6 4" } else { "" };
    (colour, dash)
}

/// The plot for one dataset.
pub fn svg(run: &Run) -> String {
    let (t_min, t_max) = time_range(run);
    let legend_y = TOP + 2.0 * (PANEL_H + BOTTOM) - 10.0;
    let h = legend_y + 16.0 * (run.series.len() + 2) as f64 + 20.0;
    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{h}" viewBox="0 0 {W} {h}" font-family="sans-serif" font-size="12">"#
    );
    let _ = writeln!(s, r##"<rect width="{W}" height="{h}" fill="#ffffff"/>"##);
    let _ = writeln!(
        s,
        r#"<text x="{LEFT}" y="24" font-size="14" font-weight="bold">Layout quality against time, {} ({} nodes, {} edges), same start, same page</text>"#,
        run.data, run.nodes, run.edges
    );
    for (k, m) in [Measure::Q, Measure::Nn].into_iter().enumerate() {
        let y0 = TOP + k as f64 * (PANEL_H + BOTTOM);
        panel(&mut s, run, m, y0, t_min, t_max);
    }
    legend(&mut s, run, LEFT, legend_y);
    let _ = writeln!(s, "</svg>");
    s
}

/// The smallest positive and the largest time of any point, widened to powers of ten.
fn time_range(run: &Run) -> (f64, f64) {
    let times = run
        .series
        .iter()
        .flat_map(|s| s.points.iter().chain(s.stop.iter()))
        .map(|p| p.ms)
        .filter(|t| *t > 0.0 && t.is_finite());
    let (lo, hi) = times.fold((f64::INFINITY, 0.0f64), |(lo, hi), t| (lo.min(t), hi.max(t)));
    if !lo.is_finite() {
        return (1.0, 10.0);
    }
    (10f64.powf(lo.log10().floor()), 10f64.powf(hi.log10().ceil()))
}

fn panel(s: &mut String, run: &Run, m: Measure, y0: f64, t_min: f64, t_max: f64) {
    let values: Vec<f64> = run
        .series
        .iter()
        .flat_map(|s| s.points.iter().chain(s.stop.iter()))
        .map(|p| m.of(p))
        .filter(|v| v.is_finite())
        .collect();
    let (mut v_lo, mut v_hi) = values
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &v| (a.min(v), b.max(v)));
    if !v_lo.is_finite() || v_hi <= v_lo {
        v_lo = 0.0;
        v_hi = 1.0;
    }
    let pad = (v_hi - v_lo) * 0.05;
    let (v_lo, v_hi) = (v_lo - pad, v_hi + pad);
    let x =
        |t: f64| LEFT + (W - LEFT - RIGHT) * ((t.max(t_min)).log10() - t_min.log10()) / (t_max.log10() - t_min.log10());
    let y = |v: f64| y0 + PANEL_H - PANEL_H * (v - v_lo) / (v_hi - v_lo);
    // Frame, grid and labels.
    let _ = writeln!(
        s,
        r##"<rect x="{LEFT}" y="{y0}" width="{}" height="{PANEL_H}" fill="none" stroke="#999"/>"##,
        W - LEFT - RIGHT
    );
    let mut t = t_min;
    while t <= t_max * 1.0001 {
        let label = if t >= 1000.0 {
            format!("{} s", t / 1000.0)
        } else {
            format!("{t} ms")
        };
        let _ = writeln!(
            s,
            r##"<line x1="{0:.1}" y1="{y0}" x2="{0:.1}" y2="{1:.1}" stroke="#e3e3e3"/><text x="{0:.1}" y="{2:.1}" text-anchor="middle">{label}</text>"##,
            x(t),
            y0 + PANEL_H,
            y0 + PANEL_H + 16.0
        );
        t *= 10.0;
    }
    for k in 0..=4 {
        let v = v_lo + (v_hi - v_lo) * k as f64 / 4.0;
        let _ = writeln!(
            s,
            r##"<text x="{:.1}" y="{:.1}" text-anchor="end">{}</text>"##,
            LEFT - 6.0,
            y(v) + 4.0,
            m.fmt(v)
        );
    }
    let better = if m == Measure::Q {
        "lower is better"
    } else {
        "higher is better"
    };
    let _ = writeln!(
        s,
        r##"<text x="{LEFT}" y="{:.1}" font-weight="bold">{} ({better}) against layout time (log scale); start at the left edge</text>"##,
        y0 - 6.0,
        m.name()
    );
    // graphology's best within 300 iterations, per theta (recommended settings).
    for g in run.series.iter().filter(|s| s.side == "graphology") {
        if let Some(b) = best(g, m) {
            let (c, _) = style(g);
            let _ = writeln!(
                s,
                r#"<line x1="{LEFT}" y1="{0:.1}" x2="{1:.1}" y2="{0:.1}" stroke="{c}" stroke-dasharray="1 3"/>"#,
                y(m.of(&b)),
                W - RIGHT
            );
        }
    }
    for ser in &run.series {
        let (c, dash) = style(ser);
        let pts: Vec<String> = ser
            .points
            .iter()
            .filter(|p| m.of(p).is_finite())
            .map(|p| format!("{:.1},{:.1}", x(p.ms), y(m.of(p))))
            .collect();
        let _ = writeln!(
            s,
            r#"<polyline points="{}" fill="none" stroke="{c}" stroke-width="1.8" stroke-dasharray="{dash}"/>"#,
            pts.join(" ")
        );
        if let Some(p) = ser.stop.filter(|p| m.of(p).is_finite()) {
            let _ = writeln!(
                s,
                r##"<circle cx="{:.1}" cy="{:.1}" r="5" fill="#ffffff" stroke="{c}" stroke-width="2"/>"##,
                x(p.ms),
                y(m.of(&p))
            );
        }
    }
}

fn label(side: &str) -> &str {
    match side {
        "graphology" => "graphology-layout-forceatlas2, its recommended settings",
        "graphology-ecomap-settings" => "graphology-layout-forceatlas2, ecomap's settings",
        "ecomap" => "ecomap",
        other => other,
    }
}

fn legend(s: &mut String, run: &Run, x0: f64, y0: f64) {
    for (k, ser) in run.series.iter().enumerate() {
        let (c, dash) = style(ser);
        let y = y0 + 14.0 + k as f64 * 16.0;
        let _ = writeln!(
            s,
            r#"<line x1="{x0}" y1="{0:.1}" x2="{1}" y2="{0:.1}" stroke="{c}" stroke-width="1.8" stroke-dasharray="{dash}"/><text x="{2}" y="{3:.1}">{4}, theta {5}</text>"#,
            y - 4.0,
            x0 + 28.0,
            x0 + 34.0,
            y,
            label(&ser.side),
            ser.theta
        );
    }
    let y = y0 + 14.0 + run.series.len() as f64 * 16.0;
    let _ = writeln!(
        s,
        r##"<circle cx="{}" cy="{:.1}" r="5" fill="#ffffff" stroke="#1f5fbf" stroke-width="2"/><text x="{}" y="{y:.1}">ecomap's self-stop (the app's rule)</text>"##,
        x0 + 14.0,
        y - 4.0,
        x0 + 34.0
    );
    let y = y + 16.0;
    let _ = writeln!(
        s,
        r##"<line x1="{x0}" y1="{0:.1}" x2="{1}" y2="{0:.1}" stroke="#d9661f" stroke-dasharray="1 3"/><text x="{2}" y="{y:.1}">graphology's best within 300 iterations</text>"##,
        y - 4.0,
        x0 + 28.0,
        x0 + 34.0
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench::{layout::collect, parse_bench_lines};

    #[test]
    fn plots_every_series() {
        let runs = collect(&parse_bench_lines(
            "BENCH data=d name=layout_curve side=ecomap theta=0.7 it=0 q=0.9 nn=0.01 ms=0\n\
             BENCH data=d name=layout_curve side=ecomap theta=0.7 it=5 q=0.6 nn=0.02 ms=100\n\
             BENCH data=d name=layout_stop side=ecomap theta=0.7 it=7 q=0.55 nn=0.02 ms=140\n\
             BENCH data=d name=layout_curve side=graphology theta=0.5 it=50 q=0.5 nn=0.03 ms=4000\n",
        ));
        let svg = svg(&runs[0]);
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
        assert_eq!(svg.matches("<polyline").count(), 4, "two series in two panels");
        assert_eq!(
            svg.matches("<circle").count(),
            3,
            "the stop in both panels and the legend"
        );
        assert!(!svg.contains("NaN"));
    }
}
