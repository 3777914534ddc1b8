//! Back-propagation against central finite differences, for every activation ×
//! loss × reduction on several random architectures (depth up to 4).
//!
//! The model computes in f32, so the check is done in f32 with tolerances
//! chosen for it: h = 1e-2 on the loss (relative rounding ~1e-5) and an error
//! bound of 2e-2 relative plus 2e-4 absolute per parameter. A wrong formula
//! (a missing σ', a transposed w, a forgotten 1/N) is off by far more.

use mlp_playground::{Activation, Loss, Mlp, Reduction, Workspace};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

const ARCHITECTURES: [&[usize]; 4] = [&[2, 3, 1], &[3, 5, 4, 1], &[2, 4, 3, 3, 1], &[4, 6, 2]];

/// L(w, b) for the batch, computed by the forward pass only.
fn loss_of(mlp: &Mlp, x: &[f32], y: &[f32], loss: Loss, red: Reduction) -> f32 {
    loss_and_signs(mlp, x, y, loss, red).0
}

/// L(w, b) and the sign of every pre-activation: where a sign flips between
/// w − h and w + h, a ReLU kink lies in between and the finite difference
/// measures nothing.
fn loss_and_signs(mlp: &Mlp, x: &[f32], y: &[f32], loss: Loss, red: Reduction) -> (f32, Vec<bool>) {
    let mut ws = Workspace::default();
    let out = mlp.forward(x, &mut ws).to_vec();
    let signs = ws.s.iter().flatten().map(|&s| s > 0.0).collect();
    (loss.evaluate(red, &out, y, mlp.outputs()), signs)
}

fn random_batch(mlp: &Mlp, rows: usize, rng: &mut StdRng) -> (Vec<f32>, Vec<f32>) {
    let x = (0..rows * mlp.inputs())
        .map(|_| rng.random_range(-1.5..1.5))
        .collect();
    let y = (0..rows * mlp.outputs())
        .map(|_| if rng.random_bool(0.5) { 1.0 } else { -1.0 })
        .collect();
    (x, y)
}

fn check(sizes: &[usize], hidden: Activation, output: Activation, loss: Loss, red: Reduction) {
    let mut rng = StdRng::seed_from_u64(sizes.iter().sum::<usize>() as u64);
    let mut mlp = Mlp::new(sizes, hidden, output, 7);
    // Non-zero biases, so that their gradients are exercised too.
    for layer in &mut mlp.layers {
        layer.b.iter_mut().for_each(|b| *b = rng.random_range(-0.5..0.5));
    }
    let (x, y) = random_batch(&mlp, 5, &mut rng);

    let mut ws = Workspace::default();
    let out = mlp.forward(&x, &mut ws).to_vec();
    let mut d_out = vec![0.0; out.len()];
    loss.evaluate_with_gradient(red, &out, &y, mlp.outputs(), &mut d_out);
    let mut grads = mlp.zero_gradients();
    mlp.backward(&d_out, &mut ws, &mut grads);

    let h = 1e-2_f32;
    let (mut checked, mut across_kinks) = (0, 0);
    for l in 0..mlp.layers.len() {
        let n_w = mlp.layers[l].w.len();
        for k in 0..n_w + mlp.layers[l].b.len() {
            let analytic = if k < n_w {
                grads.layers[l].w[k]
            } else {
                grads.layers[l].b[k - n_w]
            };
            let probe = |delta: f32| {
                let mut m = mlp.clone();
                let p = if k < n_w {
                    &mut m.layers[l].w[k]
                } else {
                    &mut m.layers[l].b[k - n_w]
                };
                *p += delta;
                loss_and_signs(&m, &x, &y, loss, red)
            };
            let ((plus, plus_signs), (minus, minus_signs)) = (probe(h), probe(-h));
            if hidden == Activation::Relu && plus_signs != minus_signs {
                across_kinks += 1;
                continue;
            }
            checked += 1;
            let numeric = (plus - minus) / (2.0 * h);
            let tol = 2e-2 * analytic.abs().max(numeric.abs()) + 2e-4;
            assert!(
                (analytic - numeric).abs() <= tol,
                "{sizes:?} {hidden}/{output} {loss}/{red:?}: layer {l} param {k}: \
                 backprop {analytic} vs finite difference {numeric}"
            );
        }
    }
    assert!(
        across_kinks * 5 <= checked,
        "too few parameters checked: {checked} vs {across_kinks}"
    );
}

#[test]
fn backprop_matches_finite_differences_everywhere() {
    let outputs = [Activation::Identity, Activation::Tanh, Activation::Sigmoid];
    for sizes in ARCHITECTURES {
        for hidden in Activation::ALL {
            for output in outputs {
                for loss in Loss::ALL {
                    for red in [Reduction::Mean, Reduction::Sum] {
                        check(sizes, hidden, output, loss, red);
                    }
                }
            }
        }
    }
}

/// A check that cannot pass by accident: a deliberately wrong gradient
/// (one entry perturbed) must be caught by the same comparison.
#[test]
fn the_check_catches_a_wrong_gradient() {
    let mlp = Mlp::new(&[2, 3, 1], Activation::Tanh, Activation::Identity, 3);
    let mut rng = StdRng::seed_from_u64(1);
    let (x, y) = random_batch(&mlp, 4, &mut rng);
    let mut ws = Workspace::default();
    let out = mlp.forward(&x, &mut ws).to_vec();
    let mut d_out = vec![0.0; out.len()];
    Loss::Mse.evaluate_with_gradient(Reduction::Mean, &out, &y, 1, &mut d_out);
    let mut grads = mlp.zero_gradients();
    mlp.backward(&d_out, &mut ws, &mut grads);
    let h = 1e-2;
    let mut plus = mlp.clone();
    plus.layers[0].w[0] += h;
    let mut minus = mlp.clone();
    minus.layers[0].w[0] -= h;
    let numeric = (loss_of(&plus, &x, &y, Loss::Mse, Reduction::Mean)
        - loss_of(&minus, &x, &y, Loss::Mse, Reduction::Mean))
        / (2.0 * h);
    let wrong = grads.layers[0].w[0] * 1.1 + 0.01;
    assert!((wrong - numeric).abs() > 2e-2 * wrong.abs().max(numeric.abs()) + 2e-4);
    assert!((grads.layers[0].w[0] - numeric).abs() <= 2e-2 * numeric.abs() + 2e-4);
}
