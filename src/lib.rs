//! mlp-playground: a multi-layer perceptron, its hand-written back-propagation
//! and gradient descent, drawn live in the browser.
//!
//! The core (every module but `web` and `render`'s canvas use) is pure Rust and
//! tested natively; `web` is the only module that knows the browser.

pub mod activation;
pub mod approx;
pub mod batch;
pub mod dataset;
pub mod edit;
pub mod encoding;
pub mod exports;
pub mod features;
pub mod history;
pub mod lessons;
pub mod loss;
pub mod matrix;
pub mod metrics;
pub mod mlp;
pub mod names;
pub mod optim;
pub mod own_data;
pub mod points_code;
pub mod points_csv;
pub mod regularization;
pub mod render;
pub mod report;
pub mod settings;
pub mod softmax;
pub mod stop;
pub mod train;
// The browser handles: one wasm module per cargo feature (see web/mod.rs).
#[cfg(any(feature = "classifier-view", feature = "lesson-views"))]
pub mod web;
pub mod weights_json;

pub use activation::Activation;
pub use dataset::{DataSpec, Dataset, DatasetKind, Split};
pub use features::{Feature, FeatureSet};
pub use loss::{Loss, Reduction};
pub use mlp::{Gradients, Mlp, Workspace};
pub use settings::{Init, Settings, Task};
pub use train::{Evaluation, Trainer};
