//! The wasm-bindgen handle of the Digits view: the practical's MLP learning
//! MNIST digits (`train::digits`), its curves, its units' weight images, test
//! digits with its answers, and a drawn digit read by it.

use super::canvas::Canvas;
use super::{device_pixel_ratio, js_err, put_rgba, seed_of, to_json};
use crate::data::digits::drawing::to_mnist;
use crate::data::digits::split::DigitSplit;
use crate::data::digits::{Digits, CLASSES};
use crate::nn::softmax::argmax;
use crate::render::charts::loss::{draw_curves, draw_loss, Axes, Curve};
use crate::render::digits::{digit_tiles, input_image, weight_tiles, Picture};
use crate::render::palette::{TEST_CURVE, TRAIN_CURVE};
use crate::train::digits::{DigitsTrainer, Recipe};
use crate::train::history::LossPoint;
use crate::train::metrics::ConfusionMatrix;
use crate::Activation;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

/// The practical's MLP on MNIST digits.
#[wasm_bindgen]
pub struct DigitsView {
    digits: Digits,
    sizes: (usize, usize),
    data_seed: u64,
    trainer: DigitsTrainer,
    /// The last drawing in MNIST's form (grey levels in [0, 1]).
    drawing: Option<Vec<f32>>,
}

/// What the readouts show.
#[derive(Serialize)]
struct Readouts {
    step: u64,
    train_loss: f32,
    test_loss: f32,
    train_error: f32,
    test_error: f32,
    params: usize,
    train: usize,
    test: usize,
    eta: f32,
    stopped: Option<String>,
    /// Training and test error at step 1000, once there.
    at_1000: Option<(f32, f32)>,
    /// Row = true digit, column = the network's answer, on the test set.
    confusion: Vec<u32>,
}

/// A drawing's reading.
#[derive(Serialize)]
struct Reading {
    outputs: Vec<f32>,
    answer: usize,
}

fn rebuild(
    digits: &Digits,
    sizes: (usize, usize),
    seed: u64,
    recipe: Recipe,
) -> Result<DigitsTrainer, JsError> {
    let split = DigitSplit::draw(digits, sizes.0, sizes.1, seed).map_err(js_err)?;
    DigitsTrainer::new(recipe, split).map_err(js_err)
}

/// Sizes `canvas` to the picture and puts it there (the page scales it up).
fn put(canvas: &HtmlCanvasElement, p: &Picture) -> Result<(), JsError> {
    put_rgba(
        canvas,
        &p.rgba,
        p.width as u32,
        p.height as u32,
        "the Digits picture",
    )
    .map_err(js_err)
}

#[wasm_bindgen]
impl DigitsView {
    /// The view on the build's digits file (www/pkg/digits.bin), with the
    /// practical's sets (1000 + 1000, data seed 1) and recipe.
    #[wasm_bindgen(constructor)]
    pub fn new(bytes: &[u8]) -> Result<DigitsView, JsError> {
        let digits = Digits::decode(bytes).map_err(js_err)?;
        let sizes = crate::data::digits::split::DEFAULT_SIZES;
        let trainer = rebuild(&digits, sizes, 1, Recipe::practical(sizes.0))?;
        Ok(DigitsView {
            digits,
            sizes,
            data_seed: 1,
            trainer,
            drawing: None,
        })
    }

    /// How many digits there are to split.
    pub fn available(&self) -> usize {
        self.digits.len()
    }

    /// New training and test sets (η is kept); training restarts.
    pub fn set_data(&mut self, train: usize, test: usize, seed: f64) -> Result<(), JsError> {
        let seed = seed_of(seed, "The data seed")?;
        self.trainer = rebuild(&self.digits, (train, test), seed, self.trainer.recipe().clone())?;
        (self.sizes, self.data_seed) = ((train, test), seed);
        Ok(())
    }

    /// A new network: one hidden layer of `width` units, σ by name, initial
    /// weights and biases from N(0, ε²) drawn by `seed`; training restarts.
    pub fn set_model(
        &mut self,
        width: usize,
        activation: &str,
        epsilon: f32,
        seed: f64,
    ) -> Result<(), JsError> {
        let recipe = Recipe {
            hidden: vec![width],
            activation: activation.parse::<Activation>().map_err(js_err)?,
            epsilon,
            weight_seed: seed_of(seed, "The weight seed")?,
            ..self.trainer.recipe().clone()
        };
        self.trainer = rebuild(&self.digits, self.sizes, self.data_seed, recipe)?;
        Ok(())
    }

    /// η, keeping the weights.
    pub fn set_eta(&mut self, eta: f32) -> Result<(), JsError> {
        self.trainer.set_eta(eta).map_err(js_err)
    }

    /// Works through at most `rows` digits of the step under way; true when a step finished.
    pub fn advance(&mut self, rows: usize) -> bool {
        self.trainer.advance(rows)
    }

    /// Whole steps (for Step); how many were done.
    pub fn run(&mut self, steps: u32) -> u32 {
        self.trainer.run(steps, 100)
    }

    /// Steps done.
    pub fn step_count(&self) -> f64 {
        self.trainer.step_count() as f64
    }

