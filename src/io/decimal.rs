//! Decimal text to `f32`, correctly rounded (to nearest, ties to even), for
//! the numbers a user's file holds (points CSV, weights JSON).
//!
//! Why not `str::parse::<f32>`: the standard parser carries a table of powers
//! of five and a general decimal engine, 12 KB of the gzipped .wasm
//! (measured: 182 → 170 KB gz when this replaced it), for a few numbers read
//! from a file now and then. Speed does not matter here; exactness does (a
//! weight written out must come back bit for bit). So: a floating-point
//! estimate picks a candidate, and exact integer comparisons with the halfway
//! points between neighbouring `f32`s move it to the right one. The syntax
//! accepted is the standard parser's, and the tests compare the two on many
//! strings, halfway cases included.

use std::cmp::Ordering;

/// Significant digits kept. The exact decimal expansion of a point halfway
/// between two f32s has at most 113 (2^-150 times a 25-bit odd integer), so a
/// value with more digits than this can never equal one; the cap keeps the
/// integer arithmetic small for a pathologically long input.
const MAX_DIGITS: usize = 200;

/// The bits of `f32::INFINITY`: one past the largest finite value's bits.
const INF_BITS: u32 = 0x7f80_0000;

/// Reads `s` as an `f32` as `str::parse::<f32>` would: an optional sign, then
/// `inf`, `infinity` or `nan` (any case), or digits with an optional point and
/// an optional exponent (`1`, `-0.5`, `.5`, `5.`, `2.5e-3`). `None` for
/// anything else. A value beyond the `f32` range gives ±infinity.
pub fn parse_f32(s: &str) -> Option<f32> {
    let (negative, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let magnitude = match body.to_ascii_lowercase().as_str() {
        "inf" | "infinity" => f32::INFINITY,
        "nan" => f32::NAN,
        _ => Decimal::read(body)?.to_f32(),
    };
    Some(if negative { -magnitude } else { magnitude })
}

/// A decimal number: the integer of its significant digits times 10^exponent.
struct Decimal {
    /// Significant digits, most significant first, without leading zeros.
    digits: Vec<u8>,
    /// The power of ten of the last digit.
    exponent: i64,
}

impl Decimal {
    /// `digits[.digits][(e|E)[+-]digits]`, with at least one mantissa digit.
    fn read(text: &str) -> Option<Decimal> {
        let (mantissa, exp_text) = match text.find(['e', 'E']) {
            Some(at) => (&text[..at], Some(&text[at + 1..])),
            None => (text, None),
        };
        let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let all_digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
        if int.len() + frac.len() == 0 || !all_digits(int) || !all_digits(frac) {
            return None;
        }
        let mut exponent = match exp_text {
            None => 0,
            Some(e) => read_exponent(e)?,
        };
        exponent -= frac.len() as i64;
        let mut digits: Vec<u8> = int
            .bytes()
            .chain(frac.bytes())
            .map(|b| b - b'0')
            .skip_while(|&d| d == 0)
            .collect();
        if digits.len() > MAX_DIGITS {
            // Any halfway point has fewer significant digits than MAX_DIGITS, so
            // the dropped tail only matters as "something more than nothing":
            // one digit 1 after the kept ones stands for it.
            let more = digits[MAX_DIGITS..].iter().any(|&d| d != 0);
            exponent += (digits.len() - MAX_DIGITS) as i64;
            digits.truncate(MAX_DIGITS);
            if more {
                digits.push(1);
                exponent -= 1;
            }
        }
        Some(Decimal { digits, exponent })
    }

    /// The nearest `f32` (ties to even), non-negative.
    fn to_f32(&self) -> f32 {
        let n = self.digits.len() as i64;
        // 10^(exponent + n) bounds the value: beyond these it is 0 or infinity.
        if n == 0 || self.exponent + n < -46 {
            return 0.0;
        }
        if self.exponent + n > 40 {
            return f32::INFINITY;
        }
        let mut bits = self.estimate().to_bits().min(INF_BITS);
        // Exact comparisons with the halfway points move the estimate to the answer.
        while bits > 0 && self.rounds_below(bits) {
            bits -= 1;
        }
        while bits < INF_BITS && self.rounds_above(bits) {
            bits += 1;
        }
        f32::from_bits(bits)
    }

    /// A close guess in f64 arithmetic from the first 19 digits.
    fn estimate(&self) -> f32 {
        let kept = self.digits.len().min(19);
        let lead = self.digits[..kept]
            .iter()
            .fold(0u64, |v, &d| v * 10 + u64::from(d));
        let scale = self.exponent + (self.digits.len() - kept) as i64;
        (lead as f64 * 10f64.powi(scale as i32)) as f32
    }

    /// Whether the value rounds to a float below the one with these bits.
    fn rounds_below(&self, bits: u32) -> bool {
        match self.cmp_halfway(bits - 1) {
            Ordering::Less => true,
            Ordering::Equal => (bits - 1) % 2 == 0,
            Ordering::Greater => false,
        }
    }

    /// Whether the value rounds to a float above the one with these bits.
    fn rounds_above(&self, bits: u32) -> bool {
        match self.cmp_halfway(bits) {
            Ordering::Greater => true,
            Ordering::Equal => bits % 2 == 1,
            Ordering::Less => false,
        }
    }

    /// The value against the point halfway between the non-negative float with
    /// `bits` and the next one up (for the largest finite float, the point
    /// where rounding overflows to infinity), exactly.
    fn cmp_halfway(&self, bits: u32) -> Ordering {
        let (mantissa, exp2) = decode(bits);
        // halfway = (2 mantissa + 1) 2^(exp2 - 1); value = digits 10^exponent.
        let mut value = Big::from_digits(&self.digits);
        let mut half = Big::from_u64(2 * u64::from(mantissa) + 1);
        let (mut value_exp2, mut half_exp2) = (self.exponent, exp2 - 1);
        if self.exponent >= 0 {
            value.mul_pow5(self.exponent as u32);
        } else {
            // Multiply both sides by 10^-exponent.
            half.mul_pow5((-self.exponent) as u32);
            half_exp2 -= self.exponent;
            value_exp2 = 0;
        }
        let common = value_exp2.min(half_exp2);
        value.shl((value_exp2 - common) as u32);
        half.shl((half_exp2 - common) as u32);
        value.cmp(&half)
    }
}

/// The exponent after `e`: an optional sign and at least one digit. Huge
/// exponents are clamped (the value is 0 or infinity long before).
fn read_exponent(text: &str) -> Option<i64> {
    let (sign, digits) = match text.as_bytes().first() {
        Some(b'-') => (-1, &text[1..]),
        Some(b'+') => (1, &text[1..]),
        _ => (1, text),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let magnitude = digits
        .bytes()
        .fold(0i64, |v, b| (v * 10 + i64::from(b - b'0')).min(1 << 40));
    Some(sign * magnitude)
}

/// A non-negative float's bits as mantissa · 2^exp2 (subnormals included).
fn decode(bits: u32) -> (u32, i64) {
    let biased = (bits >> 23) as i64;
    let fraction = bits & 0x7f_ffff;
    match biased {
        0 => (fraction, -149),
        _ => (fraction | 0x80_0000, biased - 150),
    }
}

/// An unsigned big integer, 32-bit limbs, least significant first: only what
/// the halfway comparison needs.
#[derive(PartialEq, Eq)]
struct Big(Vec<u32>);

impl Big {
    fn from_u64(v: u64) -> Big {
        let mut big = Big(vec![v as u32, (v >> 32) as u32]);
        big.trim();
        big
    }

    fn from_digits(digits: &[u8]) -> Big {
        let mut big = Big(Vec::new());
        for &d in digits {
            big.mul_add(10, u32::from(d));
        }
        big
    }

    /// self = self · m + add.
    fn mul_add(&mut self, m: u32, add: u32) {
        let mut carry = u64::from(add);
        for limb in &mut self.0 {
            let v = u64::from(*limb) * u64::from(m) + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    /// self = self · 5^k (5^13 is the largest power of five below 2^32).
    fn mul_pow5(&mut self, mut k: u32) {
        while k > 0 {
            let step = k.min(13);
            self.mul_add(5u32.pow(step), 0);
            k -= step;
        }
    }

    /// self = self · 2^k.
    fn shl(&mut self, k: u32) {
        let (words, bits) = ((k / 32) as usize, k % 32);
        if bits > 0 {
            self.mul_add(1 << bits, 0);
        }
        self.0.splice(0..0, std::iter::repeat_n(0, words));
        self.trim();
    }

    /// Drops most significant zero limbs, so equal values have equal limbs.
    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }
}

impl Ord for Big {
    fn cmp(&self, other: &Big) -> Ordering {
        let by_len = self.0.len().cmp(&other.0.len());
        by_len.then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }
}

impl PartialOrd for Big {
    fn partial_cmp(&self, other: &Big) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
