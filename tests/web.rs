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
    view.draw(boundary.clone(), loss.clone(), true, true).unwrap();
    let (neg, pos) = class_pixels(&boundary);
    let area = 300 * 300;
    assert!(neg > area / 6 && pos > area / 6, "blue {neg}, orange {pos}");
    // The loss canvas got its curves (dark train curve, red test curve).
    let ctx: CanvasRenderingContext2d = loss.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let px = ctx.get_image_data(0.0, 0.0, 300.0, 160.0).unwrap().data();
    let red = px
        .chunks_exact(4)
        .filter(|p| p[0] > 180 && p[1] < 90 && p[2] < 90)
        .count();
    assert!(red > 50, "test curve pixels: {red}");
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
    view.draw(boundary.clone(), loss, false, true).unwrap();
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
