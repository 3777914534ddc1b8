//! The 1D gradient-descent lesson: the curve L(w), the iterates, the tangent
//! at the current iterate and the notes' quadratic model whose minimum is the
//! next iterate; and the map of outcomes over (η, w₀).

use super::style::{fail, rgb, sans};
use crate::lessons::gd1d::{Curve, Outcome};
use crate::lessons::gd1d_words::compact;
use crate::render::palette::{Rgb, FIT, HIGHLIGHT, NEGATIVE, POSITIVE, TARGET, UNIT};
use crate::render::PixelRect;
use plotters::coord::ranged1d::ValueFormatter;
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// One colour per minimum, in the order of `Curve::minima()`: every curve has
/// at most this many, so no two minima share a colour. The first five (the most
/// a curve has) stay apart from each other and from the two outcome greys under
/// every colour blindness (tests/render/palette.rs).
pub const MINIMA: [Rgb; 8] = [
    NEGATIVE,
    POSITIVE,
    [86, 180, 233],
    [140, 86, 75],
    [20, 40, 100],
    [0, 158, 115],
    [204, 121, 167],
    [240, 228, 66],
];

/// Colour of each outcome in the map.
pub fn outcome_colour(o: Outcome) -> Rgb {
    match o {
        Outcome::Converged(k) => MINIMA[k % MINIMA.len()],
        Outcome::Oscillating => [200, 200, 200],
        Outcome::Diverged => [0, 0, 0],
    }
}

/// A tick label: plotters' own, without the "-0.0" a tick a rounding error
/// below zero would get.
pub fn tick_label(v: &f64) -> String {
    let text = RangedCoordf64::format(v);
    match text.strip_prefix('-') {
        Some(rest) if rest.chars().all(|c| c == '0' || c == '.') => rest.to_string(),
        _ => text,
    }
}

/// Draws L over its domain, the iterates `ws` (the last one is current), and
/// at the current iterate the tangent and the quadratic model for `eta`.
/// Iterates beyond the plotted w range are drawn at its edge as arrows, with
/// a label. Returns the plotting area, to map a drag back to w₀.
pub fn draw_gd1d<DB: DrawingBackend>(
    backend: DB,
    curve: Curve,
    ws: &[f64],
    eta: f64,
    scale: f32,
) -> Result<PixelRect, String> {
    let px = |v: f32| (v * scale).round() as u32;
    let (lo, hi) = curve.domain();
    let grid: Vec<f64> = (0..=400).map(|i| lo + (hi - lo) * f64::from(i) / 400.0).collect();
    let (ymin, ymax) = grid
        .iter()
        .map(|&w| curve.value(w))
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
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
        .x_label_formatter(&tick_label)
        .y_label_formatter(&tick_label)
        .label_style(sans(px(12.0)))
        .draw()
        .map_err(fail)?;
    // Each curve is cut where it leaves the plot, in as many pieces as it has.
    // A dash (and gap) length draws the curve dashed: the quadratic model is, so
    // that it differs from the solid tangent by line style as well as colour.
    let mut draw_line =
        |f: &dyn Fn(f64) -> f64, style: ShapeStyle, dash: Option<(u32, u32)>| -> Result<(), String> {
            let points: Vec<(f64, f64)> = grid.iter().map(|&w| (w, f(w))).collect();
            for run in crate::render::runs_inside(&points, y_lo, y_hi) {
                match dash {
                    Some((d, g)) => chart.draw_series(DashedLineSeries::new(run, d, g, style)),
                    None => chart.draw_series(LineSeries::new(run, style)),
                }
                .map_err(fail)?;
            }
            Ok(())
        };
    draw_line(&|w| curve.value(w), rgb(TARGET).stroke_width(px(2.0)), None)?;
    let inside = |w: f64| w.is_finite() && (lo..=hi).contains(&w);
    if let Some(&w0) = ws.last().filter(|&&w| inside(w)) {
        let (l0, d0) = (curve.value(w0), curve.derivative(w0));
        draw_line(&|w| l0 + d0 * (w - w0), rgb(UNIT).stroke_width(px(1.0)), None)?;
        let model_dash = Some((px(6.0).max(2), px(4.0).max(1)));
        draw_line(
            &|w| curve.model(w0, eta, w),
            rgb(HIGHLIGHT).stroke_width(px(2.0)),
            model_dash,
        )?;
    }
    draw_iterates(&mut chart, curve, ws, y_hi - 0.08 * (y_hi - y_lo), scale)?;
    let (xr, yr) = chart.plotting_area().get_pixel_range();
    root.present().map_err(fail)?;
    Ok(PixelRect::from_ranges(xr, yr))
}

