//! A digit drawn on the page brought to MNIST's form, as MNIST's own digits
//! were made: the ink's bounding box scaled (keeping its aspect ratio) to fit
//! a 20 × 20 box with grey levels from the area each pixel covers, then placed
//! in the 28 × 28 image so that its centre of mass is the image's centre.

use super::SIDE;

/// The side of the box the digit is fitted in.
pub const BOX: usize = 20;

/// A drawing of `width` × `height` grey levels (0 = paper, 255 = ink, row by
/// row) as a 28 × 28 image of grey levels in [0, 1]; a sentence when it has
/// no ink or the wrong size.
pub fn to_mnist(ink: &[u8], width: usize, height: usize) -> Result<Vec<f32>, String> {
    if width == 0 || height == 0 || ink.len() != width * height {
        return Err(format!(
            "The drawing should be {width} × {height} grey levels; it has {}.",
            ink.len()
        ));
    }
    let Some((x0, y0, x1, y1)) = bounding_box(ink, width) else {
        return Err("The drawing is empty: draw a digit first.".into());
    };
    let (bw, bh) = (x1 - x0, y1 - y0);
    // Source pixels per box pixel, the same in both directions.
    let scale = bw.max(bh) as f64 / BOX as f64;
    let out_w = ((bw as f64 / scale).round() as usize).clamp(1, BOX);
    let out_h = ((bh as f64 / scale).round() as usize).clamp(1, BOX);
    let mut fitted = vec![0.0_f64; out_w * out_h];
    for oy in 0..out_h {
        for ox in 0..out_w {
            let (sx0, sx1) = (x0 as f64 + ox as f64 * scale, x0 as f64 + (ox + 1) as f64 * scale);
            let (sy0, sy1) = (y0 as f64 + oy as f64 * scale, y0 as f64 + (oy + 1) as f64 * scale);
            fitted[oy * out_w + ox] = area_mean(ink, width, (sx0, sx1), (sy0, sy1));
        }
    }
    // The centre of mass of the fitted box, in its pixel coordinates.
    let (mut mass, mut mx, mut my) = (0.0, 0.0, 0.0);
    for (i, &v) in fitted.iter().enumerate() {
        mass += v;
        mx += v * ((i % out_w) as f64 + 0.5);
        my += v * ((i / out_w) as f64 + 0.5);
    }
    let half = SIDE as f64 / 2.0;
    let left = (half - mx / mass).round() as i64;
    let top = (half - my / mass).round() as i64;
    let mut image = vec![0.0_f32; SIDE * SIDE];
    for (i, &v) in fitted.iter().enumerate() {
        let x = left + (i % out_w) as i64;
        let y = top + (i / out_w) as i64;
        if (0..SIDE as i64).contains(&x) && (0..SIDE as i64).contains(&y) {
            image[y as usize * SIDE + x as usize] = (v / 255.0).clamp(0.0, 1.0) as f32;
        }
    }
    Ok(image)
}

/// The smallest (x0, y0, x1, y1), ends excluded, holding every inked pixel.
fn bounding_box(ink: &[u8], width: usize) -> Option<(usize, usize, usize, usize)> {
    let mut b: Option<(usize, usize, usize, usize)> = None;
    for (i, _) in ink.iter().enumerate().filter(|(_, &v)| v > 0) {
        let (x, y) = (i % width, i / width);
        b = Some(match b {
            None => (x, y, x + 1, y + 1),
            Some((a, c, d, e)) => (a.min(x), c.min(y), d.max(x + 1), e.max(y + 1)),
        });
    }
    b
}

/// The mean ink over the rectangle [x0, x1) × [y0, y1) of source pixels,
/// each weighted by the part of it inside.
fn area_mean(ink: &[u8], width: usize, (x0, x1): (f64, f64), (y0, y1): (f64, f64)) -> f64 {
    let height = ink.len() / width;
    let overlap = |p: usize, lo: f64, hi: f64| ((p + 1) as f64).min(hi) - (p as f64).max(lo);
    let mut total = 0.0;
    for y in (y0.floor() as usize)..(y1.ceil() as usize).min(height) {
        let wy = overlap(y, y0, y1);
        for x in (x0.floor() as usize)..(x1.ceil() as usize).min(width) {
            total += wy * overlap(x, x0, x1) * f64::from(ink[y * width + x]);
        }
    }
    total / ((x1 - x0) * (y1 - y0))
}
