//! Canvas pixels and points of the plane: where a click on the classification
//! chart lands in [−6, 6]², so the data code works in plane coordinates only.

use crate::data::DOMAIN;
use crate::render::PixelRect;

/// The point of the plane [−6, 6]² under canvas pixel (px, py), given the
/// chart's plotting area; None outside it.
pub fn plane_of(rect: PixelRect, px: f64, py: f64) -> Option<[f32; 2]> {
    if rect.width == 0 || rect.height == 0 || !px.is_finite() || !py.is_finite() {
        return None;
    }
    let u = (px - f64::from(rect.x)) / f64::from(rect.width);
    let v = (py - f64::from(rect.y)) / f64::from(rect.height);
    if !(0.0..=1.0).contains(&u) || !(0.0..=1.0).contains(&v) {
        return None;
    }
    let d = f64::from(DOMAIN);
    // Screen y grows downwards, x2 upwards.
    Some([(-d + 2.0 * d * u) as f32, (d - 2.0 * d * v) as f32])
}

/// Plane units per canvas pixel across the plotting area (for an eraser
/// radius given in pixels).
pub fn units_per_pixel(rect: PixelRect) -> f32 {
    2.0 * DOMAIN / rect.width.max(1) as f32
}
