//! The update rules worked out by hand on a tiny network, their state kept
//! and reset, non-finite steps refused; and the Trainer's stop conditions.
//!
//! The tiny network: one input, one identity output, f = w x + b with w = 1,
//! b = 0, one sample x = 2, y = 0, ℓ = (f − y)² summed. Then dℓ/df = 2f,
//! dℓ/dw = 2f·x = 4f and dℓ/db = 2f. At the start f = 2: ∇ℒ = (8, 4).

use mlp_playground::train::optim::{GradientDescent, NonFinite, Optimizer, OptimizerState};
use mlp_playground::train::stop::StopCondition;
use mlp_playground::{Activation, DataSpec, DatasetKind, Loss, Mlp, Reduction, Settings, Trainer, Workspace};

fn tiny() -> Mlp {
    let mut mlp = Mlp::zeros(&[1, 1], Activation::Tanh, Activation::Identity);
    mlp.layers[0].w = vec![1.0];
    mlp
}

fn gradients(mlp: &Mlp) -> mlp_playground::Gradients {
    let mut ws = Workspace::default();
    let out = mlp.forward(&[2.0], &mut ws).to_vec();
    let mut d = vec![0.0];
    Loss::Mse.evaluate_with_gradient(Reduction::Sum, &out, &[0.0], 1, &mut d);
    let mut g = mlp.zero_gradients();
    mlp.backward(&d, &mut ws, &mut g);
    g
}

/// (w, b) after each of two steps of `opt` with η = 0.05.
fn two_steps(opt: Optimizer) -> [(f32, f32); 2] {
    let (mut mlp, mut state) = (tiny(), OptimizerState::default());
    [(); 2].map(|_| {
        let g = gradients(&mlp);
        state.step(opt, 0.05, &mut mlp, &g).unwrap();
        (mlp.layers[0].w[0], mlp.layers[0].b[0])
    })
}

fn assert_close(got: [(f32, f32); 2], want: [(f32, f32); 2]) {
    for (g, w) in got.iter().zip(&want) {
        assert!(
            (g.0 - w.0).abs() < 1e-5 && (g.1 - w.1).abs() < 1e-5,
            "{got:?} vs {want:?}"
        );
    }
}

/// Step 1: (w, b) = (1, 0) − 0.05 (8, 4) = (0.6, −0.2). Then f = 1.2 − 0.2 = 1,
/// ∇ℒ = (4, 2); step 2: (0.6, −0.2) − 0.05 (4, 2) = (0.4, −0.3).
#[test]
fn gradient_descent_by_hand() {
    assert_close(two_steps(Optimizer::GradientDescent), [(0.6, -0.2), (0.4, -0.3)]);
}

/// β = 0.9. Step 1: v = (8, 4), as GD: (0.6, −0.2). Step 2: ∇ℒ = (4, 2),
/// v = 0.9 (8, 4) + (4, 2) = (11.2, 5.6), (w, b) = (0.6 − 0.56, −0.2 − 0.28)
/// = (0.04, −0.48): the second step is 2.8 times GD's.
#[test]
fn momentum_by_hand() {
    let opt = Optimizer::Momentum { beta: 0.9 };
    assert_close(two_steps(opt), [(0.6, -0.2), (0.04, -0.48)]);
}

/// Step 1: m = 0.1 g, v = 0.001 g², so m̂ = g, v̂ = g² and every parameter
/// moves by η g/|g| = η: (0.95, −0.05). Then f = 1.85, ∇ℒ = (7.4, 3.7).
/// Step 2 for w: m = 0.9·0.8 + 0.1·7.4 = 1.46, v = 0.999·0.064 + 0.001·54.76
/// = 0.118696; m̂ = 1.46/0.19 = 7.68421, v̂ = 0.118696/0.001999 = 59.3777,
/// √v̂ = 7.70569, step 0.05·7.68421/7.70569 = 0.049861: w = 0.900139.
/// For b every number is half (∇ℒ_b = ∇ℒ_w / 2), the ratio the same:
/// b = −0.05 − 0.049861 = −0.099861.
#[test]
fn adam_by_hand() {
    assert_close(two_steps(Optimizer::Adam), [(0.95, -0.05), (0.900139, -0.099861)]);
}

#[test]
fn gradient_descent_is_unchanged_and_keeps_no_state() {
    let g = gradients(&tiny());
    let (mut a, mut b) = (tiny(), tiny());
    GradientDescent { eta: 0.05 }.step(&mut a, &g).unwrap();
    let mut state = OptimizerState::default();
    state.step(Optimizer::GradientDescent, 0.05, &mut b, &g).unwrap();
    assert_eq!(a, b);
    assert_eq!(state, OptimizerState::default());
}

