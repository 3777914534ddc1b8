//! The universal-approximation view, in pure Rust: a one-hidden-layer
//! perceptron f(x) = Σ_k ω_k σ(w_k x + b_k) + c fitting a function ψ on the
//! interval [−1, 1], either trained by gradient descent on samples or
//! constructed unit by unit as in the lecture's slides.

pub mod construct;
pub mod lab;
pub mod target;
mod trained;

use crate::nn::mlp::Mlp;

/// The interval the functions live on.
pub const INTERVAL: (f32, f32) = (-1.0, 1.0);
/// Points of the dense grid on which ψ and f are compared (the theorem's max).
pub const GRID: usize = 1000;

/// The dense grid: `GRID` evenly spaced points covering the interval, ends included.
pub fn grid() -> Vec<f32> {
    let (lo, hi) = INTERVAL;
    (0..GRID)
        .map(|i| lo + (hi - lo) * i as f32 / (GRID - 1) as f32)
        .collect()
}

/// Unit k's term ω_k σ(w_k x + b_k) of a one-hidden-layer network [1, K, 1].
pub fn unit_term(mlp: &Mlp, k: usize, x: f32) -> f32 {
    let (hidden, out) = (&mlp.layers[0], &mlp.layers[1]);
    out.w[k] * mlp.hidden.value(hidden.w[k] * x + hidden.b[k])
}

/// Unit k's parameters (w_k, b_k, ω_k).
pub fn unit_params(mlp: &Mlp, k: usize) -> (f32, f32, f32) {
    (mlp.layers[0].w[k], mlp.layers[0].b[k], mlp.layers[1].w[k])
}

/// The output bias c.
pub fn offset(mlp: &Mlp) -> f32 {
    mlp.layers[1].b[0]
}

/// max |ψ − f| and mean (ψ − f)² over paired values.
pub fn errors(psi: &[f32], f: &[f32]) -> (f32, f32) {
    let mut max = 0.0_f32;
    let mut sum = 0.0_f64;
    for (&p, &q) in psi.iter().zip(f) {
        let d = p - q;
        max = if d.is_nan() { f32::NAN } else { max.max(d.abs()) };
        sum += f64::from(d * d);
    }
    (max, (sum / psi.len().max(1) as f64) as f32)
}
