//! A chart's legend: a short line of each curve's style beside its name, in a
//! box in the upper right corner of the plotting area.
//!
//! Why our own and not plotters' `configure_series_labels`: that one builds a
//! default font from the string "sans-serif" on every call, and turning a
//! font name into a family lowercases it, which links Unicode's case tables
//! (about 18 KB of the .wasm) for one word. Fonts here are named by the
//! `FontFamily` enum (see `sans`), so no name is ever parsed.

use super::classifier_chart::fail;
use plotters::coord::Shift;
use plotters::element::MultiLineText;
use plotters::prelude::*;

/// The text style of chart labels: the browser's sans-serif at `size` pixels.
pub fn sans(size: u32) -> FontDesc<'static> {
    FontDesc::new(FontFamily::SansSerif, f64::from(size), FontStyle::Normal)
}

/// One legend entry: a name and the line style drawn next to it.
pub struct Entry<'a> {
    /// The text.
    pub name: &'a str,
    /// The curve's stroke, drawn as a short sample line.
    pub style: ShapeStyle,
}

/// Pixel sizes of the legend box, scaled with the device pixel ratio.
#[derive(Clone, Copy, Debug)]
pub struct Layout {
    /// Text size.
    pub font: u32,
    /// Padding inside the box, and gap to the plot's corner.
    pub margin: u32,
    /// Length of the sample line.
    pub sample: u32,
}

/// Draws `entries` in a box at the upper right of `area` (a chart's plotting
/// area without its coordinates), white at 85% behind, a faint border.
pub fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    entries: &[Entry<'_>],
    layout: Layout,
) -> Result<(), String> {
    if entries.is_empty() {
        return Ok(());
    }
    let font = sans(layout.font);
    let style = TextStyle::from(font);
    let mut text = MultiLineText::<_, &str>::new((0, 0), &style);
    for entry in entries {
        text.push_line(entry.name);
    }
    let (text_w, text_h) = text.estimate_dimension().map_err(fail)?;
    let margin = layout.margin as i32;
    let gap = margin / 2;
    let w = text_w + layout.sample as i32 + 3 * gap + margin;
    let h = text_h + 2 * gap;
    let (area_w, _) = area.dim_in_pixel();
    let (x0, y0) = (area_w as i32 - w - margin / 2, margin / 2);
    let corners = [(x0, y0), (x0 + w, y0 + h)];
    area.draw(&Rectangle::new(corners, WHITE.mix(0.85).filled()))
        .map_err(fail)?;
    area.draw(&Rectangle::new(corners, BLACK.mix(0.3)))
        .map_err(fail)?;
    let text_x = x0 + 2 * gap + layout.sample as i32;
    text.relocate((text_x, y0 + gap));
    area.draw(&text).map_err(fail)?;
    let lines = text.compute_line_layout().map_err(fail)?;
    for (((_, top), (_, bottom)), entry) in lines.into_iter().zip(entries) {
        let y = (top + bottom) / 2;
        let sample = vec![(x0 + gap, y), (x0 + gap + layout.sample as i32, y)];
        area.draw(&PathElement::new(sample, entry.style)).map_err(fail)?;
    }
    Ok(())
}
