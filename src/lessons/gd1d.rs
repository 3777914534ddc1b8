//! Gradient descent on a function of one variable, as the notes derive it:
//! from w₀, the quadratic model L̃(w) = L(w₀) + L'(w₀)(w − w₀) + (1/2η)(w − w₀)²
//! has its minimum at w₀ − η L'(w₀), the next iterate. Whether the iterates
//! converge, oscillate, diverge or land in another minimum depends on w₀ and η.

/// A curve L(w) to descend.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Curve {
    /// L(w) = (w − 1)²: L'' = 2, so GD converges exactly when η < 2/L'' = 1.
    Quadratic,
    /// Two Gaussian wells of different depths on a faint bowl: two local
    /// minima, and flat shoulders where GD crawls.
    TwoWells,
    /// L(w) = w⁴/4: the curvature grows with |w|, so a fixed η that works near
    /// 0 diverges from far away.
    Quartic,
    /// L(w) = w²/8 − cos(3w)/2: many local minima.
    Bumpy,
}

/// Where a run of gradient descent ends.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Outcome {
    /// Settled at the local minimum with this index in `Curve::minima()`.
    Converged(usize),
    /// Still moving after `BUDGET` steps (a cycle or a crawl), with no proof
    /// that it grows without bound.
    Oscillating,
    /// Grows without bound: proved from the curve's formula where it allows
    /// (`Curve::grows_without_bound`), else seen leaving |w| ≤ `BOUND`.
    Diverged,
}

/// The steps a run may take before the verdict "still moving": one number for
/// the sentence and for every cell of the outcome map.
pub const BUDGET: usize = 500;

/// Beyond this |w| an iterate has left every bound.
pub const BOUND: f64 = 1e6;

crate::named_enum!(
    Curve,
    "curve",
    ALL = [
        Quadratic = "quadratic",
        TwoWells = "two-wells",
        Quartic = "quartic",
        Bumpy = "bumpy"
    ]
);

impl Curve {
    /// L(w).
    pub fn value(self, w: f64) -> f64 {
        match self {
            Curve::Quadratic => (w - 1.0).powi(2),
            Curve::TwoWells => {
                0.02 * w * w - (-(w + 1.5).powi(2)).exp() - 0.6 * (-(w - 1.2).powi(2) / 0.5).exp()
            }
            Curve::Quartic => w.powi(4) / 4.0,
            Curve::Bumpy => w * w / 8.0 - (3.0 * w).cos() / 2.0,
        }
    }

    /// L'(w), next to L: the gradient descent step needs only this.
    pub fn derivative(self, w: f64) -> f64 {
        match self {
            Curve::Quadratic => 2.0 * (w - 1.0),
            Curve::TwoWells => {
                0.04 * w
                    + 2.0 * (w + 1.5) * (-(w + 1.5).powi(2)).exp()
                    + 0.6 * (2.0 * (w - 1.2) / 0.5) * (-(w - 1.2).powi(2) / 0.5).exp()
            }
            Curve::Quartic => w.powi(3),
            Curve::Bumpy => w / 4.0 + 1.5 * (3.0 * w).sin(),
        }
    }

    /// L''(w): whether a minimum holds gradient descent (0 ≤ η L'' < 2).
    pub fn second_derivative(self, w: f64) -> f64 {
        match self {
            Curve::Quadratic => 2.0,
            Curve::TwoWells => {
                let (a, c) = (w + 1.5, w - 1.2);
                0.04 + 2.0 * (-a * a).exp() * (1.0 - 2.0 * a * a)
                    + 2.4 * (-c * c / 0.5).exp() * (1.0 - 4.0 * c * c)
            }
            Curve::Quartic => 3.0 * w * w,
            Curve::Bumpy => 0.25 + 4.5 * (3.0 * w).cos(),
        }
    }

    /// Whether the formula of L proves that the iterates from w₀ grow without
    /// bound, however slowly: on (w − 1)² each step multiplies w − 1 by
    /// 1 − 2η, so |1 − 2η| > 1 diverges; on w⁴/4 each step multiplies w by
    /// 1 − η w², so η w₀² > 2 makes |w| grow, and then η w² grows with it.
    pub fn grows_without_bound(self, w0: f64, eta: f64) -> bool {
        match self {
            Curve::Quadratic => w0 != 1.0 && (1.0 - 2.0 * eta).abs() > 1.0,
            Curve::Quartic => eta * w0 * w0 > 2.0,
            Curve::TwoWells | Curve::Bumpy => false,
        }
    }

