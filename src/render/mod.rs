//! Drawing, in pure Rust: the decision-boundary heatmap into an RGBA buffer,
//! and the charts (axes, points, loss curves) through plotters, generic over
//! the drawing backend so the same code draws on a canvas in the browser and
//! into a bitmap in the native tests.

pub mod approx_chart;
pub mod boundary;
pub mod classifier_chart;
pub mod gd1d_chart;
pub mod logistic_chart;
pub mod loss_chart;
pub mod palette;
pub mod unit_grids;

/// A rectangle of pixels: the plotting area inside a chart's axes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PixelRect {
    /// Left edge.
    pub x: i32,
    /// Top edge.
    pub y: i32,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}
