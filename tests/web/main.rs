//! The wasm handle in a real browser (`wasm-pack test --headless --chrome`):
//! it trains, draws on real canvases, and reports bad input and divergence
//! instead of drawing them. Pixels are read back with getImageData.
#![cfg(target_arch = "wasm32")]

use mlp_playground::render::palette::classify_pixel;
use mlp_playground::web::ClassifierView;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

#[path = "../common/reference.rs"]
mod reference;

#[path = "../common/mnist.rs"]
mod mnist;

// The kernels' tests against the definitions, here on the wasm SIMD tiles.
#[path = "../nn/kernels.rs"]
mod kernels;
// The sparse kernels' tests against the dense ones, on the wasm SIMD lanes.
#[path = "../nn/sparse.rs"]
mod sparse;

/// The wasm build (simd128, fast tanh, blocked kernels) follows the scalar
/// f64 reference's training trajectory, as the native build does.
#[wasm_bindgen_test]
fn the_optimised_wasm_build_follows_the_scalar_reference() {
    use reference::{engine_after, largest_difference, train, ETA};
    let (t, start) = engine_after(vec![8, 8, 8], mlp_playground::Activation::Tanh, 200);
    let (inputs, targets) = (&t.split().train.inputs, t.train_targets());
    let diff = largest_difference(t.mlp(), &train(&start, inputs, targets, ETA, 200));
    assert!(diff < 1e-5, "largest difference {diff}");
}

/// The sentence a refused call carries.
fn message(err: wasm_bindgen::JsError) -> String {
    wasm_bindgen::JsValue::from(err)
        .unchecked_into::<js_sys::Error>()
        .message()
        .into()
}

fn canvas(width: u32, height: u32) -> HtmlCanvasElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let c: HtmlCanvasElement = document.create_element("canvas").unwrap().dyn_into().unwrap();
    c.set_width(width);
    c.set_height(height);
    document.body().unwrap().append_child(&c).unwrap();
    c
}

/// Counts pixels of class −1 and +1 colour on the canvas.
fn class_pixels(c: &HtmlCanvasElement) -> (usize, usize) {
    let ctx: CanvasRenderingContext2d = c.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let data = ctx
        .get_image_data(0.0, 0.0, f64::from(c.width()), f64::from(c.height()))
        .unwrap()
        .data();
    let (mut neg, mut pos) = (0, 0);
    for px in data.chunks_exact(4) {
        match classify_pixel([px[0], px[1], px[2]]) {
            Some(c) if c < 0.0 => neg += 1,
            Some(_) => pos += 1,
            None => {}
        }
    }
    (neg, pos)
}

fn xor_view() -> ClassifierView {
    let mut view = ClassifierView::new().unwrap();
    view.set_data("xor", 200.0, 0.0, 0.5, 3.0).unwrap();
    view.set_architecture(vec![8], "tanh", "tanh").unwrap();
    view.set_learning_rate(0.1).unwrap();
    view.set_batch_size(10.0).unwrap();
    view
}

#[wasm_bindgen_test]
fn trains_xor_and_draws_both_classes() {
    let mut view = xor_view();
    let (boundary, loss) = (canvas(300, 300), canvas(300, 160));
    let before = view.train_loss();
    assert_eq!(view.train(3000), 3000);
    assert_eq!(view.iteration(), 3000.0);
    assert!(view.train_loss() < 0.1 * before);
    assert_eq!(view.train_accuracy(), 1.0);
    view.draw(boundary.clone(), Some(loss.clone()), true, true)
        .unwrap();
    let (neg, pos) = class_pixels(&boundary);
    let area = 300 * 300;
    assert!(neg > area / 6 && pos > area / 6, "blue {neg}, orange {pos}");
    // The loss canvas got its curves (dark train curve, dashed test curve in
    // palette::TEST_CURVE, within a little of it where the canvas smooths edges).
    let ctx: CanvasRenderingContext2d = loss.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let px = ctx.get_image_data(0.0, 0.0, 300.0, 160.0).unwrap().data();
    let near = |a: u8, b: u8| a.abs_diff(b) <= 24;
    let [r, g, b] = mlp_playground::render::palette::TEST_CURVE;
    let test_px = px
        .chunks_exact(4)
        .filter(|p| near(p[0], r) && near(p[1], g) && near(p[2], b))
        .count();
    assert!(test_px > 50, "test curve pixels: {test_px}");
}

