//! The npm package's own files, `src/digits/0.json` … `9.json`: each
//! `{"data": [...]}`, its digits' pixels one after the other, every value the
//! grey level k/255 rounded to 3 decimals. This is the definition the build's
//! conversion (`scripts/digits-data.mjs`) follows, and what its test compares
//! the binary with.

use super::PIXELS;

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
