//! Activation functions σ, each value written next to its derivative σ'.
//!
//! The backward pass of the lecture needs σ'(s(l)) at the pre-activations
//! s(l) kept from the forward pass: dℓ/ds(l) = dℓ/dx(l) ⊙ σ'(s(l)).

/// A component-wise non-linearity σ applied to the pre-activations s(l).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Activation {
    /// tanh(s) = 2 / (1 + e^(−2s)) − 1; the lecture's first classical choice.
    Tanh,
    /// ReLU(s) = max(0, s); the lecture's second classical choice.
    Relu,
    /// The logistic sigmoid 1 / (1 + e^(−s)).
    Sigmoid,
    /// σ(s) = s: with it the whole MLP collapses into one affine map A x + B.
    Identity,
}

impl Activation {
    /// σ(s).
    #[inline]
    pub fn value(self, s: f32) -> f32 {
        match self {
            Activation::Tanh => tanh(s),
            Activation::Relu => s.max(0.0),
            Activation::Sigmoid => sigmoid(s),
            Activation::Identity => s,
        }
    }

    /// σ'(s), the derivative at the pre-activation s.
    ///
    /// ReLU is not differentiable at 0; we take the derivative there to be 0,
    /// as the usual libraries do.
    #[inline]
    pub fn derivative(self, s: f32) -> f32 {
        match self {
            Activation::Tanh => {
                let t = tanh(s);
                1.0 - t * t
            }
            Activation::Relu => {
                if s > 0.0 {
                    1.0
                } else {
                    0.0
                }
            }
            Activation::Sigmoid => {
                let p = sigmoid(s);
                p * (1.0 - p)
            }
            Activation::Identity => 1.0,
        }
    }

    /// x = σ(s) for a whole slice. The match sits outside the loop, so each
    /// arm is a plain loop the compiler can vectorise.
    pub fn apply(self, s: &[f32], x: &mut [f32]) {
        match self {
            Activation::Tanh => x.iter_mut().zip(s).for_each(|(x, &s)| *x = tanh(s)),
            Activation::Relu => x.iter_mut().zip(s).for_each(|(x, &s)| *x = s.max(0.0)),
            Activation::Sigmoid => x.iter_mut().zip(s).for_each(|(x, &s)| *x = sigmoid(s)),
            Activation::Identity => x.copy_from_slice(s),
        }
    }

    /// x = σ(x) in place, for a whole slice.
    pub fn apply_in_place(self, x: &mut [f32]) {
        match self {
            Activation::Tanh => x.iter_mut().for_each(|v| *v = tanh(*v)),
            Activation::Relu => x.iter_mut().for_each(|v| *v = v.max(0.0)),
            Activation::Sigmoid => x.iter_mut().for_each(|v| *v = sigmoid(*v)),
            Activation::Identity => {}
        }
    }

    /// ds = dx ⊙ σ'(s) for a whole slice, reusing σ(s) = `x` from the forward
    /// pass where the derivative is a function of it (tanh: 1 − x², sigmoid:
    /// x (1 − x)), so the backward pass evaluates no transcendental function.
    pub fn backprop(self, s: &[f32], x: &[f32], dx: &[f32], ds: &mut [f32]) {
        let it = ds.iter_mut().zip(dx);
        match self {
            Activation::Tanh => it.zip(x).for_each(|((d, &g), &t)| *d = g * (1.0 - t * t)),
            Activation::Sigmoid => it.zip(x).for_each(|((d, &g), &p)| *d = g * p * (1.0 - p)),
            Activation::Relu => it
                .zip(s)
                .for_each(|((d, &g), &s)| *d = if s > 0.0 { g } else { 0.0 }),
            Activation::Identity => ds.copy_from_slice(dx),
        }
    }

    /// The open interval σ can reach, as (low, high); the page maps class −1 and
    /// +1 to its two ends (for example 0 and 1 for the sigmoid).
    pub fn range(self) -> (f32, f32) {
        match self {
            Activation::Sigmoid => (0.0, 1.0),
            Activation::Relu => (0.0, f32::INFINITY),
            Activation::Tanh | Activation::Identity => (-1.0, 1.0),
        }
    }
}

