//! The network diagram's core: the thumbnails show each unit's own output
//! (checked against an independent forward pass of that point), and a weight
//! or bias typed by hand changes the model, is refused with a sentence when
//! it cannot be applied, and training carries on from it.

use mlp_playground::data::encoding::Encoding;
use mlp_playground::render::boundary::grid_inputs;
use mlp_playground::render::palette::classify_pixel;
use mlp_playground::render::thumbnails::{unit_confidence, Thumbnails};
use mlp_playground::train::edit::Param;
use mlp_playground::{Activation, Loss, Mlp, Settings, Trainer, Workspace};

/// The colour class (±1, or None if pale) of thumbnail k's pixel p.
fn pixel_class(t: &Thumbnails, n: usize, k: usize, p: usize) -> Option<f32> {
    let i = 4 * (k * n * n + p);
    let px = &t.rgba()[i..i + 3];
    classify_pixel([px[0], px[1], px[2]])
}

/// Every thumbnail of `mlp` against a forward pass of single grid points: a
/// clearly coloured pixel has the sign of the unit's value there, and a
/// clearly signed value gives a coloured pixel. Returns how many were checked.
fn check_thumbnails(mlp: &Mlp, enc: Encoding) -> usize {
    let mut t = Thumbnails::default();
    let n = t.render(mlp, None, enc, 16).unwrap();
    assert_eq!(n, 16);
    let grid = grid_inputs(n, n);
    let mut ws = Workspace::default();
    let mut checked = 0;
    for p in [0, 17, 60, 127, 128 + 5, 200, 255] {
        mlp.forward(&grid[2 * p..2 * p + 2], &mut ws);
        let mut k = 0;
        for (l, x) in ws.x.iter().enumerate() {
            // One sample: unit i of x(l) at [i * stride].
            for (i, &v) in ws.sample(x, 0).iter().enumerate() {
                let c = match l {
                    0 => v / 6.0,
                    _ if l == mlp.layers.len() => enc.confidence(v),
                    _ => unit_confidence(mlp.hidden, v),
                };
                let got = pixel_class(&t, n, k, p);
                if c.abs() > 0.5 {
                    assert_eq!(
                        got,
                        Some(c.signum()),
                        "layer {l} unit {i} at point {p}: value {v}"
                    );
                    checked += 1;
                }
                if let Some(s) = got {
                    assert_eq!(s, c.signum(), "layer {l} unit {i} at point {p}: value {v}");
                }
                k += 1;
            }
        }
    }
    let units: usize = mlp.sizes().iter().sum();
    assert_eq!(t.count(), units);
    checked
}

#[test]
fn thumbnails_have_the_sign_of_each_units_output() {
    // x(1)_1 = tanh(x1), x(1)_2 = tanh(−x2): blue left / orange right, and
    // orange at the bottom / blue at the top.
    let mut mlp = Mlp::zeros(&[2, 2, 1], Activation::Tanh, Activation::Tanh);
    mlp.layers[0].w = vec![1.0, 0.0, 0.0, -1.0];
    mlp.layers[1].w = vec![1.0, 1.0];
    let enc = Encoding::new(Loss::Mse, Activation::Tanh);
    assert!(check_thumbnails(&mlp, enc) >= 14);
    // A seeded deeper network with sigmoid units and a logistic output.
    let mlp = Mlp::new(&[2, 5, 3, 1], Activation::Sigmoid, Activation::Identity, 7);
    let enc = Encoding::new(Loss::Logistic, Activation::Identity);
    assert!(check_thumbnails(&mlp, enc) >= 10);
}

#[test]
fn thumbnails_refuse_a_network_that_is_not_on_the_plane() {
    let mlp = Mlp::zeros(&[3, 2, 1], Activation::Tanh, Activation::Tanh);
    let err = Thumbnails::default()
        .render(&mlp, None, Encoding::new(Loss::Mse, Activation::Tanh), 16)
        .unwrap_err();
    assert!(err.contains("3 inputs"), "{err}");
}

fn trainer() -> Trainer {
    let mut t = Trainer::new(Settings::default()).unwrap();
    t.step(50);
    t
}

