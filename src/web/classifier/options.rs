//! The classification view's Optimiser controls (update rule, weight penalty,
//! stop condition), its confusion matrices and its ghost curves.

use super::ClassifierView;
use crate::nn::regularization::Regularization;
use crate::render::charts::loss::Ghost;
use crate::train::metrics::ConfusionMatrix;
use crate::train::optim::Optimizer;
use crate::train::stop::StopCondition;
use crate::web::js_err;
use wasm_bindgen::prelude::*;

/// Kept runs on the loss chart: more would crowd it past reading.
const MAX_GHOSTS: usize = 3;

#[wasm_bindgen]
impl ClassifierView {
    /// The update rule: "gd", "momentum" (with β in [0, 1)) or "adam"; keeps
    /// the weights and the loss curve, restarts the optimiser's state.
    pub fn set_optimizer(&mut self, name: &str, beta: f64) -> Result<(), JsError> {
        let opt = Optimizer::parse(name, beta as f32).map_err(js_err)?;
        self.trainer.set_optimizer(opt).map_err(js_err)
    }

    /// The weight penalty: "none", "l1" or "l2" with rate λ in [0, 10];
    /// keeps the training state.
    pub fn set_regularization(&mut self, name: &str, lambda: f64) -> Result<(), JsError> {
        let r = Regularization::parse(name, lambda as f32).map_err(js_err)?;
        self.trainer.set_regularization(r).map_err(js_err)
    }

    /// The stop condition: "none", "epochs" (N = value) or "loss" (target
    /// ℒ = value); keeps the training state.
    pub fn set_stop(&mut self, name: &str, value: f64) -> Result<(), JsError> {
        let c = StopCondition::parse(name, value).map_err(js_err)?;
        self.trainer.set_stop(c).map_err(js_err)
    }

    /// "" while training may go on, else why the stop condition stopped it.
    pub fn stop_status(&mut self) -> String {
        crate::io::report::stop_status(&mut self.trainer)
    }

    /// The training objective ℒ + λ R(w) (the curve shows ℒ alone).
    pub fn objective(&mut self) -> f64 {
        f64::from(self.trainer.objective())
    }

    /// The K × K confusion matrix of the training (`train`) or test set, row
    /// by row (row = true class, column = predicted class); empty for a
    /// regression, which has no classes.
    pub fn confusion(&mut self, train: bool) -> Vec<u32> {
        let pairs = self.trainer.class_pairs(train);
        ConfusionMatrix::from_pairs(self.classes(), pairs)
            .map(|m| m.counts().to_vec())
            .unwrap_or_default()
    }

    /// Keeps the current run's loss curve (and the test curve when
    /// `with_test`) as a ghost; the oldest goes beyond `MAX_GHOSTS`. Returns
    /// the ghost's legend text.
    pub fn keep_ghost(&mut self, with_test: bool) -> String {
        let (ghosts, kept) = &mut self.ghosts;
        *kept += 1;
        let name = format!(
            "ghost {kept}: {}",
            crate::io::report::run_label(self.trainer.settings())
        );
        if ghosts.len() == MAX_GHOSTS {
            ghosts.remove(0);
        }
        ghosts.push(Ghost::from_history(
            name.clone(),
            self.trainer.history(),
            with_test,
        ));
        name
    }

    /// Forgets every ghost (numbering starts again at 1).
    pub fn clear_ghosts(&mut self) {
        self.ghosts = (Vec::new(), 0);
    }

    /// Number of ghosts drawn.
    pub fn ghost_count(&self) -> usize {
        self.ghosts.0.len()
    }

    /// The legend texts of the ghosts drawn, oldest first.
    pub fn ghost_names(&self) -> Vec<String> {
        self.ghosts.0.iter().map(|g| g.name.clone()).collect()
    }
}
