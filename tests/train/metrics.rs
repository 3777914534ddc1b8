//! The confusion matrix of a trained classifier agrees with its accuracy and
//! counts every point once.

use mlp_playground::train::metrics::ConfusionMatrix;
use mlp_playground::{DataSpec, DatasetKind, Settings, Trainer};

#[test]
fn the_confusion_matrix_counts_every_point_and_matches_the_accuracy() {
    let mut t = Trainer::new(Settings {
        data: DataSpec {
            kind: DatasetKind::Xor,
            points: 120,
            noise: 0.6,
            train_fraction: 0.6,
            seed: 5,
        },
        eta: 0.1,
        ..Settings::default()
    })
    .unwrap();
    t.step(40);
    let e = t.evaluation();
    for (train, accuracy) in [(true, e.train_accuracy), (false, e.test_accuracy)] {
        let m = ConfusionMatrix::from_pairs(2, t.class_pairs(train)).unwrap();
        let data = if train { &t.split().train } else { &t.split().test };
        assert_eq!(m.total() as usize, data.len());
        // Row sums are the true class counts: class 1 is label +1.
        let positives = data.labels.iter().filter(|&&l| l > 0.0).count() as u32;
        assert_eq!(m.count(1, 0) + m.count(1, 1), positives);
        assert_eq!(m.accuracy(), accuracy);
        // Mistakes of both kinds show off the diagonal while training is unfinished.
        assert!(m.accuracy() > 0.5 && m.accuracy() < 1.0, "{m:?}");
    }
}
