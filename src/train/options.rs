//! The Trainer's optimiser options (update rule, weight penalty, stop
//! condition) and what the classification metrics need from it. Every setter
//! here keeps the weights and the iteration, like η.

use super::Trainer;
use crate::nn::regularization::Regularization;
use crate::nn::softmax::argmax;
use crate::train::metrics::binary_class;
use crate::train::optim::Optimizer;
use crate::train::settings::Task;
use crate::train::stop::{StopCondition, Stopped};

impl Trainer {
    /// Changes the update rule, keeping the weights and the loss curve. The
    /// optimiser's velocity or moments restart from 0 when the rule changes,
    /// since they mean something else under another rule.
    pub fn set_optimizer(&mut self, optimizer: Optimizer) -> Result<(), String> {
        optimizer.validate()?;
        if optimizer != self.settings.optimizer {
            self.optimizer_state.reset();
        }
        self.settings.optimizer = optimizer;
        self.divergence = None;
        Ok(())
    }

    /// Updates taken by the optimiser since its state was last reset.
    pub fn optimizer_steps(&self) -> u64 {
        self.optimizer_state.steps()
    }

    /// Changes the weight penalty, keeping the weights and optimiser state.
    pub fn set_regularization(&mut self, regularization: Regularization) -> Result<(), String> {
        regularization.validate()?;
        self.settings.regularization = regularization;
        self.divergence = None;
        Ok(())
    }

    /// Changes when training stops; nothing else changes. A condition that
    /// no longer holds lets `step` continue from where it stopped.
    pub fn set_stop(&mut self, stop: StopCondition) -> Result<(), String> {
        stop.validate()?;
        self.settings.stop = stop;
        Ok(())
    }

    /// Set while the stop condition holds: `step` then does nothing.
    pub fn stopped(&mut self) -> Option<Stopped> {
        let condition = self.settings.stop;
        let (seen, size) = (self.samples_seen, self.split.train.len());
        if !condition.reached(seen, size, || self.evaluation().train_loss) {
            return None;
        }
        Some(Stopped {
            condition,
            train_loss: self.evaluation().train_loss,
        })
    }

    /// The penalised objective ℒ + λ R(w) on the training set (what the
    /// update descends; the loss curve shows ℒ alone).
    pub fn objective(&mut self) -> f32 {
        self.evaluation().train_loss + self.settings.regularization.penalty(&self.mlp)
    }

    /// (true class, predicted class) of every point of the training or test
    /// set, for the confusion matrix (binary: 0 = −1, 1 = +1).
    pub fn class_pairs(&mut self, train: bool) -> Vec<(usize, usize)> {
        let (data, rows) = if train {
            (&self.split.train, &self.train_x)
        } else {
            (&self.split.test, &self.test_x)
        };
        let k = self.settings.outputs();
        self.eval_out.resize(data.len() * k, 0.0);
        self.mlp.predict_into(rows, &mut self.ws, &mut self.eval_out);
        let enc = self.encoding;
        let labels = data.labels.iter();
        match self.settings.task {
            // Labels are the class indices 0..K−1; the prediction is the argmax.
            Task::MultiClass(_) | Task::ClassOutputs(_) => labels
                .map(|&l| l as usize)
                .zip(self.eval_out.chunks_exact(k).map(argmax))
                .collect(),
            Task::Classification => labels
                .map(|&l| binary_class(l))
                .zip(self.eval_out.iter().map(|&o| binary_class(enc.class(o))))
                .collect(),
            Task::Regression => Vec::new(),
        }
    }
}
