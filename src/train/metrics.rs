//! Classification metrics beyond accuracy: the confusion matrix.
//!
//! Generic in the number of classes K, so that multi-class (softmax) models
//! use the same table; binary labels ±1 map to class 0 = −1 and 1 = +1.

/// K × K counts: row = true class, column = predicted class.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfusionMatrix {
    classes: usize,
    counts: Vec<u32>,
}

impl ConfusionMatrix {
    /// An all-zero K × K matrix.
    pub fn new(classes: usize) -> ConfusionMatrix {
        ConfusionMatrix {
            classes,
            counts: vec![0; classes * classes],
        }
    }

    /// Counts pairs (true class, predicted class); classes ≥ K are refused.
    pub fn from_pairs(
        classes: usize,
        pairs: impl IntoIterator<Item = (usize, usize)>,
    ) -> Result<ConfusionMatrix, String> {
        let mut m = ConfusionMatrix::new(classes);
        for (truth, predicted) in pairs {
            if truth >= classes || predicted >= classes {
                return Err(format!(
                    "Class {} is outside the {classes} classes of the confusion matrix.",
                    truth.max(predicted)
                ));
            }
            m.counts[truth * classes + predicted] += 1;
        }
        Ok(m)
    }

    /// K.
    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Points of true class `truth` predicted as `predicted`.
    pub fn count(&self, truth: usize, predicted: usize) -> u32 {
        self.counts[truth * self.classes + predicted]
    }

    /// The counts row by row (row = true class).
    pub fn counts(&self) -> &[u32] {
        &self.counts
    }

    /// Number of points counted.
    pub fn total(&self) -> u32 {
        self.counts.iter().sum()
    }

    /// Share on the diagonal (the accuracy); 0 for an empty matrix.
    pub fn accuracy(&self) -> f32 {
        let right: u32 = (0..self.classes).map(|k| self.count(k, k)).sum();
        right as f32 / self.total().max(1) as f32
    }
}

/// The class index of a binary label: −1 → 0, +1 → 1 (the sign decides).
pub fn binary_class(label: f32) -> usize {
    usize::from(label > 0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_true_classes() {
        let pairs = [(0, 0), (0, 1), (1, 1), (1, 1), (2, 0)];
        let m = ConfusionMatrix::from_pairs(3, pairs).unwrap();
        assert_eq!(m.counts(), &[1, 1, 0, 0, 2, 0, 1, 0, 0]);
        assert_eq!(m.total(), 5);
        assert_eq!(m.accuracy(), 0.6);
        assert!(ConfusionMatrix::from_pairs(2, [(0, 2)])
            .unwrap_err()
            .contains("Class 2"));
        assert_eq!((binary_class(-1.0), binary_class(1.0)), (0, 1));
    }
}
