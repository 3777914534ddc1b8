//! The files and texts the page reads and writes: the own points as CSV and
//! in the address, the weights file and the loss CSV, and the decimal reader.

mod decimal;
mod points_code;
mod points_csv;
mod weights_json;
