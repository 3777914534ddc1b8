//! The heatmap of a K-class problem: each pixel in the colour of its argmax
//! class k = argmax_j s_j, as intense as P(Y = k | x) = softmax(s)_k is sure
//! (pale at 1/K, full at 1), and the boundaries between classes drawn dark.

use super::palette::{Rgb, BOUNDARY, NEUTRAL};
use crate::nn::softmax::{argmax, softmax};

/// Five colours told apart with any common colour-vision deficiency (the
/// Okabe–Ito palette): orange, sky blue, bluish green, vermillion, reddish purple.
pub const CLASS_COLOURS: [Rgb; 5] = [
    [230, 159, 0],
    [86, 180, 233],
    [0, 158, 115],
    [213, 94, 0],
    [204, 121, 167],
];

/// The colour of class `k` (cycling past five).
pub fn class_colour(k: usize) -> Rgb {
    CLASS_COLOURS[k % CLASS_COLOURS.len()]
}

/// The heatmap colour of class `k` at sureness `c` ∈ [0, 1] (0: P = 1/K, 1: P = 1),
/// mixed from the neutral colour like the two-class heatmap (at most 75 %).
pub fn class_heat(k: usize, c: f32) -> Rgb {
    let target = class_colour(k);
    let t = 0.75 * if c.is_finite() { c.clamp(0.0, 1.0) } else { 0.0 };
    // + 0.5 then truncation rounds these non-negative values half up, as
    // round() does, without the libm call round() costs per channel in wasm.
    let mix = |a: u8, b: u8| ((f32::from(a) + t * (f32::from(b) - f32::from(a))) + 0.5) as u8;
    [
        mix(NEUTRAL[0], target[0]),
        mix(NEUTRAL[1], target[1]),
        mix(NEUTRAL[2], target[2]),
    ]
}

/// Paints `width` × `height` pixels from rows of `k` scores (row-major, top
/// row first). With `discrete`, every pixel takes its class's full colour.
/// Where the argmax changes to the right or below, the pixel is the boundary.
pub fn paint_classes(scores: &[f32], k: usize, width: usize, height: usize, discrete: bool, rgba: &mut [u8]) {
    let k = k.max(1);
    let mut p = vec![0.0_f32; k];
    let class_at = |i: usize| argmax(&scores[i * k..(i + 1) * k]);
    for row in 0..height {
        for col in 0..width {
            let i = row * width + col;
            let s = &scores[i * k..(i + 1) * k];
            let c = argmax(s);
            let edge =
                (col + 1 < width && class_at(i + 1) != c) || (row + 1 < height && class_at(i + width) != c);
            let colour = if edge {
                BOUNDARY
            } else if discrete {
                class_heat(c, 1.0)
            } else {
                softmax(s, &mut p);
                let chance = 1.0 / k as f32;
                class_heat(c, (p[c] - chance) / (1.0 - chance))
            };
            rgba[4 * i..4 * i + 4].copy_from_slice(&[colour[0], colour[1], colour[2], 255]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn argmax_colours_sureness_and_boundaries() {
        // Three pixels in a row: sure of class 2, unsure of class 2, sure of class 0.
        let scores = [0.0, 0.0, 9.0, 0.0, 0.0, 0.1, 9.0, 0.0, 0.0];
        let mut rgba = [0; 12];
        paint_classes(&scores, 3, 3, 1, false, &mut rgba);
        assert_eq!(&rgba[..3], &class_heat(2, 1.0)[..], "sure: full colour");
        assert_eq!(&rgba[4..7], &BOUNDARY[..], "class 2 meets class 0");
        paint_classes(&scores[..6], 3, 2, 1, false, &mut rgba[..8]);
        // P(Y = 2) = e^0.1 / (2 + e^0.1): a little above chance 1/3.
        let p = 0.1_f32.exp() / (2.0 + 0.1_f32.exp());
        assert_eq!(
            &rgba[4..7],
            &class_heat(2, (p - 1.0 / 3.0) / (2.0 / 3.0))[..],
            "unsure: pale"
        );
        assert!(rgba[4] > 235, "close to the neutral colour");
        paint_classes(&scores[..6], 3, 2, 1, true, &mut rgba[..8]);
        assert_eq!(&rgba[4..7], &class_heat(2, 1.0)[..], "discrete: full colour");
    }
}
