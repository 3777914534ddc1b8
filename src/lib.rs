//! mlp-playground: a multi-layer perceptron, its hand-written back-propagation
//! and gradient descent, drawn live in the browser.
//!
//! The core (every module but `web` and `render`) is pure Rust and tested
//! natively; `render` draws through plotters on any backend; `web` is the only
//! module that knows the browser.

pub mod approx;
pub mod data;
pub mod inspect;
pub mod io;
pub mod lessons;
pub mod names;
pub mod nn;
pub mod render;
pub mod train;
// The browser handles: one wasm module per cargo feature (see web/mod.rs).
#[cfg(any(feature = "classifier-view", feature = "lesson-views"))]
pub mod web;

pub use data::features::{Feature, FeatureSet};
pub use data::{DataSpec, Dataset, DatasetKind, Split};
pub use nn::activation::Activation;
pub use nn::loss::{Loss, Reduction};
pub use nn::mlp::{Gradients, Mlp, Workspace};
pub use train::settings::{Init, Settings, Task};
pub use train::{Evaluation, Trainer};
