//! Seeded 2D datasets in the square [−6, 6]² and their train/test split:
//! classification problems with labels ±1, and regression problems whose
//! labels are real targets t ∈ [−1, 1] (see `DatasetKind::is_regression`).
//!
//! Every generator draws from one `StdRng` seeded by the data seed, so the
//! same settings give the same points on every machine and in wasm.
//!
//! Beside the generators: the input features x(0) = φ(x₁, x₂) (`features`),
//! how labels become targets and outputs classes (`encoding`), and the user's
//! own points (`own_data`). The MNIST digits of the practical live in `digits`.

use crate::nn::random::standard_normal;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use std::f32::consts::{PI, TAU};

pub mod digits;
pub mod encoding;
pub mod features;
mod multiclass;
pub mod own_data;
mod regression;

/// Half the side of the square the data (and the page's plot) lives in.
pub const DOMAIN: f32 = 6.0;
/// The fewest and most classes K of a K-class data set.
pub const CLASSES_RANGE: (usize, usize) = (3, 5);
/// The fewest and most points a dataset may have.
pub const POINTS_RANGE: (usize, usize) = (4, 5000);

/// The shape of a 2D problem: two classes ±1 (the first five), real targets
/// (`REGRESSION`) or K classes (`MULTICLASS`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DatasetKind {
    /// Two Gaussian blobs: linearly separable when the noise is low.
    Blobs,
    /// The four quadrants, labelled by the sign of x1·x2.
    Xor,
    /// A disk (+1) inside a ring (−1).
    Circle,
    /// Two interleaved spiral arms.
    Spirals,
    /// Two interleaved half circles.
    Moons,
    /// Regression: t = (2x₁ + x₂)/18, a plane through 0 (|t| ≤ 1 on the square).
    Plane,
    /// Regression: t = Σ_k s_k exp(−|x − c_k|²/(2r²)), signed Gaussian bumps.
    Gaussians,
    /// K interleaved spiral arms, one class each (K = 3 to 5, labels 0..K−1).
    Arms(u8),
    /// K Gaussian clusters around a circle, one class each (K = 3 to 5).
    Clusters(u8),
}

/// Everything that determines a dataset.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DataSpec {
    /// Which problem.
    pub kind: DatasetKind,
    /// Train plus test points.
    pub points: usize,
    /// From 0 (clean) to 1 (classes overlap heavily): scales a Gaussian jitter.
    pub noise: f32,
    /// Share of the points used for training, in [0.1, 0.9].
    pub train_fraction: f32,
    /// The data seed.
    pub seed: u64,
}

/// Points and their labels: `inputs` is (len × dim) row-major; `labels` is
/// the class ±1 of a two-class problem, the class 0, 1, …, K−1 of a K-class
/// problem (K ≥ 3, see `DatasetKind::classes`), or the real target
/// t ∈ [−1, 1] of a regression problem.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dataset {
    /// Width of one input row.
    pub dim: usize,
    /// The inputs, one row per point.
    pub inputs: Vec<f32>,
    /// The class of each point, +1 or −1 (or its target t, in regression).
    pub labels: Vec<f32>,
}

/// A training set and a held-out test set drawn together.
#[derive(Clone, Debug, PartialEq)]
pub struct Split {
    /// Points the gradient sees.
    pub train: Dataset,
    /// Points it never sees, to measure generalisation.
    pub test: Dataset,
}

impl Dataset {
    /// Number of points.
    pub fn len(&self) -> usize {
        self.labels.len()
    }

    /// True when there are no points.
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// Row `i` of the inputs.
    pub fn input(&self, i: usize) -> &[f32] {
        &self.inputs[i * self.dim..(i + 1) * self.dim]
    }

    fn push(&mut self, x: [f32; 2], label: f32) {
        self.inputs.extend_from_slice(&x);
        self.labels.push(label);
    }
}

impl DataSpec {
    /// A sentence for the user when a setting is out of its range.
    pub fn validate(&self) -> Result<(), String> {
        if let Some(k) = self.kind.classes() {
            let (lo, hi) = CLASSES_RANGE;
            if k < lo || k > hi {
                return Err(format!(
                    "The number of classes K must be between {lo} and {hi} (got {k})."
                ));
            }
        }
        let (lo, hi) = POINTS_RANGE;
        if self.points < lo || self.points > hi {
            return Err(format!(
                "The number of points must be between {lo} and {hi} (got {}).",
                self.points
            ));
        }
        if !(0.0..=1.0).contains(&self.noise) {
            return Err(format!("Noise must be between 0 and 1 (got {}).", self.noise));
        }
        if !(0.1..=0.9).contains(&self.train_fraction) {
            return Err(format!(
                "The training fraction must be between 0.1 and 0.9 (got {}).",
                self.train_fraction
            ));
        }
        Ok(())
    }

