//! The back-propagation inspector: every value of the forward and backward
//! passes for one sample, a finite-difference check of every parameter's
//! gradient, and the multiply-add counts behind "backward ≈ 2 × forward".

use crate::nn::loss::{Loss, Reduction};
use crate::nn::mlp::{Gradients, Mlp, Workspace};
use crate::nn::regularization::Regularization;
use serde::Serialize;

/// The forward and backward passes of one sample, layer by layer (index l−1
/// holds layer l's values; `x[0]` is the input).
#[derive(Clone, Debug, PartialEq)]
pub struct Trace {
    /// x(0) … x(L).
    pub x: Vec<Vec<f32>>,
    /// s(1) … s(L).
    pub s: Vec<Vec<f32>>,
    /// ∂ℓ/∂x(1) … ∂ℓ/∂x(L).
    pub dx: Vec<Vec<f32>>,
    /// ∂ℓ/∂s(1) … ∂ℓ/∂s(L).
    pub ds: Vec<Vec<f32>>,
    /// ∂ℓ/∂w(l) and ∂ℓ/∂b(l).
    pub grads: Gradients,
    /// ℓ of the sample.
    pub loss: f32,
}

/// The passes for one sample `input` with target `target` (ℓ of that sample alone).
pub fn trace(mlp: &Mlp, input: &[f32], target: &[f32], loss: Loss) -> Trace {
    let mut ws = Workspace::default();
    let out = mlp.forward(input, &mut ws).to_vec();
    let mut d = vec![0.0; out.len()];
    let l = loss.evaluate_with_gradient(Reduction::Sum, &out, target, out.len(), &mut d);
    let mut grads = mlp.zero_gradients();
    mlp.backward(&d, &mut ws, &mut grads);
    let one = |m: &[Vec<f32>]| m.iter().map(|v| ws.sample(v, 0)).collect();
    Trace {
        x: one(&ws.x),
        s: one(&ws.s),
        dx: one(&ws.dx[1..]),
        ds: one(&ws.ds),
        grads,
        loss: l,
    }
}

/// One layer of a [`TraceReport`]: its parameters and every value of both
/// passes through it, for one sample.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LayerReport {
    /// Width of x(l−1).
    pub inputs: usize,
    /// Width of x(l).
    pub outputs: usize,
    /// The name of σ in this layer ("tanh", "relu", …).
    pub activation: String,
    /// w(l), row-major (outputs × inputs).
    pub w: Vec<f32>,
    /// b(l).
    pub b: Vec<f32>,
    /// s(l) = w(l) x(l−1) + b(l).
    pub s: Vec<f32>,
    /// x(l) = σ(s(l)).
    pub x: Vec<f32>,
    /// ∂ℓ/∂x(l).
    pub dx: Vec<f32>,
    /// ∂ℓ/∂s(l).
    pub ds: Vec<f32>,
    /// ∂ℓ/∂w(l).
    pub dw: Vec<f32>,
    /// ∂ℓ/∂b(l).
    pub db: Vec<f32>,
}

/// A [`Trace`] with the weights it was computed with: what the page's
/// back-propagation inspector shows.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TraceReport {
    /// x(0).
    pub input: Vec<f32>,
    /// The sample's target t.
    pub target: Vec<f32>,
    /// ℓ of the sample.
    pub loss: f32,
    /// Layers 1 … L.
    pub layers: Vec<LayerReport>,
}

