//! What the benchmark calls and the page never does (tests/bench/workloads.mjs):
//! shipped in the page's module because the benchmark measures that very
//! build, and named `bench_` so that nobody takes it for a page function.

use wasm_bindgen::prelude::*;

/// The benchmark's roofline: `reps` products of two n × n f32 matrices
/// through the same kernel as the forward pass (s = x wᵀ + b). JavaScript
/// times the call; 2n³·reps / time is the best GFLOP/s this core reaches.
/// Returns a checksum so the work cannot be optimised away.
#[wasm_bindgen]
pub fn bench_matmul(n: u32, reps: u32) -> f64 {
    let n = n as usize;
    let a: Vec<f32> = (0..n * n).map(|i| ((i * 7 % 13) as f32 - 6.0) / 13.0).collect();
    let b: Vec<f32> = (0..n * n).map(|i| ((i * 5 % 11) as f32 - 5.0) / 11.0).collect();
    let bias = vec![0.0_f32; n];
    let mut c = vec![0.0_f32; n * n];
    for _ in 0..reps {
        crate::nn::matrix::affine_rows(&a, &b, &bias, n, &mut c);
    }
    c.iter().map(|&v| f64::from(v)).sum()
}
