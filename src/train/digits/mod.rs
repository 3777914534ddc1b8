//! The practical's training of an MLP on MNIST digits, with the same network,
//! loss and optimiser as every other view: 784 → 50 → 10, tanh on both layers,
//! ℒ = Σₙ ‖x(2)ₙ − tₙ‖² (MSE, sum reduction), every weight and bias drawn from
//! N(0, ε²), full-batch gradient descent with η = 0.1 / N_train.
//!
//! One step is done in pieces (`advance`) so that the page can spread it over
//! several animation frames: the training digits go through forward and
//! backward a chunk at a time, the chunks' gradients summed (exactly the
//! full-batch gradient of a sum), then the update, then the forward pass over
//! the test digits. As in the practical, a step's training loss and error are
//! those of the forward pass its gradient came from (the weights before the
//! update); its test error is that of the updated weights.

use crate::data::digits::split::{targets, DigitSplit, ZETA};
use crate::data::digits::{CLASSES, PIXELS};
use crate::nn::mlp::{Gradients, Mlp, Workspace};
use crate::nn::softmax::argmax;
use crate::train::history::{LossHistory, LossPoint};
use crate::train::optim::{Optimizer, OptimizerState};
use crate::train::settings::validate_eta;
use crate::{Loss, Reduction};

mod recipe;

pub use recipe::{Recipe, EPSILON, MAX_HIDDEN};

/// The step the handout reports its errors at.
pub const HANDOUT_STEPS: u64 = 1000;
/// Points of each curve kept in memory.
const HISTORY_CAPACITY: usize = 2000;

/// The figures after one step.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct StepRecord {
    /// Steps done.
    pub step: u64,
    /// ℒ on the training set.
    pub train_loss: f32,
    /// ℒ on the test set.
    pub test_loss: f32,
    /// Share of training digits whose largest output is not their class.
    pub train_error: f32,
    /// Share of test digits whose largest output is not their class.
    pub test_error: f32,
}

/// Where the current step is.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Phase {
    /// Forward and backward over the training digits from this row.
    Train(usize),
    /// Forward over the test digits from this row.
    Test(usize),
}

/// The network, its data and the state of the step under way.
#[derive(Clone, Debug)]
pub struct DigitsTrainer {
    recipe: Recipe,
    split: DigitSplit,
    train_t: Vec<f32>,
    test_t: Vec<f32>,
    mlp: Mlp,
    ws: Workspace,
    chunk: Gradients,
    sum: Gradients,
    optimizer: OptimizerState,
    d_out: Vec<f32>,
    out: Vec<f32>,
    phase: Phase,
    /// The step under way: training loss and errors so far, test loss and errors so far.
    acc: (f64, usize, f64, usize),
    predictions: Vec<u8>,
    building: Vec<u8>,
    test_outputs: Vec<f32>,
    step: u64,
    last: StepRecord,
    at_handout: Option<StepRecord>,
    losses: LossHistory,
    errors: LossHistory,
    stopped: Option<String>,
}

impl DigitsTrainer {
    /// A fresh run of `recipe` on `split` (step 0 measured at once).
    pub fn new(recipe: Recipe, split: DigitSplit) -> Result<DigitsTrainer, String> {
        recipe.validate()?;
        if split.train.is_empty() || split.test.is_empty() {
            return Err("The training and test sets need at least one digit each.".into());
        }
        let mlp = recipe.initial_model();
        let mut t = DigitsTrainer {
            train_t: targets(&split.train.labels, ZETA),
            test_t: targets(&split.test.labels, ZETA),
            chunk: mlp.zero_gradients(),
            sum: mlp.zero_gradients(),
            mlp,
            recipe,
            split,
            ws: Workspace::default(),
            optimizer: OptimizerState::default(),
            d_out: Vec::new(),
            out: Vec::new(),
            phase: Phase::Train(0),
            acc: (0.0, 0, 0.0, 0),
            predictions: Vec::new(),
            building: Vec::new(),
            test_outputs: Vec::new(),
            step: 0,
            last: StepRecord::default(),
            at_handout: None,
            losses: LossHistory::new(HISTORY_CAPACITY),
            errors: LossHistory::new(HISTORY_CAPACITY),
            stopped: None,
        };
        t.measure_start();
        Ok(t)
    }

