//! The wasm-bindgen handle of the classification view.

use super::{js_err, parse, seed_of, whole};
use crate::data::features::FeatureSet;
use crate::data::{DataSpec, DatasetKind};
use crate::nn::mlp::{Gradients, Workspace};
use crate::render::boundary::BoundaryImage;
use crate::render::charts::loss::Ghost;
use crate::render::unit_grids::UnitGrids;
use crate::{data::POINTS_RANGE, Settings, Trainer};
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

// The user's own points, CSV and weights files (a child module: it needs the
// kept chart layer's plotting area).
mod chart;
mod data;
mod diagram;
mod files;
mod inspect;
mod options;

/// The classification view: a Trainer and the buffers its drawing reuses.
#[wasm_bindgen]
pub struct ClassifierView {
    trainer: Trainer,
    image: BoundaryImage,
    /// An off-screen canvas holding the heatmap at grid resolution, scaled
    /// onto the chart by drawImage.
    heatmap: Option<HtmlCanvasElement>,
    unit_grids: UnitGrids,
    show_collapse: bool,
    layer: Option<chart::Layer>,
    passes: Workspace,
    pass_grads: Gradients,
    ones: Vec<f32>,
    /// Kept runs' loss curves (at most `MAX_GHOSTS`), and how many were ever kept.
    ghosts: (Vec<Ghost>, usize),
    /// K for the K-class data sets ("arms", "clusters").
    classes: u8,
    /// The network diagram's thumbnails and their atlas (see `diagram`).
    diagram: diagram::DiagramCanvas,
}

#[wasm_bindgen]
impl ClassifierView {
    /// A view with the default settings, ready to train.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Result<ClassifierView, JsError> {
        let settings = Settings {
            features: Some(FeatureSet::RAW),
            ..Settings::default()
        };
        let trainer = Trainer::new(settings).map_err(js_err)?;
        Ok(ClassifierView {
            trainer,
            image: BoundaryImage::default(),
            heatmap: None,
            unit_grids: UnitGrids::default(),
            show_collapse: false,
            layer: None,
            passes: Workspace::default(),
            pass_grads: Gradients { layers: Vec::new() },
            ones: Vec::new(),
            ghosts: (Vec::new(), 0),
            classes: 3,
            diagram: diagram::DiagramCanvas::default(),
        })
    }

    /// New data (kind, points, noise, train fraction, seed); restarts training.
    pub fn set_data(
        &mut self,
        kind: &str,
        points: f64,
        noise: f64,
        train_fraction: f64,
        seed: f64,
    ) -> Result<(), JsError> {
        let points = whole(points, "The number of points")?;
        let (lo, hi) = POINTS_RANGE;
        if points < lo as u64 || points > hi as u64 {
            return Err(js_err(format!(
                "The number of points must be between {lo} and {hi} (got {points})."
            )));
        }
        let spec = DataSpec {
            kind: parse::<DatasetKind>(kind)?.with_classes(self.classes),
            points: points as usize,
            noise: noise as f32,
            train_fraction: train_fraction as f32,
            seed: seed_of(seed, "The data seed")?,
        };
        self.trainer.set_data(spec).map_err(js_err)?;
        // Back from own points to the same spec: the layer key cannot tell.
        self.mark_points_changed();
        Ok(())
    }

    /// New hidden widths and activations; restarts training.
    pub fn set_architecture(
        &mut self,
        hidden: Vec<u32>,
        hidden_activation: &str,
        output_activation: &str,
    ) -> Result<(), JsError> {
        let hidden = hidden.into_iter().map(|w| w as usize).collect();
        let (h, o) = (parse(hidden_activation)?, parse(output_activation)?);
        self.trainer.set_architecture(hidden, h, o).map_err(js_err)
    }

    /// A new weight seed; restarts training from the weights it draws.
    pub fn set_weight_seed(&mut self, seed: f64) -> Result<(), JsError> {
        self.trainer.set_weight_seed(seed_of(seed, "The weight seed")?);
        Ok(())
    }

    /// The loss and its reduction; keeps the weights, restarts the loss curve.
    pub fn set_loss(&mut self, loss: &str, reduction: &str) -> Result<(), JsError> {
        let (l, r) = (parse(loss)?, parse(reduction)?);
        self.trainer.set_loss(l, r).map_err(js_err)
    }

    /// The step size η; keeps the training state.
    pub fn set_learning_rate(&mut self, eta: f64) -> Result<(), JsError> {
        self.trainer.set_eta(eta as f32).map_err(js_err)
    }

    /// Samples per update, 0 for the full batch; keeps the training state.
    pub fn set_batch_size(&mut self, k: f64) -> Result<(), JsError> {
        let k = whole(k, "The batch size")?;
        self.trainer.set_batch_size(k.min(u64::from(u32::MAX)) as usize);
        Ok(())
    }

    /// Restarts training from the weights the current seed draws.
    pub fn reset(&mut self) {
        self.trainer.restart();
    }

    /// Runs up to `steps` updates; returns how many were done.
    pub fn train(&mut self, steps: u32) -> u32 {
        self.trainer.step(steps)
    }

    /// Computes every hidden and output unit's value over an n × n grid (what
    /// per-unit thumbnails need; for the benchmark); returns how many.
    pub fn compute_unit_outputs(&mut self, n: u32) -> usize {
        self.unit_grids.compute(&self.trainer, n as usize)
    }

    /// Multiply-adds of one forward and one backward pass over `rows` samples,
    /// as [forward, backward] (for GFLOP/s figures).
    pub fn multiply_adds(&self, rows: u32) -> Vec<f64> {
        let (f, b) = crate::inspect::backprop::multiply_adds(self.trainer.mlp(), rows as usize);
        vec![f as f64, b as f64]
    }

    /// Computes the boundary image only (for the benchmark; no DOM needed).
    pub fn compute_boundary(&mut self, width: u32, height: u32) -> usize {
        self.image
            .render(&self.trainer, width as usize, height as usize)
            .len()
    }

    /// Updates since the last rebuild or reset.
    pub fn iteration(&self) -> f64 {
        self.trainer.iteration() as f64
    }

    /// Passes over the training set since the last rebuild or reset.
    pub fn epoch(&self) -> f64 {
        self.trainer.epoch()
    }

    /// L on the training set.
    pub fn train_loss(&mut self) -> f64 {
        f64::from(self.trainer.evaluation().train_loss)
    }

    /// L on the test set.
    pub fn test_loss(&mut self) -> f64 {
        f64::from(self.trainer.evaluation().test_loss)
    }

    /// Share of training points classified right.
    pub fn train_accuracy(&mut self) -> f64 {
        f64::from(self.trainer.evaluation().train_accuracy)
    }

    /// Share of test points classified right.
    pub fn test_accuracy(&mut self) -> f64 {
        f64::from(self.trainer.evaluation().test_accuracy)
    }

    /// Number of weights and biases.
    pub fn param_count(&self) -> usize {
        self.trainer.mlp().param_count()
    }

    /// Training points.
    pub fn train_size(&self) -> usize {
        self.trainer.split().train.len()
    }

    /// Test points.
    pub fn test_size(&self) -> usize {
        self.trainer.split().test.len()
    }

    /// True when training stopped on a non-finite value.
    pub fn diverged(&self) -> bool {
        self.trainer.divergence().is_some()
    }

    /// "" when all is well, else a sentence for the user.
    pub fn status(&self) -> String {
        crate::io::report::status(&self.trainer)
    }

    /// Every current setting, as JSON.
    pub fn settings_json(&self) -> String {
        crate::io::report::settings_json(self.trainer.settings())
    }
}
