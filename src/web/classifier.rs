//! The wasm-bindgen handle of the classification view.

use super::{context_2d, device_pixel_ratio, js_err, no_canvas, parse, seed_of, whole};
use crate::dataset::DataSpec;
use crate::render::boundary::BoundaryImage;
use crate::render::classifier_chart::{draw_classifier, ChartOptions};
use crate::render::loss_chart::{draw_loss, Axes};
use crate::render::PixelRect;
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
        let axes = Axes {
            x_desc: "iteration",
            y_desc: if log_scale { "loss (log)" } else { "loss" },
            log_scale,
            scale,
        };
        draw_loss(
            backend,
            self.trainer.history(),
            ["train", "test"],
            show_test,
            axes,
        )
        .map_err(js_err)
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
