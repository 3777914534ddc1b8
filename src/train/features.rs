//! The Trainer's side of input features: the expanded rows x(0) = φ(row) it
//! trains on, the one method that expands raw points, and changing the set.

use super::Trainer;
use crate::data::features::{expand_rows, FeatureSet};

impl Trainer {
    /// The network's inputs x(0) for the training set, one row per point
    /// (the raw rows when there are no features).
    pub fn train_inputs(&self) -> &[f32] {
        &self.train_x
    }

    /// The network's inputs x(0) for the test set.
    pub fn test_inputs(&self) -> &[f32] {
        &self.test_x
    }

    /// The one way raw rows become the network's inputs x(0) = φ(row):
    /// whatever evaluates the network on points of the plane calls this.
    pub fn expand_rows(&self, raw: &[f32], out: &mut Vec<f32>) {
        expand_rows(self.settings.features, raw, out);
    }

    /// New input features (None: rows as they are); the first layer's width
    /// follows, so the model restarts from the weight seed.
    pub fn set_features(&mut self, features: Option<FeatureSet>) -> Result<(), String> {
        let mut s = self.settings.clone();
        s.features = features;
        s.validate_model()?;
        self.settings = s;
        self.expand_data();
        self.restart();
        Ok(())
    }
}
