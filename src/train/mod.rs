//! The Trainer: a model, its data and settings, the gradient-descent loop and
//! the record of its losses.
//!
//! One `step` is one parameter update on one batch (the whole training set by
//! default, or the next k samples of an order reshuffled every epoch).

use crate::data::encoding::Encoding;
use crate::data::features::expand_rows;
use crate::data::{DataSpec, Dataset, DatasetKind, Split};
use crate::nn::mlp::{Gradients, Mlp, Workspace};
use crate::nn::softmax::argmax;
use crate::train::batch::BatchOrder;
use crate::train::edit::Param;
use crate::train::history::{LossHistory, LossPoint};
use crate::train::optim::OptimizerState;
use crate::train::settings::{
    validate_eta, validate_hidden, validate_output, validate_task, Init, Settings, Task,
};
use crate::{Activation, Loss, Reduction};

pub mod batch;
pub mod digits;
pub mod edit;
mod features;
pub mod history;
pub mod metrics;
pub mod optim;
mod options;
pub mod settings;
pub mod stop;

/// Points of the loss curve kept in memory.
const HISTORY_CAPACITY: usize = 2000;

/// Losses and accuracies of the current model on the whole train and test sets.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Evaluation {
    /// L on the training set.
    pub train_loss: f32,
    /// L on the test set.
    pub test_loss: f32,
    /// Share of training points on the right side of the boundary (NaN in
    /// regression, where there are no classes: the page shows "—").
    pub train_accuracy: f32,
    /// Share of test points on the right side of the boundary (NaN in regression).
    pub test_accuracy: f32,
}

/// Where and why training stopped.
#[derive(Clone, Debug, PartialEq)]
pub struct Divergence {
    /// The update that would have produced a non-finite value.
    pub iteration: u64,
    /// What became non-finite.
    pub what: &'static str,
}

/// A model, its data and settings, and the state of its training.
#[derive(Clone, Debug)]
pub struct Trainer {
    settings: Settings,
    mlp: Mlp,
    split: Split,
    /// The rows x(0) = φ(row) of the training and test sets (see `expand_rows`).
    train_x: Vec<f32>,
    test_x: Vec<f32>,
    encoding: Encoding,
    train_targets: Vec<f32>,
    test_targets: Vec<f32>,
    ws: Workspace,
    grads: Gradients,
    optimizer_state: OptimizerState,
    last_finite: Mlp,
    last_finite_at: (u64, u64),
    batch_x: Vec<f32>,
    batch_y: Vec<f32>,
    d_output: Vec<f32>,
    eval_out: Vec<f32>,
    batches: BatchOrder,
    iteration: u64,
    samples_seen: u64,
    history: LossHistory,
    divergence: Option<Divergence>,
    evaluation: Option<Evaluation>,
}

impl Trainer {
    /// A fresh run: data drawn from the data seed, weights from the weight seed.
    pub fn new(mut settings: Settings) -> Result<Trainer, String> {
        // The task follows the data set: its labels are classes or values.
        settings.task = task_of(settings.data.kind);
        settings.validate()?;
        let split = settings.data.generate();
        Trainer::with_split(settings, split)
    }

    /// A fresh run on data supplied directly (its rows must be
    /// `settings.inputs` wide); `settings.data` is then not used.
    pub fn with_split(settings: Settings, split: Split) -> Result<Trainer, String> {
        settings.validate_model()?;
        if split.train.is_empty() || split.train.dim != settings.inputs || split.test.dim != split.train.dim {
            return Err("The training set is empty or has the wrong width.".to_string());
        }
        let mlp = build_model(&settings);
        let mut t = Trainer {
            grads: mlp.zero_gradients(),
            optimizer_state: OptimizerState::default(),
            last_finite: mlp.clone(),
            last_finite_at: (0, 0),
            encoding: encoding_of(&settings),
            batches: BatchOrder::new(0, 0),
            mlp,
            split,
            settings,
            train_x: Vec::new(),
            test_x: Vec::new(),
            train_targets: Vec::new(),
            test_targets: Vec::new(),
            ws: Workspace::default(),
            batch_x: Vec::new(),
            batch_y: Vec::new(),
            d_output: Vec::new(),
            eval_out: Vec::new(),
            iteration: 0,
            samples_seen: 0,
            history: LossHistory::new(HISTORY_CAPACITY),
            divergence: None,
            evaluation: None,
        };
        t.encode_targets();
        t.expand_data();
        t.restart();
        Ok(t)
    }

    /// The current settings.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The current model.
    pub fn mlp(&self) -> &Mlp {
        &self.mlp
    }

