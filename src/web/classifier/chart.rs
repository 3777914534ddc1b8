//! The classification view's charts: the boundary (heatmap, axes, points and
//! the collapsed map's line) and the loss curves with the kept ghosts.

use super::ClassifierView;
use crate::data::features::Feature;
use crate::data::DataSpec;
use crate::inspect::collapse::collapse;
use crate::render::boundary::BoundaryImage;
use crate::render::charts::classifier::{draw_classifier, ChartOptions};
use crate::render::charts::loss::{draw_loss_with_ghosts, Axes};
use crate::render::PixelRect;
use crate::web::canvas::Canvas;
use crate::web::{context_2d, device_pixel_ratio, js_err, no_canvas, put_rgba};
use crate::Trainer;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// The heatmap's grid has at most this many cells on its longer side (and at
/// least 200 for any chart that large): finer grids cost time in every frame
/// and show nothing more of a smooth function.
const MAX_GRID: u32 = 256;

#[wasm_bindgen]
impl ClassifierView {
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
    put_rgba(heatmap, rgba, w, h, "the boundary image")?;
    let refused = |_| "The browser refused to draw the boundary image.".to_string();
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
pub(super) fn new_canvas() -> Result<HtmlCanvasElement, JsError> {
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
pub(super) struct LayerKey {
    pub(super) size: (u32, u32),
    scale: f32,
    show_test: bool,
    data: DataSpec,
    overlay: Option<[f32; 3]>,
}

/// The boundary chart's axes, labels and points on a transparent canvas of
/// the chart's size, and where its plotting area is.
pub(super) struct Layer {
    pub(super) key: LayerKey,
    pub(super) rect: PixelRect,
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
