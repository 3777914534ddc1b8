//! The multi-layer perceptron x(l) = σ(w(l) x(l−1) + b(l)), with its forward
//! and backward passes written by hand in batched (tensorial) form.
//!
//! Forward:  s(l) = w(l) x(l−1) + b(l),  x(l) = σ(s(l)),  f(x) = x(L).
//! Backward: dℓ/dx(L) = ∇₁ℓ;  dℓ/ds(l) = dℓ/dx(l) ⊙ σ'(s(l));
//!           dℓ/dw(l) = dℓ/ds(l) x(l−1)ᵀ;  dℓ/db(l) = dℓ/ds(l);
//!           dℓ/dx(l−1) = w(l)ᵀ dℓ/ds(l);
//! each per-sample term summed over the batch. Storage: see `matrix`.

use super::random::standard_normal;
use crate::nn::activation::Activation;
use crate::nn::matrix::{affine_block, affine_units, backprop_units, outer_rows, outer_units, BLOCK};
use crate::nn::sparse::SparseRows;
use crate::nn::workspace::{from_units, to_units};
pub use crate::nn::workspace::{Workspace, LANES};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// One affine layer s = w x + b: w is (outputs × inputs), row-major.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Layer {
    /// Width of x(l−1).
    pub inputs: usize,
    /// Width of s(l) and x(l).
    pub outputs: usize,
    /// The weights w(l), row i holding the weights into unit i.
    pub w: Vec<f32>,
    /// The biases b(l).
    pub b: Vec<f32>,
}

/// A multi-layer perceptron: its layers and their activations.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Mlp {
    /// Layers 1..=L, in order from the input.
    pub layers: Vec<Layer>,
    /// σ of every hidden layer.
    pub hidden: Activation,
    /// σ of the last layer (identity for a raw score).
    pub output: Activation,
}

/// dL/dw(l) and dL/db(l) for every layer, shaped like the model's layers.
#[derive(Clone, Debug, PartialEq)]
pub struct Gradients {
    /// One entry per layer: the derivative of the loss wrt w(l) and b(l).
    pub layers: Vec<Layer>,
}

impl Mlp {
    /// A network with layer widths `sizes` = [inputs, hidden…, outputs], weights
    /// drawn from `seed`: w ~ N(0, g²/fan_in) (g = √2 for ReLU, 1 otherwise) so
    /// that the pre-activations start near unit scale, and b = 0.
    pub fn new(sizes: &[usize], hidden: Activation, output: Activation, seed: u64) -> Mlp {
        let mut rng = StdRng::seed_from_u64(seed);
        let mut mlp = Mlp::zeros(sizes, hidden, output);
        for (l, layer) in mlp.layers.iter_mut().enumerate() {
            let act = if l + 1 == sizes.len() - 1 { output } else { hidden };
            let gain = if act == Activation::Relu {
                2.0_f32.sqrt()
            } else {
                1.0
            };
            let std = gain / (layer.inputs as f32).sqrt();
            for w in &mut layer.w {
                *w = std * standard_normal(&mut rng);
            }
        }
        mlp
    }

    /// Spreads the first layer's units over the interval [lo, hi] of a 1D
    /// input: unit k gets a slope w_k of random sign, and its centre −b_k/w_k
    /// uniform in the interval. Sigmoid-like units get slopes between 2 and 10
    /// per half-width (each switches inside the interval); ReLU and identity
    /// units between 0.5 and 2 (a hinge need not be steep, and steep ones start
    /// with outputs so large that the first steps kill them). With the usual
    /// b = 0 every unit would switch at x = 0 and a one-hidden-layer fit of a
    /// wiggly ψ would start from a poor w₀.
    pub fn spread_first_layer(&mut self, lo: f32, hi: f32, seed: u64) {
        let mut rng = StdRng::seed_from_u64(seed ^ 0x5851_F42D_4C95_7F2D);
        let half = 0.5 * (hi - lo).max(f32::EPSILON);
        let slopes = match self.hidden {
            Activation::Relu | Activation::Identity => 0.5..2.0_f32,
            Activation::Tanh | Activation::Sigmoid => 2.0..10.0_f32,
        };
        let layer = &mut self.layers[0];
        for (row, b) in layer.w.chunks_exact_mut(layer.inputs).zip(&mut layer.b) {
            let sign = if rng.random::<bool>() { 1.0 } else { -1.0 };
            let w = sign * rng.random_range(slopes.clone()) / half;
            let centre = rng.random_range(lo..=hi);
            row.iter_mut().for_each(|v| *v = w);
            *b = -w * centre;
        }
    }

