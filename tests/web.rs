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

#[path = "common/reference.rs"]
mod reference;

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

mod approx_view {
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
        assert!(
            view.set_units(0.0).is_err() && view.set_units(501.0).is_err() && view.set_units(2.5).is_err()
        );
        assert!(view.set_activation("softplus").is_err());
        assert!(view.set_samples(1.0, 0.0, 1.0).is_err());
        assert!(view.set_mode("random").is_err());
        assert!(view.set_learning_rate(-2.0).is_err());
        assert_eq!(view.settings_json(), before);
    }
}

mod lessons {
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
}

// --- optim ---
mod optim_view {
    use super::canvas;
    use mlp_playground::web::ClassifierView;
    use wasm_bindgen_test::*;

    #[wasm_bindgen_test]
    fn optimiser_penalty_and_stop_keep_the_run_and_refuse_bad_values() {
        let mut view = ClassifierView::new().unwrap();
        view.train(5);
        view.set_optimizer("adam", 0.0).unwrap();
        view.set_regularization("l2", 0.01).unwrap();
        assert_eq!(view.iteration(), 5.0);
        assert!(view.set_optimizer("rmsprop", 0.9).is_err());
        assert!(view.set_optimizer("momentum", 1.0).is_err());
        assert!(view.set_regularization("l2", f64::NAN).is_err());
        assert!(view.set_stop("epochs", 0.5).is_err());
        assert!(view.set_stop("loss", -1.0).is_err());
        view.set_stop("epochs", 12.0).unwrap();
        assert_eq!(view.train(100), 7, "full batch: 12 epochs = 12 updates");
        assert!(view.stop_status().contains("12 epochs"));
        assert!(!view.diverged() && view.status().is_empty());
        assert!(view.objective() > view.train_loss(), "λ R(w) > 0 is added");
        let sum = |v: Vec<u32>| v.iter().sum::<u32>() as usize;
        assert_eq!(sum(view.confusion(true)), view.train_size());
        assert_eq!(sum(view.confusion(false)), view.test_size());
    }

    #[wasm_bindgen_test]
    fn ghosts_are_named_capped_at_three_and_drawn() {
        let mut view = ClassifierView::new().unwrap();
        view.train(40);
        let (boundary, loss) = (canvas(200, 200), canvas(300, 200));
        view.draw(boundary.clone(), Some(loss.clone()), true, true)
            .unwrap();
        let plain = pixels(&loss);
        assert_eq!(view.keep_ghost(true), "ghost 1: GD η=0.03 seed 1");
        view.reset();
        view.train(2);
        view.draw(boundary, Some(loss.clone()), true, true).unwrap();
        assert_ne!(pixels(&loss), plain);
        for _ in 0..3 {
            view.keep_ghost(false);
        }
        // After Reset the run has a fresh weight seed, which each name ends with.
        let names = view.ghost_names();
        let seed = view.settings_json();
        let seed = seed
            .split("\"weight_seed\":")
            .nth(1)
            .unwrap()
            .split(',')
            .next()
            .unwrap();
        for (k, name) in (2..=4).zip(&names) {
            assert_eq!(name, &format!("ghost {k}: GD η=0.03 seed {seed}"));
        }
        assert_eq!(names.len(), 3);
        view.clear_ghosts();
        assert_eq!(view.ghost_count(), 0);
    }

    fn pixels(c: &web_sys::HtmlCanvasElement) -> Vec<u8> {
        use wasm_bindgen::JsCast;
        let ctx: web_sys::CanvasRenderingContext2d =
            c.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
        ctx.get_image_data(0.0, 0.0, f64::from(c.width()), f64::from(c.height()))
            .unwrap()
            .data()
            .to_vec()
    }
}

/// The classification view's data: input features, K classes and regression
/// through the handle.
mod data_kinds {
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
}

// --- diagram ---
mod diagram {
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
}
