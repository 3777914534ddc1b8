//! The penalised objective ℒ + λ R(w) against central finite differences
//! (L1 and L2, several architectures and losses), and the Trainer's update
//! really descending it.
//!
//! Same f32 tolerances as tests/nn/gradient_check.rs: h = 1e-2, error bound 2e-2
//! relative plus 2e-4 absolute. L1 has a kink at w = 0, so weights within h
//! of 0 are skipped (the difference quotient straddles the kink there).

use mlp_playground::nn::regularization::Regularization;
use mlp_playground::{Activation, Loss, Mlp, Reduction, Settings, Trainer, Workspace};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

const H: f32 = 1e-2;

/// ℒ + λ R(w) by the forward pass only.
fn objective(mlp: &Mlp, x: &[f32], y: &[f32], loss: Loss, reg: Regularization) -> f32 {
    let mut ws = Workspace::default();
    let out = mlp.forward(x, &mut ws).to_vec();
    loss.evaluate(Reduction::Mean, &out, y, 1) + reg.penalty(mlp)
}

fn check(sizes: &[usize], loss: Loss, reg: Regularization) {
    let mut rng = StdRng::seed_from_u64(sizes.len() as u64);
    let mut mlp = Mlp::new(sizes, Activation::Tanh, Activation::Tanh, 11);
    for layer in &mut mlp.layers {
        layer.b.iter_mut().for_each(|b| *b = rng.random_range(-0.5..0.5));
    }
    let x: Vec<f32> = (0..6 * sizes[0]).map(|_| rng.random_range(-1.5..1.5)).collect();
    let y: Vec<f32> = (0..6).map(|i| if i % 2 == 0 { 1.0 } else { -1.0 }).collect();

    let mut ws = Workspace::default();
    let out = mlp.forward(&x, &mut ws).to_vec();
    let mut d_out = vec![0.0; out.len()];
    loss.evaluate_with_gradient(Reduction::Mean, &out, &y, 1, &mut d_out);
    let mut grads = mlp.zero_gradients();
    mlp.backward(&d_out, &mut ws, &mut grads);
    reg.add_gradient(&mlp, &mut grads);

    let (mut checked, mut skipped) = (0, 0);
    for l in 0..mlp.layers.len() {
        let n_w = mlp.layers[l].w.len();
        for k in 0..n_w + mlp.layers[l].b.len() {
            let (value, analytic) = if k < n_w {
                (mlp.layers[l].w[k], grads.layers[l].w[k])
            } else {
                (mlp.layers[l].b[k - n_w], grads.layers[l].b[k - n_w])
            };
            if k < n_w && matches!(reg, Regularization::L1 { .. }) && value.abs() < 2.0 * H {
                skipped += 1;
                continue;
            }
            let probe = |delta: f32| {
                let mut m = mlp.clone();
                if k < n_w {
                    m.layers[l].w[k] += delta;
                } else {
                    m.layers[l].b[k - n_w] += delta;
                }
                objective(&m, &x, &y, loss, reg)
            };
            let numeric = (probe(H) - probe(-H)) / (2.0 * H);
            let tol = 2e-2 * analytic.abs().max(numeric.abs()) + 2e-4;
            assert!(
                (analytic - numeric).abs() <= tol,
                "{sizes:?} {loss} {reg:?}: layer {l} param {k}: backprop {analytic} vs finite difference {numeric}"
            );
            checked += 1;
        }
    }
    assert!(skipped * 5 <= checked, "too few checked: {checked} vs {skipped}");
}

#[test]
fn l1_and_l2_pass_the_finite_difference_check() {
    for sizes in [&[2, 3, 1][..], &[2, 5, 4, 1], &[3, 6, 1]] {
        for loss in [Loss::Mse, Loss::Logistic] {
            for lambda in [0.01, 0.3] {
                check(sizes, loss, Regularization::L1 { lambda });
                check(sizes, loss, Regularization::L2 { lambda });
            }
        }
    }
}

/// With plain GD, one step on ℒ + λ ½ Σ w² differs from a step on ℒ by
/// exactly −η λ w on every weight, and not at all on the biases.
#[test]
fn the_trainer_descends_the_penalised_objective() {
    let plain = Settings::default();
    let l2 = Settings {
        regularization: Regularization::L2 { lambda: 0.5 },
        ..Settings::default()
    };
    let (mut a, mut b) = (Trainer::new(plain).unwrap(), Trainer::new(l2).unwrap());
    let start = a.mlp().clone();
    a.step(1);
    b.step(1);
    let eta = a.settings().eta;
    for ((la, lb), l0) in a.mlp().layers.iter().zip(&b.mlp().layers).zip(&start.layers) {
        for ((wa, wb), w0) in la.w.iter().zip(&lb.w).zip(&l0.w) {
            assert!((wb - wa + eta * 0.5 * w0).abs() < 1e-6, "{wa} {wb} {w0}");
        }
        assert_eq!(la.b, lb.b);
    }
    // The curve shows ℒ; the objective adds λ R(w).
    let penalty = Regularization::L2 { lambda: 0.5 }.penalty(b.mlp());
    let data_loss = b.evaluation().train_loss;
    assert!(penalty > 0.0 && (b.objective() - (data_loss + penalty)).abs() < 1e-6);
}

/// Changing λ keeps the weights and iteration (like η).
#[test]
fn changing_lambda_keeps_the_training_state() {
    let mut t = Trainer::new(Settings::default()).unwrap();
    t.step(3);
    let w = t.mlp().clone();
    t.set_regularization(Regularization::L1 { lambda: 0.01 }).unwrap();
    assert_eq!((t.mlp(), t.iteration()), (&w, 3));
    assert!(t.set_regularization(Regularization::L2 { lambda: 11.0 }).is_err());
    assert_eq!(t.settings().regularization, Regularization::L1 { lambda: 0.01 });
}

/// The page's gradient check (the inspector's) checks ℒ + λ R(w) under a
/// penalty: with λ = 1 a missing λ ∂R/∂w would be off by far more than 2 %.
#[test]
fn the_pages_gradient_check_covers_the_penalty() {
    use mlp_playground::inspect::backprop::gradient_check_penalised;
    let mut t = Trainer::new(Settings::default()).unwrap();
    t.step(20);
    let (mlp, s) = (t.mlp(), t.settings());
    for reg in [
        Regularization::L1 { lambda: 1.0 },
        Regularization::L2 { lambda: 1.0 },
    ] {
        let inputs = &t.split().train.inputs;
        let worst = gradient_check_penalised(mlp, inputs, t.train_targets(), s.loss, s.reduction, reg);
        assert!(worst < 0.02, "{reg:?}: {worst}");
    }
}