    /// Why training stopped, or "".
    pub fn stopped(&self) -> String {
        self.trainer.stopped().unwrap_or_default().to_string()
    }

    /// The readouts and the test set's confusion matrix, as JSON.
    pub fn readouts_json(&self) -> String {
        let t = &self.trainer;
        let r = t.last();
        let test = &t.split().test.labels;
        let pairs = test
            .iter()
            .zip(t.predictions())
            .map(|(&l, &p)| (usize::from(l), usize::from(p)));
        let confusion = ConfusionMatrix::from_pairs(CLASSES, pairs)
            .map(|m| m.counts().to_vec())
            .unwrap_or_default();
        to_json(&Readouts {
            step: r.step,
            train_loss: r.train_loss,
            test_loss: r.test_loss,
            train_error: r.train_error,
            test_error: r.test_error,
            params: t.mlp().param_count(),
            train: t.split().train.len(),
            test: t.split().test.len(),
            eta: t.recipe().eta,
            stopped: t.stopped().map(str::to_string),
            at_1000: t.at_handout_step().map(|r| (r.train_error, r.test_error)),
            confusion,
        })
    }

    /// The loss (train and test ℒ) and the error rates (in %) against the step.
    pub fn draw_curves(
        &self,
        loss: HtmlCanvasElement,
        errors: HtmlCanvasElement,
        log_scale: bool,
    ) -> Result<(), JsError> {
        let axes = |y_desc| Axes {
            x_desc: "step",
            y_desc,
            log_scale,
            scale: device_pixel_ratio(),
        };
        let names = ["training ℒ", "test ℒ"];
        draw_loss(
            Canvas::new(loss)?,
            self.trainer.losses(),
            names,
            true,
            axes("ℒ = Σ ‖x(2) − t‖²"),
        )
        .map_err(js_err)?;
        // The errors are kept as shares and drawn in percent.
        let percent = |share: fn(&LossPoint) -> f32| {
            self.trainer
                .errors()
                .points()
                .map(|p| (p.iteration as f64, 100.0 * f64::from(share(p))))
                .collect()
        };
        let curves = [
            Curve {
                name: "training error",
                colour: TRAIN_CURVE,
                points: percent(|p| p.train),
            },
            Curve {
                name: "test error",
                colour: TEST_CURVE,
                points: percent(|p| p.test),
            },
        ];
        draw_curves(Canvas::new(errors)?, &curves, axes("error (%)")).map_err(js_err)
    }

    /// Every hidden unit's input weights as 28 × 28 tiles, `cols` a row.
    pub fn draw_weights(&self, canvas: HtmlCanvasElement, cols: usize) -> Result<(), JsError> {
        put(&canvas, &weight_tiles(self.trainer.mlp(), cols.max(1)))
    }

    /// The first `count` test digits, framed red where the network is wrong;
    /// their answers as JSON [answer, truth] pairs.
    pub fn draw_test_digits(
        &self,
        canvas: HtmlCanvasElement,
        count: usize,
        cols: usize,
    ) -> Result<String, JsError> {
        let t = &self.trainer;
        let test = &t.split().test;
        let n = count.min(test.len());
        let images: Vec<&[u8]> = test.index[..n].iter().map(|&i| self.digits.image(i)).collect();
        let answers: Vec<(u8, u8)> = (0..n).map(|k| (t.predictions()[k], test.labels[k])).collect();
        let right: Vec<bool> = answers.iter().map(|(a, l)| a == l).collect();
        put(&canvas, &digit_tiles(&images, &right, cols.max(1)))?;
        Ok(to_json(&answers))
    }

    /// Test digit `k`'s 10 outputs x(2) after the last step, as JSON.
    pub fn test_outputs(&self, k: usize) -> String {
        let out = self.trainer.test_outputs();
        to_json(&out.get(k * CLASSES..(k + 1) * CLASSES).unwrap_or(&[]))
    }

    /// Reads a drawing of `width` × `height` ink levels (0 paper, 255 ink):
    /// brought to MNIST's form and through the network; its 10 outputs and
    /// answer as JSON, or a sentence when the drawing is empty.
    pub fn read_drawing(&mut self, ink: &[u8], width: usize, height: usize) -> Result<String, JsError> {
        let image = to_mnist(ink, width, height).map_err(js_err)?;
        self.drawing = Some(image);
        Ok(self.reading())
    }

    /// The last drawing's outputs with the current weights (they change as it learns).
    pub fn reread(&self) -> String {
        if self.drawing.is_some() {
            self.reading()
        } else {
            String::new()
        }
    }

    /// Forgets the drawing.
    pub fn clear_drawing(&mut self) {
        self.drawing = None;
    }

    /// The drawing as the network receives it (28 × 28), blank without one.
    pub fn draw_input(&self, canvas: HtmlCanvasElement) -> Result<(), JsError> {
        let blank = vec![0.0; crate::data::digits::PIXELS];
        put(&canvas, &input_image(self.drawing.as_deref().unwrap_or(&blank)))
    }

    fn reading(&self) -> String {
        let outputs = self
            .drawing
            .as_deref()
            .map(|d| self.trainer.outputs_of(d))
            .unwrap_or_default();
        to_json(&Reading {
            answer: argmax(&outputs),
            outputs,
        })
    }
}
