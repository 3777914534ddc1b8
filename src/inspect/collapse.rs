//! Why σ must be non-linear: with σ(x) = αx + β every layer is affine, and the
//! whole MLP is the single affine map f(x) = A(L) x + B(L) given by the notes'
//! recurrence A(0) = I, B(0) = 0,
//!   A(l) = α w(l) A(l−1),  B(l) = α w(l) B(l−1) + α b(l) + β.

use crate::nn::mlp::{Mlp, Workspace};
use serde::Serialize;

/// The affine map x ↦ A x + B; A is (outputs × inputs), row-major.
#[derive(Clone, Debug, PartialEq)]
pub struct Affine {
    /// Width of x.
    pub inputs: usize,
    /// The matrix A(L).
    pub a: Vec<f32>,
    /// The offset B(L).
    pub b: Vec<f32>,
}

/// Composes the layers of `mlp` as if every σ (hidden and output) were
/// σ(x) = αx + β, following the notes' recurrence.
pub fn collapse(mlp: &Mlp, alpha: f32, beta: f32) -> Affine {
    let n = mlp.inputs();
    let mut a: Vec<f32> = (0..n * n)
        .map(|k| if k / n == k % n { 1.0 } else { 0.0 })
        .collect();
    let mut b = vec![0.0_f32; n];
    for layer in &mlp.layers {
        let (rows, inner) = (layer.outputs, layer.inputs);
        let mut next_a = vec![0.0_f32; rows * n];
        let mut next_b = vec![0.0_f32; rows];
        for i in 0..rows {
            let w_row = &layer.w[i * inner..(i + 1) * inner];
            for (j, &w_ij) in w_row.iter().enumerate() {
                for c in 0..n {
                    next_a[i * n + c] += alpha * w_ij * a[j * n + c];
                }
                next_b[i] += alpha * w_ij * b[j];
            }
            next_b[i] += alpha * layer.b[i] + beta;
        }
        a = next_a;
        b = next_b;
    }
    Affine { inputs: n, a, b }
}

impl Affine {
    /// A x + B for one input row.
    pub fn apply(&self, x: &[f32]) -> Vec<f32> {
        self.a
            .chunks_exact(self.inputs)
            .zip(&self.b)
            .map(|(row, &b)| b + row.iter().zip(x).map(|(p, q)| p * q).sum::<f32>())
            .collect()
    }

    /// Number of numbers in A and B: what the collapsed model really has.
    pub fn param_count(&self) -> usize {
        self.a.len() + self.b.len()
    }
}

/// What the page shows of the collapse: the map's first row and offset, the
/// two parameter counts and how far the network is from the map.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CollapseReport {
    /// a₁ … aₙ: the first output's row of A, one per input x(0)ⱼ (per feature).
    pub a: Vec<f32>,
    /// The first output's offset B.
    pub b: f32,
    /// Weights and biases of the network.
    pub network_params: usize,
    /// Numbers in A and B (n + 1 with one output).
    pub collapsed_params: usize,
    /// max |f(x) − (A x + B)| over every output and every row of `inputs`:
    /// 0 up to rounding when every σ is the identity, large when one is not.
    pub max_difference: f32,
}

/// The collapse of `mlp` with σ(x) = x, compared with the network itself on
/// `inputs` (rows of `mlp.inputs()` numbers).
pub fn collapse_report(mlp: &Mlp, inputs: &[f32]) -> CollapseReport {
    let map = collapse(mlp, 1.0, 0.0);
    let mut ws = Workspace::default();
    let out = mlp.forward(inputs, &mut ws);
    let max_difference = inputs
        .chunks_exact(mlp.inputs())
        .zip(out.chunks_exact(mlp.outputs()))
        .flat_map(|(x, o)| {
            o.iter()
                .zip(map.apply(x))
                .map(|(&o, m)| (o - m).abs())
                .collect::<Vec<_>>()
        })
        .fold(0.0_f32, f32::max);
    CollapseReport {
        a: map.a[..mlp.inputs()].to_vec(),
        b: map.b[0],
        network_params: mlp.param_count(),
        collapsed_params: map.param_count(),
        max_difference,
    }
}
