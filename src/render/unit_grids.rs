//! Every unit's output over a grid of the plane: what per-unit thumbnails of
//! the network diagram draw. One batched forward pass over the whole grid
//! keeps every layer's activations x(l) in the workspace.

use super::boundary::grid_inputs;
use crate::features::FeatureSet;
use crate::mlp::Workspace;
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
        let features = trainer.settings().features;
        if n != self.n || features != self.features || self.inputs.is_empty() {
            self.n = n;
            self.features = features;
            trainer.expand_rows(&grid_inputs(n, n), &mut self.inputs);
        }
        let mlp = trainer.mlp();
        mlp.forward(&self.inputs, &mut self.ws);
        let units: usize = mlp.layers.iter().map(|l| l.outputs).sum();
        units * self.ws.rows
    }
}
