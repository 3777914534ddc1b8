//! Weight penalties: the objective minimised becomes ℒ + λ R(w), and its
//! gradient ∇ℒ + λ ∇R(w) is what the optimiser steps along.
//!
//! Conventions (those of TensorFlow Playground):
//! - L1: R(w) = Σ |w|, so ∂R/∂w = sign(w) (0 at w = 0, the subgradient that
//!   leaves an exact zero in place);
//! - L2: R(w) = ½ Σ w², so ∂R/∂w = w (the ½ makes λ the decay rate:
//!   w ← w − η (∇ℒ + λ w) = (1 − ηλ) w − η ∇ℒ).
//!
//! Only the weights w(l) are penalised, never the biases b(l): a bias only
//! shifts a unit's threshold and does not make the function any steeper, so
//! shrinking it buys no smoothness and would pull every boundary toward the
//! origin. The penalty is not divided by N, whatever the reduction.
//!
//! The loss curve and readouts show the data loss ℒ alone, so that runs with
//! different λ (and the test loss, which has no penalty) stay comparable; the
//! gradient check checks the penalised objective ℒ + λ R(w), which is what the
//! update descends.

use crate::nn::mlp::{Gradients, Mlp};

/// The largest λ the page accepts.
pub const MAX_LAMBDA: f32 = 10.0;

/// Which penalty is added to the loss, with its rate λ.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Regularization {
    /// No penalty.
    None,
    /// λ Σ |w|: pushes weights to exactly zero (sparse units).
    L1 {
        /// The rate λ.
        lambda: f32,
    },
    /// λ ½ Σ w²: shrinks every weight in proportion to its size.
    L2 {
        /// The rate λ.
        lambda: f32,
    },
}

crate::named_enum!(
    Regularization,
    "regularisation",
    NAMED = [
        None = "none",
        L1 { lambda: 0.0 } = "l1",
        L2 { lambda: 0.0 } = "l2"
    ]
);

impl Regularization {
    /// Parses the page's names "none", "l1" and "l2" with the rate λ.
    pub fn parse(name: &str, lambda: f32) -> Result<Regularization, String> {
        let r = match name.parse()? {
            Regularization::None => Regularization::None,
            Regularization::L1 { .. } => Regularization::L1 { lambda },
            Regularization::L2 { .. } => Regularization::L2 { lambda },
        };
        r.validate()?;
        Ok(r)
    }

    /// Checks λ: a finite number in [0, `MAX_LAMBDA`].
    pub fn validate(&self) -> Result<(), String> {
        match self.lambda() {
            Some(l) if !(0.0..=MAX_LAMBDA).contains(&l) => Err(format!(
                "The regularisation rate λ must be a number between 0 and {MAX_LAMBDA} (got {l})."
            )),
            _ => Ok(()),
        }
    }

    /// λ, or None without a penalty.
    pub fn lambda(&self) -> Option<f32> {
        match *self {
            Regularization::None => None,
            Regularization::L1 { lambda } | Regularization::L2 { lambda } => Some(lambda),
        }
    }

    /// A short name for legends: "", "L1 λ=0.01", "L2 λ=0.01".
    pub fn label(&self) -> String {
        match self {
            Regularization::None => String::new(),
            Regularization::L1 { lambda } => format!("L1 λ={lambda}"),
            Regularization::L2 { lambda } => format!("L2 λ={lambda}"),
        }
    }

    /// λ R(w) over every weight of every layer (biases excluded).
    pub fn penalty(&self, mlp: &Mlp) -> f32 {
        let weights = || mlp.layers.iter().flat_map(|l| l.w.iter());
        match *self {
            Regularization::None => 0.0,
            Regularization::L1 { lambda } => lambda * weights().map(|w| w.abs()).sum::<f32>(),
            Regularization::L2 { lambda } => 0.5 * lambda * weights().map(|w| w * w).sum::<f32>(),
        }
    }

    /// Adds λ ∂R/∂w to every weight's gradient (biases untouched).
    pub fn add_gradient(&self, mlp: &Mlp, grads: &mut Gradients) {
        let (lambda, l1) = match *self {
            Regularization::None => return,
            Regularization::L1 { lambda } => (lambda, true),
            Regularization::L2 { lambda } => (lambda, false),
        };
        for (layer, g) in mlp.layers.iter().zip(&mut grads.layers) {
            for (d, &w) in g.w.iter_mut().zip(&layer.w) {
                // f32::signum(0.0) is 1: the subgradient 0 keeps w = 0 in place.
                let dr = if l1 { sign(w) } else { w };
                *d += lambda * dr;
            }
        }
    }
}

fn sign(w: f32) -> f32 {
    if w > 0.0 {
        1.0
    } else if w < 0.0 {
        -1.0
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Activation;

    #[test]
    fn penalties_use_the_weights_only() {
        let mut mlp = Mlp::zeros(&[2, 1], Activation::Tanh, Activation::Identity);
        mlp.layers[0].w = vec![2.0, -3.0];
        mlp.layers[0].b = vec![100.0];
        assert_eq!(Regularization::L1 { lambda: 0.5 }.penalty(&mlp), 2.5);
        assert_eq!(Regularization::L2 { lambda: 0.5 }.penalty(&mlp), 3.25);
        let mut g = mlp.zero_gradients();
        Regularization::L1 { lambda: 0.5 }.add_gradient(&mlp, &mut g);
        assert_eq!((g.layers[0].w.clone(), g.layers[0].b[0]), (vec![0.5, -0.5], 0.0));
        let mut g = mlp.zero_gradients();
        Regularization::L2 { lambda: 0.5 }.add_gradient(&mlp, &mut g);
        assert_eq!(g.layers[0].w, vec![1.0, -1.5]);
    }

    #[test]
    fn bad_names_and_rates_get_a_sentence() {
        assert!(Regularization::parse("l3", 0.1).unwrap_err().contains("l1 or l2"));
        assert!(Regularization::parse("l2", -1.0).unwrap_err().contains("λ"));
        assert!(Regularization::parse("l1", f32::NAN).is_err());
        assert_eq!(Regularization::parse("none", f32::NAN), Ok(Regularization::None));
    }
}
