//! The classification view's lesson maths: the back-propagation inspector's
//! trace and gradient check, and the linear collapse of an MLP whose σ is
//! affine.

pub mod backprop;
pub mod collapse;
