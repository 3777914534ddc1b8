//! What one of the Digits view's full-batch steps computes, for the benchmark
//! (tests/bench/practical.mjs): its multiply-adds as the kernels make them,
//! and as the dense products of the practical's numpy reference would.

use super::DigitsView;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl DigitsView {
    /// Multiply-adds of one measured full-batch step (training and test
    /// passes): as the kernels make them, or with `dense` every pixel's
    /// (see `Trainer::multiply_adds_per_full_step`).
    pub fn multiply_adds_per_step(&self, dense: bool) -> f64 {
        self.trainer.trainer().multiply_adds_per_full_step(dense) as f64
    }
}
