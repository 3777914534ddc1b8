//! The classification view's chart: axes over [−6, 6]², the heatmap inside
//! them (blitted by the caller, who knows the fastest way for its backend),
//! training points filled and test points hollow.

use super::style::sans;
use super::style::{fail, rgb};
use crate::data::{Dataset, DOMAIN};
use crate::render::class_colours::class_colour;
use crate::render::palette::point_colour;
use crate::render::PixelRect;
use plotters::coord::Shift;
use plotters::prelude::*;

/// What to draw besides the heatmap.
#[derive(Clone, Copy, Debug)]
pub struct ChartOptions {
    /// Device pixels per CSS pixel: fonts, margins and points scale with it.
    pub scale: f32,
    /// Whether the held-out points are drawn (hollow).
    pub show_test: bool,
    /// A straight boundary a₁x₁ + a₂x₂ + c = 0 to draw dashed over the
    /// heatmap, as [a₁, a₂, c] (the collapsed affine map's, in the lesson).
    pub overlay: Option<[f32; 3]>,
    /// K for a K-class problem (points in the class palette), 0 for two
    /// classes ±1 and regression targets.
    pub classes: usize,
    /// Fill the background and call `blit` for the heatmap. Without it only
    /// what lies above the heatmap is drawn (axes, labels, overlay, points),
    /// on a transparent layer the browser keeps and composites every frame.
    pub background: bool,
}

/// Draws the chart on `backend`; returns the plotting area. `blit` is called
/// once with it, after the background and before the axes and points, to
/// paint the heatmap: the browser puts the image straight on its canvas, the
/// native tests draw it pixel by pixel through the drawing area they are given.
pub fn draw_classifier<DB: DrawingBackend>(
    backend: DB,
    train: &Dataset,
    test: &Dataset,
    options: ChartOptions,
    blit: impl FnOnce(&DrawingArea<DB, Shift>, PixelRect) -> Result<(), String>,
) -> Result<PixelRect, String> {
    let px = |v: f32| (v * options.scale).round() as u32;
    let root = backend.into_drawing_area();
    if options.background {
        root.fill(&WHITE).map_err(fail)?;
    }
    let mut chart = ChartBuilder::on(&root)
        .margin(px(8.0))
        .x_label_area_size(px(40.0))
        .y_label_area_size(px(48.0))
        .build_cartesian_2d(-DOMAIN..DOMAIN, -DOMAIN..DOMAIN)
        .map_err(fail)?;
    let (xr, yr) = chart.plotting_area().get_pixel_range();
    let rect = PixelRect::from_ranges(xr, yr);
    if options.background {
        blit(&root, rect)?;
    }
    chart
        .configure_mesh()
        .disable_mesh()
        .x_labels(7)
        .y_labels(7)
        .x_desc("x₁")
        .y_desc("x₂")
        .label_style(sans(px(12.0)))
        .axis_desc_style(sans(px(13.0)))
        .draw()
        .map_err(fail)?;
    if let Some(line) = options.overlay {
        let style = BLACK.stroke_width(px(2.0));
        let dashed = DashedLineSeries::new(segment(line), px(8.0), px(5.0), style);
        chart.draw_series(dashed).map_err(fail)?;
    }
    let radius = px(3.5) as i32;
    let k = options.classes;
    chart.draw_series(points(train, radius, true, k)).map_err(fail)?;
    if options.show_test {
        chart.draw_series(points(test, radius, false, k)).map_err(fail)?;
    }
    root.present().map_err(fail)?;
    Ok(rect)
}

/// One circle per point in its class colour (or the colour of its target
/// value, in regression; the class palette when `classes` ≥ 3): filled with a
/// white rim for training points, a thick hollow ring for test points.
fn points(data: &Dataset, radius: i32, filled: bool, classes: usize) -> Vec<Circle<(f32, f32), i32>> {
    let mut out = Vec::with_capacity(2 * data.len());
    for (i, &label) in data.labels.iter().enumerate() {
        let p = (data.input(i)[0], data.input(i)[1]);
        let colour = rgb(if classes >= 3 {
            class_colour(label as usize)
        } else {
            point_colour(label)
        });
        if filled {
            out.push(Circle::new(p, radius + 1, WHITE.filled()));
            out.push(Circle::new(p, radius, colour.filled()));
        } else {
            out.push(Circle::new(p, radius, colour.stroke_width(2)));
        }
    }
    out
}

/// The part of a₁x₁ + a₂x₂ + c = 0 inside the plotted square.
fn segment([a, b, c]: [f32; 3]) -> Vec<(f32, f32)> {
    let mut pts = Vec::new();
    for t in [-DOMAIN, DOMAIN] {
        if b.abs() > 1e-9 {
            let y = -(a * t + c) / b;
            if y.abs() <= DOMAIN {
                pts.push((t, y));
            }
        }
        if a.abs() > 1e-9 {
            let x = -(b * t + c) / a;
            if x.abs() <= DOMAIN {
                pts.push((x, t));
            }
        }
    }
    pts.sort_by(|p, q| p.0.total_cmp(&q.0).then(p.1.total_cmp(&q.1)));
    pts.dedup();
    match pts.len() {
        0 | 1 => Vec::new(),
        n => vec![pts[0], pts[n - 1]],
    }
}
