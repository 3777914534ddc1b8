//! A full-batch gradient computed in parts, so that several workers (one per
//! core) can share one step of gradient descent: each computes the gradient of
//! the loss over its own rows of the training set for the same weights, and
//! the one that holds the run sums the parts and makes the update.
//!
//! ∇ℒ = Σ_n ∇ℓ_n is a sum over the samples, so splitting the rows splits the
//! sum: with each part scaled as the whole set (the mean's 1/N being the
//! whole set's N, see `Loss::evaluate_with_gradient_scaled`) the parts add up
//! to the gradient one pass over all the rows gives, up to the order in which
//! the floating-point sums are made. A single-threaded full-batch step is the
//! same code with one part covering every row.

use super::evaluate::{correct_count, loaded};
use super::{Evaluation, Trainer};
use crate::nn::mlp::{Gradients, Layer, Mlp};
use crate::nn::sparse::SparseRows;
use crate::train::guard::{per_sample, Cause};
use crate::train::settings::Task;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// The gradient of the training loss over some rows of the training set, for
/// the weights it was computed from: one worker's share of a full-batch step.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GradientPart {
    /// The first training row it covers.
    pub start: usize,
    /// One past the last training row it covers.
    pub end: usize,
    /// ∂ℒ/∂w(l) and ∂ℒ/∂b(l) summed over those rows, layer by layer.
    pub layers: Vec<Layer>,
    /// Those rows' share of ℒ (scaled as the whole training set).
    pub loss: f64,
    /// How many of those rows the network puts in their class (0 in regression).
    pub correct: u64,
}

impl GradientPart {
    /// The part as bytes, to send from one worker to another.
    pub fn to_bytes(&self) -> Vec<u8> {
        // Serialising plain structs into memory cannot fail.
        postcard::to_allocvec(self).expect("a GradientPart always serialises")
    }

    /// The part from `to_bytes`; a sentence when the bytes are not one.
    pub fn from_bytes(bytes: &[u8]) -> Result<GradientPart, String> {
        postcard::from_bytes(bytes)
            .map_err(|e| format!("A training worker sent a part of a gradient that does not read: {e}."))
    }
}

impl Trainer {
    /// The gradient of ℒ over the training rows `rows`, for the current
    /// weights (nothing changes but the passes' buffers). The rows of one
    /// part are laid out for the passes once, as the whole set's are.
    pub fn gradient_part(&mut self, rows: Range<usize>) -> Result<GradientPart, String> {
        let n = self.split.train.len();
        if rows.start > rows.end || rows.end > n {
            return Err(format!(
                "Rows {}..{} are not rows of the training set (it has {n}).",
                rows.start, rows.end
            ));
        }
        let k = self.settings.outputs();
        let mut grads = self.mlp.zero_gradients();
        let (mut loss, mut correct) = (0.0, 0);
        if !rows.is_empty() {
            let width = self.settings.input_width();
            let ws = if rows == (0..n) {
                &mut self.train_ws
            } else {
                if self.part_rows != rows {
                    self.part_rows = rows.clone();
                    let whole = self
                        .train_sparse
                        .get_or_insert_with(|| SparseRows::of_dense(&self.train_x, width));
                    // The last part's buffers are reused: the split moves at every step.
                    let last = self.part_ws.take();
                    self.part_ws = whole.as_ref().map(|whole| {
                        let mut ws = last.unwrap_or_default();
                        self.mlp.load_sparse(whole.slice(rows.clone()), &mut ws);
                        ws
                    });
                }
                &mut self.part_ws
            };
            let out = loaded(&self.mlp, ws, &self.train_x[rows.start * width..rows.end * width]);
            let y = &self.train_targets[rows.start * k..rows.end * k];
            let s = &self.settings;
            // Scaled as the whole training set, so that the parts add up to its ℒ.
            let scale = s.reduction.scale(n * k, k);
            self.d_output.resize(out.len(), 0.0);
            loss = s
                .loss_in_use()
                .evaluate_with_gradient_scaled(scale, out, y, k, &mut self.d_output);
            let labels = &self.split.train.labels[rows.clone()];
            correct = correct_count(s.task, self.encoding, out, labels).unwrap_or(0);
            let ws = ws.as_mut().expect("laid out by the forward pass");
            self.mlp.backward(&self.d_output, ws, &mut grads);
        }
        Ok(GradientPart {
            start: rows.start,
            end: rows.end,
            layers: grads.layers,
            loss: f64::from(loss),
            correct: correct as u64,
        })
    }

