//! The lesson tabs' own computations (pure Rust): gradient descent in 1D, and
//! logistic regression next to LDA.

pub mod gd1d;
pub mod gd1d_words;
pub mod lda;
pub mod logistic;

// The inspector's modules under their earlier path (`crate::lessons::backprop`),
// for code written against it; new code uses `crate::inspect`.
#[doc(hidden)]
pub use crate::inspect::{backprop, collapse};
