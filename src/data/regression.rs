//! The regression problems: real targets t ∈ [−1, 1] over the square, drawn
//! with the same seeded generator as the classification shapes.

use super::{Dataset, DatasetKind, DOMAIN};
use crate::nn::random::standard_normal;
use rand::rngs::StdRng;
use rand::Rng;

/// The bumps of `DatasetKind::Gaussians`: centre (c₁, c₂) and sign s.
const BUMPS: [(f32, f32, f32); 4] = [
    (-3.0, 2.5, 1.0),
    (2.5, 3.0, -1.0),
    (3.0, -2.5, 1.0),
    (-2.5, -3.0, -1.0),
];
/// Their common width r.
const BUMP_WIDTH: f32 = 1.8;

impl DatasetKind {
    /// The regression problems (real targets), in the order the page lists them.
    pub const REGRESSION: [DatasetKind; 2] = [DatasetKind::Plane, DatasetKind::Gaussians];

    /// Whether the labels are real targets t ∈ [−1, 1] rather than classes ±1.
    pub fn is_regression(self) -> bool {
        matches!(self, DatasetKind::Plane | DatasetKind::Gaussians)
    }

    /// The noise-free target t(x) of a regression problem (0 for the others).
    pub fn target(self, x1: f32, x2: f32) -> f32 {
        match self {
            DatasetKind::Plane => (2.0 * x1 + x2) / 18.0,
            DatasetKind::Gaussians => BUMPS
                .iter()
                .map(|&(c1, c2, s)| {
                    let d2 = (x1 - c1).powi(2) + (x2 - c2).powi(2);
                    s * (-d2 / (2.0 * BUMP_WIDTH * BUMP_WIDTH)).exp()
                })
                .sum::<f32>()
                .clamp(-1.0, 1.0),
            _ => 0.0,
        }
    }

    /// `n` points uniform in the square, each labelled with its target plus
    /// a Gaussian noise of standard deviation noise/2, clamped to [−1, 1].
    pub(super) fn sample_values(self, n: usize, noise: f32, rng: &mut StdRng, d: &mut Dataset) {
        for _ in 0..n {
            let x1 = rng.random_range(-DOMAIN..DOMAIN);
            let x2 = rng.random_range(-DOMAIN..DOMAIN);
            let t = self.target(x1, x2) + 0.5 * noise * standard_normal(rng);
            d.push([x1, x2], t.clamp(-1.0, 1.0));
        }
    }
}
