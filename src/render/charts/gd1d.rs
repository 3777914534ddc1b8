//! The 1D gradient-descent lesson: the curve L(w), the iterates, the tangent
//! at the current iterate and the notes' quadratic model whose minimum is the
//! next iterate; and the map of outcomes over (η, w₀).

use super::style::{fail, rgb, sans};
use crate::lessons::gd1d::{Curve, Outcome};
use crate::render::palette::{Rgb, FIT, HIGHLIGHT, NEGATIVE, POSITIVE, TARGET, UNIT};
use crate::render::PixelRect;
use plotters::prelude::*;

/// Colour of each outcome in the map.
pub fn outcome_colour(o: Outcome) -> Rgb {
    match o {
        Outcome::Converged(0) => NEGATIVE,
        Outcome::Converged(1) => POSITIVE,
        Outcome::Converged(_) => [44, 160, 44],
        Outcome::Oscillating => [200, 200, 200],
        Outcome::Diverged => [60, 60, 60],
    }
}

/// Draws L over its domain, the iterates `ws` (the last one is current), and
/// at the current iterate the tangent and the quadratic model for `eta`.
/// Returns the plotting area, to map a drag back to w₀.
pub fn draw_gd1d<DB: DrawingBackend>(
    backend: DB,
    curve: Curve,
    ws: &[f64],
    eta: f64,
    scale: f32,
) -> Result<PixelRect, String> {
    let px = |v: f32| (v * scale).round() as u32;
    let (lo, hi) = curve.domain();
    let n = 400;
    let grid: Vec<f64> = (0..=n)
        .map(|i| lo + (hi - lo) * f64::from(i) / f64::from(n))
        .collect();
    let values: Vec<f64> = grid.iter().map(|&w| curve.value(w)).collect();
    let (ymin, ymax) = values
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &v| {
            (a.min(v), b.max(v))
        });
    let pad = 0.15 * (ymax - ymin).max(1e-3);
    let (y_lo, y_hi) = (ymin - pad, ymax + pad);
    let root = backend.into_drawing_area();
    root.fill(&WHITE).map_err(fail)?;
    let mut chart = ChartBuilder::on(&root)
        .margin(px(8.0))
        .x_label_area_size(px(36.0))
        .y_label_area_size(px(44.0))
        .build_cartesian_2d(lo..hi, y_lo..y_hi)
        .map_err(fail)?;
    chart
        .configure_mesh()
        .light_line_style(BLACK.mix(0.04))
        .x_desc("w")
        .y_desc("L(w)")
        .label_style(sans(px(12.0)))
        .draw()
        .map_err(fail)?;
    // Each curve is cut where it leaves the plot, in as many pieces as it has.
    let mut draw_line = |f: &dyn Fn(f64) -> f64, style: ShapeStyle| -> Result<(), String> {
        let points: Vec<(f64, f64)> = grid.iter().map(|&w| (w, f(w))).collect();
        for run in crate::render::runs_inside(&points, y_lo, y_hi) {
            chart.draw_series(LineSeries::new(run, style)).map_err(fail)?;
        }
        Ok(())
    };
    draw_line(&|w| curve.value(w), rgb(TARGET).stroke_width(px(2.0)))?;
    let inside = |w: f64| w.is_finite() && (lo..=hi).contains(&w);
    if let Some(&w0) = ws.last().filter(|&&w| inside(w)) {
        let (l0, d0) = (curve.value(w0), curve.derivative(w0));
        draw_line(&|w| l0 + d0 * (w - w0), rgb(UNIT).stroke_width(px(1.0)))?;
        draw_line(&|w| curve.model(w0, eta, w), rgb(HIGHLIGHT).stroke_width(px(1.5)))?;
    }
    let path: Vec<(f64, f64)> = ws
        .iter()
        .filter(|&&w| inside(w))
        .map(|&w| (w, curve.value(w)))
        .collect();
    chart
        .draw_series(LineSeries::new(
            path.clone(),
            rgb(FIT).mix(0.5).stroke_width(px(1.0)),
        ))
        .map_err(fail)?;
    let dot = px(3.0) as i32;
    chart
        .draw_series(path.iter().map(|&p| Circle::new(p, dot, rgb(FIT).filled())))
        .map_err(fail)?;
    let (xr, yr) = chart.plotting_area().get_pixel_range();
    root.present().map_err(fail)?;
    Ok(PixelRect::from_ranges(xr, yr))
}

/// The outcome map: one cell per (w₀, η) pair, w₀ across and log10 η up,
/// coloured by `outcome_colour`; a ring marks the current (w₀, η).
pub fn draw_outcome_map<DB: DrawingBackend>(
    backend: DB,
    outcomes: &[Outcome],
    etas: &[f64],
    w0s: &[f64],
    current: (f64, f64),
    scale: f32,
) -> Result<(), String> {
    let px = |v: f32| (v * scale).round() as u32;
    let (cols, rows) = (w0s.len(), etas.len());
    let half = |v: &[f64]| 0.5 * (v[v.len() - 1] - v[0]) / (v.len() - 1).max(1) as f64;
    let (dw, de) = (
        half(w0s),
        half(&etas.iter().map(|e| e.log10()).collect::<Vec<_>>()),
    );
    let (x_lo, x_hi) = (w0s[0] - dw, w0s[cols - 1] + dw);
    let (y_lo, y_hi) = (etas[0].log10() - de, etas[rows - 1].log10() + de);
    let root = backend.into_drawing_area();
    root.fill(&WHITE).map_err(fail)?;
    let mut chart = ChartBuilder::on(&root)
        .margin(px(8.0))
        .x_label_area_size(px(34.0))
        .y_label_area_size(px(48.0))
        .build_cartesian_2d(x_lo..x_hi, y_lo..y_hi)
        .map_err(fail)?;
    let cells = outcomes.iter().enumerate().map(|(i, &o)| {
        let (r, c) = (i / cols, i % cols);
        let (x, y) = (w0s[c], etas[r].log10());
        Rectangle::new(
            [(x - dw, y - de), (x + dw, y + de)],
            rgb(outcome_colour(o)).filled(),
        )
    });
    chart.draw_series(cells).map_err(fail)?;
    chart
        .configure_mesh()
        .disable_mesh()
        .x_desc("w₀")
        .y_desc("η")
        .y_label_formatter(&|v: &f64| format!("{:.0e}", 10f64.powf(*v)))
        .label_style(sans(px(11.0)))
        .draw()
        .map_err(fail)?;
    let (w0, eta) = current;
    let ring = Circle::new((w0, eta.log10()), px(5.0) as i32, WHITE.stroke_width(px(2.0)));
    chart.draw_series(std::iter::once(ring)).map_err(fail)?;
    root.present().map_err(fail)
}
