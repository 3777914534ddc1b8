//! Why σ must be non-linear: with σ(x) = αx + β every layer is affine, and the
//! whole MLP is the single affine map f(x) = A(L) x + B(L) given by the notes'
//! recurrence A(0) = I, B(0) = 0,
//!   A(l) = α w(l) A(l−1),  B(l) = α w(l) B(l−1) + α b(l) + β.

use crate::nn::mlp::Mlp;

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
