//! The wasm-bindgen handle of the Digits view: the practical's MLP learning
//! MNIST digits (`train::digits`), its curves, its units' weight images, test
//! digits with its answers, and a drawn digit read by it. A step shared by
//! two training workers is in `shared_step`, a step's arithmetic for the
//! benchmark in `work`.

mod shared_step;
mod work;

use super::canvas::Canvas;
use super::{device_pixel_ratio, js_err, put_rgba, seed_of, to_json};
use crate::data::digits::drawing::to_mnist;
use crate::data::digits::split::DigitSplit;
use crate::data::digits::{Digits, CLASSES};
use crate::nn::softmax::argmax;
use crate::render::charts::loss::{draw_curves, Axes, Curve};
use crate::render::digits::{digit_tiles, input_image, weight_tiles, Picture};
use crate::render::palette::{TEST_CURVE, TRAIN_CURVE};
use crate::train::digits::{loss_named, outputs_of, DigitsState, DigitsTrainer, Recipe};
use crate::train::history::LossPoint;
use crate::train::metrics::ConfusionMatrix;
use crate::train::optim::Optimizer;
use crate::{Activation, Loss};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

/// The practical's MLP on MNIST digits. The same handle serves two places:
/// in a Web Worker it trains (`run`, then `state_bytes` for the page); in the
/// page it checks the settings, holds the digits for their pictures and draws
/// the state the worker sent (`adopt`). Without a worker it trains and draws
/// itself (the tests, the benchmark in Node).
#[wasm_bindgen]
pub struct DigitsView {
    digits: Digits,
    sizes: (usize, usize),
    data_seed: u64,
    trainer: DigitsTrainer,
    /// What is drawn: the local trainer's state, or the worker's last one.
    shown: DigitsState,
    /// Whether `shown` comes from a worker (then only a restart replaces it here).
    mirrored: bool,
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
    /// Whether the training figures are of the weights the last step started
    /// from (its own forward pass, full batch) rather than of those after it.
    during_step: bool,
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

/// A reading of 10 outputs: x(L) under the squared error, or under the
/// softmax cross-entropy the probabilities softmax(x(L)) that it fits.
#[derive(Serialize)]
struct Reading {
    outputs: Vec<f32>,
    answer: usize,
    softmax: bool,
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
        let mut trainer = rebuild(&digits, sizes, 1, Recipe::practical(sizes.0))?;
        Ok(DigitsView {
            shown: trainer.state(),
            mirrored: false,
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

    /// New training and test sets (the recipe is kept); training restarts.
    pub fn set_data(&mut self, train: usize, test: usize, seed: f64) -> Result<(), JsError> {
        let seed = seed_of(seed, "The data seed")?;
        let recipe = self.trainer.recipe().clone();
        self.replace(rebuild(&self.digits, (train, test), seed, recipe)?);
        (self.sizes, self.data_seed) = ((train, test), seed);
        Ok(())
    }

    /// A new network: the hidden widths, σ of the hidden layers and the loss
    /// by name ("mse" on targets ±0.9 or "softmax-cross-entropy"), initial
    /// weights and biases from N(0, ε²) drawn by `seed`; training restarts.
    pub fn set_model(
        &mut self,
        hidden: Vec<u32>,
        activation: &str,
        loss: &str,
        epsilon: f32,
        seed: f64,
    ) -> Result<(), JsError> {
        let recipe = Recipe {
            hidden: hidden.into_iter().map(|w| w as usize).collect(),
            activation: activation.parse::<Activation>().map_err(js_err)?,
            loss: loss_named(loss).map_err(js_err)?,
            epsilon,
            weight_seed: seed_of(seed, "The weight seed")?,
            ..self.trainer.recipe().clone()
        };
        self.replace(rebuild(&self.digits, self.sizes, self.data_seed, recipe)?);
        Ok(())
    }

    /// η, keeping the weights.
    pub fn set_eta(&mut self, eta: f32) -> Result<(), JsError> {
        self.trainer.set_eta(eta).map_err(js_err)?;
        self.refresh();
        Ok(())
    }

    /// The optimiser by name ("gd", "momentum" with `beta`, "adam"), keeping the weights.
    pub fn set_optimizer(&mut self, name: &str, beta: f32) -> Result<(), JsError> {
        let optimizer = Optimizer::parse(name, beta).map_err(js_err)?;
        self.trainer.set_optimizer(optimizer).map_err(js_err)?;
        self.refresh();
        Ok(())
    }

    /// Digits per update (0: all the training digits), keeping the weights.
    pub fn set_batch_size(&mut self, batch: usize) -> Result<(), JsError> {
        let n = self.trainer.split().train.len();
        if batch > n {
            return Err(js_err(format!(
                "A mini-batch of {batch} is more than the {n} training digits: choose at most {n}, or 0 for all of them."
            )));
        }
        self.trainer.set_batch_size(batch);
        Ok(())
    }

    /// Parameters of the network: Σ over layers of (inputs + 1) × outputs.
    pub fn param_count(&self) -> usize {
        self.trainer.trainer().mlp().param_count()
    }

    /// Up to `steps` steps here; how many were done (fewer when training stopped).
    pub fn run(&mut self, steps: u32) -> u32 {
        let done = self.trainer.run(steps);
        self.refresh();
        done
    }

    /// What the page draws of this run, as bytes (sent by the training worker).
    pub fn state_bytes(&self) -> Vec<u8> {
        self.shown.to_bytes()
    }

    /// Draws from now on the state a training worker sent (`state_bytes`) for
    /// the same settings; false, and nothing changes, when it does not fit
    /// these sets and network (a message from before a settings change).
    pub fn adopt(&mut self, bytes: &[u8]) -> Result<bool, JsError> {
        let state = DigitsState::from_bytes(bytes).map_err(js_err)?;
        let fits = state.fits(self.trainer.split(), &self.trainer.recipe().sizes());
        if fits {
            self.shown = state;
            self.mirrored = true;
        }
        Ok(fits)
    }

    /// Steps done.
    pub fn step_count(&self) -> f64 {
        self.shown.last.step as f64
    }

    /// Why training stopped, or "".
    pub fn stopped(&self) -> String {
        self.shown.stopped.clone().unwrap_or_default()
    }

    /// The readouts and the test set's confusion matrix, as JSON.
    pub fn readouts_json(&self) -> String {
        let (t, shown) = (&self.trainer, &self.shown);
        let r = shown.last;
        let test = &t.split().test.labels;
        let pairs = test
            .iter()
            .zip(&shown.predictions)
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
            during_step: r.during_step,
            params: shown.mlp.param_count(),
            train: t.split().train.len(),
            test: t.split().test.len(),
            eta: t.recipe().eta,
            stopped: shown.stopped.clone(),
            at_1000: shown.at_handout.map(|r| (r.train_error, r.test_error)),
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
        // The train and test curves of `points`, their values times `scale`.
        let curves = |points: &[LossPoint], scale: f64, names: [&'static str; 2]| {
            let of = |pick: fn(&LossPoint) -> f32| -> Vec<(f64, f64)> {
                points
                    .iter()
                    .map(|p| (p.iteration as f64, scale * f64::from(pick(p))))
                    .collect()
            };
            [
                Curve {
                    name: names[0],
                    colour: TRAIN_CURVE,
                    points: of(|p| p.train),
                },
                Curve {
                    name: names[1],
                    colour: TEST_CURVE,
                    points: of(|p| p.test),
                },
            ]
        };
        let loss_name = match self.trainer.recipe().loss {
            Loss::SoftmaxCrossEntropy => "ℒ = Σ −log softmax(x(L))_y",
            _ => "ℒ = Σ ‖x(L) − t‖²",
        };
        let losses = curves(&self.shown.losses, 1.0, ["training ℒ", "test ℒ"]);
        draw_curves(Canvas::new(loss)?, &losses, axes(loss_name)).map_err(js_err)?;
        // The errors are kept as shares and drawn in percent.
        let curves = curves(&self.shown.errors, 100.0, ["training error", "test error"]);
        draw_curves(Canvas::new(errors)?, &curves, axes("error (%)")).map_err(js_err)
    }

    /// Every hidden unit's input weights as 28 × 28 tiles, `cols` a row.
    pub fn draw_weights(&self, canvas: HtmlCanvasElement, cols: usize) -> Result<(), JsError> {
        put(&canvas, &weight_tiles(&self.shown.mlp, cols.max(1)))
    }

    /// The first `count` test digits, framed red where the network is wrong;
    /// their answers as JSON [answer, truth] pairs.
    pub fn draw_test_digits(
        &self,
        canvas: HtmlCanvasElement,
        count: usize,
        cols: usize,
    ) -> Result<String, JsError> {
        let test = &self.trainer.split().test;
        let n = count.min(test.len()).min(self.shown.predictions.len());
        let images: Vec<&[u8]> = test.index[..n].iter().map(|&i| self.digits.image(i)).collect();
        let answers: Vec<(u8, u8)> = (0..n)
            .map(|k| (self.shown.predictions[k], test.labels[k]))
            .collect();
        let right: Vec<bool> = answers.iter().map(|(a, l)| a == l).collect();
        put(&canvas, &digit_tiles(&images, &right, cols.max(1)))?;
        Ok(to_json(&answers))
    }

    /// Test digit `k`'s 10 outputs after the last step (see `Reading`), as JSON.
    pub fn test_outputs(&self, k: usize) -> String {
        let out = &self.shown.test_outputs;
        self.reading_of(out.get(k * CLASSES..(k + 1) * CLASSES).unwrap_or(&[]).to_vec())
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

    /// A new run (settings changed): drawn from its step 0 until a worker
    /// sends its own state of it.
    fn replace(&mut self, mut trainer: DigitsTrainer) {
        self.shown = trainer.state();
        self.trainer = trainer;
    }

    /// After a change that keeps the weights: the local run's state, unless a
    /// worker trains (its next state will carry the change).
    fn refresh(&mut self) {
        if !self.mirrored {
            self.shown = self.trainer.state();
        }
    }

    fn reading(&self) -> String {
        let outputs = self
            .drawing
            .as_deref()
            .map(|d| outputs_of(&self.shown.mlp, self.trainer.split(), d))
            .unwrap_or_default();
        self.reading_of(outputs)
    }

    fn reading_of(&self, outputs: Vec<f32>) -> String {
        let softmax = self.trainer.recipe().loss == Loss::SoftmaxCrossEntropy;
        let answer = argmax(&outputs);
        let outputs = if softmax {
            let mut p = vec![0.0; outputs.len()];
            crate::nn::softmax::softmax(&outputs, &mut p);
            p
        } else {
            outputs
        };
        to_json(&Reading {
            outputs,
            answer,
            softmax,
        })
    }
}
