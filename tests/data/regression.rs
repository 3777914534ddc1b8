//! 2D regression: the "plane" and "gaussians" data sets (seeded, targets in
//! [−1, 1] matching their definitions), the task following the data set, the
//! losses it accepts, "no accuracy" in regression, and the value heatmap
//! (a diverging scale, no decision line).

use mlp_playground::render::boundary::BoundaryImage;
use mlp_playground::render::palette::{classify_pixel, BOUNDARY};
use mlp_playground::{Activation, DataSpec, DatasetKind, Loss, Reduction, Settings, Task, Trainer};

fn spec(kind: DatasetKind, noise: f32) -> DataSpec {
    DataSpec {
        kind,
        points: 300,
        noise,
        train_fraction: 0.5,
        seed: 5,
    }
}

/// The targets' definitions, written independently in f64.
fn definition(kind: DatasetKind, x1: f64, x2: f64) -> f64 {
    match kind {
        DatasetKind::Plane => (2.0 * x1 + x2) / 18.0,
        DatasetKind::Gaussians => {
            let bump = |c1: f64, c2: f64, s: f64| {
                s * (-((x1 - c1).powi(2) + (x2 - c2).powi(2)) / (2.0 * 1.8 * 1.8)).exp()
            };
            (bump(-3.0, 2.5, 1.0) + bump(2.5, 3.0, -1.0) + bump(3.0, -2.5, 1.0) + bump(-2.5, -3.0, -1.0))
                .clamp(-1.0, 1.0)
        }
        _ => unreachable!(),
    }
}

#[test]
fn targets_are_seeded_bounded_and_match_their_definitions() {
    for kind in DatasetKind::REGRESSION {
        assert!(kind.is_regression());
        assert_eq!(kind.name().parse::<DatasetKind>(), Ok(kind));
        let clean = spec(kind, 0.0).generate();
        assert_eq!(clean, spec(kind, 0.0).generate(), "{kind}: seeded");
        let d = &clean.train;
        for i in 0..d.len() {
            let (x1, x2) = (f64::from(d.input(i)[0]), f64::from(d.input(i)[1]));
            assert!(
                (f64::from(d.labels[i]) - definition(kind, x1, x2)).abs() < 1e-5,
                "{kind} at ({x1}, {x2})"
            );
        }
        let noisy = spec(kind, 0.5).generate();
        let all = noisy.train.labels.iter().chain(&noisy.test.labels);
        assert!(
            all.clone().all(|t| (-1.0..=1.0).contains(t)),
            "{kind}: targets in [−1, 1]"
        );
        assert!(
            noisy.train.labels != clean.train.labels,
            "{kind}: noise moves the targets"
        );
        // Values, not two classes.
        assert!(all.filter(|&&t| t != 1.0 && t != -1.0).count() > 100, "{kind}");
    }
    assert!(DatasetKind::ALL.iter().all(|k| !k.is_regression()));
}

fn plane(hidden: Vec<usize>, output: Activation) -> Settings {
    Settings {
        data: spec(DatasetKind::Plane, 0.0),
        hidden,
        output_activation: output,
        eta: 0.05,
        ..Settings::default()
    }
}

#[test]
fn the_task_follows_the_data_and_regression_has_no_accuracy() {
    let mut t = Trainer::new(plane(vec![], Activation::Identity)).unwrap();
    assert_eq!(t.settings().task, Task::Regression);
    assert!(t.encoding().regression);
    t.step(2000);
    let e = t.evaluation();
    // A linear target is fitted by the network with no hidden layer.
    assert!(e.train_loss < 1e-4 && e.test_loss < 1e-4, "{e:?}");
    assert!(e.train_accuracy.is_nan() && e.test_accuracy.is_nan(), "{e:?}");
    t.set_data(spec(DatasetKind::Circle, 0.1)).unwrap();
    assert_eq!(t.settings().task, Task::Classification);
    assert!(t.evaluation().train_accuracy.is_finite());
    t.set_data(spec(DatasetKind::Gaussians, 0.1)).unwrap();
    assert_eq!(t.settings().task, Task::Regression);
}

#[test]
fn a_network_fits_the_gaussian_bumps() {
    let s = Settings {
        data: spec(DatasetKind::Gaussians, 0.0),
        hidden: vec![16, 16],
        eta: 0.05,
        ..Settings::default()
    };
    let mut t = Trainer::new(s).unwrap();
    let start = t.evaluation().train_loss;
    t.step(3000);
    let e = t.evaluation();
    assert!(e.train_loss < 0.2 * start, "{start} → {e:?}");
}

#[test]
fn regression_refuses_the_logistic_loss_and_a_sigmoid_output() {
    let mut t = Trainer::new(plane(vec![4], Activation::Tanh)).unwrap();
    let err = t.set_loss(Loss::Logistic, Reduction::Mean).unwrap_err();
    assert!(err.contains("MSE"), "{err}");
    assert_eq!(t.settings().loss, Loss::Mse, "nothing changed");
    let err = t
        .set_architecture(vec![4], Activation::Tanh, Activation::Sigmoid)
        .unwrap_err();
    assert!(err.contains("sigmoid"), "{err}");
    // From a classification with the logistic loss, a regression data set is refused.
    let mut c = Trainer::new(Settings {
        loss: Loss::Logistic,
        output_activation: Activation::Identity,
        ..Settings::default()
    })
    .unwrap();
    assert!(c.set_data(spec(DatasetKind::Plane, 0.0)).is_err());
    assert_eq!(c.settings().data.kind, DatasetKind::Circle);
    assert_eq!(c.settings().task, Task::Classification);
}

#[test]
fn the_heatmap_shows_the_value_on_a_diverging_scale_without_a_line() {
    let mut t = Trainer::new(plane(vec![], Activation::Identity)).unwrap();
    t.step(2000);
    let (w, h) = (30, 30);
    let mut image = BoundaryImage::default();
    image.set_discrete(true); // ignored: a value has no class to snap to
    let rgba = image.render(&t, w, h).to_vec();
    let pixel = |col: usize, row: usize| {
        let i = 4 * (row * w + col);
        [rgba[i], rgba[i + 1], rgba[i + 2]]
    };
    assert!(rgba.chunks(4).all(|p| p[..3] != BOUNDARY[..]), "no decision line");
    // Row 0 is the top (x₂ = 6): t = (2x₁ + x₂)/18 is near +1 top right, −1 bottom left, 0 on the diagonal.
    assert_eq!(classify_pixel(pixel(w - 1, 0)), Some(1.0));
    assert_eq!(classify_pixel(pixel(0, h - 1)), Some(-1.0));
    let (strong, weak) = (pixel(w - 1, 0), pixel(w - 4, 3));
    assert!(
        strong[2] < weak[2],
        "the colour deepens with the value: {strong:?} vs {weak:?}"
    );
    assert_eq!(classify_pixel(pixel(w / 2, h / 2)), None, "pale where t ≈ 0");
}
