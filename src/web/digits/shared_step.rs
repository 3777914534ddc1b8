//! The Digits handle's side of a full-batch step shared by two Web Workers
//! (www/digits/worker.js), one per core, on training sets large enough for
//! it to pay (`worth_sharing`): the lead holds the run, computes
//! the gradient over its part of the training digits and the test digits'
//! pass; the partner computes the gradient over the other part, on the weights
//! the lead sends it after every update. What crosses between them is bytes
//! (postcard's form of the core's structs); the maths is the core's
//! (`train::parts`).

use super::DigitsView;
use crate::nn::mlp::Mlp;
use crate::train::digits::SHARED_FROM;
use crate::train::parts::GradientPart;
use crate::web::js_err;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl DigitsView {
    /// How many training digits a shared step's parts split between them.
    pub fn train_count(&self) -> usize {
        self.trainer.split().train.len()
    }

    /// How many test digits the lead's pass goes through at every step (the
    /// workers balance their parts with it).
    pub fn test_count(&self) -> usize {
        self.trainer.split().test.len()
    }

    /// Whether the next step can be shared: every step sees all the training
    /// digits (mini-batch steps are too small to share) and training has not
    /// stopped on a blow-up.
    pub fn shares_steps(&mut self) -> bool {
        self.trainer.shares_steps()
    }

    /// Whether the next step is worth sharing: it can be, and the training
    /// set is large enough for two workers to beat one (`shared_from`).
    pub fn worth_sharing(&mut self) -> bool {
        self.trainer.worth_sharing()
    }

    /// Training digits from which full-batch steps are shared (`SHARED_FROM`).
    pub fn shared_from(&self) -> usize {
        SHARED_FROM
    }

    /// The current weights as bytes, for the partner worker.
    pub fn weights_bytes(&self) -> Vec<u8> {
        weights_bytes(self.trainer.trainer().mlp())
    }

    /// The lead's part: the gradient over training digits `start..end` for
    /// the current weights, as bytes.
    pub fn gradient_part(&mut self, start: usize, end: usize) -> Result<Vec<u8>, JsError> {
        Ok(self.trainer.gradient_part(start..end).map_err(js_err)?.to_bytes())
    }

    /// The partner's part: the lead's weights (`weights_bytes`) taken, then
    /// the gradient over training digits `start..end` for them, as bytes. A
    /// sentence, and nothing changes, when the weights are of another network
    /// (a request from before a settings change).
    pub fn gradient_part_for(
        &mut self,
        weights: &[u8],
        start: usize,
        end: usize,
    ) -> Result<Vec<u8>, JsError> {
        let mlp: Mlp = postcard::from_bytes(weights)
            .map_err(|e| js_err(format!("The training worker sent weights that do not read: {e}.")))?;
        self.trainer.adopt_weights(mlp).map_err(js_err)?;
        self.gradient_part(start, end)
    }

    /// The lead's step from the parts (`gradient_part`, `gradient_part_for`:
    /// every training digit once, for the current weights): the update, then
    /// `updated(weights_bytes)` so that the partner starts on the next part,
    /// then the test digits' pass and the step's figures. Whether a step was
    /// made (false: stopped on a blow-up, or steps are not shared); a
    /// sentence, and nothing changes, when a part does not read or fit.
    pub fn step_from_parts(
        &mut self,
        ours: &[u8],
        theirs: &[u8],
        updated: &js_sys::Function,
    ) -> Result<bool, JsError> {
        let parts = [
            GradientPart::from_bytes(ours).map_err(js_err)?,
            GradientPart::from_bytes(theirs).map_err(js_err)?,
        ];
        let mut called = Ok(JsValue::UNDEFINED);
        let made = self
            .trainer
            .step_from_parts(&parts, |mlp| {
                let bytes = js_sys::Uint8Array::from(weights_bytes(mlp).as_slice());
                called = updated.call1(&JsValue::NULL, &bytes);
            })
            .map_err(js_err)?;
        // A failure of the page's own callback is the page's error, not the step's.
        called.map_err(|e| JsError::new(&format!("sending the weights failed: {e:?}")))?;
        self.refresh();
        Ok(made)
    }
}

/// `mlp` as bytes (postcard's compact form of the serde struct).
fn weights_bytes(mlp: &Mlp) -> Vec<u8> {
    // Serialising plain structs into memory cannot fail.
    postcard::to_allocvec(mlp).expect("an Mlp always serialises")
}
