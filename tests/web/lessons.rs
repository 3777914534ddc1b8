//! The lesson handles (gradient descent in 1D, logistic regression next to LDA) and the classifier's collapse and backprop inspectors.

use super::canvas;
use mlp_playground::web::{ClassifierView, Gd1dView, LogisticView};
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
fn gradient_descent_in_1d_steps_and_draws() {
    let mut view = Gd1dView::new();
    assert_eq!(view.train(5), 5);
    assert!((view.w() - 1.0).abs() < (3.0_f64 - 1.0).abs());
    view.draw(Some(canvas(300, 200)), Some(canvas(200, 150))).unwrap();
    assert!(view.w_at(150.0).is_finite());
    assert_eq!(view.outcome(), "converges to the minimum at w = 1");
    assert!(view
        .legend_json()
        .starts_with("[{\"label\":\"the minimum at w = 1\",\"colour\":\"#"));
    assert_eq!(view.ring_pixel().len(), 2, "the ring's pixel on the drawn map");
    view.set_learning_rate(1.5).unwrap();
    assert!(
        view.outcome().starts_with("diverges: η = 1.5 > 1"),
        "{}",
        view.outcome()
    );
    assert!(view.set_curve("sine").is_err() && view.set_start(99.0).is_err());
    view.set_curve("two-wells").unwrap();
    view.draw(Some(canvas(300, 200)), Some(canvas(200, 150))).unwrap();
}

#[wasm_bindgen_test]
fn logistic_regression_next_to_lda_draws_four_snapshots() {
    let mut view = LogisticView::new();
    let json = view.results_json();
    assert!(
        json.contains("\"iterations\":10000") && json.contains("\"lda\":{\"loss\":"),
        "{json}"
    );
    assert!(json.ends_with(",\"eta\":0.1}"), "{json}");
    view.draw(canvas(400, 400), true).unwrap();
}

/// The view trains only when asked for its results (page load pushes every
/// setting while it is hidden); each setter must still be seen by the next answer.
#[wasm_bindgen_test]
fn logistic_results_follow_every_setter_although_trained_lazily() {
    use mlp_playground::lessons::logistic::{normal_start, train, two_gaussians};
    let mut view = LogisticView::new();
    let before = view.results_json();
    view.set_data(0.8, 0.4, 7.0).unwrap();
    view.set_weight_seed(3.0).unwrap();
    assert_ne!(
        view.results_json(),
        before,
        "a new data and weight seed changed nothing"
    );
    view.set_learning_rate(0.05).unwrap();
    let data = two_gaussians(100, 0.8, 0.4, 7);
    let expected = train(&data, normal_start(3), 0.05, &[10, 100, 1000, 10_000]);
    let json = view.results_json();
    for (n, m) in expected {
        let snapshot = format!(
            "\"iterations\":{n},\"loss\":{},\"w\":[{},{}],\"b\":{}",
            mlp_playground::lessons::logistic::loss(&data, &m),
            m.w[0],
            m.w[1],
            m.b
        );
        assert!(json.contains(&snapshot), "{snapshot} missing from {json}");
    }
    view.draw(canvas(400, 400), false).unwrap();
}

#[wasm_bindgen_test]
fn the_classifier_shows_its_collapse_and_its_backprop() {
    let mut view = ClassifierView::new().unwrap();
    view.set_architecture(vec![5, 4], "identity", "identity").unwrap();
    view.set_loss("mse", "mean").unwrap();
    let json = view.collapse_json();
    let diff: f64 = json
        .split("\"max_difference\":")
        .nth(1)
        .unwrap()
        .trim_end_matches('}')
        .parse()
        .unwrap();
    assert!(diff < 1e-4, "{json}");
    view.set_show_collapse(true);
    view.draw(canvas(300, 300), Some(canvas(200, 100)), false, true)
        .unwrap();
    // Without a loss canvas only the boundary is drawn.
    view.draw(canvas(300, 300), None, false, true).unwrap();
    let trace = view.trace_json(0.0).unwrap();
    assert!(
        trace.starts_with("{\"input\":[") && trace.contains("\"dw\":["),
        "{trace}"
    );
    assert!(view.trace_json(1e6).is_err());
    assert!(view.gradient_check() < 0.02);
    view.forward_pass();
    view.backward_pass();
    view.set_architecture(vec![3], "tanh", "tanh").unwrap();
    view.backward_pass(); // re-shapes itself after a rebuild
}
