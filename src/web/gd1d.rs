//! The wasm-bindgen handle of the Gradient-descent view: gradient descent on
//! a 1D curve L(w), and the map of where it ends for every (w₀, η).

use super::canvas::Canvas;
use super::{device_pixel_ratio, js_err, lesson_eta, to_json};
use crate::lessons::gd1d::{escaped, iterates, outcome_map, Curve, Outcome};
use crate::lessons::gd1d_words::{class_names, verdict};
use crate::render::charts::gd1d::{draw_gd1d, draw_outcome_map, outcome_colour};
use crate::render::PixelRect;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

/// Rows (η) and columns (w₀) of the outcome map; each cell runs the rule of
/// the sentence (`gd1d::outcome`) from its centre. The rows are 1/14 of a
/// decade high from η = 10⁻³ to 10^0.5, so η = 1 (2/L'' on the quadratic) is
/// the edge between two rows, never inside one.
const MAP: (usize, usize) = (49, 72);

/// Gradient descent on a curve L(w) from w₀ with step η.
#[wasm_bindgen]
pub struct Gd1dView {
    curve: Curve,
    w0: f64,
    eta: f64,
    ws: Vec<f64>,
    map: Option<Vec<Outcome>>,
    rect: Option<PixelRect>,
    /// The pixel of the current (w₀, η) on the last drawn map.
    ring: Option<(i32, i32)>,
}

#[wasm_bindgen]
impl Gd1dView {
    /// The quadratic (w − 1)² from w₀ = 3 with η = 0.3.
    #[wasm_bindgen(constructor)]
    #[allow(clippy::new_without_default)]
    pub fn new() -> Gd1dView {
        Gd1dView {
            curve: Curve::Quadratic,
            w0: 3.0,
            eta: 0.3,
            ws: vec![3.0],
            map: None,
            rect: None,
            ring: None,
        }
    }

    /// The curve by name (quadratic, two-wells, quartic, bumpy); restarts.
    pub fn set_curve(&mut self, name: &str) -> Result<(), JsError> {
        self.curve = name.parse::<Curve>().map_err(js_err)?;
        let (lo, hi) = self.curve.domain();
        self.w0 = self.w0.clamp(lo, hi);
        self.map = None;
        self.reset();
        Ok(())
    }

    /// The start w₀ (inside the curve's domain); restarts.
    pub fn set_start(&mut self, w0: f64) -> Result<(), JsError> {
        let (lo, hi) = self.curve.domain();
        if !w0.is_finite() || w0 < lo || w0 > hi {
            return Err(js_err(format!("w₀ must be between {lo} and {hi} (got {w0}).")));
        }
        self.w0 = w0;
        self.reset();
        Ok(())
    }

    /// η, from 1e-4 to 10; restarts from w₀.
    pub fn set_learning_rate(&mut self, eta: f64) -> Result<(), JsError> {
        self.eta = lesson_eta(eta)?;
        self.reset();
        Ok(())
    }

    /// Back to w₀.
    pub fn reset(&mut self) {
        self.ws = vec![self.w0];
    }

    /// Up to `n` more steps (none once the iterate has left every bound).
    pub fn train(&mut self, n: u32) -> u32 {
        let w = self.w();
        if escaped(w) {
            return 0;
        }
        let more = iterates(self.curve, w, self.eta, n as usize);
        let done = more.len() - 1;
        self.ws.extend_from_slice(&more[1..]);
        done as u32
    }

    /// Draws the curve with the iterates, tangent and quadratic model, and the
    /// outcome map; either canvas may be absent.
    pub fn draw(
        &mut self,
        curve: Option<HtmlCanvasElement>,
        map: Option<HtmlCanvasElement>,
    ) -> Result<(), JsError> {
        let scale = device_pixel_ratio();
        if let Some(c) = curve {
            let backend = Canvas::new(c)?;
            self.rect = Some(draw_gd1d(backend, self.curve, &self.ws, self.eta, scale).map_err(js_err)?);
        }
        if let Some(c) = map {
            let (etas, w0s) = self.map_axes();
            let curve = self.curve;
            let outcomes = self.map.get_or_insert_with(|| outcome_map(curve, &etas, &w0s));
            let backend = Canvas::new(c)?;
            let current = (self.w0, self.eta);
            self.ring =
                Some(draw_outcome_map(backend, outcomes, &etas, &w0s, current, scale).map_err(js_err)?);
        }
        Ok(())
    }

    /// The w of a canvas pixel column of the last drawn curve (for dragging w₀).
    pub fn w_at(&self, px: f64) -> f64 {
        let Some(r) = self.rect else { return f64::NAN };
        let (lo, hi) = self.curve.domain();
        lo + (px - f64::from(r.x)) / f64::from(r.width.max(1)) * (hi - lo)
    }

    /// Steps taken.
    pub fn iteration(&self) -> usize {
        self.ws.len() - 1
    }

    /// The current iterate.
    pub fn w(&self) -> f64 {
        self.ws[self.ws.len() - 1]
    }

    /// L at the current iterate.
    pub fn loss(&self) -> f64 {
        self.curve.value(self.w())
    }

    /// L' at the current iterate.
    pub fn derivative(&self) -> f64 {
        self.curve.derivative(self.w())
    }

    /// Where gradient descent from w₀ with η ends, as a sentence: the rule
    /// the map's cells follow too.
    pub fn outcome(&self) -> String {
        verdict(self.curve, self.w0, self.eta)
    }

    /// The map's legend as JSON, [{"label", "colour"}…]: one entry per
    /// minimum of the curve (named by its w), then "still moving", "diverges".
    pub fn legend_json(&self) -> String {
        /// One entry of the map's legend.
        #[derive(Serialize)]
        struct Entry {
            label: String,
            colour: String,
        }
        let entries: Vec<Entry> = class_names(self.curve)
            .into_iter()
            .map(|(o, label)| {
                let [r, g, b] = outcome_colour(o);
                let colour = format!("#{r:02x}{g:02x}{b:02x}");
                Entry { label, colour }
            })
            .collect();
        to_json(&entries)
    }

    /// The canvas pixel [x, y] of the current (w₀, η) on the last drawn map
    /// (the ring's centre), empty before the first draw.
    pub fn ring_pixel(&self) -> Vec<i32> {
        self.ring.map_or_else(Vec::new, |(x, y)| vec![x, y])
    }

    /// The settings as JSON.
    pub fn settings_json(&self) -> String {
        /// The view's settings, named as the page's address names them.
        #[derive(Serialize)]
        struct Settings {
            curve: &'static str,
            w0: f64,
            eta: f64,
        }
        to_json(&Settings {
            curve: self.curve.name(),
            w0: self.w0,
            eta: self.eta,
        })
    }
}

impl Gd1dView {
    /// The cells' centres: η log-spaced from 10⁻³ to 10^0.5, w₀ across the domain.
    fn map_axes(&self) -> (Vec<f64>, Vec<f64>) {
        let (rows, cols) = MAP;
        let etas = (0..rows)
            .map(|r| 10f64.powf(-3.0 + 3.5 * (r as f64 + 0.5) / rows as f64))
            .collect();
        let (lo, hi) = self.curve.domain();
        let w0s = (0..cols)
            .map(|c| lo + (hi - lo) * (c as f64 + 0.5) / cols as f64)
            .collect();
        (etas, w0s)
    }
}