    /// The recipe in use.
    pub fn recipe(&self) -> &Recipe {
        &self.recipe
    }

    /// The data.
    pub fn split(&self) -> &DigitSplit {
        &self.split
    }

    /// The current network.
    pub fn mlp(&self) -> &Mlp {
        &self.mlp
    }

    /// Steps done.
    pub fn step_count(&self) -> u64 {
        self.step
    }

    /// The figures of step 1000 (the handout's), once this run got there.
    pub fn at_handout_step(&self) -> Option<StepRecord> {
        self.at_handout
    }

    /// The figures of the last finished step (or of the initial weights).
    pub fn last(&self) -> StepRecord {
        self.last
    }

    /// Train and test ℒ against the step.
    pub fn losses(&self) -> &LossHistory {
        &self.losses
    }

    /// Train and test error against the step.
    pub fn errors(&self) -> &LossHistory {
        &self.errors
    }

    /// The class the network gave every test digit after the last step.
    pub fn predictions(&self) -> &[u8] {
        &self.predictions
    }

    /// The 10 outputs x(2) of every test digit after the last step.
    pub fn test_outputs(&self) -> &[f32] {
        &self.test_outputs
    }

    /// Why training stopped, if it did (a step would have made a weight non-finite).
    pub fn stopped(&self) -> Option<&str> {
        self.stopped.as_deref()
    }

    /// Changes η, keeping the weights (the step under way uses it at its update).
    pub fn set_eta(&mut self, eta: f32) -> Result<(), String> {
        validate_eta(eta)?;
        self.recipe.eta = eta;
        self.stopped = None;
        Ok(())
    }

    /// Works through at most `rows` digits of the step under way; returns true
    /// when that finished a step. Nothing happens once training has stopped.
    pub fn advance(&mut self, rows: usize) -> bool {
        if self.stopped.is_some() {
            return false;
        }
        let rows = rows.max(1);
        match self.phase {
            Phase::Train(from) => {
                let to = (from + rows).min(self.split.train.len());
                self.train_chunk(from, to);
                if to < self.split.train.len() {
                    self.phase = Phase::Train(to);
                } else if self.update() {
                    self.phase = Phase::Test(0);
                } else {
                    self.phase = Phase::Train(0);
                    self.acc = (0.0, 0, 0.0, 0);
                }
                false
            }
            Phase::Test(from) => {
                let to = (from + rows).min(self.split.test.len());
                self.test_chunk(from, to);
                if to < self.split.test.len() {
                    self.phase = Phase::Test(to);
                    return false;
                }
                self.step += 1;
                let (train_loss, train_errors, test_loss, test_errors) = self.acc;
                self.finish(train_loss, train_errors, test_loss, test_errors);
                self.phase = Phase::Train(0);
                true
            }
        }
    }

    /// Whole steps, `chunk` digits at a time; returns how many were done.
    pub fn run(&mut self, steps: u32, chunk: usize) -> u32 {
        let mut done = 0;
        while done < steps && self.stopped.is_none() {
            if self.advance(chunk) {
                done += 1;
            }
        }
        done
    }

    /// The 10 outputs x(2) for one image of grey levels in [0, 1] (784),
    /// normalised as the training set.
    pub fn outputs_of(&self, image: &[f32]) -> Vec<f32> {
        let x = self.split.normalise_image(image);
        let mut out = vec![0.0; CLASSES];
        self.mlp.predict_into(&x, &mut Workspace::default(), &mut out);
        out
    }

    /// Forward and backward over training rows [from, to), the gradient added
    /// into the step's sum.
    fn train_chunk(&mut self, from: usize, to: usize) {
        if from == 0 {
            zero(&mut self.sum);
            self.acc = (0.0, 0, 0.0, 0);
        }
        let x = &self.split.train.inputs[from * PIXELS..to * PIXELS];
        let t = &self.train_t[from * CLASSES..to * CLASSES];
        let out = self.mlp.forward(x, &mut self.ws);
        self.d_out.resize(out.len(), 0.0);
        let loss = Loss::Mse.evaluate_with_gradient(Reduction::Sum, out, t, CLASSES, &mut self.d_out);
        self.acc.0 += f64::from(loss);
        self.acc.1 += errors(out, &self.split.train.labels[from..to]);
        self.mlp.backward(&self.d_out, &mut self.ws, &mut self.chunk);
        for (s, c) in self.sum.layers.iter_mut().zip(&self.chunk.layers) {
            s.w.iter_mut().zip(&c.w).for_each(|(a, b)| *a += b);
            s.b.iter_mut().zip(&c.b).for_each(|(a, b)| *a += b);
        }
    }

