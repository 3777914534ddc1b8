//! Input features of a point of the plane: the network's input x(0) is
//! φ(x₁, x₂), a chosen subset of x₁, x₂, x₁², x₂², x₁·x₂, sin x₁, sin x₂, in
//! that order. The data keep their raw rows (the chart draws them); every
//! evaluation of the network on points of the plane expands rows through
//! `FeatureSet::expand`, so training, the loss, the heatmap and the per-unit
//! grids see the same φ.
//!
//! sin is the exact one: the expansion runs once per data set and once per
//! heatmap grid size and feature set (the grid caches it), never per frame.

use std::fmt;
use std::str::FromStr;

/// One input feature φ_j(x₁, x₂).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Feature {
    /// φ = x₁.
    X1,
    /// φ = x₂.
    X2,
    /// φ = x₁².
    X1Squared,
    /// φ = x₂².
    X2Squared,
    /// φ = x₁·x₂.
    X1X2,
    /// φ = sin x₁.
    SinX1,
    /// φ = sin x₂.
    SinX2,
}

// ALL is also the order of the network's inputs (and of FeatureSet's bits).
crate::named_enum!(
    Feature,
    "input feature",
    ALL = [
        X1 = "x1",
        X2 = "x2",
        X1Squared = "x1sq",
        X2Squared = "x2sq",
        X1X2 = "x1x2",
        SinX1 = "sinx1",
        SinX2 = "sinx2",
    ]
);

impl Feature {
    /// φ(x₁, x₂), each definition next to its name.
    #[inline]
    pub fn value(self, x1: f32, x2: f32) -> f32 {
        match self {
            Feature::X1 => x1,
            Feature::X2 => x2,
            Feature::X1Squared => x1 * x1,
            Feature::X2Squared => x2 * x2,
            Feature::X1X2 => x1 * x2,
            Feature::SinX1 => x1.sin(),
            Feature::SinX2 => x2.sin(),
        }
    }

    /// The formula, as the page writes it.
    pub fn formula(self) -> &'static str {
        match self {
            Feature::X1 => "x₁",
            Feature::X2 => "x₂",
            Feature::X1Squared => "x₁²",
            Feature::X2Squared => "x₂²",
            Feature::X1X2 => "x₁·x₂",
            Feature::SinX1 => "sin x₁",
            Feature::SinX2 => "sin x₂",
        }
    }

    fn bit(self) -> u8 {
        1 << Feature::ALL.iter().position(|&f| f == self).unwrap_or(0)
    }
}

/// A non-empty set of features: the inputs x(0) = φ(x₁, x₂) of the network.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FeatureSet(u8);

impl FeatureSet {
    /// x₁ and x₂ as they are: the plain 2D problem.
    pub const RAW: FeatureSet = FeatureSet(0b11);

    /// The set of `features`; at least one is needed.
    pub fn new(features: &[Feature]) -> Result<FeatureSet, String> {
        let bits = features.iter().fold(0, |b, f| b | f.bit());
        if bits == 0 {
            return Err("Keep at least one input feature on: the network needs an input x(0).".to_string());
        }
        Ok(FeatureSet(bits))
    }

    /// Whether `f` is one of the inputs.
    pub fn contains(self, f: Feature) -> bool {
        self.0 & f.bit() != 0
    }

    /// The features in input order: x(0)_j = φ_j(x₁, x₂).
    pub fn features(self) -> impl Iterator<Item = Feature> {
        Feature::ALL.into_iter().filter(move |&f| self.contains(f))
    }

    /// Width of x(0): the number of features.
    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    /// Never true: a set has at least one feature (for clippy's len rule).
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Expands raw rows (x₁, x₂), row-major, into feature rows φ(x₁, x₂),
    /// replacing the contents of `out`.
    pub fn expand(self, raw: &[f32], out: &mut Vec<f32>) {
        out.clear();
        out.reserve(raw.len() / 2 * self.len());
        for row in raw.chunks_exact(2) {
            out.extend(self.features().map(|f| f.value(row[0], row[1])));
        }
    }
}

impl fmt::Display for FeatureSet {
    /// The names joined by commas, as in URLs ("x1,x2,x1sq").
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.features().map(Feature::name).collect();
        f.write_str(&names.join(","))
    }
}

impl FromStr for FeatureSet {
    type Err = String;

    /// Names separated by commas; an empty list is refused with a sentence.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let features = s
            .split(',')
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::parse::<Feature>)
            .collect::<Result<Vec<_>, _>>()?;
        FeatureSet::new(&features)
    }
}

/// Expands raw rows through `features`, or copies them when there are none
/// (the 1D view and the lessons use their rows as they are).
pub fn expand_rows(features: Option<FeatureSet>, raw: &[f32], out: &mut Vec<f32>) {
    match features {
        Some(set) => set.expand(raw, out),
        None => {
            out.clear();
            out.extend_from_slice(raw);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_in_input_order() {
        let set: FeatureSet = "sinx2,x1sq,x1".parse().unwrap();
        assert_eq!(set.to_string(), "x1,x1sq,sinx2");
        assert_eq!(set.len(), 3);
        assert_eq!(FeatureSet::RAW.to_string(), "x1,x2");
    }

    #[test]
    fn empty_and_unknown_sets_get_a_sentence() {
        assert!("".parse::<FeatureSet>().unwrap_err().contains("at least one"));
        assert!("x3"
            .parse::<FeatureSet>()
            .unwrap_err()
            .contains("Unknown input feature"));
    }
}