#[wasm_bindgen_test]
fn a_divergent_eta_is_reported_not_drawn() {
    let mut view = xor_view();
    view.set_architecture(vec![8], "identity", "identity").unwrap();
    view.set_loss("mse", "sum").unwrap();
    view.set_learning_rate(100.0).unwrap();
    let done = view.train(1000);
    assert!(done < 1000);
    assert!(view.diverged());
    let status = view.status();
    assert!(
        status.contains("diverged") && status.contains("η = 100"),
        "{status}"
    );
    // The last finite model is drawn: the canvas holds no NaN garbage, only
    // colours of the palette and the chart's ink.
    let (boundary, loss) = (canvas(200, 200), canvas(200, 120));
    view.draw(boundary.clone(), Some(loss), false, true).unwrap();
    let (neg, pos) = class_pixels(&boundary);
    assert!(neg + pos > 1000, "the boundary is still drawn: {neg} + {pos}");
    assert!(view.train_loss().is_finite() || view.diverged());
    assert_eq!(view.train(10), 0, "no training while diverged");
}

#[wasm_bindgen_test]
fn bad_settings_are_refused_with_a_sentence_and_change_nothing() {
    let mut view = ClassifierView::new().unwrap();
    let before = view.settings_json();
    assert!(view.set_learning_rate(-1.0).is_err());
    assert!(view.set_learning_rate(f64::NAN).is_err());
    assert!(view.set_architecture(vec![8, 0], "tanh", "tanh").is_err());
    assert!(view.set_architecture(vec![8], "softmax", "tanh").is_err());
    assert!(view.set_data("ring", 200.0, 0.1, 0.5, 1.0).is_err());
    assert!(view.set_data("xor", 2.5, 0.1, 0.5, 1.0).is_err());
    assert!(view.set_batch_size(-3.0).is_err());
    assert!(view.set_weight_seed(1e12).is_err());
    assert_eq!(view.settings_json(), before);
}

#[wasm_bindgen_test]
fn eta_keeps_the_run_and_architecture_rebuilds_it() {
    let mut view = ClassifierView::new().unwrap();
    view.train(25);
    view.set_learning_rate(0.2).unwrap();
    view.set_batch_size(0.0).unwrap();
    assert_eq!(view.iteration(), 25.0);
    view.set_architecture(vec![4, 4, 4], "relu", "tanh").unwrap();
    assert_eq!(view.iteration(), 0.0);
    assert_eq!(view.param_count(), 12 + 20 + 20 + 5);
}

/// A weights file is read once by the core: the page sees its architecture
/// before it loads it, a file for other ends is refused with a sentence, and
/// loading restarts from its weights.
#[wasm_bindgen_test]
fn a_weights_file_is_read_once_then_loaded() {
    let mut view = xor_view();
    view.train(30);
    let (saved, loss) = (view.weights_json(), view.train_loss());
    let file = view.read_weights_json(&saved).unwrap();
    assert_eq!(file.sizes(), vec![2, 8, 1]);
    assert_eq!(
        (file.hidden_activation(), file.output_activation()),
        ("tanh".into(), "tanh".into())
    );
    view.train(30);
    assert_ne!(view.train_loss(), loss);
    view.load_weights(&file).unwrap();
    assert_eq!((view.iteration(), view.train_loss()), (0.0, loss));
    let err = message(view.read_weights_json("{\n\"format\": tru}").err().unwrap());
    assert!(err.contains("cannot be read: line 2, column"), "{err}");
    view.set_features("x1,x2,x1sq").unwrap();
    let err = message(view.read_weights_json(&saved).err().unwrap());
    assert!(
        err.contains("choose the same features and data set first"),
        "{err}"
    );
}

mod approx_view;
mod data_kinds;
mod diagram;
mod digits;
mod lessons;
mod optim_view;
