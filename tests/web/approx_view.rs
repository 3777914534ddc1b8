//! The universal-approximation handle: training, the construction and a drawn target on real canvases.

use super::canvas;
use mlp_playground::web::ApproxView;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::CanvasRenderingContext2d;

/// Pixels of the fit's colour (palette::FIT) on a canvas.
fn fit_pixels(c: &web_sys::HtmlCanvasElement) -> usize {
    let ctx: CanvasRenderingContext2d = c.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let data = ctx
        .get_image_data(0.0, 0.0, f64::from(c.width()), f64::from(c.height()))
        .unwrap()
        .data();
    data.chunks_exact(4)
        .filter(|p| p[0] > 200 && (70..=100).contains(&p[1]) && p[2] < 40)
        .count()
}

#[wasm_bindgen_test]
fn trains_and_draws_on_real_canvases() {
    let mut view = ApproxView::new();
    let (plot, loss, error) = (canvas(400, 300), canvas(300, 160), canvas(300, 160));
    let before = view.mse();
    assert_eq!(view.train(2000), 2000);
    assert!(view.mse() < before / 4.0, "{before} → {}", view.mse());
    view.draw(Some(plot.clone()), Some(loss), Some(error), true, 2, true)
        .unwrap();
    assert!(fit_pixels(&plot) > 300, "the fit is drawn");
    // Pixels map back to data: the left edge of the plot is x = −1.
    assert!(view.data_x(0.0) < -1.0 && view.data_x(400.0) > 1.0);
    let info = view.unit_info(2.0).unwrap();
    assert!(info.starts_with("{\"k\":2,\"w\":"), "{info}");
    assert!(view.unit_info(20.0).is_err());
}

#[wasm_bindgen_test]
fn the_construction_adds_one_unit_per_step_and_gets_closer() {
    let mut view = ApproxView::new();
    view.set_mode("constructed").unwrap();
    view.set_activation("sigmoid").unwrap();
    view.reset();
    assert_eq!(view.units(), 0);
    let mut last = view.max_error();
    for k in 1..=10 {
        assert_eq!(view.train(100), 1, "one unit per call");
        assert_eq!(view.units(), k);
    }
    assert!(view.max_error() < last);
    last = view.max_error();
    view.set_units(60.0).unwrap();
    assert!(view.max_error() < last);
    view.draw(
        Some(canvas(300, 200)),
        None,
        Some(canvas(200, 120)),
        true,
        -1,
        false,
    )
    .unwrap();
    view.set_mode("trained").unwrap();
    assert_eq!(view.units(), 20, "the trained mode kept its own K");
}

#[wasm_bindgen_test]
fn a_drawn_target_and_bad_input() {
    let mut view = ApproxView::new();
    assert!(view.set_target("drawn").is_err(), "nothing drawn yet");
    view.set_drawn_target(vec![-0.9, 0.0, 0.9], vec![0.5, -0.5, 0.5])
        .unwrap();
    assert!(view.settings_json().contains("\"target\":\"drawn\""));
    let before = view.settings_json();
    assert!(view.set_drawn_target(vec![0.1], vec![0.2]).is_err());
    assert!(view.set_units(0.0).is_err() && view.set_units(501.0).is_err() && view.set_units(2.5).is_err());
    assert!(view.set_activation("softplus").is_err());
    assert!(view.set_samples(1.0, 0.0, 1.0).is_err());
    assert!(view.set_mode("random").is_err());
    assert!(view.set_learning_rate(-2.0).is_err());
    assert_eq!(view.settings_json(), before);
}
