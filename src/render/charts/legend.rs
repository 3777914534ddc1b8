//! A chart's legend: a short line of each curve's style beside its name, in a
//! box in the upper right corner of the plotting area.
//!
//! Why our own and not plotters' `configure_series_labels`: that one builds a
//! default font from the string "sans-serif" on every call, and turning a
//! font name into a family lowercases it, which links Unicode's case tables
//! (about 18 KB of the .wasm) for one word. Fonts here are named by the
//! `FontFamily` enum (see `style::sans`), so no name is ever parsed. And text is
//! measured through the backend, which the page's canvas answers with
//! `measureText`, not through the font (plotters' web font lays out a
//! `<span>` in the page, forcing a layout every frame; see web/canvas.rs).

use super::style::fail;
use super::style::sans;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

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
    let style = TextStyle::from(sans(layout.font)).pos(Pos::new(HPos::Left, VPos::Center));
    // Measured through the backend (the canvas's measureText in the browser),
    // one line each; a line is 1.25 font sizes high.
    let mut text_w = 0;
    for entry in entries {
        text_w = text_w.max(area.estimate_text_size(entry.name, &style).map_err(fail)?.0 as i32);
    }
    let line = (layout.font as i32 * 5 + 3) / 4;
    let margin = layout.margin as i32;
    let gap = margin / 2;
    let w = text_w + layout.sample as i32 + 3 * gap + margin;
    let h = line * entries.len() as i32 + 2 * gap;
    let (area_w, _) = area.dim_in_pixel();
    let (x0, y0) = (area_w as i32 - w - margin / 2, margin / 2);
    let corners = [(x0, y0), (x0 + w, y0 + h)];
    area.draw(&Rectangle::new(corners, WHITE.mix(0.85).filled()))
        .map_err(fail)?;
    area.draw(&Rectangle::new(corners, BLACK.mix(0.3)))
        .map_err(fail)?;
    let sample_x = x0 + gap;
    let text_x = sample_x + layout.sample as i32 + gap;
    for (i, entry) in entries.iter().enumerate() {
        let y = y0 + gap + line * i as i32 + line / 2;
        let sample = vec![(sample_x, y), (sample_x + layout.sample as i32, y)];
        area.draw(&PathElement::new(sample, entry.style)).map_err(fail)?;
        area.draw_text(entry.name, &style, (text_x, y)).map_err(fail)?;
    }
    Ok(())
}
