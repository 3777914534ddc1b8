//! Line charts against an iteration or unit count: the loss curve (train and
//! test L) and the universal-approximation view's error curves, linear or
//! log10 scale.

use super::legend::{draw_legend, legend_height, Entry, Layout};
use super::style::{dash_of, fail, rgb, sans};
use crate::render::palette::{Rgb, GHOSTS, TEST_CURVE, TRAIN_CURVE};
use crate::train::history::LossHistory;
use plotters::prelude::*;

/// One named curve of (x, y) points.
#[derive(Clone, Debug)]
pub struct Curve {
    /// Legend text.
    pub name: &'static str,
    /// Line colour.
    pub colour: Rgb,
    /// The points, x increasing.
    pub points: Vec<(f64, f64)>,
}

/// Axis texts and scale of a line chart.
#[derive(Clone, Copy, Debug)]
pub struct Axes {
    /// Under the x axis.
    pub x_desc: &'static str,
    /// Beside the y axis.
    pub y_desc: &'static str,
    /// log10 of y is plotted, labelled as powers of ten.
    pub log_scale: bool,
    /// Device pixels per CSS pixel.
    pub scale: f32,
}

/// Draws the train (and, if `show_test`, the test) curve of `history`, with
/// the legend texts `names`.
pub fn draw_loss<DB: DrawingBackend>(
    backend: DB,
    history: &LossHistory,
    names: [&'static str; 2],
    show_test: bool,
    axes: Axes,
) -> Result<(), String> {
    draw_loss_with_ghosts(backend, history, names, show_test, &[], axes)
}

/// As `draw_loss`, with kept runs' curves drawn dashed behind the current ones.
pub fn draw_loss_with_ghosts<DB: DrawingBackend>(
    backend: DB,
    history: &LossHistory,
    names: [&'static str; 2],
    show_test: bool,
    ghosts: &[Ghost],
    axes: Axes,
) -> Result<(), String> {
    let series = |f: fn(&crate::train::history::LossPoint) -> f32| -> Vec<(f64, f64)> {
        history
            .points()
            .map(|p| (p.iteration as f64, f64::from(f(p))))
            .collect()
    };
    let mut curves = vec![Curve {
        name: names[0],
        colour: TRAIN_CURVE,
        points: series(|p| p.train),
    }];
    if show_test {
        curves.push(Curve {
            name: names[1],
            colour: TEST_CURVE,
            points: series(|p| p.test),
        });
    }
    draw_curves_and_ghosts(backend, &curves, ghosts, axes)
}

/// Draws `curves` on `backend`. Non-finite values, and in log scale
/// non-positive ones, are left out rather than drawn as garbage.
pub fn draw_curves<DB: DrawingBackend>(backend: DB, curves: &[Curve], axes: Axes) -> Result<(), String> {
    draw_curves_and_ghosts(backend, curves, &[], axes)
}

/// Draws the `ghosts` (dashed, faded) under `curves`, on shared axes that
/// hold them all.
pub fn draw_curves_and_ghosts<DB: DrawingBackend>(
    backend: DB,
    curves: &[Curve],
    ghosts: &[Ghost],
    axes: Axes,
) -> Result<(), String> {
    let ghost_lines = ghost_lines(ghosts);
    let all = || {
        curves
            .iter()
            .map(|c| &c.points)
            .chain(ghost_lines.iter().map(|g| &g.points))
    };
    let px = |v: f32| (v * axes.scale).round() as u32;
    let y_of = |v: f64| match (v.is_finite(), axes.log_scale) {
        (false, _) => None,
        (true, true) if v > 0.0 => Some(v.log10()),
        (true, true) => None,
        (true, false) => Some(v),
    };
    let shown: Vec<Vec<(f64, f64)>> = all()
        .map(|points| points.iter().filter_map(|&(x, y)| Some((x, y_of(y)?))).collect())
        .collect();
    // At least 4, so the first frames' axis reads 0 1 2 3 4, not 0 0 1.
    let x_max = all()
        .filter_map(|points| points.last())
        .map(|p| p.0)
        .fold(4.0, f64::max);
    let (y_lo, y_hi) = y_bounds(shown.iter().flatten().map(|p| p.1), axes.log_scale);

    // The legend's band is measured first: the plot takes what is left under it.
    let line_width = px(1.5).max(1);
    // Ghosts: long dashes, faded; the test curve: short dashes (style::dash_of).
    let dash = (px(7.0).max(2), px(4.0).max(1));
    let curve_dash = |curve: &Curve| dash_of(curve.colour).map(|(d, g)| (px(d).max(2), px(g).max(1)));
    let ghost_style = |line: &GhostLine| rgb(line.colour).mix(0.6).stroke_width(line_width);
    let curve_style = |curve: &Curve| rgb(curve.colour).stroke_width(line_width);
    let ghost_entries = ghost_lines.iter().map(|line| Entry {
        name: &line.legend,
        style: ghost_style(line),
        dash: Some(dash),
    });
    let curve_entries = curves.iter().map(|curve| Entry {
        name: curve.name,
        style: curve_style(curve),
        dash: curve_dash(curve),
    });
    // The current run first: it is what the class is looking at.
    let legend: Vec<Entry<'_>> = curve_entries.chain(ghost_entries).collect();
    let layout = Layout {
        font: px(11.0),
        margin: px(8.0),
        sample: px(18.0),
    };

    let root = backend.into_drawing_area();
    root.fill(&WHITE).map_err(fail)?;
    let (band, plot) = root.split_vertically(legend_height(&root, &legend, layout)?);
    draw_legend(&band, &legend, layout)?;
    let mut chart = ChartBuilder::on(&plot)
        .margin(px(8.0))
        .margin_top(if legend.is_empty() { px(8.0) } else { px(2.0) })
        .x_label_area_size(px(38.0))
        .y_label_area_size(px(56.0))
        .build_cartesian_2d(0.0..x_max, y_lo..y_hi)
        .map_err(fail)?;
    // In log scale the axis holds log10 y: label the whole decades as powers
    // of ten and leave the ticks plotters puts between them unlabelled.
    let y_label = |v: &f64| match axes.log_scale {
        true if (v - v.round()).abs() < 1e-9 => format!("1e{}", v.round() as i32),
        true => String::new(),
        false => linear_tick(*v),
    };
    chart
        .configure_mesh()
        .light_line_style(WHITE.mix(0.0))
        .x_desc(axes.x_desc)
        .y_desc(axes.y_desc)
        .y_label_formatter(&y_label)
        .x_labels(5)
        .x_label_formatter(&|v: &f64| compact(*v))
        .label_style(sans(px(11.0)))
        .axis_desc_style(sans(px(12.0)))
        .draw()
        .map_err(fail)?;
    let (shown, ghost_shown) = {
        let mut shown = shown;
        let ghost_shown = shown.split_off(curves.len());
        (shown, ghost_shown)
    };
    for (line, points) in ghost_lines.iter().zip(ghost_shown) {
        chart
            .draw_series(DashedLineSeries::new(points, dash.0, dash.1, ghost_style(line)))
            .map_err(fail)?;
    }
    for (curve, points) in curves.iter().zip(shown) {
        match curve_dash(curve) {
            Some((d, g)) => chart.draw_series(DashedLineSeries::new(points, d, g, curve_style(curve))),
            None => chart.draw_series(LineSeries::new(points, curve_style(curve))),
        }
        .map_err(fail)?;
    }
    root.present().map_err(fail)
}

/// A kept run's loss curves, drawn behind the current run's.
#[derive(Clone, Debug, PartialEq)]
pub struct Ghost {
    /// Legend text, e.g. "ghost 1: Adam η=0.03".
    pub name: String,
    /// Its training loss against the iteration.
    pub train: Vec<(f64, f64)>,
    /// Its test loss, when the test set was shown as it was kept.
    pub test: Option<Vec<(f64, f64)>>,
}

impl Ghost {
    /// Keeps the train (and, if `with_test`, the test) curve of `history`.
    pub fn from_history(name: String, history: &LossHistory, with_test: bool) -> Ghost {
        let series = |f: fn(&crate::train::history::LossPoint) -> f32| -> Vec<(f64, f64)> {
            history
                .points()
                .map(|p| (p.iteration as f64, f64::from(f(p))))
                .collect()
        };
        Ghost {
            name,
            train: series(|p| p.train),
            test: with_test.then(|| series(|p| p.test)),
        }
    }
}

/// One dashed line of a ghost, with its name in the legend.
struct GhostLine {
    legend: String,
    colour: Rgb,
    points: Vec<(f64, f64)>,
}

fn ghost_lines(ghosts: &[Ghost]) -> Vec<GhostLine> {
    let mut lines = Vec::new();
    for (i, g) in ghosts.iter().enumerate() {
        let colour = GHOSTS[i % GHOSTS.len()];
        lines.push(GhostLine {
            legend: g.name.clone(),
            colour,
            points: g.train.clone(),
        });
        if let Some(test) = &g.test {
            // The test line is fainter, like the gap between train and test.
            let faint = colour.map(|c| c + (255 - c) / 2);
            // Named after its ghost ("ghost 1 test"), so every dashed line has its swatch.
            let number = g.name.split(':').next().unwrap_or(&g.name);
            lines.push(GhostLine {
                legend: format!("{number} test"),
                colour: faint,
                points: test.clone(),
            });
        }
    }
    lines
}

/// A linear y tick: three decimals for a loss below 10 (0.125), whole
/// numbers above (25, 90) and for 0, and thousands compact (8k, 1.5k) — a summed loss over
/// a thousand digits reads 8k, not 8000.000.
fn linear_tick(v: f64) -> String {
    let a = v.abs();
    if a >= 1e3 {
        compact(v)
    } else if a >= 10.0 || v == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.3}")
    }
}