    /// The range of w the page plots.
    pub fn domain(self) -> (f64, f64) {
        match self {
            Curve::Quadratic => (-2.0, 4.0),
            Curve::TwoWells | Curve::Bumpy => (-4.0, 4.0),
            Curve::Quartic => (-3.0, 3.0),
        }
    }

    /// The local minima inside the domain, left to right: where L' changes
    /// sign from − to +, refined by bisection.
    pub fn minima(self) -> Vec<f64> {
        let (lo, hi) = self.domain();
        let n = 4000;
        let at = |i: usize| lo + (hi - lo) * i as f64 / n as f64;
        (0..n)
            .filter(|&i| self.derivative(at(i)) < 0.0 && self.derivative(at(i + 1)) >= 0.0)
            .map(|i| {
                let (mut a, mut b) = (at(i), at(i + 1));
                for _ in 0..60 {
                    let m = 0.5 * (a + b);
                    if self.derivative(m) < 0.0 {
                        a = m
                    } else {
                        b = m
                    }
                }
                0.5 * (a + b)
            })
            .collect()
    }

    /// The notes' quadratic model around w₀ for step size η, at w.
    pub fn model(self, w0: f64, eta: f64, w: f64) -> f64 {
        self.value(w0) + self.derivative(w0) * (w - w0) + (w - w0).powi(2) / (2.0 * eta)
    }
}

/// w₀, w₁, … w_steps of w ← w − η L'(w), stopping early once w leaves every bound.
pub fn iterates(curve: Curve, w0: f64, eta: f64, steps: usize) -> Vec<f64> {
    let mut ws = vec![w0];
    let mut w = w0;
    for _ in 0..steps {
        w -= eta * curve.derivative(w);
        ws.push(w);
        if escaped(w) {
            break;
        }
    }
    ws
}

/// Whether w has left every bound.
pub fn escaped(w: f64) -> bool {
    !w.is_finite() || w.abs() > BOUND
}

/// Where gradient descent from w₀ with η ends, by the one rule both the
/// sentence and the map use: proved divergence first, then up to `BUDGET`
/// steps, stopping once settled at a minimum that holds it.
pub fn outcome(curve: Curve, w0: f64, eta: f64) -> Outcome {
    outcome_among(curve, &curve.minima(), w0, eta)
}

/// `outcome`, with the curve's minima found once for many runs.
fn outcome_among(curve: Curve, minima: &[f64], w0: f64, eta: f64) -> Outcome {
    if curve.grows_without_bound(w0, eta) {
        return Outcome::Diverged;
    }
    let (mut w, mut slope) = (w0, curve.derivative(w0));
    for _ in 0..BUDGET {
        let next = w - eta * slope;
        if escaped(next) {
            return Outcome::Diverged;
        }
        let moved = (next - w).abs();
        (w, slope) = (next, curve.derivative(next));
        // Settled: on a fixed point, or barely moving, flat, and at a minimum
        // that holds it (0 ≤ η L'' < 2, else it would be pushed away again).
        let fixed = moved == 0.0 && slope == 0.0;
        if fixed
            || moved < 1e-7
                && slope.abs() < 1e-5
                && (-1e-9..2.0).contains(&(eta * curve.second_derivative(w)))
        {
            return nearest(minima, w).map_or(Outcome::Oscillating, Outcome::Converged);
        }
    }
    Outcome::Oscillating
}

/// The index of the minimum nearest to w.
fn nearest(minima: &[f64], w: f64) -> Option<usize> {
    (0..minima.len()).min_by(|&a, &b| (minima[a] - w).abs().total_cmp(&(minima[b] - w).abs()))
}

/// The outcome for every (η, w₀) pair: rows are η, columns w₀.
pub fn outcome_map(curve: Curve, etas: &[f64], w0s: &[f64]) -> Vec<Outcome> {
    let minima = curve.minima();
    etas.iter()
        .flat_map(|&eta| w0s.iter().map(move |&w0| (w0, eta)))
        .map(|(w0, eta)| outcome_among(curve, &minima, w0, eta))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derivatives_match_central_differences() {
        for c in Curve::ALL {
            for w in [-2.3, -0.4, 0.7, 1.9] {
                let numeric = (c.value(w + 1e-6) - c.value(w - 1e-6)) / 2e-6;
                assert!((numeric - c.derivative(w)).abs() < 1e-5, "{c:?} at {w}");
            }
        }
    }

    #[test]
    fn the_next_iterate_minimises_the_quadratic_model() {
        let (c, w0, eta) = (Curve::TwoWells, 0.3, 0.4);
        let next = iterates(c, w0, eta, 1)[1];
        for d in [-1e-3, 1e-3] {
            assert!(c.model(w0, eta, next) < c.model(w0, eta, next + d));
        }
    }
}
