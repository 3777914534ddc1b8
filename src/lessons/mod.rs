//! The lesson tabs' own computations (pure Rust): gradient descent in 1D, and
//! logistic regression next to LDA.

pub mod gd1d;
pub mod gd1d_words;
pub mod lda;
pub mod logistic;
