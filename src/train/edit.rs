//! Editing one parameter of the model by hand: a weight w(l)_ij (from unit j
//! of layer l − 1 to unit i of layer l) or a bias b(l)_i. The network diagram
//! lets a person type one; here it is located and checked, so every refusal is
//! a sentence written once and tested natively.

use crate::nn::mlp::Mlp;

/// One parameter of the model, in the lecture's indexing: layers l = 1 … L
/// (w(l) maps x(l−1) to s(l)); units i and j count from 0.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Param {
    /// w(l)_ij: the weight from unit `from` (j) of layer l − 1 to unit `to` (i) of layer l.
    Weight {
        /// l, from 1 to L.
        layer: usize,
        /// i, the unit of layer l (0-based).
        to: usize,
        /// j, the unit of layer l − 1 (0-based; layer 0 is the input).
        from: usize,
    },
    /// b(l)_i: the bias of unit `unit` (i) of layer l.
    Bias {
        /// l, from 1 to L.
        layer: usize,
        /// i, the unit of layer l (0-based).
        unit: usize,
    },
}

impl Param {
    /// Its name as the page writes it, units counted from 1: "w(2)_3,1", "b(1)_4".
    pub fn name(&self) -> String {
        match *self {
            Param::Weight { layer, to, from } => format!("w({layer})_{},{}", to + 1, from + 1),
            Param::Bias { layer, unit } => format!("b({layer})_{}", unit + 1),
        }
    }

    /// The value it has in `mlp`, or why it does not exist there.
    pub fn get(&self, mlp: &Mlp) -> Result<f32, String> {
        let (l, k, weight) = self.locate(mlp)?;
        let layer = &mlp.layers[l];
        Ok(if weight { layer.w[k] } else { layer.b[k] })
    }

    /// Writes `value` into `mlp`, after checking that the parameter exists and
    /// the value is finite; on an error `mlp` is unchanged.
    pub fn set(&self, mlp: &mut Mlp, value: f32) -> Result<(), String> {
        let (l, k, weight) = self.locate(mlp)?;
        if !value.is_finite() {
            return Err(format!(
                "{} must be a finite number (got {value}); nothing was changed.",
                self.name()
            ));
        }
        let layer = &mut mlp.layers[l];
        if weight {
            layer.w[k] = value;
        } else {
            layer.b[k] = value;
        }
        Ok(())
    }

    /// (0-based layer, index into w or b, whether it is a weight).
    fn locate(&self, mlp: &Mlp) -> Result<(usize, usize, bool), String> {
        let (Param::Weight { layer, .. } | Param::Bias { layer, .. }) = *self;
        let shape = &mlp.layers[check_layer(mlp, layer)? - 1];
        let unit = |i: usize, n: usize, of: usize| {
            if i < n {
                Ok(i)
            } else {
                Err(format!(
                    "Layer {of} has {n} unit{} (0 to {}); there is no unit {i}.",
                    if n == 1 { "" } else { "s" },
                    n.saturating_sub(1)
                ))
            }
        };
        match *self {
            Param::Weight { to, from, .. } => {
                let i = unit(to, shape.outputs, layer)?;
                let j = unit(from, shape.inputs, layer - 1)?;
                Ok((layer - 1, i * shape.inputs + j, true))
            }
            Param::Bias { unit: i, .. } => Ok((layer - 1, unit(i, shape.outputs, layer)?, false)),
        }
    }
}

/// `layer` if it is one of the layers l = 1 … L that have weights, else why not.
pub fn check_layer(mlp: &Mlp, layer: usize) -> Result<usize, String> {
    let depth = mlp.layers.len();
    if layer == 0 || layer > depth {
        return Err(format!(
            "There is no layer {layer} with weights: the network has layers 1 to {depth}."
        ));
    }
    Ok(layer)
}

impl crate::train::Trainer {
    /// Sets one weight or bias by hand (the network diagram's editor) and
    /// carries on from the edited model: the iteration count, the data, the
    /// batch order and η are kept, and the loss curve gets a point at the same
    /// iteration, so the jump the edit causes is drawn. A value that would make
    /// the loss non-finite is refused, leaving the model as it was. The edited
    /// model is the new start and best of the divergence guard: training goes
    /// on from it, never back to weights from before the edit.
    pub fn set_parameter(&mut self, param: Param, value: f32) -> Result<(), String> {
        let old = param.get(&self.mlp)?;
        param.set(&mut self.mlp, value)?;
        if !self.losses_finite() {
            param.set(&mut self.mlp, old)?;
            self.forget_evaluation();
            return Err(format!(
                "With {} = {value} the loss is no longer a finite number; {} stays {old}.",
                param.name(),
                param.name()
            ));
        }
        // The edited model is finite: a stop on divergence no longer applies.
        self.divergence = None;
        self.guard.restart();
        self.record();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Activation;

    #[test]
    fn weights_are_row_major_as_in_the_column_convention() {
        let mut mlp = Mlp::zeros(&[2, 3, 1], Activation::Tanh, Activation::Tanh);
        let p = Param::Weight {
            layer: 1,
            to: 2,
            from: 1,
        };
        p.set(&mut mlp, 0.5).unwrap();
        assert_eq!(mlp.layers[0].w[2 * 2 + 1], 0.5);
        assert_eq!(p.get(&mlp), Ok(0.5));
        assert_eq!(p.name(), "w(1)_3,2");
        assert_eq!(Param::Bias { layer: 2, unit: 0 }.name(), "b(2)_1");
    }
}
