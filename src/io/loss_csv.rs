//! Text exports of a run that need no parsing back: the loss curve as CSV.

use crate::train::history::LossHistory;

/// The header of the loss-history CSV.
pub const LOSS_HEADER: &str = "iteration,train,test";

/// The recorded losses as `iteration,train,test` rows, oldest first (the
/// curve the page draws, so merged points appear as they are drawn). A
/// non-finite loss is left empty: spreadsheets read "NaN" inconsistently.
pub fn loss_history_csv(history: &LossHistory) -> String {
    let cell = |v: f32| {
        if v.is_finite() {
            format!("{v}")
        } else {
            String::new()
        }
    };
    let mut out = String::with_capacity(32 * (history.len() + 1));
    out.push_str(LOSS_HEADER);
    out.push('\n');
    for p in history.points() {
        out.push_str(&format!("{},{},{}\n", p.iteration, cell(p.train), cell(p.test)));
    }
    out
}
