//! The only module that knows the browser: the wasm-bindgen handle of the
//! classification view. Large state lives here in Rust; JavaScript gets small
//! answers and calls setters. Every error becomes a `JsError` carrying a
//! sentence for the user, and a refused setting changes nothing.

use crate::dataset::DataSpec;
use crate::render::boundary::BoundaryImage;
use crate::render::classifier_chart::{draw_classifier, ChartOptions};
use crate::render::loss_chart::draw_loss;
use crate::render::PixelRect;
use crate::settings::{ETA_RANGE, MAX_LAYERS, MAX_WIDTH};
use crate::{dataset::POINTS_RANGE, Settings, Trainer};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use wasm_bindgen::{Clamped, JsCast};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageData};

/// The classification view: a Trainer and the buffers its drawing reuses.
#[wasm_bindgen]
pub struct ClassifierView {
    trainer: Trainer,
    image: BoundaryImage,
    /// An off-screen canvas holding the heatmap at grid resolution, scaled
    /// onto the chart by drawImage.
    heatmap: Option<HtmlCanvasElement>,
}

/// The heatmap's grid has at most this many cells on its longer side (and at
/// least 200 for any chart that large): finer grids cost time in every frame
/// and show nothing more of a smooth function.
const MAX_GRID: u32 = 256;

fn js_err(message: String) -> JsError {
    JsError::new(&message)
}

fn parse<T: std::str::FromStr<Err = String>>(s: &str) -> Result<T, JsError> {
    s.parse().map_err(js_err)
}

