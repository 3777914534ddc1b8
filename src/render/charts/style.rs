//! What every chart shares, so that each chart imports this one file and no
//! chart imports another: the labels' font, palette colours as plotters
//! colours, and plotters' errors as a sentence.

use crate::render::palette::Rgb;
use plotters::prelude::*;

/// The text style of chart labels: the browser's sans-serif at `size` pixels.
/// Named by the `FontFamily` enum, so no font name is ever parsed (see
/// `legend` for why that matters).
pub fn sans(size: u32) -> FontDesc<'static> {
    FontDesc::new(FontFamily::SansSerif, f64::from(size), FontStyle::Normal)
}

/// A palette colour as a plotters colour.
pub fn rgb(c: Rgb) -> RGBColor {
    RGBColor(c[0], c[1], c[2])
}

/// Plotters' errors as a sentence.
pub fn fail<E: std::fmt::Display>(e: E) -> String {
    format!("Drawing failed: {e}")
}
