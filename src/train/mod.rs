//! The Trainer: a model, its data and settings, the gradient-descent loop and
//! the record of its losses.
//!
//! One `step` is one parameter update on one batch (the whole training set by
//! default, or the next k samples of an order reshuffled every epoch). The
//! Trainer's methods live in a file per responsibility: `step` (the loop and
//! its record), `evaluate` (losses and accuracies), `changes` (settings, data
//! and weights replaced from outside), `guard` (divergence), `edit` (a
//! parameter set by hand), `parts` (a full-batch gradient computed in parts,
//! one per worker), `features` and `options`.

use crate::data::encoding::Encoding;
use crate::data::{DatasetKind, Split};
use crate::nn::mlp::{Gradients, Mlp, Workspace};
use crate::nn::sparse::SparseRows;
use crate::train::batch::BatchOrder;
use crate::train::guard::{Divergence, Guard};
use crate::train::history::LossHistory;
use crate::train::optim::OptimizerState;
use crate::train::settings::{Init, Settings, Task};
use crate::{Activation, Loss};

pub mod batch;
mod changes;
pub mod digits;
pub mod edit;
mod evaluate;
mod features;
pub mod guard;
pub mod history;
pub mod metrics;
pub mod optim;
mod options;
pub mod parts;
pub mod settings;
mod step;
pub mod stop;
mod work;

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
    /// The run's starting loss and best weights (see `guard`).
    guard: Guard,
    batch_x: Vec<f32>,
    batch_y: Vec<f32>,
    d_output: Vec<f32>,
    eval_out: Vec<f32>,
    test_out: Vec<f32>,
    batches: BatchOrder,
    iteration: u64,
    samples_seen: u64,
    history: LossHistory,
    divergence: Option<Divergence>,
    evaluation: Option<Evaluation>,
    /// The test half of the evaluation, (ℒ, accuracy): a measured step
    /// (`step_measured`) computes it alone.
    test_figures: Option<(f32, f32)>,
    /// The training and test inputs laid out for the unit-major passes
    /// (`Mlp::load`), once per data set rather than at every pass.
    train_ws: Option<Workspace>,
    test_ws: Option<Workspace>,
    /// The rows of the last part of the gradient computed on fewer than all
    /// the training rows (`gradient_part`), laid out as `train_ws`.
    part_ws: Option<Workspace>,
    part_rows: std::ops::Range<usize>,
    /// The training inputs as sparse rows (inner None: they are not mostly one
    /// value), found once per data set: a part's rows are sliced from them
    /// rather than scanned again whenever the workers' split moves.
    train_sparse: Option<Option<SparseRows>>,
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
            guard: Guard::new(&mlp),
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
            test_out: Vec::new(),
            iteration: 0,
            samples_seen: 0,
            history: LossHistory::new(HISTORY_CAPACITY),
            divergence: None,
            evaluation: None,
            test_figures: None,
            train_ws: None,
            test_ws: None,
            part_ws: None,
            part_rows: 0..0,
            train_sparse: None,
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

    /// Set when training stopped on a blow-up or a non-finite value (the
    /// model is then the run's best, see `guard`).
    pub fn divergence(&self) -> Option<&Divergence> {
        self.divergence.as_ref()
    }
}

fn build_model(s: &Settings) -> Mlp {
    let mut mlp = Mlp::new(&s.sizes(), s.hidden_activation, s.output_in_use(), s.weight_seed);
    match s.init {
        Init::Spread { lo, hi } => mlp.spread_first_layer(lo, hi, s.weight_seed),
        Init::Normal { std } => crate::nn::random::draw_normal(&mut mlp, std, s.weight_seed),
        Init::Scaled => {}
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

fn encoding_of(s: &Settings) -> Encoding {
    match s.task {
        Task::Classification => Encoding::new(s.loss, s.output_activation),
        Task::MultiClass(_) => Encoding::new(Loss::SoftmaxCrossEntropy, Activation::Identity),
        Task::ClassOutputs(_) => Encoding::new(s.loss, s.output_in_use()),
        Task::Regression => Encoding::regression(),
    }
}