#[wasm_bindgen]
impl ClassifierView {
    /// A view with the default settings, ready to train.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Result<ClassifierView, JsError> {
        let trainer = Trainer::new(Settings::default()).map_err(js_err)?;
        Ok(ClassifierView {
            trainer,
            image: BoundaryImage::default(),
            heatmap: None,
        })
    }

    /// New data (kind, points, noise, train fraction, seed); restarts training.
    pub fn set_data(
        &mut self,
        kind: &str,
        points: f64,
        noise: f64,
        train_fraction: f64,
        seed: f64,
    ) -> Result<(), JsError> {
        let points = whole(points, "The number of points")?;
        let (lo, hi) = POINTS_RANGE;
        if points < lo as u64 || points > hi as u64 {
            return Err(js_err(format!(
                "The number of points must be between {lo} and {hi} (got {points})."
            )));
        }
        let spec = DataSpec {
            kind: parse(kind)?,
            points: points as usize,
            noise: noise as f32,
            train_fraction: train_fraction as f32,
            seed: seed_of(seed, "The data seed")?,
        };
        self.trainer.set_data(spec).map_err(js_err)
    }

    /// New hidden widths and activations; restarts training.
    pub fn set_architecture(
        &mut self,
        hidden: Vec<u32>,
        hidden_activation: &str,
        output_activation: &str,
    ) -> Result<(), JsError> {
        let hidden = hidden.into_iter().map(|w| w as usize).collect();
        let (h, o) = (parse(hidden_activation)?, parse(output_activation)?);
        self.trainer.set_architecture(hidden, h, o).map_err(js_err)
    }

    /// A new weight seed; restarts training from the weights it draws.
    pub fn set_weight_seed(&mut self, seed: f64) -> Result<(), JsError> {
        self.trainer.set_weight_seed(seed_of(seed, "The weight seed")?);
        Ok(())
    }

    /// The loss and its reduction; keeps the weights, restarts the loss curve.
    pub fn set_loss(&mut self, loss: &str, reduction: &str) -> Result<(), JsError> {
        let (l, r) = (parse(loss)?, parse(reduction)?);
        self.trainer.set_loss(l, r);
        Ok(())
    }

    /// The step size η; keeps the training state.
    pub fn set_learning_rate(&mut self, eta: f64) -> Result<(), JsError> {
        self.trainer.set_eta(eta as f32).map_err(js_err)
    }

    /// Samples per update, 0 for the full batch; keeps the training state.
    pub fn set_batch_size(&mut self, k: f64) -> Result<(), JsError> {
        let k = whole(k, "The batch size")?;
        self.trainer.set_batch_size(k.min(u64::from(u32::MAX)) as usize);
        Ok(())
    }

    /// Restarts training from the weights the current seed draws.
    pub fn reset(&mut self) {
        self.trainer.restart();
    }

    /// Runs up to `steps` updates; returns how many were done.
    pub fn train(&mut self, steps: u32) -> u32 {
        self.trainer.step(steps)
    }

    /// Draws the boundary chart and the loss chart on the two canvases.
    pub fn draw(
        &mut self,
        boundary: HtmlCanvasElement,
        loss: HtmlCanvasElement,
        log_scale: bool,
        show_test: bool,
    ) -> Result<(), JsError> {
        let scale = device_pixel_ratio();
        let ctx = context_2d(&boundary)?;
        let backend = CanvasBackend::with_canvas_object(boundary).ok_or_else(no_canvas)?;
        let heatmap = match self.heatmap.take() {
            Some(c) => c,
            None => new_canvas()?,
        };
        let (trainer, image) = (&self.trainer, &mut self.image);
        let split = trainer.split();
        let options = ChartOptions { scale, show_test };
        let drawn = draw_classifier(backend, &split.train, &split.test, options, |_, rect| {
            blit(&ctx, &heatmap, image, trainer, rect)
        });
        self.heatmap = Some(heatmap);
        drawn.map_err(js_err)?;
        let backend = CanvasBackend::with_canvas_object(loss).ok_or_else(no_canvas)?;
        draw_loss(backend, self.trainer.history(), log_scale, show_test, scale).map_err(js_err)
    }

    /// Computes the boundary image only (for the benchmark; no DOM needed).
    pub fn compute_boundary(&mut self, width: u32, height: u32) -> usize {
        self.image
            .render(&self.trainer, width as usize, height as usize)
            .len()
    }

    /// Updates since the last rebuild or reset.
    pub fn iteration(&self) -> f64 {
        self.trainer.iteration() as f64
    }

    /// Passes over the training set since the last rebuild or reset.
    pub fn epoch(&self) -> f64 {
        self.trainer.epoch()
    }

    /// L on the training set.
    pub fn train_loss(&mut self) -> f64 {
        f64::from(self.trainer.evaluation().train_loss)
    }

    /// L on the test set.
    pub fn test_loss(&mut self) -> f64 {
        f64::from(self.trainer.evaluation().test_loss)
    }

    /// Share of training points classified right.
    pub fn train_accuracy(&mut self) -> f64 {
        f64::from(self.trainer.evaluation().train_accuracy)
    }

    /// Share of test points classified right.
    pub fn test_accuracy(&mut self) -> f64 {
        f64::from(self.trainer.evaluation().test_accuracy)
    }

    /// Number of weights and biases.
    pub fn param_count(&self) -> usize {
        self.trainer.mlp().param_count()
    }

    /// Training points.
    pub fn train_size(&self) -> usize {
        self.trainer.split().train.len()
    }

    /// Test points.
    pub fn test_size(&self) -> usize {
        self.trainer.split().test.len()
    }

    /// True when training stopped on a non-finite value.
    pub fn diverged(&self) -> bool {
        self.trainer.divergence().is_some()
    }

    /// "" when all is well, else a sentence for the user.
    pub fn status(&self) -> String {
        crate::report::status(&self.trainer)
    }

    /// Every current setting, as JSON.
    pub fn settings_json(&self) -> String {
        crate::report::settings_json(self.trainer.settings())
    }
}

/// A fresh random seed from the operating system, for a user who asks for one.
#[wasm_bindgen]
pub fn fresh_seed() -> Result<u32, JsError> {
    let mut bytes = [0u8; 4];
    getrandom::fill(&mut bytes).map_err(|e| js_err(format!("No random seed available: {e}.")))?;
    Ok(u32::from_le_bytes(bytes))
}

