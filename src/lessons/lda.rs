//! Linear discriminant analysis: Gaussian classes sharing one covariance Σ
//! (the pooled estimate) give the linear boundary w·x + b = 0 with
//! w = Σ⁻¹(μ₊ − μ₋) and b = −½ w·(μ₊ + μ₋) + log(π₊/π₋), in closed form.

use super::logistic::{Linear, Points};

/// The LDA boundary of two-class data (labels ±1); `None` when a class is
/// empty or the pooled covariance is singular.
pub fn lda(data: &Points) -> Option<Linear> {
    let class = |label: f64| -> Vec<[f64; 2]> {
        data.x
            .iter()
            .zip(&data.y)
            .filter(|(_, &y)| y == label)
            .map(|(&x, _)| x)
            .collect()
    };
    let (pos, neg) = (class(1.0), class(-1.0));
    if pos.is_empty() || neg.is_empty() || pos.len() + neg.len() < 3 {
        return None;
    }
    let mean = |pts: &[[f64; 2]]| {
        let n = pts.len() as f64;
        [
            pts.iter().map(|p| p[0]).sum::<f64>() / n,
            pts.iter().map(|p| p[1]).sum::<f64>() / n,
        ]
    };
    let (mp, mn) = (mean(&pos), mean(&neg));
    // Pooled covariance: both classes' scatter about their own mean, over N − 2.
    let mut s = [[0.0; 2]; 2];
    for (pts, m) in [(&pos, mp), (&neg, mn)] {
        for p in pts.iter() {
            let d = [p[0] - m[0], p[1] - m[1]];
            for i in 0..2 {
                for j in 0..2 {
                    s[i][j] += d[i] * d[j];
                }
            }
        }
    }
    let dof = (pos.len() + neg.len() - 2) as f64;
    let s = s.map(|row| row.map(|v| v / dof));
    let det = s[0][0] * s[1][1] - s[0][1] * s[1][0];
    if det.abs() < 1e-12 {
        return None;
    }
    let inv = [[s[1][1] / det, -s[0][1] / det], [-s[1][0] / det, s[0][0] / det]];
    let d = [mp[0] - mn[0], mp[1] - mn[1]];
    let w = [
        inv[0][0] * d[0] + inv[0][1] * d[1],
        inv[1][0] * d[0] + inv[1][1] * d[1],
    ];
    let prior = (pos.len() as f64 / neg.len() as f64).ln();
    let b = -0.5 * (w[0] * (mp[0] + mn[0]) + w[1] * (mp[1] + mn[1])) + prior;
    Some(Linear { w, b })
}
