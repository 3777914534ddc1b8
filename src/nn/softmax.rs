//! Softmax with cross-entropy, the loss of a K-class problem, on the K scores
//! s(L) of the network (identity output, so x(L) = s(L)):
//!
//!   P(Y = k | x) = softmax(s)_k = e^(s_k) / Σ_j e^(s_j),
//!   ℓ = −log P(Y = y | x) = −s_y + log Σ_j e^(s_j),
//!   ∂ℓ/∂s_k = softmax(s)_k − [k = y]   (softmax − onehot(y)).
//!
//! The target of a sample is its one-hot row t (t_y = 1, the others 0), so
//! ℓ = −Σ_k t_k log softmax(s)_k. The largest score is subtracted before
//! exponentiating: softmax(s) = softmax(s − max s), and no e^(s_k) overflows.

/// softmax(s) of one row of scores, written into `p` (same length).
pub fn softmax(scores: &[f32], p: &mut [f32]) {
    let max = scores.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut total = 0.0_f32;
    for (q, &s) in p.iter_mut().zip(scores) {
        *q = (s - max).exp();
        total += *q;
    }
    p.iter_mut().for_each(|q| *q /= total);
}

/// ℓ = −Σ_k t_k log softmax(s)_k of one row, stable for any scores
/// (log softmax(s)_k = s_k − max − log Σ_j e^(s_j − max)).
pub fn cross_entropy(scores: &[f32], onehot: &[f32]) -> f32 {
    let max = scores.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let lse = scores.iter().map(|&s| (s - max).exp()).sum::<f32>().ln();
    scores
        .iter()
        .zip(onehot)
        .map(|(&s, &t)| if t == 0.0 { 0.0 } else { -t * (s - max - lse) })
        .sum()
}

/// L over rows of `k` scores and their one-hot targets, scaled by `scale`
/// (1/N for the mean, 1 for the sum); with `grad`, also writes
/// ∂L/∂s = scale·(softmax(s) − t) for every row. Sums in f64, like `Loss`.
pub fn evaluate(scores: &[f32], onehot: &[f32], k: usize, scale: f32, mut grad: Option<&mut [f32]>) -> f32 {
    let k = k.max(1);
    let mut total = 0.0_f64;
    for (row, (s, t)) in scores.chunks_exact(k).zip(onehot.chunks_exact(k)).enumerate() {
        total += f64::from(cross_entropy(s, t));
        if let Some(g) = grad.as_deref_mut() {
            let g = &mut g[row * k..(row + 1) * k];
            softmax(s, g);
            g.iter_mut().zip(t).for_each(|(g, &t)| *g = scale * (*g - t));
        }
    }
    (total * f64::from(scale)) as f32
}

/// The index of the largest score: the predicted class.
pub fn argmax(scores: &[f32]) -> usize {
    let mut best = 0;
    for (k, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = k;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn softmax_sums_to_one_and_survives_huge_scores() {
        let mut p = [0.0; 3];
        softmax(&[1000.0, 999.0, -1000.0], &mut p);
        assert!((p.iter().sum::<f32>() - 1.0).abs() < 1e-6);
        assert!((p[0] - 1.0 / (1.0 + (-1.0_f32).exp())).abs() < 1e-6);
        let l = cross_entropy(&[1000.0, 0.0, 0.0], &[0.0, 1.0, 0.0]);
        assert!((l - 1000.0).abs() < 1e-2, "{l}");
        assert_eq!(argmax(&[0.1, 2.0, 2.0, -3.0]), 1);
    }

    #[test]
    fn equal_scores_give_log_k() {
        let l = cross_entropy(&[0.5; 4], &[0.0, 0.0, 1.0, 0.0]);
        assert!((l - 4.0_f32.ln()).abs() < 1e-6);
    }
}
