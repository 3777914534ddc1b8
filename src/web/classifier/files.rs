//! The classification view's own data and files: points added or erased on
//! the chart, the points as CSV, the weights as JSON, the loss curve as CSV.
//! The formats and rules live in the core (`points_csv`, `own_data`,
//! `weights_json`, `loss_csv`); this block only adapts them to JavaScript.
//! Every refusal leaves the data and the model as they were.

use super::{js_err, ClassifierView};
use crate::data::own_data::{add_point, assemble, erase_near};
use crate::io::points_code;
use crate::io::points_csv::{read_points, write_points, Part, Row};
use crate::io::weights_json::{check_same_ends, read_weights, write_weights};
use crate::nn::mlp::Mlp;
use crate::render::plane::{plane_of, units_per_pixel};
use crate::render::PixelRect;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl ClassifierView {
    /// Replaces the data by the points of a CSV text (see `points_csv`);
    /// training restarts. On any malformed line nothing changes and the error
    /// lists the lines ("line 3: …").
    pub fn import_points_csv(&mut self, text: &str) -> Result<(), JsError> {
        let rows = read_points(text).map_err(js_err)?;
        self.import_rows(&rows)
    }

    /// The current points as CSV: header, training rows, then test rows.
    pub fn export_points_csv(&self) -> String {
        write_points(self.trainer.split())
    }

    /// The current points as the address's short text (see `points_code`).
    pub fn own_points_code(&self) -> String {
        points_code::encode(self.trainer.split())
    }

    /// Replaces the data by the points of an address's text (see
    /// `points_code`); training restarts. A bad text changes nothing, and the
    /// error says what is wrong with it.
    pub fn import_own_points_code(&mut self, code: &str) -> Result<(), JsError> {
        let rows = points_code::decode(code)
            .map_err(|why| js_err(format!("The points in the address cannot be read: {why}.")))?;
        self.import_rows(&rows)
    }

    /// Adds a point of class `label` (+1 or −1) under canvas pixel (px, py)
    /// of the boundary chart, to the test set if `to_test`, else to training;
    /// training restarts. Returns false (and changes nothing) when the pixel
    /// is outside the plotting area.
    pub fn add_point_at(&mut self, px: f64, py: f64, label: f64, to_test: bool) -> Result<bool, JsError> {
        let Some(x) = plane_of(self.plot_rect()?, px, py) else {
            return Ok(false);
        };
        let part = if to_test { Part::Test } else { Part::Train };
        let split = add_point(self.trainer.split(), x, label as f32, part).map_err(js_err)?;
        self.replace_split(split)?;
        Ok(true)
    }

    /// Removes every point within `radius` canvas pixels of (px, py);
    /// returns how many (0 changes nothing, and training goes on).
    pub fn erase_points_at(&mut self, px: f64, py: f64, radius: f64) -> Result<u32, JsError> {
        let rect = self.plot_rect()?;
        let Some(centre) = plane_of(rect, px, py) else {
            return Ok(0);
        };
        let r = units_per_pixel(rect) * radius.clamp(0.0, 1e4) as f32;
        let (split, removed) = erase_near(self.trainer.split(), centre, r).map_err(js_err)?;
        if removed > 0 {
            self.replace_split(split)?;
        }
        Ok(removed as u32)
    }

    /// The weights and biases as JSON (see `weights_json`).
    pub fn weights_json(&self) -> String {
        write_weights(self.trainer.mlp())
    }

    /// Reads a weights file written by `weights_json`, once: the page then
    /// adopts the file's hidden layers and activations (`WeightsFile`'s
    /// getters) and loads it (`load_weights`). Refused, with the sentence
    /// for the status line, if it does not read or its input and output
    /// widths are not the page's; changes nothing.
    pub fn read_weights_json(&self, text: &str) -> Result<WeightsFile, JsError> {
        let mlp = read_weights(text).map_err(js_err)?;
        check_same_ends(&mlp, self.trainer.mlp()).map_err(js_err)?;
        Ok(WeightsFile(mlp))
    }

    /// Loads a file's weights: they must fit the current architecture.
    /// Training restarts from them at iteration 0; on any error the model is
    /// unchanged.
    pub fn load_weights(&mut self, file: &WeightsFile) -> Result<(), JsError> {
        self.trainer.load_weights(file.0.clone()).map_err(js_err)
    }

    /// The loss curve as CSV: iteration, train, test.
    pub fn loss_history_csv(&self) -> String {
        crate::io::loss_csv::loss_history_csv(self.trainer.history())
    }
}

/// A weights file as the core read it (`ClassifierView::read_weights_json`),
/// kept while the page adopts its architecture, so that the text is parsed
/// once. JavaScript frees it when the load is done.
#[wasm_bindgen]
pub struct WeightsFile(Mlp);

#[wasm_bindgen]
impl WeightsFile {
    /// The widths of x(0) … x(L) the file declares.
    pub fn sizes(&self) -> Vec<u32> {
        self.0.sizes().iter().map(|&w| w as u32).collect()
    }

    /// σ of the hidden layers, by the page's name ("tanh").
    pub fn hidden_activation(&self) -> String {
        self.0.hidden.to_string()
    }

    /// σ of the output layer, by the page's name.
    pub fn output_activation(&self) -> String {
        self.0.output.to_string()
    }
}

impl ClassifierView {
    /// New data from imported rows: those without a set are split by the
    /// page's train fraction and data seed (`own_data::assemble`).
    fn import_rows(&mut self, rows: &[Row]) -> Result<(), JsError> {
        let data = self.trainer.settings().data;
        let split = assemble(rows, data.train_fraction, data.seed).map_err(js_err)?;
        self.replace_split(split)
    }

    /// The boundary chart's plotting area, known once it has been drawn.
    fn plot_rect(&self) -> Result<PixelRect, JsError> {
        self.layer
            .as_ref()
            .map(|l| l.rect)
            .ok_or_else(|| js_err("The chart is not drawn yet; try again in a moment.".into()))
    }

    /// New data for the trainer. Own points have two classes (±1): a K-class
    /// or regression data set would read their labels as something else.
    fn replace_split(&mut self, split: crate::Split) -> Result<(), JsError> {
        if self.trainer.settings().task != crate::Task::Classification {
            return Err(js_err(
                "Your own points have two classes, y = ±1: choose a two-class data set \
                 (blobs, XOR, circle, spirals or moons) first, then add or import points."
                    .into(),
            ));
        }
        self.trainer.replace_data(split).map_err(js_err)?;
        self.mark_points_changed();
        Ok(())
    }

    /// The kept chart layer shows the old points, and its key (the data
    /// spec) cannot tell: give it a key no canvas has, so the next draw
    /// redraws it, while its plotting area stays known for the next click.
    pub(super) fn mark_points_changed(&mut self) {
        if let Some(layer) = self.layer.as_mut() {
            layer.key.size = (0, 0);
        }
    }
}