    /// One full-batch update from its gradient in `parts` (computed for the
    /// current weights, covering every training row once), measured as
    /// `step_measured` measures it: the training figures are the parts'
    /// (the weights the update started from), the test figures those of the
    /// updated weights. `updated` sees the new weights before the test set's
    /// pass: a worker sends them on there, so that the others compute the
    /// next step's parts while this one measures the test set.
    ///
    /// Ok(None) when nothing was updated (as `step_measured`); a sentence,
    /// and nothing changes, when the parts do not fit this run.
    pub fn step_measured_from(
        &mut self,
        parts: &[GradientPart],
        updated: impl FnOnce(&Mlp),
    ) -> Result<Option<Evaluation>, String> {
        self.check_parts(parts)?;
        if !self.can_step_measured() {
            return Ok(None);
        }
        match self.update_from(parts, true) {
            Ok((train_loss, train_accuracy)) => {
                self.iteration += 1;
                updated(&self.mlp);
                let (test_loss, test_accuracy) = self.test_half();
                if !test_loss.is_finite() {
                    self.diverge(self.iteration, Cause::NonFinite("the test loss"));
                    return Ok(None);
                }
                Ok(Some(Evaluation {
                    train_loss,
                    test_loss,
                    train_accuracy,
                    test_accuracy,
                }))
            }
            Err(cause) => {
                self.refuse(cause);
                Ok(None)
            }
        }
    }

    /// Takes another worker's weights (same layers and activations, else a
    /// sentence and nothing changes), keeping the run: a worker that computes
    /// parts of the gradient gets the weights of each step this way.
    pub fn adopt_weights(&mut self, mlp: Mlp) -> Result<(), String> {
        crate::io::weights_json::check_same_shape(&mlp, &self.mlp)?;
        self.mlp = mlp;
        self.forget_evaluation();
        Ok(())
    }

    /// The full-batch update from `parts` (checked by `check_parts`): their
    /// loss is checked by the guard first (past its limit nothing is updated),
    /// then the summed gradient goes to `descend`.
    /// Returns ℒ and, when `measure`d, the training accuracy (NaN otherwise).
    pub(super) fn update_from(&mut self, parts: &[GradientPart], measure: bool) -> Result<(f32, f32), Cause> {
        let n = self.split.train.len();
        let loss = parts.iter().map(|p| p.loss).sum::<f64>() as f32;
        let correct: u64 = parts.iter().map(|p| p.correct).sum();
        let s = &self.settings;
        let accuracy = if measure && !matches!(s.task, Task::Regression) {
            correct as f32 / n.max(1) as f32
        } else {
            f32::NAN
        };
        let per = per_sample(loss, s.reduction, n);
        if let Some(cause) = self.guard.check(per) {
            return Err(cause);
        }
        if measure && loss.is_finite() {
            self.guard.offer(&self.mlp, loss, per, self.iteration);
        }
        sum_into(parts, &mut self.grads);
        self.descend(n)?;
        Ok((loss, accuracy))
    }

    /// Whether `parts` are of this network's shape and cover every training
    /// row exactly once, in order.
    fn check_parts(&self, parts: &[GradientPart]) -> Result<(), String> {
        let n = self.split.train.len();
        let mut next = 0;
        for p in parts {
            let shaped = p.layers.len() == self.mlp.layers.len()
                && p.layers.iter().zip(&self.mlp.layers).all(|(g, l)| {
                    g.inputs == l.inputs
                        && g.outputs == l.outputs
                        && g.w.len() == l.w.len()
                        && g.b.len() == l.b.len()
                });
            if !shaped || p.start != next || p.end < p.start {
                return Err(
                    "The parts of the gradient do not fit this network and its training rows.".into(),
                );
            }
            next = p.end;
        }
        if next != n {
            return Err(format!(
                "The parts of the gradient cover {next} of the {n} training rows."
            ));
        }
        Ok(())
    }
}

/// grads = Σ over the parts of their gradients (same shapes, checked).
fn sum_into(parts: &[GradientPart], grads: &mut Gradients) {
    for (l, g) in grads.layers.iter_mut().enumerate() {
        g.w.fill(0.0);
        g.b.fill(0.0);
        for p in parts {
            let pl = &p.layers[l];
            g.w.iter_mut().zip(&pl.w).for_each(|(a, b)| *a += b);
            g.b.iter_mut().zip(&pl.b).for_each(|(a, b)| *a += b);
        }
    }
}
