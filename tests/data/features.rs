//! Input features x(0) = φ(x₁, x₂): the expansion against each feature's
//! definition (in f64), the Trainer training on expanded rows while it keeps
//! the raw ones, and the consequence the lecture draws: with x₁² and x₂² as
//! inputs, a network with no hidden layer separates the circle, which it
//! cannot do from x₁, x₂ alone.

use mlp_playground::inspect::collapse::collapse;
use mlp_playground::render::boundary::BoundaryImage;
use mlp_playground::render::unit_grids::UnitGrids;
use mlp_playground::{Activation, DataSpec, DatasetKind, Feature, FeatureSet, Settings, Trainer, Workspace};

/// Each feature's definition, written independently in f64.
fn definition(f: Feature, x1: f64, x2: f64) -> f64 {
    match f {
        Feature::X1 => x1,
        Feature::X2 => x2,
        Feature::X1Squared => x1.powi(2),
        Feature::X2Squared => x2.powi(2),
        Feature::X1X2 => x1 * x2,
        Feature::SinX1 => x1.sin(),
        Feature::SinX2 => x2.sin(),
    }
}

#[test]
fn expansion_matches_the_definitions_in_input_order() {
    let raw = [0.5_f32, -2.0, -6.0, 6.0, 3.25, 0.0];
    let all = FeatureSet::new(&Feature::ALL).unwrap();
    let mut out = Vec::new();
    all.expand(&raw, &mut out);
    assert_eq!(out.len(), 3 * 7);
    for (row, point) in raw.chunks(2).enumerate() {
        let (x1, x2) = (f64::from(point[0]), f64::from(point[1]));
        for (j, f) in Feature::ALL.into_iter().enumerate() {
            let got = f64::from(out[row * 7 + j]);
            let want = definition(f, x1, x2);
            assert!(
                (got - want).abs() <= 1e-6 * want.abs().max(1.0),
                "{f:?} at ({x1}, {x2}): {got} vs {want}"
            );
        }
    }
    // A subset keeps the input order whatever order it was named in.
    let set: FeatureSet = "sinx2,x1x2".parse().unwrap();
    set.expand(&raw[..2], &mut out);
    assert_eq!(out, vec![0.5 * -2.0, (-2.0_f32).sin()]);
}

fn circle(hidden: Vec<usize>, features: &str) -> Settings {
    Settings {
        data: DataSpec {
            kind: DatasetKind::Circle,
            points: 200,
            noise: 0.0,
            train_fraction: 0.5,
            seed: 4,
        },
        hidden,
        output_activation: Activation::Tanh,
        eta: 0.03,
        features: Some(features.parse().unwrap()),
        ..Settings::default()
    }
}

#[test]
fn the_trainer_keeps_raw_points_and_trains_on_expanded_rows() {
    let t = Trainer::new(circle(vec![4], "x1,x2,x1sq,sinx2")).unwrap();
    assert_eq!(t.split().train.dim, 2, "the chart draws raw points");
    assert_eq!(t.settings().sizes(), vec![4, 4, 1]);
    assert_eq!(t.mlp().inputs(), 4);
    let mut expected = Vec::new();
    FeatureSet::new(&[Feature::X1, Feature::X2, Feature::X1Squared, Feature::SinX2])
        .unwrap()
        .expand(&t.split().train.inputs, &mut expected);
    assert_eq!(t.train_inputs(), &expected[..]);
    assert_eq!(t.test_inputs().len(), t.split().test.len() * 4);
}

#[test]
fn squares_alone_let_a_network_without_hidden_layer_separate_the_circle() {
    let mut squares = Trainer::new(circle(vec![], "x1sq,x2sq")).unwrap();
    let mut raw = Trainer::new(circle(vec![], "x1,x2")).unwrap();
    squares.step(3000);
    raw.step(3000);
    let (sq, rw) = (squares.evaluation(), raw.evaluation());
    // f = tanh(w₁x₁² + w₂x₂² + b): its boundary is an ellipse, the circle's shape.
    assert!(sq.train_accuracy >= 0.97 && sq.test_accuracy >= 0.95, "{sq:?}");
    // f = tanh(w·x + b): a line cannot put a disk on one side and its ring on the other.
    assert!(rw.train_accuracy < 0.8, "{rw:?}");
}

