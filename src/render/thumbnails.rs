//! The network diagram's thumbnails: each node's own output over the plane,
//! the inputs x(0)_j and every unit x(l)_i, coloured on the boundary heatmap's
//! scale (`palette::heat`). One batched forward pass over an n × n grid
//! (`UnitGrids`) gives every unit at once; the pictures are written into one
//! reused RGBA atlas, thumbnail k taking rows k·n … (k+1)·n − 1, so the page
//! uploads a single image per refresh.

use super::palette::heat;
use super::unit_grids::UnitGrids;
use crate::data::encoding::Encoding;
use crate::data::features::FeatureSet;
use crate::nn::mlp::Mlp;
use crate::Activation;

/// At most this many units of a layer get a node (the first ones): a layer
/// of 128 would not fit on a page, nor would its 16,384 links.
pub const MAX_SHOWN: usize = 12;
/// The grid side used when the network is small enough.
pub const MAX_SIDE: usize = 48;
/// The smallest grid side: coarser thumbnails show nothing.
pub const MIN_SIDE: usize = 6;
/// Multiply-adds one refresh may spend on the grid: ~1 ms in the browser, so
/// a large network gets a coarser grid instead of a slower page.
pub const GRID_BUDGET: usize = 1_500_000;

/// The widths of every layer x(0) … x(L) as drawn: capped at `MAX_SHOWN`.
pub fn shown_widths(mlp: &Mlp) -> Vec<usize> {
    let mut widths = vec![mlp.inputs().min(MAX_SHOWN)];
    widths.extend(mlp.layers.iter().map(|l| l.outputs.min(MAX_SHOWN)));
    widths
}

/// The grid side for `mlp`: `wanted` (clamped to [MIN_SIDE, MAX_SIDE]) unless
/// n² forward passes would cost more than `GRID_BUDGET` multiply-adds.
pub fn grid_side(mlp: &Mlp, wanted: usize) -> usize {
    let per_point: usize = mlp.layers.iter().map(|l| l.inputs * l.outputs).sum();
    let affordable = ((GRID_BUDGET / per_point.max(1)) as f64).sqrt() as usize;
    wanted.clamp(MIN_SIDE, MAX_SIDE).min(affordable).max(MIN_SIDE)
}

/// A hidden unit's value on the heatmap's scale c ∈ [−1, 1]: a sigmoid's
/// (0, 1) is centred on ½, any other σ is read as it is (clamped), so a
/// negative x(l)_i is blue, a positive one orange, as on the boundary.
pub fn unit_confidence(sigma: Activation, x: f32) -> f32 {
    let c = match sigma {
        Activation::Sigmoid => 2.0 * x - 1.0,
        _ => x,
    };
    if c.is_nan() {
        0.0
    } else {
        c.clamp(-1.0, 1.0)
    }
}

/// The reused buffers of the thumbnails.
#[derive(Clone, Debug, Default)]
pub struct Thumbnails {
    grids: UnitGrids,
    rgba: Vec<u8>,
    count: usize,
    /// `heat` at LEVELS steps of c over [−1, 1]: a table lookup per pixel
    /// instead of three blends (the colour steps are below what the eye sees).
    palette: Vec<[u8; 4]>,
}

/// Steps of the thumbnails' colour table (odd, so that c = 0 has its own).
const LEVELS: usize = 257;

