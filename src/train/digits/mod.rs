//! The practical's training of an MLP on MNIST digits, on the shared Trainer:
//! by default 784 → 50 → 10, tanh on both layers, ℒ = Σₙ ‖x(2)ₙ − tₙ‖² (the
//! squared error summed over the digits, targets ±ζ), every weight and bias
//! drawn from N(0, ε²), full-batch gradient descent with η = 0.1 / N_train.
//!
//! Every step is measured as the practical measures it: with the whole
//! training set in each update, the training loss and error are those of the
//! update's own forward pass (the weights the step started from) and the test
//! loss and error those of the updated weights, so a step is three passes
//! over the digits (`Trainer::step_measured`). With mini-batches, both sets
//! are measured after the step. The error rates count the digits whose
//! largest output is not their class.
//! What the page draws of a run is a `DigitsState` (see `state`), which a Web
//! Worker that trains can hand to the page that draws. Two workers can share
//! a full-batch step: each computes the gradient over its part of the
//! training digits (`gradient_part`) and the one holding the run sums them
//! (`step_from_parts`).

use crate::data::digits::split::DigitSplit;
use crate::data::digits::CLASSES;
use crate::data::{Dataset, Split};
use crate::nn::mlp::Mlp;
use crate::nn::softmax::argmax;
use crate::train::history::{LossHistory, LossPoint};
use crate::train::optim::Optimizer;
use crate::train::parts::GradientPart;
use crate::train::Trainer;
use std::ops::Range;

mod recipe;
mod state;

pub use recipe::{loss_named, Recipe, EPSILON, LOSSES, MAX_HIDDEN};
pub use state::{outputs_of, DigitsState, StepRecord};

/// The step the handout reports its errors at.
pub const HANDOUT_STEPS: u64 = 1000;
/// Points of the error curves kept in memory (as the Trainer's loss curve).
const HISTORY_CAPACITY: usize = 2000;
/// Training digits from which a full-batch step is worth sharing between two
/// workers (`worth_sharing`). Below, the weights and parts crossing between
/// them and the second core taken from the page cost what the halved passes
/// save: measured in the page on a 2-core machine, one worker did 1000 steps of
/// 1000 + 1000 digits in 3.7 s and two sharing them in 4.1 s; at 2000 training
/// digits the two were even, at 4000 sharing was 1.15× faster, at 8000 1.5×.
pub const SHARED_FROM: usize = 4000;

/// The digits, the Trainer that learns them and the errors of its run.
#[derive(Clone, Debug)]
pub struct DigitsTrainer {
    recipe: Recipe,
    split: DigitSplit,
    trainer: Trainer,
    losses: LossHistory,
    errors: LossHistory,
    last: StepRecord,
    at_handout: Option<StepRecord>,
    predictions: Vec<u8>,
}

