//! A chart's legend: a short sample of each curve's line (dashed for a
//! dashed curve) beside its name, laid out in a band above the plotting area,
//! so it covers neither the data nor the ticks however many curves there are.
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
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// One legend entry: a name and the line style drawn next to it.
pub struct Entry<'a> {
    /// The text.
    pub name: &'a str,
    /// The curve's stroke, drawn as a short sample line.
    pub style: ShapeStyle,
    /// Dash and gap lengths in pixels when the curve is dashed, else None.
    pub dash: Option<(u32, u32)>,
}

/// Pixel sizes of the legend, scaled with the device pixel ratio.
#[derive(Clone, Copy, Debug)]
pub struct Layout {
    /// Text size.
    pub font: u32,
    /// Padding around the band, and the space between two entries of a row.
    pub margin: u32,
    /// Length of the sample line.
    pub sample: u32,
}

/// Where each entry goes: its sample line's left end, row by row.
struct Placed {
    at: Vec<(i32, i32)>,
    height: u32,
}

/// Flows the entries left to right in rows no wider than the area: a short
/// name shares a row ("train", "test"), a long ghost name gets its own.
fn place<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    entries: &[Entry<'_>],
    layout: Layout,
) -> Result<Placed, String> {
    if entries.is_empty() {
        return Ok(Placed {
            at: Vec::new(),
            height: 0,
        });
    }
    let style = text_style(layout);
    let (width, _) = area.dim_in_pixel();
    let margin = layout.margin as i32;
    let gap = margin / 2;
    // A line is 1.25 font sizes high.
    let line = (layout.font as i32 * 5 + 3) / 4;
    let (mut x, mut row) = (margin, 0);
    let mut at = Vec::with_capacity(entries.len());
    for entry in entries {
        let text_w = area.estimate_text_size(entry.name, &style).map_err(fail)?.0 as i32;
        let w = layout.sample as i32 + gap + text_w;
        if x > margin && x + w > width as i32 - margin {
            (x, row) = (margin, row + 1);
        }
        at.push((x, gap + line * row + line / 2));
        x += w + margin;
    }
    let height = (2 * gap + line * (row + 1)) as u32;
    Ok(Placed { at, height })
}

fn text_style(layout: Layout) -> TextStyle<'static> {
    TextStyle::from(sans(layout.font)).pos(Pos::new(HPos::Left, VPos::Center))
}

/// The height of the band `draw_legend` needs for `entries` on an area as
/// wide as `area` (0 without entries).
pub fn legend_height<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    entries: &[Entry<'_>],
    layout: Layout,
) -> Result<u32, String> {
    Ok(place(area, entries, layout)?.height)
}

/// Draws `entries` into `band`, an area at least `legend_height` high kept
/// for the legend above a chart's plotting area.
pub fn draw_legend<DB: DrawingBackend>(
    band: &DrawingArea<DB, Shift>,
    entries: &[Entry<'_>],
    layout: Layout,
) -> Result<(), String> {
    let placed = place(band, entries, layout)?;
    let style = text_style(layout);
    let (sample, gap) = (layout.sample as i32, layout.margin as i32 / 2);
    for (entry, &(x, y)) in entries.iter().zip(&placed.at) {
        let line = [(x, y), (x + sample, y)];
        match entry.dash {
            Some((dash, space)) => band.draw(&DashedPathElement::new(line, dash, space, entry.style)),
            None => band.draw(&PathElement::new(line.to_vec(), entry.style)),
        }
        .map_err(fail)?;
        band.draw_text(entry.name, &style, (x + sample + gap, y))
            .map_err(fail)?;
    }
    Ok(())
}
