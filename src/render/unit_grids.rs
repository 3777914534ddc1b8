//! Every unit's output over a grid of the plane: what per-unit thumbnails of
//! the network diagram draw. One batched forward pass over the whole grid
//! keeps every layer's activations x(l) in the workspace.

use super::boundary::grid_inputs;
use crate::mlp::{Mlp, Workspace};

/// Reused buffers for the unit grids.
#[derive(Clone, Debug, Default)]
pub struct UnitGrids {
    n: usize,
    inputs: Vec<f32>,
    ws: Workspace,
}

impl UnitGrids {
    /// Runs the n × n grid through `mlp`; returns how many unit values were
    /// computed (n² × every hidden and output unit).
    pub fn compute(&mut self, mlp: &Mlp, n: usize) -> usize {
        if n != self.n || self.inputs.is_empty() {
            self.n = n;
            self.inputs = grid_inputs(n, n);
        }
        mlp.forward(&self.inputs, &mut self.ws);
        self.ws.x[1..].iter().map(Vec::len).sum()
    }

    /// x(0) … x(L) over the grid of the last `compute`: layer l is n² rows of
    /// its width, unit i of grid point p at `[l][p * width + i]`.
    pub fn values(&self) -> &[Vec<f32>] {
        &self.ws.x
    }
}