impl TraceReport {
    /// Pairs `trace` (computed by [`trace`] on `mlp` with `target`) with the weights.
    pub fn new(mlp: &Mlp, trace: &Trace, target: &[f32]) -> TraceReport {
        let layers = mlp
            .layers
            .iter()
            .zip(&trace.grads.layers)
            .enumerate()
            .map(|(l, (layer, g))| LayerReport {
                inputs: layer.inputs,
                outputs: layer.outputs,
                activation: mlp.activation(l).to_string(),
                w: layer.w.clone(),
                b: layer.b.clone(),
                s: trace.s[l].clone(),
                x: trace.x[l + 1].clone(),
                dx: trace.dx[l].clone(),
                ds: trace.ds[l].clone(),
                dw: g.w.clone(),
                db: g.b.clone(),
            })
            .collect();
        TraceReport {
            input: trace.x[0].clone(),
            target: target.to_vec(),
            loss: trace.loss,
            layers,
        }
    }
}

/// The largest relative error between back-propagation and central finite
/// differences over every parameter, for L on the batch (`inputs`, `targets`).
/// Computed in f32 with h = 1e-2; the relative error is
/// |a − n| / max(|a|, |n|, 1e-3), so near-zero gradients do not blow it up.
pub fn gradient_check(mlp: &Mlp, inputs: &[f32], targets: &[f32], loss: Loss, red: Reduction) -> f32 {
    gradient_check_penalised(mlp, inputs, targets, loss, red, Regularization::None)
}

/// As `gradient_check`, for the objective the optimiser descends, ℒ + λ R(w).
/// Under L1, weights within 2h of the kink at w = 0 are left out: the
/// difference quotient straddles the kink there and measures nothing.
pub fn gradient_check_penalised(
    mlp: &Mlp,
    inputs: &[f32],
    targets: &[f32],
    loss: Loss,
    red: Reduction,
    reg: Regularization,
) -> f32 {
    let outputs = mlp.outputs();
    let l_of = |m: &Mlp| {
        let mut ws = Workspace::default();
        let out = m.forward(inputs, &mut ws).to_vec();
        loss.evaluate(red, &out, targets, outputs) + reg.penalty(m)
    };
    let mut ws = Workspace::default();
    let out = mlp.forward(inputs, &mut ws).to_vec();
    let mut d = vec![0.0; out.len()];
    loss.evaluate_with_gradient(red, &out, targets, outputs, &mut d);
    let mut g = mlp.zero_gradients();
    mlp.backward(&d, &mut ws, &mut g);
    reg.add_gradient(mlp, &mut g);
    let h = 1e-2_f32;
    let mut worst = 0.0_f32;
    for l in 0..mlp.layers.len() {
        let n_w = mlp.layers[l].w.len();
        for k in 0..n_w + mlp.layers[l].b.len() {
            let at_kink = matches!(reg, Regularization::L1 { .. }) && k < n_w;
            if at_kink && mlp.layers[l].w[k].abs() < 2.0 * h {
                continue;
            }
            let probe = |delta: f32| {
                let mut m = mlp.clone();
                let p = if k < n_w {
                    &mut m.layers[l].w[k]
                } else {
                    &mut m.layers[l].b[k - n_w]
                };
                *p += delta;
                l_of(&m)
            };
            let numeric = (probe(h) - probe(-h)) / (2.0 * h);
            let analytic = if k < n_w {
                g.layers[l].w[k]
            } else {
                g.layers[l].b[k - n_w]
            };
            let rel = (analytic - numeric).abs() / analytic.abs().max(numeric.abs()).max(1e-3);
            worst = worst.max(rel);
        }
    }
    worst
}

/// Multiply-adds of one forward and one backward pass over `rows` samples:
/// forward Σ_l N·in·out (s = w x + b); backward Σ_l N·in·out for ∂ℓ/∂w plus
/// the same for ∂ℓ/∂x(l−1) in every layer but the first: about twice.
pub fn multiply_adds(mlp: &Mlp, rows: usize) -> (u64, u64) {
    let per_layer: Vec<u64> = mlp
        .layers
        .iter()
        .map(|l| (rows * l.inputs * l.outputs) as u64)
        .collect();
    let forward: u64 = per_layer.iter().sum();
    let backward = forward + per_layer.iter().skip(1).sum::<u64>();
    (forward, backward)
}
