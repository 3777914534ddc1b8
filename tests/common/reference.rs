//! A scalar reference of training, written from the lecture's formulas one
//! sample and one unit at a time in f64, with none of the optimised kernels:
//! what the optimised engine's trajectory is compared with (natively in
//! tests/train/trajectory.rs, in the browser's wasm in tests/web.rs).
#![allow(dead_code)]

use mlp_playground::{Activation, DataSpec, DatasetKind, Mlp, Settings, Trainer};

/// σ and σ' in f64 (std's tanh, not the engine's approximation).
fn act(a: Activation, s: f64) -> (f64, f64) {
    match a {
        Activation::Tanh => (s.tanh(), 1.0 - s.tanh().powi(2)),
        Activation::Relu => (s.max(0.0), if s > 0.0 { 1.0 } else { 0.0 }),
        Activation::Sigmoid => {
            let p = 1.0 / (1.0 + (-s).exp());
            (p, p * (1.0 - p))
        }
        Activation::Identity => (s, 1.0),
    }
}

/// `steps` full-batch gradient steps on L = (1/N) Σ_n (f(x_n) − y_n)² from
/// `start`; returns the network's parameters afterwards, layer by layer (w then b).
pub fn train(start: &Mlp, x: &[f32], y: &[f32], eta: f64, steps: usize) -> Vec<Vec<f64>> {
    let sizes = start.sizes();
    let depth = sizes.len() - 1;
    let mut w: Vec<Vec<f64>> = start
        .layers
        .iter()
        .map(|l| l.w.iter().map(|&v| f64::from(v)).collect())
        .collect();
    let mut b: Vec<Vec<f64>> = start
        .layers
        .iter()
        .map(|l| l.b.iter().map(|&v| f64::from(v)).collect())
        .collect();
    let n = y.len();
    for _ in 0..steps {
        let mut gw: Vec<Vec<f64>> = w.iter().map(|l| vec![0.0; l.len()]).collect();
        let mut gb: Vec<Vec<f64>> = b.iter().map(|l| vec![0.0; l.len()]).collect();
        for s in 0..n {
            // Forward: x(l) = σ(w(l) x(l−1) + b(l)), keeping x(l) and σ'(s(l)).
            let mut xs = vec![x[s * sizes[0]..(s + 1) * sizes[0]]
                .iter()
                .map(|&v| f64::from(v))
                .collect::<Vec<_>>()];
            let mut ds_of: Vec<Vec<f64>> = Vec::new();
            for l in 0..depth {
                let a = if l + 1 == depth {
                    start.output
                } else {
                    start.hidden
                };
                let (inp, out) = (sizes[l], sizes[l + 1]);
                let (mut xl, mut dl) = (vec![0.0; out], vec![0.0; out]);
                for i in 0..out {
                    let mut si = b[l][i];
                    for j in 0..inp {
                        si += w[l][i * inp + j] * xs[l][j];
                    }
                    (xl[i], dl[i]) = act(a, si);
                }
                xs.push(xl);
                ds_of.push(dl);
            }
            // Backward: dℓ/dx(L) = 2 (f − y) / N, then the chain rule layer by layer.
            let mut dx = vec![2.0 * (xs[depth][0] - f64::from(y[s])) / n as f64];
            for l in (0..depth).rev() {
                let (inp, out) = (sizes[l], sizes[l + 1]);
                let ds: Vec<f64> = (0..out).map(|i| dx[i] * ds_of[l][i]).collect();
                let mut prev = vec![0.0; inp];
                for i in 0..out {
                    gb[l][i] += ds[i];
                    for j in 0..inp {
                        gw[l][i * inp + j] += ds[i] * xs[l][j];
                        prev[j] += w[l][i * inp + j] * ds[i];
                    }
                }
                dx = prev;
            }
        }
        for l in 0..depth {
            w[l].iter_mut().zip(&gw[l]).for_each(|(p, g)| *p -= eta * g);
            b[l].iter_mut().zip(&gb[l]).for_each(|(p, g)| *p -= eta * g);
        }
    }
    w.into_iter().zip(b).flat_map(|(w, b)| [w, b]).collect()
}

/// The largest |engine − reference| over every parameter, relative to 1 + |reference|.
pub fn largest_difference(engine: &Mlp, reference: &[Vec<f64>]) -> f64 {
    let params: Vec<&Vec<f32>> = engine.layers.iter().flat_map(|l| [&l.w, &l.b]).collect();
    params
        .iter()
        .zip(reference)
        .flat_map(|(e, r)| {
            e.iter()
                .zip(r)
                .map(|(&a, &b)| (f64::from(a) - b).abs() / (1.0 + b.abs()))
        })
        .fold(0.0, f64::max)
}

/// η of the trajectory comparisons.
pub const ETA: f64 = 0.05;

/// The engine trained `steps` full-batch steps with η = `ETA` on 60 spiral
/// points (hidden widths and σ given, tanh output), and the network it
/// started from, for `train` to follow the same run.
pub fn engine_after(hidden: Vec<usize>, act: Activation, steps: u32) -> (Trainer, Mlp) {
    let settings = Settings {
        data: DataSpec {
            kind: DatasetKind::Spirals,
            points: 60,
            noise: 0.1,
            train_fraction: 0.5,
            seed: 2,
        },
        hidden,
        hidden_activation: act,
        output_activation: Activation::Tanh,
        eta: ETA as f32,
        batch_size: 0,
        ..Settings::default()
    };
    let mut engine = Trainer::new(settings).expect("valid settings");
    let start = engine.mlp().clone();
    assert_eq!(engine.step(steps), steps);
    (engine, start)
}
