//! The arithmetic of one measured full-batch step as the kernels do it: the
//! benchmark divides it by the time a step takes. The practical's dense count
//! (every pixel a multiply-add) is the numpy reference's; the kernels skip the
//! digits' background pixels (see `nn::sparse`), so they do fewer.

use super::Trainer;
use crate::nn::sparse::SparseRows;

impl Trainer {
    /// Multiply-adds of one `step_measured` over the whole training set: the
    /// forward and backward passes over the training rows (∂ℓ/∂w(l) of every
    /// layer, ∂ℓ/∂x(l) of all but the input) and the forward pass over the
    /// test rows. A first layer whose input goes in sparse costs one
    /// multiply-add per entry off the background and unit, as its kernels make
    /// them; with `dense`, every input counts (the dense kernels' work).
    pub fn multiply_adds_per_full_step(&self, dense: bool) -> u64 {
        let width = self.settings.input_width();
        // Input entries × units of the first layer's product over `x`.
        let first = |x: &[f32]| -> u64 {
            let entries = if dense {
                x.len()
            } else {
                SparseRows::of_dense(x, width).map_or(x.len(), |sparse| sparse.entries())
            };
            (entries * self.mlp.layers[0].outputs) as u64
        };
        let rest: u64 = self.mlp.layers[1..]
            .iter()
            .map(|l| (l.inputs * l.outputs) as u64)
            .sum();
        let (train, test) = (self.split.train.len() as u64, self.split.test.len() as u64);
        // Forward: the first layer, then the rest; backward: ∂ℓ/∂w(1) (the
        // same entries again), then ∂ℓ/∂w(l) and ∂ℓ/∂x(l−1) of every later layer.
        let train_work = 2 * first(&self.train_x) + 3 * train * rest;
        let test_work = first(&self.test_x) + test * rest;
        train_work + test_work
    }
}
