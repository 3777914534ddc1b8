//! Every setting of a training run, their defaults and their valid ranges.
//!
//! Validation lives here, in the core, so that each message a user can see is
//! written once and tested natively.

use crate::data::features::FeatureSet;
use crate::data::{DataSpec, DatasetKind};
use crate::nn::activation::Activation;
use crate::nn::loss::{Loss, Reduction};
use crate::nn::regularization::Regularization;
use crate::train::optim::Optimizer;
use crate::train::stop::StopCondition;

/// The most hidden layers the page offers.
pub const MAX_LAYERS: usize = 8;
/// The widest hidden layer the page offers.
pub const MAX_WIDTH: usize = 128;
/// The range of η the core accepts.
pub const ETA_RANGE: (f32, f32) = (1e-6, 100.0);

/// `ETA_RANGE.0` as the messages write it. Spelled out rather than formatted
/// with `{:e}`, whose code (about 4 KB of .wasm) nothing else needs.
pub const ETA_MIN_TEXT: &str = "1e-6";

/// What the outputs mean.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Task {
    /// Labels ±1; the output is a class score.
    Classification,
    /// Real-valued targets, fitted as they are.
    Regression,
    /// K ≥ 3 classes, labels 0..K−1: K output scores s(L) (identity output)
    /// and the softmax cross-entropy, whatever the loss and output settings
    /// (they stay as set, for two-class problems).
    MultiClass(usize),
    /// K classes, labels 0..K−1, on K outputs fitted by the chosen loss: with
    /// the squared error, the right class's output to +ζ and the others to −ζ
    /// (`CLASS_TARGET`, the targets of the practical on digits); with the
    /// softmax cross-entropy, the scores' softmax to the one-hot row (the
    /// output σ is then the identity).
    ClassOutputs(usize),
}

/// ζ of `Task::ClassOutputs`: the squared error's targets ±ζ, strictly inside
/// the range of tanh, so that reaching them never needs infinite weights.
pub const CLASS_TARGET: f32 = 0.9;

/// How the initial weights are drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Init {
    /// w ~ N(0, g²/fan_in), b = 0 (see `Mlp::new`).
    Scaled,
    /// Every weight and bias from N(0, std²), whatever the fan-in (the
    /// practical's tiny ε: a network that starts as almost the zero function).
    Normal {
        /// The standard deviation.
        std: f32,
    },
    /// As `Scaled`, then the first layer's units are spread over the input
    /// interval [lo, hi] of a 1D problem (see `Mlp::spread_first_layer`).
    Spread {
        /// Left end of the interval.
        lo: f32,
        /// Right end of the interval.
        hi: f32,
    },
}

/// Data, architecture, loss and optimiser settings of one run.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    /// Classification (labels ±1), K classes or regression; `Trainer` sets
    /// it from the data set's kind.
    pub task: Task,
    /// Width of a data row: of x(0) itself when `features` is None.
    pub inputs: usize,
    /// How the initial weights are drawn.
    pub init: Init,
    /// The dataset and its split (classification views generate from it).
    pub data: DataSpec,
    /// Widths of the hidden layers, input side first (may be empty).
    pub hidden: Vec<usize>,
    /// σ of every hidden layer.
    pub hidden_activation: Activation,
    /// σ of the output layer.
    pub output_activation: Activation,
    /// The per-sample loss.
    pub loss: Loss,
    /// Mean or sum over the batch.
    pub reduction: Reduction,
    /// The step size η.
    pub eta: f32,
    /// Samples per update; 0 means the full training set.
    pub batch_size: usize,
    /// Seed of the initial weights and of the mini-batch order.
    pub weight_seed: u64,
    /// The widest hidden layer allowed (the 1D view allows more than the 2D one).
    pub max_width: usize,
    /// The update rule (gradient descent, momentum, Adam).
    pub optimizer: Optimizer,
    /// The weight penalty λ R(w) added to the objective.
    pub regularization: Regularization,
    /// When training stops by itself.
    pub stop: StopCondition,
    /// The input features φ(x₁, x₂) of a 2D problem (x(0) = φ of a row), or
    /// None to feed rows as they are (the 1D view and the lessons).
    pub features: Option<FeatureSet>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            task: Task::Classification,
            inputs: 2,
            init: Init::Scaled,
            data: DataSpec {
                kind: DatasetKind::Circle,
                points: 200,
                noise: 0.1,
                train_fraction: 0.5,
                seed: 1,
            },
            hidden: vec![8, 8],
            hidden_activation: Activation::Tanh,
            output_activation: Activation::Tanh,
            loss: Loss::Mse,
            reduction: Reduction::Mean,
            eta: 0.03,
            batch_size: 0,
            weight_seed: 1,
            max_width: MAX_WIDTH,
            optimizer: Optimizer::GradientDescent,
            regularization: Regularization::None,
            stop: StopCondition::None,
            features: None,
        }
    }
}

impl Settings {
    /// Width of x(0): the number of features, or of a data row without them.
    pub fn input_width(&self) -> usize {
        self.features.map_or(self.inputs, FeatureSet::len)
    }

    /// [x(0) width, hidden…, outputs]: the widths of every layer of the network.
    pub fn sizes(&self) -> Vec<usize> {
        let mut sizes = vec![self.input_width()];
        sizes.extend(&self.hidden);
        sizes.push(self.outputs());
        sizes
    }

    /// Width of the output x(L): K scores for K classes, else 1.
    pub fn outputs(&self) -> usize {
        match self.task {
            Task::MultiClass(k) | Task::ClassOutputs(k) => k,
            _ => 1,
        }
    }

