//! Drawing, in pure Rust: the decision-boundary heatmap into an RGBA buffer,
//! and the charts (axes, points, loss curves) through plotters, generic over
//! the drawing backend so the same code draws on a canvas in the browser and
//! into a bitmap in the native tests.

pub mod boundary;
pub mod charts;
pub mod class_colours;
pub mod digits;
pub mod palette;
pub mod plane;
pub mod thumbnails;
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

impl PixelRect {
    /// The rectangle of a plotting area's pixel ranges (plotters'
    /// `get_pixel_range`).
    pub fn from_ranges(xs: std::ops::Range<i32>, ys: std::ops::Range<i32>) -> PixelRect {
        PixelRect {
            x: xs.start,
            y: ys.start,
            width: (xs.end - xs.start).max(0) as u32,
            height: (ys.end - ys.start).max(0) as u32,
        }
    }
}

/// The runs of a polyline that lie inside the y range [lo, hi], each extended
/// to where it crosses the edge, so a curve leaving a plot is cut there
/// instead of being drawn along the edge (which clamping would do).
pub fn runs_inside(points: &[(f64, f64)], lo: f64, hi: f64) -> Vec<Vec<(f64, f64)>> {
    let within = |y: f64| (lo..=hi).contains(&y);
    let cross = |a: (f64, f64), b: (f64, f64)| {
        let edge = if a.1.max(b.1) > hi { hi } else { lo };
        let t = (edge - a.1) / (b.1 - a.1);
        (a.0 + t * (b.0 - a.0), edge)
    };
    let mut pieces: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut current: Vec<(f64, f64)> = Vec::new();
    for (i, &p) in points.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| points[j]);
        match (within(p.1), prev) {
            (true, Some(q)) if !within(q.1) && q.1.is_finite() => current.push(cross(q, p)),
            (false, Some(q)) if within(q.1) && p.1.is_finite() => current.push(cross(q, p)),
            _ => {}
        }
        if within(p.1) {
            current.push(p);
        } else if !current.is_empty() {
            pieces.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        pieces.push(current);
    }
    pieces
}