#[test]
fn an_edited_weight_changes_the_model_and_training_continues_from_it() {
    let mut t = trainer();
    let mut untouched = t.clone();
    let before = t.evaluation().train_loss;
    let p = Param::Weight {
        layer: 3,
        to: 0,
        from: 2,
    };
    t.set_parameter(p, 5.0).unwrap();
    assert_eq!(t.mlp().layers[2].w[2], 5.0);
    assert_eq!(t.iteration(), 50, "the iteration count is kept");
    let after = t.evaluation().train_loss;
    assert!(
        (after - before).abs() > 1e-3,
        "the loss moved: {before} -> {after}"
    );
    let last = t.history().points().last().unwrap();
    assert_eq!(
        (last.iteration, last.train),
        (50, after),
        "the curve shows the jump"
    );
    let b = Param::Bias { layer: 1, unit: 7 };
    t.set_parameter(b, -2.5).unwrap();
    assert_eq!(t.mlp().layers[0].b[7], -2.5);
    assert_eq!(t.step(10), 10);
    untouched.step(10);
    assert_eq!(t.iteration(), 60);
    assert!(t.mlp().layers[2].w[2] != untouched.mlp().layers[2].w[2]);
    assert!((t.mlp().layers[2].w[2] - 5.0).abs() < 1.0, "trained on from 5");
}

#[test]
fn bad_edits_are_refused_with_a_sentence_and_change_nothing() {
    let mut t = trainer();
    let model = t.mlp().clone();
    let history = t.history().len();
    let cases = [
        (
            Param::Weight {
                layer: 0,
                to: 0,
                from: 0,
            },
            1.0,
            "no layer 0",
        ),
        (
            Param::Weight {
                layer: 4,
                to: 0,
                from: 0,
            },
            1.0,
            "layers 1 to 3",
        ),
        (
            Param::Weight {
                layer: 1,
                to: 8,
                from: 0,
            },
            1.0,
            "Layer 1 has 8 units",
        ),
        (
            Param::Weight {
                layer: 1,
                to: 0,
                from: 2,
            },
            1.0,
            "Layer 0 has 2 units",
        ),
        (
            Param::Bias { layer: 3, unit: 1 },
            1.0,
            "Layer 3 has 1 unit (0 to 0)",
        ),
        (
            Param::Bias { layer: 2, unit: 0 },
            f32::NAN,
            "must be a finite number",
        ),
        (
            Param::Weight {
                layer: 2,
                to: 0,
                from: 0,
            },
            f32::INFINITY,
            "must be a finite number",
        ),
    ];
    for (p, v, says) in cases {
        let err = t.set_parameter(p, v).unwrap_err();
        assert!(err.contains(says), "{p:?} = {v}: {err}");
    }
    assert_eq!(t.mlp(), &model);
    assert_eq!(t.history().len(), history);
}

#[test]
fn an_edit_that_makes_the_loss_infinite_is_refused() {
    let s = Settings {
        output_activation: Activation::Identity,
        ..Settings::default()
    };
    let mut t = Trainer::new(s).unwrap();
    let model = t.mlp().clone();
    let err = t
        .set_parameter(Param::Bias { layer: 3, unit: 0 }, 3e38)
        .unwrap_err();
    assert!(err.contains("no longer a finite number"), "{err}");
    assert_eq!(t.mlp(), &model);
    assert!(t.evaluation().train_loss.is_finite());
}

#[test]
fn an_edit_clears_a_divergence() {
    let s = Settings {
        output_activation: Activation::Identity,
        eta: 100.0,
        ..Settings::default()
    };
    let mut t = Trainer::new(s).unwrap();
    t.step(200);
    assert!(t.divergence().is_some(), "η = 100 diverges");
    t.set_parameter(Param::Bias { layer: 1, unit: 0 }, 0.0).unwrap();
    assert!(t.divergence().is_none());
}

/// With input features, the input nodes show the features over the plane:
/// x1·x2 is positive (orange) in the first and third quadrants and negative
/// (blue) in the others, as the XOR labels.
#[test]
fn input_thumbnails_show_the_features() {
    use mlp_playground::data::features::{Feature, FeatureSet};
    let set = FeatureSet::new(&[Feature::X1, Feature::X2, Feature::X1X2]).unwrap();
    let mlp = Mlp::new(&[3, 2, 1], Activation::Tanh, Activation::Tanh, 1);
    let enc = Encoding::new(Loss::Mse, Activation::Tanh);
    let mut t = Thumbnails::default();
    let n = t.render(&mlp, Some(set), enc, 16).unwrap();
    let product = 2; // the third input node
    let (top_left, top_right) = (n + 1, 2 * n - 2);
    let (bottom_left, bottom_right) = (n * (n - 2) + 1, n * (n - 1) - 2);
    assert_eq!(pixel_class(&t, n, product, top_right), Some(1.0));
    assert_eq!(pixel_class(&t, n, product, bottom_left), Some(1.0));
    assert_eq!(pixel_class(&t, n, product, top_left), Some(-1.0));
    assert_eq!(pixel_class(&t, n, product, bottom_right), Some(-1.0));
    assert_eq!(t.count(), 3 + 2 + 1);
}
