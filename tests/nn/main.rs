//! The network's maths against independent references: back-propagation against
//! finite differences (every activation × loss, softmax cross-entropy, the
//! weight penalty), the optimised kernels against plain loops, and the sparse
//! kernels against the dense ones.

mod gradient_check;
mod kernels;
mod regularization;
mod softmax;
mod sparse;
