//! The network's maths against independent references: back-propagation against
//! finite differences (every activation × loss, softmax cross-entropy, the
//! weight penalty) and the optimised kernels against plain loops.

mod gradient_check;
mod kernels;
mod regularization;
mod softmax;
