//! How class labels ±1 become regression targets, and how an output becomes a
//! class and a colour. It depends on the loss and the output activation:
//! - logistic loss: the output is a score f, P(Y = 1 | x) = σ(f), targets ±1;
//! - squared error: the targets are the two ends of the output's range
//!   (−1 and 1 for tanh or identity, 0 and 1 for the sigmoid);
//! - regression: the targets are the values themselves.

use crate::nn::activation::{sigmoid, Activation};
use crate::nn::loss::Loss;

/// The mapping between labels and outputs for one loss and output activation.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Encoding {
    /// Target of class −1.
    pub low: f32,
    /// Target of class +1.
    pub high: f32,
    /// Whether outputs are logistic scores (then the colour is 2 P(Y=1|x) − 1).
    pub logistic: bool,
    /// Whether targets are real values, taken as they are.
    pub regression: bool,
}

impl Encoding {
    /// The encoding for a loss and an output activation.
    pub fn new(loss: Loss, output: Activation) -> Encoding {
        match loss {
            // Scores: with K classes only the argmax matters (see `crate::nn::softmax`).
            Loss::Logistic | Loss::SoftmaxCrossEntropy => Encoding {
                low: -1.0,
                high: 1.0,
                logistic: true,
                regression: false,
            },
            Loss::Mse => {
                let (low, high) = output.range();
                Encoding {
                    low,
                    high: high.min(1.0),
                    logistic: false,
                    regression: false,
                }
            }
        }
    }

    /// Targets are the data's own values; colours map [−1, 1].
    pub fn regression() -> Encoding {
        Encoding {
            low: -1.0,
            high: 1.0,
            logistic: false,
            regression: true,
        }
    }

    /// The target the loss compares the output with, for a label ±1.
    pub fn target(&self, label: f32) -> f32 {
        if self.regression {
            label
        } else if label > 0.0 {
            self.high
        } else {
            self.low
        }
    }

    /// The output value on the decision boundary (confidence 0).
    pub fn threshold(&self) -> f32 {
        if self.logistic {
            0.0
        } else {
            0.5 * (self.low + self.high)
        }
    }

    /// The predicted label ±1: the output's side of the decision threshold.
    pub fn class(&self, output: f32) -> f32 {
        if self.confidence(output) >= 0.0 {
            1.0
        } else {
            -1.0
        }
    }

    /// The output mapped to [−1, 1]: −1 sure of class −1, 0 on the boundary,
    /// +1 sure of class +1. NaN maps to 0 so nothing undefined is drawn.
    pub fn confidence(&self, output: f32) -> f32 {
        let c = if self.logistic {
            2.0 * sigmoid(output) - 1.0
        } else {
            let mid = 0.5 * (self.low + self.high);
            (output - mid) / (0.5 * (self.high - self.low))
        };
        if c.is_nan() {
            0.0
        } else {
            c.clamp(-1.0, 1.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sigmoid_output_with_mse_targets_zero_and_one() {
        let e = Encoding::new(Loss::Mse, Activation::Sigmoid);
        assert_eq!((e.target(-1.0), e.target(1.0)), (0.0, 1.0));
        assert_eq!(e.class(0.6), 1.0);
        assert_eq!(e.class(0.4), -1.0);
        assert!((e.confidence(0.75) - 0.5).abs() < 1e-6);
    }

    #[test]
    fn logistic_scores_split_at_zero() {
        let e = Encoding::new(Loss::Logistic, Activation::Identity);
        assert_eq!(e.class(0.1), 1.0);
        assert_eq!(e.class(-0.1), -1.0);
        assert_eq!(e.confidence(0.0), 0.0);
        assert!(e.confidence(50.0) > 0.999);
        assert_eq!(e.confidence(f32::NAN), 0.0);
    }
}
