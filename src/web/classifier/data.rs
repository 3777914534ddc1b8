//! The classification view's data methods: input features
//! x(0) = φ(x₁, x₂), the discretized heatmap, and the number of classes K.

use super::ClassifierView;
use crate::data::features::FeatureSet;
use crate::data::{DataSpec, CLASSES_RANGE};
use crate::web::{js_err, parse, whole};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl ClassifierView {
    /// The input features x(0) = φ(x₁, x₂), as names separated by commas
    /// ("x1,x2,x1sq"; see `features::Feature`); the first layer's width
    /// follows, so training restarts. An empty or unknown list is refused.
    pub fn set_features(&mut self, names: &str) -> Result<(), JsError> {
        let set: FeatureSet = parse(names)?;
        self.trainer.set_features(Some(set)).map_err(js_err)
    }

    /// The current input features, as names separated by commas.
    pub fn features(&self) -> String {
        self.trainer
            .settings()
            .features
            .map_or_else(|| "x1,x2".to_string(), |f| f.to_string())
    }

    /// Width of x(0): the number of input features.
    pub fn input_width(&self) -> usize {
        self.trainer.settings().input_width()
    }

    /// Whether the heatmap shows only the predicted class (no confidence
    /// shading); a display setting, the training state is kept.
    pub fn set_discretize(&mut self, discrete: bool) {
        self.image.set_discrete(discrete);
    }

    /// K, the number of classes of the K-class data sets (3 to 5). When one
    /// is shown, its data are redrawn with K classes and training restarts;
    /// otherwise K is kept for when one is chosen.
    pub fn set_classes(&mut self, k: f64) -> Result<(), JsError> {
        let (lo, hi) = CLASSES_RANGE;
        let k = whole(k, "The number of classes K")?;
        if k < lo as u64 || k > hi as u64 {
            return Err(js_err(format!(
                "The number of classes K must be between {lo} and {hi} (got {k})."
            )));
        }
        let data = self.trainer.settings().data;
        if data.kind.classes().is_some() {
            let kind = data.kind.with_classes(k as u8);
            self.trainer.set_data(DataSpec { kind, ..data }).map_err(js_err)?;
        }
        self.classes = k as u8;
        Ok(())
    }

    /// Width of x(L): K scores for K classes, else 1.
    pub fn output_width(&self) -> usize {
        self.trainer.settings().outputs()
    }

    /// The number of classes of the current data: K, 2, or 0 for regression.
    pub fn classes(&self) -> usize {
        let kind = self.trainer.settings().data.kind;
        match kind.classes() {
            Some(k) => k,
            None if kind.is_regression() => 0,
            None => 2,
        }
    }
}