crate::named_enum!(
    Activation,
    "activation",
    ALL = [
        Tanh = "tanh",
        Relu = "relu",
        Sigmoid = "sigmoid",
        Identity = "identity"
    ]
);

/// tanh(s) as a rational function, within 5e-7 of the exact value everywhere
/// (f32 itself resolves about 6e-8 near 1): the approximation of Eigen's
/// `ptanh_float`, a degree-13 odd polynomial over a degree-6 even one, exact
/// to rounding beyond the clamp at ±7.9053 where tanh is 1 in f32.
///
/// Why: tanh is most of the cost of a forward pass over the boundary grid,
/// and the library call is about three times slower than these few
/// multiply-adds (it also does not vectorise).
// The coefficients are quoted as published, digits beyond f32 included.
#[allow(clippy::excessive_precision)]
#[inline]
pub fn tanh(s: f32) -> f32 {
    const CLAMP: f32 = 7.905_311;
    let x = s.clamp(-CLAMP, CLAMP);
    let x2 = x * x;
    let mut p = x2 * -2.760_768_5e-16 + 2.000_187_9e-13;
    p = x2 * p - 8.604_671_5e-11;
    p = x2 * p + 5.122_297e-8;
    p = x2 * p + 1.485_722_4e-5;
    p = x2 * p + 6.372_619_3e-4;
    p = x2 * p + 4.893_524_6e-3;
    let mut q = x2 * 1.198_258_4e-6 + 1.185_347_1e-4;
    q = x2 * q + 2.268_434_6e-3;
    q = x2 * q + 4.893_525_2e-3;
    x * p / q
}

/// The logistic sigmoid 1 / (1 + e^(−s)), written so that neither branch
/// overflows: e^(−|s|) is always at most 1.
#[inline]
pub fn sigmoid(s: f32) -> f32 {
    if s >= 0.0 {
        1.0 / (1.0 + (-s).exp())
    } else {
        let e = s.exp();
        e / (1.0 + e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derivative_matches_central_difference() {
        let h = 1e-3_f32;
        for act in Activation::ALL {
            for &s in &[-2.5_f32, -0.7, 0.3, 1.9] {
                let numeric = (act.value(s + h) - act.value(s - h)) / (2.0 * h);
                assert!(
                    (numeric - act.derivative(s)).abs() < 1e-3,
                    "{act} at {s}: {numeric} vs {}",
                    act.derivative(s)
                );
            }
        }
    }

    #[test]
    fn tanh_is_the_lecture_formula() {
        for &s in &[-3.0_f32, -0.5, 0.0, 0.8, 4.0] {
            let lecture = 2.0 / (1.0 + (-2.0 * s).exp()) - 1.0;
            assert!((Activation::Tanh.value(s) - lecture).abs() < 1e-6);
        }
    }

    #[test]
    fn fast_tanh_is_within_5e_7_of_the_exact_value() {
        let mut worst = 0.0_f64;
        let mut s = -12.0_f32;
        while s < 12.0 {
            worst = worst.max((f64::from(tanh(s)) - f64::from(s).tanh()).abs());
            s += 1e-4;
        }
        assert!(worst < 5e-7, "worst error {worst:e}");
        assert_eq!(tanh(0.0), 0.0);
        assert_eq!((tanh(100.0), tanh(-100.0)), (1.0, -1.0));
        assert!(tanh(f32::NAN).is_nan(), "NaN is not hidden");
    }

    #[test]
    fn sigmoid_is_finite_far_out() {
        assert_eq!(sigmoid(-200.0), 0.0);
        assert_eq!(sigmoid(200.0), 1.0);
        assert!((sigmoid(0.0) - 0.5).abs() < 1e-7);
    }

    #[test]
    fn names_round_trip() {
        for act in Activation::ALL {
            assert_eq!(act.name().parse::<Activation>(), Ok(act));
        }
        assert!("softmax".parse::<Activation>().is_err());
    }
}
