//! The practical's recipe: the architecture, σ, the init scale ε of N(0, ε²)
//! for every weight and bias, η and the weight seed.

use crate::data::digits::{CLASSES, PIXELS};
use crate::nn::mlp::Mlp;
use crate::nn::random::standard_normal;
use crate::train::settings::{validate_eta, validate_hidden};
use crate::Activation;
use rand::rngs::StdRng;
use rand::SeedableRng;

/// The handout's init scale ε (standard deviation of every weight and bias).
pub const EPSILON: f32 = 1e-6;
/// The widest hidden layer the page offers.
pub const MAX_HIDDEN: usize = 512;

/// What the practical fixes: the architecture, σ, the init scale and η.
#[derive(Clone, Debug, PartialEq)]
pub struct Recipe {
    /// The hidden widths (the practical: one layer of 50).
    pub hidden: Vec<usize>,
    /// σ of every layer, the output's included (the practical: tanh).
    pub activation: Activation,
    /// Step size η (the practical: 0.1 / N_train).
    pub eta: f32,
    /// Standard deviation ε of the initial weights and biases.
    pub epsilon: f32,
    /// Seed of the initial weights.
    pub weight_seed: u64,
}

impl Recipe {
    /// The handout's recipe for a training set of `n_train` digits.
    pub fn practical(n_train: usize) -> Recipe {
        Recipe {
            hidden: vec![50],
            activation: Activation::Tanh,
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
        Ok(())
    }

    /// [784, hidden…, 10].
    pub fn sizes(&self) -> Vec<usize> {
        let mut s = vec![PIXELS];
        s.extend(&self.hidden);
        s.push(CLASSES);
        s
    }

    /// The network with every weight and bias drawn from N(0, ε²).
    pub fn initial_model(&self) -> Mlp {
        let mut mlp = Mlp::zeros(&self.sizes(), self.activation, self.activation);
        let mut rng = StdRng::seed_from_u64(self.weight_seed);
        for layer in &mut mlp.layers {
            for p in layer.w.iter_mut().chain(layer.b.iter_mut()) {
                *p = self.epsilon * standard_normal(&mut rng);
            }
        }
        mlp
    }
}