    /// The training and test data.
    pub fn split(&self) -> &Split {
        &self.split
    }

    /// What the loss compares the outputs with on the training set: the
    /// labels through the encoding, row by row.
    pub fn train_targets(&self) -> &[f32] {
        &self.train_targets
    }

    /// How labels map to targets and outputs to classes and colours.
    pub fn encoding(&self) -> Encoding {
        self.encoding
    }

    /// Parameter updates since the last rebuild or reset.
    pub fn iteration(&self) -> u64 {
        self.iteration
    }

    /// Passes over the training set since the last rebuild or reset.
    pub fn epoch(&self) -> f64 {
        self.samples_seen as f64 / self.split.train.len() as f64
    }

    /// The recorded train and test losses.
    pub fn history(&self) -> &LossHistory {
        &self.history
    }

    /// Set when training stopped on a non-finite value (the model is then the
    /// last one whose losses were finite).
    pub fn divergence(&self) -> Option<&Divergence> {
        self.divergence.as_ref()
    }

    /// Changes η; the model and its training state are kept. After a divergence
    /// this is how training resumes from the last finite weights.
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
    /// gradients, optimiser state, batch order and loss curve.
    fn restart_run(&mut self) {
        self.grads = self.mlp.zero_gradients();
        self.optimizer_state.reset();
        // The batch order has its own stream, derived from the weight seed.
        let order_seed = self.settings.weight_seed ^ 0x9E37_79B9_7F4A_7C15;
        self.batches = BatchOrder::new(self.split.train.len(), order_seed);
        self.iteration = 0;
        self.samples_seen = 0;
        self.divergence = None;
        self.history.clear();
        self.record();
    }

    /// Runs up to `n` updates and records one loss-curve point; returns by how
    /// many updates the model advanced. When a value becomes non-finite,
    /// training stops and the model goes back to the last weights whose losses
    /// were finite, so the page never shows NaN and η can be lowered to carry on.
    pub fn step(&mut self, n: u32) -> u32 {
        let start = self.iteration;
        for _ in 0..n {
            if self.divergence.is_some() || self.stopped().is_some() {
                break;
            }
            match self.update() {
                Ok(()) => self.iteration += 1,
                Err(what) => self.diverge(self.iteration + 1, what),
            }
        }
        if self.iteration != start || self.divergence.is_some() {
            self.record();
        }
        self.iteration.saturating_sub(start) as u32
    }

    /// The update at iteration `at` produced a non-finite value: stop, and go
    /// back to the last finite snapshot.
    fn diverge(&mut self, at: u64, what: &'static str) {
        self.divergence = Some(Divergence { iteration: at, what });
        self.mlp.clone_from(&self.last_finite);
        (self.iteration, self.samples_seen) = self.last_finite_at;
        // The velocity or moments belong to the run that blew up: start afresh.
        self.optimizer_state.reset();
        self.evaluation = None;
    }

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

    /// Whether the current model's train and test losses are both finite
    /// (evaluated afresh: the model may have been changed by hand).
    fn losses_finite(&mut self) -> bool {
        self.evaluation = None;
        let e = self.evaluation();
        e.train_loss.is_finite() && e.test_loss.is_finite()
    }

    /// One update: forward, loss gradient, backward, gradient step.
    fn update(&mut self) -> Result<(), &'static str> {
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
        if !loss.is_finite() {
            return Err("the loss");
        }
        self.mlp.backward(&self.d_output, &mut self.ws, &mut self.grads);
        // The objective is ℒ + λ R(w): its gradient adds λ ∂R/∂w (see nn/regularization.rs).
        s.regularization.add_gradient(&self.mlp, &mut self.grads);
        self.optimizer_state
            .step(s.optimizer, s.eta, &mut self.mlp, &self.grads)
            .map_err(|_| "a weight")?;
        self.samples_seen += (y.len() / k) as u64;
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

    fn evaluate(&mut self, train: bool) -> (f32, f32) {
        let (data, rows, targets) = if train {
            (&self.split.train, &self.train_x, &self.train_targets)
        } else {
            (&self.split.test, &self.test_x, &self.test_targets)
        };
        // Inference only: the blocked kernel, into a kept buffer.
        let s = &self.settings;
        let k = s.outputs();
        self.eval_out.resize(data.len() * k, 0.0);
        self.mlp.predict_into(rows, &mut self.ws, &mut self.eval_out);
        let out = &self.eval_out;
        let loss = s.loss_in_use().evaluate(s.reduction, out, targets, k);
        match s.task {
            Task::Regression => return (loss, f32::NAN),
            Task::MultiClass(_) => return (loss, argmax_accuracy(out, &data.labels, k)),
            Task::Classification => {}
        }
        let correct = out
            .iter()
            .zip(&data.labels)
            .filter(|(&o, &l)| self.encoding.class(o) == l)
            .count();
        (loss, correct as f32 / data.len().max(1) as f32)
    }

