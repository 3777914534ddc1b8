//! The network itself: the activations σ and losses ℓ (each value next to its
//! derivative), softmax, the weight penalty, the MLP's forward and backward
//! passes and the dense kernels they run on.

pub mod activation;
pub mod loss;
pub mod matrix;
pub mod mlp;
pub mod regularization;
pub mod softmax;
