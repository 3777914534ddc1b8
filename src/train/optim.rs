//! The update rules applied to every w(l) and b(l): plain gradient descent
//! w ← w − η ∇ℒ, momentum (heavy ball) and Adam.
//!
//! Every rule first works out the whole update, and writes it (parameters and
//! optimiser state) only if every new value is finite: a refused step changes
//! nothing, which the Trainer's divergence handling relies on.

use crate::nn::mlp::{Gradients, Mlp};

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

// --- optimisers ---

/// Which update rule a Trainer uses.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Optimizer {
    /// w ← w − η ∇ℒ.
    GradientDescent,
    /// Heavy ball: v ← β v + ∇ℒ, w ← w − η v (v starts at 0).
    Momentum {
        /// The decay β of the velocity, in [0, 1).
        beta: f32,
    },
    /// Adam (Kingma & Ba 2015) with β₁ = 0.9, β₂ = 0.999, ε = 1e-8:
    /// m ← β₁ m + (1 − β₁) ∇ℒ, v ← β₂ v + (1 − β₂) ∇ℒ²,
    /// w ← w − η m̂ / (√v̂ + ε) with m̂ = m / (1 − β₁ᵗ), v̂ = v / (1 − β₂ᵗ).
    Adam,
}

/// Adam's β₁ (decay of the mean of ∇ℒ).
pub const ADAM_BETA1: f32 = 0.9;
/// Adam's β₂ (decay of the mean of ∇ℒ²).
pub const ADAM_BETA2: f32 = 0.999;
/// Adam's ε, which keeps the step finite where v̂ = 0.
pub const ADAM_EPSILON: f32 = 1e-8;
/// The momentum β the page starts with.
pub const DEFAULT_MOMENTUM: f32 = 0.9;

crate::named_enum!(
    Optimizer,
    "optimiser",
    NAMED = [
        GradientDescent = "gd",
        Momentum {
            beta: DEFAULT_MOMENTUM
        } = "momentum",
        Adam = "adam"
    ]
);

impl Optimizer {
    /// Parses the page's names: "gd", "momentum" (with `beta`) or "adam".
    pub fn parse(name: &str, beta: f32) -> Result<Optimizer, String> {
        let opt = match name.parse()? {
            Optimizer::Momentum { .. } => Optimizer::Momentum { beta },
            other => other,
        };
        opt.validate()?;
        Ok(opt)
    }

    /// Checks β of momentum: a number in [0, 1), since β ≥ 1 lets v grow forever.
    pub fn validate(&self) -> Result<(), String> {
        match *self {
            Optimizer::Momentum { beta } if !(0.0..1.0).contains(&beta) => {
                Err(format!("The momentum β must be a number in [0, 1) (got {beta})."))
            }
            _ => Ok(()),
        }
    }

    /// A short name for legends: "GD", "momentum β=0.9", "Adam".
    pub fn label(&self) -> String {
        match self {
            Optimizer::GradientDescent => "GD".to_string(),
            Optimizer::Momentum { beta } => format!("momentum β={beta}"),
            Optimizer::Adam => "Adam".to_string(),
        }
    }
}

/// The state an optimiser keeps between steps: one slot per parameter of
/// every w(l) and b(l), in the order layer 1 w, layer 1 b, layer 2 w, …
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OptimizerState {
    /// Momentum's velocity v, or Adam's first moment m.
    first: Vec<f32>,
    /// Adam's second moment v.
    second: Vec<f32>,
    /// Steps taken since the last reset (Adam's t).
    steps: u64,
}

impl OptimizerState {
    /// Forgets every velocity and moment (a restart or a new optimiser).
    pub fn reset(&mut self) {
        self.first.clear();
        self.second.clear();
        self.steps = 0;
    }

    /// Steps taken since the last reset.
    pub fn steps(&self) -> u64 {
        self.steps
    }

    /// Applies one update of `opt` with step size `eta`, or changes nothing
    /// (neither the model nor this state) and returns `NonFinite` when any
    /// new parameter or state value would not be finite.
    pub fn step(
        &mut self,
        opt: Optimizer,
        eta: f32,
        mlp: &mut Mlp,
        grads: &Gradients,
    ) -> Result<(), NonFinite> {
        if let Optimizer::GradientDescent = opt {
            return GradientDescent { eta }.step(mlp, grads);
        }
        let n = mlp.param_count();
        if self.first.len() != n {
            // First step, or the network changed shape: start from v = m = 0.
            self.reset();
            self.first.resize(n, 0.0);
            self.second.resize(n, 0.0);
        }
        let rule = Rule::new(opt, eta, self.steps + 1);
        // Pass 1 only looks; pass 2 writes, so a refused step changes nothing.
        let mut all_finite = true;
        self.visit(mlp, grads, |p, g, m, v| {
            let (p, m, v) = rule.apply(*p, g, *m, *v);
            all_finite &= p.is_finite() && m.is_finite() && v.is_finite();
        });
        if !all_finite {
            return Err(NonFinite);
        }
        self.visit(mlp, grads, |p, g, m, v| (*p, *m, *v) = rule.apply(*p, g, *m, *v));
        self.steps += 1;
        Ok(())
    }

    /// Calls `f(parameter, gradient, first, second)` for every parameter.
    fn visit(
        &mut self,
        mlp: &mut Mlp,
        grads: &Gradients,
        mut f: impl FnMut(&mut f32, f32, &mut f32, &mut f32),
    ) {
        let mut state = self.first.iter_mut().zip(self.second.iter_mut());
        for (layer, g) in mlp.layers.iter_mut().zip(&grads.layers) {
            let params = layer.w.iter_mut().chain(layer.b.iter_mut());
            for (p, &d) in params.zip(g.w.iter().chain(&g.b)) {
                if let Some((m, v)) = state.next() {
                    f(p, d, m, v);
                }
            }
        }
    }
}

/// One step's constants (the bias corrections depend on the step number t).
#[derive(Clone, Copy, Debug)]
struct Rule {
    opt: Optimizer,
    eta: f32,
    correction1: f32,
    correction2: f32,
}

impl Rule {
    fn new(opt: Optimizer, eta: f32, t: u64) -> Rule {
        let t = t.min(i32::MAX as u64) as i32;
        Rule {
            opt,
            eta,
            correction1: 1.0 - ADAM_BETA1.powi(t),
            correction2: 1.0 - ADAM_BETA2.powi(t),
        }
    }

    /// (new parameter, new first state, new second state).
    fn apply(&self, p: f32, g: f32, m: f32, v: f32) -> (f32, f32, f32) {
        match self.opt {
            Optimizer::GradientDescent => (p - self.eta * g, m, v),
            Optimizer::Momentum { beta } => {
                let velocity = beta * m + g;
                (p - self.eta * velocity, velocity, v)
            }
            Optimizer::Adam => {
                let m = ADAM_BETA1 * m + (1.0 - ADAM_BETA1) * g;
                let v = ADAM_BETA2 * v + (1.0 - ADAM_BETA2) * g * g;
                let (m_hat, v_hat) = (m / self.correction1, v / self.correction2);
                (p - self.eta * m_hat / (v_hat.sqrt() + ADAM_EPSILON), m, v)
            }
        }
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
