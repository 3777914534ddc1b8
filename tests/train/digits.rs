//! The practical's recipe on real MNIST digits: the same network, loss and
//! gradient descent as the other views learn to read them.

use crate::mnist::package_digits;
use mlp_playground::data::digits::split::DigitSplit;
use mlp_playground::train::digits::{loss_named, DigitsState, DigitsTrainer, Recipe, EPSILON};
use mlp_playground::train::optim::Optimizer;
use mlp_playground::train::settings::{Init, Task, CLASS_TARGET};
use mlp_playground::{Activation, Loss, Reduction};

/// The recipe on `train` training digits drawn from the first 60 of each class.
fn trainer(train: usize, test: usize) -> DigitsTrainer {
    with_recipe(Recipe::practical(train), train, test)
}

/// `recipe` on `train` training digits drawn from the first 60 of each class.
fn with_recipe(recipe: Recipe, train: usize, test: usize) -> DigitsTrainer {
    let split = DigitSplit::draw(&package_digits(60), train, test, 1).unwrap();
    DigitsTrainer::new(recipe, split).unwrap()
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
    assert_eq!(t.run(STEPS), STEPS);
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
fn the_digits_train_on_the_shared_trainer_with_the_practicals_settings() {
    let mut t = trainer(100, 50);
    let s = t.trainer().settings();
    assert_eq!(s.task, Task::ClassOutputs(10));
    assert_eq!(
        (s.loss, s.reduction),
        (Loss::Mse, Reduction::Sum),
        "ℒ = Σₙ ‖x(2)ₙ − tₙ‖²"
    );
    assert_eq!(s.init, Init::Normal { std: EPSILON });
    assert_eq!(s.optimizer, Optimizer::GradientDescent);
    assert_eq!(s.batch_size, 0, "full batch");
    // The targets: +ζ for the digit's class, −ζ for the nine others.
    let labels = &t.split().train.labels;
    let targets = t.trainer().train_targets();
    for (row, &l) in targets.chunks_exact(10).zip(labels).take(20) {
        for (j, &v) in row.iter().enumerate() {
            let want = if j == usize::from(l) {
                CLASS_TARGET
            } else {
                -CLASS_TARGET
            };
            assert_eq!(v, want, "digit {l}, output {j}");
        }
    }
    assert_eq!(CLASS_TARGET, 0.9);
    // The network is the recipe's, drawn from N(0, ε²) by the same seed.
    assert_eq!(t.trainer().mlp(), &t.recipe().initial_model());
    // One step is one update of the Trainer, measured on both sets.
    assert_eq!(t.run(3), 3);
    assert_eq!(t.step_count(), 3);
    assert_eq!(t.state().losses.len(), 4, "steps 0 to 3");
    assert_eq!(t.at_handout_step(), None, "step 1000 is not reached yet");
    // As in the practical, a full-batch step's training figures are those of
    // its own forward pass (the weights it started from), its test figures
    // those of the updated weights.
    let mut before = t.trainer().clone();
    let start = before.evaluation();
    assert_eq!(t.run(1), 1);
    let mut after = t.trainer().clone();
    let (r, end) = (t.last(), after.evaluation());
    assert!(r.during_step && t.measured_during_step());
    assert_eq!(r.train_loss, start.train_loss);
    assert_eq!(r.train_error, 1.0 - start.train_accuracy);
    assert_eq!(r.test_loss, end.test_loss);
    assert_eq!(r.test_error, 1.0 - end.test_accuracy);
    // With mini-batches both sets are measured after the step.
    t.set_batch_size(10);
    assert_eq!(t.run(1), 1);
    let mut after = t.trainer().clone();
    let (r, end) = (t.last(), after.evaluation());
    assert!(!r.during_step && !t.measured_during_step());
    assert_eq!((r.train_loss, r.test_loss), (end.train_loss, end.test_loss));
}

#[test]
fn a_workers_state_carries_the_run_to_the_page_unchanged() {
    let mut t = trainer(60, 30);
    t.run(2);
    let state = t.state();
    let back = DigitsState::from_bytes(&state.to_bytes()).unwrap();
    assert_eq!(back, state);
    assert_eq!(back.last.step, 2);
    assert_eq!(back.predictions, t.predictions());
    assert_eq!(back.errors.len(), 3);
    assert!(back.fits(t.split(), &t.recipe().sizes()));
    assert!(
        !back.fits(t.split(), &[784, 20, 10]),
        "a state of another network does not fit"
    );
    let bad = DigitsState::from_bytes(&[1, 2, 3]).unwrap_err();
    assert!(bad.contains("does not read"), "{bad}");
}

#[test]
fn softmax_cross_entropy_adam_mini_batches_and_two_layers_learn_too() {
    let recipe = Recipe {
        hidden: vec![32, 16],
        loss: Loss::SoftmaxCrossEntropy,
        optimizer: Optimizer::Adam,
        batch_size: 50,
        eta: 1e-3,
        epsilon: 0.05,
        ..Recipe::practical(150)
    };
    let mut t = with_recipe(recipe, 150, 100);
    assert_eq!(t.trainer().mlp().sizes(), vec![784, 32, 16, 10]);
    assert_eq!(
        t.trainer().mlp().output,
        Activation::Identity,
        "the scores go to the softmax"
    );
    let start = t.last();
    assert_eq!(t.run(60), 60);
    let end = t.last();
    assert!(
        end.train_error < 0.2 && end.train_loss < start.train_loss,
        "{start:?} → {end:?}"
    );
    assert!(end.test_error < 0.6, "{end:?}");
    // η, the optimiser and the batch change without a restart.
    t.set_eta(2e-3).unwrap();
    t.set_optimizer(Optimizer::GradientDescent).unwrap();
    t.set_batch_size(0);
    assert_eq!(t.step_count(), 60);
    assert_eq!(t.run(1), 1);
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
    r.epsilon = EPSILON;
    r.loss = Loss::Logistic;
    assert!(
        r.validate().unwrap_err().contains("softmax"),
        "one logistic score cannot read 10 classes"
    );
}

#[test]
fn the_two_losses_of_the_digits_are_read_by_name() {
    assert_eq!(loss_named("mse"), Ok(Loss::Mse));
    assert_eq!(loss_named("softmax-cross-entropy"), Ok(Loss::SoftmaxCrossEntropy));
    assert_eq!(
        loss_named("logistic"),
        Err("Unknown loss \"logistic\": choose mse or softmax-cross-entropy.".to_string())
    );
}

#[test]
fn a_step_skips_the_background_pixels_and_counts_what_it_does() {
    let t = trainer(100, 50);
    let trainer = t.trainer();
    // The practical's dense count: per training digit forward (784·50 + 50·10)
    // and backward (784·50 + 2·50·10), per test digit forward.
    let dense = trainer.multiply_adds_per_full_step(true);
    assert_eq!(dense, 100 * (39_700 + 40_200) + 50 * 39_700);
    // The digits are mostly background, so the sparse first layer does well
    // under half the dense work, and the rest of the network all of it.
    let done = trainer.multiply_adds_per_full_step(false);
    let rest = 100 * (500 + 1_000) + 50 * 500;
    assert!(
        done > rest && done - rest < (dense - rest) / 2,
        "{done} of {dense}"
    );
}

#[test]
fn steps_are_worth_sharing_only_from_a_large_training_set() {
    use mlp_playground::train::digits::SHARED_FROM;
    // Full-batch steps can be shared at any size; below SHARED_FROM they are not worth it.
    let mut small = trainer(100, 50);
    assert!(small.shares_steps());
    assert!(!small.worth_sharing());
    let digits = package_digits(SHARED_FROM / 10 + 10);
    let split = DigitSplit::draw(&digits, SHARED_FROM, 20, 1).unwrap();
    let mut large = DigitsTrainer::new(Recipe::practical(SHARED_FROM), split).unwrap();
    assert!(large.worth_sharing());
    // Mini-batch steps never are.
    let mut recipe = Recipe::practical(SHARED_FROM);
    recipe.batch_size = 100;
    let split = DigitSplit::draw(&digits, SHARED_FROM, 20, 1).unwrap();
    let mut batched = DigitsTrainer::new(recipe, split).unwrap();
    assert!(!batched.shares_steps() && !batched.worth_sharing());
}