#[test]
fn changing_features_rebuilds_the_first_layer_and_refuses_an_empty_set() {
    let mut t = Trainer::new(circle(vec![3], "x1,x2")).unwrap();
    t.set_features(Some("x1,x2,x1sq,x2sq,x1x2".parse().unwrap()))
        .unwrap();
    assert_eq!(t.mlp().sizes(), vec![5, 3, 1]);
    assert_eq!(t.train_inputs().len(), t.split().train.len() * 5);
    assert!("".parse::<FeatureSet>().unwrap_err().contains("at least one"));
    // The 1D view's rows are not points of the plane: features are refused there.
    let mut one_d = Settings {
        inputs: 1,
        ..Settings::default()
    };
    one_d.features = Some(FeatureSet::RAW);
    assert!(one_d.validate_model().unwrap_err().contains("plane"));
}

#[test]
fn the_heatmap_and_unit_grids_go_through_the_same_expansion() {
    let mut t = Trainer::new(circle(vec![], "x1sq,x2sq")).unwrap();
    t.step(3000);
    let mut image = BoundaryImage::default();
    let (w, h) = (32, 32);
    let rgba = image.render(&t, w, h).to_vec();
    // The centre pixel lies inside the disk (class +1, orange), a corner in
    // the ring's class (−1, blue): only right if the grid was expanded.
    let pixel = |col: usize, row: usize| {
        let i = 4 * (row * w + col);
        [rgba[i], rgba[i + 1], rgba[i + 2]]
    };
    let class = |p: [u8; 3]| mlp_playground::render::palette::classify_pixel(p);
    assert_eq!(class(pixel(w / 2, h / 2)), Some(1.0));
    assert_eq!(class(pixel(2, 2)), Some(-1.0));
    let mut grids = UnitGrids::default();
    assert_eq!(
        grids.compute(&t, 10),
        100,
        "no hidden layer: the output unit only"
    );
}

#[test]
fn the_collapsed_map_has_one_coefficient_per_feature() {
    let mut s = circle(vec![3], "x1,x1sq,x1x2");
    s.hidden_activation = Activation::Identity;
    s.output_activation = Activation::Identity;
    let t = Trainer::new(s).unwrap();
    let map = collapse(t.mlp(), 1.0, 0.0);
    assert_eq!(map.a.len(), 3);
    let mut ws = Workspace::default();
    let out = t.mlp().forward(t.train_inputs(), &mut ws);
    for (x, &o) in t.train_inputs().chunks(3).zip(out) {
        assert!((map.apply(x)[0] - o).abs() < 1e-4);
    }
}

#[test]
fn discretized_heatmap_shows_only_class_colours_and_keeps_the_boundary() {
    use mlp_playground::render::palette::{heat, BOUNDARY};
    let mut t = Trainer::new(circle(vec![], "x1sq,x2sq")).unwrap();
    t.step(300);
    let mut image = BoundaryImage::default();
    let shaded = image.render(&t, 40, 40).to_vec();
    let solid = [heat(-1.0), heat(1.0), BOUNDARY];
    let is_solid = |p: &[u8]| solid.iter().any(|c| c[..] == p[..3]);
    assert!(
        shaded.chunks(4).any(|p| !is_solid(p)),
        "confidence shading without the toggle"
    );
    image.set_discrete(true);
    let flat = image.render(&t, 40, 40).to_vec();
    assert!(
        flat.chunks(4).all(is_solid),
        "only the two class colours and the line"
    );
    let line = |img: &[u8]| img.chunks(4).filter(|p| p[..3] == BOUNDARY[..]).count();
    assert_eq!(line(&flat), line(&shaded), "the same boundary");
    assert_eq!(t.iteration(), 300, "a display setting: training untouched");
}