impl DigitsTrainer {
    /// A fresh run of `recipe` on `split` (step 0 measured at once).
    pub fn new(recipe: Recipe, split: DigitSplit) -> Result<DigitsTrainer, String> {
        recipe.validate()?;
        if split.train.is_empty() || split.test.is_empty() {
            return Err("The training and test sets need at least one digit each.".into());
        }
        let trainer = Trainer::with_split(recipe.settings(), as_split(&split))?;
        let mut t = DigitsTrainer {
            recipe,
            split,
            trainer,
            losses: LossHistory::new(HISTORY_CAPACITY),
            errors: LossHistory::new(HISTORY_CAPACITY),
            last: StepRecord::default(),
            at_handout: None,
            predictions: Vec::new(),
        };
        t.measure();
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

    /// The shared Trainer doing the work.
    pub fn trainer(&self) -> &Trainer {
        &self.trainer
    }

    /// Steps done.
    pub fn step_count(&self) -> u64 {
        self.trainer.iteration()
    }

    /// The figures of the last finished step (or of the initial weights).
    pub fn last(&self) -> StepRecord {
        self.last
    }

    /// The figures of step 1000 (the handout's), once this run got there.
    pub fn at_handout_step(&self) -> Option<StepRecord> {
        self.at_handout
    }

    /// The class the network gave every test digit after the last step.
    pub fn predictions(&self) -> &[u8] {
        &self.predictions
    }

    /// Why training stopped, if it did: a blow-up (the weights went back to
    /// the run's best, see `train::guard`); lowering η carries on.
    pub fn stopped(&self) -> Option<String> {
        let said = crate::io::report::status(&self.trainer);
        (!said.is_empty()).then_some(said)
    }

    /// Changes η, keeping the weights.
    pub fn set_eta(&mut self, eta: f32) -> Result<(), String> {
        self.trainer.set_eta(eta)?;
        self.recipe.eta = eta;
        Ok(())
    }

    /// Changes the update rule, keeping the weights (a fresh velocity or moments).
    pub fn set_optimizer(&mut self, optimizer: Optimizer) -> Result<(), String> {
        self.trainer.set_optimizer(optimizer)?;
        self.recipe.optimizer = optimizer;
        Ok(())
    }

    /// Changes the digits per update (0: all of them), keeping the weights.
    pub fn set_batch_size(&mut self, batch_size: usize) {
        self.trainer.set_batch_size(batch_size);
        self.recipe.batch_size = batch_size;
    }

    /// Up to `steps` updates, each measured; returns how many were made
    /// (fewer when training stopped on a blow-up).
    pub fn run(&mut self, steps: u32) -> u32 {
        let mut done = 0;
        while done < steps && self.trainer.divergence().is_none() {
            if self.trainer.full_batch() {
                match self.trainer.step_measured() {
                    Some(e) => self.note(StepRecord::of(self.trainer.iteration(), e, true)),
                    // A blow-up: the figures of the weights training went back to.
                    None => {
                        self.measure();
                        break;
                    }
                }
                done += 1;
            } else {
                let made = self.trainer.step(1);
                done += made;
                self.measure();
                if made == 0 {
                    break;
                }
            }
        }
        done
    }

    /// The gradient over the training digits `rows` for the current weights:
    /// this worker's part of a full-batch step that several share (see
    /// `train::parts`).
    pub fn gradient_part(&mut self, rows: Range<usize>) -> Result<GradientPart, String> {
        self.trainer.gradient_part(rows)
    }

    /// One full-batch step from its gradient in `parts` (every training digit
    /// once, for the current weights), measured and kept as `run` keeps a
    /// step; `updated` sees the new weights before the test digits' pass.
    /// Ok(false) when no step was made (stopped on a blow-up, or mini-batches
    /// are in use: those steps are not shared); a sentence, and nothing
    /// changes, when the parts do not fit.
    pub fn step_from_parts(
        &mut self,
        parts: &[GradientPart],
        updated: impl FnOnce(&Mlp),
    ) -> Result<bool, String> {
        if !self.shares_steps() {
            return Ok(false);
        }
        match self.trainer.step_measured_from(parts, updated)? {
            Some(e) => self.note(StepRecord::of(self.trainer.iteration(), e, true)),
            None => {
                self.measure();
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// Whether the next step can be shared (`step_from_parts`): a full-batch
    /// step of a run that has not stopped (mini-batch steps are not shared).
    pub fn shares_steps(&mut self) -> bool {
        self.trainer.can_step_measured()
    }

    /// Whether the next step is worth sharing: it can be (`shares_steps`) and
    /// there are at least `SHARED_FROM` training digits.
    pub fn worth_sharing(&mut self) -> bool {
        self.split.train.len() >= SHARED_FROM && self.shares_steps()
    }

    /// Takes the weights of the worker that holds the run (same network, else
    /// a sentence), to compute the next part of its gradient.
    pub fn adopt_weights(&mut self, mlp: Mlp) -> Result<(), String> {
        self.trainer.adopt_weights(mlp)
    }

    /// Whether the training figures come from each step's own forward pass
    /// (full batch, as the practical) rather than from the weights after it.
    pub fn measured_during_step(&self) -> bool {
        self.trainer.full_batch()
    }

    /// The 10 outputs x(2) for one image of grey levels in [0, 1] (784),
    /// normalised as the training set.
    pub fn outputs_of(&self, image: &[f32]) -> Vec<f32> {
        state::outputs_of(self.trainer.mlp(), &self.split, image)
    }

    /// What the page draws of this run, for a page that does not train itself.
    pub fn state(&mut self) -> DigitsState {
        DigitsState {
            mlp: self.trainer.mlp().clone(),
            losses: self.losses.points().copied().collect(),
            errors: self.errors.points().copied().collect(),
            last: self.last,
            at_handout: self.at_handout,
            predictions: self.predictions.clone(),
            test_outputs: self.trainer.test_outputs().to_vec(),
            stopped: self.stopped(),
        }
    }

    /// The errors and answers of the current weights, after a step or at the start.
    fn measure(&mut self) {
        let e = self.trainer.evaluation();
        self.note(StepRecord::of(self.trainer.iteration(), e, false));
    }

    /// Keeps the figures of a step: the readouts, the curves, the answers.
    fn note(&mut self, r: StepRecord) {
        self.last = r;
        if r.step == HANDOUT_STEPS && self.trainer.divergence().is_none() {
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
        self.predictions.clear();
        let outputs = self.trainer.test_outputs();
        self.predictions
            .extend(outputs.chunks_exact(CLASSES).map(|o| argmax(o) as u8));
    }
}

/// The digits as the Trainer's data: 784 normalised pixels a row, the class
/// 0–9 as the label.
fn as_split(split: &DigitSplit) -> Split {
    let set = |s: &crate::data::digits::split::DigitSet| Dataset {
        dim: crate::data::digits::PIXELS,
        inputs: s.inputs.clone(),
        labels: s.labels.iter().map(|&l| f32::from(l)).collect(),
    };
    Split {
        train: set(&split.train),
        test: set(&split.test),
    }
}