    /// A network of the given widths with every weight and bias 0.
    pub fn zeros(sizes: &[usize], hidden: Activation, output: Activation) -> Mlp {
        assert!(sizes.len() >= 2, "an MLP needs an input and an output width");
        let layers = sizes
            .windows(2)
            .map(|p| Layer {
                inputs: p[0],
                outputs: p[1],
                w: vec![0.0; p[0] * p[1]],
                b: vec![0.0; p[1]],
            })
            .collect();
        Mlp {
            layers,
            hidden,
            output,
        }
    }

    /// [inputs, hidden…, outputs].
    pub fn sizes(&self) -> Vec<usize> {
        let mut sizes = vec![self.layers[0].inputs];
        sizes.extend(self.layers.iter().map(|l| l.outputs));
        sizes
    }

    /// Width of the input x(0).
    pub fn inputs(&self) -> usize {
        self.layers[0].inputs
    }

    /// Width of the output x(L).
    pub fn outputs(&self) -> usize {
        self.layers[self.layers.len() - 1].outputs
    }

    /// σ of layer `l` (0-based): the output activation for the last layer.
    pub fn activation(&self, l: usize) -> Activation {
        if l + 1 == self.layers.len() {
            self.output
        } else {
            self.hidden
        }
    }

    /// Number of weights and biases.
    pub fn param_count(&self) -> usize {
        self.layers.iter().map(|l| l.w.len() + l.b.len()).sum()
    }

    /// True when every weight and bias is a finite number.
    pub fn all_finite(&self) -> bool {
        self.layers
            .iter()
            .all(|l| l.w.iter().chain(&l.b).all(|v| v.is_finite()))
    }

