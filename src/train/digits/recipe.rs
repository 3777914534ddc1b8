//! The practical's recipe and what the Digits view lets a person change in it:
//! the hidden widths, σ, the loss, the optimiser, the mini-batch, η, the init
//! scale ε of N(0, ε²) and the weight seed. A recipe becomes the shared
//! Trainer's `Settings` (`settings`): the digits train on the same loop as
//! every other view.

use crate::data::digits::{CLASSES, PIXELS};
use crate::nn::mlp::Mlp;
use crate::nn::random::draw_normal;
use crate::train::optim::Optimizer;
use crate::train::settings::{validate_eta, validate_hidden, Init, Settings, Task};
use crate::{Activation, Loss, Reduction};

/// The handout's init scale ε (standard deviation of every weight and bias).
pub const EPSILON: f32 = 1e-6;
/// The widest hidden layer the page offers.
pub const MAX_HIDDEN: usize = 512;

/// The losses the digits can be fitted by, in the page's order.
pub const LOSSES: [Loss; 2] = [Loss::Mse, Loss::SoftmaxCrossEntropy];

/// One of `LOSSES` by name ("mse", "softmax-cross-entropy"); a sentence
/// naming the two otherwise. (The cross-entropy is not a choice of the other
/// views, so `Loss`'s own `FromStr` refuses it.)
pub fn loss_named(name: &str) -> Result<Loss, String> {
    LOSSES
        .into_iter()
        .find(|l| l.name() == name)
        .ok_or_else(|| crate::names::unknown("loss", name, &LOSSES.map(Loss::name)))
}

/// What the practical fixes, and the view lets a person change.
#[derive(Clone, Debug, PartialEq)]
pub struct Recipe {
    /// The hidden widths, input side first (the practical: one layer of 50).
    pub hidden: Vec<usize>,
    /// σ of the hidden layers (the practical: tanh). The output layer is tanh
    /// under the squared error, as the practical's; under the softmax
    /// cross-entropy its scores go to the softmax as they are.
    pub activation: Activation,
    /// The practical's squared error on targets ±ζ, or the softmax cross-entropy.
    pub loss: Loss,
    /// The update rule (the practical: plain gradient descent).
    pub optimizer: Optimizer,
    /// Digits per update; 0 for the whole training set (the practical).
    pub batch_size: usize,
    /// Step size η (the practical: 0.1 / N_train, for a loss summed over the digits).
    pub eta: f32,
    /// Standard deviation ε of the initial weights and biases.
    pub epsilon: f32,
    /// Seed of the initial weights (and of the mini-batch order).
    pub weight_seed: u64,
}

impl Recipe {
    /// The handout's recipe for a training set of `n_train` digits.
    pub fn practical(n_train: usize) -> Recipe {
        Recipe {
            hidden: vec![50],
            activation: Activation::Tanh,
            loss: Loss::Mse,
            optimizer: Optimizer::GradientDescent,
            batch_size: 0,
            eta: 0.1 / n_train.max(1) as f32,
            epsilon: EPSILON,
            weight_seed: 1,
        }
    }

    /// A sentence for a value the trainer cannot use.
    pub fn validate(&self) -> Result<(), String> {
        validate_hidden(&self.hidden, MAX_HIDDEN)?;
        validate_eta(self.eta)?;
        if !(self.epsilon.is_finite() && self.epsilon > 0.0 && self.epsilon <= 1.0) {
            return Err(format!(
                "The init scale ε must be above 0 and at most 1 (got {}).",
                self.epsilon
            ));
        }
        if self.loss == Loss::Logistic {
            return Err(
                "The digits are fitted by the squared error on targets ±0.9 (mse) or by the softmax cross-entropy."
                    .into(),
            );
        }
        self.optimizer.validate()
    }

    /// [784, hidden…, 10].
    pub fn sizes(&self) -> Vec<usize> {
        let mut s = vec![PIXELS];
        s.extend(&self.hidden);
        s.push(CLASSES);
        s
    }

    /// σ of the output layer: tanh under the squared error (the practical's),
    /// the identity under the softmax cross-entropy.
    pub fn output_activation(&self) -> Activation {
        match self.loss {
            Loss::SoftmaxCrossEntropy => Activation::Identity,
            _ => Activation::Tanh,
        }
    }

    /// The shared Trainer's settings for this recipe: 10 class outputs, the
    /// loss summed over the digits (ℒ = Σₙ ‖x(2)ₙ − tₙ‖² under the squared
    /// error), every parameter from N(0, ε²).
    pub fn settings(&self) -> Settings {
        Settings {
            task: Task::ClassOutputs(CLASSES),
            inputs: PIXELS,
            init: Init::Normal { std: self.epsilon },
            hidden: self.hidden.clone(),
            hidden_activation: self.activation,
            output_activation: self.output_activation(),
            loss: self.loss,
            reduction: Reduction::Sum,
            eta: self.eta,
            batch_size: self.batch_size,
            weight_seed: self.weight_seed,
            max_width: MAX_HIDDEN,
            optimizer: self.optimizer,
            ..Settings::default()
        }
    }

    /// The network with every weight and bias drawn from N(0, ε²), as the
    /// Trainer builds it from `settings`.
    pub fn initial_model(&self) -> Mlp {
        let mut mlp = Mlp::zeros(&self.sizes(), self.activation, self.output_activation());
        draw_normal(&mut mlp, self.epsilon, self.weight_seed);
        mlp
    }
}
