//! The network diagram through the handle: editing one weight, and the node thumbnails.

use super::{canvas, class_pixels, message};
use mlp_playground::render::palette::classify_pixel;
use mlp_playground::web::ClassifierView;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::CanvasRenderingContext2d;

#[wasm_bindgen_test]
fn set_weight_changes_the_boundary_and_refuses_bad_input() {
    let mut view = ClassifierView::new().unwrap();
    view.train(20);
    assert_eq!(view.layer_sizes(), vec![2, 8, 8, 1]);
    assert_eq!(view.input_names(), vec!["x₁".to_string(), "x₂".to_string()]);
    let boundary = canvas(200, 200);
    view.draw(boundary.clone(), None, false, true).unwrap();
    let (_, pos_before) = class_pixels(&boundary);
    // b(3)_1 = 3 pushes the output tanh(s(3)) towards +1 nearly everywhere.
    view.set_bias(3, 0, 3.0).unwrap();
    view.draw(boundary.clone(), None, false, true).unwrap();
    let (_, pos_after) = class_pixels(&boundary);
    assert!(
        pos_after > pos_before + 200 * 200 / 10,
        "{pos_before} -> {pos_after}"
    );
    view.set_weight(2, 1, 4, -2.5).unwrap();
    assert_eq!(view.layer_weights(2).unwrap()[8 + 4], -2.5);
    assert_eq!(view.iteration(), 20.0, "the run goes on");
    let before = (view.layer_weights(1).unwrap(), view.layer_biases(1).unwrap());
    let refusals = [
        (view.set_weight(4, 0, 0, 1.0), "layers 1 to 3"),
        (view.set_weight(1, 8, 0, 1.0), "Layer 1 has 8 units"),
        (view.set_weight(1, 0, 2, 1.0), "Layer 0 has 2 units"),
        (view.set_weight(1, 0, 0, f64::NAN), "finite number"),
        (view.set_bias(1, 0, 1e39), "too large"),
        (view.set_bias(0, 0, 1.0), "no layer 0"),
    ];
    for (result, says) in refusals {
        let text = message(result.unwrap_err());
        assert!(text.contains(says), "{text}");
    }
    assert!(view.layer_weights(9).is_err());
    assert_eq!(
        (view.layer_weights(1).unwrap(), view.layer_biases(1).unwrap()),
        before
    );
}

#[wasm_bindgen_test]
fn thumbnails_are_drawn_where_the_page_asks() {
    let mut view = ClassifierView::new().unwrap();
    view.set_bias(3, 0, 3.0).unwrap();
    let c = canvas(400, 60);
    let shown = view.shown_sizes();
    assert_eq!(shown, vec![2, 8, 8, 1]);
    // 19 squares of 20 px in a row, 21 px apart.
    let positions: Vec<f32> = (0..19).flat_map(|k| [k as f32 * 21.0, 10.0]).collect();
    assert_eq!(view.draw_diagram(&c, &positions, 20.0, 32).unwrap(), 32);
    let ctx: CanvasRenderingContext2d = c.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let at = |x: f64, y: f64| {
        let d = ctx.get_image_data(x, y, 1.0, 1.0).unwrap().data();
        classify_pixel([d[0], d[1], d[2]])
    };
    // x1: blue at the left of its square, orange at the right.
    assert_eq!((at(2.0, 20.0), at(18.0, 20.0)), (Some(-1.0), Some(1.0)));
    // x2: orange at the top (x2 = 6), blue at the bottom.
    assert_eq!((at(31.0, 12.0), at(31.0, 28.0)), (Some(1.0), Some(-1.0)));
    // The output, with b(3)_1 = 3: orange in the middle of its square.
    assert_eq!(at(18.0 * 21.0 + 10.0, 20.0), Some(1.0));
    // Nothing outside the squares.
    assert_eq!(ctx.get_image_data(5.0, 45.0, 1.0, 1.0).unwrap().data()[3], 0);
    let err = view.draw_diagram(&c, &positions[..10], 20.0, 32).unwrap_err();
    assert!(message(err).contains("19 nodes"));
    assert!(view.draw_diagram(&c, &[f32::NAN; 38], 20.0, 32).is_err());
}
