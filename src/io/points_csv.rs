//! The user's own points as CSV text: `x1,x2,label,split` rows, read with a
//! line-numbered sentence for every malformed row, and written so that reading
//! them back gives the same data set bit for bit.
//!
//! The format, as the page's tooltip states it:
//! - one point per line, `x1,x2,label` or `x1,x2,label,split`; an optional
//!   header line first (any line whose first field is not a number); blank
//!   lines and spaces around fields are ignored;
//! - x1 and x2 finite numbers in the plotted square [−6, 6]²;
//! - label 1 (also written +1) or −1; 0 is read as −1, so the common 0/1
//!   convention of two-class files works too. Only two classes exist in this
//!   view, so any other label is refused with its line;
//! - split `train` or `test` (any case; empty means train). Rows without it
//!   are split by `own_data::assemble` (the page's train fraction, shuffled by
//!   the data seed), which says so on the page.
//!
//! Written files always carry the header and the split column, train rows
//! first, with Rust's shortest round-trip `{}` for every f32, so that
//! `read(write(x))` is exactly `x`.
//!
//! Numbers are read by the standard library (`str::parse::<f32>`, correctly
//! rounded). The lines are split here rather than by the `csv` crate: the
//! format has no quoted fields, its header is recognised by its first field
//! (not a number) and its rows may have 3 or 4 fields, so the crate would only
//! split on commas, while every rule and sentence above would still be ours.

use crate::data::{Split, DOMAIN, POINTS_RANGE};

/// The rows this reads and writes: the user's own points, defined with them.
pub use crate::data::own_data::{Part, Row};

/// How many malformed lines one error message lists before "… and N more".
pub const MAX_LISTED_ERRORS: usize = 8;

/// The header every written file starts with.
pub const HEADER: &str = "x1,x2,label,split";

/// Reads every point of `text`; on any malformed line, nothing is returned but
/// a sentence listing the first `MAX_LISTED_ERRORS` of them as "line N: …".
pub fn read_points(text: &str) -> Result<Vec<Row>, String> {
    let max = POINTS_RANGE.1;
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let mut seen_content = false;
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        let first = !seen_content;
        seen_content = true;
        if first && is_header(line) {
            continue;
        }
        if rows.len() + errors.len() == max {
            return Err(format!(
                "Nothing was imported: the file has more than {max} points (the most a data set may have)."
            ));
        }
        match read_row(line) {
            Ok(row) => rows.push(row),
            Err(why) => errors.push(format!("line {}: {why}", i + 1)),
        }
    }
    if !errors.is_empty() {
        return Err(list_errors(&errors));
    }
    if rows.is_empty() {
        return Err("Nothing was imported: the file has no points (one x1,x2,label line per point).".into());
    }
    Ok(rows)
}

/// The data set as CSV: the header, then the training points, then the test
/// points, each with its split.
pub fn write_points(split: &Split) -> String {
    let mut out = String::with_capacity(24 * (split.train.len() + split.test.len() + 1));
    out.push_str(HEADER);
    out.push('\n');
    for (data, part) in [(&split.train, "train"), (&split.test, "test")] {
        for i in 0..data.len() {
            let x = data.input(i);
            let label = if data.labels[i] > 0.0 { "1" } else { "-1" };
            out.push_str(&format!("{},{},{label},{part}\n", x[0], x[1]));
        }
    }
    out
}

/// A first line whose first field is not a number names the columns.
fn is_header(line: &str) -> bool {
    let first = line.split(',').next().unwrap_or("").trim();
    first.parse::<f32>().is_err()
}

/// One line's point, or what is wrong with it.
fn read_row(line: &str) -> Result<Row, String> {
    let fields: Vec<&str> = line.split(',').map(str::trim).collect();
    if fields.len() != 3 && fields.len() != 4 {
        return Err(format!(
            "expected 3 or 4 values (x1, x2, label and an optional split), found {}",
            fields.len()
        ));
    }
    let x1 = coordinate(fields[0], "x1")?;
    let x2 = coordinate(fields[1], "x2")?;
    if x1.abs() > DOMAIN || x2.abs() > DOMAIN {
        return Err(format!(
            "the point ({x1}, {x2}) lies outside the plotted square [−{DOMAIN}, {DOMAIN}]²"
        ));
    }
    let label = label(fields[2])?;
    let part = match fields.get(3) {
        None => None,
        Some(s) => Some(part(s)?),
    };
    Ok(Row {
        x: [x1, x2],
        label,
        part,
    })
}

/// A finite f32, read by the standard library's parser (correctly rounded,
/// so written values come back exactly).
fn coordinate(field: &str, name: &str) -> Result<f32, String> {
    let v: f32 = field
        .parse()
        .map_err(|_| format!("{name} \"{field}\" is not a number"))?;
    if !v.is_finite() {
        return Err(format!("{name} must be a finite number (got \"{field}\")"));
    }
    Ok(v)
}

/// 1 or +1 is the class +1; −1 or 0 the class −1.
fn label(field: &str) -> Result<f32, String> {
    let v = field.parse::<f32>().ok();
    if v == Some(1.0) {
        Ok(1.0)
    } else if v == Some(-1.0) || v == Some(0.0) {
        Ok(-1.0)
    } else {
        Err(format!(
            "label \"{field}\" must be 1 or −1 (0 is read as −1): this view has two classes"
        ))
    }
}

/// `train`, `test`, or empty (train).
fn part(field: &str) -> Result<Part, String> {
    match field.to_ascii_lowercase().as_str() {
        "train" | "" => Ok(Part::Train),
        "test" => Ok(Part::Test),
        _ => Err(format!("split \"{field}\" must be train or test")),
    }
}

/// The message for a file with malformed lines.
fn list_errors(errors: &[String]) -> String {
    let listed = errors[..errors.len().min(MAX_LISTED_ERRORS)].join("; ");
    let more = match errors.len().saturating_sub(MAX_LISTED_ERRORS) {
        0 => String::new(),
        1 => "; and 1 more line".into(),
        n => format!("; and {n} more lines"),
    };
    let lines = if errors.len() == 1 { "line is" } else { "lines are" };
    format!(
        "Nothing was imported: {} {lines} malformed ({listed}{more}).",
        errors.len()
    )
}