#[test]
fn a_non_finite_step_changes_neither_model_nor_state() {
    for opt in [Optimizer::Momentum { beta: 0.9 }, Optimizer::Adam] {
        let (mut mlp, mut state) = (tiny(), OptimizerState::default());
        let g = gradients(&mlp);
        state.step(opt, 0.05, &mut mlp, &g).unwrap();
        let (model_before, state_before) = (mlp.clone(), state.clone());
        let mut g = gradients(&mlp);
        g.layers[0].b = vec![f32::INFINITY];
        assert_eq!(state.step(opt, 0.05, &mut mlp, &g), Err(NonFinite), "{opt:?}");
        assert_eq!((mlp, state), (model_before, state_before), "{opt:?}");
    }
}

fn settings() -> Settings {
    Settings {
        data: DataSpec {
            kind: DatasetKind::Circle,
            points: 100,
            noise: 0.1,
            train_fraction: 0.5,
            seed: 4,
        },
        hidden: vec![4],
        ..Settings::default()
    }
}

#[test]
fn changing_the_optimiser_keeps_the_weights_and_resets_its_state() {
    let mut t = Trainer::new(settings()).unwrap();
    t.set_optimizer(Optimizer::Momentum { beta: 0.9 }).unwrap();
    t.step(5);
    assert_eq!(t.optimizer_steps(), 5);
    let weights = t.mlp().clone();
    t.set_optimizer(Optimizer::Adam).unwrap();
    assert_eq!((t.mlp(), t.iteration(), t.optimizer_steps()), (&weights, 5, 0));
    t.step(2);
    t.restart();
    assert_eq!(t.optimizer_steps(), 0);
    let bad = t.set_optimizer(Optimizer::Momentum { beta: 1.0 });
    assert!(bad.unwrap_err().contains("β"));
    assert_eq!(t.settings().optimizer, Optimizer::Adam);
}

#[test]
fn adam_and_momentum_train_differently_from_gd_from_the_same_seed() {
    let losses: Vec<f32> = [
        Optimizer::GradientDescent,
        Optimizer::Momentum { beta: 0.9 },
        Optimizer::Adam,
    ]
    .into_iter()
    .map(|opt| {
        let mut t = Trainer::new(Settings {
            optimizer: opt,
            ..settings()
        })
        .unwrap();
        t.step(50);
        t.evaluation().train_loss
    })
    .collect();
    // Both accelerate GD on this problem (η = 0.03, mean MSE).
    assert!(losses[1] < losses[0] && losses[2] < losses[0], "{losses:?}");
}

#[test]
fn a_stop_at_n_epochs_stops_exactly_there_and_says_why() {
    let mut t = Trainer::new(Settings {
        batch_size: 15,
        ..settings()
    })
    .unwrap();
    t.set_stop(StopCondition::Epochs(3)).unwrap();
    // 50 training points in batches of 15, 15, 15, 5 (the last batch of an
    // epoch is shorter): epoch 3 ends with the 12th update; nothing after it.
    assert_eq!(t.step(100), 12);
    assert_eq!(t.epoch(), 3.0);
    assert_eq!(t.step(5), 0);
    let status = mlp_playground::io::report::stop_status(&mut t);
    assert!(
        status.contains("3 epochs") && status.contains("Stopped at iteration 12"),
        "{status}"
    );
    assert!(
        mlp_playground::io::report::status(&t).is_empty(),
        "a stop is no divergence"
    );
    // Raising the count lets training continue from where it stopped.
    t.set_stop(StopCondition::Epochs(4)).unwrap();
    assert_eq!(t.step(100), 4);
    assert_eq!(t.epoch(), 4.0);
    assert!(t.set_stop(StopCondition::TargetLoss(-1.0)).is_err());
}

#[test]
fn a_target_loss_stops_at_the_first_model_that_reaches_it() {
    let mut free = Trainer::new(settings()).unwrap();
    let start = free.evaluation().train_loss;
    free.step(200);
    let target = 0.5 * (start + free.evaluation().train_loss);
    let mut t = Trainer::new(settings()).unwrap();
    t.set_stop(StopCondition::TargetLoss(target)).unwrap();
    let done = t.step(1000);
    assert!(done > 0 && done < 200, "{done}");
    assert!(t.evaluation().train_loss <= target);
    // One update fewer was still above the target.
    let mut before = Trainer::new(settings()).unwrap();
    before.step(done - 1);
    assert!(before.evaluation().train_loss > target);
    assert!(mlp_playground::io::report::stop_status(&mut t).contains("reached the target"));
    t.set_stop(StopCondition::None).unwrap();
    assert_eq!(t.step(3), 3);
}
