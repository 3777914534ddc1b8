//! The lecture's lessons in numbers: gradient descent in 1D, logistic
//! regression by gradient descent next to LDA, and the back-propagation
//! inspector agreeing with the engine.

use mlp_playground::inspect::backprop::{gradient_check, multiply_adds, trace};
use mlp_playground::lessons::gd1d::{iterates, outcome, outcome_map, Curve, Outcome};
use mlp_playground::lessons::lda::lda;
use mlp_playground::lessons::logistic::{gradient, loss, normal_start, train, two_gaussians, Linear, Points};
use mlp_playground::{Activation, Loss, Mlp, Reduction, Workspace};

#[test]
fn gd_on_the_quadratic_converges_below_two_over_the_curvature_and_diverges_above() {
    // L'' = 2: the step multiplies w − 1 by (1 − 2η).
    assert_eq!(outcome(Curve::Quadratic, 3.0, 0.9, 2000), Outcome::Converged(0));
    assert_eq!(outcome(Curve::Quadratic, 3.0, 0.3, 2000), Outcome::Converged(0));
    assert_eq!(outcome(Curve::Quadratic, 3.0, 1.1, 2000), Outcome::Diverged);
    assert_eq!(
        outcome(Curve::Quadratic, 3.0, 1.0, 2000),
        Outcome::Oscillating,
        "exactly 2/L'': a 2-cycle"
    );
    let ws = iterates(Curve::Quadratic, 3.0, 0.25, 1);
    assert_eq!(ws, vec![3.0, 2.0]);
}

#[test]
fn the_two_wells_catch_gd_from_different_starts() {
    let minima = Curve::TwoWells.minima();
    assert_eq!(minima.len(), 2, "{minima:?}");
    let left = outcome(Curve::TwoWells, -3.0, 0.3, 5000);
    let right = outcome(Curve::TwoWells, 2.5, 0.3, 5000);
    assert_eq!((left, right), (Outcome::Converged(0), Outcome::Converged(1)));
    // The quartic: one η, fine near 0 and divergent from far away.
    assert!(matches!(
        outcome(Curve::Quartic, 1.0, 0.5, 5000),
        Outcome::Converged(_) | Outcome::Oscillating
    ));
    assert_eq!(outcome(Curve::Quartic, 3.0, 0.5, 5000), Outcome::Diverged);
    let map = outcome_map(Curve::Quadratic, &[0.5, 1.5], &[-1.0, 3.0], 500);
    assert_eq!(
        map,
        vec![
            Outcome::Converged(0),
            Outcome::Converged(0),
            Outcome::Diverged,
            Outcome::Diverged
        ]
    );
}

fn notes_data() -> Points {
    two_gaussians(100, 1.0, 0.5, 7)
}

#[test]
fn logistic_regression_after_ten_thousand_steps_is_at_the_optimum() {
    let data = notes_data();
    let snaps = train(&data, normal_start(1), 0.1, &[10, 100, 1000, 10_000]);
    let losses: Vec<f64> = snaps.iter().map(|(_, m)| loss(&data, m)).collect();
    assert!(losses.windows(2).all(|w| w[1] <= w[0] + 1e-9), "{losses:?}");
    let norm = |m: &Linear| {
        let (dw, db) = gradient(&data, m);
        (dw[0] * dw[0] + dw[1] * dw[1] + db * db).sqrt()
    };
    let (start, end) = (norm(&normal_start(1)), norm(&snaps[3].1));
    // The loss is a sum over 100 points, so gradients start in the tens; at
    // the optimum the gradient vanishes: 10⁴ steps bring it down 10⁴-fold.
    assert!(end < 1e-2 && end < 1e-4 * start, "gradient norm {start} → {end}");
}

#[test]
fn the_logistic_gradient_is_the_derivative_of_the_loss() {
    let data = notes_data();
    let m = Linear {
        w: [0.3, -0.7],
        b: 0.2,
    };
    let (dw, db) = gradient(&data, &m);
    let h = 1e-6;
    let at = |dw0: f64, dw1: f64, dbb: f64| {
        loss(
            &data,
            &Linear {
                w: [m.w[0] + dw0, m.w[1] + dw1],
                b: m.b + dbb,
            },
        )
    };
    assert!(((at(h, 0.0, 0.0) - at(-h, 0.0, 0.0)) / (2.0 * h) - dw[0]).abs() < 1e-5);
    assert!(((at(0.0, h, 0.0) - at(0.0, -h, 0.0)) / (2.0 * h) - dw[1]).abs() < 1e-5);
    assert!(((at(0.0, 0.0, h) - at(0.0, 0.0, -h)) / (2.0 * h) - db).abs() < 1e-5);
}

/// Class +1 at (1,1), (3,1), (1,3), (3,3), class −1 mirrored: means ±(2, 2),
/// pooled covariance (8/6) I, so w = (3/4)(4, 4) = (3, 3) and b = 0.
#[test]
fn lda_matches_its_closed_form_on_a_hand_made_set() {
    let pos = [[1.0, 1.0], [3.0, 1.0], [1.0, 3.0], [3.0, 3.0]];
    let mut data = Points::default();
    for p in pos {
        data.x.push(p);
        data.y.push(1.0);
        data.x.push([-p[0], -p[1]]);
        data.y.push(-1.0);
    }
    let m = lda(&data).unwrap();
    assert!(
        (m.w[0] - 3.0).abs() < 1e-12 && (m.w[1] - 3.0).abs() < 1e-12 && m.b.abs() < 1e-12,
        "{m:?}"
    );
    assert!(lda(&Points {
        x: vec![[0.0, 0.0]],
        y: vec![1.0]
    })
    .is_none());
}

#[test]
fn the_inspector_shows_the_engines_own_values_and_passes_the_check() {
    let mlp = Mlp::new(&[2, 4, 3, 1], Activation::Tanh, Activation::Identity, 5);
    let (x, y) = ([0.7_f32, -1.3], [1.0_f32]);
    let t = trace(&mlp, &x, &y, Loss::Mse);
    let mut ws = Workspace::default();
    let out = mlp.forward(&x, &mut ws).to_vec();
    assert_eq!(t.x[3], out);
    assert_eq!(t.loss, (out[0] - 1.0).powi(2));
    let mut d = vec![0.0];
    Loss::Mse.evaluate_with_gradient(Reduction::Sum, &out, &y, 1, &mut d);
    let mut g = mlp.zero_gradients();
    mlp.backward(&d, &mut ws, &mut g);
    assert_eq!(t.grads, g);
    assert_eq!(t.dx[2], d, "∂ℓ/∂x(L) is the loss gradient");
    let inputs = [0.7, -1.3, 0.2, 0.4, -0.9, 1.1];
    let targets = [1.0, -1.0, 1.0];
    let worst = gradient_check(&mlp, &inputs, &targets, Loss::Logistic, Reduction::Mean);
    assert!(worst < 0.02, "largest relative error {worst}");
    let (fwd, bwd) = multiply_adds(&mlp, 10);
    assert_eq!(fwd, 10 * (2 * 4 + 4 * 3 + 3));
    assert!(bwd as f64 / fwd as f64 > 1.5 && bwd <= 2 * fwd);
}
