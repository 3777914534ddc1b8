//! Every unit's output over a grid of the plane: what per-unit thumbnails of
//! the network diagram draw. One batched forward pass over the whole grid
//! keeps every layer's activations x(l) in the workspace.

use super::boundary::grid_inputs;
use crate::data::features::{expand_rows, FeatureSet};
use crate::nn::mlp::{Mlp, Workspace};
use crate::train::Trainer;

/// Reused buffers for the unit grids.
#[derive(Clone, Debug, Default)]
pub struct UnitGrids {
    n: usize,
    features: Option<FeatureSet>,
    /// The grid's points as the network's inputs x(0) = φ(x).
    inputs: Vec<f32>,
    ws: Workspace,
}

impl UnitGrids {
    /// Runs the n × n grid through the trainer's network (its points
    /// expanded by the trainer's features); returns how many unit values were
    /// computed (n² × every hidden and output unit).
    pub fn compute(&mut self, trainer: &Trainer, n: usize) -> usize {
        self.compute_with(trainer.mlp(), trainer.settings().features, n)
    }

    /// The same for any network whose input is x(0) = φ(x₁, x₂) with the
    /// given features (None: x(0) = (x₁, x₂)).
    pub fn compute_with(&mut self, mlp: &Mlp, features: Option<FeatureSet>, n: usize) -> usize {
        if n != self.n || features != self.features || self.inputs.is_empty() {
            self.n = n;
            self.features = features;
            expand_rows(features, &grid_inputs(n, n), &mut self.inputs);
        }
        mlp.forward(&self.inputs, &mut self.ws);
        let units: usize = mlp.layers.iter().map(|l| l.outputs).sum();
        units * self.ws.rows
    }

    /// Unit `i` of x(l) over the grid of the last `compute`, one value per
    /// grid point (row 0 at the top, x₂ = 6, as `grid_inputs`).
    pub fn unit(&self, l: usize, i: usize) -> &[f32] {
        self.ws.unit(l, i)
    }
}
