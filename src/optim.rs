//! The gradient step w ← w − η ∇L, applied to every w(l) and b(l).

use crate::mlp::{Gradients, Mlp};

/// Why a step was refused: it would have left a parameter infinite or NaN.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NonFinite;

/// Plain (full-batch or mini-batch) gradient descent with step size η.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GradientDescent {
    /// The step size η of w ← w − η ∇L.
    pub eta: f32,
}

impl GradientDescent {
    /// Applies w ← w − η ∇L to every parameter, or changes nothing and returns
    /// `NonFinite` when a gradient or an updated parameter would not be finite.
    ///
    /// Checking before writing keeps the last finite model on screen when η is
    /// too large, so a teacher can lower η and carry on from it.
    pub fn step(&self, mlp: &mut Mlp, grads: &Gradients) -> Result<(), NonFinite> {
        if !self.would_stay_finite(mlp, grads) {
            return Err(NonFinite);
        }
        for (layer, g) in mlp.layers.iter_mut().zip(&grads.layers) {
            descend(&mut layer.w, &g.w, self.eta);
            descend(&mut layer.b, &g.b, self.eta);
        }
        Ok(())
    }

    fn would_stay_finite(&self, mlp: &Mlp, grads: &Gradients) -> bool {
        mlp.layers.iter().zip(&grads.layers).all(|(layer, g)| {
            let pairs = layer.w.iter().zip(&g.w).chain(layer.b.iter().zip(&g.b));
            pairs.into_iter().all(|(&p, &d)| (p - self.eta * d).is_finite())
        })
    }
}

fn descend(params: &mut [f32], grads: &[f32], eta: f32) {
    for (p, &g) in params.iter_mut().zip(grads) {
        *p -= eta * g;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Activation;

    #[test]
    fn step_moves_against_the_gradient() {
        let mut mlp = Mlp::zeros(&[2, 1], Activation::Tanh, Activation::Identity);
        let mut g = mlp.zero_gradients();
        g.layers[0].w = vec![1.0, -2.0];
        g.layers[0].b = vec![0.5];
        GradientDescent { eta: 0.1 }.step(&mut mlp, &g).unwrap();
        assert_eq!(mlp.layers[0].w, vec![-0.1, 0.2]);
        assert_eq!(mlp.layers[0].b, vec![-0.05]);
    }

    #[test]
    fn a_step_to_infinity_is_refused_and_changes_nothing() {
        let mut mlp = Mlp::zeros(&[2, 1], Activation::Tanh, Activation::Identity);
        mlp.layers[0].w = vec![1.0, 1.0];
        let before = mlp.clone();
        let mut g = mlp.zero_gradients();
        g.layers[0].w = vec![1.0, f32::MAX];
        let result = GradientDescent { eta: 10.0 }.step(&mut mlp, &g);
        assert_eq!(result, Err(NonFinite));
        assert_eq!(mlp, before);
    }
}
