//! A network's weights as JSON, written and read back bit for bit.
//!
//! Schema (version 1):
//! ```json
//! {"format":"mlp-playground weights","version":1,
//!  "sizes":[2,8,8,1],"hidden_activation":"tanh","output_activation":"tanh",
//!  "layers":[{"w":[[w11,w12],…],"b":[b1,…]},…]}
//! ```
//! `sizes` are the widths of x(0) … x(L); layer l (1-based, in order) holds
//! w(l) as sizes[l] rows of sizes[l−1] numbers (row i: the weights into unit
//! i, the lecture's shape (out, in)) and b(l) with sizes[l] numbers. Numbers
//! are f32 written with Rust's shortest round-trip `{}` and read with Rust's
//! correctly rounded parser, so a loaded network computes exactly the same
//! outputs. Non-finite values cannot be written in JSON and are refused.

use crate::io::decimal::parse_f32;
use crate::io::json_read::{parse, Value};
use crate::nn::activation::Activation;
use crate::nn::mlp::Mlp;

/// The `format` member every file carries.
pub const FORMAT: &str = "mlp-playground weights";
/// The schema version this code writes and reads.
pub const VERSION: u32 = 1;
/// The widest layer a file may declare (far above the page's limits; it only
/// bounds what a malformed file can make us allocate).
const MAX_SIZE: usize = 4096;
/// The most weights and biases a file may declare, for the same reason.
const MAX_PARAMS: usize = 1 << 20;

/// The network as a JSON document (see the module's schema).
pub fn write_weights(mlp: &Mlp) -> String {
    let sizes: Vec<String> = mlp.sizes().iter().map(usize::to_string).collect();
    let layers: Vec<String> = mlp
        .layers
        .iter()
        .map(|l| {
            let rows: Vec<String> = l.w.chunks(l.inputs.max(1)).map(numbers).collect();
            format!("{{\"w\":[{}],\"b\":{}}}", rows.join(","), numbers(&l.b))
        })
        .collect();
    format!(
        concat!(
            "{{\"format\":\"{}\",\"version\":{},\"sizes\":[{}],",
            "\"hidden_activation\":\"{}\",\"output_activation\":\"{}\",\n\"layers\":[\n{}\n]}}\n"
        ),
        FORMAT,
        VERSION,
        sizes.join(","),
        mlp.hidden,
        mlp.output,
        layers.join(",\n")
    )
}

/// The network a document describes, or a sentence saying what is wrong.
pub fn read_weights(text: &str) -> Result<Mlp, String> {
    let bad = |why: String| format!("The weights file cannot be read: {why}.");
    let doc = parse(text).map_err(bad)?;
    match doc.get("format") {
        Some(Value::Str(f)) if f == FORMAT => {}
        _ => {
            return Err(bad(format!(
                "it has no \"format\":\"{FORMAT}\" member, so it is not a weights file of this playground"
            )))
        }
    }
    match doc.get("version").map(|v| number(v, "version")) {
        Some(Ok(v)) if v == VERSION as f32 => {}
        _ => return Err(bad(format!("only version {VERSION} of the format is known"))),
    }
    let sizes = read_sizes(doc.get("sizes")).map_err(bad)?;
    let hidden = activation(doc.get("hidden_activation"), "hidden_activation").map_err(bad)?;
    let output = activation(doc.get("output_activation"), "output_activation").map_err(bad)?;
    let mut mlp = Mlp::zeros(&sizes, hidden, output);
    let Some(Value::Array(layers)) = doc.get("layers") else {
        return Err(bad("\"layers\" must be an array".into()));
    };
    if layers.len() != mlp.layers.len() {
        return Err(bad(format!(
            "\"sizes\" describes {} layers but \"layers\" has {}",
            mlp.layers.len(),
            layers.len()
        )));
    }
    for (l, (layer, value)) in mlp.layers.iter_mut().zip(layers).enumerate() {
        let name = format!("layer {}", l + 1);
        let rows = array(value.get("w"), &format!("{name}'s w"), layer.outputs).map_err(bad)?;
        for (i, row) in rows.iter().enumerate() {
            let what = format!("row {} of {name}'s w", i + 1);
            let dest = &mut layer.w[i * layer.inputs..(i + 1) * layer.inputs];
            fill(Some(row), &what, dest).map_err(bad)?;
        }
        fill(value.get("b"), &format!("{name}'s b"), &mut layer.b).map_err(bad)?;
    }
    Ok(mlp)
}

