//! The universal-approximation plot: ψ, the samples, the fit f, and every
//! unit's term ω_k σ(w_k x + b_k) as a thin curve, so the sum is seen as a sum.

use super::style::{fail, rgb, sans};
use crate::approx::{unit_term, INTERVAL};
use crate::nn::mlp::Mlp;
use crate::render::palette::{FIT, HIGHLIGHT, SAMPLE, TARGET, UNIT};
use crate::render::PixelRect;
use plotters::prelude::*;

/// The y range of the plot (ψ stays within ±1; room for noise and drawing).
pub const Y_RANGE: (f32, f32) = (-1.5, 1.5);
/// Points per unit curve: enough for a steep step to read as one.
const TERM_POINTS: usize = 240;

/// What to draw, and how large.
#[derive(Clone, Copy, Debug)]
pub struct ApproxOptions {
    /// Device pixels per CSS pixel.
    pub scale: f32,
    /// Draw every unit's term.
    pub show_units: bool,
    /// The unit to draw bold, if any.
    pub highlight: Option<usize>,
}

/// Where the plotting area landed, to map pixels back to data.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlotLayout {
    /// The plotting area in canvas pixels.
    pub rect: PixelRect,
}

impl PlotLayout {
    /// Data x of canvas pixel column `px`.
    pub fn data_x(&self, px: f64) -> f64 {
        let (lo, hi) = (f64::from(INTERVAL.0), f64::from(INTERVAL.1));
        lo + (px - f64::from(self.rect.x)) / f64::from(self.rect.width.max(1)) * (hi - lo)
    }

    /// Data y of canvas pixel row `py`.
    pub fn data_y(&self, py: f64) -> f64 {
        let (lo, hi) = (f64::from(Y_RANGE.0), f64::from(Y_RANGE.1));
        hi - (py - f64::from(self.rect.y)) / f64::from(self.rect.height.max(1)) * (hi - lo)
    }

    /// Canvas pixel row of data y.
    pub fn pixel_y(&self, y: f64) -> f64 {
        let (lo, hi) = (f64::from(Y_RANGE.0), f64::from(Y_RANGE.1));
        f64::from(self.rect.y) + (hi - y) / (hi - lo) * f64::from(self.rect.height)
    }

    /// The unit whose term passes within `tolerance` pixels of (px, py), nearest first.
    pub fn unit_at(&self, mlp: &Mlp, px: f64, py: f64, tolerance: f64) -> Option<usize> {
        let x = self.data_x(px) as f32;
        (0..mlp.layers[0].outputs)
            .map(|k| (k, (self.pixel_y(f64::from(unit_term(mlp, k, x))) - py).abs()))
            .filter(|&(_, d)| d <= tolerance)
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(k, _)| k)
    }
}

/// Draws the plot. `samples` are the (x, y) points shown as dots (empty in
/// constructed mode); `xs`, `psi`, `f` are ψ and f on the dense grid.
pub fn draw_approx<DB: DrawingBackend>(
    backend: DB,
    mlp: &Mlp,
    samples: &[(f32, f32)],
    curves: (&[f32], &[f32], &[f32]),
    options: ApproxOptions,
) -> Result<PlotLayout, String> {
    let (xs, psi, f) = curves;
    let px = |v: f32| (v * options.scale).round() as u32;
    let root = backend.into_drawing_area();
    root.fill(&WHITE).map_err(fail)?;
    let mut chart = ChartBuilder::on(&root)
        .margin(px(8.0))
        .x_label_area_size(px(40.0))
        .y_label_area_size(px(48.0))
        .build_cartesian_2d(INTERVAL.0..INTERVAL.1, Y_RANGE.0..Y_RANGE.1)
        .map_err(fail)?;
    let (xr, yr) = chart.plotting_area().get_pixel_range();
    let rect = PixelRect::from_ranges(xr, yr);
    chart
        .configure_mesh()
        .light_line_style(BLACK.mix(0.04))
        .bold_line_style(BLACK.mix(0.12))
        .x_labels(5)
        .y_labels(7)
        .x_desc("x")
        .y_desc("ψ(x), f(x)")
        .label_style(sans(px(12.0)))
        .axis_desc_style(sans(px(13.0)))
        .draw()
        .map_err(fail)?;
    let units = mlp.layers[0].outputs;
    if options.show_units && units > 0 {
        // Fainter when there are many, so the sum still reads above them.
        let alpha = (3.0 / (units as f64).sqrt()).clamp(0.12, 0.6);
        let style = rgb(UNIT).mix(alpha).stroke_width(px(1.0).max(1));
        for k in 0..units {
            for piece in inside(term_points(mlp, k)) {
                chart.draw_series(LineSeries::new(piece, style)).map_err(fail)?;
            }
        }
    }
    let line = |ys: &[f32]| inside(xs.iter().copied().zip(ys.iter().copied()).collect());
    for piece in line(psi) {
        chart
            .draw_series(LineSeries::new(piece, rgb(TARGET).stroke_width(px(2.0))))
            .map_err(fail)?;
    }
    let dot = px(2.5) as i32;
    let shown = samples.iter().filter(|p| (Y_RANGE.0..=Y_RANGE.1).contains(&p.1));
    chart
        .draw_series(shown.map(|&(x, y)| Circle::new((x, y), dot, rgb(SAMPLE).filled())))
        .map_err(fail)?;
    for piece in line(f) {
        chart
            .draw_series(LineSeries::new(piece, rgb(FIT).stroke_width(px(2.5))))
            .map_err(fail)?;
    }
    if let Some(k) = options.highlight.filter(|&k| k < units) {
        let style = rgb(HIGHLIGHT).stroke_width(px(2.5));
        for piece in inside(term_points(mlp, k)) {
            chart.draw_series(LineSeries::new(piece, style)).map_err(fail)?;
        }
    }
    root.present().map_err(fail)?;
    Ok(PlotLayout { rect })
}

fn term_points(mlp: &Mlp, k: usize) -> Vec<(f32, f32)> {
    let (lo, hi) = INTERVAL;
    (0..TERM_POINTS)
        .map(|i| {
            let x = lo + (hi - lo) * i as f32 / (TERM_POINTS - 1) as f32;
            (x, unit_term(mlp, k, x))
        })
        .collect()
}

/// The runs of a polyline inside the plot's y range (see `crate::render::runs_inside`).
pub fn inside(points: Vec<(f32, f32)>) -> Vec<Vec<(f32, f32)>> {
    let wide: Vec<(f64, f64)> = points
        .iter()
        .map(|&(x, y)| (f64::from(x), f64::from(y)))
        .collect();
    let (lo, hi) = (f64::from(Y_RANGE.0), f64::from(Y_RANGE.1));
    crate::render::runs_inside(&wide, lo, hi)
        .into_iter()
        .map(|run| run.into_iter().map(|(x, y)| (x as f32, y as f32)).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::inside;

    #[test]
    fn a_curve_leaving_the_plot_is_cut_at_the_edge() {
        let pieces = inside(vec![(0.0, 0.0), (1.0, 3.0), (2.0, 0.0)]);
        assert_eq!(
            pieces,
            vec![vec![(0.0, 0.0), (0.5, 1.5)], vec![(1.5, 1.5), (2.0, 0.0)]]
        );
        assert!(inside(vec![(0.0, 5.0), (1.0, 6.0)]).is_empty());
        assert_eq!(inside(vec![(0.0, 0.0), (1.0, f32::NAN), (2.0, 1.0)]).len(), 2);
    }
}
