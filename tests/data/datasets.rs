//! The dataset generators: seeded, balanced, inside the plotted square, and
//! split as asked.

use mlp_playground::data::DOMAIN;
use mlp_playground::{DataSpec, DatasetKind};

fn spec(kind: DatasetKind) -> DataSpec {
    DataSpec {
        kind,
        points: 301,
        noise: 0.2,
        train_fraction: 0.7,
        seed: 9,
    }
}

#[test]
fn every_kind_is_seeded_balanced_bounded_and_split() {
    for kind in DatasetKind::ALL {
        let s = spec(kind);
        let split = s.generate();
        assert_eq!(split, s.generate(), "{kind}: same seed, same data");
        assert_ne!(
            split,
            DataSpec { seed: 10, ..s }.generate(),
            "{kind}: other seed, other data"
        );
        assert_eq!(split.train.len(), 211);
        assert_eq!(split.test.len(), 90);
        let all: Vec<f32> = split
            .train
            .labels
            .iter()
            .chain(&split.test.labels)
            .copied()
            .collect();
        assert_eq!(all.iter().filter(|&&l| l == 1.0).count(), 151, "{kind}");
        assert!(all.iter().all(|&l| l == 1.0 || l == -1.0));
        let xs = split.train.inputs.iter().chain(&split.test.inputs);
        assert!(
            xs.into_iter().all(|v| v.is_finite() && v.abs() <= DOMAIN),
            "{kind}"
        );
    }
}

#[test]
fn clean_problems_have_their_shape() {
    let clean = |kind| {
        DataSpec {
            noise: 0.0,
            ..spec(kind)
        }
        .generate()
        .train
    };
    let xor = clean(DatasetKind::Xor);
    assert!((0..xor.len()).all(|i| (xor.input(i)[0] * xor.input(i)[1]).signum() == xor.labels[i]));
    let circle = clean(DatasetKind::Circle);
    assert!((0..circle.len()).all(|i| {
        let r = circle.input(i)[0].hypot(circle.input(i)[1]);
        (r < 2.5) == (circle.labels[i] > 0.0)
    }));
}

#[test]
fn out_of_range_specs_are_refused_with_a_sentence() {
    let bad = [
        DataSpec {
            points: 3,
            ..spec(DatasetKind::Xor)
        },
        DataSpec {
            points: 5001,
            ..spec(DatasetKind::Xor)
        },
        DataSpec {
            noise: 1.5,
            ..spec(DatasetKind::Xor)
        },
        DataSpec {
            noise: f32::NAN,
            ..spec(DatasetKind::Xor)
        },
        DataSpec {
            train_fraction: 0.95,
            ..spec(DatasetKind::Xor)
        },
    ];
    for s in bad {
        let e = s.validate().unwrap_err();
        assert!(e.ends_with('.') && e.len() > 20, "{e}");
    }
    assert!("ring".parse::<DatasetKind>().is_err());
}
