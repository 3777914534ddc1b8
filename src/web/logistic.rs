//! The wasm-bindgen handle of the Logistic-vs-LDA view: logistic regression
//! by gradient descent on two Gaussian classes, snapshots at the notes'
//! iteration counts, and LDA's boundary beside them.

use super::canvas::Canvas;
use super::{device_pixel_ratio, js_err, lesson_eta, seed_of, to_json};
use crate::lessons::lda::lda;
use crate::lessons::logistic::{loss, normal_start, train, two_gaussians, Linear, Points};
use crate::render::charts::logistic::{draw_logistic, panel_title, Panel};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

/// The iteration counts of the notes' figure.
const SNAPSHOTS: [usize; 4] = [10, 100, 1000, 10_000];

/// Logistic regression by gradient descent on two Gaussian classes, with LDA.
#[wasm_bindgen]
pub struct LogisticView {
    data: Points,
    spreads: (f64, f64),
    seeds: (u64, u64),
    eta: f64,
    /// Computed on first use, not in each setter: the page pushes every control
    /// at load (three setters, 10,000 iterations each) while this view is hidden.
    snapshots: Option<Vec<(usize, Linear)>>,
}

#[wasm_bindgen]
impl LogisticView {
    /// The notes' setting: 100 points, η = 0.1, w ~ N(0, I), b = 0; spreads
    /// 1 and 0.5, so the classes overlap (the loss then has a finite minimum,
    /// as in the notes' figure) and LDA's shared covariance is visibly wrong.
    #[wasm_bindgen(constructor)]
    #[allow(clippy::new_without_default)]
    pub fn new() -> LogisticView {
        let mut v = LogisticView {
            data: Points::default(),
            spreads: (1.0, 0.5),
            seeds: (1, 1),
            eta: 0.1,
            snapshots: None,
        };
        v.rebuild();
        v
    }

    /// The classes' spreads (0.05 to 2) and the data seed.
    pub fn set_data(&mut self, spread_pos: f64, spread_neg: f64, seed: f64) -> Result<(), JsError> {
        for s in [spread_pos, spread_neg] {
            if !s.is_finite() || !(0.05..=2.0).contains(&s) {
                return Err(js_err(format!("A spread must be between 0.05 and 2 (got {s}).")));
            }
        }
        self.seeds.0 = seed_of(seed, "The data seed")?;
        self.spreads = (spread_pos, spread_neg);
        self.rebuild();
        Ok(())
    }

    /// η of w ← w − η ∇L (the loss is a sum over the points), 1e-4 to 10.
    pub fn set_learning_rate(&mut self, eta: f64) -> Result<(), JsError> {
        self.eta = lesson_eta(eta)?;
        self.rebuild();
        Ok(())
    }

    /// The seed of the initial w.
    pub fn set_weight_seed(&mut self, seed: f64) -> Result<(), JsError> {
        self.seeds.1 = seed_of(seed, "The weight seed")?;
        self.rebuild();
        Ok(())
    }

    /// Draws the four snapshots (10, 100, 1000, 10000 iterations) with the LDA
    /// boundary dashed when `show_lda`.
    pub fn draw(&mut self, canvas: HtmlCanvasElement, show_lda: bool) -> Result<(), JsError> {
        let (data, snapshots) = self.computed();
        let panels: Vec<Panel> = snapshots
            .iter()
            .map(|&(n, m)| Panel {
                title: panel_title(n, loss(data, &m)),
                model: m,
            })
            .collect();
        let backend = Canvas::new(canvas)?;
        let lda = if show_lda { lda(data) } else { None };
        draw_logistic(backend, data, &panels, lda, 2, device_pixel_ratio()).map_err(js_err)
    }

    /// The snapshots and LDA as JSON: "snapshots" [{"iterations","loss","w","b"}…],
    /// "lda" {"loss","w","b"} (its boundary's logistic loss ℒ, as the snapshots'),
    /// and the "eta" they were trained with.
    pub fn results_json(&mut self) -> String {
        /// A linear model with its logistic loss (null where not finite).
        #[derive(Serialize)]
        struct Model {
            #[serde(skip_serializing_if = "Option::is_none")]
            iterations: Option<usize>,
            loss: f64,
            w: [f64; 2],
            b: f64,
        }
        /// The whole answer.
        #[derive(Serialize)]
        struct Results {
            snapshots: Vec<Model>,
            lda: Option<Model>,
            eta: f64,
        }
        let eta = self.eta;
        let (data, snapshots) = self.computed();
        let model = |iterations, m: &Linear| Model {
            iterations,
            loss: loss(data, m),
            w: m.w,
            b: m.b,
        };
        let snapshots = snapshots.iter().map(|(n, m)| model(Some(*n), m)).collect();
        let lda = lda(data).map(|m| model(None, &m));
        to_json(&Results { snapshots, lda, eta })
    }
}

impl LogisticView {
    fn rebuild(&mut self) {
        self.data = two_gaussians(100, self.spreads.0, self.spreads.1, self.seeds.0);
        self.snapshots = None;
    }

    /// The data and the snapshots of the current settings, trained now if a
    /// setter changed them since the last call.
    fn computed(&mut self) -> (&Points, &[(usize, Linear)]) {
        let (data, start, eta) = (&self.data, normal_start(self.seeds.1), self.eta);
        let snapshots = self
            .snapshots
            .get_or_insert_with(|| train(data, start, eta, &SNAPSHOTS));
        (data, snapshots)
    }
}
