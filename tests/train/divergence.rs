//! The divergence guard on the README's divergence recipe: circle, identity
//! output, sum reduction, η = 100. The blow-up is caught while the loss is
//! still a useful number, the run's best weights are kept, and a smaller η
//! continues from them to a loss below the one the run had before diverging.

use mlp_playground::train::guard::{Cause, BLOW_UP_FACTOR};
use mlp_playground::{Activation, Reduction, Settings, Trainer};

/// The page's defaults (circle, [8, 8] tanh, MSE, full batch) with the recipe's changes.
fn divergence_recipe() -> Trainer {
    let mut t = Trainer::new(Settings::default()).unwrap();
    t.set_architecture(vec![8, 8], Activation::Tanh, Activation::Identity)
        .unwrap();
    t.set_loss(t.settings().loss, Reduction::Sum).unwrap();
    t.set_eta(100.0).unwrap();
    t
}

/// Plays at 10 steps per frame until training stops, at most `frames` frames.
fn play(t: &mut Trainer, frames: usize) {
    for _ in 0..frames {
        if t.step(10) < 10 {
            break;
        }
    }
}

#[test]
fn eta_100_with_an_identity_output_and_a_sum_diverges_and_keeps_the_best_weights() {
    let mut t = divergence_recipe();
    let start = t.evaluation().train_loss;
    play(&mut t, 100);
    let d = t.divergence().expect("η = 100 with a sum must diverge").clone();
    let train_points = t.split().train.len() as f32;
    // Caught as a blow-up, at a loss that is still a number, not at NaN.
    match d.cause {
        Cause::BlowUp { loss, limit } => {
            assert!(loss.is_finite() && loss > limit, "{d:?}");
            assert_eq!(limit, BLOW_UP_FACTOR * (start / train_points).max(1.0));
        }
        Cause::NonFinite(what) => panic!("{what} became non-finite before the guard saw a blow-up"),
    }
    // The weights kept are the run's best, and the model is them.
    let lowest = t
        .history()
        .points()
        .map(|p| p.train)
        .fold(f32::INFINITY, f32::min);
    let now = t.evaluation().train_loss;
    assert_eq!(now, d.kept_loss, "the model is the kept state");
    assert!(
        now <= lowest && now <= start,
        "kept {now}, lowest recorded {lowest}, start {start}"
    );
    assert!(d.kept_iteration <= d.iteration);
    assert_eq!(t.step(10), 0, "a diverged run does not train on");
    assert!(t
        .history()
        .points()
        .all(|p| p.train.is_finite() && p.test.is_finite()));
}

#[test]
fn after_the_divergence_a_smaller_eta_ends_below_the_loss_it_had_before() {
    let mut t = divergence_recipe();
    play(&mut t, 100);
    let before = t.divergence().expect("diverged").kept_loss;
    // A sum multiplies the gradient by the N = 100 training points: η = 0.003
    // steps like η = 0.3 on the mean.
    t.set_eta(0.003).unwrap();
    assert!(t.divergence().is_none(), "lowering η clears the stop");
    let kept = t.iteration();
    play(&mut t, 200);
    let after = t.evaluation().train_loss;
    assert!(t.divergence().is_none(), "{:?}", t.divergence());
    assert_eq!(t.iteration(), kept + 2000);
    assert!(after < before, "lowering η must recover: {before} → {after}");
}

#[test]
fn the_status_says_where_it_stopped_what_was_kept_and_what_to_do() {
    let mut t = divergence_recipe();
    play(&mut t, 100);
    let d = t.divergence().expect("diverged").clone();
    let text = mlp_playground::io::report::status(&t);
    for part in [
        format!("diverged at iteration {}", d.iteration),
        format!("weights of iteration {}", d.kept_iteration),
        "over the limit 100".to_string(),
        "lower η".to_string(),
        "η = 100".to_string(),
    ] {
        assert!(text.contains(&part), "{part:?} missing from: {text}");
    }
    // No number is printed with dozens of digits.
    assert!(!text.contains("00000"), "{text}");
    t.set_eta(0.003).unwrap();
    assert_eq!(mlp_playground::io::report::status(&t), "");
}

#[test]
fn a_weight_edited_by_hand_is_the_new_start_not_a_divergence() {
    use mlp_playground::train::edit::Param;
    let mut t = Trainer::new(Settings::default()).unwrap();
    t.set_architecture(vec![8, 8], Activation::Tanh, Activation::Identity)
        .unwrap();
    t.step(10);
    // An output bias of 50 puts ℒ near 2500, far past 100 × the starting loss.
    t.set_parameter(Param::Bias { layer: 3, unit: 0 }, 50.0).unwrap();
    let edited = t.evaluation().train_loss;
    assert!(edited > 1000.0, "{edited}");
    assert_eq!(t.step(10), 10, "training goes on from the edit");
    assert!(t.divergence().is_none(), "{:?}", t.divergence());
    assert!(t.evaluation().train_loss < edited);
}

#[test]
fn a_mini_batch_run_that_blows_up_is_stopped_too() {
    let mut t = divergence_recipe();
    t.set_batch_size(10);
    play(&mut t, 100);
    let d = t
        .divergence()
        .expect("mini-batches at η = 100 with a sum diverge too")
        .clone();
    assert_eq!(t.evaluation().train_loss, d.kept_loss);
    assert!(t.mlp().all_finite());
}
