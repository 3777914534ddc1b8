//! The Trainer's loop: `step` runs updates (forward, loss gradient, backward,
//! optimiser step), records the loss curve once per call, and stops the run on
//! a blow-up, going back to its best weights (see `guard`).

use super::{Evaluation, Trainer};
use crate::train::guard::{per_sample, Cause, Divergence};
use crate::train::history::LossPoint;

impl Trainer {
    /// Runs up to `n` updates and records one loss-curve point; returns by how
    /// many updates the model advanced. When the training loss blows up or a
    /// value becomes non-finite, training stops and the model goes back to the
    /// run's best weights, so the page never shows NaN and η can be lowered to
    /// carry on from weights that are still good.
    pub fn step(&mut self, n: u32) -> u32 {
        let start = self.iteration;
        for _ in 0..n {
            if self.divergence.is_some() || self.stopped().is_some() {
                break;
            }
            match self.update() {
                Ok(_) => self.iteration += 1,
                Err(cause) => self.refuse(cause),
            }
        }
        if self.iteration != start || self.divergence.is_some() {
            self.record();
        }
        self.iteration.saturating_sub(start) as u32
    }

    /// One full-batch update measured as the lecture's practical measures it,
    /// without a pass of its own over the training set: the training loss and
    /// accuracy are those of the update's forward pass (the weights it started
    /// from), the test loss and accuracy those of the updated weights. So a
    /// step costs three passes over the data (forward and backward over the
    /// training set, forward over the test set) instead of four. Nothing goes
    /// on the loss curve: the caller keeps these figures (an `Evaluation`
    /// whose training half is of the weights before the update, its test half
    /// of those after it).
    ///
    /// None when nothing was updated: training is stopped, the run blew up
    /// (see `divergence`: the model went back to the run's best weights), or
    /// the updates use mini-batches (`full_batch`), whose forward pass sees
    /// only a part of the training set.
    pub fn step_measured(&mut self) -> Option<Evaluation> {
        if !self.can_step_measured() {
            return None;
        }
        let whole = self
            .gradient_part(0..self.split.train.len())
            .expect("every training row");
        self.step_measured_from(&[whole], |_| {})
            .expect("one part of every row fits")
    }

    /// Whether the next update can be a measured full-batch step
    /// (`step_measured`, `step_measured_from`): training is neither stopped
    /// nor blown up, and every update sees the whole training set.
    pub fn can_step_measured(&mut self) -> bool {
        self.divergence.is_none() && self.stopped().is_none() && self.full_batch()
    }

    /// Whether every update sees the whole training set.
    pub fn full_batch(&self) -> bool {
        let k = self.settings.batch_size;
        k == 0 || k >= self.split.train.len()
    }

    /// An update failed with `cause`: training stops at the iteration whose
    /// weights gave it.
    pub(super) fn refuse(&mut self, cause: Cause) {
        match cause {
            // The weights of this iteration gave the loss: the update was not made.
            Cause::BlowUp { .. } | Cause::NonFinite("the loss") => self.diverge(self.iteration, cause),
            _ => self.diverge(self.iteration + 1, cause),
        }
    }

    /// The run blew up at iteration `at`: stop, and go back to its best weights.
    /// The iteration count keeps the updates made, so the loss curve shows the
    /// rise and the return.
    pub(super) fn diverge(&mut self, at: u64, cause: Cause) {
        let (best, kept_loss, kept_iteration) = self.guard.best();
        self.divergence = Some(Divergence {
            iteration: at,
            cause,
            kept_iteration,
            kept_loss,
        });
        self.mlp.clone_from(best);
        // The velocity or moments belong to the run that blew up: start afresh.
        self.optimizer_state.reset();
        self.forget_evaluation();
    }

    /// One update: forward, loss gradient, backward, gradient step. On a
    /// mini-batch the loss of the batch is checked first: past the guard's
    /// limit nothing is updated. A full-batch update is one part of the
    /// gradient covering every row (see `parts`); `step_measured` makes its
    /// own. Returns the batch's loss.
    fn update(&mut self) -> Result<f32, Cause> {
        if self.fill_batch() {
            let whole = self
                .gradient_part(0..self.split.train.len())
                .expect("every training row");
            return self.update_from(&[whole], false).map(|(loss, _)| loss);
        }
        let s = &self.settings;
        let k = s.outputs();
        let (out, y) = (self.mlp.forward(&self.batch_x, &mut self.ws), &self.batch_y);
        self.d_output.resize(out.len(), 0.0);
        let loss = s
            .loss_in_use()
            .evaluate_with_gradient(s.reduction, out, y, k, &mut self.d_output);
        let rows = y.len() / k;
        if let Some(cause) = self.guard.check(per_sample(loss, s.reduction, rows)) {
            return Err(cause);
        }
        self.mlp.backward(&self.d_output, &mut self.ws, &mut self.grads);
        self.descend(rows)?;
        Ok(loss)
    }

    /// The step from the gradient of ℒ in `grads` (over `rows` samples): the
    /// objective is ℒ + λ R(w), so its gradient adds λ ∂R/∂w (see
    /// nn/regularization.rs), then the optimiser updates the weights (or
    /// refuses, changing nothing, when one would not be finite).
    pub(super) fn descend(&mut self, rows: usize) -> Result<(), Cause> {
        let s = &self.settings;
        s.regularization.add_gradient(&self.mlp, &mut self.grads);
        self.optimizer_state
            .step(s.optimizer, s.eta, &mut self.mlp, &self.grads)
            .map_err(|_| Cause::NonFinite("a weight"))?;
        self.samples_seen += rows as u64;
        self.forget_evaluation();
        Ok(())
    }

    /// Gathers the next mini-batch into `batch_x`/`batch_y`; returns true for
    /// a full-batch step instead.
    fn fill_batch(&mut self) -> bool {
        let Some(batch) = self.batches.next(self.settings.batch_size) else {
            return true;
        };
        self.batch_x.clear();
        self.batch_y.clear();
        let (width, k) = (self.settings.input_width(), self.settings.outputs());
        for &i in batch {
            self.batch_x
                .extend_from_slice(&self.train_x[i * width..(i + 1) * width]);
            self.batch_y
                .extend_from_slice(&self.train_targets[i * k..(i + 1) * k]);
        }
        false
    }

    /// Records the current losses on the loss curve and shows them to the
    /// guard: the first measurement of a run is its start, a lower training
    /// loss its new best; a blow-up or a non-finite loss stops training.
    pub(super) fn record(&mut self) {
        self.forget_evaluation();
        let mut e = self.evaluation();
        if self.divergence.is_none() {
            let s = &self.settings;
            let per = per_sample(e.train_loss, s.reduction, self.split.train.len());
            let test = (!e.test_loss.is_finite()).then_some(Cause::NonFinite("the test loss"));
            if test.is_none() {
                self.guard.offer(&self.mlp, e.train_loss, per, self.iteration);
            }
            if let Some(cause) = self.guard.check(per).or(test) {
                self.diverge(self.iteration, cause);
                e = self.evaluation();
            }
        }
        self.history.record(LossPoint {
            iteration: self.iteration,
            train: e.train_loss,
            test: e.test_loss,
        });
    }
}