/// The iterates joined in order: inside the w range as dots on the curve,
/// beyond it as arrows at the edge (at height `edge_y`), each side labelled
/// with how many left there, or with the current w_t if it is one of them.
fn draw_iterates<DB: DrawingBackend>(
    chart: &mut ChartContext<'_, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>,
    curve: Curve,
    ws: &[f64],
    edge_y: f64,
    scale: f32,
) -> Result<(), String> {
    let px = |v: f32| (v * scale).round() as i32;
    let (lo, hi) = curve.domain();
    let ws: Vec<f64> = ws.iter().copied().filter(|w| !w.is_nan()).collect();
    let side = |w: f64| (w > hi) as i32 - (w < lo) as i32;
    let place = |w: f64| match side(w) {
        0 => (w, curve.value(w)),
        s => (if s > 0 { hi } else { lo }, edge_y),
    };
    let path: Vec<(f64, f64)> = ws.iter().map(|&w| place(w)).collect();
    let line = rgb(FIT).mix(0.5).stroke_width(px(1.0) as u32);
    chart.draw_series(LineSeries::new(path, line)).map_err(fail)?;
    let dots = ws.iter().filter(|&&w| side(w) == 0);
    let dot = px(3.0);
    chart
        .draw_series(dots.map(|&w| Circle::new(place(w), dot, rgb(FIT).filled())))
        .map_err(fail)?;
    let current = ws.last().copied();
    for s in [-1, 1] {
        let off = ws.iter().filter(|&&w| side(w) == s).count();
        if off == 0 {
            continue;
        }
        let label = match current.filter(|&w| side(w) == s) {
            Some(w) => format!("w_t = {}", compact(w)),
            None => format!("{off} iterate{} off the plot", if off == 1 { "" } else { "s" }),
        };
        // The arrow's tip on the edge, pointing out; the label inside, before it.
        let back = -s * px(9.0);
        let arrow = Polygon::new(vec![(0, 0), (back, -px(6.0)), (back, px(6.0))], rgb(FIT).filled());
        let anchor = if s > 0 { HPos::Right } else { HPos::Left };
        let style = TextStyle::from(sans(px(12.0) as u32)).pos(Pos::new(anchor, VPos::Center));
        let text = Text::new(label, (back - s * px(3.0), 0), style);
        let at = (if s > 0 { hi } else { lo }, edge_y);
        chart
            .draw_series(std::iter::once(EmptyElement::at(at) + arrow + text))
            .map_err(fail)?;
    }
    Ok(())
}

/// The outcome map: one cell per (w₀, η) pair, w₀ across and log10 η up,
/// coloured by `outcome_colour`; a ring marks the current (w₀, η). Returns
/// the ring's centre in backend pixels.
pub fn draw_outcome_map<DB: DrawingBackend>(
    backend: DB,
    outcomes: &[Outcome],
    etas: &[f64],
    w0s: &[f64],
    current: (f64, f64),
    scale: f32,
) -> Result<(i32, i32), String> {
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
        .x_label_formatter(&tick_label)
        .y_label_formatter(&|v: &f64| format!("{:.0e}", 10f64.powf(*v)))
        .label_style(sans(px(11.0)))
        .draw()
        .map_err(fail)?;
    let (w0, eta) = current;
    let ring = Circle::new((w0, eta.log10()), px(5.0) as i32, WHITE.stroke_width(px(2.0)));
    chart.draw_series(std::iter::once(ring)).map_err(fail)?;
    let centre = chart.backend_coord(&(w0, eta.log10()));
    root.present().map_err(fail)?;
    Ok(centre)
}
