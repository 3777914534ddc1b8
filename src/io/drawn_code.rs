//! A drawn ψ as a short text for the page's address (`?approx-psi=…`), so
//! that a copied link brings back the curve the teacher drew.
//!
//! A drawn curve is kept as its heights at `DRAWN_SAMPLES` evenly spaced
//! points of [−1, 1] (`approx::target`), each a multiple of 1.5/32767, so it
//! is exactly a 16-bit integer per point: little-endian i16s, written in
//! URL-safe base64 without padding (the `base64` crate's `URL_SAFE_NO_PAD`)
//! after the format's version, `1.`: 348 characters. Reading refuses any
//! other length, version or alphabet with a sentence.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

/// The format's version, written first.
const VERSION: &str = "1.";
/// Heights per curve.
pub const DRAWN_SAMPLES: usize = 129;
/// The quantum of a height is DRAWN_RANGE / i16::MAX.
pub const DRAWN_RANGE: f32 = 1.5;

/// A height rounded to the nearest multiple of the quantum, as its integer.
pub fn quantise(y: f32) -> i16 {
    (y.clamp(-DRAWN_RANGE, DRAWN_RANGE) / DRAWN_RANGE * f32::from(i16::MAX)).round() as i16
}

/// The height of an integer.
pub fn height(q: i16) -> f32 {
    f32::from(q) * DRAWN_RANGE / f32::from(i16::MAX)
}

/// The integers of a curve as text.
pub fn encode(heights: &[i16]) -> String {
    let bytes: Vec<u8> = heights.iter().flat_map(|q| q.to_le_bytes()).collect();
    format!("{VERSION}{}", URL_SAFE_NO_PAD.encode(bytes))
}

/// The integers of a curve from its text.
pub fn decode(text: &str) -> Result<Vec<i16>, String> {
    let body = text
        .strip_prefix(VERSION)
        .ok_or_else(|| format!("A drawn curve's code starts with \"{VERSION}\"."))?;
    let bytes = URL_SAFE_NO_PAD
        .decode(body)
        .map_err(|e| format!("The drawn curve's code is not URL-safe base64 ({e})."))?;
    if bytes.len() != 2 * DRAWN_SAMPLES {
        return Err(format!(
            "The drawn curve's code holds {} bytes instead of {} ({DRAWN_SAMPLES} heights).",
            bytes.len(),
            2 * DRAWN_SAMPLES
        ));
    }
    Ok(bytes
        .chunks_exact(2)
        .map(|b| i16::from_le_bytes([b[0], b[1]]))
        .collect())
}