/// Whether `loaded` can replace `current`: same widths and activations. The
/// sentence says what to set on the page first.
pub fn check_same_shape(loaded: &Mlp, current: &Mlp) -> Result<(), String> {
    check_same_ends(loaded, current)?;
    if loaded.sizes() != current.sizes() || loaded.hidden != current.hidden || loaded.output != current.output
    {
        return Err(mismatch(
            loaded,
            current,
            "set the same hidden layers and activations first",
        ));
    }
    Ok(())
}

/// Whether `loaded` has the input and output widths of `current`. The page
/// adopts a file's hidden layers and activations itself (checking this
/// first, so that a file it cannot load changes nothing); the ends follow
/// the features and the data set, which only the user can choose.
pub fn check_same_ends(loaded: &Mlp, current: &Mlp) -> Result<(), String> {
    let (a, b) = (loaded.sizes(), current.sizes());
    if a.first() != b.first() || a.last() != b.last() {
        return Err(mismatch(
            loaded,
            current,
            "x(0) has one unit per input feature and the output one per class (one for two \
             classes): choose the same features and data set first",
        ));
    }
    Ok(())
}

/// "These weights are for a … network, but the page's is …: {what}."
fn mismatch(loaded: &Mlp, current: &Mlp, what: &str) -> String {
    let describe = |m: &Mlp| {
        let sizes: Vec<String> = m.sizes().iter().map(usize::to_string).collect();
        format!("{} (σ {}, output σ {})", sizes.join("–"), m.hidden, m.output)
    };
    format!(
        "These weights are for a {} network, but the page's is {}: {what}. Nothing was loaded.",
        describe(loaded),
        describe(current)
    )
}

/// A list of f32 as a JSON array.
fn numbers(v: &[f32]) -> String {
    let items: Vec<String> = v.iter().map(|x| format!("{x}")).collect();
    format!("[{}]", items.join(","))
}

fn read_sizes(v: Option<&Value>) -> Result<Vec<usize>, String> {
    let Some(Value::Array(items)) = v else {
        return Err("\"sizes\" must be an array of layer widths".into());
    };
    if items.len() < 2 {
        return Err("\"sizes\" needs at least an input and an output width".into());
    }
    items
        .iter()
        .map(|item| match number(item, "a width in \"sizes\"") {
            Ok(w) if w.fract() == 0.0 && (1.0..=MAX_SIZE as f32).contains(&w) => Ok(w as usize),
            _ => Err(format!(
                "every width in \"sizes\" must be a whole number from 1 to {MAX_SIZE}"
            )),
        })
        .collect::<Result<Vec<usize>, String>>()
        .and_then(|sizes| {
            let params: usize = sizes.windows(2).map(|p| (p[0] + 1) * p[1]).sum();
            if params > MAX_PARAMS {
                return Err(format!(
                    "\"sizes\" declares {params} parameters, more than the {MAX_PARAMS} accepted"
                ));
            }
            Ok(sizes)
        })
}

fn activation(v: Option<&Value>, name: &str) -> Result<Activation, String> {
    match v {
        Some(Value::Str(s)) => s.parse::<Activation>().map_err(|e| format!("\"{name}\": {e}")),
        _ => Err(format!("\"{name}\" must be a string such as \"tanh\"")),
    }
}

/// The items of an array that must have `len` of them.
fn array<'v, 'a>(v: Option<&'v Value<'a>>, what: &str, len: usize) -> Result<&'v [Value<'a>], String> {
    match v {
        Some(Value::Array(items)) if items.len() == len => Ok(items),
        Some(Value::Array(items)) => Err(format!("{what} has {} entries, expected {len}", items.len())),
        _ => Err(format!("{what} is missing or not an array")),
    }
}

/// Reads an array of exactly `dest.len()` finite numbers into `dest`.
fn fill(v: Option<&Value>, what: &str, dest: &mut [f32]) -> Result<(), String> {
    let items = array(v, what, dest.len())?;
    for (d, item) in dest.iter_mut().zip(items) {
        *d = number(item, what)?;
    }
    Ok(())
}

/// A JSON number as a finite f32 (a value beyond f32's range is refused, not
/// turned into infinity).
fn number(v: &Value, what: &str) -> Result<f32, String> {
    match v {
        Value::Number(text) => match parse_f32(text) {
            Some(x) if x.is_finite() => Ok(x),
            _ => Err(format!(
                "{what} holds {text}, which is not a finite 32-bit number"
            )),
        },
        Value::Null => Err(format!("{what} holds null where a finite number was expected")),
        _ => Err(format!("{what} holds something that is not a number")),
    }
}
