//! The lecture's lessons that need computation of their own (pure Rust):
//! gradient descent in 1D, logistic regression next to LDA, the linear
//! collapse, and the back-propagation inspector.

pub mod backprop;
pub mod collapse;
pub mod gd1d;
pub mod gd1d_words;
pub mod lda;
pub mod logistic;