    /// The loss training uses: the softmax cross-entropy for K classes, else `loss`.
    pub fn loss_in_use(&self) -> Loss {
        match self.task {
            Task::MultiClass(_) => Loss::SoftmaxCrossEntropy,
            _ => self.loss,
        }
    }

    /// σ of the output layer in use: the identity where the scores go to the
    /// softmax, else `output_activation`.
    pub fn output_in_use(&self) -> Activation {
        match (self.task, self.loss) {
            (Task::MultiClass(_), _) | (Task::ClassOutputs(_), Loss::SoftmaxCrossEntropy) => {
                Activation::Identity
            }
            _ => self.output_activation,
        }
    }

    /// Checks every setting; the error is a sentence for the user.
    pub fn validate(&self) -> Result<(), String> {
        self.data.validate()?;
        self.validate_model()
    }

    /// Checks every setting but the data spec (for data supplied directly).
    pub fn validate_model(&self) -> Result<(), String> {
        validate_hidden(&self.hidden, self.max_width)?;
        if self.features.is_some() && self.inputs != 2 {
            return Err("Input features apply to points (x₁, x₂) of the plane only.".to_string());
        }
        if let Init::Normal { std } = self.init {
            if !(std.is_finite() && std > 0.0 && std <= 1.0) {
                return Err(format!(
                    "The init scale ε must be above 0 and at most 1 (got {std})."
                ));
            }
        }
        validate_output(self.output_activation)?;
        validate_task(self.task, self.loss, self.output_activation)?;
        validate_eta(self.eta)?;
        self.optimizer.validate()?;
        self.regularization.validate()?;
        self.stop.validate()
    }
}

/// Checks the hidden widths against the page's limits.
pub fn validate_hidden(hidden: &[usize], max_width: usize) -> Result<(), String> {
    if hidden.len() > MAX_LAYERS {
        return Err(format!(
            "At most {MAX_LAYERS} hidden layers are supported (got {}).",
            hidden.len()
        ));
    }
    if let Some((l, &w)) = hidden.iter().enumerate().find(|(_, &w)| w == 0 || w > max_width) {
        return Err(format!(
            "Hidden layer {} must have between 1 and {max_width} units (got {w}).",
            l + 1
        ));
    }
    Ok(())
}

/// The output must be able to reach both classes' targets.
pub fn validate_output(act: Activation) -> Result<(), String> {
    if act == Activation::Relu {
        return Err(
            "The output activation must be identity, tanh or sigmoid: a ReLU output \
                    cannot take the value of the negative class."
                .to_string(),
        );
    }
    Ok(())
}

/// A regression's real targets t ∈ [−1, 1] are fitted with the squared error
/// (the logistic loss −log σ(y f) needs classes y = ±1), by an output that
/// reaches −1 (identity or tanh; a sigmoid stays in (0, 1)).
pub fn validate_task(task: Task, loss: Loss, output: Activation) -> Result<(), String> {
    if let Task::ClassOutputs(_) = task {
        if loss == Loss::Logistic {
            return Err(
                "The logistic loss compares one score with classes ±1: for K classes choose mse or softmax cross-entropy."
                    .to_string(),
            );
        }
        return Ok(());
    }
    if loss == Loss::SoftmaxCrossEntropy && !matches!(task, Task::MultiClass(_)) {
        return Err(
            "The softmax cross-entropy is the loss of K-class data sets: choose mse or logistic.".to_string(),
        );
    }
    if task != Task::Regression {
        return Ok(());
    }
    if loss == Loss::Logistic {
        return Err(
            "A regression data set has real targets t, not classes ±1: choose the MSE loss (f − t)² for it."
                .to_string(),
        );
    }
    if output == Activation::Sigmoid {
        return Err(
            "A regression's targets t reach −1, which a sigmoid output (0, 1) cannot: choose identity or tanh."
                .to_string(),
        );
    }
    Ok(())
}

/// Checks η: a finite number in `ETA_RANGE`.
pub fn validate_eta(eta: f32) -> Result<(), String> {
    let (lo, hi) = ETA_RANGE;
    if !eta.is_finite() || eta < lo || eta > hi {
        return Err(format!(
            "η must be a number between {ETA_MIN_TEXT} and {hi} (got {eta})."
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_messages_lower_bound_of_eta_is_the_ranges() {
        assert_eq!(ETA_MIN_TEXT.parse::<f32>(), Ok(ETA_RANGE.0));
        assert!(validate_eta(0.0).unwrap_err().contains("between 1e-6 and 100"));
    }

    #[test]
    fn defaults_are_valid() {
        assert_eq!(Settings::default().validate(), Ok(()));
        assert_eq!(Settings::default().sizes(), vec![2, 8, 8, 1]);
    }

    #[test]
    fn out_of_range_values_get_a_sentence() {
        assert!(validate_eta(f32::NAN).unwrap_err().contains("η must be"));
        assert!(validate_eta(0.0).is_err());
        assert!(validate_eta(101.0).is_err());
        assert!(validate_hidden(&[8; 9], MAX_WIDTH)
            .unwrap_err()
            .contains("At most 8"));
        assert!(validate_hidden(&[8, 0], MAX_WIDTH)
            .unwrap_err()
            .contains("Hidden layer 2"));
        assert!(validate_hidden(&[129], MAX_WIDTH).is_err());
        assert!(validate_output(Activation::Relu).is_err());
    }
}