/// The limits the core accepts, as JSON, so the page's controls agree with it.
#[wasm_bindgen]
pub fn limits() -> String {
    format!(
        "{{\"max_layers\":{MAX_LAYERS},\"max_width\":{MAX_WIDTH},\"max_points\":{},\"min_points\":{},\"eta_min\":{:e},\"eta_max\":{}}}",
        POINTS_RANGE.1, POINTS_RANGE.0, ETA_RANGE.0, ETA_RANGE.1
    )
}

/// Computes the heatmap at grid resolution, puts it on the off-screen canvas
/// and scales it onto the plotting area with smoothing.
fn blit(
    ctx: &CanvasRenderingContext2d,
    heatmap: &HtmlCanvasElement,
    image: &mut BoundaryImage,
    trainer: &Trainer,
    rect: PixelRect,
) -> Result<(), String> {
    if rect.width == 0 || rect.height == 0 {
        return Ok(());
    }
    let cells = rect.width.max(rect.height).div_ceil(MAX_GRID);
    let (w, h) = (rect.width.div_ceil(cells), rect.height.div_ceil(cells));
    let rgba = image.render(trainer, w as usize, h as usize);
    let data = ImageData::new_with_u8_clamped_array_and_sh(Clamped(rgba), w, h)
        .map_err(|_| "The browser refused the boundary image.".to_string())?;
    if (heatmap.width(), heatmap.height()) != (w, h) {
        heatmap.set_width(w);
        heatmap.set_height(h);
    }
    let refused = |_| "The browser refused to draw the boundary image.".to_string();
    context_2d(heatmap)
        .map_err(|_| "No off-screen canvas.".to_string())?
        .put_image_data(&data, 0.0, 0.0)
        .map_err(refused)?;
    ctx.set_image_smoothing_enabled(true);
    let (x, y) = (f64::from(rect.x), f64::from(rect.y));
    ctx.draw_image_with_html_canvas_element_and_sw_and_sh_and_dx_and_dy_and_dw_and_dh(
        heatmap,
        0.0,
        0.0,
        f64::from(w),
        f64::from(h),
        x,
        y,
        f64::from(rect.width),
        f64::from(rect.height),
    )
    .map_err(refused)
}

/// A canvas that is never attached to the page.
fn new_canvas() -> Result<HtmlCanvasElement, JsError> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(no_canvas)?;
    document
        .create_element("canvas")
        .ok()
        .and_then(|e| e.dyn_into().ok())
        .ok_or_else(no_canvas)
}

fn context_2d(canvas: &HtmlCanvasElement) -> Result<CanvasRenderingContext2d, JsError> {
    canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into().ok())
        .ok_or_else(no_canvas)
}

fn no_canvas() -> JsError {
    js_err("This canvas has no 2D drawing context; the chart cannot be drawn.".into())
}

fn device_pixel_ratio() -> f32 {
    web_sys::window()
        .map_or(1.0, |w| w.device_pixel_ratio() as f32)
        .clamp(1.0, 4.0)
}

/// A JS number that must be a whole, non-negative value.
fn whole(v: f64, what: &str) -> Result<u64, JsError> {
    if v.is_finite() && v >= 0.0 && v.fract() == 0.0 && v <= 9.0e15 {
        Ok(v as u64)
    } else {
        Err(js_err(format!(
            "{what} must be a whole number of at least 0 (got {v})."
        )))
    }
}

/// A seed: a whole number from 0 to 2³² − 1.
fn seed_of(v: f64, what: &str) -> Result<u64, JsError> {
    let s = whole(v, what)?;
    if s > u64::from(u32::MAX) {
        return Err(js_err(format!("{what} must be at most 4294967295 (got {v}).")));
    }
    Ok(s)
}
