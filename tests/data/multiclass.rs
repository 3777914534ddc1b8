//! K-class problems: the K spiral arms and K clusters (labels 0..K−1, seeded,
//! balanced), the network with K scores trained by softmax cross-entropy to
//! high accuracy (counting the argmax), and the heatmap in K class colours.

use mlp_playground::nn::softmax::argmax;
use mlp_playground::render::boundary::BoundaryImage;
use mlp_playground::render::class_colours::class_heat;
use mlp_playground::render::palette::BOUNDARY;
use mlp_playground::{Activation, DataSpec, DatasetKind, Loss, Settings, Task, Trainer};

fn spec(kind: DatasetKind, noise: f32) -> DataSpec {
    DataSpec {
        kind,
        points: 300,
        noise,
        train_fraction: 0.5,
        seed: 7,
    }
}

#[test]
fn k_class_data_are_seeded_balanced_and_labelled_0_to_k_minus_1() {
    for k in 3..=5_u8 {
        for kind in [DatasetKind::Arms(k), DatasetKind::Clusters(k)] {
            assert_eq!(kind.classes(), Some(usize::from(k)));
            let split = spec(kind, 0.2).generate();
            assert_eq!(split, spec(kind, 0.2).generate(), "{kind:?}: seeded");
            let labels: Vec<f32> = split
                .train
                .labels
                .iter()
                .chain(&split.test.labels)
                .copied()
                .collect();
            for class in 0..k {
                let n = labels.iter().filter(|&&l| l == f32::from(class)).count();
                assert_eq!(n, 300 / usize::from(k), "{kind:?} class {class}");
            }
            assert!(split.train.inputs.iter().all(|v| v.abs() <= 6.0));
        }
    }
    assert_eq!("arms".parse::<DatasetKind>(), Ok(DatasetKind::Arms(3)));
    assert_eq!(DatasetKind::Clusters(3).with_classes(5), DatasetKind::Clusters(5));
    let err = spec(DatasetKind::Arms(6), 0.0).validate().unwrap_err();
    assert!(err.contains("between 3 and 5"), "{err}");
}

fn three_arms() -> Settings {
    Settings {
        // Dense enough arms (225 training points) that a fit generalises.
        data: DataSpec {
            points: 450,
            ..spec(DatasetKind::Arms(3), 0.0)
        },
        hidden: vec![16, 16],
        eta: 0.3,
        batch_size: 15,
        ..Settings::default()
    }
}

#[test]
fn three_spiral_arms_train_to_high_accuracy_with_softmax_cross_entropy() {
    let mut t = Trainer::new(three_arms()).unwrap();
    assert_eq!(t.settings().task, Task::MultiClass(3));
    assert_eq!(t.mlp().sizes(), vec![2, 16, 16, 3]);
    assert_eq!(
        t.mlp().activation(2),
        Activation::Identity,
        "scores s(L) go to the softmax"
    );
    assert_eq!(t.settings().loss, Loss::Mse, "the two-class loss setting is kept");
    let start = t.evaluation();
    assert!(
        (start.train_loss - 3.0_f32.ln()).abs() < 0.5,
        "about log K at the start: {start:?}"
    );
    t.step(8000);
    let e = t.evaluation();
    assert!(e.train_accuracy >= 0.95, "{e:?}");
    assert!(e.test_accuracy >= 0.85, "{e:?}");
    // Accuracy counts the argmax of the K scores.
    let mut out = vec![0.0; t.split().test.len() * 3];
    t.mlp()
        .predict_into(t.test_inputs(), &mut Default::default(), &mut out);
    let right = out
        .chunks(3)
        .zip(&t.split().test.labels)
        .filter(|(s, &l)| argmax(s) as f32 == l)
        .count();
    assert!((e.test_accuracy - right as f32 / t.split().test.len() as f32).abs() < 1e-6);
}

#[test]
fn back_to_two_classes_restores_the_set_loss_and_output() {
    let mut t = Trainer::new(Settings {
        data: spec(DatasetKind::Clusters(4), 0.1),
        hidden: vec![4],
        ..Settings::default()
    })
    .unwrap();
    assert_eq!(t.mlp().sizes(), vec![2, 4, 4]);
    t.set_data(spec(DatasetKind::Circle, 0.1)).unwrap();
    assert_eq!(t.settings().task, Task::Classification);
    assert_eq!(t.mlp().sizes(), vec![2, 4, 1]);
    assert_eq!(t.mlp().activation(1), Activation::Tanh);
    assert_eq!(t.train_targets().len(), t.split().train.len());
}

#[test]
fn the_heatmap_shows_each_class_colour_and_the_boundaries() {
    let mut t = Trainer::new(Settings {
        data: spec(DatasetKind::Clusters(3), 0.0),
        hidden: vec![8],
        eta: 0.3,
        ..Settings::default()
    })
    .unwrap();
    t.step(500);
    assert!(t.evaluation().train_accuracy > 0.95);
    let mut image = BoundaryImage::default();
    image.set_discrete(true);
    let rgba = image.render(&t, 48, 48).to_vec();
    for k in 0..3 {
        let n = rgba
            .chunks(4)
            .filter(|p| p[..3] == class_heat(k, 1.0)[..])
            .count();
        assert!(
            n > 48 * 48 / 10,
            "class {k} covers part of the plane ({n} pixels)"
        );
    }
    assert!(
        rgba.chunks(4).any(|p| p[..3] == BOUNDARY[..]),
        "boundaries between classes"
    );
    assert_eq!(
        rgba.chunks(4)
            .filter(|p| p[..3] == class_heat(3, 1.0)[..])
            .count(),
        0,
        "no fourth class"
    );
}
