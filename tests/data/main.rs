//! The data: the generated data sets (two classes, K classes, regression),
//! and the input features x(0) = φ(x₁, x₂) the network trains on.

mod datasets;
mod features;
mod multiclass;
mod regression;
