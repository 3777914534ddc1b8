//! What changes a Trainer from outside: η and the batch size (the run goes
//! on), the loss (the weights stay, the curve restarts), the data, the
//! architecture, the weight seed and loaded weights (the run restarts).

use super::{build_model, encoding_of, task_of, Trainer};
use crate::data::features::expand_rows;
use crate::data::{DataSpec, Dataset, Split};
use crate::nn::mlp::Mlp;
use crate::train::batch::BatchOrder;
use crate::train::settings::{
    validate_eta, validate_hidden, validate_output, validate_task, Task, CLASS_TARGET,
};
use crate::{Activation, Loss, Reduction};

impl Trainer {
    /// Changes η; the model and its training state are kept. After a divergence
    /// this is how training resumes from the best weights kept.
    pub fn set_eta(&mut self, eta: f32) -> Result<(), String> {
        validate_eta(eta)?;
        self.settings.eta = eta;
        self.divergence = None;
        Ok(())
    }

    /// Changes the batch size (0 = full batch); the training state is kept.
    pub fn set_batch_size(&mut self, batch_size: usize) {
        self.settings.batch_size = batch_size;
    }

    /// Changes the loss and its reduction, keeping the weights; the loss curve
    /// restarts because its old values measured something else. A loss the
    /// task cannot use (logistic on real targets) is refused.
    pub fn set_loss(&mut self, loss: Loss, reduction: Reduction) -> Result<(), String> {
        validate_task(self.settings.task, loss, self.settings.output_activation)?;
        self.settings.loss = loss;
        self.settings.reduction = reduction;
        self.encode_targets();
        self.history.clear();
        self.divergence = None;
        // The starting loss the guard compares with measured the old loss.
        self.guard.restart();
        self.record();
        Ok(())
    }

    /// New data; the model restarts from the weight seed. The task follows
    /// the data set (classes ±1 or real targets).
    pub fn set_data(&mut self, data: DataSpec) -> Result<(), String> {
        data.validate()?;
        let task = task_of(data.kind);
        validate_task(task, self.settings.loss, self.settings.output_activation)?;
        self.settings.task = task;
        self.settings.data = data;
        self.split = data.generate();
        self.encode_targets();
        self.expand_data();
        self.restart();
        Ok(())
    }

    /// Data supplied directly (same width as before); the model restarts from
    /// the weight seed.
    pub fn replace_data(&mut self, split: Split) -> Result<(), String> {
        if split.train.is_empty()
            || split.train.dim != self.settings.inputs
            || split.test.dim != split.train.dim
        {
            return Err("The training set is empty or has the wrong width.".to_string());
        }
        self.split = split;
        self.encode_targets();
        self.expand_data();
        self.restart();
        Ok(())
    }

    /// A new architecture; the model restarts from the weight seed.
    pub fn set_architecture(
        &mut self,
        hidden: Vec<usize>,
        hidden_activation: Activation,
        output_activation: Activation,
    ) -> Result<(), String> {
        validate_hidden(&hidden, self.settings.max_width)?;
        validate_output(output_activation)?;
        validate_task(self.settings.task, self.settings.loss, output_activation)?;
        self.settings.hidden = hidden;
        self.settings.hidden_activation = hidden_activation;
        self.settings.output_activation = output_activation;
        self.encode_targets();
        self.restart();
        Ok(())
    }

    /// A new weight seed; the model restarts from it.
    pub fn set_weight_seed(&mut self, seed: u64) {
        self.settings.weight_seed = seed;
        self.restart();
    }

    /// Restarts training from the weights the current seed draws.
    pub fn restart(&mut self) {
        self.mlp = build_model(&self.settings);
        self.restart_run();
    }

    /// Restarts training at iteration 0 from the current model: fresh
    /// gradients, optimiser state, batch order, loss curve and guard.
    pub(super) fn restart_run(&mut self) {
        self.grads = self.mlp.zero_gradients();
        self.optimizer_state.reset();
        // The batch order has its own stream, derived from the weight seed.
        let order_seed = self.settings.weight_seed ^ 0x9E37_79B9_7F4A_7C15;
        self.batches = BatchOrder::new(self.split.train.len(), order_seed);
        self.iteration = 0;
        self.samples_seen = 0;
        self.divergence = None;
        self.history.clear();
        self.guard.restart();
        self.record();
    }

    /// Weights loaded from a file replace the model's (same widths and
    /// activations, else a sentence); training restarts at iteration 0 from
    /// them with a fresh loss curve. If they give a non-finite loss on this
    /// data, nothing changes and the sentence says so.
    pub fn load_weights(&mut self, mlp: Mlp) -> Result<(), String> {
        crate::io::weights_json::check_same_shape(&mlp, &self.mlp)?;
        let old = std::mem::replace(&mut self.mlp, mlp);
        if !self.losses_finite() {
            self.mlp = old;
            self.forget_evaluation();
            return Err(
                "These weights give a loss that is not finite on this data; the model is unchanged.".into(),
            );
        }
        self.restart_run();
        Ok(())
    }

    /// Expands the split's rows into the network's inputs x(0).
    pub(super) fn expand_data(&mut self) {
        let features = self.settings.features;
        expand_rows(features, &self.split.train.inputs, &mut self.train_x);
        expand_rows(features, &self.split.test.inputs, &mut self.test_x);
        (self.train_ws, self.test_ws, self.part_ws) = (None, None, None);
        self.train_sparse = None;
    }

    pub(super) fn encode_targets(&mut self) {
        self.encoding = encoding_of(&self.settings);
        let enc = self.encoding;
        let k = self.settings.outputs();
        // K classes: the one-hot row of class y (labels 0..K−1); else one target per label.
        // With the squared error on K outputs the targets are ±ζ instead (see `Task::ClassOutputs`).
        let (off, on) = match (self.settings.task, self.settings.loss) {
            (Task::ClassOutputs(_), Loss::Mse) => (-CLASS_TARGET, CLASS_TARGET),
            _ => (0.0, 1.0),
        };
        let encode = |d: &Dataset| -> Vec<f32> {
            if k > 1 {
                let onehot = move |l: f32| (0..k).map(move |j| if j as f32 == l { on } else { off });
                d.labels.iter().flat_map(|&l| onehot(l)).collect()
            } else {
                d.labels.iter().map(|&l| enc.target(l)).collect()
            }
        };
        self.train_targets = encode(&self.split.train);
        self.test_targets = encode(&self.split.test);
    }
}
