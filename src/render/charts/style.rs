//! What every chart shares, so that each chart imports this one file and no
//! chart imports another: the labels' font, palette colours as plotters
//! colours, which curves are dashed, and plotters' errors as a sentence.

use crate::render::palette::{Rgb, TEST_CURVE};
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

/// Dash and gap lengths (before the pixel scale) of a curve drawn in `colour`,
/// or None for a solid line: the test curve is dashed wherever it is drawn, so
/// that it differs from the training curve by line style as well as colour.
pub fn dash_of(colour: Rgb) -> Option<(f32, f32)> {
    (colour == TEST_CURVE).then_some((3.0, 2.5))
}

/// Plotters' errors as a sentence.
pub fn fail<E: std::fmt::Display>(e: E) -> String {
    format!("Drawing failed: {e}")
}
