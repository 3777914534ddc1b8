//! The Digits view's pictures as RGBA images at one pixel a grey level (the
//! page scales them up, pixelated): every hidden unit's 784 input weights as
//! a 28 × 28 tile, test digits framed by whether the network read them right,
//! and one 28 × 28 input.

use crate::data::digits::{PIXELS, SIDE};
use crate::nn::mlp::Mlp;
use crate::render::palette::heat;

/// Pixels between tiles (and around the edge, where a frame is drawn).
pub const GAP: usize = 2;
/// A tile with its frame: 28 + 2 × GAP.
pub const CELL: usize = SIDE + 2 * GAP;
/// The frame of a digit read right.
const RIGHT: [u8; 3] = [200, 200, 200];
/// The frame of a mistake.
const WRONG: [u8; 3] = [214, 39, 40];

/// An RGBA image and its size.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Picture {
    /// Width in pixels.
    pub width: usize,
    /// Height in pixels.
    pub height: usize,
    /// width × height × 4 bytes.
    pub rgba: Vec<u8>,
}

impl Picture {
    fn new(cols: usize, count: usize) -> Picture {
        let rows = count.div_ceil(cols.max(1)).max(1);
        let (width, height) = (cols.max(1) * CELL, rows * CELL);
        Picture {
            width,
            height,
            rgba: vec![255; width * height * 4],
        }
    }

    /// Fills tile `k`'s frame and its 28 × 28 pixels from `colour(pixel)`.
    fn tile(&mut self, cols: usize, k: usize, frame: [u8; 3], colour: impl Fn(usize) -> [u8; 3]) {
        let (x0, y0) = ((k % cols) * CELL, (k / cols) * CELL);
        for y in 0..CELL {
            for x in 0..CELL {
                let inside = (GAP..GAP + SIDE).contains(&x) && (GAP..GAP + SIDE).contains(&y);
                let c = if inside {
                    colour((y - GAP) * SIDE + x - GAP)
                } else {
                    frame
                };
                let at = ((y0 + y) * self.width + x0 + x) * 4;
                self.rgba[at..at + 3].copy_from_slice(&c);
            }
        }
    }
}

/// Every unit of the first hidden layer as its 784 input weights w(1)_k on
/// the signed colour scale (orange > 0, blue < 0, white 0), each tile scaled
/// to its own largest |w| so that its pattern shows whatever its size.
pub fn weight_tiles(mlp: &Mlp, cols: usize) -> Picture {
    let layer = &mlp.layers[0];
    let units = if layer.inputs == PIXELS { layer.outputs } else { 0 };
    let mut p = Picture::new(cols, units);
    for (k, w) in layer.w.chunks_exact(PIXELS).enumerate().take(units) {
        let top = w.iter().fold(0.0_f32, |m, v| m.max(v.abs()));
        let scale = if top > 0.0 && top.is_finite() {
            1.0 / top
        } else {
            0.0
        };
        p.tile(cols, k, [255, 255, 255], |i| heat(w[i] * scale));
    }
    p
}

/// Digits (784 grey levels each, 0 paper to 255 ink, drawn dark on white),
/// framed grey when `right[k]`, red when not.
pub fn digit_tiles(digits: &[&[u8]], right: &[bool], cols: usize) -> Picture {
    let mut p = Picture::new(cols, digits.len());
    for (k, (d, &ok)) in digits.iter().zip(right).enumerate() {
        p.tile(cols, k, if ok { RIGHT } else { WRONG }, |i| {
            let v = 255 - d[i];
            [v, v, v]
        });
    }
    p
}

/// One 28 × 28 image of grey levels in [0, 1], dark on white, unframed.
pub fn input_image(image: &[f32]) -> Picture {
    let mut rgba = Vec::with_capacity(PIXELS * 4);
    for &g in image.iter().take(PIXELS) {
        let v = 255 - (g.clamp(0.0, 1.0) * 255.0).round() as u8;
        rgba.extend_from_slice(&[v, v, v, 255]);
    }
    Picture {
        width: SIDE,
        height: SIDE,
        rgba,
    }
}
