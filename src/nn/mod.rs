//! The network itself: the activations σ and losses ℓ (each value next to its
//! derivative), softmax, the weight penalty, the MLP's forward and backward
//! passes and their buffers, the dense kernels they run on (and the sparse
//! ones of an input that is mostly one value), and the normal draw of the
//! weights and data.

pub mod activation;
pub mod loss;
pub mod matrix;
pub mod mlp;
pub mod random;
pub mod regularization;
pub mod softmax;
pub mod sparse;
pub mod workspace;
