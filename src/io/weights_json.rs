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
//! i, the lecture's shape (out, in)) and b(l) with sizes[l] numbers.
//!
//! `serde_json` reads and writes the file through `File`, which mirrors the
//! schema. Numbers are written as the shortest text that reads back as the
//! same f32, and read straight into f32, correctly rounded (the crate's
//! `float_roundtrip` feature: no detour through f64, whose double rounding
//! could change a value), so a loaded network computes exactly the same
//! outputs. Non-finite values cannot be written in JSON and are refused.

use crate::nn::activation::Activation;
use crate::nn::mlp::Mlp;
use serde::{Deserialize, Serialize};

/// The `format` member every file carries.
pub const FORMAT: &str = "mlp-playground weights";
/// The schema version this code writes and reads.
pub const VERSION: u32 = 1;
/// The widest layer a file may declare (far above the page's limits; it only
/// bounds what a malformed file can make us allocate).
const MAX_SIZE: u64 = 4096;
/// The most weights and biases a file may declare, for the same reason.
const MAX_PARAMS: u64 = 1 << 20;

/// The document, member for member. Every member is optional when read, so
/// that a missing one gets its own sentence (after the format and version
/// are known) rather than the parser's.
#[derive(Serialize, Deserialize, Default)]
#[serde(default)]
struct File {
    format: Option<String>,
    version: Option<u32>,
    sizes: Option<Vec<u64>>,
    hidden_activation: Option<String>,
    output_activation: Option<String>,
    layers: Option<Vec<LayerFile>>,
}

/// One layer: w(l) as rows (one per unit), then b(l).
#[derive(Serialize, Deserialize, Default)]
#[serde(default)]
struct LayerFile {
    w: Option<Vec<Vec<f32>>>,
    b: Option<Vec<f32>>,
}

/// The network as a JSON document (see the module's schema).
pub fn write_weights(mlp: &Mlp) -> String {
    let layers = mlp.layers.iter().map(|l| LayerFile {
        w: Some(l.w.chunks(l.inputs.max(1)).map(<[f32]>::to_vec).collect()),
        b: Some(l.b.clone()),
    });
    let file = File {
        format: Some(FORMAT.into()),
        version: Some(VERSION),
        sizes: Some(mlp.sizes().iter().map(|&s| s as u64).collect()),
        hidden_activation: Some(mlp.hidden.to_string()),
        output_activation: Some(mlp.output.to_string()),
        layers: Some(layers.collect()),
    };
    // Only strings and finite or non-finite f32 (written as null): this cannot fail.
    let mut text = serde_json::to_string(&file).expect("the weights file serialises");
    text.push('\n');
    text
}

/// The network a document describes, or a sentence saying what is wrong.
pub fn read_weights(text: &str) -> Result<Mlp, String> {
    let bad = |why: String| format!("The weights file cannot be read: {why}.");
    // A derived struct would also read a JSON array, member by member.
    if !text.trim_start().starts_with('{') {
        return Err(bad(
            "it is not a JSON object ({…}), as every weights file is".into()
        ));
    }
    let file: File = serde_json::from_str(text).map_err(|e| bad(syntax(&e)))?;
    if file.format.as_deref() != Some(FORMAT) {
        return Err(bad(format!(
            "it has no \"format\":\"{FORMAT}\" member, so it is not a weights file of this playground"
        )));
    }
    if file.version != Some(VERSION) {
        return Err(bad(format!("only version {VERSION} of the format is known")));
    }
    let sizes = check_sizes(file.sizes).map_err(bad)?;
    let hidden = activation(file.hidden_activation, "hidden_activation").map_err(bad)?;
    let output = activation(file.output_activation, "output_activation").map_err(bad)?;
    let mut mlp = Mlp::zeros(&sizes, hidden, output);
    let layers = file
        .layers
        .ok_or_else(|| bad("\"layers\" must be an array".into()))?;
    if layers.len() != mlp.layers.len() {
        return Err(bad(format!(
            "\"sizes\" describes {} layers but \"layers\" has {}",
            mlp.layers.len(),
            layers.len()
        )));
    }
    for (l, (layer, read)) in mlp.layers.iter_mut().zip(layers).enumerate() {
        let name = format!("layer {}", l + 1);
        let rows = sized(read.w, &format!("{name}'s w"), layer.outputs).map_err(bad)?;
        for (i, row) in rows.into_iter().enumerate() {
            let what = format!("row {} of {name}'s w", i + 1);
            let row = sized(Some(row), &what, layer.inputs).map_err(bad)?;
            layer.w[i * layer.inputs..(i + 1) * layer.inputs].copy_from_slice(&row);
        }
        layer.b = sized(read.b, &format!("{name}'s b"), layer.outputs).map_err(bad)?;
    }
    Ok(mlp)
}

/// The parser's complaint as "line L, column C: what" (serde_json says "what
/// at line L column C", in a parser's words: the common ones get a sentence).
fn syntax(e: &serde_json::Error) -> String {
    let message = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let what = message.strip_suffix(&suffix).unwrap_or(&message);
    let what = match what {
        "number out of range" => "a number beyond the range of 32-bit floats (±3.4e38)".into(),
        "invalid number" => "a malformed number (JSON writes 0.5, not .5, 05 or 5.)".into(),
        "expected value" | "expected ident" => {
            "expected a value (a number, a string, true, false or null)".into()
        }
        "trailing characters" => "unexpected text after the end of the document".into(),
        w if w.starts_with("EOF while parsing") => "the document ends before it is closed".into(),
        w => w
            .replace("invalid type: ", "")
            .replace(", expected f32", " where a finite number was expected")
            .replace(", expected u64", " where a whole number was expected"),
    };
    format!("line {}, column {}: {what}", e.line(), e.column())
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

fn check_sizes(sizes: Option<Vec<u64>>) -> Result<Vec<usize>, String> {
    let sizes = sizes.ok_or("\"sizes\" must be an array of layer widths")?;
    if sizes.len() < 2 {
        return Err("\"sizes\" needs at least an input and an output width".into());
    }
    if sizes.iter().any(|w| !(1..=MAX_SIZE).contains(w)) {
        return Err(format!(
            "every width in \"sizes\" must be a whole number from 1 to {MAX_SIZE}"
        ));
    }
    let params: u64 = sizes.windows(2).map(|p| (p[0] + 1) * p[1]).sum();
    if params > MAX_PARAMS {
        return Err(format!(
            "\"sizes\" declares {params} parameters, more than the {MAX_PARAMS} accepted"
        ));
    }
    Ok(sizes.into_iter().map(|w| w as usize).collect())
}

fn activation(name: Option<String>, member: &str) -> Result<Activation, String> {
    let name = name.ok_or_else(|| format!("\"{member}\" must be a string such as \"tanh\""))?;
    let sentence = |e: String| format!("\"{member}\": {}", e.trim_end_matches('.'));
    name.parse::<Activation>().map_err(sentence)
}

/// The items of an array that must have `len` of them.
fn sized<T>(items: Option<Vec<T>>, what: &str, len: usize) -> Result<Vec<T>, String> {
    match items {
        Some(items) if items.len() == len => Ok(items),
        Some(items) => Err(format!("{what} has {} entries, expected {len}", items.len())),
        None => Err(format!("{what} is missing")),
    }
}
