//! The Trainer's measurements: the losses and accuracies of the current model
//! on the whole training and test sets, computed once per change of the model.

use super::{Evaluation, Trainer};
use crate::nn::softmax::argmax;
use crate::train::settings::Task;

impl Trainer {
    /// Losses and accuracies of the current model (computed once per change).
    pub fn evaluation(&mut self) -> Evaluation {
        if let Some(e) = self.evaluation {
            return e;
        }
        let (train_loss, train_accuracy) = self.evaluate(true);
        let (test_loss, test_accuracy) = self.evaluate(false);
        let e = Evaluation {
            train_loss,
            test_loss,
            train_accuracy,
            test_accuracy,
        };
        self.evaluation = Some(e);
        e
    }

    /// The current model's outputs on the test set, row by row (`outputs()`
    /// a row), from the evaluation (computed if the model changed since).
    pub fn test_outputs(&mut self) -> &[f32] {
        self.evaluation();
        &self.test_out
    }

    /// Whether the current model's train and test losses are both finite
    /// (evaluated afresh: the model may have been changed by hand).
    pub(super) fn losses_finite(&mut self) -> bool {
        self.evaluation = None;
        let e = self.evaluation();
        e.train_loss.is_finite() && e.test_loss.is_finite()
    }

    fn evaluate(&mut self, train: bool) -> (f32, f32) {
        let (data, rows, targets) = if train {
            (&self.split.train, &self.train_x, &self.train_targets)
        } else {
            (&self.split.test, &self.test_x, &self.test_targets)
        };
        // Inference only: the blocked kernel, into a kept buffer.
        let s = &self.settings;
        let k = s.outputs();
        // The test set's outputs are kept apart, for `test_outputs`.
        let out = if train {
            &mut self.eval_out
        } else {
            &mut self.test_out
        };
        out.resize(data.len() * k, 0.0);
        self.mlp.predict_into(rows, &mut self.ws, out);
        let out = &*out;
        let loss = s.loss_in_use().evaluate(s.reduction, out, targets, k);
        match s.task {
            Task::Regression => return (loss, f32::NAN),
            Task::MultiClass(_) | Task::ClassOutputs(_) => {
                return (loss, argmax_accuracy(out, &data.labels, k))
            }
            Task::Classification => {}
        }
        let correct = out
            .iter()
            .zip(&data.labels)
            .filter(|(&o, &l)| self.encoding.class(o) == l)
            .count();
        (loss, correct as f32 / data.len().max(1) as f32)
    }
}

/// Share of rows of `k` scores whose argmax is the row's class label.
fn argmax_accuracy(scores: &[f32], labels: &[f32], k: usize) -> f32 {
    let correct = scores
        .chunks_exact(k)
        .zip(labels)
        .filter(|(s, &l)| argmax(s) as f32 == l)
        .count();
    correct as f32 / labels.len().max(1) as f32
}
