//! The Trainer's loop: `step` runs updates (forward, loss gradient, backward,
//! optimiser step), records the loss curve once per call, and stops the run on
//! a blow-up, going back to its best weights (see `guard`).

use super::Trainer;
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
                Ok(()) => self.iteration += 1,
                // The weights of this iteration gave the loss: the update was not made.
                Err(cause @ Cause::BlowUp { .. }) | Err(cause @ Cause::NonFinite("the loss")) => {
                    self.diverge(self.iteration, cause)
                }
                Err(cause) => self.diverge(self.iteration + 1, cause),
            }
        }
        if self.iteration != start || self.divergence.is_some() {
            self.record();
        }
        self.iteration.saturating_sub(start) as u32
    }

    /// The run blew up at iteration `at`: stop, and go back to its best weights.
    /// The iteration count keeps the updates made, so the loss curve shows the
    /// rise and the return.
    fn diverge(&mut self, at: u64, cause: Cause) {
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
        self.evaluation = None;
    }

    /// One update: forward, loss gradient, backward, gradient step. The loss of
    /// the batch is checked first: past the guard's limit nothing is updated.
    fn update(&mut self) -> Result<(), Cause> {
        let full = self.fill_batch();
        let (x, y) = if full {
            (&self.train_x, &self.train_targets)
        } else {
            (&self.batch_x, &self.batch_y)
        };
        let out = self.mlp.forward(x, &mut self.ws);
        self.d_output.resize(out.len(), 0.0);
        let s = &self.settings;
        let k = s.outputs();
        let loss = s
            .loss_in_use()
            .evaluate_with_gradient(s.reduction, out, y, k, &mut self.d_output);
        let rows = y.len() / k;
        if let Some(cause) = self.guard.check(per_sample(loss, s.reduction, rows)) {
            return Err(cause);
        }
        self.mlp.backward(&self.d_output, &mut self.ws, &mut self.grads);
        // The objective is ℒ + λ R(w): its gradient adds λ ∂R/∂w (see nn/regularization.rs).
        s.regularization.add_gradient(&self.mlp, &mut self.grads);
        self.optimizer_state
            .step(s.optimizer, s.eta, &mut self.mlp, &self.grads)
            .map_err(|_| Cause::NonFinite("a weight"))?;
        self.samples_seen += rows as u64;
        self.evaluation = None;
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
        self.evaluation = None;
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
