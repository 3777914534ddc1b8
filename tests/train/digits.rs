//! The practical's recipe on real MNIST digits: the same network, loss and
//! gradient descent as the other views learn to read them.

use crate::mnist::package_digits;
use mlp_playground::data::digits::split::DigitSplit;
use mlp_playground::train::digits::{DigitsTrainer, Recipe, EPSILON};
use mlp_playground::Activation;

/// The recipe on `train` training digits drawn from the first 60 of each class.
fn trainer(train: usize, test: usize) -> DigitsTrainer {
    let split = DigitSplit::draw(&package_digits(60), train, test, 1).unwrap();
    DigitsTrainer::new(Recipe::practical(train), split).unwrap()
}

#[test]
fn the_practical_recipe_is_its_handout() {
    let r = Recipe::practical(1000);
    assert_eq!(r.hidden, vec![50]);
    assert_eq!(r.activation, Activation::Tanh);
    assert!((r.eta - 1e-4).abs() < 1e-10, "η = 0.1 / N: {}", r.eta);
    assert_eq!(r.sizes(), vec![784, 50, 10]);
    let m = r.initial_model();
    assert_eq!(m.param_count(), 784 * 50 + 50 + 50 * 10 + 10);
    let all: Vec<f32> = m
        .layers
        .iter()
        .flat_map(|l| l.w.iter().chain(&l.b))
        .copied()
        .collect();
    let std = (all.iter().map(|v| v * v).sum::<f32>() / all.len() as f32).sqrt();
    assert!(
        (std / EPSILON - 1.0).abs() < 0.05,
        "std of the initial parameters {std}"
    );
    assert!(all.iter().all(|v| *v != 0.0), "biases too are drawn, not zero");
}

#[test]
fn the_recipe_learns_real_digits_well_below_chance() {
    let mut t = trainer(150, 100);
    let start = t.last();
    assert_eq!(start.step, 0);
    assert!(
        start.train_error > 0.7,
        "the initial weights are near chance: {start:?}"
    );
    assert_eq!(t.run(STEPS, 64), STEPS);
    let end = t.last();
    assert_eq!(end.step, u64::from(STEPS));
    assert!(end.train_error < 0.2, "after {STEPS} steps: {end:?}");
    assert!(end.test_error < 0.5, "after {STEPS} steps: {end:?}");
    assert!(end.train_loss < start.train_loss);
    assert_eq!(t.predictions().len(), 100);
    assert!(t.stopped().is_none());
}

/// Steps of the learning test.
const STEPS: u32 = 100;

#[test]
fn a_step_in_chunks_is_the_full_batch_step() {
    let mut a = trainer(100, 50);
    let mut b = a.clone();
    a.run(3, 100);
    b.run(3, 7);
    for (la, lb) in a.mlp().layers.iter().zip(&b.mlp().layers) {
        for (x, y) in la.w.iter().zip(&lb.w) {
            assert!((x - y).abs() <= 1e-6 * x.abs().max(1e-3), "{x} vs {y}");
        }
    }
    assert_eq!(a.step_count(), 3);
    assert_eq!(a.at_handout_step(), None, "step 1000 is not reached yet");
}

#[test]
fn bad_settings_are_refused_with_a_sentence() {
    let mut t = trainer(50, 20);
    assert!(t.set_eta(0.0).unwrap_err().contains("η"), "η = 0 is refused");
    assert_eq!(t.recipe().eta, 0.1 / 50.0, "a refused η changes nothing");
    let mut r = Recipe::practical(50);
    r.hidden = vec![0];
    assert!(r.validate().is_err(), "a hidden width of 0 is refused");
    r.hidden = vec![50];
    r.epsilon = 0.0;
    assert!(r.validate().unwrap_err().contains("ε"));
}
