//! The classification view's optimiser, penalty, stop condition and ghost curves through the handle.

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
    let ctx: web_sys::CanvasRenderingContext2d = c.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    ctx.get_image_data(0.0, 0.0, f64::from(c.width()), f64::from(c.height()))
        .unwrap()
        .data()
        .to_vec()
}
