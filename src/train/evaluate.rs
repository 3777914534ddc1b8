//! The Trainer's measurements: the losses and accuracies of the current model
//! on the whole training and test sets, computed once per change of the model.

use super::{Evaluation, Trainer};
use crate::data::encoding::Encoding;
use crate::nn::mlp::{Mlp, Workspace};
use crate::nn::softmax::argmax;
use crate::train::settings::Task;

impl Trainer {
    /// Losses and accuracies of the current model (computed once per change).
    pub fn evaluation(&mut self) -> Evaluation {
        if let Some(e) = self.evaluation {
            return e;
        }
        let (train_loss, train_accuracy) = self.evaluate(true);
        let (test_loss, test_accuracy) = self.test_half();
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
        self.test_half();
        &self.test_out
    }

    /// Whether the current model's train and test losses are both finite
    /// (evaluated afresh: the model may have been changed by hand).
    pub(super) fn losses_finite(&mut self) -> bool {
        self.forget_evaluation();
        let e = self.evaluation();
        e.train_loss.is_finite() && e.test_loss.is_finite()
    }

    /// The model changed: every measurement of the old one is stale.
    pub(super) fn forget_evaluation(&mut self) {
        self.evaluation = None;
        self.test_figures = None;
    }

    /// (ℒ, accuracy) on the test set, computed once per change of the model.
    pub(super) fn test_half(&mut self) -> (f32, f32) {
        if let Some(t) = self.test_figures {
            return t;
        }
        let t = self.evaluate(false);
        self.test_figures = Some(t);
        t
    }

    fn evaluate(&mut self, train: bool) -> (f32, f32) {
        let (data, rows, targets, ws, out) = if train {
            let t = &self.train_targets;
            (
                &self.split.train,
                &self.train_x,
                t,
                &mut self.train_ws,
                &mut self.eval_out,
            )
        } else {
            let t = &self.test_targets;
            (
                &self.split.test,
                &self.test_x,
                t,
                &mut self.test_ws,
                &mut self.test_out,
            )
        };
        // Inference through the unit-major passes, on inputs laid out once.
        let outputs = loaded(&self.mlp, ws, rows);
        out.clear();
        out.extend_from_slice(outputs);
        let s = &self.settings;
        let loss = s.loss_in_use().evaluate(s.reduction, out, targets, s.outputs());
        (loss, accuracy(s.task, self.encoding, out, &data.labels))
    }
}

/// The forward pass of `mlp` over `rows`, laid out in `ws` the first time.
pub(super) fn loaded<'a>(mlp: &Mlp, ws: &'a mut Option<Workspace>, rows: &[f32]) -> &'a [f32] {
    let ws = ws.get_or_insert_with(|| {
        let mut ws = Workspace::default();
        mlp.load(rows, &mut ws);
        ws
    });
    mlp.forward_loaded(ws)
}

/// Share of the rows of `outputs` whose class is the row's label: the largest
/// of K scores, or the side of the boundary of one; NaN in regression.
pub(super) fn accuracy(task: Task, encoding: Encoding, outputs: &[f32], labels: &[f32]) -> f32 {
    match correct_count(task, encoding, outputs, labels) {
        Some(correct) => correct as f32 / labels.len().max(1) as f32,
        None => f32::NAN,
    }
}

/// How many rows of `outputs` are of their label's class (see `accuracy`);
/// None in regression.
pub(super) fn correct_count(
    task: Task,
    encoding: Encoding,
    outputs: &[f32],
    labels: &[f32],
) -> Option<usize> {
    let correct = match task {
        Task::Regression => return None,
        Task::MultiClass(k) | Task::ClassOutputs(k) => outputs
            .chunks_exact(k)
            .zip(labels)
            .filter(|(s, &l)| argmax(s) as f32 == l)
            .count(),
        Task::Classification => outputs
            .iter()
            .zip(labels)
            .filter(|(&o, &l)| encoding.class(o) == l)
            .count(),
    };
    Some(correct)
}