    /// The forward pass over `input` (rows × inputs, row-major); returns x(L)
    /// (rows × outputs, row-major) and keeps every s(l) and x(l) in `ws`, unit-
    /// major (see `Workspace`), for the backward pass.
    pub fn forward<'a>(&self, input: &[f32], ws: &'a mut Workspace) -> &'a [f32] {
        self.load(input, ws);
        self.forward_loaded(ws)
    }

    /// Puts `input` (rows × inputs, row-major) into `ws` as x(0), for
    /// `forward_loaded`: a data set that goes through many passes (the
    /// training set of a full-batch run, a test set) is laid out once. An
    /// input that is mostly one value goes in sparse (see `nn::sparse`).
    pub fn load(&self, input: &[f32], ws: &mut Workspace) {
        let inputs = self.inputs();
        match SparseRows::of_dense(input, inputs) {
            Some(sparse) => self.load_sparse(sparse, ws),
            None => self.load_dense(input, ws),
        }
    }

    /// Puts `input` into `ws` as x(0) dense, whatever its values: the dense
    /// kernels' reference for the sparse ones (tests, the benchmark).
    pub fn load_dense(&self, input: &[f32], ws: &mut Workspace) {
        let inputs = self.inputs();
        let rows = input.len() / inputs.max(1);
        ws.prepare(&self.layers, rows);
        ws.sparse = None;
        ws.x[0].resize(ws.stride * inputs, 0.0);
        to_units(input, inputs, ws.stride, &mut ws.x[0]);
        ws.input_rows.resize(ws.stride * inputs, 0.0);
        ws.input_rows[..input.len()].copy_from_slice(input);
        ws.input_rows[input.len()..].fill(0.0);
    }

    /// Puts sparse rows (of this network's input width) into `ws` as x(0),
    /// as `load` does with an input that is mostly one value.
    pub fn load_sparse(&self, input: SparseRows, ws: &mut Workspace) {
        assert_eq!(
            input.width,
            self.inputs(),
            "the sparse input does not fit this network"
        );
        ws.prepare(&self.layers, input.rows());
        ws.x[0].clear();
        ws.input_rows.clear();
        ws.sparse = Some(input);
    }

    /// The forward pass over the input last loaded into `ws` (see `load`;
    /// this network must take that input's width). Returns x(L) as `forward`.
    pub fn forward_loaded<'a>(&self, ws: &'a mut Workspace) -> &'a [f32] {
        let fits = match &ws.sparse {
            Some(sparse) => sparse.width == self.inputs(),
            None => ws.x.first().map_or(0, Vec::len) == ws.stride * self.inputs(),
        };
        assert!(fits, "the loaded input does not fit this network");
        let (rows, n) = (ws.rows, ws.stride);
        ws.prepare(&self.layers, rows);
        for (l, layer) in self.layers.iter().enumerate() {
            let (before, after) = ws.x.split_at_mut(l + 1);
            match &ws.sparse {
                Some(sparse) if l == 0 => {
                    sparse.affine_units(&layer.w, &layer.b, n, &mut ws.scratch, &mut ws.s[0])
                }
                _ => affine_units(&before[l], &layer.w, &layer.b, n, &mut ws.s[l]),
            }
            self.activation(l).apply(&ws.s[l], &mut after[0]);
        }
        from_units(&ws.x[self.layers.len()], n, rows, &mut ws.out);
        &ws.out
    }

    /// The backward pass from dL/dx(L) (`d_output`, rows × outputs, row-major)
    /// after a `forward` on the same `ws`; writes dL/dw(l) and dL/db(l) into `grads`.
    pub fn backward(&self, d_output: &[f32], ws: &mut Workspace, grads: &mut Gradients) {
        let depth = self.layers.len();
        let n = ws.stride;
        to_units(d_output, self.outputs(), n, &mut ws.dx[depth]);
        for l in (0..depth).rev() {
            let layer = &self.layers[l];
            let act = self.activation(l);
            // dℓ/ds(l) = dℓ/dx(l) ⊙ σ'(s(l)), σ' computed from the kept s(l), x(l)
            act.backprop(&ws.s[l], &ws.x[l + 1], &ws.dx[l + 1], &mut ws.ds[l]);
            let g = &mut grads.layers[l];
            if l == 0 {
                match &ws.sparse {
                    Some(sparse) => sparse.outer(&ws.ds[0], n, &mut ws.scratch, &mut g.w, &mut g.b),
                    None => outer_rows(&ws.ds[0], &ws.input_rows, n, &mut g.w, &mut g.b),
                }
            } else {
                outer_units(&ws.ds[l], &ws.x[l], n, &mut g.w, &mut g.b);
            }
            if l > 0 {
                backprop_units(&ws.ds[l], &layer.w, n, &mut ws.dx[l]);
            }
        }
    }

    /// The network's output for every row of `input`, written into `out`.
    ///
    /// Inference only (nothing is kept for a backward pass): rows go through
    /// in blocks of `BLOCK`, stored transposed so that every layer's kernel
    /// vectorises across the block's samples (see `matrix::affine_block`).
    pub fn predict_into(&self, input: &[f32], ws: &mut Workspace, out: &mut [f32]) {
        let (inputs, outputs) = (self.inputs(), self.outputs());
        let rows = input.len() / inputs.max(1);
        let widest = self
            .layers
            .iter()
            .map(|l| l.outputs)
            .chain([inputs])
            .max()
            .unwrap_or(1);
        ws.block_a.resize(widest * BLOCK, 0.0);
        ws.block_b.resize(widest * BLOCK, 0.0);
        for start in (0..rows).step_by(BLOCK) {
            let r = BLOCK.min(rows - start);
            let (a, b) = (&mut ws.block_a, &mut ws.block_b);
            a[..inputs * BLOCK].fill(0.0);
            for k in 0..r {
                for j in 0..inputs {
                    a[j * BLOCK + k] = input[(start + k) * inputs + j];
                }
            }
            let mut width = inputs;
            for (l, layer) in self.layers.iter().enumerate() {
                let len = layer.outputs * BLOCK;
                affine_block(&a[..width * BLOCK], &layer.w, &layer.b, width, &mut b[..len]);
                self.activation(l).apply_in_place(&mut b[..len]);
                std::mem::swap(a, b);
                width = layer.outputs;
            }
            for k in 0..r {
                for o in 0..outputs {
                    out[(start + k) * outputs + o] = a[o * BLOCK + k];
                }
            }
        }
    }

    /// A zero gradient of this network's shape.
    pub fn zero_gradients(&self) -> Gradients {
        Gradients {
            layers: Mlp::zeros(&self.sizes(), self.hidden, self.output).layers,
        }
    }
}
