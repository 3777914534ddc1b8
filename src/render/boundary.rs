//! The decision boundary as an image: one batched forward pass over a grid of
//! the plane, each output mapped to a colour, the 0-level drawn dark.

use super::palette::{heat, BOUNDARY};
use crate::dataset::DOMAIN;
use crate::mlp::Workspace;
use crate::train::Trainer;

/// Reused buffers for the heatmap, so that drawing every frame allocates nothing.
#[derive(Clone, Debug, Default)]
pub struct BoundaryImage {
    width: usize,
    height: usize,
    inputs: Vec<f32>,
    outputs: Vec<f32>,
    confidence: Vec<f32>,
    rgba: Vec<u8>,
    ws: Workspace,
}

impl BoundaryImage {
    /// Computes the image of the current model at `width` × `height` pixels
    /// covering [−6, 6]² (row 0 at the top, x₂ = 6); returns RGBA bytes.
    pub fn render(&mut self, trainer: &Trainer, width: usize, height: usize) -> &[u8] {
        self.resize(width, height);
        trainer
            .mlp()
            .predict_into(&self.inputs, &mut self.ws, &mut self.outputs);
        let enc = trainer.encoding();
        for (c, &y) in self.confidence.iter_mut().zip(&self.outputs) {
            *c = enc.confidence(y);
        }
        paint(&self.confidence, width, height, &mut self.rgba);
        &self.rgba
    }

    fn resize(&mut self, width: usize, height: usize) {
        if (width, height) == (self.width, self.height) && !self.inputs.is_empty() {
            return;
        }
        self.width = width;
        self.height = height;
        self.inputs = grid_inputs(width, height);
        self.outputs = vec![0.0; width * height];
        self.confidence = vec![0.0; width * height];
        self.rgba = vec![0; width * height * 4];
    }
}

/// The centres of a `width` × `height` pixel grid over [−6, 6]², as input rows.
pub fn grid_inputs(width: usize, height: usize) -> Vec<f32> {
    let mut inputs = Vec::with_capacity(2 * width * height);
    let (dx, dy) = (2.0 * DOMAIN / width as f32, 2.0 * DOMAIN / height as f32);
    for row in 0..height {
        let x2 = DOMAIN - (row as f32 + 0.5) * dy;
        for col in 0..width {
            inputs.extend_from_slice(&[-DOMAIN + (col as f32 + 0.5) * dx, x2]);
        }
    }
    inputs
}

/// Colours every pixel by its confidence and darkens the pixels where the
/// sign changes to the right or below: the 0-level line, one pixel wide.
pub fn paint(confidence: &[f32], width: usize, height: usize, rgba: &mut [u8]) {
    for row in 0..height {
        for col in 0..width {
            let i = row * width + col;
            let c = confidence[i];
            let flips = |j: usize| (confidence[j] >= 0.0) != (c >= 0.0);
            let edge = (col + 1 < width && flips(i + 1)) || (row + 1 < height && flips(i + width));
            let [r, g, b] = if edge { BOUNDARY } else { heat(c) };
            rgba[4 * i..4 * i + 4].copy_from_slice(&[r, g, b, 255]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grid_covers_the_square_top_row_first() {
        let g = grid_inputs(4, 2);
        assert_eq!(&g[..2], &[-4.5, 3.0]);
        assert_eq!(&g[14..], &[4.5, -3.0]);
    }

    #[test]
    fn the_sign_change_is_drawn_dark() {
        let conf = [-1.0, -0.5, 0.5, 1.0];
        let mut rgba = [0; 16];
        paint(&conf, 4, 1, &mut rgba);
        assert_eq!(&rgba[4..7], &BOUNDARY);
        assert_eq!(&rgba[..3], &heat(-1.0));
        assert_eq!(&rgba[12..15], &heat(1.0));
    }
}