    /// The update w ← w − η ∇ℒ; false (and training stopped, the weights
    /// unchanged) when it would not be finite.
    fn update(&mut self) -> bool {
        let finite = self.acc.0.is_finite();
        let stepped = finite
            && self
                .optimizer
                .step(
                    Optimizer::GradientDescent,
                    self.recipe.eta,
                    &mut self.mlp,
                    &self.sum,
                )
                .is_ok();
        if !stepped {
            self.stopped = Some(format!(
                "Training stopped at step {}: with η = {} the next weights would not be finite numbers. Lower η to carry on.",
                self.step + 1,
                self.recipe.eta
            ));
        }
        stepped
    }

    /// Forward over test rows [from, to): loss, errors and answers.
    fn test_chunk(&mut self, from: usize, to: usize) {
        if from == 0 {
            self.building.clear();
            self.test_outputs.clear();
        }
        let x = &self.split.test.inputs[from * PIXELS..to * PIXELS];
        self.out.resize((to - from) * CLASSES, 0.0);
        self.mlp.predict_into(x, &mut self.ws, &mut self.out);
        let t = &self.test_t[from * CLASSES..to * CLASSES];
        self.acc.2 += f64::from(Loss::Mse.evaluate(Reduction::Sum, &self.out, t, CLASSES));
        self.acc.3 += errors(&self.out, &self.split.test.labels[from..to]);
        self.building
            .extend(self.out.chunks_exact(CLASSES).map(|r| argmax(r) as u8));
        self.test_outputs.extend_from_slice(&self.out);
        if to == self.split.test.len() {
            std::mem::swap(&mut self.predictions, &mut self.building);
        }
    }

    /// Step 0: the initial weights on both sets.
    fn measure_start(&mut self) {
        let (n, m) = (self.split.train.len(), self.split.test.len());
        self.out.resize(n * CLASSES, 0.0);
        self.mlp
            .predict_into(&self.split.train.inputs, &mut self.ws, &mut self.out);
        let train_loss = Loss::Mse.evaluate(Reduction::Sum, &self.out, &self.train_t, CLASSES);
        let train_errors = errors(&self.out, &self.split.train.labels);
        self.test_chunk(0, m);
        let (test_loss, test_errors) = (self.acc.2, self.acc.3);
        self.finish(f64::from(train_loss), train_errors, test_loss, test_errors);
    }

    fn finish(&mut self, train_loss: f64, train_errors: usize, test_loss: f64, test_errors: usize) {
        let (n, m) = (self.split.train.len() as f32, self.split.test.len() as f32);
        self.last = StepRecord {
            step: self.step,
            train_loss: train_loss as f32,
            test_loss: test_loss as f32,
            train_error: train_errors as f32 / n,
            test_error: test_errors as f32 / m,
        };
        let r = self.last;
        if r.step == HANDOUT_STEPS {
            self.at_handout = Some(r);
        }
        self.losses.record(LossPoint {
            iteration: r.step,
            train: r.train_loss,
            test: r.test_loss,
        });
        self.errors.record(LossPoint {
            iteration: r.step,
            train: r.train_error,
            test: r.test_error,
        });
        self.acc = (0.0, 0, 0.0, 0);
    }
}

/// How many rows of 10 outputs have their largest output off their label.
fn errors(outputs: &[f32], labels: &[u8]) -> usize {
    outputs
        .chunks_exact(CLASSES)
        .zip(labels)
        .filter(|(o, &l)| argmax(o) != usize::from(l))
        .count()
}

fn zero(g: &mut Gradients) {
    for l in &mut g.layers {
        l.w.fill(0.0);
        l.b.fill(0.0);
    }
}