impl Thumbnails {
    /// Computes every shown node's thumbnail on an n × n grid (n from
    /// `grid_side`), in the order x(0)_1, x(0)_2, …, x(1)_1, …, x(L)_1;
    /// returns n. x(0) = φ(x₁, x₂) with the given features (None: x₁, x₂),
    /// so an input node shows its feature over the plane. The output unit
    /// uses the boundary's own scale (`encoding`).
    pub fn render(
        &mut self,
        mlp: &Mlp,
        features: Option<FeatureSet>,
        encoding: Encoding,
        wanted: usize,
    ) -> Result<usize, String> {
        let width = features.map_or(2, FeatureSet::len);
        if mlp.inputs() != width {
            return Err(format!(
                "The thumbnails draw the plane (x1, x2) through {width} input features; this \
                 network has {} inputs.",
                mlp.inputs()
            ));
        }
        let n = grid_side(mlp, wanted);
        if self.palette.is_empty() {
            self.palette = (0..LEVELS)
                .map(|k| {
                    let [r, g, b] = heat(2.0 * k as f32 / (LEVELS - 1) as f32 - 1.0);
                    [r, g, b, 255]
                })
                .collect();
        }
        self.grids.compute_with(mlp, features, n);
        let widths = shown_widths(mlp);
        self.count = widths.iter().sum();
        self.rgba.resize(self.count * n * n * 4, 0);
        let depth = mlp.layers.len();
        let mut k = 0;
        for (l, &shown) in widths.iter().enumerate() {
            for i in 0..shown {
                let unit = self.grids.unit(l, i).iter();
                let scale = if l == 0 { largest(unit.clone()) } else { 1.0 };
                let colour = |x: f32| match l {
                    0 => x / scale,
                    _ if l == depth => encoding.confidence(x),
                    _ => unit_confidence(mlp.hidden, x),
                };
                let out = &mut self.rgba[k * n * n * 4..(k + 1) * n * n * 4];
                for (px, &x) in out.chunks_exact_mut(4).zip(unit) {
                    px.copy_from_slice(&self.palette[level(colour(x))]);
                }
                k += 1;
            }
        }
        Ok(n)
    }

    /// The atlas of the last `render`: n wide, n × `count()` tall, RGBA.
    pub fn rgba(&self) -> &[u8] {
        &self.rgba
    }

    /// How many thumbnails the atlas holds.
    pub fn count(&self) -> usize {
        self.count
    }
}

/// The colour table's entry for c ∈ [−1, 1] (NaN gives the neutral middle).
fn level(c: f32) -> usize {
    let half = (LEVELS / 2) as f32;
    let k = (c.clamp(-1.0, 1.0) * half + half).round();
    if k.is_nan() {
        LEVELS / 2
    } else {
        k as usize
    }
}

/// The largest |x| of a sequence (1 when all are 0, so dividing is safe).
fn largest<'a>(xs: impl Iterator<Item = &'a f32>) -> f32 {
    let m = xs.fold(0.0_f32, |m, x| m.max(x.abs()));
    if m > 0.0 && m.is_finite() {
        m
    } else {
        1.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_large_network_gets_a_coarser_grid_and_capped_columns() {
        let small = Mlp::zeros(&[2, 8, 8, 8, 1], Activation::Tanh, Activation::Tanh);
        assert_eq!(grid_side(&small, 40), 40);
        assert_eq!(grid_side(&small, 1000), MAX_SIDE);
        let mut sizes = vec![2];
        sizes.extend([128; 8]);
        sizes.push(1);
        let large = Mlp::zeros(&sizes, Activation::Tanh, Activation::Tanh);
        let n = grid_side(&large, 40);
        assert!((MIN_SIDE..40).contains(&n), "n = {n}");
        assert_eq!(
            shown_widths(&large),
            [vec![2], vec![MAX_SHOWN; 8], vec![1]].concat()
        );
    }

    #[test]
    fn the_colour_table_spans_the_scale_with_zero_in_the_middle() {
        assert_eq!((level(-1.0), level(0.0), level(1.0)), (0, LEVELS / 2, LEVELS - 1));
        assert_eq!((level(f32::NAN), level(7.0)), (LEVELS / 2, LEVELS - 1));
    }

    #[test]
    fn sigmoid_units_are_centred_on_one_half() {
        assert_eq!(unit_confidence(Activation::Sigmoid, 0.5), 0.0);
        assert_eq!(unit_confidence(Activation::Relu, 3.0), 1.0);
        assert_eq!(unit_confidence(Activation::Tanh, f32::NAN), 0.0);
    }
}
