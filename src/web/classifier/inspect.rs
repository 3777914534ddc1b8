//! The classification view's lesson inspectors: the linear collapse, the
//! back-propagation trace and gradient check, and single forward and backward
//! passes for timing them from JavaScript.

use super::ClassifierView;
use crate::inspect::backprop::{gradient_check_penalised, trace, TraceReport};
use crate::inspect::collapse::collapse_report;
use crate::web::{js_err, to_json, whole};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl ClassifierView {
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
        to_json(&collapse_report(self.trainer.mlp(), self.trainer.train_inputs()))
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
        Ok(to_json(&TraceReport::new(self.trainer.mlp(), &t, target)))
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
}
