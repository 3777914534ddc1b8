//! The network diagram's half of the classification view: the layer sizes
//! and parameters the page draws links from, the per-node thumbnails drawn
//! onto one canvas, and the editing of one weight w(l)_ij or bias b(l)_i.
//!
//! The thumbnails go up as one atlas image (`render::thumbnails`) to an
//! off-screen canvas, then one `drawImage` per node scales each onto the
//! diagram's canvas: a single upload per refresh, and no per-node canvases
//! for the page to lay out and composite.

use super::chart::new_canvas;
use super::ClassifierView;
use crate::render::thumbnails::{shown_widths, Thumbnails};
use crate::train::edit::{check_layer, Param};
use crate::web::{context_2d, js_err, put_rgba};
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

/// The diagram's reused buffers: the thumbnails and their off-screen atlas.
#[derive(Default)]
pub(super) struct DiagramCanvas {
    thumbnails: Thumbnails,
    atlas: Option<HtmlCanvasElement>,
}

/// A number from JavaScript as an f32 parameter value: a value beyond f32's
/// range would silently become infinite, so it is refused here by name.
fn parameter_value(param: Param, value: f64) -> Result<f32, JsError> {
    if value.is_finite() && value.abs() > f64::from(f32::MAX) {
        return Err(js_err(format!(
            "{} = {value} is too large: the playground computes in 32-bit numbers (at most about 3.4e38); nothing was changed.",
            param.name()
        )));
    }
    Ok(value as f32)
}

/// A layer number from JavaScript, l = 1 … L.
fn layer_of(view: &ClassifierView, layer: u32) -> Result<usize, JsError> {
    check_layer(view.trainer.mlp(), layer as usize).map_err(js_err)
}

#[wasm_bindgen]
impl ClassifierView {
    /// The widths of x(0), x(1), …, x(L): inputs, every hidden layer, output.
    pub fn layer_sizes(&self) -> Vec<u32> {
        let mlp = self.trainer.mlp();
        let mut sizes = vec![mlp.inputs() as u32];
        sizes.extend(mlp.layers.iter().map(|l| l.outputs as u32));
        sizes
    }

    /// How many units of each layer x(0) … x(L) the diagram draws (the first
    /// ones; a wide layer is capped so the page stays readable and fast).
    pub fn shown_sizes(&self) -> Vec<u32> {
        shown_widths(self.trainer.mlp())
            .into_iter()
            .map(|w| w as u32)
            .collect()
    }

    /// The names of the inputs x(0)_j, in order, as the diagram labels them.
    pub fn input_names(&self) -> Vec<String> {
        match self.trainer.settings().features {
            // x(0) = φ(x₁, x₂): each input is named by its feature's formula.
            Some(set) => set.features().map(|f| f.formula().to_string()).collect(),
            None => (1..=self.trainer.mlp().inputs())
                .map(|j| format!("x{j}"))
                .collect(),
        }
    }

    /// w(l) for l = 1 … L, row-major: row i holds the weights into unit i of
    /// layer l, so w(l)_ij is at i × (width of layer l − 1) + j. A copy.
    pub fn layer_weights(&self, layer: u32) -> Result<Vec<f32>, JsError> {
        let l = layer_of(self, layer)?;
        Ok(self.trainer.mlp().layers[l - 1].w.clone())
    }

    /// b(l) for l = 1 … L. A copy.
    pub fn layer_biases(&self, layer: u32) -> Result<Vec<f32>, JsError> {
        let l = layer_of(self, layer)?;
        Ok(self.trainer.mlp().layers[l - 1].b.clone())
    }

    /// Sets w(l)_ij, the weight from unit j (`from`, 0-based) of layer l − 1
    /// to unit i (`to`, 0-based) of layer l (1 … L); training continues from
    /// the edited model and the loss curve shows the jump. Bad indices or a
    /// non-finite value are refused with a sentence and change nothing.
    pub fn set_weight(&mut self, layer: u32, to: u32, from: u32, value: f64) -> Result<(), JsError> {
        let (layer, to, from) = (layer as usize, to as usize, from as usize);
        let param = Param::Weight { layer, to, from };
        let value = parameter_value(param, value)?;
        self.trainer.set_parameter(param, value).map_err(js_err)
    }

    /// Sets b(l)_i, the bias of unit i (0-based) of layer l (1 … L), as
    /// `set_weight` does.
    pub fn set_bias(&mut self, layer: u32, unit: u32, value: f64) -> Result<(), JsError> {
        let param = Param::Bias {
            layer: layer as usize,
            unit: unit as usize,
        };
        let value = parameter_value(param, value)?;
        self.trainer.set_parameter(param, value).map_err(js_err)
    }

    /// Draws every shown node's thumbnail (its output over the plane) onto
    /// `canvas`, thumbnail k as a `size` × `size` square whose top-left corner
    /// is (positions[2k], positions[2k + 1]) in canvas pixels, in the order
    /// x(0)_1 … x(L)_1 (`shown_sizes` per layer). `side` is the wished grid;
    /// returns the side used (smaller for a large network).
    pub fn draw_diagram(
        &mut self,
        canvas: &HtmlCanvasElement,
        positions: &[f32],
        size: f64,
        side: u32,
    ) -> Result<u32, JsError> {
        let enc = self.trainer.encoding();
        let thumbs = &mut self.diagram.thumbnails;
        let n = thumbs
            .render(
                self.trainer.mlp(),
                self.trainer.settings().features,
                enc,
                side as usize,
            )
            .map_err(js_err)?;
        let count = thumbs.count();
        if positions.len() != 2 * count || positions.iter().any(|p| !p.is_finite()) {
            return Err(js_err(format!(
                "The diagram has {count} nodes; it needs {} finite coordinates, not {}.",
                2 * count,
                positions.len()
            )));
        }
        let atlas = match self.diagram.atlas.take() {
            Some(a) => a,
            None => new_canvas()?,
        };
        let drawn = blit_thumbnails(canvas, &atlas, thumbs.rgba(), n as u32, positions, size);
        self.diagram.atlas = Some(atlas);
        drawn.map_err(js_err)?;
        Ok(n as u32)
    }
}

/// Uploads the atlas (n wide, one n × n square per node) to its off-screen
/// canvas and scales each square onto `canvas` at its position.
fn blit_thumbnails(
    canvas: &HtmlCanvasElement,
    atlas: &HtmlCanvasElement,
    rgba: &[u8],
    n: u32,
    positions: &[f32],
    size: f64,
) -> Result<(), String> {
    let refused = |_| "The browser refused to draw the diagram's thumbnails.".to_string();
    let count = (positions.len() / 2) as u32;
    let ctx = context_2d(canvas).map_err(|_| "The diagram's canvas cannot be drawn on.".to_string())?;
    ctx.clear_rect(0.0, 0.0, f64::from(canvas.width()), f64::from(canvas.height()));
    if count == 0 {
        return Ok(());
    }
    put_rgba(atlas, rgba, n, n * count, "the diagram's thumbnails")?;
    // Smoothing blends the coarse grid's cells as the boundary chart does.
    ctx.set_image_smoothing_enabled(true);
    let n = f64::from(n);
    for (k, xy) in positions.chunks_exact(2).enumerate() {
        ctx.draw_image_with_html_canvas_element_and_sw_and_sh_and_dx_and_dy_and_dw_and_dh(
            atlas,
            0.0,
            k as f64 * n,
            n,
            n,
            f64::from(xy[0]),
            f64::from(xy[1]),
            size,
            size,
        )
        .map_err(refused)?;
    }
    Ok(())
}
