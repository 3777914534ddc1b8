//! The logistic-regression lesson: the two classes, the boundary w·x + b = 0
//! of logistic regression after a number of gradient steps, and LDA's.

use super::style::{fail, rgb, sans};
use crate::lessons::logistic::{Linear, Points};
use crate::render::palette::{NEGATIVE, POSITIVE, TARGET, TEST_CURVE};
use plotters::prelude::*;

/// The plotted square [−R, R]².
pub const R: f64 = 3.0;

/// A panel's title: its iteration count and loss, e.g. "after 100 iterations:
/// ℒ = 23.61" (not "n", the letter of the samples in ℒ's sum).
pub fn panel_title(iterations: usize, loss: f64) -> String {
    let value = if loss.is_finite() {
        format!("{loss:.4}")
    } else {
        "∞ (diverged)".into()
    };
    format!("after {iterations} iterations: ℒ = {value}")
}

/// One panel: a title, the logistic model, and its loss.
#[derive(Clone, Debug)]
pub struct Panel {
    /// The panel's title (see `panel_title`).
    pub title: String,
    /// The logistic-regression model at that point.
    pub model: Linear,
}

/// Draws the panels side by side in a grid of `cols` columns, each with the
/// points, the logistic boundary (solid) and, if given, the LDA one (dashed).
pub fn draw_logistic<DB: DrawingBackend>(
    backend: DB,
    data: &Points,
    panels: &[Panel],
    lda: Option<Linear>,
    cols: usize,
    scale: f32,
) -> Result<(), String> {
    let px = |v: f32| (v * scale).round() as u32;
    let root = backend.into_drawing_area();
    root.fill(&WHITE).map_err(fail)?;
    let rows = panels.len().div_ceil(cols.max(1)).max(1);
    let areas = root.split_evenly((rows, cols.max(1)));
    for (area, panel) in areas.iter().zip(panels) {
        let mut chart = ChartBuilder::on(area)
            .margin(px(6.0))
            .caption(&panel.title, sans(px(13.0)))
            .x_label_area_size(px(20.0))
            .y_label_area_size(px(28.0))
            .build_cartesian_2d(-R..R, -R..R)
            .map_err(fail)?;
        chart
            .configure_mesh()
            .disable_mesh()
            .x_labels(5)
            .y_labels(5)
            .label_style(sans(px(10.0)))
            .draw()
            .map_err(fail)?;
        let dot = px(2.5) as i32;
        let points = data.x.iter().zip(&data.y).map(|(&x, &y)| {
            Circle::new(
                (x[0], x[1]),
                dot,
                rgb(if y > 0.0 { POSITIVE } else { NEGATIVE }).filled(),
            )
        });
        chart.draw_series(points).map_err(fail)?;
        let solid = rgb(TARGET).stroke_width(px(2.0));
        chart
            .draw_series(LineSeries::new(boundary(&panel.model), solid))
            .map_err(fail)?;
        if let Some(l) = lda {
            let style = rgb(TEST_CURVE).stroke_width(px(1.5));
            let dashed = DashedLineSeries::new(boundary(&l), px(6.0), px(4.0), style);
            chart.draw_series(dashed).map_err(fail)?;
        }
    }
    root.present().map_err(fail)
}

/// The segment of w·x + b = 0 inside the square (empty if it misses it).
pub fn boundary(m: &Linear) -> Vec<(f64, f64)> {
    let [a, c] = m.w;
    if a.abs() < 1e-12 && c.abs() < 1e-12 {
        return Vec::new();
    }
    let mut pts = Vec::new();
    for t in [-R, R] {
        if c.abs() > 1e-12 {
            let y = -(a * t + m.b) / c;
            if y.abs() <= R {
                pts.push((t, y));
            }
        }
        if a.abs() > 1e-12 {
            let x = -(c * t + m.b) / a;
            if x.abs() <= R {
                pts.push((x, t));
            }
        }
    }
    pts.sort_by(|p, q| p.0.total_cmp(&q.0).then(p.1.total_cmp(&q.1)));
    pts.dedup();
    pts.truncate(2);
    pts
}
