//! What the Digits view draws of a run, apart from the digits themselves: the
//! weights, the curves, the figures of the last step and the test digits'
//! answers. A Web Worker trains and sends its state to the page as bytes
//! (`to_bytes`, postcard's compact form of the same serde structs); the page
//! reads them back (`from_bytes`) and draws as if it had trained itself.

use crate::data::digits::split::DigitSplit;
use crate::data::digits::CLASSES;
use crate::nn::mlp::{Mlp, Workspace};
use crate::train::history::LossPoint;
use serde::{Deserialize, Serialize};

/// The figures after one step.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StepRecord {
    /// Steps done.
    pub step: u64,
    /// ℒ on the training set (see `during_step` for which weights').
    pub train_loss: f32,
    /// ℒ on the test set.
    pub test_loss: f32,
    /// Share of training digits whose largest output is not their class.
    pub train_error: f32,
    /// Share of test digits whose largest output is not their class.
    pub test_error: f32,
    /// Whether the training figures are those of the step's own forward pass,
    /// i.e. of the weights the step started from (full batch, as the
    /// practical), rather than of the weights after it.
    pub during_step: bool,
}

impl StepRecord {
    /// The figures of `step` from the Trainer's losses and accuracies (the
    /// error being 1 − accuracy); `during_step` as the field.
    pub fn of(step: u64, e: crate::train::Evaluation, during_step: bool) -> StepRecord {
        StepRecord {
            step,
            train_loss: e.train_loss,
            test_loss: e.test_loss,
            train_error: 1.0 - e.train_accuracy,
            test_error: 1.0 - e.test_accuracy,
            during_step,
        }
    }
}

/// A run as the page draws it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DigitsState {
    /// The current network.
    pub mlp: Mlp,
    /// Train and test ℒ against the step (the Trainer's loss curve).
    pub losses: Vec<LossPoint>,
    /// Train and test error against the step.
    pub errors: Vec<LossPoint>,
    /// The figures of the last step.
    pub last: StepRecord,
    /// The figures of step 1000, once the run got there.
    pub at_handout: Option<StepRecord>,
    /// The class the network gives every test digit.
    pub predictions: Vec<u8>,
    /// The 10 outputs x(2) of every test digit, row by row.
    pub test_outputs: Vec<f32>,
    /// Why training stopped, if it did.
    pub stopped: Option<String>,
}

impl DigitsState {
    /// The state as bytes, to send from a worker to the page.
    pub fn to_bytes(&self) -> Vec<u8> {
        // Serialising plain structs into memory cannot fail.
        postcard::to_allocvec(self).expect("a DigitsState always serialises")
    }

    /// The state from `to_bytes`; a sentence when the bytes are not one.
    pub fn from_bytes(bytes: &[u8]) -> Result<DigitsState, String> {
        postcard::from_bytes(bytes)
            .map_err(|e| format!("The training worker sent a state that does not read: {e}."))
    }

    /// Whether the state fits a run on `split` (the page's sets and the
    /// worker's must be the same digits: a state of an older run is dropped).
    pub fn fits(&self, split: &DigitSplit, sizes: &[usize]) -> bool {
        self.mlp.sizes() == sizes
            && self.predictions.len() == split.test.len()
            && self.test_outputs.len() == split.test.len() * CLASSES
    }
}

/// The 10 outputs x(2) of `mlp` for one image of grey levels in [0, 1] (784),
/// normalised as `split`'s training set.
pub fn outputs_of(mlp: &Mlp, split: &DigitSplit, image: &[f32]) -> Vec<f32> {
    let x = split.normalise_image(image);
    let mut out = vec![0.0; CLASSES];
    mlp.predict_into(&x, &mut Workspace::default(), &mut out);
    out
}
