//! The decision boundary as an image: one batched forward pass over a grid of
//! the plane, each output mapped to a colour, the 0-level drawn dark.

use super::class_colours::paint_classes;
use super::palette::{heat, BOUNDARY};
use crate::data::features::FeatureSet;
use crate::data::DOMAIN;
use crate::nn::mlp::Workspace;
use crate::train::Trainer;

/// Reused buffers for the heatmap, so that drawing every frame allocates nothing.
#[derive(Clone, Debug, Default)]
pub struct BoundaryImage {
    width: usize,
    height: usize,
    /// The features `inputs` were expanded with.
    features: Option<FeatureSet>,
    /// The grid's points expanded into the network's inputs x(0) = φ(x).
    inputs: Vec<f32>,
    outputs: Vec<f32>,
    confidence: Vec<f32>,
    rgba: Vec<u8>,
    ws: Workspace,
    /// Show only the predicted class, without confidence shading.
    discrete: bool,
}

impl BoundaryImage {
    /// Computes the image of the current model at `width` × `height` pixels
    /// covering [−6, 6]² (row 0 at the top, x₂ = 6); returns RGBA bytes.
    pub fn render(&mut self, trainer: &Trainer, width: usize, height: usize) -> &[u8] {
        self.resize(trainer, width, height);
        let k = trainer.mlp().outputs();
        self.outputs.resize(width * height * k, 0.0);
        trainer
            .mlp()
            .predict_into(&self.inputs, &mut self.ws, &mut self.outputs);
        if k > 1 {
            paint_classes(&self.outputs, k, width, height, self.discrete, &mut self.rgba);
            return &self.rgba;
        }
        let enc = trainer.encoding();
        // A regression's value has no classes to snap to, nor a boundary.
        let discrete = self.discrete && !enc.regression;
        for (c, &y) in self.confidence.iter_mut().zip(&self.outputs) {
            let v = enc.confidence(y);
            *c = if !discrete {
                v
            } else if v >= 0.0 {
                1.0
            } else {
                -1.0
            };
        }
        paint(&self.confidence, width, height, !enc.regression, &mut self.rgba);
        &self.rgba
    }

    /// Whether pixels show only the predicted class (full colour, no
    /// confidence shading); a display setting, training is unaffected.
    pub fn set_discrete(&mut self, discrete: bool) {
        self.discrete = discrete;
    }

    /// Recomputes the grid's inputs only when its size or the features
    /// change: sin in φ is exact, too dear to run per frame on 256² points.
    fn resize(&mut self, trainer: &Trainer, width: usize, height: usize) {
        let features = trainer.settings().features;
        let same = (width, height, features) == (self.width, self.height, self.features);
        if same && !self.inputs.is_empty() {
            return;
        }
        self.width = width;
        self.height = height;
        self.features = features;
        trainer.expand_rows(&grid_inputs(width, height), &mut self.inputs);
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

/// Colours every pixel by its confidence and, with `edges`, darkens the
/// pixels where the sign changes to the right or below: the 0-level line, one
/// pixel wide (a regression's value map has no such line).
pub fn paint(confidence: &[f32], width: usize, height: usize, edges: bool, rgba: &mut [u8]) {
    for row in 0..height {
        for col in 0..width {
            let i = row * width + col;
            let c = confidence[i];
            let flips = |j: usize| (confidence[j] >= 0.0) != (c >= 0.0);
            let edge = edges && ((col + 1 < width && flips(i + 1)) || (row + 1 < height && flips(i + width)));
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
        paint(&conf, 4, 1, true, &mut rgba);
        assert_eq!(&rgba[4..7], &BOUNDARY);
        assert_eq!(&rgba[..3], &heat(-1.0));
        assert_eq!(&rgba[12..15], &heat(1.0));
        paint(&conf, 4, 1, false, &mut rgba);
        assert_eq!(&rgba[4..7], &heat(-0.5), "no line on a value map");
    }
}
