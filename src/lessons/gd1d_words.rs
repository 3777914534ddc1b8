//! What the gradient-descent lesson says about a run, in words: the names of
//! the curve's minima (one name each, by its w) and the verdict sentence, both
//! from the one rule `gd1d::outcome` that the outcome map also uses.

use super::gd1d::{escaped, iterates, outcome, Curve, Outcome, BUDGET};

/// A number as the sentences show it: at most two decimals, the minus sign
/// typeset, and never a negative zero.
pub fn short(v: f64) -> String {
    trimmed(format!("{v:.2}"))
}

/// Drops trailing zeros (and a bare point), turns "-0" into "0" and "-" into "−".
fn trimmed(text: String) -> String {
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    };
    if text == "-0" {
        return "0".into();
    }
    text.replace('-', "−")
}

/// v with the fewest decimals (two at least) that still show it above
/// `limit`, so a sentence never reads "2 > 2".
fn above(v: f64, limit: f64) -> String {
    (2..=17)
        .map(|d| format!("{v:.d$}"))
        .find(|t| t.parse::<f64>().is_ok_and(|x| x > limit))
        .map_or_else(|| format!("{v}"), trimmed)
}

/// One name per minimum of `curve.minima()`, in the same order: "the minimum
/// at w = 1" when there is one, "the local minimum at w = −1.45" for each of
/// several, so no two share a name.
pub fn minimum_names(curve: Curve) -> Vec<String> {
    let minima = curve.minima();
    let what = if minima.len() == 1 {
        "the minimum"
    } else {
        "the local minimum"
    };
    minima
        .iter()
        .map(|&w| format!("{what} at w = {}", short(w)))
        .collect()
}

/// The label of each outcome class in the map's legend, minima first.
pub fn class_names(curve: Curve) -> Vec<(Outcome, String)> {
    let mut names: Vec<(Outcome, String)> = minimum_names(curve)
        .into_iter()
        .enumerate()
        .map(|(k, name)| (Outcome::Converged(k), name))
        .collect();
    names.push((Outcome::Oscillating, format!("still moving after {BUDGET} steps")));
    names.push((Outcome::Diverged, "diverges".into()));
    names
}

/// The sentence after "From w₀ with this η, gradient descent …".
pub fn verdict(curve: Curve, w0: f64, eta: f64) -> String {
    match outcome(curve, w0, eta) {
        Outcome::Converged(k) => format!("converges to {}", minimum_names(curve)[k]),
        Outcome::Oscillating => {
            format!("is still moving after {BUDGET} steps: it oscillates or crawls")
        }
        Outcome::Diverged => divergence(curve, w0, eta),
    }
}

/// Why it diverges: the formula's reason where there is one, else the step
/// at which the iterate left every bound.
fn divergence(curve: Curve, w0: f64, eta: f64) -> String {
    if curve.grows_without_bound(w0, eta) {
        return match curve {
            Curve::Quadratic => format!(
                "diverges: η = {} > 1 = 2/L″, so each step multiplies |w_t − 1| by |1 − 2η| > 1",
                above(eta, 1.0)
            ),
            _ => format!(
                "diverges: η w₀² = {} > 2, so each step multiplies |w_t| by η w_t² − 1 > 1, more each time",
                above(eta * w0 * w0, 2.0)
            ),
        };
    }
    let ws = iterates(curve, w0, eta, BUDGET);
    let t = ws.iter().position(|&w| escaped(w)).unwrap_or(ws.len() - 1);
    format!("diverges: |w_t| passes 10⁶ at t = {t}")
}

/// An iterate for a label: `short` up to 1000, then in the form 1.2e5 (∞
/// where it overflowed).
pub fn compact(w: f64) -> String {
    if w.abs() < 1000.0 {
        short(w)
    } else if w.is_finite() {
        format!("{w:.1e}").replace('-', "−")
    } else if w > 0.0 {
        "∞".into()
    } else {
        "−∞".into()
    }
}