    /// Draws the points and splits them at random into train and test.
    pub fn generate(&self) -> Split {
        let mut rng = StdRng::seed_from_u64(self.seed);
        let all = self.kind.sample(self.points, self.noise, &mut rng);
        let mut order: Vec<usize> = (0..all.len()).collect();
        order.shuffle(&mut rng);
        let n_train = ((all.len() as f32 * self.train_fraction).round() as usize).clamp(1, all.len() - 1);
        let pick = |idx: &[usize]| {
            let mut d = Dataset {
                dim: 2,
                ..Dataset::default()
            };
            for &i in idx {
                d.push([all.inputs[2 * i], all.inputs[2 * i + 1]], all.labels[i]);
            }
            d
        };
        Split {
            train: pick(&order[..n_train]),
            test: pick(&order[n_train..]),
        }
    }
}

impl DatasetKind {
    /// The two-class kinds, in the order the page lists them (the others
    /// are `REGRESSION` and `MULTICLASS`).
    pub const ALL: [DatasetKind; 5] = [
        DatasetKind::Blobs,
        DatasetKind::Xor,
        DatasetKind::Circle,
        DatasetKind::Spirals,
        DatasetKind::Moons,
    ];

    /// `n` points, alternating classes so that any prefix is balanced.
    fn sample(self, n: usize, noise: f32, rng: &mut StdRng) -> Dataset {
        let mut d = Dataset {
            dim: 2,
            ..Dataset::default()
        };
        if self.is_regression() {
            self.sample_values(n, noise, rng, &mut d);
            return d;
        }
        if let Some(k) = self.classes() {
            self.sample_classes(k, n, noise, rng, &mut d);
            return d;
        }
        for i in 0..n {
            let label = if i % 2 == 0 { 1.0 } else { -1.0 };
            // Position along the class's shape in [0, 1), for the spirals.
            let t = (i / 2) as f32 / n.div_ceil(2) as f32;
            let [x, y] = self.point(label, t, rng);
            let jitter = noise * self.jitter_scale();
            let x = x + jitter * standard_normal(rng);
            let y = y + jitter * standard_normal(rng);
            d.push([x.clamp(-DOMAIN, DOMAIN), y.clamp(-DOMAIN, DOMAIN)], label);
        }
        d
    }

    /// The jitter standard deviation at noise 1, chosen so that noise 1 makes
    /// the classes overlap about as much for every shape.
    fn jitter_scale(self) -> f32 {
        match self {
            DatasetKind::Blobs => 2.0,
            DatasetKind::Xor | DatasetKind::Circle | DatasetKind::Moons => 1.5,
            DatasetKind::Spirals | DatasetKind::Arms(_) => 1.0,
            DatasetKind::Clusters(_) => 2.0,
            // Regression noise is on the target instead (see `sample_values`).
            DatasetKind::Plane | DatasetKind::Gaussians => 0.0,
        }
    }

    /// One clean point of class `label`; `t` ∈ [0, 1) is its rank in its class.
    fn point(self, label: f32, t: f32, rng: &mut StdRng) -> [f32; 2] {
        match self {
            DatasetKind::Blobs => {
                let c = 2.5 * label;
                [c + 0.5 * standard_normal(rng), c + 0.5 * standard_normal(rng)]
            }
            DatasetKind::Xor => loop {
                let x = rng.random_range(-5.0..5.0_f32);
                let y = rng.random_range(-5.0..5.0_f32);
                // Keep a margin around the axes so the clean problem has one.
                let (x, y) = (x + 0.3 * x.signum(), y + 0.3 * y.signum());
                if (x * y).signum() == label {
                    break [x, y];
                }
            },
            DatasetKind::Circle => {
                let r = if label > 0.0 {
                    rng.random_range(0.0..2.5_f32)
                } else {
                    rng.random_range(3.5..5.0_f32)
                };
                let a = rng.random_range(0.0..TAU);
                [r * a.cos(), r * a.sin()]
            }
            DatasetKind::Spirals => {
                let r = 5.0 * t;
                let a = 1.75 * TAU * t + if label > 0.0 { 0.0 } else { PI };
                [r * a.sin(), r * a.cos()]
            }
            DatasetKind::Moons => {
                let a = rng.random_range(0.0..PI);
                // The two half circles of the usual "moons" problem, centred
                // and scaled to fill the square.
                let (x, y) = if label > 0.0 {
                    (a.cos(), a.sin())
                } else {
                    (1.0 - a.cos(), 0.5 - a.sin())
                };
                [2.5 * (x - 0.5), 2.5 * (y - 0.25)]
            }
            // Drawn by `sample_values` and `sample_classes` instead.
            DatasetKind::Plane | DatasetKind::Gaussians | DatasetKind::Arms(_) | DatasetKind::Clusters(_) => {
                [0.0, 0.0]
            }
        }
    }
}

// Every kind the page's menu offers; the K-class kinds read with K = 3, as
// `MULTICLASS` lists them (K is a setting of its own).
crate::named_enum!(
    DatasetKind,
    "dataset",
    NAMED = [
        Blobs = "blobs",
        Xor = "xor",
        Circle = "circle",
        Spirals = "spirals",
        Moons = "moons",
        Plane = "plane",
        Gaussians = "gaussians",
        Arms(3) = "arms",
        Clusters(3) = "clusters",
    ]
);
