//! The K-class problems (K = 3 to 5, labels 0..K−1): K spiral arms and K
//! Gaussian clusters, jittered like the two-class shapes.

use super::{Dataset, DatasetKind, DOMAIN};
use crate::nn::random::standard_normal;
use rand::rngs::StdRng;
use std::f32::consts::TAU;

impl DatasetKind {
    /// The K-class problems (with K = 3), in the order the page lists them.
    pub const MULTICLASS: [DatasetKind; 2] = [DatasetKind::Arms(3), DatasetKind::Clusters(3)];

    /// K for a K-class problem (labels 0..K−1), None for two classes ±1 and
    /// for regression.
    pub fn classes(self) -> Option<usize> {
        match self {
            DatasetKind::Arms(k) | DatasetKind::Clusters(k) => Some(usize::from(k)),
            _ => None,
        }
    }

    /// The same problem with K classes (a two-class or regression kind is
    /// returned unchanged).
    pub fn with_classes(self, k: u8) -> DatasetKind {
        match self {
            DatasetKind::Arms(_) => DatasetKind::Arms(k),
            DatasetKind::Clusters(_) => DatasetKind::Clusters(k),
            other => other,
        }
    }

    /// `n` points of classes 0, 1, …, K−1 in turn (any prefix is balanced),
    /// jittered like the two-class shapes.
    pub(super) fn sample_classes(self, k: usize, n: usize, noise: f32, rng: &mut StdRng, d: &mut Dataset) {
        let k = k.max(1);
        for i in 0..n {
            let class = i % k;
            // Position along the class's arm in [0, 1).
            let t = (i / k) as f32 / n.div_ceil(k) as f32;
            let turn = TAU * class as f32 / k as f32;
            let [x, y] = match self {
                DatasetKind::Arms(_) => {
                    // One turn per arm (the two spirals make 1.75): K arms
                    // share the plane, and more turns would pack them too close.
                    let (r, a) = (5.0 * t, TAU * t + turn);
                    [r * a.sin(), r * a.cos()]
                }
                _ => [
                    3.5 * turn.cos() + 0.7 * standard_normal(rng),
                    3.5 * turn.sin() + 0.7 * standard_normal(rng),
                ],
            };
            let jitter = noise * self.jitter_scale();
            let x = x + jitter * standard_normal(rng);
            let y = y + jitter * standard_normal(rng);
            d.push([x.clamp(-DOMAIN, DOMAIN), y.clamp(-DOMAIN, DOMAIN)], class as f32);
        }
    }
}
