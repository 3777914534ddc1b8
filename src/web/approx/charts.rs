//! The universal-approximation view's charts beside the plot: the MSE and ε
//! against the iteration (trained) or against K (constructed), and the
//! samples the plot shows.

use super::ApproxView;
use crate::approx::lab::Mode;
use crate::render::charts::loss::{draw_curves, draw_loss, Axes, Curve};
use crate::render::palette::{TEST_CURVE, TRAIN_CURVE};
use crate::web::canvas::Canvas;
use crate::web::js_err;
use wasm_bindgen::prelude::*;

impl ApproxView {
    pub(super) fn shown_samples(&self) -> Vec<(f32, f32)> {
        if self.lab.mode() == Mode::Constructed {
            return Vec::new();
        }
        let train = &self.lab.trainer().split().train;
        train
            .inputs
            .iter()
            .copied()
            .zip(train.labels.iter().copied())
            .collect()
    }

    pub(super) fn draw_loss(&self, backend: Canvas, log_scale: bool, scale: f32) -> Result<(), JsError> {
        let y_desc = if log_scale { "MSE (log)" } else { "MSE" };
        match self.lab.mode() {
            Mode::Trained => {
                let axes = Axes {
                    x_desc: "iteration",
                    y_desc,
                    log_scale,
                    scale,
                };
                let history = self.lab.trainer().history();
                draw_loss(
                    backend,
                    history,
                    ["samples (training loss)", "against ψ"],
                    true,
                    axes,
                )
            }
            Mode::Constructed => {
                let axes = Axes {
                    x_desc: "units K",
                    y_desc,
                    log_scale,
                    scale,
                };
                let points = self
                    .lab
                    .constructed_errors()
                    .iter()
                    .map(|e| (e.at as f64, f64::from(e.mse)));
                let curve = Curve {
                    name: "against ψ",
                    colour: TEST_CURVE,
                    points: points.collect(),
                };
                draw_curves(backend, &[curve], axes)
            }
        }
        .map_err(js_err)
    }

    pub(super) fn draw_error(&self, backend: Canvas, scale: f32) -> Result<(), JsError> {
        let (x_desc, points): (_, Vec<(f64, f64)>) = match self.lab.mode() {
            Mode::Trained => (
                "iteration",
                self.lab
                    .trained_errors()
                    .points()
                    .map(|p| (p.iteration as f64, f64::from(p.train)))
                    .collect(),
            ),
            Mode::Constructed => (
                "units K",
                self.lab
                    .constructed_errors()
                    .iter()
                    .map(|e| (e.at as f64, f64::from(e.max_error)))
                    .collect(),
            ),
        };
        let axes = Axes {
            x_desc,
            y_desc: "ε = max |ψ − f| (log)",
            log_scale: true,
            scale,
        };
        let curve = Curve {
            name: "ε",
            colour: TRAIN_CURVE,
            points,
        };
        draw_curves(backend, &[curve], axes).map_err(js_err)
    }
}
