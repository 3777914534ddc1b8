//! The files and texts the page reads and writes: the own points as CSV and
//! in the address, a drawn ψ in the address, the weights file, the loss curve as CSV, and the sentences
//! and JSON that report a run.

pub mod drawn_code;
pub mod loss_csv;
pub mod points_code;
pub mod points_csv;
pub mod report;
pub mod weights_json;