    /// Records the current losses. Finite ones make the current weights the
    /// snapshot to fall back on; a non-finite one stops training.
    fn record(&mut self) {
        self.evaluation = None;
        let mut e = self.evaluation();
        if e.train_loss.is_finite() && e.test_loss.is_finite() {
            self.last_finite.clone_from(&self.mlp);
            self.last_finite_at = (self.iteration, self.samples_seen);
        } else if self.divergence.is_none() {
            self.diverge(self.iteration, "the loss");
            e = self.evaluation();
        }
        self.history.record(LossPoint {
            iteration: self.iteration,
            train: e.train_loss,
            test: e.test_loss,
        });
    }

    /// Expands the split's rows into the network's inputs x(0).
    fn expand_data(&mut self) {
        let features = self.settings.features;
        expand_rows(features, &self.split.train.inputs, &mut self.train_x);
        expand_rows(features, &self.split.test.inputs, &mut self.test_x);
    }

    fn encode_targets(&mut self) {
        self.encoding = encoding_of(&self.settings);
        let enc = self.encoding;
        let k = self.settings.outputs();
        // K classes: the one-hot row of class y (labels 0..K−1); else one target per label.
        let encode = |d: &Dataset| -> Vec<f32> {
            if k > 1 {
                let onehot = |l: f32| (0..k).map(move |j| if j as f32 == l { 1.0 } else { 0.0 });
                d.labels.iter().flat_map(|&l| onehot(l)).collect()
            } else {
                d.labels.iter().map(|&l| enc.target(l)).collect()
            }
        };
        self.train_targets = encode(&self.split.train);
        self.test_targets = encode(&self.split.test);
    }

    // --- io ---

    /// Weights loaded from a file replace the model's (same widths and
    /// activations, else a sentence); training restarts at iteration 0 from
    /// them with a fresh loss curve. If they give a non-finite loss on this
    /// data, nothing changes and the sentence says so.
    pub fn load_weights(&mut self, mlp: Mlp) -> Result<(), String> {
        crate::io::weights_json::check_same_shape(&mlp, &self.mlp)?;
        let old = std::mem::replace(&mut self.mlp, mlp);
        if !self.losses_finite() {
            self.mlp = old;
            self.evaluation = None;
            return Err(
                "These weights give a loss that is not finite on this data; the model is unchanged.".into(),
            );
        }
        self.restart_run();
        Ok(())
    }
    // --- diagram ---

    /// Sets one weight or bias by hand (the network diagram's editor) and
    /// carries on from the edited model: the iteration count, the data, the
    /// batch order and η are kept, and the loss curve gets a point at the same
    /// iteration, so the jump the edit causes is drawn. A value that would make
    /// the loss non-finite is refused, leaving the model as it was.
    pub fn set_parameter(&mut self, param: Param, value: f32) -> Result<(), String> {
        let old = param.get(&self.mlp)?;
        param.set(&mut self.mlp, value)?;
        if !self.losses_finite() {
            param.set(&mut self.mlp, old)?;
            self.evaluation = None;
            return Err(format!(
                "With {} = {value} the loss is no longer a finite number; {} stays {old}.",
                param.name(),
                param.name()
            ));
        }
        // The edited model is finite: a stop on divergence no longer applies.
        self.divergence = None;
        self.record();
        Ok(())
    }
}

fn build_model(s: &Settings) -> Mlp {
    let mut mlp = Mlp::new(&s.sizes(), s.hidden_activation, s.output_in_use(), s.weight_seed);
    if let Init::Spread { lo, hi } = s.init {
        mlp.spread_first_layer(lo, hi, s.weight_seed);
    }
    mlp
}

/// What a data set's labels are: real targets, K classes or two classes ±1.
fn task_of(kind: DatasetKind) -> Task {
    if kind.is_regression() {
        Task::Regression
    } else if let Some(k) = kind.classes() {
        Task::MultiClass(k)
    } else {
        Task::Classification
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

fn encoding_of(s: &Settings) -> Encoding {
    match s.task {
        Task::Classification => Encoding::new(s.loss, s.output_activation),
        Task::MultiClass(_) => Encoding::new(Loss::SoftmaxCrossEntropy, Activation::Identity),
        Task::Regression => Encoding::regression(),
    }
}
