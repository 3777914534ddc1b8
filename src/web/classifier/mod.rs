//! The wasm-bindgen handle of the classification view.

use super::canvas::Canvas;
use super::{context_2d, device_pixel_ratio, js_err, no_canvas, parse, seed_of, whole};
use crate::data::features::{Feature, FeatureSet};
use crate::data::{DataSpec, DatasetKind};
use crate::inspect::backprop::{gradient_check_penalised, trace, Trace};
use crate::inspect::collapse::collapse;
use crate::nn::mlp::{Gradients, Mlp, Workspace};
use crate::render::boundary::BoundaryImage;
use crate::render::charts::classifier::{draw_classifier, ChartOptions};
use crate::render::charts::loss::{draw_loss_with_ghosts, Axes, Ghost};
use crate::render::unit_grids::UnitGrids;
use crate::render::PixelRect;
use crate::{data::POINTS_RANGE, Settings, Trainer};
use wasm_bindgen::prelude::*;
use wasm_bindgen::{Clamped, JsCast};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageData};

// The user's own points, CSV and weights files (a child module: it needs the
// kept chart layer's plotting area).
mod data;
mod diagram;
mod files;
mod options;

/// The classification view: a Trainer and the buffers its drawing reuses.
#[wasm_bindgen]
pub struct ClassifierView {
    trainer: Trainer,
    image: BoundaryImage,
    /// An off-screen canvas holding the heatmap at grid resolution, scaled
    /// onto the chart by drawImage.
    heatmap: Option<HtmlCanvasElement>,
    unit_grids: UnitGrids,
    show_collapse: bool,
    layer: Option<Layer>,
    passes: Workspace,
    pass_grads: Gradients,
    ones: Vec<f32>,
    /// Kept runs' loss curves (at most `MAX_GHOSTS`), and how many were ever kept.
    ghosts: (Vec<Ghost>, usize),
    /// K for the K-class data sets ("arms", "clusters").
    classes: u8,
    /// The network diagram's thumbnails and their atlas (see `diagram`).
    diagram: diagram::DiagramCanvas,
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
        let settings = Settings {
            features: Some(FeatureSet::RAW),
            ..Settings::default()
        };
        let trainer = Trainer::new(settings).map_err(js_err)?;
        Ok(ClassifierView {
            trainer,
            image: BoundaryImage::default(),
            heatmap: None,
            unit_grids: UnitGrids::default(),
            show_collapse: false,
            layer: None,
            passes: Workspace::default(),
            pass_grads: Gradients { layers: Vec::new() },
            ones: Vec::new(),
            ghosts: (Vec::new(), 0),
            classes: 3,
            diagram: diagram::DiagramCanvas::default(),
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
            kind: parse::<DatasetKind>(kind)?.with_classes(self.classes),
            points: points as usize,
            noise: noise as f32,
            train_fraction: train_fraction as f32,
            seed: seed_of(seed, "The data seed")?,
        };
        self.trainer.set_data(spec).map_err(js_err)?;
        // Back from own points to the same spec: the layer key cannot tell.
        self.mark_points_changed();
        Ok(())
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
        self.trainer.set_loss(l, r).map_err(js_err)
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

    /// Draws the boundary chart, and the loss chart when `loss` is given (the
    /// page may skip it on some frames: a curve needs no 60 Hz refresh).
    ///
    /// The axes, labels and points change only with the data, the canvas size
    /// or the switches, so they are drawn once onto a transparent layer that
    /// is kept; a frame is then a white fill, the heatmap and that layer.
    pub fn draw(
        &mut self,
        boundary: HtmlCanvasElement,
        loss: Option<HtmlCanvasElement>,
        log_scale: bool,
        show_test: bool,
    ) -> Result<(), JsError> {
        let scale = device_pixel_ratio();
        let ctx = context_2d(&boundary)?;
        let key = LayerKey {
            size: (boundary.width(), boundary.height()),
            scale,
            show_test,
            data: self.trainer.settings().data,
            overlay: self
                .show_collapse
                .then(|| collapsed_line(&self.trainer))
                .flatten(),
        };
        let layer = match self.layer.take() {
            Some(kept) if kept.key == key => kept,
            _ => draw_layer(key, &self.trainer)?,
        };
        let heatmap = match self.heatmap.take() {
            Some(c) => c,
            None => new_canvas()?,
        };
        ctx.set_fill_style_str("#ffffff");
        ctx.fill_rect(0.0, 0.0, f64::from(key.size.0), f64::from(key.size.1));
        let blitted = blit(&ctx, &heatmap, &mut self.image, &self.trainer, layer.rect);
        self.heatmap = Some(heatmap);
        blitted.map_err(js_err)?;
        let composited = ctx.draw_image_with_html_canvas_element(&layer.canvas, 0.0, 0.0);
        self.layer = Some(layer);
        composited.map_err(|_| js_err("The browser refused to draw the chart's axes and points.".into()))?;
        let Some(loss) = loss else { return Ok(()) };
        let backend = Canvas::new(loss)?;
        let axes = Axes {
            x_desc: "iteration",
            y_desc: if log_scale { "loss (log)" } else { "loss" },
            log_scale,
            scale,
        };
        draw_loss_with_ghosts(
            backend,
            self.trainer.history(),
            ["train", "test"],
            show_test,
            &self.ghosts.0,
            axes,
        )
        .map_err(js_err)
    }

    /// Whether to draw the boundary of the collapsed affine map A x + B (the
    /// network with every σ replaced by the identity) over the heatmap.
    pub fn set_show_collapse(&mut self, show: bool) {
        self.show_collapse = show;
    }

    /// The collapsed map as JSON: {"a":[a₁,…],"b":B,"network_params":P,
    /// "collapsed_params":n+1,"max_difference":d}, one aⱼ per input x(0)ⱼ
    /// (per feature; the first output's row and offset with K outputs), d
    /// being max |f(x) − (A x(0) + B)| over every output and training
    /// point (0 up to rounding when every σ is the identity).
    pub fn collapse_json(&self) -> String {
        let mlp = self.trainer.mlp();
        let map = collapse(mlp, 1.0, 0.0);
        let inputs = self.trainer.train_inputs();
        let mut ws = Workspace::default();
        let out = mlp.forward(inputs, &mut ws);
        let diff = inputs
            .chunks_exact(mlp.inputs())
            .zip(out.chunks_exact(mlp.outputs()))
            .flat_map(|(x, o)| {
                o.iter()
                    .zip(map.apply(x))
                    .map(|(&o, m)| (o - m).abs())
                    .collect::<Vec<_>>()
            })
            .fold(0.0_f32, f32::max);
        format!(
            "{{\"a\":{},\"b\":{},\"network_params\":{},\"collapsed_params\":{},\"max_difference\":{}}}",
            // The first output's row of A (the only one with one output).
            json_numbers(&map.a[..mlp.inputs()]),
            map.b[0],
            mlp.param_count(),
            map.param_count(),
            diff
        )
    }

    /// One training sample's forward and backward passes as JSON (see
    /// `inspect::backprop::Trace`), with the weights, for the inspector.
    pub fn trace_json(&self, sample: f64) -> Result<String, JsError> {
        let rows = self.trainer.split().train.len();
        let i = whole(sample, "The sample index")? as usize;
        if i >= rows {
            return Err(js_err(format!(
                "There are {rows} training samples; {i} is not one."
            )));
        }
        let (width, k) = (self.trainer.mlp().inputs(), self.trainer.mlp().outputs());
        let target = &self.trainer.train_targets()[i * k..(i + 1) * k];
        let t = trace(
            self.trainer.mlp(),
            &self.trainer.train_inputs()[i * width..(i + 1) * width],
            target,
            self.trainer.settings().loss_in_use(),
        );
        Ok(trace_to_json(self.trainer.mlp(), &t, target))
    }

    /// The largest relative error between back-propagation and central finite
    /// differences over every parameter, on the training set, for the
    /// objective the optimiser descends (ℒ + λ R(w) under a penalty).
    pub fn gradient_check(&self) -> f64 {
        let s = self.trainer.settings();
        let inputs = self.trainer.train_inputs();
        f64::from(gradient_check_penalised(
            self.trainer.mlp(),
            inputs,
            self.trainer.train_targets(),
            s.loss_in_use(),
            s.reduction,
            s.regularization,
        ))
    }

    /// One forward pass over the training set (for timing it from JavaScript).
    pub fn forward_pass(&mut self) -> f64 {
        let out = self
            .trainer
            .mlp()
            .forward(self.trainer.train_inputs(), &mut self.passes);
        f64::from(out[0])
    }

    /// One backward pass over the training set (after `forward_pass`, which
    /// it runs first if the network or data changed since), from dℓ/dx(L) = 1
    /// for every sample: the cost does not depend on the values.
    pub fn backward_pass(&mut self) -> f64 {
        let mlp = self.trainer.mlp();
        let rows = self.trainer.split().train.len();
        let fresh = self.passes.rows == rows
            && self.passes.s.len() == mlp.layers.len()
            && mlp
                .layers
                .iter()
                .zip(&self.passes.s)
                .all(|(l, s)| s.len() == rows * l.outputs);
        if !fresh {
            mlp.forward(self.trainer.train_inputs(), &mut self.passes);
        }
        let shaped = self.pass_grads.layers.len() == mlp.layers.len()
            && mlp
                .layers
                .iter()
                .zip(&self.pass_grads.layers)
                .all(|(l, g)| l.w.len() == g.w.len());
        if !shaped {
            self.pass_grads = mlp.zero_gradients();
        }
        self.ones.resize(rows * mlp.outputs(), 1.0);
        mlp.backward(&self.ones, &mut self.passes, &mut self.pass_grads);
        f64::from(self.pass_grads.layers[0].b[0])
    }

    /// Computes every hidden and output unit's value over an n × n grid (what
    /// per-unit thumbnails need; for the benchmark); returns how many.
    pub fn compute_unit_outputs(&mut self, n: u32) -> usize {
        self.unit_grids.compute(&self.trainer, n as usize)
    }

    /// Multiply-adds of one forward and one backward pass over `rows` samples,
    /// as [forward, backward] (for GFLOP/s figures).
    pub fn multiply_adds(&self, rows: u32) -> Vec<f64> {
        let (f, b) = crate::inspect::backprop::multiply_adds(self.trainer.mlp(), rows as usize);
        vec![f as f64, b as f64]
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
        crate::io::report::status(&self.trainer)
    }

    /// Every current setting, as JSON.
    pub fn settings_json(&self) -> String {
        crate::io::report::settings_json(self.trainer.settings())
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

/// What the kept layer of the boundary chart depends on.
#[derive(Clone, Copy, Debug, PartialEq)]
struct LayerKey {
    size: (u32, u32),
    scale: f32,
    show_test: bool,
    data: DataSpec,
    overlay: Option<[f32; 3]>,
}

/// The boundary chart's axes, labels and points on a transparent canvas of
/// the chart's size, and where its plotting area is.
struct Layer {
    key: LayerKey,
    rect: PixelRect,
    canvas: HtmlCanvasElement,
}

/// Draws the layer for `key`.
fn draw_layer(key: LayerKey, trainer: &Trainer) -> Result<Layer, JsError> {
    let canvas = new_canvas()?;
    canvas.set_width(key.size.0);
    canvas.set_height(key.size.1);
    let backend = Canvas::new(canvas.clone())?;
    let split = trainer.split();
    let options = ChartOptions {
        scale: key.scale,
        show_test: key.show_test,
        overlay: key.overlay,
        classes: trainer.settings().data.kind.classes().unwrap_or(0),
        background: false,
    };
    let rect = draw_classifier(backend, &split.train, &split.test, options, |_, _| Ok(())).map_err(js_err)?;
    Ok(Layer { key, rect, canvas })
}

/// The collapsed map's boundary A x + B = threshold, as [a₁, a₂, B − threshold],
/// when it is a line of the plane: when x(0) holds only x₁ and x₂ (with x₁²,
/// sin x₁… among the inputs, A x(0) + B = threshold is a curve, not drawn).
fn collapsed_line(trainer: &Trainer) -> Option<[f32; 3]> {
    if trainer.mlp().outputs() != 1 {
        // K scores: A has K rows, and the classes' boundaries are not one line.
        return None;
    }
    let map = collapse(trainer.mlp(), 1.0, 0.0);
    let c = map.b[0] - trainer.encoding().threshold();
    let Some(set) = trainer.settings().features else {
        return Some([map.a[0], map.a[1], c]);
    };
    let mut a = [0.0_f32; 2];
    for (j, f) in set.features().enumerate() {
        match f {
            Feature::X1 => a[0] = map.a[j],
            Feature::X2 => a[1] = map.a[j],
            _ => return None,
        }
    }
    Some([a[0], a[1], c])
}

/// A list of numbers as a JSON array (non-finite ones as null).
fn json_numbers(v: &[f32]) -> String {
    let items: Vec<String> = v
        .iter()
        .map(|x| {
            if x.is_finite() {
                format!("{x}")
            } else {
                "null".into()
            }
        })
        .collect();
    format!("[{}]", items.join(","))
}

/// A trace as JSON: per layer l = 1..L the weights, biases, s, x, dℓ/dx,
/// dℓ/ds, dℓ/dw, dℓ/db; and the input, target and loss.
fn trace_to_json(mlp: &Mlp, t: &Trace, target: &[f32]) -> String {
    let layers: Vec<String> = (0..mlp.layers.len())
        .map(|l| {
            let (layer, g) = (&mlp.layers[l], &t.grads.layers[l]);
            format!(
                concat!(
                    "{{\"inputs\":{},\"outputs\":{},\"activation\":\"{}\",\"w\":{},\"b\":{},",
                    "\"s\":{},\"x\":{},\"dx\":{},\"ds\":{},\"dw\":{},\"db\":{}}}"
                ),
                layer.inputs,
                layer.outputs,
                mlp.activation(l),
                json_numbers(&layer.w),
                json_numbers(&layer.b),
                json_numbers(&t.s[l]),
                json_numbers(&t.x[l + 1]),
                json_numbers(&t.dx[l]),
                json_numbers(&t.ds[l]),
                json_numbers(&g.w),
                json_numbers(&g.b)
            )
        })
        .collect();
    format!(
        "{{\"input\":{},\"target\":{},\"loss\":{},\"layers\":[{}]}}",
        json_numbers(&t.x[0]),
        json_numbers(target),
        t.loss,
        layers.join(",")
    )
}
