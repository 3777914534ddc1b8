//! The practical's data: a training set and a disjoint test set drawn by the
//! data seed, normalised as its prologue does (subtract the training set's
//! mean pixel value, divide by its standard deviation: two scalars, applied to
//! both sets), and the targets t = ζ · (one-hot with −1 for the other classes).

use super::{Digits, CLASSES, PIXELS};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::SeedableRng;

/// The practical's small sets: 1000 training and 1000 test digits.
pub const DEFAULT_SIZES: (usize, usize) = (1000, 1000);
/// ζ: the targets are ±ζ, "strictly in the value range of tanh".
pub const ZETA: f32 = 0.9;

/// Digits as the network sees them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DigitSet {
    /// x(0) of every digit, 784 a row, normalised.
    pub inputs: Vec<f32>,
    /// Their classes 0–9.
    pub labels: Vec<u8>,
    /// Where each digit is in the full set (to show its picture).
    pub index: Vec<usize>,
}

impl DigitSet {
    /// How many digits.
    pub fn len(&self) -> usize {
        self.labels.len()
    }

    /// True when there is none.
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }
}

/// The training and test sets and the normalisation they share.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DigitSplit {
    /// What the gradient is computed on.
    pub train: DigitSet,
    /// Digits never trained on, for the test error.
    pub test: DigitSet,
    /// The training set's mean pixel value (in grey levels k/255).
    pub mean: f32,
    /// The training set's pixel standard deviation (in grey levels k/255).
    pub std: f32,
}

impl DigitSplit {
    /// Draws `train` and `test` distinct digits by `seed` (a shuffle of all
    /// of them: the first `train` train, the next `test` test); a sentence
    /// when they do not fit in the digits there are.
    pub fn draw(digits: &Digits, train: usize, test: usize, seed: u64) -> Result<DigitSplit, String> {
        if train == 0 || test == 0 {
            return Err("The training and test sets need at least one digit each.".into());
        }
        if train + test > digits.len() {
            return Err(format!(
                "{train} training and {test} test digits are more than the {} there are.",
                digits.len()
            ));
        }
        let mut order: Vec<usize> = (0..digits.len()).collect();
        order.shuffle(&mut StdRng::seed_from_u64(seed));
        let (train_idx, rest) = order.split_at(train);
        let test_idx = &rest[..test];
        let (mean, std) = moments(digits, train_idx);
        if std <= 0.0 {
            return Err("The training digits are all one grey: they cannot be normalised.".into());
        }
        let set = |idx: &[usize]| DigitSet {
            inputs: idx
                .iter()
                .flat_map(|&n| digits.image(n).iter().map(|&k| normalise(grey(k), mean, std)))
                .collect(),
            labels: idx.iter().map(|&n| digits.labels[n]).collect(),
            index: idx.to_vec(),
        };
        Ok(DigitSplit {
            train: set(train_idx),
            test: set(test_idx),
            mean,
            std,
        })
    }

    /// A 28 × 28 image of grey levels in [0, 1] normalised as the training set.
    pub fn normalise_image(&self, image: &[f32]) -> Vec<f32> {
        image.iter().map(|&g| normalise(g, self.mean, self.std)).collect()
    }
}

/// The grey level k/255 of a stored byte.
pub fn grey(k: u8) -> f32 {
    f32::from(k) / 255.0
}

/// (g − mean) / std.
fn normalise(g: f32, mean: f32, std: f32) -> f32 {
    (g - mean) / std
}

/// Mean and standard deviation of every pixel of the given digits (in f64: a
/// million terms).
fn moments(digits: &Digits, idx: &[usize]) -> (f32, f32) {
    let (mut sum, mut sq) = (0.0_f64, 0.0_f64);
    for &n in idx {
        for &k in digits.image(n) {
            let g = f64::from(grey(k));
            sum += g;
            sq += g * g;
        }
    }
    let count = (idx.len() * PIXELS) as f64;
    let mean = sum / count;
    let var = (sq / count - mean * mean).max(0.0);
    (mean as f32, var.sqrt() as f32)
}

/// The targets of the practical, 10 a row: ζ for the digit's class, −ζ for
/// the other nine.
pub fn targets(labels: &[u8], zeta: f32) -> Vec<f32> {
    labels
        .iter()
        .flat_map(|&l| (0..CLASSES).map(move |k| if k == usize::from(l) { zeta } else { -zeta }))
        .collect()
}
