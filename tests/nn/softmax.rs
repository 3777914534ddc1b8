//! Softmax with cross-entropy: its value against an independent f64 formula,
//! ∂ℓ/∂s = softmax − onehot against central differences, and back-propagation
//! through whole networks against finite differences of L (in f32, with the
//! tolerances of tests/nn/gradient_check.rs: h = 1e-2, 2e-2 relative + 2e-4 absolute).

use mlp_playground::{Activation, Loss, Mlp, Reduction, Workspace};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// −log(e^(s_y) / Σ_j e^(s_j)) in f64, the definition without any rewriting.
fn reference(scores: &[f32], class: usize) -> f64 {
    let e: Vec<f64> = scores.iter().map(|&s| f64::from(s).exp()).collect();
    -(e[class] / e.iter().sum::<f64>()).ln()
}

fn onehot(class: usize, k: usize) -> Vec<f32> {
    (0..k).map(|j| if j == class { 1.0 } else { 0.0 }).collect()
}

#[test]
fn value_and_score_gradient_match_the_definition() {
    let mut rng = StdRng::seed_from_u64(3);
    for k in [2, 3, 5] {
        for _ in 0..20 {
            let s: Vec<f32> = (0..k).map(|_| rng.random_range(-4.0..4.0)).collect();
            let y = rng.random_range(0..k);
            let t = onehot(y, k);
            let mut g = vec![0.0; k];
            let l = Loss::SoftmaxCrossEntropy.evaluate_with_gradient(Reduction::Sum, &s, &t, k, &mut g);
            assert!(
                (f64::from(l) - reference(&s, y)).abs() < 1e-5,
                "ℓ at {s:?}, y = {y}"
            );
            let h = 1e-3_f64;
            for j in 0..k {
                let mut up = s.clone();
                let mut down = s.clone();
                up[j] += h as f32;
                down[j] -= h as f32;
                let numeric = (reference(&up, y) - reference(&down, y)) / (2.0 * h);
                assert!(
                    (f64::from(g[j]) - numeric).abs() < 2e-3,
                    "∂ℓ/∂s_{j} at {s:?}: {} vs {numeric}",
                    g[j]
                );
            }
        }
    }
}

#[test]
fn the_mean_divides_by_samples_not_by_scores() {
    let s = [0.0_f32; 6];
    let t = [1.0, 0.0, 0.0, 0.0, 1.0, 0.0];
    let mut g = [0.0; 6];
    let mean = Loss::SoftmaxCrossEntropy.evaluate_with_gradient(Reduction::Mean, &s, &t, 3, &mut g);
    assert!((mean - 3.0_f32.ln()).abs() < 1e-6);
    assert!((g[0] - 0.5 * (1.0 / 3.0 - 1.0)).abs() < 1e-6);
}

fn check(sizes: &[usize], hidden: Activation, red: Reduction) {
    let mut rng = StdRng::seed_from_u64(sizes.iter().sum::<usize>() as u64);
    let mut mlp = Mlp::new(sizes, hidden, Activation::Identity, 11);
    for layer in &mut mlp.layers {
        layer.b.iter_mut().for_each(|b| *b = rng.random_range(-0.5..0.5));
    }
    let k = mlp.outputs();
    let rows = 6;
    let x: Vec<f32> = (0..rows * mlp.inputs())
        .map(|_| rng.random_range(-1.5..1.5))
        .collect();
    let t: Vec<f32> = (0..rows)
        .flat_map(|_| onehot(rng.random_range(0..k), k))
        .collect();
    let loss_of = |m: &Mlp| {
        let mut ws = Workspace::default();
        let out = m.forward(&x, &mut ws).to_vec();
        Loss::SoftmaxCrossEntropy.evaluate(red, &out, &t, k)
    };
    let mut ws = Workspace::default();
    let out = mlp.forward(&x, &mut ws).to_vec();
    let mut d = vec![0.0; out.len()];
    Loss::SoftmaxCrossEntropy.evaluate_with_gradient(red, &out, &t, k, &mut d);
    let mut grads = mlp.zero_gradients();
    mlp.backward(&d, &mut ws, &mut grads);
    let h = 1e-2_f32;
    for l in 0..mlp.layers.len() {
        let n_w = mlp.layers[l].w.len();
        for p in 0..n_w + mlp.layers[l].b.len() {
            let probe = |delta: f32| {
                let mut m = mlp.clone();
                if p < n_w {
                    m.layers[l].w[p] += delta;
                } else {
                    m.layers[l].b[p - n_w] += delta;
                }
                loss_of(&m)
            };
            let numeric = (probe(h) - probe(-h)) / (2.0 * h);
            let analytic = if p < n_w {
                grads.layers[l].w[p]
            } else {
                grads.layers[l].b[p - n_w]
            };
            let tol = 2e-2 * analytic.abs().max(numeric.abs()) + 2e-4;
            assert!(
                (analytic - numeric).abs() <= tol,
                "{sizes:?} {hidden} {red:?} layer {} parameter {p}: backprop {analytic}, numeric {numeric}",
                l + 1
            );
        }
    }
}

#[test]
fn backprop_through_softmax_cross_entropy_passes_the_finite_difference_check() {
    for sizes in [&[2, 3][..], &[2, 4, 3], &[5, 6, 4, 5]] {
        for hidden in [Activation::Tanh, Activation::Sigmoid] {
            for red in [Reduction::Mean, Reduction::Sum] {
                check(sizes, hidden, red);
            }
        }
    }
}
