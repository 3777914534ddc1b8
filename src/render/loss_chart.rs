//! The loss curve: train and test L against iterations, linear or log10 scale.

use super::classifier_chart::{fail, rgb};
use super::palette::{TEST_CURVE, TRAIN_CURVE};
use crate::history::LossHistory;
use plotters::prelude::*;

/// Draws the train (and, if `show_test`, the test) curve of `history` on
/// `backend`. In log scale the
/// y axis shows log10 L (labelled as powers of ten); non-finite or (in log
/// scale) non-positive values are left out rather than drawn as garbage.
pub fn draw_loss<DB: DrawingBackend>(
    backend: DB,
    history: &LossHistory,
    log_scale: bool,
    show_test: bool,
    scale: f32,
) -> Result<(), String> {
    let px = |v: f32| (v * scale).round() as u32;
    let y_of = |v: f32| -> Option<f64> {
        let v = f64::from(v);
        match (v.is_finite(), log_scale) {
            (false, _) => None,
            (true, true) if v > 0.0 => Some(v.log10()),
            (true, true) => None,
            (true, false) => Some(v),
        }
    };
    let train: Vec<(f64, f64)> = history
        .points()
        .filter_map(|p| Some((p.iteration as f64, y_of(p.train)?)))
        .collect();
    let test: Vec<(f64, f64)> = history
        .points()
        .filter_map(|p| Some((p.iteration as f64, y_of(p.test)?)))
        .collect();
    let x_max = history
        .points()
        .last()
        .map_or(1.0, |p| p.iteration as f64)
        .max(1.0);
    let (y_lo, y_hi) = y_bounds(train.iter().chain(&test).map(|p| p.1), log_scale);

    let root = backend.into_drawing_area();
    root.fill(&WHITE).map_err(fail)?;
    let mut chart = ChartBuilder::on(&root)
        .margin(px(8.0))
        .x_label_area_size(px(38.0))
        .y_label_area_size(px(56.0))
        .build_cartesian_2d(0.0..x_max, y_lo..y_hi)
        .map_err(fail)?;
    // In log scale the axis holds log10 L: label the whole decades as powers
    // of ten and leave the ticks plotters puts between them unlabelled.
    let y_label = |v: &f64| match log_scale {
        true if (v - v.round()).abs() < 1e-9 => format!("1e{}", v.round() as i32),
        true => String::new(),
        false => format!("{v:.3}"),
    };
    chart
        .configure_mesh()
        .light_line_style(WHITE.mix(0.0))
        .x_desc("iteration")
        .y_desc(if log_scale { "loss (log)" } else { "loss" })
        .y_label_formatter(&y_label)
        .x_labels(5)
        .x_label_formatter(&|v: &f64| compact(*v))
        .label_style(("sans-serif", px(11.0)))
        .axis_desc_style(("sans-serif", px(12.0)))
        .draw()
        .map_err(fail)?;
    let mut curves = vec![(train, TRAIN_CURVE, "train")];
    if show_test {
        curves.push((test, TEST_CURVE, "test"));
    }
    for (series, colour, name) in curves {
        let style = rgb(colour).stroke_width(px(1.5).max(1));
        chart
            .draw_series(LineSeries::new(series, style))
            .map_err(fail)?
            .label(name)
            .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 18, y)], style));
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperRight)
        .label_font(("sans-serif", px(11.0)))
        .background_style(WHITE.mix(0.85))
        .border_style(BLACK.mix(0.3))
        .draw()
        .map_err(fail)?;
    root.present().map_err(fail)
}

/// An iteration count short enough for an axis label: 950, 12k, 3.5M.
pub fn compact(v: f64) -> String {
    let a = v.abs();
    if a >= 1e6 {
        format!("{}M", trim(v / 1e6))
    } else if a >= 1e4 {
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
    use super::compact;

    #[test]
    fn iteration_labels_stay_short() {
        assert_eq!(compact(950.0), "950");
        assert_eq!(compact(4500.0), "4500");
        assert_eq!(compact(12_000.0), "12k");
        assert_eq!(compact(3_500_000.0), "3.5M");
    }
}
