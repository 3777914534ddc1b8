//! The classification view's data: input features, K classes and regression through the handle.

use super::{canvas, message};
use mlp_playground::web::ClassifierView;
use wasm_bindgen_test::*;

/// The number after `"key":` in a flat JSON object.
fn number(json: &str, key: &str) -> f64 {
    let rest = json.split(&format!("\"{key}\":")).nth(1).unwrap();
    rest.split([',', '}']).next().unwrap().parse().unwrap()
}

#[wasm_bindgen_test]
fn features_widen_x0_and_the_collapse_keeps_one_coefficient_per_feature() {
    let mut view = ClassifierView::new().unwrap();
    view.set_features("x1,x2,x1sq,sinx2").unwrap();
    assert_eq!(
        (view.input_width(), view.features()),
        (4, "x1,x2,x1sq,sinx2".to_string())
    );
    assert_eq!(view.param_count(), 4 * 8 + 8 + 8 * 8 + 8 + 9);
    assert!(view.set_features("").is_err(), "at least one feature");
    assert_eq!(view.input_width(), 4, "a refused set changes nothing");
    view.set_architecture(vec![5], "identity", "identity").unwrap();
    let json = view.collapse_json();
    let a = json.split("\"a\":[").nth(1).unwrap().split(']').next().unwrap();
    assert_eq!(a.split(',').count(), 4, "{json}");
    assert!(number(&json, "max_difference") < 1e-4, "{json}");
    // The collapsed boundary is a curve in the plane now: drawing skips it.
    view.set_show_collapse(true);
    view.draw(canvas(200, 200), None, false, true).unwrap();
    assert!(view.gradient_check() < 0.02);
    assert!(view.trace_json(0.0).unwrap().starts_with("{\"input\":["));
}

#[wasm_bindgen_test]
fn k_classes_and_regression_follow_the_data_set() {
    let mut view = ClassifierView::new().unwrap();
    view.set_classes(4.0).unwrap();
    view.set_data("arms", 200.0, 0.1, 0.5, 1.0).unwrap();
    assert_eq!((view.classes(), view.output_width()), (4, 4));
    assert!(view.set_classes(6.0).is_err());
    view.train(20);
    assert!(view.train_accuracy().is_finite());
    assert!(view.gradient_check() < 0.02);
    let trace = view.trace_json(3.0).unwrap();
    assert!(trace.contains("\"target\":["), "{trace}");
    view.draw(canvas(200, 200), Some(canvas(200, 100)), false, true)
        .unwrap();
    let csv = "x1,x2,label\n1,2,1\n-1,0.5,-1\n2,2,1\n0,-3,-1\n";
    let refused = message(view.import_points_csv(csv).unwrap_err());
    assert!(refused.contains("choose a two-class data set"), "{refused}");
    assert_eq!(view.classes(), 4, "a refused import changes nothing");
    view.set_data("plane", 200.0, 0.1, 0.5, 1.0).unwrap();
    assert_eq!((view.classes(), view.output_width()), (0, 1));
    view.train(20);
    assert!(view.train_accuracy().is_nan(), "no classes in regression");
    assert!(view.set_loss("logistic", "mean").is_err());
    view.draw(canvas(200, 200), None, false, true).unwrap();
}