/// An iteration count short enough for an axis label: 950, 1.5k, 12k, 3.5M.
pub fn compact(v: f64) -> String {
    let a = v.abs();
    if a >= 1e6 {
        format!("{}M", trim(v / 1e6))
    } else if a >= 1e3 {
        format!("{}k", trim(v / 1e3))
    } else {
        format!("{v:.0}")
    }
}

fn trim(v: f64) -> String {
    let s = format!("{v:.1}");
    s.strip_suffix(".0").map_or(s.clone(), str::to_string)
}

/// A y range that holds every value with a little room; whole decades in log
/// scale so the labels are powers of ten.
fn y_bounds(values: impl Iterator<Item = f64>, log_scale: bool) -> (f64, f64) {
    let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    if !lo.is_finite() {
        return if log_scale { (-3.0, 0.0) } else { (0.0, 1.0) };
    }
    if log_scale {
        let (lo, hi) = (lo.floor(), hi.ceil());
        (lo, if hi > lo { hi } else { lo + 1.0 })
    } else {
        (0.0, if hi > 0.0 { hi * 1.05 } else { 1.0 })
    }
}

#[cfg(test)]
mod tests {
    use super::{compact, linear_tick};

    #[test]
    fn iteration_labels_stay_short() {
        assert_eq!(compact(950.0), "950");
        assert_eq!(compact(4500.0), "4.5k");
        assert_eq!(compact(12_000.0), "12k");
        assert_eq!(compact(3_500_000.0), "3.5M");
    }

    #[test]
    fn loss_labels_keep_three_decimals_below_ten_and_shorten_above() {
        assert_eq!(linear_tick(0.125), "0.125");
        assert_eq!(linear_tick(90.0), "90");
        assert_eq!(linear_tick(8000.0), "8k");
        assert_eq!(linear_tick(1500.0), "1.5k");
        assert_eq!(linear_tick(0.0), "0");
    }
}
