//! The user's own points as a short text for the page's address (`?own=…`),
//! so that a copied link brings the points a teacher drew, not the
//! generator's.
//!
//! Each point is 9 bytes: x₁ and x₂ as the bits of their f32 (little-endian,
//! so the points come back exactly, as with the CSV), then one byte of flags
//! (bit 0: class +1, bit 1: test set). The bytes are written in URL-safe
//! base64 without padding (RFC 4648 §5, the `base64` crate's
//! `URL_SAFE_NO_PAD`; 9 bytes are exactly 12 characters), after the format's
//! version, `1.`. Reading checks what the CSV reader checks: finite
//! coordinates in the plotted square, at most `POINTS_RANGE.1` points; the
//! rows then go through `own_data::assemble` like an imported file.

use crate::data::own_data::in_square;
use crate::data::{Split, DOMAIN, POINTS_RANGE};
use crate::io::points_csv::{Part, Row};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

/// The format's version, written first.
const VERSION: &str = "1.";
/// Bytes per point, and the base64 characters they take.
const POINT_BYTES: usize = 9;
const POINT_CHARS: usize = 12;

/// The points of `split` (training points first, then test points) as text.
pub fn encode(split: &Split) -> String {
    let mut bytes = Vec::with_capacity(POINT_BYTES * (split.train.len() + split.test.len()));
    for (data, test) in [(&split.train, false), (&split.test, true)] {
        for i in 0..data.len() {
            let x = data.input(i);
            bytes.extend_from_slice(&x[0].to_le_bytes());
            bytes.extend_from_slice(&x[1].to_le_bytes());
            bytes.push(u8::from(data.labels[i] > 0.0) | (u8::from(test) << 1));
        }
    }
    let mut text = String::from(VERSION);
    URL_SAFE_NO_PAD.encode_string(&bytes, &mut text);
    text
}

/// The points a text made by `encode` holds, each with its set; a sentence
/// saying what is wrong otherwise.
pub fn decode(text: &str) -> Result<Vec<Row>, String> {
    let body = text
        .strip_prefix(VERSION)
        .ok_or("they are not in a format this page knows")?;
    if body.is_empty() || body.len() % POINT_CHARS != 0 {
        return Err("the text is cut short or has characters too many".into());
    }
    let count = body.len() / POINT_CHARS;
    if count > POINTS_RANGE.1 {
        return Err(format!(
            "{count} points are more than the {} allowed",
            POINTS_RANGE.1
        ));
    }
    // Every point is whole characters (12), so any error is a character
    // outside the alphabet ('=' padding included).
    let bytes = URL_SAFE_NO_PAD
        .decode(body)
        .map_err(|_| "it holds a character outside A–Z, a–z, 0–9, - and _")?;
    bytes.chunks(POINT_BYTES).map(row).collect()
}

/// One point's 9 bytes as a row, checked.
fn row(b: &[u8]) -> Result<Row, String> {
    let coordinate = |at: usize| f32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]);
    let x = [coordinate(0), coordinate(4)];
    if !in_square(x) {
        return Err(format!(
            "a point lies outside the plotted square [−{DOMAIN}, {DOMAIN}]²"
        ));
    }
    if b[8] > 3 {
        return Err("a point's class or set is unreadable".into());
    }
    Ok(Row {
        x,
        label: if b[8] & 1 == 1 { 1.0 } else { -1.0 },
        part: Some(if b[8] & 2 == 2 { Part::Test } else { Part::Train }),
    })
}
