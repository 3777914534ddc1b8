//! Losses ℓ(f(x), y), each value written next to its gradient ∇₁ℓ with respect
//! to the prediction, and the reduction that turns per-sample terms into L.
//!
//! The backward pass starts from ∇₁ℓ: dℓ/dx(L) = ∇₁ℓ(x(L)).

use crate::nn::activation::sigmoid;
use crate::nn::softmax;

/// A per-sample loss ℓ(prediction, target).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Loss {
    /// Squared error ℓ = (f − y)², as in the lecture's MSE (1/N) Σ (f(x_n) − y_n)².
    Mse,
    /// Logistic loss ℓ = −log σ(y f) with labels y = ±1, the loss of logistic
    /// regression in the notes; f is the score (use the identity output).
    Logistic,
    /// Softmax cross-entropy of a K-class problem on a row of K scores s
    /// with a one-hot target t: ℓ = −Σ_k t_k log softmax(s)_k (see
    /// `crate::nn::softmax`). It needs the whole row, so `evaluate*` handle it
    /// row by row; `value` and `gradient` give only its per-output part
    /// −t s and −t, to which the row's log Σ_j e^(s_j) and softmax(s) add.
    /// Not one of the page's choices: K-class data sets use it by themselves.
    SoftmaxCrossEntropy,
}

/// How the per-sample terms are combined into the empirical risk L.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Reduction {
    /// L = (1/N) Σ_n ℓ_n: η keeps its meaning whatever N is.
    Mean,
    /// L = Σ_n ℓ_n: the notes' logistic-regression figure (100 points, η = 0.1).
    Sum,
}

impl Loss {
    /// ℓ(pred, target) for one output.
    #[inline]
    pub fn value(self, pred: f32, target: f32) -> f32 {
        match self {
            Loss::Mse => {
                let d = pred - target;
                d * d
            }
            // −log σ(z) = log(1 + e^(−z)), written so it never overflows.
            Loss::Logistic => {
                let z = target * pred;
                (-z).max(0.0) + (-z.abs()).exp().ln_1p()
            }
            Loss::SoftmaxCrossEntropy => -target * pred,
        }
    }

    /// ∂ℓ/∂pred for one output.
    #[inline]
    pub fn gradient(self, pred: f32, target: f32) -> f32 {
        match self {
            Loss::Mse => 2.0 * (pred - target),
            // d/df [−log σ(y f)] = −y σ(−y f), the u_n of the notes.
            Loss::Logistic => -target * sigmoid(-target * pred),
            Loss::SoftmaxCrossEntropy => -target,
        }
    }

    /// L over a batch of prediction rows `outputs` wide and their targets.
    ///
    /// The sum is accumulated in f64 so that a large batch keeps the loss
    /// curve's low digits.
    pub fn evaluate(self, reduction: Reduction, preds: &[f32], targets: &[f32], outputs: usize) -> f32 {
        debug_assert_eq!(preds.len(), targets.len());
        if self == Loss::SoftmaxCrossEntropy {
            let scale = reduction.scale(preds.len(), outputs);
            return softmax::evaluate(preds, targets, outputs, scale, None);
        }
        let total: f64 = preds
            .iter()
            .zip(targets)
            .map(|(&p, &t)| f64::from(self.value(p, t)))
            .sum();
        (total * f64::from(reduction.scale(preds.len(), outputs))) as f32
    }

    /// L over a batch, writing dL/dpred for every row into `grad` (same length).
    ///
    /// `outputs` is the width of one prediction row, so that the mean is over
    /// samples, not over output units.
    pub fn evaluate_with_gradient(
        self,
        reduction: Reduction,
        preds: &[f32],
        targets: &[f32],
        outputs: usize,
        grad: &mut [f32],
    ) -> f32 {
        let scale = reduction.scale(preds.len(), outputs);
        self.evaluate_with_gradient_scaled(scale, preds, targets, outputs, grad)
    }

    /// As `evaluate_with_gradient`, with the factor in front of Σ_n ℓ_n given:
    /// a part of a batch is scaled as the whole batch (see `Reduction::scale`
    /// of the whole), so that the parts' losses and gradients add up to its.
    pub fn evaluate_with_gradient_scaled(
        self,
        scale: f32,
        preds: &[f32],
        targets: &[f32],
        outputs: usize,
        grad: &mut [f32],
    ) -> f32 {
        debug_assert_eq!(preds.len(), targets.len());
        debug_assert_eq!(preds.len(), grad.len());
        if self == Loss::SoftmaxCrossEntropy {
            return softmax::evaluate(preds, targets, outputs, scale, Some(grad));
        }
        let mut total = 0.0_f64;
        for ((g, &p), &t) in grad.iter_mut().zip(preds).zip(targets) {
            total += f64::from(self.value(p, t));
            *g = scale * self.gradient(p, t);
        }
        (total * f64::from(scale)) as f32
    }
}

// Softmax cross-entropy has a name (the settings report shows it) but is not
// one of the page's choices: K-class data sets use it by themselves.
crate::named_enum!(
    Loss,
    "loss",
    ALL = [Mse = "mse", Logistic = "logistic"],
    unlisted = [SoftmaxCrossEntropy = "softmax-cross-entropy"]
);
crate::named_enum!(Reduction, "reduction", ALL = [Mean = "mean", Sum = "sum"]);

impl Reduction {
    /// The factor in front of Σ_n ℓ_n for a batch of `len` values, `outputs` per sample.
    pub fn scale(self, len: usize, outputs: usize) -> f32 {
        match self {
            Reduction::Mean => {
                let samples = len / outputs.max(1);
                1.0 / samples.max(1) as f32
            }
            Reduction::Sum => 1.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gradient_matches_central_difference() {
        let h = 1e-2_f32;
        for loss in Loss::ALL {
            for &(p, t) in &[(0.3_f32, 1.0_f32), (-1.2, 1.0), (0.7, -1.0), (2.5, -1.0)] {
                let numeric = (loss.value(p + h, t) - loss.value(p - h, t)) / (2.0 * h);
                assert!((numeric - loss.gradient(p, t)).abs() < 1e-3, "{loss} at {p}, {t}");
            }
        }
    }

    #[test]
    fn logistic_is_stable_far_out() {
        assert!((Loss::Logistic.value(-100.0, 1.0) - 100.0).abs() < 1e-4);
        assert!(Loss::Logistic.value(100.0, 1.0) < 1e-30);
        assert!((Loss::Logistic.value(0.0, -1.0) - std::f32::consts::LN_2).abs() < 1e-6);
    }

    #[test]
    fn mean_divides_by_samples_sum_does_not() {
        let preds = [1.0, 2.0, 3.0, 4.0];
        let targets = [0.0; 4];
        let mut g = [0.0; 4];
        let mean = Loss::Mse.evaluate_with_gradient(Reduction::Mean, &preds, &targets, 1, &mut g);
        assert!((mean - 7.5).abs() < 1e-6);
        assert_eq!(g, [0.5, 1.0, 1.5, 2.0]);
        let sum = Loss::Mse.evaluate(Reduction::Sum, &preds, &targets, 1);
        assert!((sum - 30.0).abs() < 1e-6);
    }
}
